#include <catch2/catch.hpp>

#include <string>
#include <unordered_set>

#include "sim/wire/ipv4_address.hpp"

using sim::core::ErrorCode;
using sim::wire::Ipv4Address;
using sim::wire::Ipv4Prefix;

namespace {

constexpr Ipv4Address kContainerIp(172, 17, 0, 2);
constexpr Ipv4Prefix kDockerBridge(Ipv4Address(172, 17, 0, 0), 16);

}  // namespace

TEST_CASE("Ipv4Address parses dotted quads", "[wire][ipv4]") {
    CHECK(Ipv4Address::parse("172.17.0.2").value() == kContainerIp);
    CHECK(Ipv4Address::parse("172.17.0.2").value().value() == 0xac110002u);
    CHECK(Ipv4Address::parse("0.0.0.0").value() == Ipv4Address::any());
    CHECK(Ipv4Address::parse("255.255.255.255").value() == Ipv4Address::broadcast());
    CHECK(Ipv4Address::parse("127.0.0.1").value() == Ipv4Address::loopback());
    CHECK(Ipv4Address::parse("10.0.0.10").value() == Ipv4Address(10, 0, 0, 10));
    CHECK(Ipv4Address::parse("1.2.3.100").value() == Ipv4Address(1, 2, 3, 100));
}

TEST_CASE("Ipv4Address parsing is as strict as inet_pton", "[wire][ipv4]") {
    const char* bad[] = {
        "256.1.1.1",   "1.1.1.256",  "999.0.0.0",   "01.2.3.4",   "1.2.3.04",   "1.2.3.00",    "1.2.3",
        "1.2.3.4.5",   "",           "1..3.4",      ".1.2.3",     "1.2.3.",     " 1.2.3.4",    "1.2.3.4 ",
        "1. 2.3.4",    "1.2.3.4x",   "1.2.3.4/24",  "-1.2.3.4",   "+1.2.3.4",   "1.2.3.-4",    "0x1.2.3.4",
        "1.2.3.1000",  "abc",        "1.2.3.4.",    "1,2,3,4",    "1.2.3.4\n",  "4294967295",
    };
    for (const char* text : bad) {
        INFO('"' << text << '"');
        const auto a = Ipv4Address::parse(text);
        REQUIRE_FALSE(a.has_value());
        CHECK(a.error().code == ErrorCode::InvalidArgument);
        CHECK(a.error().message == "\"" + std::string(text) + "\" is not an IPv4 address");
    }
    CHECK(Ipv4Address::parse("256.1.1.1").error().message == "\"256.1.1.1\" is not an IPv4 address");
    // A NUL inside the view is not the end of the input.
    CHECK_FALSE(Ipv4Address::parse(std::string_view("1.2.3.4\0", 8)).has_value());
}

TEST_CASE("Ipv4Address formats and classifies", "[wire][ipv4]") {
    CHECK(kContainerIp.toString() == "172.17.0.2");
    CHECK(Ipv4Address::broadcast().toString() == "255.255.255.255");
    CHECK(Ipv4Address::any().toString() == "0.0.0.0");
    CHECK(kContainerIp.octet(0) == 172);
    CHECK(kContainerIp.octet(3) == 2);
    CHECK(Ipv4Address(127, 0, 0, 11).isLoopback());
    CHECK(Ipv4Address(224, 0, 0, 1).isMulticast());
    CHECK_FALSE(kContainerIp.isMulticast());
    CHECK(Ipv4Address(10, 0, 0, 1) < kContainerIp);
    std::unordered_set<Ipv4Address> set{kContainerIp, Ipv4Address::loopback(), kContainerIp};
    CHECK(set.size() == 2);
}

TEST_CASE("Ipv4Prefix parses address/length and keeps host bits", "[wire][ipv4][prefix]") {
    const auto p = Ipv4Prefix::parse("172.17.0.2/16").value();
    CHECK(p.address() == kContainerIp);
    CHECK(p.length() == 16);
    CHECK(p.toString() == "172.17.0.2/16");
    CHECK(Ipv4Prefix::parse("0.0.0.0/0").value().length() == 0);
    CHECK(Ipv4Prefix::parse("10.0.0.1/32").value().length() == 32);
    CHECK(Ipv4Prefix::parse("172.17.0.0/16").value() == kDockerBridge);
}

