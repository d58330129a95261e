#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "sim/core/trace.hpp"

using sim::core::DropReason;
using sim::core::InterfaceId;
using sim::core::micros;
using sim::core::NamespaceId;
using sim::core::PacketUid;
using sim::core::seconds;
using sim::core::TraceKind;
using sim::core::TraceLog;
using sim::core::TraceRecord;

namespace {

/// A hand-made record and its texts, as TraceLog::record takes them.
struct Made {
    TraceRecord record;
    sim::core::TraceText text;
    /// The line it prints once recorded.
    [[nodiscard]] std::string toString() const {
        TraceLog log;
        log.record(record, text);
        return log.records().back().toString();
    }
};

Made rec(sim::core::SimTime t, TraceKind kind, std::string where, std::string detail,
         DropReason reason = DropReason::None) {
    Made m;
    TraceRecord& r = m.record;
    r.time = t;
    r.kind = kind;
    r.ns = NamespaceId(1);
    r.iface = InterfaceId(2);
    r.packet = PacketUid(3);
    r.reason = reason;
    m.text.where = std::move(where);
    m.text.detail = std::move(detail);
    return m;
}

void record(TraceLog& log, const Made& m) { log.record(m.record, m.text); }

}  // namespace

TEST_CASE("TraceRecord prints one tcpdump-like line", "[trace]") {
    CHECK(rec(micros(10), TraceKind::FrameTx, "c1/eth0", "ARP, Request who-has 172.17.0.3 tell 172.17.0.2").toString() ==
          "0.000010 c1/eth0 FrameTx ARP, Request who-has 172.17.0.3 tell 172.17.0.2");
    CHECK(rec(seconds(3), TraceKind::NeighborState, "c1/eth0", "INCOMPLETE -> FAILED").toString() ==
          "3.000000 c1/eth0 NeighborState INCOMPLETE -> FAILED");

    SECTION("an empty place prints '-' and an empty detail prints nothing") {
        CHECK(rec(seconds(1), TraceKind::Deliver, "", "").toString() == "1.000000 - Deliver");
    }
    SECTION("a drop names its reason") {
        CHECK(rec(seconds(2), TraceKind::Drop, "host/docker0", "IP 1.2.3.4 > 5.6.7.8", DropReason::Filtered).toString() ==
              "2.000000 host/docker0 Drop (filtered) IP 1.2.3.4 > 5.6.7.8");
        CHECK(rec(seconds(2), TraceKind::Drop, "c1/eth0", "", DropReason::ArpFailed).toString() ==
              "2.000000 c1/eth0 Drop (ARP failed)");
    }
    SECTION("the reason is not printed for other kinds") {
        CHECK(rec(seconds(2), TraceKind::FrameRx, "c1/eth0", "x", DropReason::NoRoute).toString() ==
              "2.000000 c1/eth0 FrameRx x");
    }
}

TEST_CASE("Every TraceKind and DropReason has a name", "[trace]") {
    CHECK(toString(TraceKind::FrameTx) == "FrameTx");
    CHECK(toString(TraceKind::FrameRx) == "FrameRx");
    CHECK(toString(TraceKind::BridgeForward) == "BridgeForward");
    CHECK(toString(TraceKind::BridgeFlood) == "BridgeFlood");
    CHECK(toString(TraceKind::FdbLearn) == "FdbLearn");
    CHECK(toString(TraceKind::FdbExpire) == "FdbExpire");
    CHECK(toString(TraceKind::ArpRequest) == "ArpRequest");
    CHECK(toString(TraceKind::ArpReply) == "ArpReply");
    CHECK(toString(TraceKind::NeighborState) == "NeighborState");
    CHECK(toString(TraceKind::RouteLookup) == "RouteLookup");
    CHECK(toString(TraceKind::NatTranslate) == "NatTranslate");
    CHECK(toString(TraceKind::Deliver) == "Deliver");
    CHECK(toString(TraceKind::Drop) == "Drop");

    CHECK(toString(DropReason::None) == "none");
    CHECK(toString(DropReason::NoRoute) == "no route");
    CHECK(toString(DropReason::ArpFailed) == "ARP failed");
    CHECK(toString(DropReason::Filtered) == "filtered");
    CHECK(toString(DropReason::NoListener) == "no listener");
    CHECK(toString(DropReason::InterfaceDown) == "interface down");
    CHECK(toString(DropReason::TtlExceeded) == "TTL exceeded");
    CHECK(toString(DropReason::NotForUs) == "not for us");
    CHECK(toString(DropReason::QueueFull) == "unresolved queue full");
    CHECK(toString(DropReason::NotForwarding) == "forwarding disabled");
    CHECK(toString(DropReason::SamePort) == "same port");
}

TEST_CASE("TraceLog keeps records in order and filters by kind", "[trace]") {
    TraceLog log;
    CHECK(log.size() == 0);
    CHECK(log.isRecording());
    record(log, rec(seconds(1), TraceKind::FrameTx, "a", "1"));
    record(log, rec(seconds(2), TraceKind::Drop, "a", "2", DropReason::NoRoute));
    record(log, rec(seconds(3), TraceKind::FrameTx, "b", "3"));
    REQUIRE(log.size() == 3);
    CHECK(log.records()[0].detail() == "1");
    CHECK(log.records()[2].detail() == "3");

    const auto tx = log.ofKind(TraceKind::FrameTx);
    REQUIRE(tx.size() == 2);
    CHECK(tx[0].detail() == "1");
    CHECK(tx[1].detail() == "3");
    CHECK(log.ofKind(TraceKind::FrameTx, 1).size() == 1);
    CHECK(log.ofKind(TraceKind::FrameTx, 1)[0].detail() == "3");
    CHECK(log.ofKind(TraceKind::Deliver).empty());
    CHECK(log.ofKind(TraceKind::FrameTx, 99).empty());

    log.clear();
    CHECK(log.size() == 0);
    CHECK(log.records().empty());
}

