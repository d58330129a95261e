// The plan's embedded DNS records: what EmbeddedDns answers each container on a user-defined
// network, and none for the default bridge.
#include <map>

#include "plan_fixture.hpp"

using sim::plan::KernelPlan;
using sim::plan::PlanResolver;

TEST_CASE("a user-defined network's containers get resolvers with names, short ids and PTRs — docker0's none", "[plan]") {
    auto host = plan_test::hostAfter("user_network.sh");
    const KernelPlan p = sim::plan::derivePlan(*host);
    REQUIRE(p.resolvers.size() == 2);
    const PlanResolver* r = nullptr;
    for (const auto& x : p.resolvers)
        if (x.ns == "docknet-nginx2") r = &x;
    REQUIRE(r);
    CHECK(r->container == "nginx2");
    CHECK(r->addresses.at("nginx3") == "172.18.0.3");
    CHECK(r->addresses.at("nginx3.mybridge") == "172.18.0.3");
    CHECK(r->addresses.at("nginx2") == "172.18.0.2");
    CHECK_FALSE(r->addresses.contains("web"));
    CHECK(r->pointers.at("172.18.0.3") == "nginx3.mybridge");
    const auto* nginx3 = host->engine().findContainer("nginx3");
    REQUIRE(nginx3);
    CHECK(r->addresses.at(nginx3->id.substr(0, 12)) == "172.18.0.3");
}

TEST_CASE("name probes: every answered name, NXDOMAIN for containers off the asker's networks, PTRs", "[plan]") {
    auto host = plan_test::hostAfter("user_network.sh");
    bool web = false, ptr = false;
    for (const auto& q : sim::plan::deriveNameProbes(*host)) {
        CHECK(q.fromNs != "docknet-web");  // docker0 has no embedded DNS
        if (q.fromLabel == "nginx2" && q.name == "web") web = q.simAnswer == "NXDOMAIN";
        if (q.fromLabel == "nginx3" && q.pointer && q.name == "2.0.18.172.in-addr.arpa") ptr = q.simAnswer == "nginx2.mybridge";
    }
    CHECK(web);
    CHECK(ptr);
}

TEST_CASE("binds: a host-mode nginx against a published :80 is EADDRINUSE in docknet-host — host-mode mysqld binds", "[plan]") {
    auto host = plan_test::hostAfter("host_port_conflict.sh");
    const KernelPlan p = sim::plan::derivePlan(*host);
    std::map<std::string, std::string> outcome;
    for (const auto& b : p.binds) outcome[b.container + " " + b.ns + " " + std::to_string(b.port)] = b.simOutcome;
    CHECK(outcome.at("web docknet-web 80") == "bound");
    CHECK(outcome.at("web4 docknet-host 80") == "EADDRINUSE");
    CHECK(outcome.at("hostdb docknet-host 3306") == "bound");
    bool proxyListens = false;  // the published port's holder is a plan listener, so the kernel's bind meets it
    for (const auto& l : p.listeners) proxyListens |= l.ns == "docknet-host" && l.port == 80 && l.owner == "docker-proxy";
    CHECK(proxyListens);
}
