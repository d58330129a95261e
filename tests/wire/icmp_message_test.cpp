#include <catch2/catch.hpp>

#include <algorithm>

#include "sim/wire/icmp_message.hpp"
#include "wire_test_util.hpp"

using sim::core::ErrorCode;
using sim::wire::ByteView;
using sim::wire::Bytes;
using sim::wire::IcmpMessage;
using sim::wire::IcmpQuote;
using sim::wire::IcmpType;
using sim::wire::internetChecksum;
using sim::wire::Ipv4Address;
using sim::wire::UnreachableCode;
using wire_test::hex;
using wire_test::u16At;

namespace {

constexpr Ipv4Address kIpA(172, 17, 0, 2);
constexpr Ipv4Address kIpGone(172, 17, 0, 9);
constexpr std::uint8_t kUdp = 17;
constexpr std::uint8_t kTcp = 6;
constexpr std::uint8_t kIcmp = 1;

IcmpQuote quote(std::uint8_t protocol, std::uint16_t a, std::uint16_t b) {
    return IcmpQuote{kIpA, kIpGone, protocol, 64, 0x1234, a, b};
}

/// The one's-complement sum of all 16-bit words, which must be ffff for a valid checksum.
std::uint32_t onesComplementSum(ByteView data) {
    std::uint32_t sum = 0;
    for (std::size_t i = 0; i + 1 < data.size(); i += 2) sum += std::uint32_t(data[i] << 8 | data[i + 1]);
    if (data.size() % 2) sum += std::uint32_t(data.back() << 8);
    while (sum >> 16) sum = (sum & 0xffff) + (sum >> 16);
    return sum;
}

}  // namespace

TEST_CASE("ICMP echo request encodes with a hand-checked checksum", "[wire][icmp]") {
    const Bytes wire = IcmpMessage::echoRequest(1, 1).encode();
    REQUIRE(wire.size() == 64);
    // 0800 + 0001 + 0001 = 0802, so the checksum is ~0802 = f7fd; the zero data adds nothing.
    CHECK(Bytes(wire.begin(), wire.begin() + 8) == hex("08 00 f7 fd 00 01 00 01"));
    CHECK(std::all_of(wire.begin() + 8, wire.end(), [](std::uint8_t b) { return b == 0; }));
    CHECK(onesComplementSum(wire) == 0xffff);
    CHECK(internetChecksum(wire) == 0);

    const Bytes reply = IcmpMessage::echoReply(7, 3, 0).encode();
    CHECK(reply == hex("00 00 ff f5 00 07 00 03"));  // ~(0007 + 0003) = fff5
    CHECK(onesComplementSum(reply) == 0xffff);
}

TEST_CASE("ICMP echo round-trips and takes dataLength from the wire", "[wire][icmp]") {
    for (const IcmpMessage& m : {IcmpMessage::echoRequest(1, 1), IcmpMessage::echoReply(0xbeef, 65535, 0),
                                 IcmpMessage::echoRequest(9, 2, 1472), IcmpMessage::echoRequest(5, 5, 3)}) {
        INFO(m.summary());
        const auto back = IcmpMessage::decode(m.encode());
        REQUIRE(back.has_value());
        CHECK(*back == m);
        CHECK(back->wireLength() == m.encode().size());
    }
    // Non-zero echo data is accepted; only its length is kept.
    Bytes withData = hex("08 00 00 00 00 01 00 02 61 62 63 64");
    wire_test::fixIcmpChecksum(withData);
    const auto m = IcmpMessage::decode(withData).value();
    CHECK(m.dataLength == 4);
    CHECK(m.id == 1);
    CHECK(m.sequence == 2);
}

TEST_CASE("ICMP summaries follow tcpdump's print-icmp.c", "[wire][icmp]") {
    CHECK(IcmpMessage::echoRequest(1, 1).summary() == "ICMP echo request, id 1, seq 1, length 64");
    CHECK(IcmpMessage::echoReply(7, 1).summary() == "ICMP echo reply, id 7, seq 1, length 64");
    CHECK(IcmpMessage::echoRequest(7, 2, 0).summary() == "ICMP echo request, id 7, seq 2, length 8");
    const auto udp = quote(kUdp, 40000, 53);
    CHECK(IcmpMessage::unreachable(UnreachableCode::Host, udp).summary() == "ICMP host 172.17.0.9 unreachable, length 36");
    CHECK(IcmpMessage::unreachable(UnreachableCode::Network, udp).summary() == "ICMP net 172.17.0.9 unreachable, length 36");
    CHECK(IcmpMessage::unreachable(UnreachableCode::Port, udp).summary() ==
          "ICMP 172.17.0.9 udp port 53 unreachable, length 36");
    CHECK(IcmpMessage::unreachable(UnreachableCode::Port, quote(kTcp, 40000, 80)).summary() ==
          "ICMP 172.17.0.9 tcp port 80 unreachable, length 36");
    CHECK(IcmpMessage::unreachable(UnreachableCode::Port, quote(47, 1, 2)).summary() ==
          "ICMP 172.17.0.9 protocol 47 port 2 unreachable, length 36");
    CHECK(IcmpMessage::unreachable(UnreachableCode::Protocol, quote(47, 0, 0)).summary() ==
          "ICMP 172.17.0.9 protocol 47 unreachable, length 36");
    CHECK(IcmpMessage::unreachable(UnreachableCode::AdminProhibited, udp).summary() ==
          "ICMP host 172.17.0.9 unreachable - admin prohibited filter, length 36");
    CHECK(IcmpMessage::timeExceeded(quote(kIcmp, 1, 1)).summary() == "ICMP time exceeded in-transit, length 36");
}