TEST_CASE("Ipv4Prefix rejects bad lengths, missing slash and bad addresses", "[wire][ipv4][prefix]") {
    const char* bad[] = {"172.17.0.0/33", "172.17.0.0",   "172.17.0.0/",    "172.17.0.0/-1", "172.17.0.0/+8",
                         "172.17.0.0/08", "172.17.0.0/ 8", "172.17.0.0/8 ", "172.17.0.0/8/8", "256.17.0.0/16",
                         "/16",           "",              "172.17.0/16",   "172.17.0.0/100", "172.17.0.0/1x"};
    for (const char* text : bad) {
        INFO('"' << text << '"');
        const auto p = Ipv4Prefix::parse(text);
        REQUIRE_FALSE(p.has_value());
        CHECK(p.error().code == ErrorCode::InvalidArgument);
        CHECK(p.error().message == "\"" + std::string(text) + "\" is not an IPv4 prefix");
    }
    CHECK(Ipv4Prefix::parse("172.17.0.0/33").error().message == "\"172.17.0.0/33\" is not an IPv4 prefix");
}

TEST_CASE("Ipv4Prefix::parseHostOrPrefix treats a bare address as /32", "[wire][ipv4][prefix]") {
    CHECK(Ipv4Prefix::parseHostOrPrefix("10.0.0.1").value() == Ipv4Prefix(Ipv4Address(10, 0, 0, 1), 32));
    CHECK(Ipv4Prefix::parseHostOrPrefix("10.0.0.0/8").value() == Ipv4Prefix(Ipv4Address(10, 0, 0, 0), 8));
    CHECK(Ipv4Prefix::parseHostOrPrefix("10.0.0.0/33").error().message == "\"10.0.0.0/33\" is not an IPv4 prefix");
    CHECK(Ipv4Prefix::parseHostOrPrefix("10.0.0.256").error().message == "\"10.0.0.256\" is not an IPv4 prefix");
    CHECK(Ipv4Prefix::parseHostOrPrefix("").error().code == ErrorCode::InvalidArgument);
}

TEST_CASE("Ipv4Prefix network, broadcast, mask and size", "[wire][ipv4][prefix]") {
    const Ipv4Prefix p(kContainerIp, 16);
    CHECK(p.network() == kDockerBridge);
    CHECK(p.networkAddress() == Ipv4Address(172, 17, 0, 0));
    CHECK(p.broadcast() == Ipv4Address(172, 17, 255, 255));
    CHECK(p.mask() == Ipv4Address(255, 255, 0, 0));
    CHECK(p.size() == 65536);
    CHECK_FALSE(p.isNetwork());
    CHECK(p.network().isNetwork());

    const Ipv4Prefix all(Ipv4Address::any(), 0);
    CHECK(all.mask() == Ipv4Address::any());
    CHECK(all.size() == (std::uint64_t(1) << 32));
    CHECK(all.broadcast() == Ipv4Address::broadcast());

    const Ipv4Prefix host(kContainerIp, 32);
    CHECK(host.size() == 1);
    CHECK(host.mask() == Ipv4Address::broadcast());
    CHECK(host.broadcast() == kContainerIp);

    const Ipv4Prefix slash30 = Ipv4Prefix::parse("192.168.1.5/30").value();
    CHECK(slash30.networkAddress() == Ipv4Address(192, 168, 1, 4));
    CHECK(slash30.broadcast() == Ipv4Address(192, 168, 1, 7));
    CHECK(slash30.mask().toString() == "255.255.255.252");
    CHECK(slash30.size() == 4);

    CHECK(Ipv4Prefix(kContainerIp, 40).length() == 32);  // clamped
    CHECK(Ipv4Prefix(kContainerIp, -3).length() == 0);
}

TEST_CASE("Ipv4Prefix contains and overlaps", "[wire][ipv4][prefix]") {
    CHECK(kDockerBridge.contains(kContainerIp));
    CHECK(kDockerBridge.contains(Ipv4Address(172, 17, 255, 255)));
    CHECK_FALSE(kDockerBridge.contains(Ipv4Address(172, 18, 0, 1)));
    CHECK(Ipv4Prefix(Ipv4Address::any(), 0).contains(Ipv4Address(8, 8, 8, 8)));

    const Ipv4Prefix inner = Ipv4Prefix::parse("172.17.5.0/24").value();
    const Ipv4Prefix other = Ipv4Prefix::parse("172.18.0.0/16").value();
    const Ipv4Prefix wide = Ipv4Prefix::parse("172.16.0.0/12").value();
    CHECK(kDockerBridge.contains(inner));
    CHECK_FALSE(inner.contains(kDockerBridge));
    CHECK(kDockerBridge.overlaps(inner));
    CHECK(inner.overlaps(kDockerBridge));
    CHECK_FALSE(kDockerBridge.overlaps(other));
    CHECK(wide.overlaps(kDockerBridge));
    CHECK(wide.overlaps(other));
    CHECK(kDockerBridge.overlaps(kDockerBridge));
}
