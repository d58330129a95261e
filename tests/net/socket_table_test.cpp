#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "sim/net/socket_table.hpp"

using sim::core::ErrorCode;
using sim::net::SocketId;
using sim::net::SocketInfo;
using sim::net::SocketTable;
using sim::net::Transport;
using sim::net::SocketFamily;
using sim::wire::Ipv4Address;
using sim::wire::UdpDatagram;

namespace {

const Ipv4Address kAny = Ipv4Address::any();
constexpr Ipv4Address kHostIp(192, 168, 1, 10);
constexpr Ipv4Address kDocker0Ip(172, 17, 0, 1);
constexpr Ipv4Address kLoopback(127, 0, 0, 1);
constexpr Ipv4Address kClient(10, 0, 0, 1);

void requireInUse(const sim::core::Result<SocketId>& r) {
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code == ErrorCode::AddressInUse);
    CHECK(r.error().message == "Address already in use");
}

}  // namespace

TEST_CASE("Transport prints as ss does", "[sockets]") {
    CHECK(toString(Transport::Tcp) == "tcp");
    CHECK(toString(Transport::Udp) == "udp");
}

TEST_CASE("bind gives each socket its own valid id", "[sockets]") {
    SocketTable t;
    const auto a = t.bind(Transport::Tcp, kAny, 80, "nginx");
    const auto b = t.bind(Transport::Tcp, kAny, 443, "nginx");
    REQUIRE(a);
    REQUIRE(b);
    CHECK(a->isValid());
    CHECK(b->isValid());
    CHECK(*a != *b);
    CHECK(t.isPortUsed(Transport::Tcp, 80));
    CHECK(t.isPortUsed(Transport::Tcp, 443));
    CHECK_FALSE(t.isPortUsed(Transport::Tcp, 8080));
    CHECK_FALSE(t.isPortUsed(Transport::Udp, 80));
}

TEST_CASE("bind on port 0 is refused here", "[sockets]") {
    SocketTable t;
    const auto r = t.bind(Transport::Udp, kAny, 0, "x");
    REQUIRE_FALSE(r);
    CHECK(r.error().code == ErrorCode::InvalidArgument);
}

TEST_CASE("A second bind to the same address and port is EADDRINUSE", "[sockets]") {
    SocketTable t;
    REQUIRE(t.bind(Transport::Tcp, kHostIp, 8080, "first"));
    requireInUse(t.bind(Transport::Tcp, kHostIp, 8080, "second"));

    REQUIRE(t.bind(Transport::Udp, kAny, 53, "dnsmasq"));
    requireInUse(t.bind(Transport::Udp, kAny, 53, "dnsmasq"));
}

TEST_CASE("The wildcard address clashes with every specific address, both ways", "[sockets]") {
    SocketTable t;
    SECTION("wildcard first, then a specific address") {
        REQUIRE(t.bind(Transport::Tcp, kAny, 8080, "docker-proxy"));
        requireInUse(t.bind(Transport::Tcp, kHostIp, 8080, "nginx"));
        requireInUse(t.bind(Transport::Tcp, kLoopback, 8080, "nginx"));
    }
    SECTION("a specific address first, then the wildcard") {
        REQUIRE(t.bind(Transport::Tcp, kLoopback, 8080, "nginx"));
        requireInUse(t.bind(Transport::Tcp, kAny, 8080, "docker-proxy"));
    }
    SECTION("two different specific addresses share a port") {
        REQUIRE(t.bind(Transport::Tcp, kLoopback, 8080, "a"));
        REQUIRE(t.bind(Transport::Tcp, kHostIp, 8080, "b"));
        REQUIRE(t.bind(Transport::Tcp, kDocker0Ip, 8080, "c"));
        requireInUse(t.bind(Transport::Tcp, kAny, 8080, "d"));
        CHECK(t.sockets().size() == 3);
    }
}

TEST_CASE("TCP and UDP ports are independent", "[sockets]") {
    SocketTable t;
    REQUIRE(t.bind(Transport::Tcp, kAny, 53, "tcp-dns"));
    REQUIRE(t.bind(Transport::Udp, kAny, 53, "udp-dns"));
    CHECK(t.lookup(Transport::Tcp, kHostIp, 53)->owner == "tcp-dns");
    CHECK(t.lookup(Transport::Udp, kHostIp, 53)->owner == "udp-dns");

    // Neighbouring ports are independent too.
    REQUIRE(t.bind(Transport::Tcp, kAny, 52, "x"));
    REQUIRE(t.bind(Transport::Tcp, kAny, 54, "y"));
}

