// compareWithKernel against a fake kernel: rows per ping, link, neighbour and FDB entry, and a
// named difference for every disagreement or read error. No root needed.
#include <algorithm>

#include "plan_fixture.hpp"
#include "sim/plan/comparison.hpp"

namespace {

using namespace sim::plan;

/// Answers every ping, reports the sim's own links and the routes it is given, an empty
/// neighbour table, and fails the FDB read of docknet-host.
class FakeKernel final : public KernelBackend {
public:
    explicit FakeKernel(std::vector<LinkObservation> links, std::vector<RouteObservation> routes = {})
        : m_links(std::move(links)), m_routes(std::move(routes)) {}
    sim::core::Result<void> apply(const KernelPlan&) override { return {}; }
    sim::core::Result<void> down() override { return {}; }
    sim::core::Result<BackendStatus> status() override { return BackendStatus{}; }
    sim::core::Result<bool> ping(const std::string& ns, const std::string& dst, int) override {
        pinged.push_back(ns + " " + dst);
        return true;
    }
    sim::core::Result<std::vector<NeighborObservation>> neighbors(const std::string&) override {
        return std::vector<NeighborObservation>{};
    }
    sim::core::Result<std::vector<FdbObservation>> fdb(const std::string& ns) override {
        if (ns == "docknet-host") return sim::core::fail(sim::core::ErrorCode::Internal, "dump failed");
        return std::vector<FdbObservation>{};
    }
    sim::core::Result<std::vector<LinkObservation>> links(const std::string& ns) override {
        std::vector<LinkObservation> out;
        for (const auto& l : m_links)
            if (l.ns == ns) out.push_back(l);
        return out;
    }
    sim::core::Result<std::string> connect(const std::string&, const std::string&, std::uint16_t, int) override {
        return std::string("connected");
    }
    sim::core::Result<std::vector<RouteObservation>> routes(const std::string& ns) override {
        std::vector<RouteObservation> out;
        for (const auto& r : m_routes)
            if (r.ns == ns) out.push_back(r);
        return out;
    }
    sim::core::Result<std::size_t> forgetNeighbours(const std::string& ns) override {
        forgotten.push_back(ns + " after " + std::to_string(pinged.size()));
        return std::size_t{0};
    }
    std::vector<std::string> pinged;
    std::vector<std::string> forgotten;  // "namespace after N pings"

private:
    std::vector<LinkObservation> m_links;
    std::vector<RouteObservation> m_routes;
};

bool hasDifference(const Comparison& c, const std::string& text) {
    const auto d = c.differences();
    return std::any_of(d.begin(), d.end(), [&](const std::string& s) { return s == text; });
}

}  // namespace

TEST_CASE("the comparison names each difference between sim and kernel", "[plan][comparison]") {
    auto host = plan_test::hostAfter("default_bridge.sh");
    const KernelPlan plan = derivePlan(*host);
    FakeKernel kernel(simLinks(*host));
    const Comparison c = compareWithKernel(*host, plan, kernel, 100);

    CHECK(kernel.pinged == std::vector<std::string>{"docknet-alpine1 172.17.0.3", "docknet-alpine2 172.17.0.2"});
    std::size_t pings = 0, links = 0;
    for (const auto& r : c.rows) {
        if (r.section == "PING") {
            ++pings;
            CHECK(r.agrees());
        }
        if (r.section == "LINK") {
            ++links;
            CHECK(r.agrees());
        }
    }
    CHECK(pings == 2);
    CHECK(links == 7);  // host: eth0, docker0, two veths; router: eth0; each container: eth0
    CHECK(hasDifference(c, "NEIGHBOUR docknet-alpine1 eth0 172.17.0.3: sim 02:42:ac:11:00:03 valid, kernel -"));
    CHECK(hasDifference(c, "fdb of docknet-host: dump failed"));
    const std::string table = c.render();
    CHECK(table.find("DIFFERENT") != std::string::npos);
    CHECK(table.find("alpine1 -> alpine2 172.17.0.3 (bridge)") != std::string::npos);
}

TEST_CASE("a kernel link with another MAC is a difference", "[plan][comparison]") {
    auto host = plan_test::hostAfter("default_bridge.sh");
    const KernelPlan plan = derivePlan(*host);
    auto links = simLinks(*host);
    for (auto& l : links)
        if (l.ns == "docknet-alpine1") l.mac = "02:42:ac:11:00:99";
    FakeKernel kernel(links);
    const Comparison c = compareWithKernel(*host, plan, kernel, 100);
    CHECK(hasDifference(c, "LINK docknet-alpine1 eth0: sim 02:42:ac:11:00:02 up, kernel 02:42:ac:11:00:99 up"));
}

