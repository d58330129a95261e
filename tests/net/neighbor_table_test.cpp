#include <catch2/catch.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "sim/core/rng.hpp"
#include "sim/core/scheduler.hpp"
#include "sim/net/neighbor_table.hpp"

using sim::core::InterfaceId;
using sim::core::micros;
using sim::core::millis;
using sim::core::PacketUid;
using sim::core::Rng;
using sim::core::Scheduler;
using sim::core::seconds;
using sim::core::SimTime;
using sim::net::IpPacket;
using sim::net::NeighborEntry;
using sim::net::NeighborHost;
using sim::net::NeighborParams;
using sim::net::NeighborState;
using sim::net::NeighborTable;
using sim::wire::IcmpMessage;
using sim::wire::Ipv4Address;
using sim::wire::Ipv4Packet;
using sim::wire::MacAddress;

namespace {

using S = NeighborState;

const InterfaceId kEth0(2);
const InterfaceId kEth1(3);
constexpr Ipv4Address kSelf(172, 17, 0, 2);
constexpr Ipv4Address kPeer(172, 17, 0, 3);
constexpr Ipv4Address kOther(172, 17, 0, 4);
constexpr Ipv4Address kGone(172, 17, 0, 9);
const auto kPeerMac = *MacAddress::parse("02:42:ac:11:00:03");
const auto kPeerNewMac = *MacAddress::parse("02:42:ac:11:00:33");
const auto kOtherMac = *MacAddress::parse("02:42:ac:11:00:04");

const SimTime kStart = seconds(1000);

struct Solicit {
    SimTime at;
    Ipv4Address ip;
    std::optional<MacAddress> unicastTo;
    bool operator==(const Solicit&) const = default;
};

struct Change {
    SimTime at;
    Ipv4Address ip;
    NeighborState from;
    NeighborState to;
    bool operator==(const Change&) const = default;
};

struct Batch {
    SimTime at;
    Ipv4Address ip;
    std::optional<MacAddress> mac;
    std::vector<std::uint64_t> uids;
    bool operator==(const Batch&) const = default;
};

/// Records every call the table makes.
class FakeHost : public NeighborHost {
public:
    explicit FakeHost(Scheduler& s) : m_s(s) {}

    void solicit(const NeighborEntry& e, std::optional<MacAddress> unicastTo) override {
        solicits.push_back({m_s.now(), e.ip, unicastTo});
    }
    void stateChanged(const NeighborEntry& e, NeighborState from, NeighborState to) override {
        CHECK(e.state == to);
        changes.push_back({m_s.now(), e.ip, from, to});
    }
    void resolved(const NeighborEntry& e, std::vector<IpPacket> packets) override {
        resolvedBatches.push_back({m_s.now(), e.ip, e.mac, uids(packets)});
    }
    void failed(const NeighborEntry& e, std::vector<IpPacket> packets) override {
        failedBatches.push_back({m_s.now(), e.ip, e.mac, uids(packets)});
    }
    void overflowed(const NeighborEntry& e, IpPacket dropped) override {
        overflows.push_back({m_s.now(), e.ip, e.mac, {dropped.uid.value}});
    }

    std::vector<Solicit> solicits;
    std::vector<Change> changes;
    std::vector<Batch> resolvedBatches;
    std::vector<Batch> failedBatches;
    std::vector<Batch> overflows;

private:
    static std::vector<std::uint64_t> uids(const std::vector<IpPacket>& ps) {
        std::vector<std::uint64_t> out;
        for (const auto& p : ps) out.push_back(p.uid.value);
        return out;
    }
    Scheduler& m_s;
};

IpPacket packet(std::uint64_t uid, Ipv4Address dst = kPeer) {
    return IpPacket{PacketUid(uid), Ipv4Packet{kSelf, dst, 64, 0, IcmpMessage::echoRequest(7, std::uint16_t(uid))}};
}

struct Fixture {
    Scheduler sched;
    Rng rng{42};
    FakeHost host{sched};
    std::unique_ptr<NeighborTable> table;

    Fixture() {
        sched.runUntil(kStart);
        table = std::make_unique<NeighborTable>(sched, rng, host);
    }

