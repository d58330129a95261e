#include <catch2/catch.hpp>

#include <set>
#include <vector>

#include "sim/net/bridge.hpp"

using sim::core::InterfaceId;
using sim::core::seconds;
using sim::core::SimTime;
using sim::net::Bridge;
using sim::net::BridgeDecision;
using sim::net::FdbLearnResult;
using sim::wire::MacAddress;

namespace {

using Action = BridgeDecision::Action;

// docker0 with three veth ports (host ends of c1, c2, c3).
const InterfaceId kDocker0(10);
const InterfaceId kVeth1(11);
const InterfaceId kVeth2(12);
const InterfaceId kVeth3(13);

const auto kDocker0Mac = *MacAddress::parse("02:42:5e:7a:01:01");
const auto kMacC1 = *MacAddress::parse("02:42:ac:11:00:02");
const auto kMacC2 = *MacAddress::parse("02:42:ac:11:00:03");
const auto kMacC3 = *MacAddress::parse("02:42:ac:11:00:04");
const auto kMacUnknown = *MacAddress::parse("02:42:ac:11:00:99");
const auto kIpv4Multicast = *MacAddress::parse("01:00:5e:00:00:fb");
const auto kBroadcast = MacAddress::broadcast();

const SimTime kNow = seconds(10);

struct Docker0 {
    Bridge br{kDocker0};
    std::set<InterfaceId> down;

    Docker0() {
        br.addPort(kVeth1);
        br.addPort(kVeth2);
        br.addPort(kVeth3);
        br.fdb().addLocal(kDocker0Mac, kDocker0);
    }
    BridgeDecision decide(InterfaceId ingress, const MacAddress& src, const MacAddress& dst, SimTime now = kNow) {
        return br.decide(ingress, src, dst, kDocker0Mac, now, [this](InterfaceId p) { return !down.contains(p); });
    }
};

}  // namespace

TEST_CASE("Bridge keeps its ports in the order they were added", "[bridge]") {
    Bridge br(kDocker0);
    CHECK(br.self() == kDocker0);
    CHECK(br.ports().empty());
    br.addPort(kVeth2);
    br.addPort(kVeth1);
    br.addPort(kVeth2);  // no duplicate
    CHECK(br.ports() == std::vector<InterfaceId>{kVeth2, kVeth1});
    CHECK(br.hasPort(kVeth1));
    CHECK_FALSE(br.hasPort(kVeth3));
    CHECK_FALSE(br.hasPort(kDocker0));

    br.fdb().learn(kMacC1, kVeth1, kNow);
    br.removePort(kVeth1);
    CHECK(br.ports() == std::vector<InterfaceId>{kVeth2});
    CHECK_FALSE(br.hasPort(kVeth1));
    CHECK_FALSE(br.fdb().lookup(kMacC1, kNow).has_value());  // its entries go with it
}

TEST_CASE("Bridge removePort also forgets the port's local entry", "[bridge]") {
    const auto kVethMac = *MacAddress::parse("8a:3c:11:22:33:44");
    Bridge br(kDocker0);
    br.addPort(kVeth1);
    br.fdb().addLocal(kVethMac, kVeth1);
    br.removePort(kVeth1);
    CHECK_FALSE(br.fdb().lookup(kVethMac, kNow).has_value());
}

TEST_CASE("Bridge floods a broadcast to every other up port and delivers it locally", "[bridge]") {
    Docker0 b;
    const auto d = b.decide(kVeth1, kMacC1, kBroadcast);
    CHECK(d.action == Action::Flood);
    CHECK(d.ports == std::vector<InterfaceId>{kVeth2, kVeth3});
    CHECK(d.deliverLocally);
    CHECK_FALSE(d.ingressIsEgress);
    CHECK(d.learned == FdbLearnResult::Learned);
    CHECK(b.br.fdb().lookup(kMacC1, kNow) == kVeth1);

    SECTION("multicast is flooded the same way") {
        const auto m = b.decide(kVeth2, kMacC2, kIpv4Multicast);
        CHECK(m.action == Action::Flood);
        CHECK(m.ports == std::vector<InterfaceId>{kVeth1, kVeth3});
        CHECK(m.deliverLocally);
    }
    SECTION("a second broadcast from the same host refreshes its entry") {
        const auto again = b.decide(kVeth1, kMacC1, kBroadcast, kNow + seconds(1));
        CHECK(again.learned == FdbLearnResult::Refreshed);
    }
}

TEST_CASE("Bridge floods unknown unicast without delivering it locally", "[bridge]") {
    Docker0 b;
    const auto d = b.decide(kVeth1, kMacC1, kMacUnknown);
    CHECK(d.action == Action::Flood);
    CHECK(d.ports == std::vector<InterfaceId>{kVeth2, kVeth3});
    CHECK_FALSE(d.deliverLocally);
    CHECK(d.learned == FdbLearnResult::Learned);
}

