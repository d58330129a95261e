#include <catch2/catch.hpp>

#include "sim/wire/ipv6_address.hpp"

using sim::wire::Ipv6Address;
using sim::wire::Ipv6Prefix;
using sim::wire::MacAddress;

namespace {
std::string roundTrip(const std::string& text) {
    auto a = Ipv6Address::parse(text);
    REQUIRE(a);
    return a->toString();
}
}  // namespace

TEST_CASE("Ipv6Address prints as RFC 5952 and Go's net.IP do", "[wire][ipv6]") {
    CHECK(roundTrip("2001:db8::1") == "2001:db8::1");
    CHECK(roundTrip("2001:0DB8:0000:0000:0000:0000:0000:0002") == "2001:db8::2");
    CHECK(roundTrip("::") == "::");
    CHECK(roundTrip("::1") == "::1");
    CHECK(roundTrip("fe80::") == "fe80::");
    // One zero group is not compressed; of two equal runs the first is.
    CHECK(roundTrip("2001:db8:0:1:1:1:1:1") == "2001:db8:0:1:1:1:1:1");
    CHECK(roundTrip("2001:db8:0:0:1:0:0:1") == "2001:db8::1:0:0:1");
    CHECK(roundTrip("2001:0:0:1:0:0:0:1") == "2001:0:0:1::1");
    CHECK(roundTrip("::ffff:1.2.3.4") == "::ffff:1.2.3.4");
    CHECK(roundTrip("64:ff9b::192.0.2.33") == "64:ff9b::c000:221");
}

TEST_CASE("Ipv6Address refuses what inet_pton refuses", "[wire][ipv6]") {
    for (const char* bad : {"", ":", ":::", "1::2::3", "12345::", "1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8:9", ":1::", "1::2:",
                            "g::1", "172.17.0.1", "::1.2.3", "1:2:3:4:5:6:7::8:9", "fe80::1%eth0", "[::1]"}) {
        INFO(bad);
        auto a = Ipv6Address::parse(bad);
        REQUIRE_FALSE(a);
        CHECK(a.error().message == "\"" + std::string(bad) + "\" is not an IPv6 address");
    }
    CHECK(Ipv6Address::parse("1:2:3:4:5:6:7::"));
    CHECK(Ipv6Address::parse("::2:3:4:5:6:7:8"));
}

TEST_CASE("the link-local address comes from the MAC as modified EUI-64", "[wire][ipv6]") {
    auto mac = MacAddress::parse("02:42:ac:11:00:02");
    REQUIRE(mac);
    CHECK(Ipv6Address::linkLocalFor(*mac).toString() == "fe80::42:acff:fe11:2");
    auto other = MacAddress::parse("3a:10:77:b0:ba:37");
    REQUIRE(other);
    CHECK(Ipv6Address::linkLocalFor(*other).toString() == "fe80::3810:77ff:feb0:ba37");
    CHECK(Ipv6Address::linkLocalFor(*other).isLinkLocal());
    CHECK_FALSE(Ipv6Address::parse("2001:db8::1")->isLinkLocal());
}

TEST_CASE("Ipv6Prefix parses, masks and contains", "[wire][ipv6]") {
    auto p = Ipv6Prefix::parse("2001:db8::5/64");
    REQUIRE(p);
    CHECK(p->toString() == "2001:db8::5/64");
    CHECK(p->network().toString() == "2001:db8::/64");
    CHECK_FALSE(p->isNetwork());
    CHECK(p->contains(*Ipv6Address::parse("2001:db8::ffff:1")));
    CHECK_FALSE(p->contains(*Ipv6Address::parse("2001:db8:1::1")));
    auto wide = Ipv6Prefix::parse("fd00::/8");
    REQUIRE(wide);
    CHECK(wide->contains(*Ipv6Prefix::parse("fd12:3456:789a::/64")));
    CHECK(wide->overlaps(*Ipv6Prefix::parse("fd12:3456:789a::/64")));
    CHECK(Ipv6Prefix::parse("2001:db8::/120")->network().contains(*Ipv6Address::parse("2001:db8::ff")));
    CHECK_FALSE(Ipv6Prefix::parse("2001:db8::/120")->contains(*Ipv6Address::parse("2001:db8::100")));
    CHECK(Ipv6Prefix::parse("::/0")->contains(*Ipv6Address::parse("2001:db8::100")));
    for (const char* bad : {"2001:db8::", "2001:db8::/129", "2001:db8::/", "2001:db8::/064", "x/64", "10.0.0.0/8"}) {
        INFO(bad);
        CHECK_FALSE(Ipv6Prefix::parse(bad));
    }
    CHECK(Ipv6Address::parse("2001:db8::ffff:ffff:ffff:ffff")->plus(1).toString() == "2001:db8:0:1::");
}
