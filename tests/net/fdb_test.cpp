#include <catch2/catch.hpp>

#include <vector>

#include "sim/net/fdb.hpp"

using sim::core::InterfaceId;
using sim::core::micros;
using sim::core::seconds;
using sim::core::SimTime;
using sim::net::Fdb;
using sim::net::FdbEntry;
using sim::net::FdbLearnResult;
using sim::wire::MacAddress;

namespace {

const auto kMacA = *MacAddress::parse("02:42:ac:11:00:02");
const auto kMacB = *MacAddress::parse("02:42:ac:11:00:03");
const auto kMacC = *MacAddress::parse("02:42:ac:11:00:04");
const auto kBridgeMac = *MacAddress::parse("02:42:5e:7a:01:01");
const auto kIpv4Multicast = *MacAddress::parse("01:00:5e:00:00:01");
const InterfaceId kPort1(11);
const InterfaceId kPort2(12);
const InterfaceId kBridge(10);

const SimTime kT0 = seconds(100);

}  // namespace

TEST_CASE("Fdb learns the source MAC on its ingress port", "[fdb]") {
    Fdb fdb;
    CHECK(fdb.ageingTime() == seconds(300));
    CHECK_FALSE(fdb.lookup(kMacA, kT0).has_value());
    CHECK(fdb.find(kMacA, kT0) == nullptr);

    CHECK(fdb.learn(kMacA, kPort1, kT0) == FdbLearnResult::Learned);
    CHECK(fdb.lookup(kMacA, kT0) == kPort1);
    const FdbEntry* e = fdb.find(kMacA, kT0);
    REQUIRE(e != nullptr);
    CHECK(e->mac == kMacA);
    CHECK(e->port == kPort1);
    CHECK(e->updated == kT0);
    CHECK_FALSE(e->isLocal);
    CHECK_FALSE(fdb.lookup(kMacB, kT0).has_value());
}

TEST_CASE("Fdb refreshes an entry seen again on the same port", "[fdb]") {
    Fdb fdb;
    fdb.learn(kMacA, kPort1, kT0);
    CHECK(fdb.learn(kMacA, kPort1, kT0 + seconds(200)) == FdbLearnResult::Refreshed);
    CHECK(fdb.find(kMacA, kT0 + seconds(200))->updated == kT0 + seconds(200));
    // The timer restarted: alive 299 s after the refresh, i.e. 499 s after the first sighting.
    CHECK(fdb.lookup(kMacA, kT0 + seconds(499)) == kPort1);
    CHECK_FALSE(fdb.lookup(kMacA, kT0 + seconds(500)).has_value());
}

TEST_CASE("Fdb moves a MAC that appears on another port", "[fdb]") {
    Fdb fdb;
    fdb.learn(kMacA, kPort1, kT0);
    CHECK(fdb.learn(kMacA, kPort2, kT0 + seconds(1)) == FdbLearnResult::Moved);
    CHECK(fdb.lookup(kMacA, kT0 + seconds(1)) == kPort2);
    CHECK(fdb.find(kMacA, kT0 + seconds(1))->updated == kT0 + seconds(1));
    CHECK(fdb.entries(kT0 + seconds(1)).size() == 1);
}

TEST_CASE("Fdb entries age out after exactly the ageing time", "[fdb]") {
    Fdb fdb;
    fdb.learn(kMacA, kPort1, kT0);

    SECTION("alive one microsecond before 300 s, gone at 300 s") {
        CHECK(fdb.lookup(kMacA, kT0 + seconds(300) - micros(1)) == kPort1);
        CHECK(fdb.find(kMacA, kT0 + seconds(300) - micros(1)) != nullptr);
        CHECK_FALSE(fdb.lookup(kMacA, kT0 + seconds(300)).has_value());
        CHECK(fdb.find(kMacA, kT0 + seconds(300)) == nullptr);
        CHECK(fdb.entries(kT0 + seconds(300)).empty());
    }
    SECTION("lazily: the aged entry still sits in the table until expire()") {
        const SimTime later = kT0 + seconds(301);
        CHECK_FALSE(fdb.lookup(kMacA, later).has_value());
        // Looking up is read-only; an earlier time still sees it.
        CHECK(fdb.lookup(kMacA, kT0 + seconds(10)) == kPort1);

        const auto gone = fdb.expire(later);
        REQUIRE(gone.size() == 1);
        CHECK(gone[0].mac == kMacA);
        CHECK(gone[0].port == kPort1);
        CHECK(gone[0].updated == kT0);
        // Now really removed.
        CHECK_FALSE(fdb.lookup(kMacA, kT0 + seconds(10)).has_value());
        CHECK(fdb.expire(later).empty());
    }
    SECTION("expire() keeps live entries and returns the aged ones sorted by MAC") {
        fdb.learn(kMacC, kPort2, kT0);
        fdb.learn(kMacB, kPort1, kT0 + seconds(100));
        const auto gone = fdb.expire(kT0 + seconds(300));
        REQUIRE(gone.size() == 2);
        CHECK(gone[0].mac == kMacA);
        CHECK(gone[1].mac == kMacC);
        CHECK(fdb.lookup(kMacB, kT0 + seconds(300)) == kPort1);
    }
    SECTION("learning an aged MAC again counts as learned, on whatever port") {
        CHECK(fdb.learn(kMacA, kPort2, kT0 + seconds(300)) == FdbLearnResult::Learned);
        CHECK(fdb.lookup(kMacA, kT0 + seconds(300)) == kPort2);
    }
    SECTION("a shorter ageing time applies to existing entries") {
        fdb.setAgeingTime(seconds(10));
        CHECK(fdb.ageingTime() == seconds(10));
        CHECK(fdb.lookup(kMacA, kT0 + seconds(9)) == kPort1);
        CHECK_FALSE(fdb.lookup(kMacA, kT0 + seconds(10)).has_value());
    }
}

