#include <catch2/catch.hpp>

#include "sim/wire/ipv4_packet.hpp"
#include "wire_test_util.hpp"

using sim::core::ErrorCode;
using sim::wire::ByteView;
using sim::wire::Bytes;
using sim::wire::DnsMessage;
using sim::wire::IcmpMessage;
using sim::wire::IcmpQuote;
using sim::wire::internetChecksum;
using sim::wire::IpProtocol;
using sim::wire::Ipv4Address;
using sim::wire::Ipv4Packet;
using sim::wire::TcpSegment;
using sim::wire::UdpDatagram;
using sim::wire::UnreachableCode;
using wire_test::fixIpv4Checksum;
using wire_test::hex;

namespace {

constexpr Ipv4Address kIpA(172, 17, 0, 2);
constexpr Ipv4Address kIpB(172, 17, 0, 3);
constexpr Ipv4Address kIpGone(172, 17, 0, 9);
constexpr Ipv4Address kContainer(172, 18, 0, 2);
constexpr Ipv4Address kEmbeddedDns(127, 0, 0, 11);
constexpr Ipv4Address kClient(10, 0, 0, 1);

Ipv4Packet ping() { return Ipv4Packet{kIpA, kIpB, 64, 0, IcmpMessage::echoRequest(1, 1)}; }

Ipv4Packet dnsQuery() {
    return Ipv4Packet{kContainer, kEmbeddedDns, 64, 0x4d2, UdpDatagram{40000, 53, DnsMessage::query(1234, "web")}};
}

Ipv4Packet syn() {
    TcpSegment s;
    s.srcPort = 40000;
    s.dstPort = 80;
    s.seq = 1000;
    s.flags = sim::wire::tcp_flags::Syn;
    return Ipv4Packet{kClient, kIpA, 63, 7, s};
}

}  // namespace

TEST_CASE("Ipv4Packet encodes a ping octet for octet", "[wire][ipv4packet]") {
    const Bytes wire = ping().encode();
    REQUIRE(wire.size() == 84);
    // Version/IHL 45, total 84, id 0, DF, TTL 64, ICMP, checksum e281 (checked by hand).
    CHECK(Bytes(wire.begin(), wire.begin() + 20) == hex("4500 0054 0000 4000 40 01 e281 ac110002 ac110003"));
    CHECK(internetChecksum(ByteView(wire).first(20)) == 0);
    CHECK(Bytes(wire.begin() + 20, wire.begin() + 28) == hex("0800 f7fd 0001 0001"));
    CHECK(ping().totalLength() == 84);
    CHECK(ping().protocol() == IpProtocol::Icmp);
}

TEST_CASE("Ipv4Packet round-trips every payload type", "[wire][ipv4packet]") {
    const IcmpQuote q{kIpA, kIpGone, 1, 64, 0, 1, 1};
    const Ipv4Packet packets[] = {
        ping(),
        Ipv4Packet{kIpB, kIpA, 64, 0x1234, IcmpMessage::echoReply(1, 1)},
        Ipv4Packet{kIpA, kIpA, 64, 1, IcmpMessage::unreachable(UnreachableCode::Host, q)},
        Ipv4Packet{kIpB, kIpA, 255, 2, IcmpMessage::timeExceeded(q)},
        dnsQuery(),
        Ipv4Packet{kEmbeddedDns, kContainer, 64, 9,
                   UdpDatagram{53, 40000, DnsMessage::answer(DnsMessage::query(1234, "web"),
                                                             {{"web", Ipv4Address(172, 18, 0, 3)}})}},
        Ipv4Packet{kIpA, kIpB, 1, 3, UdpDatagram{5000, 9999, Bytes{1, 2, 3, 4, 5}}},
        syn(),
    };
    for (const auto& p : packets) {
        INFO(p.summary());
        const Bytes wire = p.encode();
        CHECK(wire.size() == p.totalLength());
        const auto back = Ipv4Packet::decode(wire);
        REQUIRE(back.has_value());
        CHECK(*back == p);
    }
    CHECK(dnsQuery().protocol() == IpProtocol::Udp);
    CHECK(syn().protocol() == IpProtocol::Tcp);
    CHECK(syn().totalLength() == 40);
}

