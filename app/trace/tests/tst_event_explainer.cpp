// The explainer on a real first ping between two containers on docker0, and on hand-made
// records for the decisions a ping does not show (drops).
#include <QtTest>

#include <algorithm>

#include "sim/cli/lab.hpp"
#include "sim/cli/script_runner.hpp"
#include "trace/event_explainer.hpp"

using docknet::gui::explainEvent;
using sim::core::TraceKind;

namespace {

constexpr const char* kFirstPing =
    "docker run -dit --name a1 busybox\n"
    "docker run -dit --name a2 busybox\n"
    "docker exec a1 ping -c 1 172.17.0.3\n";

std::size_t firstOfKind(const sim::core::TraceLog& log, TraceKind kind, std::size_t from = 0) {
    for (std::size_t i = from; i < log.size(); ++i)
        if (log.records()[i].kind == kind) return i;
    return log.size();
}

}  // namespace

class TestEventExplainer : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        m_lab = std::make_unique<sim::cli::Lab>();
        sim::cli::ScriptRunner runner(*m_lab);
        auto transcript = runner.run(kFirstPing);
        QVERIFY(transcript.has_value());
        QCOMPARE(transcript->steps.back().exitCode, 0);
    }

    void floodSaysFlood() {
        const auto& log = m_lab->kernel().trace();
        const std::size_t i = firstOfKind(log, TraceKind::BridgeFlood);
        QVERIFY(i < log.size());
        const QStringList s = explainEvent(log, i, m_lab->kernel());
        QVERIFY(!s.isEmpty());
        QVERIFY2(s.front().startsWith(QStringLiteral("docker0 has not learned ff:ff:ff:ff:ff:ff (a broadcast), so it floods the "
                                                     "frame to every other port: veth")),
                 qPrintable(s.front()));
    }

    void learnSaysLearned() {
        const auto& log = m_lab->kernel().trace();
        const std::size_t i = firstOfKind(log, TraceKind::FdbLearn);
        QVERIFY(i < log.size());
        const QStringList s = explainEvent(log, i, m_lab->kernel());
        QVERIFY(!s.isEmpty());
        QVERIFY2(s.front().startsWith(QStringLiteral("docker0 learned 02:42:ac:11:00:02 on veth")), qPrintable(s.front()));
        QVERIFY2(s.front().endsWith(QStringLiteral(": frames for that MAC will go out of that port only.")), qPrintable(s.front()));
    }

    void forwardSaysKnows() {
        const auto& log = m_lab->kernel().trace();
        const std::size_t i = firstOfKind(log, TraceKind::BridgeForward);
        QVERIFY(i < log.size());
        const QString s = explainEvent(log, i, m_lab->kernel()).value(0);
        QVERIFY2(s.startsWith(QStringLiteral("docker0 knows 02:42:ac:11:00:02 is behind veth")), qPrintable(s));
    }

    void arpRequestAsksEveryone() {
        const auto& log = m_lab->kernel().trace();
        const std::size_t i = firstOfKind(log, TraceKind::ArpRequest);
        QVERIFY(i < log.size());
        QCOMPARE(explainEvent(log, i, m_lab->kernel()).value(0),
                 QStringLiteral("a1 does not know the MAC of 172.17.0.3, so it asks everyone on the link: who has 172.17.0.3?"));
    }

    void neighbourStateSaysWhatItMeans() {
        const auto& log = m_lab->kernel().trace();
        std::size_t i = firstOfKind(log, TraceKind::NeighborState);
        while (i < log.size() && log.records()[i].detail.find("REACHABLE") == std::string::npos)
            i = firstOfKind(log, TraceKind::NeighborState, i + 1);
        QVERIFY(i < log.size());
        const QString s = explainEvent(log, i, m_lab->kernel()).value(0);
        QVERIFY2(s.startsWith(QStringLiteral("a1's neighbour entry for 172.17.0.3 goes INCOMPLETE → REACHABLE: REACHABLE means")),
                 qPrintable(s));
    }

    void frameTxNamesBothEnds() {
        const auto& log = m_lab->kernel().trace();
        const std::size_t i = firstOfKind(log, TraceKind::FrameTx);
        QVERIFY(i < log.size());
        const QString s = explainEvent(log, i, m_lab->kernel()).value(0);
        QVERIFY2(s.startsWith(QStringLiteral("a1's eth0 sends the frame into its veth cable; it comes out at veth")), qPrintable(s));
        QVERIFY2(s.endsWith(QStringLiteral(" on the host.")), qPrintable(s));
    }

    void everyRecordHasAnExplanation() {
        const auto& log = m_lab->kernel().trace();
        for (std::size_t i = 0; i < log.size(); ++i)
            QVERIFY2(!explainEvent(log, i, m_lab->kernel()).isEmpty(), log.records()[i].toString().c_str());
        QVERIFY(explainEvent(log, log.size(), m_lab->kernel()).isEmpty());
    }

    void isolationDropNamesTheChain() {
        sim::net::Kernel kernel;
        sim::core::TraceLog log;
        sim::core::TraceRecord rec;
        rec.kind = TraceKind::Drop;
        rec.reason = sim::core::DropReason::Filtered;
        rec.where = "host/br-1a2b";
        rec.detail = "IP 172.18.0.2 > 172.17.0.2: ICMP echo request, id 1, seq 1, length 64 [filter DOCKER-ISOLATION-STAGE-2 #1]";
        log.record(rec);
        QCOMPARE(explainEvent(log, 0, kernel).value(0),
                 QStringLiteral("dropped: DOCKER-ISOLATION-STAGE-2, the packet came from another bridge (Docker keeps its networks "
                                "apart)."));
        rec.detail = "IP 10.0.0.1 > 172.17.0.2: ICMP echo request, id 1, seq 1, length 64 [filter FORWARD policy]";
        log.record(rec);
        QCOMPARE(explainEvent(log, 1, kernel).value(0),
                 QStringLiteral("dropped: the iptables filter table discarded the packet (FORWARD policy)."));
    }

    void natUsesTheChain() {
        sim::net::Kernel kernel;
        sim::core::TraceLog log;
        sim::core::TraceRecord rec;
        rec.kind = TraceKind::NatTranslate;
        rec.iface = sim::core::InterfaceId(1);
        rec.where = "host/eth0";
        rec.detail = "DNAT dst 0.0.0.0:8080 -> 172.17.0.2:80 (DOCKER #1)";
        log.record(rec);
        QCOMPARE(explainEvent(log, 0, kernel).value(0), QStringLiteral("PREROUTING: DNAT 0.0.0.0:8080 → 172.17.0.2:80 (rule in DOCKER chain)"));
    }

private:
    std::unique_ptr<sim::cli::Lab> m_lab;
};

QTEST_GUILESS_MAIN(TestEventExplainer)
#include "tst_event_explainer.moc"