TEST_CASE("ICMP errors quote the IPv4 header and 8 octets", "[wire][icmp]") {
    SECTION("a UDP datagram: ports") {
        const Bytes wire = IcmpMessage::unreachable(UnreachableCode::Port, quote(kUdp, 40000, 53)).encode();
        REQUIRE(wire.size() == 36);
        CHECK(wire[0] == 3);
        CHECK(wire[1] == 3);
        CHECK(internetChecksum(wire) == 0);
        const ByteView ip = ByteView(wire).subspan(8, 20);
        CHECK(ip[0] == 0x45);
        CHECK(u16At(wire, 8 + 4) == 0x1234);  // IP id
        CHECK(ip[8] == 64);                  // TTL
        CHECK(ip[9] == kUdp);
        CHECK(internetChecksum(ip) == 0);    // the quoted header has its own valid checksum
        CHECK(Bytes(ip.begin() + 12, ip.end()) == hex("ac110002 ac110009"));
        CHECK(Bytes(wire.begin() + 28, wire.end()) == hex("9c40 0035 0008 0000"));
    }
    SECTION("an echo request: type, code, checksum, id, seq") {
        const Bytes wire = IcmpMessage::timeExceeded(quote(kIcmp, 7, 3)).encode();
        REQUIRE(wire.size() == 36);
        CHECK(wire[0] == 11);
        CHECK(wire[1] == 0);
        // The quoted echo header is what echoRequest(7, 3) put on the wire, checksum included.
        const Bytes echo = IcmpMessage::echoRequest(7, 3).encode();
        CHECK(Bytes(wire.begin() + 28, wire.end()) == Bytes(echo.begin(), echo.begin() + 8));
    }
}

TEST_CASE("ICMP errors round-trip for every quoted protocol", "[wire][icmp]") {
    for (const IcmpMessage& m :
         {IcmpMessage::unreachable(UnreachableCode::Host, quote(kIcmp, 1, 1)),
          IcmpMessage::unreachable(UnreachableCode::Port, quote(kUdp, 40000, 53)),
          IcmpMessage::unreachable(UnreachableCode::Port, quote(kTcp, 40000, 80)),
          IcmpMessage::unreachable(UnreachableCode::AdminProhibited, quote(kTcp, 1, 2)),
          IcmpMessage::timeExceeded(quote(kUdp, 33434, 33435)), IcmpMessage::timeExceeded(quote(kIcmp, 99, 4))}) {
        INFO(m.summary());
        const auto back = IcmpMessage::decode(m.encode());
        REQUIRE(back.has_value());
        CHECK(*back == m);
        CHECK(back->isError());
        CHECK(back->dataLength == 0);
    }
}

TEST_CASE("ICMP errors from Linux may quote more than 8 octets", "[wire][icmp]") {
    const IcmpMessage m = IcmpMessage::unreachable(UnreachableCode::Port, quote(kUdp, 40000, 53));
    Bytes longer = m.encode();
    longer.resize(longer.size() + 21, 0xaa);  // the rest of the original datagram
    wire_test::fixIcmpChecksum(longer);
    CHECK(IcmpMessage::decode(longer).value() == m);
}

TEST_CASE("ICMP decode rejects short, corrupt and unsupported messages", "[wire][icmp]") {
    const Bytes echo = IcmpMessage::echoRequest(1, 1, 0).encode();
    for (std::size_t n = 0; n < 8; ++n) {
        const auto r = IcmpMessage::decode(ByteView(echo).first(n));
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().message == "ICMP message too short: " + std::to_string(n) + " octets");
        CHECK(r.error().code == ErrorCode::InvalidArgument);
    }

    Bytes corrupt = IcmpMessage::echoRequest(1, 1).encode();
    corrupt[20] = 1;
    CHECK(IcmpMessage::decode(corrupt).error().message == "bad ICMP checksum");

    Bytes timestamp = hex("0d 00 00 00 00 01 00 01");
    wire_test::fixIcmpChecksum(timestamp);
    CHECK(IcmpMessage::decode(timestamp).error().message == "unsupported ICMP type 13");
    CHECK(IcmpMessage::decode(timestamp).error().code == ErrorCode::Unsupported);

    const Bytes error = IcmpMessage::unreachable(UnreachableCode::Host, quote(kUdp, 1, 2)).encode();
    for (std::size_t n = 8; n < error.size(); ++n) {
        Bytes cut(error.begin(), error.begin() + std::ptrdiff_t(n));
        wire_test::fixIcmpChecksum(cut);
        const auto r = IcmpMessage::decode(cut);
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().message == "ICMP error too short to quote a datagram: " + std::to_string(n) + " octets");
    }

    Bytes ipv6Quote = error;
    ipv6Quote[8] = 0x65;
    wire_test::fixIcmpChecksum(ipv6Quote);
    CHECK(IcmpMessage::decode(ipv6Quote).error().message == "ICMP error quotes a non-IPv4 header");

    Bytes optionsQuote = error;
    optionsQuote[8] = 0x46;  // IHL 6: the 8 octets would start 4 octets later than present
    wire_test::fixIcmpChecksum(optionsQuote);
    CHECK_FALSE(IcmpMessage::decode(optionsQuote).has_value());
}
