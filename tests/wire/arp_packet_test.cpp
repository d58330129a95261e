#include <catch2/catch.hpp>

#include "sim/wire/arp_packet.hpp"
#include "sim/wire/ethernet_frame.hpp"
#include "wire_test_util.hpp"

using sim::core::ErrorCode;
using sim::wire::ArpOp;
using sim::wire::ArpPacket;
using sim::wire::Bytes;
using sim::wire::EthernetFrame;
using sim::wire::Ipv4Address;
using sim::wire::MacAddress;
using wire_test::hex;

namespace {

const MacAddress kMacA(MacAddress::Bytes{0x02, 0x42, 0xac, 0x11, 0x00, 0x02});
const MacAddress kMacB(MacAddress::Bytes{0x02, 0x42, 0xac, 0x11, 0x00, 0x03});
constexpr Ipv4Address kIpA(172, 17, 0, 2);
constexpr Ipv4Address kIpB(172, 17, 0, 3);

// "Who has 172.17.0.3? Tell 172.17.0.2" as Linux sends it: htype 1, ptype 0800, hlen 6, plen 4,
// op 1, sender MAC/IP, zero target MAC, target IP.
const Bytes kRequestBody = hex(
    "0001 0800 06 04 0001"
    "0242ac110002 ac110002"
    "000000000000 ac110003");

}  // namespace

TEST_CASE("ArpPacket encodes a request octet for octet", "[wire][arp]") {
    const ArpPacket request = ArpPacket::request(kMacA, kIpA, kIpB);
    CHECK(request.targetMac.isZero());
    CHECK(request.encode() == kRequestBody);

    // In a broadcast frame, padded to the 60-octet minimum.
    const EthernetFrame frame{MacAddress::broadcast(), kMacA, request};
    Bytes expected = hex("ffffffffffff 0242ac110002 0806");
    expected.insert(expected.end(), kRequestBody.begin(), kRequestBody.end());
    expected.resize(60, 0);
    CHECK(frame.encode() == expected);
}

TEST_CASE("ArpPacket round-trips requests and replies", "[wire][arp]") {
    const ArpPacket request = ArpPacket::request(kMacA, kIpA, kIpB);
    const ArpPacket reply = ArpPacket::reply(kMacB, kIpB, kMacA, kIpA);
    CHECK(ArpPacket::decode(request.encode()).value() == request);
    CHECK(ArpPacket::decode(reply.encode()).value() == reply);
    CHECK(ArpPacket::decode(kRequestBody).value() == request);
    CHECK(reply.op == ArpOp::Reply);
    CHECK(reply.targetMac == kMacA);
}

TEST_CASE("ArpPacket summaries are tcpdump's", "[wire][arp]") {
    CHECK(ArpPacket::request(kMacA, kIpA, kIpB).summary() == "ARP, Request who-has 172.17.0.3 tell 172.17.0.2");
    CHECK(ArpPacket::reply(kMacB, kIpB, kMacA, kIpA).summary() == "ARP, Reply 172.17.0.3 is-at 02:42:ac:11:00:03");
    // A unicast re-check names the MAC it expects, as tcpdump shows it.
    ArpPacket probe = ArpPacket::request(kMacA, kIpA, kIpB);
    probe.targetMac = kMacB;
    CHECK(probe.summary() == "ARP, Request who-has 172.17.0.3 (02:42:ac:11:00:03) tell 172.17.0.2");
}

TEST_CASE("ArpPacket::decode accepts padding and rejects malformed bodies", "[wire][arp]") {
    Bytes padded = kRequestBody;
    padded.resize(46, 0);
    CHECK(ArpPacket::decode(padded).has_value());

    for (std::size_t n = 0; n < kRequestBody.size(); ++n) {
        const auto r = ArpPacket::decode(sim::wire::ByteView(kRequestBody).first(n));
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().message == "ARP packet too short: " + std::to_string(n) + " octets");
    }

    Bytes token = kRequestBody;
    token[1] = 6;  // IEEE 802 hardware
    CHECK(ArpPacket::decode(token).error().message == "unsupported ARP hardware type 6");
    CHECK(ArpPacket::decode(token).error().code == ErrorCode::Unsupported);

    Bytes ipv6 = kRequestBody;
    ipv6[2] = 0x86;
    ipv6[3] = 0xdd;
    CHECK(ArpPacket::decode(ipv6).error().message == "unsupported ARP protocol type 0x86dd");

    Bytes lengths = kRequestBody;
    lengths[4] = 8;
    CHECK(ArpPacket::decode(lengths).error().message == "bad ARP address lengths: hardware 8, protocol 4");

    Bytes rarp = kRequestBody;
    rarp[7] = 3;
    CHECK(ArpPacket::decode(rarp).error().message == "unknown ARP opcode 3");
}
