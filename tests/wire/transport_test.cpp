#include <catch2/catch.hpp>

#include "sim/wire/tcp_segment.hpp"
#include "sim/wire/udp_datagram.hpp"
#include "wire_test_util.hpp"

using sim::core::ErrorCode;
using sim::wire::ByteView;
using sim::wire::Bytes;
using sim::wire::DnsMessage;
using sim::wire::internetChecksum;
using sim::wire::Ipv4Address;
using sim::wire::TcpSegment;
using sim::wire::UdpDatagram;
using wire_test::hex;
using wire_test::u16At;
namespace tcp_flags = sim::wire::tcp_flags;

namespace {

constexpr Ipv4Address kClient(10, 0, 0, 1);
constexpr Ipv4Address kPeer(10, 0, 0, 2);
constexpr Ipv4Address kServer(172, 17, 0, 2);
constexpr Ipv4Address kContainer(172, 18, 0, 2);
constexpr Ipv4Address kEmbeddedDns(127, 0, 0, 11);

const UdpDatagram kHello{40000, 9999, Bytes{'h', 'e', 'l', 'l', 'o'}};

TcpSegment segment(std::uint8_t flags, std::uint32_t seq = 1000, std::uint32_t ack = 0) {
    TcpSegment s;
    s.srcPort = 40000;
    s.dstPort = 80;
    s.seq = seq;
    s.ack = ack;
    s.flags = flags;
    return s;
}

}  // namespace

TEST_CASE("UdpDatagram encodes with the pseudo-header checksum", "[wire][udp]") {
    const Bytes wire = kHello.encode(kClient, kPeer);
    // Hand sum: pseudo-header 1421 + header c35c + data 143d1 = 21b4e -> 1b50 -> checksum e4af.
    CHECK(wire == hex("9c40 270f 000d e4af 68656c6c6f"));
    CHECK(kHello.wireLength() == 13);
    // The same octets between other addresses do not verify.
    CHECK(UdpDatagram::decode(wire, kClient, kServer).error().message == "bad UDP checksum");
}

TEST_CASE("UdpDatagram round-trips raw payloads and DNS on port 53", "[wire][udp]") {
    CHECK(UdpDatagram::decode(kHello.encode(kClient, kPeer), kClient, kPeer).value() == kHello);
    const UdpDatagram empty{1, 2, Bytes{}};
    CHECK(UdpDatagram::decode(empty.encode(kClient, kPeer), kClient, kPeer).value() == empty);

    const DnsMessage query = DnsMessage::query(1234, "web");
    const UdpDatagram toDns{40000, 53, query};
    const auto back = UdpDatagram::decode(toDns.encode(kContainer, kEmbeddedDns), kContainer, kEmbeddedDns);
    REQUIRE(back.has_value());
    CHECK(*back == toDns);
    CHECK(std::get<DnsMessage>(back->payload) == query);
    CHECK(toDns.wireLength() == 8 + 21);

    const UdpDatagram fromDns{53, 40000, DnsMessage::answer(query, {{"web", Ipv4Address(172, 18, 0, 3)}})};
    CHECK(UdpDatagram::decode(fromDns.encode(kEmbeddedDns, kContainer), kEmbeddedDns, kContainer).value() == fromDns);
}

TEST_CASE("UdpDatagram summaries", "[wire][udp]") {
    CHECK(kHello.summary() == "40000 > 9999: UDP, length 5");
    const UdpDatagram toDns{40000, 53, DnsMessage::query(1234, "web")};
    CHECK(toDns.summary() == "40000 > 53: 1234+ A? web. (21)");
}

TEST_CASE("UdpDatagram::decode rejects bad lengths and checksums", "[wire][udp]") {
    const Bytes wire = kHello.encode(kClient, kPeer);
    for (std::size_t n = 0; n < 8; ++n)
        CHECK(UdpDatagram::decode(ByteView(wire).first(n), kClient, kPeer).error().message ==
              "UDP datagram too short: " + std::to_string(n) + " octets");
    for (std::size_t n = 8; n < wire.size(); ++n)
        CHECK(UdpDatagram::decode(ByteView(wire).first(n), kClient, kPeer).error().message ==
              "UDP length 13 disagrees with " + std::to_string(n) + " octets");

    Bytes corrupt = wire;
    corrupt[9] ^= 0x20;
    CHECK(UdpDatagram::decode(corrupt, kClient, kPeer).error().message == "bad UDP checksum");

    // Checksum 0 means "none" over IPv4, so corruption then goes unnoticed, as on a real host.
    Bytes unchecked = corrupt;
    wire_test::setU16(unchecked, 6, 0);
    CHECK(UdpDatagram::decode(unchecked, kClient, kPeer).has_value());

    // Port 53 promises DNS: a payload that is not DNS is an error, not opaque octets.
    const UdpDatagram notDns{40000, 53, Bytes{1, 2, 3}};
    const auto r = UdpDatagram::decode(notDns.encode(kClient, kPeer), kClient, kPeer);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().message == "DNS message too short: 3 octets");
}

