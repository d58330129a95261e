// The first ping between two containers on a docker0-like bridge, hop by hop.
#include <catch2/catch.hpp>

#include "flows/docker0_topology.hpp"
#include "sim/net/pinger.hpp"

using namespace flows;
using sim::core::TraceKind;

namespace {

std::vector<std::string> kindsAndPlaces(const sim::core::TraceLog& log, std::size_t from = 0) {
    std::vector<std::string> out;
    for (std::size_t i = from; i < log.records().size(); ++i) {
        const auto& r = log.records()[i];
        out.push_back(r.where() + " " + std::string(sim::core::toString(r.kind)));
    }
    return out;
}

}  // namespace

TEST_CASE("A first ping floods the ARP request, unicasts the reply, then echoes", "[flow][arp][bridge]") {
    Docker0Topology t(3);
    auto report = net::Pinger::run(t.kernel, t.c[0].ns, net::PingOptions{t.c[1].address, 1});
    REQUIRE(report);
    CHECK(report->transmitted == 1);
    CHECK(report->received == 1);
    CHECK(report->errors == 0);
    REQUIRE(report->events.size() == 1);
    CHECK(report->events[0].from == t.c[1].address);
    CHECK(report->events[0].ttl == 64);
    CHECK(report->events[0].bytes == 64);
    // Four veth hops of 10 us for the ARP exchange, four for the echo: the reply lands at 80 us.
    CHECK(report->events[0].rtt == sim::core::micros(80));

    const std::vector<std::string> expected = {
        "0.000000 c1 RouteLookup 172.17.0.3 dev eth0 src 172.17.0.2",
        "0.000000 c1/eth0 NeighborState 172.17.0.3 NONE -> INCOMPLETE",
        "0.000000 c1/eth0 ArpRequest ARP, Request who-has 172.17.0.3 tell 172.17.0.2",
        "0.000000 c1/eth0 FrameTx 02:42:ac:11:00:02 > ff:ff:ff:ff:ff:ff, ARP, Request who-has 172.17.0.3 tell 172.17.0.2",
        "0.000010 host/veth1 FrameRx 02:42:ac:11:00:02 > ff:ff:ff:ff:ff:ff, ARP, Request who-has 172.17.0.3 tell 172.17.0.2",
        "0.000010 host/docker0 FdbLearn 02:42:ac:11:00:02 on veth1",
        "0.000010 host/docker0 BridgeFlood ff:ff:ff:ff:ff:ff to veth2, veth3",
        "0.000010 host/veth2 FrameTx 02:42:ac:11:00:02 > ff:ff:ff:ff:ff:ff, ARP, Request who-has 172.17.0.3 tell 172.17.0.2",
        "0.000010 host/veth3 FrameTx 02:42:ac:11:00:02 > ff:ff:ff:ff:ff:ff, ARP, Request who-has 172.17.0.3 tell 172.17.0.2",
        "0.000010 host/docker0 FrameRx 02:42:ac:11:00:02 > ff:ff:ff:ff:ff:ff, ARP, Request who-has 172.17.0.3 tell 172.17.0.2",
        "0.000020 c2/eth0 FrameRx 02:42:ac:11:00:02 > ff:ff:ff:ff:ff:ff, ARP, Request who-has 172.17.0.3 tell 172.17.0.2",
        "0.000020 c2/eth0 NeighborState 172.17.0.2 NONE -> STALE lladdr 02:42:ac:11:00:02",
        "0.000020 c2/eth0 ArpReply ARP, Reply 172.17.0.3 is-at 02:42:ac:11:00:03",
        "0.000020 c2/eth0 FrameTx 02:42:ac:11:00:03 > 02:42:ac:11:00:02, ARP, Reply 172.17.0.3 is-at 02:42:ac:11:00:03",
        "0.000020 c3/eth0 FrameRx 02:42:ac:11:00:02 > ff:ff:ff:ff:ff:ff, ARP, Request who-has 172.17.0.3 tell 172.17.0.2",
        "0.000030 host/veth2 FrameRx 02:42:ac:11:00:03 > 02:42:ac:11:00:02, ARP, Reply 172.17.0.3 is-at 02:42:ac:11:00:03",
        "0.000030 host/docker0 FdbLearn 02:42:ac:11:00:03 on veth2",
        "0.000030 host/docker0 BridgeForward 02:42:ac:11:00:02 to veth1",
        "0.000030 host/veth1 FrameTx 02:42:ac:11:00:03 > 02:42:ac:11:00:02, ARP, Reply 172.17.0.3 is-at 02:42:ac:11:00:03",
        "0.000040 c1/eth0 FrameRx 02:42:ac:11:00:03 > 02:42:ac:11:00:02, ARP, Reply 172.17.0.3 is-at 02:42:ac:11:00:03",
        "0.000040 c1/eth0 NeighborState 172.17.0.3 INCOMPLETE -> REACHABLE lladdr 02:42:ac:11:00:03",
        "0.000040 c1/eth0 FrameTx 02:42:ac:11:00:02 > 02:42:ac:11:00:03, IP 172.17.0.2 > 172.17.0.3: ICMP echo request, id 62394, seq 1, length 64",
        "0.000050 host/veth1 FrameRx 02:42:ac:11:00:02 > 02:42:ac:11:00:03, IP 172.17.0.2 > 172.17.0.3: ICMP echo request, id 62394, seq 1, length 64",
        "0.000050 host/docker0 BridgeForward 02:42:ac:11:00:03 to veth2",
        "0.000050 host/veth2 FrameTx 02:42:ac:11:00:02 > 02:42:ac:11:00:03, IP 172.17.0.2 > 172.17.0.3: ICMP echo request, id 62394, seq 1, length 64",
        "0.000060 c2/eth0 FrameRx 02:42:ac:11:00:02 > 02:42:ac:11:00:03, IP 172.17.0.2 > 172.17.0.3: ICMP echo request, id 62394, seq 1, length 64",
        "0.000060 c2/eth0 Deliver IP 172.17.0.2 > 172.17.0.3: ICMP echo request, id 62394, seq 1, length 64",
        "0.000060 c2 RouteLookup 172.17.0.2 dev eth0 src 172.17.0.3",
        "0.000060 c2/eth0 NeighborState 172.17.0.2 STALE -> DELAY lladdr 02:42:ac:11:00:02",
        "0.000060 c2/eth0 FrameTx 02:42:ac:11:00:03 > 02:42:ac:11:00:02, IP 172.17.0.3 > 172.17.0.2: ICMP echo reply, id 62394, seq 1, length 64",
        "0.000070 host/veth2 FrameRx 02:42:ac:11:00:03 > 02:42:ac:11:00:02, IP 172.17.0.3 > 172.17.0.2: ICMP echo reply, id 62394, seq 1, length 64",
        "0.000070 host/docker0 BridgeForward 02:42:ac:11:00:02 to veth1",
        "0.000070 host/veth1 FrameTx 02:42:ac:11:00:03 > 02:42:ac:11:00:02, IP 172.17.0.3 > 172.17.0.2: ICMP echo reply, id 62394, seq 1, length 64",
        "0.000080 c1/eth0 FrameRx 02:42:ac:11:00:03 > 02:42:ac:11:00:02, IP 172.17.0.3 > 172.17.0.2: ICMP echo reply, id 62394, seq 1, length 64",
        "0.000080 c1/eth0 Deliver IP 172.17.0.3 > 172.17.0.2: ICMP echo reply, id 62394, seq 1, length 64",
    };
    CHECK(t.traceLines() == expected);

    SECTION("the ARP request reaches every other port and the host, the reply only the asker") {
        const auto arpRx = [&](const char* text) {
            std::vector<std::string> where;
            for (const auto& r : t.kernel.trace().records())
                if (r.kind == TraceKind::FrameRx && r.detail().find(text) != std::string::npos) where.push_back(r.where());
            return where;
        };
        CHECK(arpRx("Request who-has") == std::vector<std::string>{"host/veth1", "host/docker0", "c2/eth0", "c3/eth0"});
        CHECK(arpRx("Reply 172.17.0.3") == std::vector<std::string>{"host/veth2", "c1/eth0"});
    }

    SECTION("neighbour tables and the bridge FDB afterwards") {
        const auto* c1ToC2 = t.kernel.ns(t.c[0].ns)->neighbors().find(t.c[0].eth0, t.c[1].address);
        REQUIRE(c1ToC2);
        CHECK(c1ToC2->state == net::NeighborState::Reachable);
        CHECK(c1ToC2->mac == t.c[1].mac);
        const auto* c2ToC1 = t.kernel.ns(t.c[1].ns)->neighbors().find(t.c[1].eth0, t.c[0].address);
        REQUIRE(c2ToC1);
        CHECK(c2ToC1->state == net::NeighborState::Delay);  // used once since noted as STALE
        CHECK(c2ToC1->mac == t.c[0].mac);
        CHECK(t.kernel.ns(t.c[2].ns)->neighbors().size() == 0);  // c3 saw a request for someone else
        CHECK(t.kernel.ns(t.host)->neighbors().size() == 0);

        std::vector<std::pair<std::string, std::string>> learned;
        for (const auto& e : t.kernel.bridge(t.docker0)->fdb().entries(t.kernel.now()))
            if (!e.isLocal) learned.emplace_back(e.mac.toString(), t.kernel.interface(e.port)->name);
        CHECK(learned == std::vector<std::pair<std::string, std::string>>{{"02:42:ac:11:00:02", "veth1"},
                                                                          {"02:42:ac:11:00:03", "veth2"}});
    }

    SECTION("five seconds later c2 probes c1 by unicast and both entries are REACHABLE") {
        const std::size_t mark = t.kernel.trace().size();
        t.kernel.scheduler().runUntil(t.kernel.now() + sim::core::seconds(6));
        const auto probes = t.kernel.trace().ofKind(TraceKind::ArpRequest, mark);
        REQUIRE(probes.size() == 1);
        CHECK(probes[0].where() == "c2/eth0");
        CHECK(probes[0].time == sim::core::micros(80) + sim::core::seconds(5) - sim::core::micros(20));
        const auto* c2ToC1 = t.kernel.ns(t.c[1].ns)->neighbors().find(t.c[1].eth0, t.c[0].address);
        CHECK(c2ToC1->state == net::NeighborState::Reachable);
        // The unicast probe is forwarded, not flooded: c3 sees nothing.
        for (const auto& r : t.kernel.trace().records())
            if (&r - &t.kernel.trace().records()[0] >= static_cast<std::ptrdiff_t>(mark)) CHECK(r.where() != "c3/eth0");
    }
}