TEST_CASE("lookup matches a specific bind exactly and a wildcard bind for any address", "[sockets]") {
    // (Without SO_REUSEADDR a specific and a wildcard bind cannot share a port, so the
    // exact-first preference only shows as "a specific bind answers for its address only".)
    SocketTable t;
    REQUIRE(t.bind(Transport::Tcp, kLoopback, 80, "local-only"));
    REQUIRE(t.bind(Transport::Tcp, kAny, 443, "everywhere"));

    CHECK(t.lookup(Transport::Tcp, kLoopback, 80)->owner == "local-only");
    CHECK(t.lookup(Transport::Tcp, kHostIp, 80) == nullptr);  // bound to 127.0.0.1 only
    CHECK(t.lookup(Transport::Tcp, kHostIp, 443)->owner == "everywhere");
    CHECK(t.lookup(Transport::Tcp, kLoopback, 443)->owner == "everywhere");
    CHECK(t.lookup(Transport::Tcp, kHostIp, 8080) == nullptr);
    CHECK(t.lookup(Transport::Udp, kHostIp, 443) == nullptr);

    const SocketInfo* s = t.lookup(Transport::Tcp, kHostIp, 443);
    REQUIRE(s != nullptr);
    CHECK(s->transport == Transport::Tcp);
    CHECK(s->address == kAny);
    CHECK(s->port == 443);
    CHECK(s->accepted == 0);
}

TEST_CASE("lookup picks the matching specific address among several on a port", "[sockets]") {
    SocketTable t;
    REQUIRE(t.bind(Transport::Udp, kLoopback, 5353, "lo"));
    REQUIRE(t.bind(Transport::Udp, kDocker0Ip, 5353, "docker0"));
    CHECK(t.lookup(Transport::Udp, kLoopback, 5353)->owner == "lo");
    CHECK(t.lookup(Transport::Udp, kDocker0Ip, 5353)->owner == "docker0");
    CHECK(t.lookup(Transport::Udp, kHostIp, 5353) == nullptr);
}

TEST_CASE("lookupMutable lets the stack count connections", "[sockets]") {
    SocketTable t;
    REQUIRE(t.bind(Transport::Tcp, kAny, 80, "nginx"));
    SocketInfo* s = t.lookupMutable(Transport::Tcp, kHostIp, 80);
    REQUIRE(s != nullptr);
    ++s->accepted;
    ++s->accepted;
    CHECK(t.lookup(Transport::Tcp, kDocker0Ip, 80)->accepted == 2);
    CHECK(t.sockets()[0].accepted == 2);
    CHECK(t.lookupMutable(Transport::Tcp, kHostIp, 81) == nullptr);
}

TEST_CASE("close frees the port", "[sockets]") {
    SocketTable t;
    const auto id = t.bind(Transport::Tcp, kAny, 8080, "docker-proxy");
    REQUIRE(id);
    CHECK(t.close(*id));
    CHECK_FALSE(t.isPortUsed(Transport::Tcp, 8080));
    CHECK(t.lookup(Transport::Tcp, kHostIp, 8080) == nullptr);
    CHECK(t.sockets().empty());
    CHECK_FALSE(t.close(*id));          // twice
    CHECK_FALSE(t.close(SocketId{}));   // invalid
    CHECK_FALSE(t.close(SocketId(99))); // unknown

    const auto again = t.bind(Transport::Tcp, kHostIp, 8080, "nginx");
    REQUIRE(again);
    CHECK(*again != *id);  // ids are not reused
    CHECK(t.lookup(Transport::Tcp, kHostIp, 8080)->owner == "nginx");
}

TEST_CASE("close removes only its own socket", "[sockets]") {
    SocketTable t;
    const auto a = t.bind(Transport::Tcp, kLoopback, 80, "a");
    const auto b = t.bind(Transport::Tcp, kHostIp, 80, "b");
    REQUIRE(a);
    REQUIRE(b);
    CHECK(t.close(*a));
    CHECK(t.lookup(Transport::Tcp, kLoopback, 80) == nullptr);
    CHECK(t.lookup(Transport::Tcp, kHostIp, 80)->owner == "b");
    CHECK(t.isPortUsed(Transport::Tcp, 80));
    requireInUse(t.bind(Transport::Tcp, kAny, 80, "c"));  // b still holds it
}

