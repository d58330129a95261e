// verify's COUNTERS rows (the sim's iptables packet counters beside the lab table's nft counters)
// and its UDP rows (docker-proxy's and dnsmasq's sockets: binds and one datagram), against fake
// kernels. No root needed.
#include <algorithm>
#include <functional>

#include "plan_fixture.hpp"
#include "sim/plan/comparison.hpp"
#include "sim/plan/script_traffic.hpp"

namespace {

using namespace sim::plan;

/// Answers no ping (the ICC-off network drops them), reads empty tables, and gives the
/// counters `readCounters` returns, or none at all.
class CountingKernel final : public KernelBackend {
public:
    explicit CountingKernel(std::function<std::vector<CounterObservation>()> readCounters = {})
        : m_readCounters(std::move(readCounters)) {}
    sim::core::Result<void> apply(const KernelPlan&) override { return {}; }
    sim::core::Result<void> down() override { return {}; }
    sim::core::Result<BackendStatus> status() override { return BackendStatus{}; }
    sim::core::Result<bool> ping(const std::string&, const std::string&, int) override { return false; }
    sim::core::Result<std::vector<NeighborObservation>> neighbors(const std::string&) override { return std::vector<NeighborObservation>{}; }
    sim::core::Result<std::vector<FdbObservation>> fdb(const std::string&) override { return std::vector<FdbObservation>{}; }
    sim::core::Result<std::vector<LinkObservation>> links(const std::string&) override { return std::vector<LinkObservation>{}; }
    sim::core::Result<std::string> connect(const std::string&, const std::string&, std::uint16_t, int) override {
        return std::string("timed out");
    }
    sim::core::Result<std::vector<CounterObservation>> counters(const std::string& ns) override {
        if (!m_readCounters) return KernelBackend::counters(ns);
        asked.push_back(ns);
        auto all = m_readCounters();
        std::erase_if(all, [&](const CounterObservation& o) { return o.ns != ns; });
        return all;
    }
    sim::core::Result<std::string> udpBindOutcome(const std::string& ns, const std::string& address, std::uint16_t port,
                                                  const std::string& owner) override {
        binds.push_back(owner + " " + ns + " " + address + ":" + std::to_string(port));
        return std::string(owner == "docker-proxy" || owner == "dnsmasq" ? "bound" : "EADDRINUSE");
    }
    sim::core::Result<std::string> udpExchange(const std::string& ns, const std::string& dst, std::uint16_t port,
                                               const std::string&, int) override {
        sent.push_back(ns + " " + dst + ":" + std::to_string(port));
        return std::string(port == 53 ? "answered" : "delivered, no answer");
    }
    std::vector<std::string> asked, binds, sent;

private:
    std::function<std::vector<CounterObservation>()> m_readCounters;
};

const ComparisonRow* rowStarting(const Comparison& c, const std::string& section, const std::string& what) {
    const auto it = std::find_if(c.rows.begin(), c.rows.end(),
                                 [&](const ComparisonRow& r) { return r.section == section && r.what.starts_with(what); });
    return it == c.rows.end() ? nullptr : &*it;
}

}  // namespace

TEST_CASE("the rules carry nft counters, and simCounters numbers them as the kernel lists them", "[plan][counters]") {
    auto host = plan_test::hostAfter("default_bridge.sh");
    const KernelPlan plan = derivePlan(*host);
    REQUIRE(plan.rulesets.size() == 1);
    CHECK(plan.rulesets[0].text.find("oifname != \"docker0\" ip saddr 172.17.0.0/16 counter masquerade") != std::string::npos);
    const auto counters = simCounters(*host);
    CHECK(std::any_of(counters.begin(), counters.end(), [](const CounterObservation& o) {
        return o.ns == "docknet-host" && o.chain == "nat_POSTROUTING" && o.rule == 1;
    }));
    forgetCounters(*host);
    for (const auto& o : simCounters(*host)) CHECK(o.packets == 0);
}

TEST_CASE("COUNTERS: the ICC drop counts the dropped pings in both worlds, and a disagreeing counter is named", "[plan][counters]") {
    auto host = plan_test::hostAfter("icc_off.sh");
    const KernelPlan plan = derivePlan(*host);
    SECTION("a kernel that counts as the sim does agrees, row by row") {
        CountingKernel kernel([&] { return simCounters(*host); });
        const Comparison c = compareWithKernel(*host, plan, kernel, 100);
        CHECK(kernel.asked == std::vector<std::string>{"docknet-host", "docknet-host"});  // filter after the pings, nat at the end
        std::size_t rows = 0;
        for (const auto& r : c.rows)
            if (r.section == "COUNTERS") {
                ++rows;
                CHECK(r.agrees());
            }
        CHECK(rows > 10);
        // q1 -> q2 and q2 -> q1: two echo requests dropped by `-i br -o br -j DROP`.
        const auto* drop = rowStarting(c, "COUNTERS", "docknet-host filter_FORWARD #");
        REQUIRE(drop);
        bool sawDrop = false;
        for (const auto& r : c.rows)
            if (r.section == "COUNTERS" && r.what.starts_with("docknet-host filter_FORWARD #") &&
                r.what.find(": iifname \"br-") != std::string::npos && r.what.ends_with(" drop")) {
                CHECK(r.sim == "2 packets");
                sawDrop = true;
            }
        CHECK(sawDrop);
        CHECK(c.render().find("COUNTERS (namespace chain #rule: packets)") != std::string::npos);
    }
    SECTION("one counter off by one is a named difference") {
        CountingKernel kernel([&] {
            auto all = simCounters(*host);
            for (auto& o : all)
                if (o.chain == "filter_FORWARD" && o.rule == 1) ++o.packets;
            return all;
        });
        const Comparison c = compareWithKernel(*host, plan, kernel, 100);
        const auto* row = rowStarting(c, "COUNTERS", "docknet-host filter_FORWARD #1: ");
        REQUIRE(row);
        CHECK_FALSE(row->agrees());
        const auto d = c.differences();
        CHECK(std::any_of(d.begin(), d.end(), [&](const std::string& s) {
            return s == "COUNTERS " + row->what + ": sim " + row->sim + ", kernel " + row->kernel;
        }));
    }
    SECTION("a backend that reads no counters is an error, not an agreement") {
        CountingKernel kernel;
        const Comparison c = compareWithKernel(*host, plan, kernel, 100);
        const auto d = c.differences();
        CHECK(std::count(d.begin(), d.end(), "counters of docknet-host: this backend reads no counters") == 2);
    }
}

