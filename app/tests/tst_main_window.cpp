// The main window (QT_QPA_PLATFORM=offscreen): the canvas follows the model through the
// tutorial, the event list of a first ping, playback, exports, languages.

#include <QApplication>
#include <QMenuBar>
#include <QProcess>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>

#include "controller/lab_controller.hpp"
#include "events/event_list_model.hpp"
#include "events/playback.hpp"
#include "inspect/time_machine.hpp"
#include "main_window.hpp"
#include "scene/packet_item.hpp"
#include "scene/topology_scene.hpp"
#include "sim/cli/docker_host.hpp"
#include "translations.hpp"

using docknet::gui::MainWindow;
using docknet::scene::ItemKind;

namespace {

int countKind(const docknet::scene::Layout& l, ItemKind k) {
    int n = 0;
    for (const auto& it : l.items) n += it.kind == k && it.path.empty() == (k != ItemKind::Veth && k != ItemKind::Uplink && k != ItemKind::Shared);
    return n;
}

// What every step of the tutorial must keep true of the canvas.
void checkSceneMatchesModel(MainWindow& w) {
    const auto& lab = w.controller().lab();
    const auto& layout = w.scene()->topology();
    std::size_t endpoints = 0, ports = 0;
    for (const auto* c : lab.engine().containers()) {
        QVERIFY2(layout.find("container:" + c->id), c->name.c_str());
        for (const auto& [net, ep] : c->endpoints)
            if (const auto* e = lab.engine().endpoint(ep); e && e->hostVeth.isValid()) ++endpoints;
        if (c->isRunning())
            for (const auto& m : c->ports) ports += m.hostPort != 0;
    }
    QCOMPARE(countKind(layout, ItemKind::Container), static_cast<int>(lab.engine().containers().size()));
    QCOMPARE(countKind(layout, ItemKind::Veth), static_cast<int>(endpoints));
    QCOMPARE(countKind(layout, ItemKind::Port), static_cast<int>(ports));
    std::vector<const docknet::scene::LayoutItem*> cards;
    for (const auto& it : layout.items)
        if (it.kind == ItemKind::Container) cards.push_back(&it);
    for (std::size_t i = 0; i < cards.size(); ++i) {
        for (const auto& line : cards[i]->lines)
            QVERIFY2(docknet::scene::measureText(line.text, line.style) <= cards[i]->rect.w - 8, line.text.c_str());
        for (std::size_t j = i + 1; j < cards.size(); ++j)
            QVERIFY2(!cards[i]->rect.intersects(cards[j]->rect), (cards[i]->id + " overlaps " + cards[j]->id).c_str());
    }
}

}  // namespace

class TestMainWindow : public QObject {
    Q_OBJECT

private slots:
    void languageChoice() {
        QCOMPARE(docknet::gui::chooseLanguage(QStringLiteral("ko")), QStringLiteral("ko"));
        QCOMPARE(docknet::gui::chooseLanguage(QStringLiteral("xx")), QString());
    }

    void welcomeShowsTheTutorialsOpeningState() {
        MainWindow w;
        w.loadWelcome();
        const auto& layout = w.scene()->topology();
        QCOMPARE(countKind(layout, ItemKind::Container), 2);
        QCOMPARE(countKind(layout, ItemKind::Port), 1);
        QVERIFY(layout.find("host") && layout.find("router") && layout.find("uplink"));
        const auto* port = [&]() -> const docknet::scene::LayoutItem* {
            for (const auto& it : layout.items)
                if (it.kind == ItemKind::Port && it.path.empty()) return &it;
            return nullptr;
        }();
        QVERIFY(port);
        QCOMPARE(QString::fromStdString(port->lines.front().text), QStringLiteral("0.0.0.0:3306 → 172.17.0.2:3306"));
        QVERIFY(w.hintText().contains(QStringLiteral("ping")));
        checkSceneMatchesModel(w);
    }