TEST_CASE("A UDP socket's receiver is kept by id and dropped on close", "[sockets]") {
    SocketTable t;
    std::vector<std::pair<Ipv4Address, std::uint16_t>> got;
    const auto udp = t.bind(Transport::Udp, kAny, 9999, "nc", [&](Ipv4Address src, const UdpDatagram& d) {
        got.emplace_back(src, d.srcPort);
    });
    const auto tcp = t.bind(Transport::Tcp, kAny, 9999, "nc");
    REQUIRE(udp);
    REQUIRE(tcp);

    const auto* r = t.receiver(*udp);
    REQUIRE(r != nullptr);
    (*r)(kClient, UdpDatagram{40000, 9999, sim::wire::Bytes{1, 2, 3}});
    CHECK(got == std::vector<std::pair<Ipv4Address, std::uint16_t>>{{kClient, 40000}});

    CHECK(t.receiver(*tcp) == nullptr);  // none was given
    CHECK(t.receiver(SocketId(12345)) == nullptr);
    t.close(*udp);
    CHECK(t.receiver(*udp) == nullptr);
}

TEST_CASE("sockets() lists by transport, address, then port", "[sockets]") {
    SocketTable t;
    t.bind(Transport::Udp, kAny, 53, "d");
    t.bind(Transport::Tcp, kHostIp, 22, "c");
    t.bind(Transport::Tcp, kLoopback, 8080, "b2");
    t.bind(Transport::Tcp, kLoopback, 631, "b1");
    t.bind(Transport::Tcp, kAny, 80, "a");

    std::vector<std::string> owners;
    for (const auto& s : t.sockets()) owners.push_back(s.owner);
    // tcp 0.0.0.0:80, tcp 127.0.0.1:631, tcp 127.0.0.1:8080, tcp 192.168.1.10:22, udp 0.0.0.0:53
    CHECK(owners == std::vector<std::string>{"a", "b1", "b2", "c", "d"});
}

TEST_CASE("an IPV6_V6ONLY [::] socket clashes only with another [::], a dual-stack one with IPv4 too", "[sockets][ipv6]") {
    SocketTable t;
    // nginx: listen 80; listen [::]:80 (ipv6only=on).
    REQUIRE(t.bind(Transport::Tcp, kAny, 80, "nginx"));
    const auto v6 = t.bindIpv6Any(Transport::Tcp, 80, true, "nginx");
    REQUIRE(v6);
    auto again = t.bindIpv6Any(Transport::Tcp, 80, true, "nginx");
    REQUIRE_FALSE(again);
    CHECK(again.error().message == "Address already in use");
    // IPv4 traffic never reaches the V6ONLY socket.
    CHECK(t.lookup(Transport::Tcp, kHostIp, 80)->family == SocketFamily::Inet);
    t.close(*v6);

    // httpd's Listen 80: one dual-stack [::] that also holds every IPv4 address.
    SocketTable d;
    const auto dual = d.bindIpv6Any(Transport::Tcp, 80, false, "httpd");
    REQUIRE(dual);
    CHECK_FALSE(d.bind(Transport::Tcp, kLoopback, 80, "nc"));
    CHECK_FALSE(d.bindIpv6Any(Transport::Tcp, 80, true, "nc"));
    CHECK(d.bind(Transport::Udp, kAny, 80, "nc"));  // another transport
    const auto* got = d.lookup(Transport::Tcp, kHostIp, 80);
    REQUIRE(got != nullptr);
    CHECK(got->owner == "httpd");
    CHECK(got->addressText() == "[::]");
    // An IPv4 socket on the port keeps a dual-stack bind out.
    SocketTable e;
    REQUIRE(e.bind(Transport::Tcp, kLoopback, 3306, "x"));
    CHECK_FALSE(e.bindIpv6Any(Transport::Tcp, 3306, false, "mysqld"));
    CHECK(e.bindIpv6Any(Transport::Tcp, 3306, true, "mysqld"));
}

TEST_CASE("sockets() lists IPv4 before IPv6 within a transport", "[sockets][ipv6]") {
    SocketTable t;
    t.bindIpv6Any(Transport::Tcp, 22, true, "b");
    t.bind(Transport::Tcp, kAny, 80, "a");
    t.bindIpv6Any(Transport::Udp, 53, false, "d");
    t.bind(Transport::Udp, kAny, 68, "c");
    std::vector<std::string> owners;
    for (const auto& s : t.sockets()) owners.push_back(s.owner);
    CHECK(owners == std::vector<std::string>{"a", "b", "c", "d"});
}