TEST_CASE("TraceLog subscribers see every record, even when recording is off", "[trace]") {
    TraceLog log;
    std::vector<std::string> first, second;
    const auto s1 = log.subscribe([&](const TraceRecord& r) { first.push_back(r.detail()); });
    const auto s2 = log.subscribe([&](const TraceRecord& r) { second.push_back(r.detail()); });
    CHECK(s1 != s2);

    record(log, rec(seconds(1), TraceKind::FrameTx, "a", "x"));
    log.setRecording(false);
    CHECK_FALSE(log.isRecording());
    record(log, rec(seconds(2), TraceKind::FrameTx, "a", "y"));
    CHECK(log.size() == 1);  // not kept
    CHECK(first == std::vector<std::string>{"x", "y"});

    log.unsubscribe(s1);
    log.setRecording(true);
    record(log, rec(seconds(3), TraceKind::FrameTx, "a", "z"));
    CHECK(first == std::vector<std::string>{"x", "y"});
    CHECK(second == std::vector<std::string>{"x", "y", "z"});
    CHECK(log.size() == 2);

    log.unsubscribe(12345);  // unknown id: no-op
    record(log, rec(seconds(4), TraceKind::FrameTx, "a", "w"));
    CHECK(second.size() == 4);
}

TEST_CASE("TraceLog digest is FNV-1a over the record lines", "[trace]") {
    TraceLog empty;
    CHECK(empty.digest() == 14695981039346656037ULL);  // the FNV-1a 64 offset basis
    CHECK(empty.digestHex() == "cbf29ce484222325");

    TraceLog a, b;
    const auto r1 = rec(seconds(1), TraceKind::FrameTx, "c1/eth0", "hello");
    const auto r2 = rec(seconds(2), TraceKind::FrameRx, "c2/eth0", "hello");
    record(a, r1);
    record(a, r2);
    record(b, r1);
    record(b, r2);
    CHECK(a.digest() == b.digest());
    CHECK(a.digestHex().size() == 16);
    CHECK(a.digest() != empty.digest());

    SECTION("a different record changes it") {
        TraceLog c;
        record(c, r1);
        record(c, rec(seconds(2), TraceKind::FrameRx, "c2/eth0", "hellO"));
        CHECK(c.digest() != a.digest());
    }
    SECTION("order matters") {
        TraceLog c;
        record(c, r2);
        record(c, r1);
        CHECK(c.digest() != a.digest());
    }
    SECTION("from skips the first records") {
        TraceLog only2;
        record(only2, r2);
        CHECK(a.digest(1) == only2.digest());
        CHECK(a.digest(2) == empty.digest());
    }
    SECTION("a known value") {
        // FNV-1a 64 of "0.000000 - Deliver\n".
        TraceLog one;
        TraceRecord r;
        r.kind = TraceKind::Deliver;
        one.record(r);
        CHECK(one.digest() == 3943200290363973317ULL);
        CHECK(one.digestHex() == "36b90fc5a95c9ec5");
    }
}

TEST_CASE("TraceLog with a retention bound keeps the most recent records and their frames", "[trace]") {
    TraceLog log;
    log.setRetention(4);
    std::size_t heard = 0;
    log.subscribe([&](const TraceRecord&) { ++heard; });
    for (int i = 0; i < 20; ++i) {
        const std::uint8_t frame[] = {static_cast<std::uint8_t>(i), 1, 2, 3};
        sim::core::TraceText text;
        text.where = "c1/eth0";
        text.detail = std::to_string(i);
        TraceRecord r;
        r.kind = TraceKind::FrameTx;
        log.record(r, text, sim::core::FrameLayer::Ethernet, frame);
    }
    CHECK(heard == 20);
    CHECK(log.size() == 20);  // numbers stay those of every record stored
    REQUIRE(log.records().size() >= 4);
    CHECK(log.records().size() < 8);
    CHECK(log.firstKept() == 20 - log.records().size());
    CHECK(log.at(0) == nullptr);
    REQUIRE(log.at(19) != nullptr);
    CHECK(log.at(19)->detail() == "19");
    CHECK(log.at(19)->where() == "c1/eth0");
    CHECK(log.frameBytes(log.at(19)->frame).front() == 19);
    CHECK(log.frameBytes(log.at(log.firstKept())->frame).front() == log.firstKept());
    CHECK(log.ofKind(TraceKind::FrameTx).size() == log.records().size());
}

TEST_CASE("TraceLog keeps one copy of a frame recorded again unchanged", "[trace]") {
    TraceLog log;
    const std::uint8_t frame[] = {9, 8, 7};
    TraceRecord r;
    log.record(r, sim::core::FrameLayer::Ethernet, frame);
    log.record(r, sim::core::FrameLayer::Ethernet, frame);
    REQUIRE(log.size() == 2);
    CHECK(log.records()[0].frame == log.records()[1].frame);
    CHECK(log.frameBytes(log.records()[1].frame).size() == 3);
}