TEST_CASE("routes are compared per namespace and destination", "[plan][comparison]") {
    auto host = plan_test::hostAfter("default_bridge.sh");
    const KernelPlan plan = derivePlan(*host);
    auto routes = simRoutes(*host);
    CHECK(std::any_of(routes.begin(), routes.end(), [](const RouteObservation& r) {
        return r.ns == "docknet-alpine1" && r.destination == "0.0.0.0/0" && r.gateway == "172.17.0.1" && r.dev == "eth0";
    }));
    CHECK(std::any_of(routes.begin(), routes.end(), [](const RouteObservation& r) {
        return r.ns == "docknet-host" && r.destination == "172.17.0.0/16" && r.gateway.empty() && r.dev == "docker0";
    }));
    for (auto& r : routes)
        if (r.ns == "docknet-alpine2" && r.destination == "0.0.0.0/0") r.gateway = "172.17.0.254";
    std::erase_if(routes, [](const RouteObservation& r) { return r.ns == "docknet-host" && r.destination == "172.17.0.0/16"; });
    FakeKernel kernel(simLinks(*host), routes);
    const Comparison c = compareWithKernel(*host, plan, kernel, 100);
    CHECK(hasDifference(c, "ROUTE docknet-alpine2 0.0.0.0/0: sim via 172.17.0.1 dev eth0, kernel via 172.17.0.254 dev eth0"));
    CHECK(hasDifference(c, "ROUTE docknet-host 172.17.0.0/16: sim dev docker0, kernel -"));
    std::size_t agreeing = 0;
    for (const auto& r : c.rows)
        if (r.section == "ROUTE" && r.agrees()) ++agreeing;
    CHECK(agreeing > 2);
    CHECK(c.render().find("ROUTE (namespace destination)") != std::string::npos);
}

TEST_CASE("a backend that reads no routes is an error, not an agreement", "[plan][comparison]") {
    class NoRoutes final : public KernelBackend {
    public:
        sim::core::Result<void> apply(const KernelPlan&) override { return {}; }
        sim::core::Result<void> down() override { return {}; }
        sim::core::Result<BackendStatus> status() override { return BackendStatus{}; }
        sim::core::Result<bool> ping(const std::string&, const std::string&, int) override { return true; }
        sim::core::Result<std::vector<NeighborObservation>> neighbors(const std::string&) override { return std::vector<NeighborObservation>{}; }
        sim::core::Result<std::vector<FdbObservation>> fdb(const std::string&) override { return std::vector<FdbObservation>{}; }
        sim::core::Result<std::vector<LinkObservation>> links(const std::string&) override { return std::vector<LinkObservation>{}; }
        sim::core::Result<std::string> connect(const std::string&, const std::string&, std::uint16_t, int) override {
            return std::string("connected");
        }
    } kernel;
    auto host = plan_test::hostAfter("default_bridge.sh");
    const Comparison c = compareWithKernel(*host, derivePlan(*host), kernel, 100);
    CHECK(hasDifference(c, "routes of docknet-alpine1: this backend reads no routes"));
}

TEST_CASE("pings past the neighbour budget run in batches, each compared and forgotten in both worlds", "[plan][comparison]") {
    auto host = plan_test::hostAfter("default_bridge.sh");
    const KernelPlan plan = derivePlan(*host);
    FakeKernel kernel(simLinks(*host), simRoutes(*host));
    // Two entries a ping: a budget of 2 is one ping a batch.
    const Comparison c = compareWithKernel(*host, plan, kernel, 100, 2);
    CHECK(c.pingBatches == 2);
    CHECK(c.pingsPerBatch == 1);
    CHECK(kernel.forgotten == std::vector<std::string>{"docknet-alpine1 after 1", "docknet-alpine2 after 1",
                                                       "docknet-alpine1 after 2", "docknet-alpine2 after 2"});
    // The fake kernel learned nothing; the sim's entries of each batch are named with it.
    CHECK(hasDifference(c, "NEIGHBOUR docknet-alpine1 eth0 172.17.0.3 (after pings 1-1): sim 02:42:ac:11:00:03 valid, kernel -"));
    CHECK(hasDifference(c, "NEIGHBOUR docknet-alpine2 eth0 172.17.0.2 (after pings 1-1): sim 02:42:ac:11:00:02 valid, kernel -"));
    CHECK(hasDifference(c, "NEIGHBOUR docknet-alpine2 eth0 172.17.0.2 (after pings 2-2): sim 02:42:ac:11:00:02 valid, kernel -"));
    // Forgotten in the sim too: after the last batch no ping's entry is left to read.
    for (const auto& n : simNeighbors(*host)) CHECK_FALSE((n.ns == "docknet-alpine1" && n.ip == "172.17.0.3"));
}

TEST_CASE("pings within the neighbour budget run in one batch, nothing forgotten", "[plan][comparison]") {
    auto host = plan_test::hostAfter("default_bridge.sh");
    FakeKernel kernel(simLinks(*host), simRoutes(*host));
    const Comparison c = compareWithKernel(*host, derivePlan(*host), kernel, 100);
    CHECK(c.pingBatches == 1);
    CHECK(kernel.forgotten.empty());
    CHECK(hasDifference(c, "NEIGHBOUR docknet-alpine1 eth0 172.17.0.3: sim 02:42:ac:11:00:03 valid, kernel -"));
}