    std::optional<MacAddress> send(std::uint64_t uid, Ipv4Address ip = kPeer, InterfaceId dev = kEth0) {
        IpPacket p = packet(uid, ip);
        return table->output(dev, ip, p);
    }
    NeighborState state(Ipv4Address ip = kPeer, InterfaceId dev = kEth0) const {
        const NeighborEntry* e = table->find(dev, ip);
        return e ? e->state : NeighborState::None;
    }
    void at(SimTime t) { sched.runUntil(t); }
    /// Resolves kPeer the usual way: a packet, then the reply. Returns the time of the reply.
    SimTime resolvePeer(SimTime replyAt = kStart + millis(1)) {
        send(1);
        at(replyAt);
        table->confirm(kEth0, kPeer, kPeerMac);
        return replyAt;
    }
};

}  // namespace

TEST_CASE("NeighborState prints as ip neigh does", "[neighbor]") {
    CHECK(toString(S::None) == "NONE");
    CHECK(toString(S::Incomplete) == "INCOMPLETE");
    CHECK(toString(S::Reachable) == "REACHABLE");
    CHECK(toString(S::Stale) == "STALE");
    CHECK(toString(S::Delay) == "DELAY");
    CHECK(toString(S::Probe) == "PROBE");
    CHECK(toString(S::Failed) == "FAILED");
    CHECK(toString(S::Permanent) == "PERMANENT");
}

TEST_CASE("NeighborParams default to arp(7)'s values", "[neighbor]") {
    const NeighborParams p;
    CHECK(p.baseReachableTime == seconds(30));
    CHECK(p.delayFirstProbeTime == seconds(5));
    CHECK(p.retransTime == seconds(1));
    CHECK(p.mcastSolicit == 3);
    CHECK(p.ucastSolicit == 3);
    CHECK(p.unresQlen == 101);
}

TEST_CASE("A first packet to an unknown neighbour starts resolution with an immediate broadcast", "[neighbor]") {
    Fixture f;
    IpPacket p = packet(1);
    CHECK_FALSE(f.table->output(kEth0, kPeer, p).has_value());

    CHECK(f.state() == S::Incomplete);
    CHECK(f.host.changes == std::vector<Change>{{kStart, kPeer, S::None, S::Incomplete}});
    CHECK(f.host.solicits == std::vector<Solicit>{{kStart, kPeer, std::nullopt}});
    const NeighborEntry* e = f.table->find(kEth0, kPeer);
    REQUIRE(e != nullptr);
    CHECK(e->dev == kEth0);
    CHECK(e->ip == kPeer);
    CHECK_FALSE(e->mac.has_value());
    REQUIRE(e->queue.size() == 1);
    CHECK(e->queue.front().uid == PacketUid(1));
    CHECK(f.table->size() == 1);
    CHECK(f.host.resolvedBatches.empty());
    CHECK(f.sched.nextEventTime() == kStart + seconds(1));
}

TEST_CASE("An unanswered neighbour is probed at 0, 1 and 2 s and FAILS at 3 s", "[neighbor]") {
    Fixture f;
    f.send(1, kGone);
    f.at(kStart + millis(500));
    f.send(2, kGone);  // queued behind the same resolution, no new probe
    CHECK(f.host.solicits.size() == 1);

    f.at(kStart + seconds(3) - micros(1));
    CHECK(f.state(kGone) == S::Incomplete);
    CHECK(f.host.solicits == std::vector<Solicit>{{kStart, kGone, std::nullopt},
                                                  {kStart + seconds(1), kGone, std::nullopt},
                                                  {kStart + seconds(2), kGone, std::nullopt}});
    CHECK(f.host.failedBatches.empty());

    f.at(kStart + seconds(3));
    CHECK(f.state(kGone) == S::Failed);
    CHECK(f.host.solicits.size() == 3);  // no fourth probe
    CHECK(f.host.failedBatches == std::vector<Batch>{{kStart + seconds(3), kGone, std::nullopt, {1, 2}}});
    CHECK(f.host.changes.back() == Change{kStart + seconds(3), kGone, S::Incomplete, S::Failed});
    CHECK(f.table->find(kEth0, kGone)->queue.empty());
    // FAILED has no timer, and the entry stays (no garbage collection below gc_thresh1).
    CHECK_FALSE(f.sched.hasPending());
    f.at(kStart + seconds(600));
    CHECK(f.state(kGone) == S::Failed);
    CHECK(f.table->size() == 1);
}

