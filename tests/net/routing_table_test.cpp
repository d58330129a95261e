#include <catch2/catch.hpp>

#include <string_view>
#include <vector>

#include "sim/net/routing_table.hpp"

using sim::core::ErrorCode;
using sim::core::InterfaceId;
using sim::net::Route;
using sim::net::RouteProtocol;
using sim::net::RouteScope;
using sim::net::RoutingTable;
using sim::wire::Ipv4Address;
using sim::wire::Ipv4Prefix;

namespace {

const InterfaceId kEth0(2);
const InterfaceId kDocker0(3);
const InterfaceId kBrNet(4);
constexpr Ipv4Address kGateway(172, 17, 0, 1);
constexpr Ipv4Address kContainerIp(172, 17, 0, 2);
constexpr Ipv4Address kLanGateway(192, 168, 1, 1);

Ipv4Prefix pfx(std::string_view text) { return *Ipv4Prefix::parse(text); }
Ipv4Address ip(std::string_view text) { return *Ipv4Address::parse(text); }

Route connected(std::string_view prefix, InterfaceId dev, std::optional<Ipv4Address> src = std::nullopt) {
    Route r;
    r.destination = pfx(prefix);
    r.dev = dev;
    r.prefSrc = src;
    r.protocol = RouteProtocol::Kernel;
    r.scope = RouteScope::Link;
    return r;
}

Route via(std::string_view prefix, Ipv4Address gw, InterfaceId dev, std::uint32_t metric = 0) {
    Route r;
    r.destination = pfx(prefix);
    r.gateway = gw;
    r.dev = dev;
    r.metric = metric;
    return r;
}

}  // namespace

TEST_CASE("A container's table: the connected subnet and the default route via docker0", "[routing]") {
    RoutingTable t;
    REQUIRE(t.add(connected("172.17.0.0/16", kEth0, kContainerIp)));
    REQUIRE(t.add(via("0.0.0.0/0", kGateway, kEth0)));
    CHECK(t.size() == 2);

    const auto onLink = t.lookup(ip("172.17.0.3"));
    REQUIRE(onLink);
    CHECK(onLink->destination == pfx("172.17.0.0/16"));
    CHECK_FALSE(onLink->gateway.has_value());
    CHECK(onLink->prefSrc == kContainerIp);
    CHECK(onLink->scope == RouteScope::Link);

    const auto out = t.lookup(ip("8.8.8.8"));
    REQUIRE(out);
    CHECK(out->destination == pfx("0.0.0.0/0"));
    CHECK(out->gateway == kGateway);
    CHECK(out->dev == kEth0);

    CHECK(t.lookup(ip("172.17.255.255"))->destination == pfx("172.17.0.0/16"));
    CHECK(t.lookup(ip("172.18.0.1"))->destination == pfx("0.0.0.0/0"));
}

TEST_CASE("Lookup without a default route finds nothing outside the table", "[routing]") {
    RoutingTable t;
    CHECK_FALSE(t.lookup(ip("10.0.0.1")).has_value());
    t.add(connected("172.17.0.0/16", kDocker0));
    CHECK_FALSE(t.lookup(ip("10.0.0.1")).has_value());
    CHECK_FALSE(t.lookup(ip("172.16.255.255")).has_value());
    CHECK(t.lookup(ip("172.17.0.0")).has_value());
}

TEST_CASE("Lookup takes the longest matching prefix, whatever the insertion order", "[routing]") {
    const std::vector<Route> routes{via("0.0.0.0/0", kLanGateway, kEth0), via("10.0.0.0/8", ip("10.255.0.1"), kEth0),
                                    connected("10.1.0.0/16", kDocker0), connected("10.1.2.0/24", kBrNet),
                                    via("10.1.2.3/32", ip("10.1.2.254"), kBrNet)};
    auto check = [](const RoutingTable& t) {
        CHECK(t.lookup(ip("10.1.2.3"))->destination == pfx("10.1.2.3/32"));
        CHECK(t.lookup(ip("10.1.2.4"))->destination == pfx("10.1.2.0/24"));
        CHECK(t.lookup(ip("10.1.3.4"))->destination == pfx("10.1.0.0/16"));
        CHECK(t.lookup(ip("10.2.0.1"))->destination == pfx("10.0.0.0/8"));
        CHECK(t.lookup(ip("11.0.0.1"))->destination == pfx("0.0.0.0/0"));
    };
    SECTION("added from short to long") {
        RoutingTable t;
        for (const auto& r : routes) REQUIRE(t.add(r));
        check(t);
    }
    SECTION("added from long to short") {
        RoutingTable t;
        for (auto it = routes.rbegin(); it != routes.rend(); ++it) REQUIRE(t.add(*it));
        check(t);
    }
}

