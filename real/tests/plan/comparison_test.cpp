// compareWithKernel against a fake kernel: rows per ping, link, neighbour and FDB entry, and a
// named difference for every disagreement or read error. No root needed.
#include <algorithm>

#include "plan_fixture.hpp"
#include "sim/plan/comparison.hpp"

namespace {

using namespace sim::plan;

/// Answers every ping, reports the sim's own links, an empty neighbour table, and fails the
/// FDB read of docknet-host.
class FakeKernel final : public KernelBackend {
public:
    explicit FakeKernel(std::vector<LinkObservation> links) : m_links(std::move(links)) {}
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
    std::vector<std::string> pinged;

private:
    std::vector<LinkObservation> m_links;
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
