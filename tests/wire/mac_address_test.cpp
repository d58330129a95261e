#include <catch2/catch.hpp>

#include <unordered_set>

#include "sim/wire/mac_address.hpp"

using sim::core::ErrorCode;
using sim::wire::MacAddress;

namespace {

const MacAddress kMacA(MacAddress::Bytes{0x02, 0x42, 0xac, 0x11, 0x00, 0x02});

}  // namespace

TEST_CASE("MacAddress parses colon and dash forms in either case", "[wire][mac]") {
    for (const char* text : {"02:42:ac:11:00:02", "02:42:AC:11:00:02", "02-42-ac-11-00-02", "02-42-Ac-11-00-02"}) {
        INFO(text);
        const auto mac = MacAddress::parse(text);
        REQUIRE(mac.has_value());
        CHECK(*mac == kMacA);
    }
    CHECK(MacAddress::parse("ff:ff:ff:ff:ff:ff").value() == MacAddress::broadcast());
    CHECK(MacAddress::parse("00:00:00:00:00:00").value() == MacAddress::zero());
}

TEST_CASE("MacAddress rejects anything but six two-digit hex groups", "[wire][mac]") {
    for (const char* text : {"02:42:zz:11:00:02", "", "02:42:ac:11:00", "02:42:ac:11:00:02:03", "2:42:ac:11:00:02",
                             "02:42:ac:11:00:2", "02:42:ac:11:00:002", "02:42-ac:11:00:02", "02.42.ac.11.00.02",
                             "0242ac110002", " 02:42:ac:11:00:02", "02:42:ac:11:00:02 ", "02:42:ac:11:00:0g",
                             "02::42:ac:11:00:02", "+2:42:ac:11:00:02"}) {
        INFO('"' << text << '"');
        const auto mac = MacAddress::parse(text);
        REQUIRE_FALSE(mac.has_value());
        CHECK(mac.error().code == ErrorCode::InvalidArgument);
        CHECK(mac.error().message == "\"" + std::string(text) + "\" is not a MAC address");
    }
    CHECK(MacAddress::parse("02:42:zz:11:00:02").error().message == "\"02:42:zz:11:00:02\" is not a MAC address");
}

TEST_CASE("MacAddress formats lower case and as an integer", "[wire][mac]") {
    const auto upper = MacAddress::parse("0A:1B:2C:3D:4E:5F").value();
    CHECK(upper.toString() == "0a:1b:2c:3d:4e:5f");
    CHECK(upper.toHex() == "0a1b2c3d4e5f");
    CHECK(upper.toU64() == 0x0a1b2c3d4e5fULL);
    CHECK(kMacA.toString() == "02:42:ac:11:00:02");
    CHECK(kMacA.toHex() == "0242ac110002");
    CHECK(MacAddress::broadcast().toU64() == 0xffffffffffffULL);
    CHECK(MacAddress::zero().toString() == "00:00:00:00:00:00");
    CHECK(MacAddress::parse(kMacA.toString()).value() == kMacA);
}

TEST_CASE("MacAddress predicates and hashing", "[wire][mac]") {
    CHECK(MacAddress::broadcast().isBroadcast());
    CHECK(MacAddress::broadcast().isMulticast());
    CHECK(MacAddress::parse("01:00:5e:00:00:01").value().isMulticast());
    CHECK_FALSE(kMacA.isMulticast());
    CHECK_FALSE(kMacA.isBroadcast());
    CHECK(MacAddress::zero().isZero());
    CHECK(kMacA < MacAddress::broadcast());

    std::unordered_set<MacAddress> set{kMacA, MacAddress::broadcast(), kMacA};
    CHECK(set.size() == 2);
}
