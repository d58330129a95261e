// libnetwork default IPAM (27): lowest free predefined subnet, lowest free address, errors.
#include <catch2/catch.hpp>

#include <chrono>

#include "sim/docker/ipam.hpp"

using namespace sim;
using namespace sim::docker;

namespace {
wire::Ipv4Prefix P(const char* s) { return *wire::Ipv4Prefix::parse(s); }
wire::Ipv4Address A(const char* s) { return *wire::Ipv4Address::parse(s); }
}  // namespace

TEST_CASE("ipam: predefined pools in order, 172.17 first, then 172.18 ... 172.31, then 192.168.x.0/20") {
    Ipam ipam;
    REQUIRE(*ipam.allocatePool(std::nullopt) == P("172.17.0.0/16"));
    REQUIRE(*ipam.allocatePool(std::nullopt) == P("172.18.0.0/16"));
    REQUIRE(*ipam.allocatePool(std::nullopt) == P("172.19.0.0/16"));
    REQUIRE(*ipam.allocatePool(std::nullopt) == P("172.20.0.0/16"));
    for (int i = 21; i <= 31; ++i) REQUIRE(ipam.allocatePool(std::nullopt)->address().octet(1) == i);
    REQUIRE(*ipam.allocatePool(std::nullopt) == P("192.168.0.0/20"));
    REQUIRE(*ipam.allocatePool(std::nullopt) == P("192.168.16.0/20"));
    for (int i = 2; i < 16; ++i) REQUIRE(ipam.allocatePool(std::nullopt));
    auto none = ipam.allocatePool(std::nullopt);
    REQUIRE_FALSE(none);
    REQUIRE(none.error().message == "all predefined address pools have been fully subnetted");
    REQUIRE(none.error().code == core::ErrorCode::Exhausted);
}

TEST_CASE("ipam: a released subnet is reused at once (27: lowest free)") {
    Ipam ipam;
    ipam.allocatePool(P("172.17.0.0/16"));
    ipam.allocatePool(std::nullopt);  // 172.18
    ipam.allocatePool(std::nullopt);  // 172.19
    ipam.releasePool(P("172.18.0.0/16"));
    REQUIRE_FALSE(ipam.hasPool(P("172.18.0.0/16")));
    REQUIRE(*ipam.allocatePool(std::nullopt) == P("172.18.0.0/16"));
}

TEST_CASE("ipam: requested subnets and overlaps") {
    Ipam ipam;
    REQUIRE(*ipam.allocatePool(P("10.10.0.0/16")) == P("10.10.0.0/16"));
    auto overlap = ipam.allocatePool(P("10.10.5.0/24"));
    REQUIRE_FALSE(overlap);
    REQUIRE(overlap.error().message == "invalid pool request: Pool overlaps with other one on this address space");
    REQUIRE_FALSE(ipam.allocatePool(P("10.0.0.0/8")));
    REQUIRE_FALSE(ipam.allocatePool(P("10.10.0.0/16")));
    // A requested subnet inside a predefined pool pushes dynamic allocation past it.
    REQUIRE(ipam.allocatePool(P("172.17.0.0/24")));
    REQUIRE(*ipam.allocatePool(std::nullopt) == P("172.18.0.0/16"));
    // Host bits are masked.
    REQUIRE(*ipam.allocatePool(P("10.20.0.7/16")) == P("10.20.0.0/16"));
    REQUIRE(ipam.pools().size() == 4);
}

TEST_CASE("ipam: reserved (host-used) prefixes are skipped") {
    Ipam ipam;
    REQUIRE(*ipam.allocatePool(std::nullopt, {P("172.17.0.0/16"), P("172.18.3.0/24")}) == P("172.19.0.0/16"));
}

