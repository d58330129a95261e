// The Inspector panel: one read-only tab per table with translated titles, rows the event added
// highlighted, rows it removed struck out, and a language change retranslating it all.
#include <QtTest>

#include <QLabel>
#include <QTabWidget>
#include <QTableWidget>
#include <QTranslator>

#include "first_ping_session.hpp"
#include "inspect/inspector_panel.hpp"
#include "sim/shell/script_runner.hpp"

using namespace docknet::gui;
using namespace docknet::gui::testing;

namespace {

/// Translates every InspectorPanel text to upper case, standing in for a real .qm file.
class UpperCaseTranslator : public QTranslator {
public:
    QString translate(const char* context, const char* source, const char*, int) const override {
        return QLatin1String(context) == QLatin1String("InspectorPanel") ? QString::fromUtf8(source).toUpper() : QString();
    }
    bool isEmpty() const override { return false; }
};

int rowOf(QTableWidget* t, int column, const QString& text) {
    for (int r = 0; r < t->rowCount(); ++r)
        if (t->item(r, column) && t->item(r, column)->text() == text) return r;
    return -1;
}

}  // namespace

class TestInspectorPanel : public QObject {
    Q_OBJECT
private slots:
    void highlightsWhatTheEventLearned() {
        const Session session = firstPingSession();
        sim::cli::DockerHost lab;
        sim::shell::ScriptRunner runner(lab);
        sim::shell::Transcript transcript;
        for (const auto& input : session.inputs) runner.runParsed(sim::shell::parseLine(input, 1)->script, transcript);
        std::size_t learn = 0;
        while (lab.kernel().trace().records()[learn].kind != sim::core::TraceKind::FdbLearn) ++learn;

        InspectorPanel panel;
        panel.showTables(QStringLiteral("docker0 (as of event #%1)").arg(learn), tablesAfterEvent(session, learn, {InspectTarget::Kind::Bridge, "docker0"}));
        QCOMPARE(panel.findChild<QLabel*>(QStringLiteral("header"))->text(), QStringLiteral("Inspector · docker0 (as of event #%1)").arg(learn));
        auto* tabs = panel.findChild<QTabWidget*>(QStringLiteral("tabs"));
        QCOMPARE(tabs->count(), 2);
        QCOMPARE(tabs->tabText(0), QStringLiteral("Ports"));
        QCOMPARE(tabs->tabText(1), QStringLiteral("FDB"));
        auto* fdb = qobject_cast<QTableWidget*>(tabs->widget(1));
        QVERIFY(fdb);
        QCOMPARE(fdb->editTriggers(), QAbstractItemView::NoEditTriggers);
        QCOMPARE(fdb->horizontalHeaderItem(0)->text(), QStringLiteral("MAC"));
        const int learned = rowOf(fdb, 0, QStringLiteral("02:42:ac:11:00:02"));
        QVERIFY(learned >= 0);
        QCOMPARE(fdb->item(learned, 0)->background().color(), InspectorPanel::changedRowColor());
        // The ports' own (local) entries were there before: not highlighted.
        const int local = rowOf(fdb, 2, QStringLiteral("yes"));
        QVERIFY(local >= 0);
        QVERIFY(fdb->item(local, 0)->background().color() != InspectorPanel::changedRowColor());
    }

    void removedRowsAreStruckOut() {
        Table before{"neighbours", {"ip", "dev", "lladdr", "state"}, {{"172.17.0.3", "eth0", "02:42:ac:11:00:03", "REACHABLE"}}};
        Table after{"neighbours", {"ip", "dev", "lladdr", "state"}, {{"172.17.0.3", "eth0", "02:42:ac:11:00:03", "STALE"}}};
        InspectorPanel panel;
        panel.showTables(QStringLiteral("a1"), TablesAt{{before}, {after}});
        auto* tabs = panel.findChild<QTabWidget*>(QStringLiteral("tabs"));
        QCOMPARE(tabs->tabText(0), QStringLiteral("ARP"));
        auto* t = qobject_cast<QTableWidget*>(tabs->widget(0));
        QCOMPARE(t->rowCount(), 2);
        QCOMPARE(t->item(0, 3)->text(), QStringLiteral("STALE"));
        QCOMPARE(t->item(0, 3)->background().color(), InspectorPanel::changedRowColor());
        QCOMPARE(t->item(1, 3)->text(), QStringLiteral("REACHABLE"));
        QVERIFY(t->item(1, 3)->font().strikeOut());
        panel.clear();
        QCOMPARE(tabs->count(), 0);
        QCOMPARE(panel.findChild<QLabel*>(QStringLiteral("header"))->text(), QStringLiteral("Inspector"));
    }

    void retranslatesOnLanguageChange() {
        InspectorPanel panel;
        panel.showTables(QStringLiteral("host"), TablesAt{{}, {Table{"routes", {"destination", "gateway"}, {{"default", "10.0.0.1"}}}}});
        UpperCaseTranslator upper;
        QVERIFY(QCoreApplication::installTranslator(&upper));
        QCoreApplication::processEvents();
        auto* tabs = panel.findChild<QTabWidget*>(QStringLiteral("tabs"));
        QCOMPARE(tabs->tabText(0), QStringLiteral("ROUTES"));
        QCOMPARE(qobject_cast<QTableWidget*>(tabs->widget(0))->horizontalHeaderItem(1)->text(), QStringLiteral("GATEWAY"));
        QCOMPARE(panel.findChild<QLabel*>(QStringLiteral("header"))->text(), QStringLiteral("INSPECTOR · host"));
        QCoreApplication::removeTranslator(&upper);
        QCoreApplication::processEvents();
        QCOMPARE(tabs->tabText(0), QStringLiteral("Routes"));
    }
};

QTEST_MAIN(TestInspectorPanel)
#include "tst_inspector_panel.moc"