    void tutorialWalkthroughKeepsSceneAndModelInStep() {
        QFile f(QStringLiteral(DOCKNET_SOURCE_DIR "/tests/cli/golden/01_tutorial.sh"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        MainWindow w;
        // Line by line, checking after every command that ran.
        int commands = 0;
        connect(&w.controller(), &docknet::gui::LabController::stateChanged, this, [&] {
            ++commands;
            checkSceneMatchesModel(w);
        });
        QString error;
        QVERIFY2(w.controller().runScript(QString::fromUtf8(f.readAll()), &error), qPrintable(error));
        QVERIFY(commands > 20);
    }

    void newContainersDoNotMoveOthers() {
        MainWindow w;
        w.controller().runScript(QStringLiteral("docker run -dit --name a1 busybox\ndocker run -dit --name a2 busybox\n"));
        const auto before = w.scene()->topology().find("container:" + w.controller().lab().engine().findContainer("a1")->id)->rect;
        w.controller().runScript(QStringLiteral("docker network create net2\ndocker run -dit --name b1 --network net2 busybox\n"
                                                "docker run -dit --name a3 busybox\ndocker rm -f a2\n"));
        const auto after = w.scene()->topology().find("container:" + w.controller().lab().engine().findContainer("a1")->id)->rect;
        QCOMPARE(after.x, before.x);
        QCOMPARE(after.y, before.y);
        checkSceneMatchesModel(w);
    }

    void firstPingEventsInOrderAndPlayback() {
        MainWindow w;
        w.controller().runScript(QStringLiteral("docker run -dit --name a1 busybox\ndocker run -dit --name a2 busybox\n"
                                                "docker exec a1 ping -c 1 172.17.0.3\n"));
        auto* events = w.events();
        QStringList kinds;
        for (int r = 0; r < events->rowCount(); ++r) {
            const QString info = events->data(events->index(r, docknet::gui::EventListModel::Info), Qt::DisplayRole).toString();
            if (info.startsWith(QStringLiteral("ArpRequest"))) kinds << QStringLiteral("request");
            else if (info.startsWith(QStringLiteral("BridgeFlood"))) kinds << QStringLiteral("flood");
            else if (info.startsWith(QStringLiteral("ArpReply"))) kinds << QStringLiteral("reply");
            else if (info.startsWith(QStringLiteral("FrameTx")) && info.contains(QStringLiteral("echo request"))) kinds << QStringLiteral("echo");
            else if (info.startsWith(QStringLiteral("FrameTx")) && info.contains(QStringLiteral("echo reply"))) kinds << QStringLiteral("echo reply");
        }
        kinds.removeDuplicates();
        QCOMPARE(kinds, (QStringList{"request", "flood", "reply", "echo", "echo reply"}));

        // The cursor sits on the ping's first event; stepping moves envelopes along links.
        auto* pb = w.playback();
        QVERIFY(pb->currentRow() >= 0);
        int envelopes = 0;
        // Every hop of request, reply, echo and echo reply crosses a veth: at least 8 envelopes.
        while (pb->currentRow() + 1 < events->rowCount()) {
            pb->stepForward();
            w.scene()->finishAnimation();
            for (auto* p : w.scene()->packets()) envelopes += !p->isDrop();
        }
        QVERIFY(envelopes >= 8);
        const int row = pb->currentRow();
        pb->stepBack();
        QCOMPARE(pb->currentRow(), row - 1);

        // Filters: hiding ARP leaves no ARP row.
        events->setProtocolShown(docknet::scene::Protocol::Arp, false);
        for (int r = 0; r < events->rowCount(); ++r)
            QVERIFY(events->data(events->index(r, docknet::gui::EventListModel::Proto), Qt::DisplayRole).toString() != "ARP");
    }

    void stepBackRestoresTables() {
        MainWindow w;
        w.controller().runScript(QStringLiteral("docker run -dit --name a1 busybox\ndocker run -dit --name a2 busybox\n"
                                                "docker exec a1 ping -c 1 172.17.0.3\n"));
        const auto& log = w.controller().lab().kernel().trace();
        std::size_t request = log.size(), last = log.size() - 1;
        for (std::size_t i = 0; i < log.size(); ++i)
            if (log.records()[i].kind == sim::core::TraceKind::ArpRequest) request = std::min(request, i);
        QVERIFY(request < log.size());
        const docknet::gui::Session session{w.controller().options(), w.controller().inputs()};
        const docknet::gui::InspectTarget a1{docknet::gui::InspectTarget::Kind::Container, "a1"};
        auto neighbour = [](const std::vector<docknet::gui::Table>& tables) {
            for (const auto& t : tables)
                if (t.id == "neighbours")
                    for (const auto& row : t.rows)
                        for (const auto& cell : row)
                            if (cell == "INCOMPLETE" || cell == "REACHABLE") return cell;
            return std::string();
        };
        QCOMPARE(neighbour(docknet::gui::tablesAfterEvent(session, last, a1).after), std::string("REACHABLE"));
        QCOMPARE(neighbour(docknet::gui::tablesAfterEvent(session, request, a1).after), std::string("INCOMPLETE"));
    }

    void explainNamesThePortsHolder() {
        MainWindow w;
        w.controller().runScript(QStringLiteral("docker run -d --name web -p 8080:80 nginx\n"
                                                "docker run -d --name web2 -p 8080:80 nginx\n"));
        QVERIFY2(w.explainText().contains(QStringLiteral("web")), qPrintable(w.explainText()));
        QVERIFY(w.explainText().contains(QStringLiteral("8080")));
    }

    void exports() {
        QTemporaryDir dir;
        MainWindow w;
        w.loadWelcome();
        QString error;
        QVERIFY2(w.exportPng(dir.filePath("a.png"), &error), qPrintable(error));
        QVERIFY(QImage(dir.filePath("a.png")).width() > 100);
        QVERIFY2(w.exportSvg(dir.filePath("a.svg"), &error), qPrintable(error));
        QSvgRenderer svg(dir.filePath("a.svg"));
        QVERIFY(svg.isValid());
        QVERIFY(svg.defaultSize().width() > 100);
        QVERIFY(w.exportSession(dir.filePath("s.sh"), &error));
        // The session script replays to the same state.
        QFile s(dir.filePath("s.sh"));
        QVERIFY(s.open(QIODevice::ReadOnly));
        docknet::gui::LabController replay;
        QVERIFY(replay.runScript(QString::fromUtf8(s.readAll())));
        QCOMPARE(replay.lab().engine().containers().size(), w.controller().lab().engine().containers().size());
        QVERIFY(w.dumpScene(dir.filePath("scene.json"), &error));
        // The pcap opens in tshark with the sim's addresses (when tshark is installed, as ./test installs it).
        w.controller().runScript(QStringLiteral("docker exec nginx ping -c 1 172.17.0.2\n"));
        QVERIFY2(w.exportPcap(dir.filePath("t.pcap"), &error), qPrintable(error));
        QProcess tshark;
        tshark.start(QStringLiteral("tshark"), {QStringLiteral("-r"), dir.filePath("t.pcap")});
        QVERIFY(tshark.waitForFinished(60000));
        const QString shown = QString::fromUtf8(tshark.readAllStandardOutput());
        QVERIFY2(shown.contains(QStringLiteral("Who has 172.17.0.2")), qPrintable(shown));
        QVERIFY2(shown.contains(QStringLiteral("Echo (ping) request")), qPrintable(shown));
    }

    void switchLanguageAtRunTime() {
        MainWindow w;
        QVERIFY(w.setLanguage(QStringLiteral("ko")));
        const QString korean = w.hintText();
        QVERIFY(w.setLanguage(QStringLiteral("en")));
        QVERIFY(w.hintText().startsWith(QStringLiteral("Type a docker command")));
        QVERIFY(korean != w.hintText());
        QVERIFY(!w.setLanguage(QStringLiteral("xx")));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