TEST_CASE("TcpSegment encodes a SYN with a hand-checked checksum", "[wire][tcp]") {
    const Bytes wire = segment(tcp_flags::Syn).encode(kClient, kServer);
    CHECK(wire == hex("9c40 0050 000003e8 00000000 50 02 faf0 5e65 0000"));
    CHECK(internetChecksum(wire, (0x0a00 + 0x0001) + (0xac11 + 0x0002) + 6 + 20) == 0);
}

TEST_CASE("TcpSegment round-trips every flag combination used", "[wire][tcp]") {
    for (std::uint8_t flags :
         {tcp_flags::Syn, std::uint8_t(tcp_flags::Syn | tcp_flags::Ack), tcp_flags::Ack, tcp_flags::Rst,
          std::uint8_t(tcp_flags::Rst | tcp_flags::Ack), std::uint8_t(tcp_flags::Fin | tcp_flags::Ack),
          std::uint8_t(tcp_flags::Psh | tcp_flags::Ack), std::uint8_t(0)}) {
        TcpSegment s = segment(flags, 0xfffffff0u, 77);
        s.window = 502;
        INFO(s.summary());
        CHECK(TcpSegment::decode(s.encode(kClient, kServer), kClient, kServer).value() == s);
    }
}

TEST_CASE("TcpSegment summaries use tcpdump's flag letters", "[wire][tcp]") {
    CHECK(segment(tcp_flags::Syn).summary() == "40000 > 80: Flags [S], seq 1000, length 0");
    CHECK(segment(tcp_flags::Syn | tcp_flags::Ack, 5000, 1001).summary() ==
          "40000 > 80: Flags [S.], seq 5000, ack 1001, length 0");
    CHECK(segment(tcp_flags::Ack, 1001, 5001).summary() == "40000 > 80: Flags [.], ack 5001, length 0");
    CHECK(segment(tcp_flags::Rst, 0).summary() == "40000 > 80: Flags [R], seq 0, length 0");
    CHECK(segment(tcp_flags::Rst | tcp_flags::Ack, 0, 1001).summary() ==
          "40000 > 80: Flags [R.], seq 0, ack 1001, length 0");
    CHECK(segment(tcp_flags::Fin | tcp_flags::Ack, 1001, 5001).summary() ==
          "40000 > 80: Flags [F.], seq 1001, ack 5001, length 0");
    CHECK(segment(tcp_flags::Psh | tcp_flags::Ack, 1001, 5001).summary() == "40000 > 80: Flags [P.], ack 5001, length 0");
    CHECK(segment(0).summary() == "40000 > 80: Flags [none], length 0");

    CHECK(segment(tcp_flags::Syn).isSyn());
    CHECK(segment(tcp_flags::Syn | tcp_flags::Ack).isSynAck());
    CHECK_FALSE(segment(tcp_flags::Syn | tcp_flags::Ack).isSyn());
    CHECK(segment(tcp_flags::Rst | tcp_flags::Ack).isRst());
}

TEST_CASE("TcpSegment::decode rejects short, corrupt and malformed headers", "[wire][tcp]") {
    const Bytes wire = segment(tcp_flags::Syn).encode(kClient, kServer);
    for (std::size_t n = 0; n < 20; ++n)
        CHECK(TcpSegment::decode(ByteView(wire).first(n), kClient, kServer).error().message ==
              "TCP segment too short: " + std::to_string(n) + " octets");

    Bytes corrupt = wire;
    corrupt[4] ^= 1;
    CHECK(TcpSegment::decode(corrupt, kClient, kServer).error().message == "bad TCP checksum");
    CHECK(TcpSegment::decode(wire, kClient, kPeer).error().message == "bad TCP checksum");

    Bytes offset4 = wire;
    offset4[12] = 0x40;
    CHECK(TcpSegment::decode(offset4, kClient, kServer).error().message == "bad TCP data offset: 4 words");

    Bytes offset6 = wire;
    offset6[12] = 0x60;
    CHECK(TcpSegment::decode(offset6, kClient, kServer).error().message ==
          "TCP header length 24 exceeds the 20 octets present");
}

TEST_CASE("TcpSegment::decode accepts and drops options", "[wire][tcp]") {
    // A real SYN carries MSS 1460 (02 04 05b4); the checksum is recomputed for the longer header.
    Bytes withMss = segment(tcp_flags::Syn).encode(kClient, kServer);
    withMss[12] = 0x60;
    for (std::uint8_t b : hex("020405b4")) withMss.push_back(b);
    wire_test::setU16(withMss, 16, 0);
    wire_test::setU16(withMss, 16,
                      internetChecksum(withMss, (0x0a00 + 0x0001) + (0xac11 + 0x0002) + 6 + std::uint32_t(withMss.size())));
    CHECK(u16At(withMss, 16) != 0);
    CHECK(TcpSegment::decode(withMss, kClient, kServer).value() == segment(tcp_flags::Syn));
}