TEST_CASE("The unresolved queue holds unres_qlen packets and drops the oldest", "[neighbor]") {
    Fixture f;
    const std::uint64_t qlen = NeighborParams{}.unresQlen;
    for (std::uint64_t uid = 1; uid <= qlen; ++uid) f.send(uid);
    CHECK(f.host.overflows.empty());
    f.send(qlen + 1);
    CHECK(f.host.overflows == std::vector<Batch>{{kStart, kPeer, std::nullopt, {1}}});
    f.send(qlen + 2);
    CHECK(f.host.overflows.size() == 2);
    CHECK(f.host.overflows[1].uids == std::vector<std::uint64_t>{2});
    CHECK(f.table->find(kEth0, kPeer)->queue.size() == qlen);
    std::vector<std::uint64_t> newest;
    for (std::uint64_t uid = 3; uid <= qlen + 2; ++uid) newest.push_back(uid);

    SECTION("a reply releases the newest unres_qlen, oldest first") {
        f.table->confirm(kEth0, kPeer, kPeerMac);
        REQUIRE(f.host.resolvedBatches.size() == 1);
        CHECK(f.host.resolvedBatches[0].uids == newest);
    }
    SECTION("a failure reports the newest unres_qlen") {
        f.at(kStart + seconds(3));
        REQUIRE(f.host.failedBatches.size() == 1);
        CHECK(f.host.failedBatches[0].uids == newest);
    }
}

TEST_CASE("A reply makes an INCOMPLETE entry REACHABLE and releases its queue", "[neighbor]") {
    Fixture f;
    f.send(1);
    f.send(2);
    f.at(kStart + millis(300));
    f.table->confirm(kEth0, kPeer, kPeerMac);

    CHECK(f.state() == S::Reachable);
    const NeighborEntry* e = f.table->find(kEth0, kPeer);
    REQUIRE(e->mac.has_value());
    CHECK(*e->mac == kPeerMac);
    CHECK(e->confirmed == kStart + millis(300));
    CHECK(e->queue.empty());
    CHECK(f.host.changes.back() == Change{kStart + millis(300), kPeer, S::Incomplete, S::Reachable});
    CHECK(f.host.resolvedBatches == std::vector<Batch>{{kStart + millis(300), kPeer, kPeerMac, {1, 2}}});

    // Later packets go straight out, without probes.
    CHECK(f.send(3) == kPeerMac);
    CHECK(f.host.solicits.size() == 1);
    CHECK(f.host.resolvedBatches.size() == 1);
    // The retransmit timer was replaced by the reachable timer: no more probes.
    f.at(kStart + seconds(3));
    CHECK(f.host.solicits.size() == 1);
    CHECK(f.state() == S::Reachable);
}

TEST_CASE("A reply from an address we never asked about is ignored", "[neighbor]") {
    Fixture f;
    f.table->confirm(kEth0, kOther, kOtherMac);
    CHECK(f.table->size() == 0);
    CHECK(f.table->find(kEth0, kOther) == nullptr);
    CHECK(f.host.changes.empty());

    SECTION("also on another device than the one resolving") {
        f.send(1);
        f.table->confirm(kEth1, kPeer, kPeerMac);
        CHECK(f.state() == S::Incomplete);
        CHECK(f.table->find(kEth1, kPeer) == nullptr);
    }
}

TEST_CASE("The reachable time is drawn in [15 s, 45 s] and redrawn every 300 s", "[neighbor]") {
    std::set<std::int64_t> drawn;
    for (std::uint64_t seed = 1; seed <= 20; ++seed) {
        Scheduler s;
        Rng rng(seed);
        FakeHost host(s);
        NeighborTable t(s, rng, host);
        const auto rt = t.reachableTime();
        CHECK(rt >= seconds(15));
        CHECK(rt <= seconds(45));
        CHECK(t.reachableTime() == rt);  // stable between redraws
        drawn.insert(rt.micros());
    }
    CHECK(drawn.size() > 10);  // random, not a constant

    Scheduler s;
    Rng rng(5);
    FakeHost host(s);
    NeighborTable t(s, rng, host);
    const auto first = t.reachableTime();
    s.runUntil(seconds(299));
    CHECK(t.reachableTime() == first);
    s.runUntil(seconds(300));
    const auto second = t.reachableTime();
    CHECK(second >= seconds(15));
    CHECK(second <= seconds(45));
    CHECK(second != first);  // with seed 5 the redraw differs
}

