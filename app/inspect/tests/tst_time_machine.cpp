// The time machine on a first ping: the FDB and the pinger's neighbour entry before and after
// the events that change them, and the last event's state equal to the live lab's.
#include <QtTest>

#include "first_ping_session.hpp"
#include "sim/shell/script_runner.hpp"

using namespace docknet::gui;
using namespace docknet::gui::testing;
using sim::core::TraceKind;

namespace {

const InspectTarget kDocker0{InspectTarget::Kind::Bridge, "docker0"};
const InspectTarget kA1{InspectTarget::Kind::Container, "a1"};
const InspectTarget kHost{InspectTarget::Kind::Host, ""};

std::size_t find(const sim::core::TraceLog& log, TraceKind kind, const std::string& where, const std::string& detailPart = {}) {
    for (std::size_t i = 0; i < log.size(); ++i) {
        const auto& r = log.records()[i];
        if (r.kind == kind && r.where() == where && r.detail().find(detailPart) != std::string::npos) return i;
    }
    return log.size();
}

std::string a1NeighbourState(const std::vector<Table>& tables) {
    const Table* t = tableById(tables, "neighbours");
    return cell(t, rowWhere(t, "ip", "172.17.0.3"), "state");
}

}  // namespace

class TestTimeMachine : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        m_live = std::make_unique<sim::cli::DockerHost>(m_session.options);
        sim::shell::ScriptRunner runner(*m_live);
        sim::shell::Transcript transcript;
        for (const auto& input : m_session.inputs) runner.runParsed(sim::shell::parseLine(input, 1)->script, transcript);
        QVERIFY(m_live->kernel().trace().size() > 10);
    }

    void fdbLearnsAtItsEvent() {
        const auto& log = m_live->kernel().trace();
        const std::size_t learn = find(log, TraceKind::FdbLearn, "host/docker0");
        QVERIFY(learn > 0 && learn < log.size());
        const TablesAt at = tablesAfterEvent(m_session, learn, kDocker0);
        QVERIFY(!rowWhere(tableById(at.before, "fdb"), "mac", "02:42:ac:11:00:02"));
        QVERIFY(rowWhere(tableById(at.after, "fdb"), "mac", "02:42:ac:11:00:02"));
        // The event before the learning is the "after" of the previous index.
        QCOMPARE(tablesAfterEvent(m_session, learn - 1, kDocker0).after, at.before);
    }

    void neighbourIncompleteThenReachable() {
        const auto& log = m_live->kernel().trace();
        const std::size_t request = find(log, TraceKind::ArpRequest, "a1/eth0");
        QVERIFY(request < log.size());
        QCOMPARE(a1NeighbourState(tablesAfterEvent(m_session, request, kA1).after), std::string("INCOMPLETE"));
        const std::size_t reachable = find(log, TraceKind::NeighborState, "a1/eth0", "-> REACHABLE");
        QVERIFY(reachable > request && reachable < log.size());
        const TablesAt at = tablesAfterEvent(m_session, reachable, kA1);
        QCOMPARE(a1NeighbourState(at.before), std::string("INCOMPLETE"));
        QCOMPARE(a1NeighbourState(at.after), std::string("REACHABLE"));
    }

    void lastEventIsTheLiveState() {
        const std::size_t last = m_live->kernel().trace().size() - 1;
        for (const auto& target : {kHost, kDocker0, kA1})
            QCOMPARE(tablesAfterEvent(m_session, last, target).after, inspectTables(*m_live, target));
    }

    void beyondTheEndAndFirstEvent() {
        const std::size_t size = m_live->kernel().trace().size();
        const TablesAt past = tablesAfterEvent(m_session, size + 5, kA1);
        QCOMPARE(past.after, inspectTables(*m_live, kA1));
        QCOMPARE(past.before, past.after);
        // The docker runs record nothing: record 0 is the ping's, and "before" it a1 is up and
        // knows no neighbour yet.
        QVERIFY(m_live->kernel().trace().records().front().where().starts_with("a1"));
        const TablesAt first = tablesAfterEvent(m_session, 0, kA1);
        QVERIFY(tableById(first.before, "interfaces"));
        QVERIFY(tableById(first.before, "neighbours")->rows.empty());
        // And for a container that does not exist yet at the start, "before" is empty.
        const TablesAt none = tablesAfterEvent(Session{{}, {"docker run -dit --name b1 busybox", "docker exec b1 ping -c 1 172.17.0.1"}},
                                               0, InspectTarget{InspectTarget::Kind::Container, "b2"});
        QVERIFY(none.before.empty() && none.after.empty());
    }

private:
    Session m_session = firstPingSession();
    std::unique_ptr<sim::cli::DockerHost> m_live;
};

QTEST_GUILESS_MAIN(TestTimeMachine)
#include "tst_time_machine.moc"
