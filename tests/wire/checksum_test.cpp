#include <catch2/catch.hpp>

#include "sim/wire/bytes.hpp"
#include "wire_test_util.hpp"

using sim::wire::Bytes;
using sim::wire::internetChecksum;
using wire_test::hex;

TEST_CASE("internetChecksum matches RFC 1071's worked example", "[wire][checksum]") {
    // RFC 1071 section 3: the sum of 0001 f203 f4f5 f6f7 is ddf2, so the checksum is 220d.
    CHECK(internetChecksum(hex("00 01 f2 03 f4 f5 f6 f7")) == 0x220d);
}

TEST_CASE("internetChecksum of a well-known IPv4 header", "[wire][checksum]") {
    // The textbook header 192.168.0.1 > 192.168.0.199 (UDP, total length 115): checksum b861.
    Bytes header = hex("45 00 00 73 00 00 40 00 40 11 00 00 c0 a8 00 01 c0 a8 00 c7");
    CHECK(internetChecksum(header) == 0xb861);
    // With the checksum in place the header sums to ffff, i.e. its checksum is 0.
    wire_test::setU16(header, 10, 0xb861);
    CHECK(internetChecksum(header) == 0);
}

TEST_CASE("internetChecksum pads odd lengths and honours the initial sum", "[wire][checksum]") {
    CHECK(internetChecksum(hex("01")) == 0xfeff);   // one octet counts as 0x0100
    CHECK(internetChecksum(Bytes{}) == 0xffff);
    CHECK(internetChecksum(Bytes{}, 0x1234) == 0xedcb);
    // Carries fold back in: ffff + 0001 = 1 0000 -> 0001 -> checksum fffe.
    CHECK(internetChecksum(hex("ff ff 00 01")) == 0xfffe);
    // A long buffer of ones does not overflow the accumulator.
    const Bytes ones(70000, 0xff);
    CHECK(internetChecksum(ones) == 0);
}