TEST_CASE("Among equal prefixes the lowest metric wins", "[routing]") {
    RoutingTable t;
    REQUIRE(t.add(via("0.0.0.0/0", ip("192.168.1.1"), kEth0, 600)));
    REQUIRE(t.add(via("0.0.0.0/0", ip("192.168.2.1"), kDocker0, 100)));
    REQUIRE(t.add(via("0.0.0.0/0", ip("192.168.3.1"), kBrNet, 300)));
    CHECK(t.lookup(ip("1.1.1.1"))->gateway == ip("192.168.2.1"));

    // A longer prefix beats a lower metric.
    REQUIRE(t.add(via("1.0.0.0/8", ip("192.168.1.1"), kEth0, 1000)));
    CHECK(t.lookup(ip("1.1.1.1"))->gateway == ip("192.168.1.1"));

    SECTION("removing the best falls back to the next metric") {
        REQUIRE(t.remove(pfx("0.0.0.0/0"), 100u));
        CHECK(t.lookup(ip("2.2.2.2"))->gateway == ip("192.168.3.1"));
    }
    SECTION("remove without a metric takes the first (lowest-metric) route") {
        REQUIRE(t.remove(pfx("0.0.0.0/0")));
        CHECK(t.lookup(ip("2.2.2.2"))->metric == 300);
        REQUIRE(t.remove(pfx("0.0.0.0/0")));
        CHECK(t.lookup(ip("2.2.2.2"))->metric == 600);
    }
}

TEST_CASE("Adding the same destination and metric twice is 'File exists'", "[routing]") {
    RoutingTable t;
    REQUIRE(t.add(via("10.0.0.0/8", ip("192.168.1.1"), kEth0)));

    // Even with another gateway and device: ip route add without replace refuses.
    const auto dup = t.add(via("10.0.0.0/8", ip("192.168.1.2"), kDocker0));
    REQUIRE_FALSE(dup);
    CHECK(dup.error().code == ErrorCode::AlreadyExists);
    CHECK(dup.error().message == "RTNETLINK answers: File exists");

    SECTION("host bits in the destination do not make it a different route") {
        const auto hostBits = t.add(via("10.1.2.3/8", ip("192.168.1.1"), kEth0));
        REQUIRE_FALSE(hostBits);
        CHECK(hostBits.error().message == "RTNETLINK answers: File exists");
    }
    SECTION("another metric is another route") {
        CHECK(t.add(via("10.0.0.0/8", ip("192.168.1.2"), kDocker0, 10)));
        CHECK(t.size() == 2);
    }
    SECTION("another prefix length is another route") {
        CHECK(t.add(via("10.0.0.0/16", ip("192.168.1.2"), kDocker0)));
        CHECK(t.size() == 2);
    }
    CHECK(t.lookup(ip("10.9.9.9"))->gateway.has_value());
}

TEST_CASE("Destinations are stored in network form", "[routing]") {
    RoutingTable t;
    REQUIRE(t.add(connected("172.17.0.2/16", kDocker0)));
    REQUIRE(t.routes().size() == 1);
    CHECK(t.routes()[0].destination == pfx("172.17.0.0/16"));
    CHECK(t.lookup(ip("172.17.9.9"))->destination == pfx("172.17.0.0/16"));
    // remove accepts the address form too, as `ip route del 172.17.0.2/16` does.
    CHECK(t.remove(pfx("172.17.0.2/16")));
    CHECK(t.size() == 0);
}