TEST_CASE("A second ping needs no ARP", "[flow][arp]") {
    Docker0Topology t(3);
    REQUIRE(net::Pinger::run(t.kernel, t.c[0].ns, net::PingOptions{t.c[1].address, 1}));
    const std::size_t mark = t.kernel.trace().size();
    auto report = net::Pinger::run(t.kernel, t.c[0].ns, net::PingOptions{t.c[1].address, 1});
    REQUIRE(report);
    CHECK(report->received == 1);
    CHECK(report->events[0].rtt == sim::core::micros(40));
    CHECK(t.kernel.trace().ofKind(TraceKind::ArpRequest, mark).empty());
    CHECK(t.kernel.trace().ofKind(TraceKind::BridgeFlood, mark).empty());
    CHECK(kindsAndPlaces(t.kernel.trace(), mark) == std::vector<std::string>{
                                                       "c1 RouteLookup",
                                                       "c1/eth0 FrameTx",
                                                       "host/veth1 FrameRx",
                                                       "host/docker0 BridgeForward",
                                                       "host/veth2 FrameTx",
                                                       "c2/eth0 FrameRx",
                                                       "c2/eth0 Deliver",
                                                       "c2 RouteLookup",
                                                       "c2/eth0 FrameTx",
                                                       "host/veth2 FrameRx",
                                                       "host/docker0 BridgeForward",
                                                       "host/veth1 FrameTx",
                                                       "c1/eth0 FrameRx",
                                                       "c1/eth0 Deliver",
                                                   });
}