TEST_CASE("ipam: addresses from .1 up, lowest free, network and broadcast never given") {
    Ipam ipam;
    const auto pool = *ipam.allocatePool(std::nullopt);
    REQUIRE(*ipam.allocateAddress(pool) == A("172.17.0.1"));  // the gateway
    REQUIRE(*ipam.allocateAddress(pool) == A("172.17.0.2"));
    REQUIRE(*ipam.allocateAddress(pool) == A("172.17.0.3"));
    ipam.releaseAddress(pool, A("172.17.0.2"));
    REQUIRE_FALSE(ipam.isAllocated(pool, A("172.17.0.2")));
    REQUIRE(*ipam.allocateAddress(pool) == A("172.17.0.2"));  // reused by the next container
    REQUIRE(*ipam.allocateAddress(pool) == A("172.17.0.4"));
    REQUIRE(ipam.allocatedCount(pool) == 4);

    auto taken = ipam.allocateAddress(pool, A("172.17.0.3"));
    REQUIRE_FALSE(taken);
    REQUIRE(taken.error().message == "Address already in use");
    REQUIRE(ipam.allocateAddress(pool, A("172.17.0.0")).error().message == "Address already in use");
    REQUIRE(ipam.allocateAddress(pool, A("172.17.255.255")).error().message == "Address already in use");
    REQUIRE(*ipam.allocateAddress(pool, A("172.17.9.9")) == A("172.17.9.9"));
    auto outside = ipam.allocateAddress(pool, A("172.19.0.5"));
    REQUIRE_FALSE(outside);
    REQUIRE(outside.error().message == "no configured subnet or ip-range contain the IP address 172.19.0.5");
    REQUIRE(ipam.allocateAddress(P("10.9.0.0/16")).error().code == core::ErrorCode::NotFound);
}

TEST_CASE("ipam: a small pool runs out — the user-facing message names the network") {
    Ipam ipam;
    const auto pool = *ipam.allocatePool(P("192.168.50.0/29"));
    for (int i = 1; i <= 6; ++i) REQUIRE(ipam.allocateAddress(pool)->octet(3) == i);
    auto full = ipam.allocateAddress(pool);
    REQUIRE_FALSE(full);
    REQUIRE(full.error().code == core::ErrorCode::Exhausted);
    REQUIRE(full.error().message == "no available addresses on this pool");
    REQUIRE(noAvailableAddressesMessage("mynet", "3f0c") ==
            "no available IPv4 addresses on this network's address pools: mynet (3f0c)");
    // /31 and /32 keep every address (RFC 3021).
    const auto p31 = *ipam.allocatePool(P("10.1.1.0/31"));
    REQUIRE(*ipam.allocateAddress(p31) == A("10.1.1.0"));
    REQUIRE(*ipam.allocateAddress(p31) == A("10.1.1.1"));
}

TEST_CASE("ipam: 10,000 containers on one /16 stay fast and in order") {
    Ipam ipam;
    const auto pool = *ipam.allocatePool(P("10.50.0.0/16"));
    const auto t0 = std::chrono::steady_clock::now();
    std::uint32_t expect = A("10.50.0.1").value();
    for (int i = 0; i < 10000; ++i) {
        auto a = ipam.allocateAddress(pool);
        REQUIRE(a);
        if (a->value() != expect) FAIL("address " << a->toString());
        ++expect;
    }
    // Free every other one, then refill: lowest first.
    for (std::uint32_t v = A("10.50.0.2").value(); v < A("10.50.20.0").value(); v += 2) ipam.releaseAddress(pool, wire::Ipv4Address(v));
    REQUIRE(*ipam.allocateAddress(pool) == A("10.50.0.2"));
    REQUIRE(*ipam.allocateAddress(pool) == A("10.50.0.4"));
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0).count();
    REQUIRE(ms < 2000);
    REQUIRE(ipam.allocatedCount(pool) > 5000);
}

TEST_CASE("ipam: an ip-range hands out its own addresses, the first one included (--ip-range)") {
    Ipam ipam;
    const auto pool = *ipam.allocatePool(*wire::Ipv4Prefix::parse("172.28.0.0/16"));
    const auto range = *wire::Ipv4Prefix::parse("172.28.5.0/24");
    CHECK(ipam.allocateAddress(pool, *wire::Ipv4Address::parse("172.28.5.254"))->toString() == "172.28.5.254");
    CHECK(ipam.allocateAddressIn(pool, range)->toString() == "172.28.5.0");  // docker/for-linux#170
    CHECK(ipam.allocateAddressIn(pool, range)->toString() == "172.28.5.1");
    // A range at the start of the pool keeps the pool's network address reserved.
    CHECK(ipam.allocateAddressIn(pool, *wire::Ipv4Prefix::parse("172.28.0.0/30"))->toString() == "172.28.0.1");
    const auto tiny = *wire::Ipv4Prefix::parse("172.28.9.0/31");
    CHECK(ipam.allocateAddressIn(pool, tiny));
    CHECK(ipam.allocateAddressIn(pool, tiny));
    CHECK(ipam.allocateAddressIn(pool, tiny).error().message == "no available addresses on this pool");
}