TEST_CASE("REACHABLE becomes STALE once the reachable time has passed", "[neighbor]") {
    Fixture f;
    const SimTime confirmedAt = f.resolvePeer();
    const auto rt = f.table->reachableTime();
    REQUIRE(rt >= seconds(15));
    REQUIRE(rt <= seconds(45));

    f.at(confirmedAt + rt - micros(1));
    CHECK(f.state() == S::Reachable);
    f.at(confirmedAt + rt + millis(10));
    CHECK(f.state() == S::Stale);
    CHECK(f.host.changes.back().from == S::Reachable);
    CHECK(f.host.changes.back().to == S::Stale);
    CHECK(f.host.changes.back().at >= confirmedAt + rt);
    // STALE runs no timer, sends no probe and keeps its MAC.
    CHECK_FALSE(f.sched.hasPending());
    CHECK(f.host.solicits.size() == 1);
    CHECK(f.table->find(kEth0, kPeer)->mac == kPeerMac);
    f.at(confirmedAt + seconds(3600));
    CHECK(f.state() == S::Stale);
}

TEST_CASE("A repeated reply while REACHABLE extends the reachable time", "[neighbor]") {
    Fixture f;
    const SimTime first = f.resolvePeer();
    const auto rt = f.table->reachableTime();
    const SimTime second = first + seconds(10);
    f.at(second);
    const auto changesBefore = f.host.changes.size();
    f.table->confirm(kEth0, kPeer, kPeerMac);
    CHECK(f.host.changes.size() == changesBefore);  // no state change
    CHECK(f.table->find(kEth0, kPeer)->confirmed == second);

    f.at(first + rt + millis(10));
    CHECK(f.state() == S::Reachable);
    f.at(second + rt + millis(10));
    CHECK(f.state() == S::Stale);
}

TEST_CASE("A REACHABLE entry used in its last 5 s goes to DELAY, not STALE", "[neighbor]") {
    Fixture f;
    const SimTime confirmedAt = f.resolvePeer();
    const auto rt = f.table->reachableTime();
    f.at(confirmedAt + rt - seconds(2));
    CHECK(f.send(2) == kPeerMac);
    f.at(confirmedAt + rt + millis(10));
    CHECK(f.state() == S::Delay);
    CHECK(f.host.changes.back().from == S::Reachable);
    CHECK(f.host.changes.back().to == S::Delay);

    // Unconfirmed for 5 s: PROBE, with a unicast probe to the cached MAC.
    const SimTime delayAt = f.host.changes.back().at;
    f.at(delayAt + seconds(5));
    CHECK(f.state() == S::Probe);
    CHECK(f.host.solicits.back() == Solicit{delayAt + seconds(5), kPeer, kPeerMac});
}

TEST_CASE("STALE -> DELAY -> PROBE -> FAILED when the neighbour has gone", "[neighbor]") {
    Fixture f;
    const SimTime confirmedAt = f.resolvePeer();
    f.at(confirmedAt + seconds(60));
    REQUIRE(f.state() == S::Stale);
    const auto solicitsBefore = f.host.solicits.size();

    // A packet to a STALE entry is sent at once, to the cached MAC, and starts DELAY.
    const SimTime t = f.sched.now();
    CHECK(f.send(2) == kPeerMac);
    CHECK(f.state() == S::Delay);
    CHECK(f.host.changes.back() == Change{t, kPeer, S::Stale, S::Delay});
    CHECK(f.host.solicits.size() == solicitsBefore);  // DELAY does not probe

    f.at(t + seconds(5) - micros(1));
    CHECK(f.state() == S::Delay);
    f.at(t + seconds(5));
    CHECK(f.state() == S::Probe);
    CHECK(f.host.changes.back() == Change{t + seconds(5), kPeer, S::Delay, S::Probe});

    // Packets in DELAY and PROBE still go out to the old MAC.
    CHECK(f.send(3) == kPeerMac);
    CHECK(f.table->find(kEth0, kPeer)->queue.empty());

    f.at(t + seconds(8) - micros(1));
    CHECK(f.state() == S::Probe);
    const std::vector<Solicit> unicast(f.host.solicits.begin() + std::ptrdiff_t(solicitsBefore), f.host.solicits.end());
    CHECK(unicast == std::vector<Solicit>{{t + seconds(5), kPeer, kPeerMac},
                                          {t + seconds(6), kPeer, kPeerMac},
                                          {t + seconds(7), kPeer, kPeerMac}});

    f.at(t + seconds(8));
    CHECK(f.state() == S::Failed);
    CHECK(f.host.changes.back() == Change{t + seconds(8), kPeer, S::Probe, S::Failed});
    CHECK(f.host.solicits.size() == solicitsBefore + 3);
    CHECK(f.host.failedBatches.empty());  // nothing was queued
    CHECK_FALSE(f.sched.hasPending());
}