TEST_CASE("Fdb with a custom ageing time", "[fdb]") {
    Fdb fdb(seconds(15));
    fdb.learn(kMacA, kPort1, kT0);
    CHECK(fdb.lookup(kMacA, kT0 + seconds(15) - micros(1)) == kPort1);
    CHECK_FALSE(fdb.lookup(kMacA, kT0 + seconds(15)).has_value());
}

TEST_CASE("Fdb local entries never age and never move", "[fdb]") {
    Fdb fdb;
    fdb.addLocal(kBridgeMac, kBridge);
    const SimTime muchLater = kT0 + seconds(100000);
    CHECK(fdb.lookup(kBridgeMac, muchLater) == kBridge);
    REQUIRE(fdb.find(kBridgeMac, muchLater) != nullptr);
    CHECK(fdb.find(kBridgeMac, muchLater)->isLocal);
    CHECK(fdb.expire(muchLater).empty());

    // A frame claiming the bridge's MAC as its source on a port does not steal it.
    CHECK(fdb.learn(kBridgeMac, kPort1, muchLater) == FdbLearnResult::Unchanged);
    CHECK(fdb.lookup(kBridgeMac, muchLater) == kBridge);
    CHECK(fdb.find(kBridgeMac, muchLater)->isLocal);

    SECTION("addLocal turns a learned entry into a local one") {
        fdb.learn(kMacA, kPort1, kT0);
        fdb.addLocal(kMacA, kPort2);
        CHECK(fdb.lookup(kMacA, muchLater) == kPort2);
        CHECK(fdb.find(kMacA, muchLater)->isLocal);
    }
}

TEST_CASE("Fdb never learns multicast, broadcast or zero source MACs", "[fdb]") {
    Fdb fdb;
    CHECK(fdb.learn(MacAddress::broadcast(), kPort1, kT0) == FdbLearnResult::Unchanged);
    CHECK(fdb.learn(kIpv4Multicast, kPort1, kT0) == FdbLearnResult::Unchanged);
    CHECK(fdb.learn(MacAddress::zero(), kPort1, kT0) == FdbLearnResult::Unchanged);
    CHECK(fdb.entries(kT0).empty());
    CHECK_FALSE(fdb.lookup(MacAddress::broadcast(), kT0).has_value());
    CHECK_FALSE(fdb.lookup(MacAddress::zero(), kT0).has_value());
}

TEST_CASE("Fdb::flushPort forgets the port's learned entries only", "[fdb]") {
    Fdb fdb;
    fdb.learn(kMacA, kPort1, kT0);
    fdb.learn(kMacC, kPort1, kT0);
    fdb.learn(kMacB, kPort2, kT0);
    fdb.addLocal(kBridgeMac, kBridge);

    fdb.flushPort(kPort1);
    CHECK_FALSE(fdb.lookup(kMacA, kT0).has_value());
    CHECK_FALSE(fdb.lookup(kMacC, kT0).has_value());
    CHECK(fdb.lookup(kMacB, kT0) == kPort2);
    CHECK(fdb.lookup(kBridgeMac, kT0) == kBridge);
    CHECK(fdb.entries(kT0).size() == 2);
    // A flushed MAC is learned afresh.
    CHECK(fdb.learn(kMacA, kPort2, kT0) == FdbLearnResult::Learned);
}

TEST_CASE("Fdb::flushPort for a port going down keeps its local (permanent) entry", "[fdb]") {
    // br_stp_disable_port -> br_fdb_delete_by_port(br, p, 0, do_all = 0) skips static entries;
    // only del_nbp (the port leaving the bridge) removes them too.
    const auto kPortMac = *MacAddress::parse("8a:3c:11:22:33:44");
    Fdb fdb;
    fdb.addLocal(kPortMac, kPort1);
    fdb.learn(kMacA, kPort1, kT0);

    SECTION("port down") {
        fdb.flushPort(kPort1);
        CHECK_FALSE(fdb.lookup(kMacA, kT0).has_value());
        CHECK(fdb.lookup(kPortMac, kT0) == kPort1);
    }
    SECTION("port removed") {
        fdb.flushPort(kPort1, /*includeLocal=*/true);
        CHECK_FALSE(fdb.lookup(kMacA, kT0).has_value());
        CHECK_FALSE(fdb.lookup(kPortMac, kT0).has_value());
        CHECK(fdb.entries(kT0).empty());
    }
}

TEST_CASE("Fdb::entries lists live entries sorted by port, then MAC", "[fdb]") {
    Fdb fdb;
    fdb.learn(kMacC, kPort2, kT0);
    fdb.learn(kMacB, kPort1, kT0);
    fdb.learn(kMacA, kPort2, kT0 - seconds(250));  // ages out at kT0 + 50 s
    fdb.addLocal(kBridgeMac, kBridge);

    const auto now = fdb.entries(kT0);
    REQUIRE(now.size() == 4);
    CHECK(now[0].mac == kBridgeMac);  // port 10
    CHECK(now[0].isLocal);
    CHECK(now[1].mac == kMacB);  // port 11
    CHECK(now[2].mac == kMacA);  // port 12, ...:02
    CHECK(now[3].mac == kMacC);  // port 12, ...:04

    const auto later = fdb.entries(kT0 + seconds(50));
    REQUIRE(later.size() == 3);
    CHECK(later[0].mac == kBridgeMac);
    CHECK(later[1].mac == kMacB);
    CHECK(later[2].mac == kMacC);
}