TEST_CASE("Bridge forwards known unicast out of one port", "[bridge]") {
    Docker0 b;
    b.decide(kVeth2, kMacC2, kBroadcast);  // c2's ARP request teaches the bridge where c2 is
    const auto d = b.decide(kVeth1, kMacC1, kMacC2);
    CHECK(d.action == Action::Forward);
    CHECK(d.ports == std::vector<InterfaceId>{kVeth2});
    CHECK_FALSE(d.deliverLocally);
    CHECK_FALSE(d.ingressIsEgress);

    SECTION("after c2's entry ages out (300 s) the frame is flooded again") {
        const auto late = b.decide(kVeth1, kMacC1, kMacC2, kNow + seconds(300));
        CHECK(late.action == Action::Flood);
        CHECK(late.ports == std::vector<InterfaceId>{kVeth2, kVeth3});
    }
    SECTION("when c2 moves to another port the next frame follows it") {
        const auto moved = b.decide(kVeth3, kMacC2, kMacC1);
        CHECK(moved.learned == FdbLearnResult::Moved);
        const auto d2 = b.decide(kVeth1, kMacC1, kMacC2);
        CHECK(d2.action == Action::Forward);
        CHECK(d2.ports == std::vector<InterfaceId>{kVeth3});
    }
}

TEST_CASE("Bridge delivers a frame for its own MAC locally", "[bridge]") {
    Docker0 b;
    const auto d = b.decide(kVeth1, kMacC1, kDocker0Mac);
    CHECK(d.deliverLocally);
    CHECK(d.action == Action::Drop);  // no copy goes out of a port
    CHECK(d.ports.empty());
    CHECK(d.learned == FdbLearnResult::Learned);
    CHECK(b.br.fdb().lookup(kMacC1, kNow) == kVeth1);

    SECTION("also for a port's own MAC (a local FDB entry)") {
        const auto kVeth2Mac = *MacAddress::parse("8a:3c:11:22:33:44");
        b.br.fdb().addLocal(kVeth2Mac, kVeth2);
        const auto p = b.decide(kVeth1, kMacC1, kVeth2Mac);
        CHECK(p.deliverLocally);
        CHECK(p.ports.empty());
    }
}

TEST_CASE("Bridge drops known unicast whose port is the ingress port", "[bridge]") {
    Docker0 b;
    b.decide(kVeth1, kMacC1, kBroadcast);
    b.br.fdb().learn(kMacC3, kVeth1, kNow);  // c3 is behind the same port as c1
    const auto d = b.decide(kVeth1, kMacC1, kMacC3);
    CHECK(d.action == Action::Drop);
    CHECK(d.ingressIsEgress);
    CHECK(d.ports.empty());
    CHECK_FALSE(d.deliverLocally);
}

TEST_CASE("Bridge skips ports that are down", "[bridge]") {
    Docker0 b;
    b.decide(kVeth2, kMacC2, kBroadcast);
    b.down.insert(kVeth2);

    SECTION("when flooding") {
        const auto d = b.decide(kVeth1, kMacC1, kBroadcast);
        CHECK(d.action == Action::Flood);
        CHECK(d.ports == std::vector<InterfaceId>{kVeth3});
        CHECK(d.deliverLocally);
    }
    SECTION("when forwarding to a known MAC behind a down port") {
        const auto d = b.decide(kVeth1, kMacC1, kMacC2);
        CHECK(d.action == Action::Drop);
        CHECK(d.ports.empty());
        CHECK_FALSE(d.ingressIsEgress);
    }
    SECTION("every other port down: a flood with no copies") {
        b.down.insert(kVeth3);
        const auto d = b.decide(kVeth1, kMacC1, kMacUnknown);
        CHECK(d.action == Action::Flood);
        CHECK(d.ports.empty());
    }
}

TEST_CASE("Frames the host sends out of the bridge device are not learned", "[bridge]") {
    Docker0 b;
    SECTION("a broadcast goes to every up port and not back up the stack") {
        const auto d = b.decide(kDocker0, kDocker0Mac, kBroadcast);
        CHECK(d.action == Action::Flood);
        CHECK(d.ports == std::vector<InterfaceId>{kVeth1, kVeth2, kVeth3});
        CHECK_FALSE(d.deliverLocally);
        CHECK(d.learned == FdbLearnResult::Unchanged);
    }
    SECTION("a source MAC seen only from the host stays unknown") {
        const auto d = b.decide(kDocker0, kMacUnknown, kMacC1);
        CHECK(d.learned == FdbLearnResult::Unchanged);
        CHECK_FALSE(b.br.fdb().lookup(kMacUnknown, kNow).has_value());
        CHECK(d.action == Action::Flood);
        CHECK(d.ports == std::vector<InterfaceId>{kVeth1, kVeth2, kVeth3});
        CHECK_FALSE(d.deliverLocally);
    }
    SECTION("known unicast is forwarded to its port") {
        b.decide(kVeth3, kMacC3, kBroadcast);
        const auto d = b.decide(kDocker0, kDocker0Mac, kMacC3);
        CHECK(d.action == Action::Forward);
        CHECK(d.ports == std::vector<InterfaceId>{kVeth3});
        CHECK_FALSE(d.deliverLocally);
    }
}

TEST_CASE("Bridge does not learn a broadcast or zero source address", "[bridge]") {
    Docker0 b;
    const auto d = b.decide(kVeth1, MacAddress::zero(), kBroadcast);
    CHECK(d.learned == FdbLearnResult::Unchanged);
    CHECK(b.br.fdb().entries(kNow).size() == 1);  // just docker0's own entry
}