TEST_CASE("A reply in DELAY or PROBE makes the entry REACHABLE again", "[neighbor]") {
    Fixture f;
    const SimTime confirmedAt = f.resolvePeer();
    f.at(confirmedAt + seconds(60));
    REQUIRE(f.state() == S::Stale);
    const SimTime t = f.sched.now();
    f.send(2);
    REQUIRE(f.state() == S::Delay);
    const auto solicitsBefore = f.host.solicits.size();

    SECTION("in DELAY") {
        f.at(t + seconds(2));
        f.table->confirm(kEth0, kPeer, kPeerMac);
        CHECK(f.state() == S::Reachable);
        CHECK(f.host.changes.back() == Change{t + seconds(2), kPeer, S::Delay, S::Reachable});
        f.at(t + seconds(10));
        CHECK(f.state() == S::Reachable);
        CHECK(f.host.solicits.size() == solicitsBefore);  // never probed
    }
    SECTION("in PROBE") {
        f.at(t + seconds(6) + millis(500));
        REQUIRE(f.state() == S::Probe);
        f.table->confirm(kEth0, kPeer, kPeerMac);
        CHECK(f.state() == S::Reachable);
        f.at(t + seconds(12));
        CHECK(f.state() == S::Reachable);
        CHECK(f.host.solicits.size() == solicitsBefore + 2);  // at +5 s and +6 s only
    }
    SECTION("in PROBE, with a new MAC") {
        f.at(t + seconds(5));
        f.table->confirm(kEth0, kPeer, kPeerNewMac);
        CHECK(f.state() == S::Reachable);
        CHECK(f.table->find(kEth0, kPeer)->mac == kPeerNewMac);
        CHECK(f.send(3) == kPeerNewMac);
    }
}

TEST_CASE("A used REACHABLE entry confirmed again before its timer stays REACHABLE", "[neighbor]") {
    Fixture f;
    const SimTime confirmedAt = f.resolvePeer();
    const auto rt = f.table->reachableTime();
    f.at(confirmedAt + rt - seconds(1));
    f.send(2);                                 // used in the last 5 s ...
    f.table->confirm(kEth0, kPeer, kPeerMac);  // ... but also confirmed: no DELAY
    const SimTime reconfirmed = f.sched.now();
    f.at(confirmedAt + rt + millis(10));
    CHECK(f.state() == S::Reachable);
    f.at(reconfirmed + rt + millis(10));
    CHECK(f.state() == S::Stale);  // last used more than 5 s before this timer
}

TEST_CASE("noteSender creates a STALE entry from an ARP request", "[neighbor]") {
    Fixture f;
    f.table->noteSender(kEth0, kOther, kOtherMac);
    CHECK(f.state(kOther) == S::Stale);
    CHECK(f.table->find(kEth0, kOther)->mac == kOtherMac);
    CHECK(f.host.changes == std::vector<Change>{{kStart, kOther, S::None, S::Stale}});
    CHECK(f.host.solicits.empty());
    CHECK_FALSE(f.sched.hasPending());

    // The first packet uses the MAC and moves it to DELAY (then it needs confirming).
    CHECK(f.send(1, kOther) == kOtherMac);
    CHECK(f.state(kOther) == S::Delay);
}

TEST_CASE("noteSender keeps a valid entry's state when the MAC is unchanged", "[neighbor]") {
    Fixture f;
    f.resolvePeer();
    const auto changesBefore = f.host.changes.size();

    SECTION("same MAC: still REACHABLE, nothing reported") {
        f.table->noteSender(kEth0, kPeer, kPeerMac);
        CHECK(f.state() == S::Reachable);
        CHECK(f.host.changes.size() == changesBefore);
    }
    SECTION("a new MAC: STALE with the new address") {
        f.table->noteSender(kEth0, kPeer, kPeerNewMac);
        CHECK(f.state() == S::Stale);
        CHECK(f.table->find(kEth0, kPeer)->mac == kPeerNewMac);
        CHECK(f.host.changes.back().from == S::Reachable);
        CHECK(f.host.changes.back().to == S::Stale);
        // The old reachable timer is gone: STALE holds without a timer.
        CHECK_FALSE(f.sched.hasPending());
    }
}

