// libnetwork's port allocator: sequential ephemeral ports, fixed ports, host ranges, conflicts.
#include <catch2/catch.hpp>

#include "sim/docker/port_allocator.hpp"

using namespace sim;
using namespace sim::docker;

namespace {
const wire::Ipv4Address kAny = wire::Ipv4Address::any();
const wire::Ipv4Address kLo = wire::Ipv4Address::loopback();
}  // namespace

TEST_CASE("port allocator: ephemeral ports are sequential from 32768 and not reused at once") {
    PortAllocator a;
    REQUIRE(*a.allocate(PortProto::Tcp, kAny, 0, 0) == 32768);
    REQUIRE(*a.allocate(PortProto::Tcp, kAny, 0, 0) == 32769);
    a.release(PortProto::Tcp, kAny, 32768);
    REQUIRE_FALSE(a.isAllocated(PortProto::Tcp, kAny, 32768));
    REQUIRE(*a.allocate(PortProto::Tcp, kAny, 0, 0) == 32770);  // libnetwork's `last` cursor
    // Separate books per protocol.
    REQUIRE(*a.allocate(PortProto::Udp, kAny, 0, 0) == 32768);
}

TEST_CASE("port allocator: the cursor wraps and skips taken ports — exhaustion") {
    PortAllocator a(PortAllocator::Mode::Wildcard, 40000, 40002);
    REQUIRE(*a.allocate(PortProto::Tcp, kAny, 40001, 40001) == 40001);
    REQUIRE(*a.allocate(PortProto::Tcp, kAny, 0, 0) == 40000);
    REQUIRE(*a.allocate(PortProto::Tcp, kAny, 0, 0) == 40002);
    auto full = a.allocate(PortProto::Tcp, kAny, 0, 0);
    REQUIRE_FALSE(full);
    REQUIRE(full.error().message == "all ports are allocated");
    REQUIRE(full.error().code == core::ErrorCode::Exhausted);
    a.release(PortProto::Tcp, kAny, 40001);
    REQUIRE(*a.allocate(PortProto::Tcp, kAny, 0, 0) == 40001);
}

TEST_CASE("port allocator: a fixed port is that port or 'port is already allocated'") {
    PortAllocator a;
    REQUIRE(*a.allocate(PortProto::Tcp, kAny, 8080, 8080) == 8080);
    auto again = a.allocate(PortProto::Tcp, kAny, 8080, 8080);
    REQUIRE_FALSE(again);
    REQUIRE(again.error().message == "Bind for 0.0.0.0:8080 failed: port is already allocated");
    REQUIRE(again.error().code == core::ErrorCode::AddressInUse);
    // Another protocol is another book.
    REQUIRE(a.allocate(PortProto::Udp, kAny, 8080, 8080));
    a.release(PortProto::Tcp, kAny, 8080);
    REQUIRE(a.allocate(PortProto::Tcp, kAny, 8080, 8080));
}

TEST_CASE("port allocator: 0.0.0.0 conflicts with every specific address and vice versa (default mode)") {
    PortAllocator a;
    REQUIRE(a.allocate(PortProto::Tcp, kAny, 8080, 8080));
    auto lo = a.allocate(PortProto::Tcp, kLo, 8080, 8080);
    REQUIRE_FALSE(lo);
    REQUIRE(lo.error().message == "Bind for 127.0.0.1:8080 failed: port is already allocated");
    REQUIRE_FALSE(a.isAvailable(PortProto::Tcp, kLo, 8080));

    REQUIRE(a.allocate(PortProto::Tcp, kLo, 9090, 9090));
    REQUIRE_FALSE(a.allocate(PortProto::Tcp, kAny, 9090, 9090));
    // Two specific addresses do not collide.
    REQUIRE(a.allocate(PortProto::Tcp, wire::Ipv4Address(10, 0, 0, 5), 9090, 9090));
    // "Any port" on a specific address skips ports the wildcard holds.
    REQUIRE(*a.allocate(PortProto::Tcp, kAny, 0, 0) == 32768);
    REQUIRE(*a.allocate(PortProto::Tcp, kLo, 0, 0) == 32769);
}

TEST_CASE("port allocator: PerAddress mode is libnetwork's exact per-IP-string bookkeeping") {
    PortAllocator a(PortAllocator::Mode::PerAddress);
    REQUIRE(a.allocate(PortProto::Tcp, kAny, 8080, 8080));
    REQUIRE(a.allocate(PortProto::Tcp, kLo, 8080, 8080));  // the docker-proxy bind would fail instead
    REQUIRE(a.isAllocated(PortProto::Tcp, kLo, 8080));
}

TEST_CASE("port allocator: host ranges have their own cursor") {
    PortAllocator a;
    REQUIRE(*a.allocate(PortProto::Tcp, kAny, 8000, 8002) == 8000);
    REQUIRE(*a.allocate(PortProto::Tcp, kAny, 8000, 8002) == 8001);
    REQUIRE(*a.allocate(PortProto::Tcp, kAny, 8002, 8002) == 8002);
    auto full = a.allocate(PortProto::Tcp, kAny, 8000, 8002);
    REQUIRE_FALSE(full);
    REQUIRE(full.error().message == "all ports are allocated");
    REQUIRE(a.allocate(PortProto::Tcp, kAny, 9000, 8000).error().message == "invalid port range: 9000-8000");
    a.releaseAll();
    REQUIRE(*a.allocate(PortProto::Tcp, kAny, 8000, 8002) == 8000);
}

TEST_CASE("port allocator: a binding with [::] takes the same port on both, as RequestPortsInRange does") {
    PortAllocator a;
    // Fixed: free on both or refused, naming the first address that holds it.
    REQUIRE(*a.allocate(PortProto::Tcp, kAny, 8080, 8080, true) == 8080);
    CHECK(a.isAllocatedOnIpv6Any(PortProto::Tcp, 8080));
    CHECK(a.allocate(PortProto::Tcp, kAny, 8080, 8080, true).error().message ==
          "Bind for 0.0.0.0:8080 failed: port is already allocated");
    // An IPv4-only binding of another address is blocked by the wildcard, [::] is not asked.
    REQUIRE(*a.allocate(PortProto::Tcp, kLo, 9090, 9090) == 9090);
    CHECK_FALSE(a.isAllocatedOnIpv6Any(PortProto::Tcp, 9090));
    // [::] alone holding a port: the IPv4 side is free, [::] is named.
    a.release(PortProto::Tcp, kAny, 8080);
    CHECK(a.allocate(PortProto::Tcp, kAny, 8080, 8080, true).error().message ==
          "Bind for :::8080 failed: port is already allocated");
    a.release(PortProto::Tcp, kAny, 8080, true);
    CHECK_FALSE(a.isAllocatedOnIpv6Any(PortProto::Tcp, 8080));
    // Ephemeral: one port for both, a port taken on either side is skipped.
    REQUIRE(*a.allocate(PortProto::Tcp, kAny, 0, 0, true) == 32768);
    REQUIRE(*a.allocate(PortProto::Tcp, kLo, 32769, 32769) == 32769);
    REQUIRE(*a.allocate(PortProto::Tcp, kAny, 0, 0, true) == 32770);
    CHECK(a.isAllocatedOnIpv6Any(PortProto::Tcp, 32770));
    CHECK(a.isAllocated(PortProto::Tcp, kAny, 32770));
}