TEST_CASE("The same script gives the same trace digest every run", "[flow][determinism]") {
    auto run = [](std::uint64_t seed) {
        Docker0Topology t(4, seed);
        (void)net::Pinger::run(t.kernel, t.c[0].ns, net::PingOptions{t.c[1].address, 3});
        (void)net::Pinger::run(t.kernel, t.c[2].ns, net::PingOptions{ip("172.17.0.1"), 2});
        (void)net::Pinger::run(t.kernel, t.c[3].ns, net::PingOptions{ip("172.17.0.77"), 2});
        t.kernel.scheduler().runUntil(t.kernel.now() + sim::core::seconds(60));
        return std::pair{t.kernel.trace().digestHex(), t.kernel.trace().size()};
    };
    const auto a = run(7);
    const auto b = run(7);
    CHECK(a == b);
    CHECK(a.second > 100);
    // A different seed draws other echo ids and reachable times, so the digest differs.
    CHECK(run(8).first != a.first);
}

TEST_CASE("Pings past 65,536 wrap the 16-bit sequence and are all answered", "[flow][icmp]") {
    Docker0Topology t(2);
    net::PingOptions o{t.c[1].address, 65540, sim::core::micros(1)};
    auto report = net::Pinger::run(t.kernel, t.c[0].ns, o);
    REQUIRE(report);
    CHECK(report->transmitted == 65540);
    CHECK(report->received == 65540);
    REQUIRE(report->events.size() == 65540);
    CHECK(report->events.back().sequence == 4);

    auto loopback = net::Pinger::run(t.kernel, t.c[0].ns, net::PingOptions{*sim::wire::Ipv4Address::parse("127.0.0.1"), 65540, sim::core::micros(1)});
    REQUIRE(loopback);
    CHECK(loopback->received == 65540);
}