TEST_CASE("noteSender for an INCOMPLETE entry releases its queue", "[neighbor]") {
    Fixture f;
    f.send(1);
    f.send(2);
    f.at(kStart + millis(200));
    // The peer's own who-has for us arrives before its reply.
    f.table->noteSender(kEth0, kPeer, kPeerMac);
    CHECK(f.host.resolvedBatches == std::vector<Batch>{{kStart + millis(200), kPeer, kPeerMac, {1, 2}}});
    // Sending the queue went through the output path, which moves STALE to DELAY.
    CHECK(f.state() == S::Delay);
    f.at(kStart + seconds(4));  // the INCOMPLETE retransmit timer was cancelled: no FAILED
    CHECK(f.state() == S::Delay);
    CHECK(f.host.solicits.size() == 1);
    CHECK(f.host.failedBatches.empty());
}

TEST_CASE("Output to a FAILED entry restarts resolution with broadcast probes", "[neighbor]") {
    Fixture f;
    SECTION("after INCOMPLETE failed") {
        f.send(1);
        f.at(kStart + seconds(3));
        REQUIRE(f.state() == S::Failed);
        f.at(kStart + seconds(10));
        CHECK_FALSE(f.send(2).has_value());
        CHECK(f.state() == S::Incomplete);
        CHECK(f.host.changes.back() == Change{kStart + seconds(10), kPeer, S::Failed, S::Incomplete});
        CHECK(f.host.solicits.back() == Solicit{kStart + seconds(10), kPeer, std::nullopt});
        f.at(kStart + seconds(13));
        CHECK(f.state() == S::Failed);
        CHECK(f.host.solicits.size() == 6);
        CHECK(f.host.failedBatches.back().uids == std::vector<std::uint64_t>{2});
    }
    SECTION("after PROBE failed, the old MAC is not used for the new probes") {
        const SimTime c = f.resolvePeer();
        f.at(c + seconds(60));
        f.send(2);
        f.at(f.sched.now() + seconds(8));
        REQUIRE(f.state() == S::Failed);
        const SimTime t = f.sched.now() + seconds(1);
        f.at(t);
        CHECK_FALSE(f.send(3).has_value());
        CHECK(f.state() == S::Incomplete);
        CHECK(f.host.solicits.back() == Solicit{t, kPeer, std::nullopt});
        f.at(t + seconds(2));
        CHECK(f.host.solicits.back() == Solicit{t + seconds(2), kPeer, std::nullopt});
        f.table->confirm(kEth0, kPeer, kPeerMac);
        CHECK(f.host.resolvedBatches.back().uids == std::vector<std::uint64_t>{3});
    }
}

TEST_CASE("A reply for a FAILED entry makes it REACHABLE", "[neighbor]") {
    Fixture f;
    f.send(1);
    f.at(kStart + seconds(5));
    REQUIRE(f.state() == S::Failed);
    f.table->confirm(kEth0, kPeer, kPeerMac);
    CHECK(f.state() == S::Reachable);
    CHECK(f.host.resolvedBatches.empty());  // the queue was already reported as failed
}

TEST_CASE("Permanent entries never change", "[neighbor]") {
    Fixture f;
    f.table->addPermanent(kEth0, kPeer, kPeerMac);
    CHECK(f.state() == S::Permanent);
    CHECK(f.host.changes == std::vector<Change>{{kStart, kPeer, S::None, S::Permanent}});
    CHECK_FALSE(f.sched.hasPending());

    CHECK(f.send(1) == kPeerMac);
    f.table->confirm(kEth0, kPeer, kPeerNewMac);
    f.table->noteSender(kEth0, kPeer, kPeerNewMac);
    f.at(kStart + seconds(3600));
    CHECK(f.send(2) == kPeerMac);
    CHECK(f.state() == S::Permanent);
    CHECK(f.host.changes.size() == 1);
    CHECK(f.host.solicits.empty());

    SECTION("replacing an INCOMPLETE entry releases its queue and stops its probes") {
        f.send(10, kOther);
        f.table->addPermanent(kEth0, kOther, kOtherMac);
        CHECK(f.state(kOther) == S::Permanent);
        CHECK(f.host.resolvedBatches.back().uids == std::vector<std::uint64_t>{10});
        const auto solicits = f.host.solicits.size();
        f.at(f.sched.now() + seconds(10));
        CHECK(f.host.solicits.size() == solicits);
        CHECK(f.state(kOther) == S::Permanent);
    }
}

