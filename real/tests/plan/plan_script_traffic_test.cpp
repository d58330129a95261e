// The script's own traffic as replayable probes (docknet real capture SCRIPT), the container to
// container TCP connects verify makes, and what apply --on-host would put in the root namespace.
#include <algorithm>

#include "plan_fixture.hpp"
#include "sim/plan/comparison.hpp"
#include "sim/plan/on_host_listing.hpp"
#include "sim/plan/script_traffic.hpp"

namespace {

using namespace sim::plan;

bool anyStartsWith(const std::vector<std::string>& lines, const std::string& prefix) {
    return std::any_of(lines.begin(), lines.end(), [&](const std::string& l) { return l.starts_with(prefix); });
}

}  // namespace

TEST_CASE("script traffic: the default bridge's pings become probes from the right namespaces") {
    auto host = plan_test::hostAfter("default_bridge.sh");
    const auto plan = derivePlan(*host);
    const auto t = deriveScriptTraffic(*host, plan,
                                       {{4, "docker exec alpine1 ping -c 2 172.17.0.3"},
                                        {5, "docker exec -it alpine2 ping -c 1 172.17.0.2 | head -2"},
                                        {6, "docker exec alpine1 ping -c 1 192.0.2.1"},
                                        {7, "docker exec alpine1 ping -c 1 alpine2"},
                                        {8, "docker exec nosuch ping -c 1 172.17.0.2"},
                                        {9, "ping -c 1 172.17.0.2"},
                                        {10, "docker ps"},
                                        {11, "docker exec alpine1 ping -c 1 8.8.8.8"}});
    REQUIRE(t.steps.size() == 4);
    CHECK(t.steps[0].fromNs == "docknet-alpine1");
    CHECK(t.steps[0].dst == "172.17.0.3");
    CHECK(t.steps[0].count == 2);
    CHECK(t.steps[1].fromNs == "docknet-alpine2");
    CHECK(t.steps[1].dst == "172.17.0.2");
    CHECK(t.steps[2].fromNs == "docknet-host");
    CHECK(t.steps[2].line == 9);
    // The sim's Internet stand-in holds 8.8.8.8 in docknet-router: inside the lab.
    CHECK(t.steps[3].line == 11);
    CHECK(t.steps[3].dst == "8.8.8.8");
    REQUIRE(t.skipped.size() == 3);
    CHECK(t.skipped[0].line == 6);
    CHECK(t.skipped[0].reason.find("outside the lab") != std::string::npos);
    CHECK(t.skipped[1].line == 7);  // no embedded DNS, no hosts line on the default bridge
    CHECK(t.skipped[1].reason.find("cannot resolve") != std::string::npos);
    CHECK(t.skipped[2].reason.find("no running container nosuch") != std::string::npos);
}

TEST_CASE("script traffic: names through the embedded DNS, curl as a GET, nslookup as a query") {
    auto host = plan_test::hostAfter("user_network.sh");
    const auto plan = derivePlan(*host);
    const auto t = deriveScriptTraffic(*host, plan,
                                       {{1, "docker exec nginx2 curl -s http://nginx3:80/"},
                                        {2, "docker exec nginx2 nslookup nginx3"},
                                        {3, "docker exec nginx2 nslookup 172.18.0.3"},
                                        {4, "docker exec nginx2 curl -s https://nginx3/"}});
    REQUIRE(t.steps.size() == 3);
    CHECK(t.steps[0].kind == TrafficStep::Kind::HttpGet);
    CHECK(t.steps[0].dst == "172.18.0.3");
    CHECK(t.steps[0].port == 80);
    CHECK(t.steps[0].path == "/");
    CHECK(t.steps[1].kind == TrafficStep::Kind::Lookup);
    CHECK(t.steps[1].name == "nginx3");
    CHECK(t.steps[2].pointer);
    CHECK(t.steps[2].name == "3.0.18.172.in-addr.arpa");
    REQUIRE(t.skipped.size() == 1);
    CHECK(t.skipped[0].reason == "not an http URL");
}

TEST_CASE("container connects: every listened port and one refused, in the sim") {
    auto host = plan_test::hostAfter("published_port.sh");
    const auto connects = deriveContainerConnects(*host);
    std::vector<std::string> rows;
    for (const auto& c : connects) rows.push_back(c.what + " = " + simConnect(*host, c.probe));
    CHECK(std::find(rows.begin(), rows.end(), "db -> nginx 172.17.0.3:80 (nginx) = connected") != rows.end());
    CHECK(std::find(rows.begin(), rows.end(), "db -> nginx 172.17.0.3:81 (nothing listens) = refused") != rows.end());
    CHECK(std::find(rows.begin(), rows.end(), "nginx -> db 172.17.0.2:3306 (mysqld) = connected") != rows.end());
    CHECK(std::find(rows.begin(), rows.end(), "nginx -> db 172.17.0.2:3307 (nothing listens) = refused") != rows.end());
    CHECK(connects.size() == 4);
}