TEST_CASE("a published UDP port: docker-proxy's socket and dnsmasq's in the plan, bound, a second bind refused, one datagram each",
          "[plan][udp]") {
    auto host = plan_test::hostAfter("udp_port.sh");
    const KernelPlan plan = derivePlan(*host);
    std::vector<std::string> udp;
    for (const auto& u : plan.udpSockets) udp.push_back(u.owner + " " + u.ns + " " + u.address + ":" + std::to_string(u.port));
    CHECK(udp == std::vector<std::string>{"docker-proxy docknet-host 0.0.0.0:5353", "dnsmasq docknet-router 10.0.2.3:53"});
    const auto dnsmasq = std::find_if(plan.udpSockets.begin(), plan.udpSockets.end(), [](const PlanUdpSocket& u) { return u.owner == "dnsmasq"; });
    REQUIRE(dnsmasq->answers);
    CHECK(dnsmasq->answers->ttl == 300);
    CHECK_FALSE(dnsmasq->answers->addresses.empty());
    CHECK(plan.rulesets[0].text.find("udp dport 5353 counter dnat to 172.17.0.2:53") != std::string::npos);
    CHECK(plan.describe().find("udp docknet-host 0.0.0.0:5353 (docker-proxy)\n") != std::string::npos);

    CountingKernel kernel([&] { return simCounters(*host); });
    const Comparison c = compareWithKernel(*host, plan, kernel, 100);
    const auto* own = rowStarting(c, "BIND", "docker-proxy udp docknet-host 0.0.0.0:5353");
    REQUIRE(own);
    CHECK(own->sim == "bound");
    CHECK(own->agrees());
    const auto* second = rowStarting(c, "BIND", "a host-mode service udp docknet-host 0.0.0.0:5353, held by docker-proxy in the sim");
    REQUIRE(second);
    CHECK(second->sim == "EADDRINUSE");
    CHECK(second->agrees());
    const auto* toProxy = rowStarting(c, "UDP", "docknet-host -> 127.0.0.1:5353 (docker-proxy");
    REQUIRE(toProxy);
    CHECK(toProxy->sim == "delivered, no answer");
    const auto* toDnsmasq = rowStarting(c, "UDP", "docknet-host -> 10.0.2.3:53 (dnsmasq");
    REQUIRE(toDnsmasq);
    CHECK(toDnsmasq->sim == "answered");
    CHECK(kernel.sent == std::vector<std::string>{"docknet-host 127.0.0.1:5353", "docknet-host 10.0.2.3:53"});
    // The sim's sockets are as before: the second bind was closed again, the probe's socket too.
    std::size_t proxies = 0;
    for (const auto& u : derivePlan(*host).udpSockets) proxies += u.owner == "docker-proxy";
    CHECK(proxies == 1);
}

TEST_CASE("the script's pings are replayed last in both worlds, with the counters they moved", "[plan][counters]") {
    auto host = plan_test::hostAfter("internet_ping.sh");
    const KernelPlan plan = derivePlan(*host);
    const auto traffic = deriveScriptTraffic(*host, plan, {{5, "docker exec alpine1 ping -c 2 8.8.8.8"}, {6, "ping -c 1 172.17.0.2"}});
    REQUIRE(traffic.steps.size() == 2);
    CountingKernel kernel([&] { return simCounters(*host); });  // counts as the sim does; answers no ping
    const Comparison c = compareWithKernel(*host, plan, kernel, 100, kNeighbourBudget, &traffic);
    const auto d = c.differences();
    CHECK(std::find(d.begin(), d.end(), "SCRIPT line 5: alpine1 ping 8.8.8.8 (2 times): sim 2/2 replies, kernel 0/2 replies") != d.end());
    CHECK(std::find(d.begin(), d.end(), "SCRIPT line 6: host ping 172.17.0.2: sim 1/1 replies, kernel 0/1 replies") != d.end());
    // Each of alpine1's echo requests is a connection of its own (a ping -c 1 each): MASQUERADE twice.
    const auto* masquerade = rowStarting(c, "COUNTERS", "docknet-host nat_POSTROUTING #1 (the script's pings): ");
    REQUIRE(masquerade);
    CHECK(masquerade->sim == "2 packets");
    CHECK(masquerade->agrees());
    CHECK(c.render().find("SCRIPT (the script's pings, replayed last)") != std::string::npos);
}