TEST_CASE("flushDevice forgets one device's entries and stops their timers", "[neighbor]") {
    Fixture f;
    f.send(1, kPeer, kEth0);
    f.send(2, kOther, kEth0);
    f.send(3, kPeer, kEth1);
    REQUIRE(f.table->size() == 3);

    f.table->flushDevice(kEth0);
    CHECK(f.table->size() == 1);
    CHECK(f.table->find(kEth0, kPeer) == nullptr);
    CHECK(f.table->find(kEth0, kOther) == nullptr);
    CHECK(f.table->find(kEth1, kPeer) != nullptr);

    f.at(kStart + seconds(10));
    // Only eth1's entry kept probing and failing; eth0's queued packets vanished silently.
    for (const auto& s : f.host.solicits)
        if (s.at > kStart) CHECK(f.table->find(kEth1, s.ip) != nullptr);
    CHECK(f.host.solicits.size() == 3 + 2);
    CHECK(f.host.failedBatches == std::vector<Batch>{{kStart + seconds(3), kPeer, std::nullopt, {3}}});
}

TEST_CASE("remove deletes one entry and its timer", "[neighbor]") {
    Fixture f;
    f.send(1);
    CHECK(f.table->remove(kEth0, kPeer));
    CHECK(f.table->find(kEth0, kPeer) == nullptr);
    CHECK_FALSE(f.table->remove(kEth0, kPeer));
    CHECK_FALSE(f.table->remove(kEth1, kOther));
    CHECK_FALSE(f.sched.hasPending());
    f.at(kStart + seconds(5));
    CHECK(f.host.solicits.size() == 1);
    CHECK(f.host.failedBatches.empty());

    // A new packet starts from scratch.
    f.send(2);
    CHECK(f.host.changes.back() == Change{kStart + seconds(5), kPeer, S::None, S::Incomplete});
}

TEST_CASE("Destroying the table cancels its timers", "[neighbor]") {
    Scheduler sched;
    Rng rng(1);
    FakeHost host(sched);
    {
        NeighborTable table(sched, rng, host);
        IpPacket p1 = packet(1);
        table.output(kEth0, kPeer, p1);
        IpPacket p2 = packet(2, kOther);
        table.output(kEth0, kOther, p2);
        table.confirm(kEth0, kOther, kOtherMac);  // a reachable timer too
        CHECK(sched.pendingCount() == 2);
    }
    CHECK(sched.pendingCount() == 0);
    const auto solicits = host.solicits.size();
    const auto changes = host.changes.size();
    CHECK(sched.runUntilIdle() == 0);
    sched.runUntil(seconds(100));
    CHECK(host.solicits.size() == solicits);
    CHECK(host.changes.size() == changes);
    CHECK(host.failedBatches.empty());
}

TEST_CASE("entries() lists by device, then address", "[neighbor]") {
    Fixture f;
    f.table->noteSender(kEth1, kPeer, kPeerMac);
    f.table->noteSender(kEth0, kOther, kOtherMac);
    f.table->noteSender(kEth0, kPeer, kPeerMac);
    const auto es = f.table->entries();
    REQUIRE(es.size() == 3);
    CHECK((es[0]->dev == kEth0 && es[0]->ip == kPeer));
    CHECK((es[1]->dev == kEth0 && es[1]->ip == kOther));
    CHECK((es[2]->dev == kEth1 && es[2]->ip == kPeer));
}

TEST_CASE("The whole life of a neighbour entry, as a list of transitions", "[neighbor]") {
    Fixture f;
    const SimTime confirmedAt = f.resolvePeer(kStart + millis(2));
    f.at(confirmedAt + seconds(50));  // past any reachable time: STALE
    f.send(2);
    f.at(f.sched.now() + seconds(9));
    std::vector<std::pair<S, S>> seen;
    for (const auto& c : f.host.changes) seen.emplace_back(c.from, c.to);
    CHECK(seen == std::vector<std::pair<S, S>>{{S::None, S::Incomplete},
                                               {S::Incomplete, S::Reachable},
                                               {S::Reachable, S::Stale},
                                               {S::Stale, S::Delay},
                                               {S::Delay, S::Probe},
                                               {S::Probe, S::Failed}});
}