namespace {

/// A kernel whose every connect is "connected" and every ping answered; it reads empty tables.
class AlwaysConnected final : public KernelBackend {
public:
    sim::core::Result<void> apply(const KernelPlan&) override { return {}; }
    sim::core::Result<void> down() override { return {}; }
    sim::core::Result<BackendStatus> status() override { return BackendStatus{}; }
    sim::core::Result<bool> ping(const std::string&, const std::string&, int) override { return true; }
    sim::core::Result<std::vector<NeighborObservation>> neighbors(const std::string&) override { return std::vector<NeighborObservation>{}; }
    sim::core::Result<std::vector<FdbObservation>> fdb(const std::string&) override { return std::vector<FdbObservation>{}; }
    sim::core::Result<std::vector<LinkObservation>> links(const std::string&) override { return std::vector<LinkObservation>{}; }
    sim::core::Result<std::string> connect(const std::string& ns, const std::string& dst, std::uint16_t port, int) override {
        connects.push_back(ns + " " + dst + ":" + std::to_string(port));
        return std::string("connected");
    }
    std::vector<std::string> connects;
};

}  // namespace

TEST_CASE("verify's CONNECT rows: a kernel connecting to a port nobody listens on is a named difference") {
    auto host = plan_test::hostAfter("published_port.sh");
    const auto plan = derivePlan(*host);
    AlwaysConnected kernel;
    const auto c = compareWithKernel(*host, plan, kernel, 1000);
    CHECK(std::find(kernel.connects.begin(), kernel.connects.end(), "docknet-db 172.17.0.3:81") != kernel.connects.end());
    const auto d = c.differences();
    CHECK(std::find(d.begin(), d.end(), "CONNECT db -> nginx 172.17.0.3:81 (nothing listens): sim refused, kernel connected") != d.end());
    CHECK(std::none_of(d.begin(), d.end(), [](const std::string& s) { return s.starts_with("CONNECT db -> nginx 172.17.0.3:80 "); }));
    CHECK(c.render().find("CONNECT (container to container, TCP)") != std::string::npos);
}

TEST_CASE("docker-proxy's listeners carry the target they forward to, the services' none") {
    auto host = plan_test::hostAfter("published_port.sh");
    const auto plan = derivePlan(*host);
    std::vector<std::string> listeners;
    for (const auto& l : plan.listeners) listeners.push_back(l.ns + " " + std::to_string(l.port) + " " + l.owner + " -> " + l.forwardTo);
    CHECK(std::find(listeners.begin(), listeners.end(), "docknet-host 8080 docker-proxy -> 172.17.0.3:80") != listeners.end());
    CHECK(std::find(listeners.begin(), listeners.end(), "docknet-host 3306 docker-proxy -> 172.17.0.2:3306") != listeners.end());
    CHECK(std::find(listeners.begin(), listeners.end(), "docknet-nginx 80 nginx -> ") != listeners.end());
}

TEST_CASE("apply --on-host: docknet-host's part listed for the root namespace, the router left out") {
    auto host = plan_test::hostAfter("published_port.sh");
    const auto l = describeOnHost(derivePlan(*host));
    CHECK(anyStartsWith(l.inRootNamespace, "bridge docker0 02:42:"));
    CHECK(anyStartsWith(l.inRootNamespace, "addr 172.17.0.1/16 dev docker0"));
    CHECK(anyStartsWith(l.inRootNamespace, "nft table ip docknet"));
    CHECK(anyStartsWith(l.inRootNamespace, "listen tcp 0.0.0.0:8080 (docker-proxy)"));
    CHECK(anyStartsWith(l.inLabNamespaces, "netns docknet-nginx"));
    CHECK(anyStartsWith(l.leftOut, "netns docknet-router"));
    for (const auto& o : l.inRootNamespace) {
        CHECK(o.find("docknet-router") == std::string::npos);
        CHECK(o.find("10.0.2.15") == std::string::npos);
    }
    for (const auto& o : l.inLabNamespaces) CHECK(o.find("docknet-host") == std::string::npos);
}