TEST_CASE("Ipv4Packet summaries put ports after addresses", "[wire][ipv4packet]") {
    CHECK(ping().summary() == "IP 172.17.0.2 > 172.17.0.3: ICMP echo request, id 1, seq 1, length 64");
    CHECK(dnsQuery().summary() == "IP 172.18.0.2.40000 > 127.0.0.11.53: 1234+ A? web. (21)");
    CHECK(syn().summary() == "IP 10.0.0.1.40000 > 172.17.0.2.80: Flags [S], seq 1000, length 0");
    const Ipv4Packet udp{kIpA, kIpB, 64, 0, UdpDatagram{40000, 9999, Bytes{'h', 'e', 'l', 'l', 'o'}}};
    CHECK(udp.summary() == "IP 172.17.0.2.40000 > 172.17.0.3.9999: UDP, length 5");
    const Ipv4Packet unreachable{kIpA, kIpGone, 64, 0,
                                 IcmpMessage::unreachable(UnreachableCode::Host, IcmpQuote{kIpA, kIpGone, 1, 64, 0, 1, 1})};
    CHECK(unreachable.summary() == "IP 172.17.0.2 > 172.17.0.9: ICMP host 172.17.0.9 unreachable, length 36");
}

TEST_CASE("Ipv4Packet::decode rejects malformed headers", "[wire][ipv4packet]") {
    const Bytes wire = ping().encode();

    SECTION("truncated at every length") {
        for (std::size_t n = 0; n < wire.size(); ++n) {
            INFO(n);
            const auto r = Ipv4Packet::decode(ByteView(wire).first(n));
            REQUIRE_FALSE(r.has_value());
            if (n < 20) CHECK(r.error().message == "IPv4 packet too short: " + std::to_string(n) + " octets");
            else CHECK(r.error().message == "IPv4 total length 84 disagrees with " + std::to_string(n) + " octets");
        }
        CHECK(Ipv4Packet::decode(ByteView(wire).first(12)).error().message == "IPv4 packet too short: 12 octets");
    }
    SECTION("trailing octets") {
        Bytes longer = wire;
        longer.push_back(0);
        CHECK(Ipv4Packet::decode(longer).error().message == "IPv4 total length 84 disagrees with 85 octets");
    }
    SECTION("wrong version") {
        Bytes v6 = wire;
        v6[0] = 0x65;
        fixIpv4Checksum(v6);
        CHECK(Ipv4Packet::decode(v6).error().message == "not an IPv4 packet: version 6");
    }
    SECTION("header length") {
        Bytes options = wire;
        options[0] = 0x46;
        fixIpv4Checksum(options);
        CHECK(Ipv4Packet::decode(options).error().message == "IPv4 options are not supported (IHL 6)");
        CHECK(Ipv4Packet::decode(options).error().code == ErrorCode::Unsupported);
        Bytes tiny = wire;
        tiny[0] = 0x44;
        CHECK(Ipv4Packet::decode(tiny).error().message == "bad IPv4 header length: IHL 4");
    }
    SECTION("bad header checksum") {
        Bytes corrupt = wire;
        corrupt[8] = 63;  // TTL changed without updating the checksum
        CHECK(Ipv4Packet::decode(corrupt).error().message == "bad IPv4 header checksum");
        CHECK(Ipv4Packet::decode(corrupt).error().code == ErrorCode::InvalidArgument);
    }
    SECTION("fragments") {
        Bytes moreFragments = wire;
        moreFragments[6] = 0x20;
        fixIpv4Checksum(moreFragments);
        CHECK(Ipv4Packet::decode(moreFragments).error().message == "fragmented IPv4 packets are not supported");
        Bytes offset = wire;
        offset[6] = 0x00;
        offset[7] = 0x10;
        fixIpv4Checksum(offset);
        CHECK(Ipv4Packet::decode(offset).error().message == "fragmented IPv4 packets are not supported");
        // DF alone is fine.
        Bytes noDf = wire;
        noDf[6] = 0;
        fixIpv4Checksum(noDf);
        CHECK(Ipv4Packet::decode(noDf).value() == ping());
    }
    SECTION("unsupported protocol") {
        Bytes gre = wire;
        gre[9] = 47;
        fixIpv4Checksum(gre);
        CHECK(Ipv4Packet::decode(gre).error().message == "unsupported IP protocol 47");
        CHECK(Ipv4Packet::decode(gre).error().code == ErrorCode::Unsupported);
    }
    SECTION("the payload's own error") {
        Bytes corrupt = wire;
        corrupt[30] = 0xff;  // inside the echo data
        CHECK(Ipv4Packet::decode(corrupt).error().message == "bad ICMP checksum");
        Bytes udp = syn().encode();
        udp[9] = 17;  // a TCP header read as UDP
        fixIpv4Checksum(udp);
        CHECK_FALSE(Ipv4Packet::decode(udp).has_value());
    }
}
