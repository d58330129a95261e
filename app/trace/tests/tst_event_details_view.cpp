// The details view on a record with a frame: the title, the dissected tree, the sentences, the
// bytes, and a selected field's bytes highlighted in the dump.
#include <QtTest>

#include <QLabel>
#include <QPlainTextEdit>
#include <QTranslator>
#include <QTreeWidget>

#include "sim/wire/ethernet_frame.hpp"
#include "trace/event_details_view.hpp"

using docknet::gui::EventDetailsView;
using namespace sim::wire;

namespace {

QTreeWidgetItem* findItem(QTreeWidget* tree, const QString& prefix) {
    for (QTreeWidgetItemIterator it(tree); *it; ++it)
        if ((*it)->text(0).startsWith(prefix)) return *it;
    return nullptr;
}

/// Translates the view's own texts to upper case, standing in for a real .qm file.
class UpperCaseTranslator : public QTranslator {
public:
    QString translate(const char* context, const char* source, const char*, int) const override {
        return QLatin1String(context) == QLatin1String("docknet::gui::EventDetailsView") ? QString::fromUtf8(source).toUpper() : QString();
    }
    bool isEmpty() const override { return false; }
};

}  // namespace

class TestEventDetailsView : public QObject {
    Q_OBJECT
private slots:
    void init() {
        const MacAddress mac = *MacAddress::parse("02:42:ac:11:00:02");
        const EthernetFrame frame{MacAddress::broadcast(), mac,
                                  ArpPacket::request(mac, Ipv4Address(172, 17, 0, 2), Ipv4Address(172, 17, 0, 3))};
        const Bytes bytes = frame.encode();
        sim::core::TraceRecord tx;
        tx.kind = sim::core::TraceKind::ArpRequest;
        tx.time = sim::core::SimTime::fromMicros(10);
        sim::core::TraceText text;
        text.where = "a1/eth0";
        text.detail = frame.summary();
        m_log.clear();
        m_log.record(sim::core::TraceRecord{});  // record 0 has no frame
        m_log.record(tx, text, sim::core::FrameLayer::Ethernet, bytes);
    }

    void showsEverything() {
        EventDetailsView view;
        view.showEvent(m_log, 1, m_kernel);
        QCOMPARE(view.findChild<QLabel*>(QStringLiteral("title"))->text(), QStringLiteral("Event #2 · 0.000010 s · eth0 · ArpRequest"));
        auto* tree = view.findChild<QTreeWidget*>(QStringLiteral("fields"));
        QCOMPARE(tree->topLevelItemCount(), 2);
        QVERIFY(tree->topLevelItem(0)->text(0).startsWith(QStringLiteral("Ethernet II, Src: 02:42:ac:11:00:02")));
        QVERIFY(tree->topLevelItem(1)->isExpanded());
        QVERIFY(view.findChild<QLabel*>(QStringLiteral("why"))->text().contains(QStringLiteral("who has 172.17.0.3?")));
        QVERIFY(view.findChild<QPlainTextEdit*>(QStringLiteral("bytes"))->toPlainText().startsWith(QStringLiteral("0000  ff ff ff ff")));
    }

    void selectingAFieldHighlightsItsBytes() {
        EventDetailsView view;
        view.showEvent(m_log, 1, m_kernel);
        auto* tree = view.findChild<QTreeWidget*>(QStringLiteral("fields"));
        auto* bytes = view.findChild<QPlainTextEdit*>(QStringLiteral("bytes"));
        QTreeWidgetItem* senderIp = findItem(tree, QStringLiteral("Sender IP address: 172.17.0.2"));
        QVERIFY(senderIp);
        tree->setCurrentItem(senderIp);
        QCOMPARE(bytes->extraSelections().size(), 1);
        QCOMPARE(bytes->extraSelections().front().cursor.selectedText(), QStringLiteral("ac 11 00 02"));
        // The source MAC spans bytes 6..11, across the gap after the 8th byte.
        tree->setCurrentItem(findItem(tree, QStringLiteral("Source: ")));
        QCOMPARE(bytes->extraSelections().front().cursor.selectedText(), QStringLiteral("02 42  ac 11 00 02"));
    }

    void recordWithoutFrameAndClear() {
        EventDetailsView view;
        view.showEvent(m_log, 0, m_kernel);
        QCOMPARE(view.findChild<QTreeWidget*>(QStringLiteral("fields"))->topLevelItemCount(), 0);
        QVERIFY(view.findChild<QPlainTextEdit*>(QStringLiteral("bytes"))->toPlainText().isEmpty());
        view.showEvent(m_log, 1, m_kernel);
        view.clear();
        QCOMPARE(view.findChild<QLabel*>(QStringLiteral("title"))->text(), QStringLiteral("No event selected"));
        QVERIFY(view.findChild<QLabel*>(QStringLiteral("why"))->text().isEmpty());
        view.showEvent(m_log, 99, m_kernel);
        QCOMPARE(view.findChild<QLabel*>(QStringLiteral("title"))->text(), QStringLiteral("No event selected"));
    }

    void retranslatesOnLanguageChange() {
        EventDetailsView view;
        view.showEvent(m_log, 1, m_kernel);
        UpperCaseTranslator upper;
        QVERIFY(QCoreApplication::installTranslator(&upper));
        QCoreApplication::processEvents();
        QCOMPARE(view.findChild<QLabel*>(QStringLiteral("title"))->text(), QStringLiteral("EVENT #2 · 0.000010 S · eth0 · ArpRequest"));
        QCoreApplication::removeTranslator(&upper);
        QCoreApplication::processEvents();
        QCOMPARE(view.findChild<QLabel*>(QStringLiteral("title"))->text(), QStringLiteral("Event #2 · 0.000010 s · eth0 · ArpRequest"));
    }

private:
    sim::core::TraceLog m_log;
    sim::net::Kernel m_kernel;
};

QTEST_MAIN(TestEventDetailsView)
#include "tst_event_details_view.moc"
