#include <catch2/catch.hpp>

#include <algorithm>

#include "sim/core/rng.hpp"
#include "sim/wire/ethernet_frame.hpp"
#include "wire_test_util.hpp"

using sim::core::ErrorCode;
using sim::wire::ArpPacket;
using sim::wire::ByteView;
using sim::wire::Bytes;
using sim::wire::DnsMessage;
using sim::wire::EthernetFrame;
using sim::wire::EtherType;
using sim::wire::IcmpMessage;
using sim::wire::IcmpQuote;
using sim::wire::Ipv4Address;
using sim::wire::Ipv4Packet;
using sim::wire::MacAddress;
using sim::wire::TcpSegment;
using sim::wire::UdpDatagram;
using sim::wire::UnreachableCode;
using wire_test::hex;

namespace {

const MacAddress kMacA(MacAddress::Bytes{0x02, 0x42, 0xac, 0x11, 0x00, 0x02});
const MacAddress kMacB(MacAddress::Bytes{0x02, 0x42, 0xac, 0x11, 0x00, 0x03});
constexpr Ipv4Address kIpA(172, 17, 0, 2);
constexpr Ipv4Address kIpB(172, 17, 0, 3);

EthernetFrame arpRequest() { return EthernetFrame{MacAddress::broadcast(), kMacA, ArpPacket::request(kMacA, kIpA, kIpB)}; }

EthernetFrame pingFrame() {
    return EthernetFrame{kMacB, kMacA, Ipv4Packet{kIpA, kIpB, 64, 0, IcmpMessage::echoRequest(1, 1)}};
}

EthernetFrame synFrame() {
    TcpSegment s;
    s.srcPort = 40000;
    s.dstPort = 80;
    s.seq = 1000;
    s.flags = sim::wire::tcp_flags::Syn;
    return EthernetFrame{kMacB, kMacA, Ipv4Packet{kIpA, kIpB, 64, 0, s}};
}

std::vector<EthernetFrame> sampleFrames() {
    const DnsMessage query = DnsMessage::query(1234, "web.mynet");
    return {
        arpRequest(),
        EthernetFrame{kMacA, kMacB, ArpPacket::reply(kMacB, kIpB, kMacA, kIpA)},
        pingFrame(),
        EthernetFrame{kMacA, kMacB, Ipv4Packet{kIpB, kIpA, 64, 0, IcmpMessage::echoReply(1, 1)}},
        EthernetFrame{kMacA, kMacB,
                      Ipv4Packet{kIpB, kIpA, 64, 0,
                                 IcmpMessage::unreachable(UnreachableCode::Port, IcmpQuote{kIpA, kIpB, 17, 64, 5, 40000, 53})}},
        EthernetFrame{kMacB, kMacA, Ipv4Packet{kIpA, kIpB, 64, 1, UdpDatagram{40000, 53, query}}},
        EthernetFrame{kMacA, kMacB,
                      Ipv4Packet{kIpB, kIpA, 64, 2,
                                 UdpDatagram{53, 40000, DnsMessage::answer(query, {{"web.mynet", Ipv4Address(172, 18, 0, 3)},
                                                                                   {"web.mynet", Ipv4Address(172, 18, 0, 4)}})}}},
        EthernetFrame{kMacB, kMacA, Ipv4Packet{kIpA, kIpB, 64, 3, UdpDatagram{1, 2, Bytes{'x'}}}},
        synFrame(),
    };
}

}  // namespace

TEST_CASE("EthernetFrame round-trips ARP and IPv4 payloads", "[wire][ethernet]") {
    for (const auto& frame : sampleFrames()) {
        INFO(frame.summaryWithMacs());
        const Bytes wire = frame.encode();
        CHECK(wire.size() >= 60);
        const auto back = EthernetFrame::decode(wire);
        REQUIRE(back.has_value());
        CHECK(*back == frame);
    }
}

TEST_CASE("EthernetFrame pads to 60 octets and decode ignores the padding", "[wire][ethernet]") {
    const Bytes arp = arpRequest().encode();
    CHECK(arp.size() == 60);
    CHECK(Bytes(arp.begin() + 12, arp.begin() + 14) == hex("0806"));
    CHECK(std::all_of(arp.begin() + 42, arp.end(), [](std::uint8_t b) { return b == 0; }));

    // A SYN is 14 + 40 = 54 octets: 6 of padding, which the IPv4 total length tells apart.
    const Bytes syn = synFrame().encode();
    CHECK(syn.size() == 60);
    CHECK(EthernetFrame::decode(syn).value() == synFrame());

    // Unpadded (as Linux hands a frame to a local tap) is fine too.
    CHECK(EthernetFrame::decode(ByteView(syn).first(54)).value() == synFrame());
    CHECK(EthernetFrame::decode(ByteView(arp).first(42)).value() == arpRequest());

    // A ping is long enough not to need padding.
    const Bytes ping = pingFrame().encode();
    CHECK(ping.size() == 98);
    CHECK(Bytes(ping.begin(), ping.begin() + 14) == hex("0242ac110003 0242ac110002 0800"));
}

