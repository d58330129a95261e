// inspectTables on a lab after a first ping: the host's, docker0's and a container's tables
// hold what `ip`, `iptables -S`, `bridge fdb` and `cat /etc/hosts` would show.
#include <QtTest>

#include "first_ping_session.hpp"
#include "sim/shell/script_runner.hpp"

using namespace docknet::gui;
using namespace docknet::gui::testing;

namespace {

void runSession(sim::cli::DockerHost& lab, const Session& session) {
    sim::shell::ScriptRunner runner(lab);
    sim::shell::Transcript transcript;
    for (const auto& input : session.inputs) runner.runParsed(sim::shell::parseLine(input, 1)->script, transcript);
}

std::vector<std::string> ids(const std::vector<Table>& tables) {
    std::vector<std::string> out;
    for (const auto& t : tables) out.push_back(t.id);
    return out;
}

}  // namespace

class TestNamespaceTables : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        m_lab = std::make_unique<sim::cli::DockerHost>();
        runSession(*m_lab, firstPingSession());
    }

    void host() {
        const auto tables = inspectTables(*m_lab, {InspectTarget::Kind::Host, ""});
        QCOMPARE(ids(tables), (std::vector<std::string>{"interfaces", "neighbours", "routes", "nat", "filter", "sockets", "conntrack",
                                                        "hosts", "resolv"}));
        const Table* interfaces = tableById(tables, "interfaces");
        QCOMPARE(cell(interfaces, rowWhere(interfaces, "name", "docker0"), "addresses"), std::string("172.17.0.1/16"));
        const Table* nat = tableById(tables, "nat");
        QVERIFY(rowWhere(nat, "rule", "-s 172.17.0.0/16 ! -o docker0 -j MASQUERADE"));
        QCOMPARE(cell(nat, rowWhere(nat, "rule", "-s 172.17.0.0/16 ! -o docker0 -j MASQUERADE"), "chain"), std::string("POSTROUTING"));
        const Table* filter = tableById(tables, "filter");
        QVERIFY(rowWhere(filter, "chain", "DOCKER-ISOLATION-STAGE-2"));
        QVERIFY(!tableById(tables, "resolv")->rows.empty());
    }

    void iptablesRowsCarryTheCounters() {
        // A ping to the Internet crosses FORWARD: the rows that matched it count it.
        sim::cli::DockerHost lab;
        runSession(lab, Session{{}, {"docker run -dit --name a1 alpine", "docker exec a1 ping -c 1 8.8.8.8"}});
        const auto tables = inspectTables(lab, {InspectTarget::Kind::Host, ""});
        const Table* filter = tableById(tables, "filter");
        const auto* jump = rowWhere(filter, "rule", "-j DOCKER-USER");
        QVERIFY(jump);
        QCOMPARE(cell(filter, jump, "pkts"), std::string("2"));
        QCOMPARE(cell(filter, jump, "bytes"), std::string("168"));
        const Table* nat = tableById(tables, "nat");
        QCOMPARE(cell(nat, rowWhere(nat, "rule", "-s 172.17.0.0/16 ! -o docker0 -j MASQUERADE"), "pkts"), std::string("1"));
    }

    void bridge() {
        const auto tables = inspectTables(*m_lab, {InspectTarget::Kind::Bridge, "docker0"});
        QCOMPARE(ids(tables), (std::vector<std::string>{"ports", "fdb"}));
        QCOMPARE(tableById(tables, "ports")->rows.size(), std::size_t(2));
        const Table* fdb = tableById(tables, "fdb");
        const auto* a1 = rowWhere(fdb, "mac", "02:42:ac:11:00:02");
        QVERIFY(a1);
        QCOMPARE(cell(fdb, a1, "local"), std::string("no"));
        QVERIFY(cell(fdb, a1, "port").starts_with("veth"));
        QVERIFY(rowWhere(fdb, "mac", "02:42:ac:11:00:03"));
        QVERIFY(inspectTables(*m_lab, {InspectTarget::Kind::Bridge, "br-none"}).empty());
    }

    void container() {
        const auto tables = inspectTables(*m_lab, {InspectTarget::Kind::Container, "a1"});
        QCOMPARE(ids(tables), (std::vector<std::string>{"interfaces", "neighbours", "routes", "sockets", "hosts", "resolv"}));
        const Table* interfaces = tableById(tables, "interfaces");
        QCOMPARE(cell(interfaces, rowWhere(interfaces, "name", "eth0"), "addresses"), std::string("172.17.0.2/16"));
        const Table* neighbours = tableById(tables, "neighbours");
        const auto* a2 = rowWhere(neighbours, "ip", "172.17.0.3");
        QCOMPARE(cell(neighbours, a2, "lladdr"), std::string("02:42:ac:11:00:03"));
        QCOMPARE(cell(neighbours, a2, "state"), std::string("REACHABLE"));
        const Table* routes = tableById(tables, "routes");
        QCOMPARE(cell(routes, rowWhere(routes, "destination", "default"), "gateway"), std::string("172.17.0.1"));
        const Table* hosts = tableById(tables, "hosts");
        QVERIFY(std::any_of(hosts->rows.begin(), hosts->rows.end(), [](const auto& r) { return r[0].starts_with("172.17.0.2\t"); }));
        QVERIFY(inspectTables(*m_lab, {InspectTarget::Kind::Container, "nosuch"}).empty());
    }

    void hostModeContainerShowsTheHost() {
        sim::cli::DockerHost lab;
        runSession(lab, Session{{}, {"docker run -dit --name hostbox --network host busybox"}});
        const auto host = inspectTables(lab, {InspectTarget::Kind::Host, ""});
        const auto h = inspectTables(lab, {InspectTarget::Kind::Container, "hostbox"});
        QVERIFY(tableById(h, "interfaces"));
        QCOMPARE(*tableById(h, "interfaces"), *tableById(host, "interfaces"));
        QCOMPARE(*tableById(h, "routes"), *tableById(host, "routes"));
    }

private:
    std::unique_ptr<sim::cli::DockerHost> m_lab;
};

QTEST_GUILESS_MAIN(TestNamespaceTables)
#include "tst_namespace_tables.moc"