TEST_CASE("Removing a route that is not there is 'No such process'", "[routing]") {
    RoutingTable t;
    const auto none = t.remove(pfx("10.0.0.0/8"));
    REQUIRE_FALSE(none);
    CHECK(none.error().code == ErrorCode::NotFound);
    CHECK(none.error().message == "RTNETLINK answers: No such process");

    REQUIRE(t.add(via("10.0.0.0/8", ip("192.168.1.1"), kEth0, 5)));
    CHECK_FALSE(t.remove(pfx("10.0.0.0/8"), 6u));
    CHECK_FALSE(t.remove(pfx("10.0.0.0/16")));
    CHECK(t.size() == 1);
    CHECK(t.remove(pfx("10.0.0.0/8"), 5u));
    CHECK(t.size() == 0);
    CHECK_FALSE(t.lookup(ip("10.0.0.1")).has_value());
}

TEST_CASE("removeForInterface drops every route through the device", "[routing]") {
    RoutingTable t;
    t.add(connected("172.17.0.0/16", kDocker0));
    t.add(via("10.10.0.0/16", ip("172.17.0.5"), kDocker0));
    t.add(connected("192.168.1.0/24", kEth0));
    t.add(via("0.0.0.0/0", kLanGateway, kEth0));

    t.removeForInterface(kDocker0);
    CHECK(t.size() == 2);
    CHECK(t.lookup(ip("172.17.0.2"))->destination == pfx("0.0.0.0/0"));  // only the default is left
    CHECK(t.lookup(ip("10.10.0.1"))->destination == pfx("0.0.0.0/0"));
    CHECK(t.lookup(ip("192.168.1.7"))->dev == kEth0);

    t.removeForInterface(kBrNet);  // nothing there: no-op
    CHECK(t.size() == 2);
}

TEST_CASE("removeConnected removes only the kernel route for that prefix and device", "[routing]") {
    RoutingTable t;
    t.add(connected("172.17.0.0/16", kDocker0));
    Route staticSame = via("172.18.0.0/16", ip("172.17.0.9"), kDocker0);
    staticSame.protocol = RouteProtocol::Static;
    t.add(staticSame);
    Route bootOnLink = connected("10.0.0.0/8", kDocker0);
    bootOnLink.protocol = RouteProtocol::Boot;  // `ip route add 10.0.0.0/8 dev docker0`
    t.add(bootOnLink);
    t.add(connected("192.168.1.0/24", kEth0));

    SECTION("the address's own connected route goes") {
        t.removeConnected(pfx("172.17.0.1/16"), kDocker0);  // the interface address, host bits set
        CHECK(t.size() == 3);
        CHECK_FALSE(t.lookup(ip("172.17.0.2")).has_value());
    }
    SECTION("a route added by hand for the prefix stays") {
        t.removeConnected(pfx("10.0.0.1/8"), kDocker0);
        CHECK(t.size() == 4);
        CHECK(t.lookup(ip("10.1.1.1"))->protocol == RouteProtocol::Boot);
    }
    SECTION("another device's connected route stays") {
        t.removeConnected(pfx("192.168.1.5/24"), kDocker0);
        CHECK(t.size() == 4);
        t.removeConnected(pfx("192.168.1.5/24"), kEth0);
        CHECK(t.size() == 3);
    }
    SECTION("another prefix length does not match") {
        t.removeConnected(pfx("172.17.0.1/24"), kDocker0);
        CHECK(t.size() == 4);
    }
}

TEST_CASE("routes() lists the default route first, then by destination", "[routing]") {
    RoutingTable t;
    t.add(connected("192.168.1.0/24", kEth0));
    t.add(connected("172.18.0.0/16", kBrNet));
    t.add(via("10.0.0.0/8", ip("192.168.1.254"), kEth0));
    t.add(via("0.0.0.0/0", kLanGateway, kEth0, 100));
    t.add(connected("172.17.0.0/16", kDocker0));
    t.add(via("0.0.0.0/0", kGateway, kDocker0, 50));

    const auto rs = t.routes();
    REQUIRE(rs.size() == 6);
    CHECK(rs[0].destination == pfx("0.0.0.0/0"));
    CHECK(rs[0].metric == 50);
    CHECK(rs[1].destination == pfx("0.0.0.0/0"));
    CHECK(rs[1].metric == 100);
    CHECK(rs[2].destination == pfx("10.0.0.0/8"));
    CHECK(rs[3].destination == pfx("172.17.0.0/16"));
    CHECK(rs[4].destination == pfx("172.18.0.0/16"));
    CHECK(rs[5].destination == pfx("192.168.1.0/24"));
}