TEST_CASE("EthernetFrame accessors and summaries", "[wire][ethernet]") {
    EthernetFrame arp = arpRequest();
    CHECK(arp.isArp());
    CHECK(arp.etherType() == EtherType::Arp);
    REQUIRE(arp.arp() != nullptr);
    CHECK(arp.ipv4() == nullptr);
    CHECK(pingFrame().etherType() == EtherType::Ipv4);
    CHECK(pingFrame().ipv4() != nullptr);

    CHECK(arp.summary() == "ARP, Request who-has 172.17.0.3 tell 172.17.0.2");
    CHECK(arp.summaryWithMacs() ==
          "02:42:ac:11:00:02 > ff:ff:ff:ff:ff:ff, ARP, Request who-has 172.17.0.3 tell 172.17.0.2");
    CHECK(pingFrame().summary() == "IP 172.17.0.2 > 172.17.0.3: ICMP echo request, id 1, seq 1, length 64");
    CHECK(pingFrame().summaryWithMacs() ==
          "02:42:ac:11:00:02 > 02:42:ac:11:00:03, IP 172.17.0.2 > 172.17.0.3: ICMP echo request, id 1, seq 1, length 64");
}

TEST_CASE("EthernetFrame::decode rejects short frames and other EtherTypes", "[wire][ethernet]") {
    const Bytes ping = pingFrame().encode();
    for (std::size_t n = 0; n < 14; ++n) {
        const auto r = EthernetFrame::decode(ByteView(ping).first(n));
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().message == "Ethernet frame too short: " + std::to_string(n) + " octets");
    }
    // Cut anywhere inside the IPv4 packet: the packet's own error.
    for (std::size_t n = 14; n < ping.size(); ++n) {
        INFO(n);
        CHECK_FALSE(EthernetFrame::decode(ByteView(ping).first(n)).has_value());
    }
    const Bytes arp = arpRequest().encode();
    for (std::size_t n = 14; n < 42; ++n)
        CHECK(EthernetFrame::decode(ByteView(arp).first(n)).error().message ==
              "ARP packet too short: " + std::to_string(n - 14) + " octets");

    Bytes ipv6 = ping;
    ipv6[12] = 0x86;
    ipv6[13] = 0xdd;
    CHECK(EthernetFrame::decode(ipv6).error().message == "unsupported EtherType 0x86dd");
    CHECK(EthernetFrame::decode(ipv6).error().code == ErrorCode::Unsupported);
    Bytes vlan = ping;
    vlan[12] = 0x81;
    vlan[13] = 0x00;
    CHECK(EthernetFrame::decode(vlan).error().message == "unsupported EtherType 0x8100");

    // A total length beyond the frame is reported, not read past.
    Bytes lying = ping;
    wire_test::setU16(lying, 16, 200);
    wire_test::fixIpv4Checksum(lying, 14);
    CHECK(EthernetFrame::decode(lying).error().message == "IPv4 total length 200 disagrees with 84 octets");
}

TEST_CASE("Decoders survive corrupted and random input", "[wire][ethernet][robustness]") {
    // Not a substitute for a fuzzer, but under the sanitizers it catches out-of-bounds reads on
    // every single-octet corruption of each frame kind, and on noise of every length.
    std::size_t decoded = 0;
    for (const auto& frame : sampleFrames()) {
        const Bytes wire = frame.encode();
        for (std::size_t i = 0; i < wire.size(); ++i) {
            for (std::uint8_t value : {std::uint8_t(0x00), std::uint8_t(0xff), std::uint8_t(wire[i] ^ 0x01),
                                       std::uint8_t(wire[i] ^ 0x80), std::uint8_t(0x3f), std::uint8_t(0xc0)}) {
                Bytes mutated = wire;
                mutated[i] = value;
                CHECK_NOTHROW(decoded += EthernetFrame::decode(mutated).has_value() ? 1 : 0);
                // And again behind a repaired IPv4 checksum, to reach the payload decoders.
                if (frame.isIpv4() && i >= 14 && i < 34) {
                    wire_test::fixIpv4Checksum(mutated, 14);
                    CHECK_NOTHROW(decoded += EthernetFrame::decode(mutated).has_value() ? 1 : 0);
                }
            }
        }
    }
    sim::core::Rng rng(42);
    for (std::size_t length = 0; length < 200; ++length) {
        for (int round = 0; round < 20; ++round) {
            Bytes noise(length);
            for (auto& b : noise) b = std::uint8_t(rng.next());
            CHECK_NOTHROW(EthernetFrame::decode(noise));
            CHECK_NOTHROW(DnsMessage::decode(noise));
            CHECK_NOTHROW(IcmpMessage::decode(noise));
            CHECK_NOTHROW(Ipv4Packet::decode(noise));
            CHECK_NOTHROW(UdpDatagram::decode(noise, kIpA, kIpB));
            CHECK_NOTHROW(TcpSegment::decode(noise, kIpA, kIpB));
            CHECK_NOTHROW(ArpPacket::decode(noise));
        }
    }
    CHECK(decoded > 0);  // some mutations (e.g. of a MAC) still decode
}
