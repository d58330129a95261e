#include "sim/wire/arp_packet.hpp"

#include <cstdio>

#include "sim/wire/byte_io.hpp"

namespace sim::wire {

namespace {

constexpr std::uint16_t kHardwareEthernet = 1;
constexpr std::uint16_t kProtocolIpv4 = 0x0800;
constexpr std::size_t kArpLength = 28;

std::string hex16(std::uint16_t v) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "0x%04x", v);
    return buf;
}

MacAddress readMac(ByteReader& r) {
    MacAddress::Bytes b{};
    for (auto& octet : b) octet = r.u8();
    return MacAddress(b);
}

}  // namespace

ArpPacket ArpPacket::request(MacAddress senderMac, Ipv4Address senderIp, Ipv4Address targetIp) {
    return ArpPacket{ArpOp::Request, senderMac, senderIp, MacAddress::zero(), targetIp};
}

ArpPacket ArpPacket::reply(MacAddress senderMac, Ipv4Address senderIp, MacAddress targetMac, Ipv4Address targetIp) {
    return ArpPacket{ArpOp::Reply, senderMac, senderIp, targetMac, targetIp};
}

std::string ArpPacket::summary() const {
    if (op == ArpOp::Request) {
        std::string s = "ARP, Request who-has " + targetIp.toString();
        // tcpdump names the target MAC only when it is known (a unicast re-check).
        if (!targetMac.isZero()) s += " (" + targetMac.toString() + ")";
        return s + " tell " + senderIp.toString();
    }
    if (op == ArpOp::Reply) return "ARP, Reply " + senderIp.toString() + " is-at " + senderMac.toString();
    return "ARP, Unknown opcode (" + std::to_string(unsigned(op)) + ")";
}

Bytes ArpPacket::encode() const {
    Bytes out;
    out.reserve(kArpLength);
    ByteWriter w(out);
    w.u16(kHardwareEthernet);
    w.u16(kProtocolIpv4);
    w.u8(6);
    w.u8(4);
    w.u16(std::uint16_t(op));
    w.bytes(senderMac.bytes());
    w.u32(senderIp.value());
    w.bytes(targetMac.bytes());
    w.u32(targetIp.value());
    return out;
}

core::Result<ArpPacket> ArpPacket::decode(ByteView data) {
    // Octets after the 28 are Ethernet padding (ARP has no length field), so they are ignored.
    if (data.size() < kArpLength)
        return core::fail(core::ErrorCode::InvalidArgument, "ARP packet too short: " + std::to_string(data.size()) + " octets");
    ByteReader r(data);
    const std::uint16_t htype = r.u16();
    const std::uint16_t ptype = r.u16();
    const std::uint8_t hlen = r.u8();
    const std::uint8_t plen = r.u8();
    const std::uint16_t op = r.u16();
    if (htype != kHardwareEthernet)
        return core::fail(core::ErrorCode::Unsupported, "unsupported ARP hardware type " + std::to_string(htype));
    if (ptype != kProtocolIpv4)
        return core::fail(core::ErrorCode::Unsupported, "unsupported ARP protocol type " + hex16(ptype));
    if (hlen != 6 || plen != 4)
        return core::fail(core::ErrorCode::InvalidArgument, "bad ARP address lengths: hardware " + std::to_string(hlen) +
                                                                ", protocol " + std::to_string(plen));
    if (op != std::uint16_t(ArpOp::Request) && op != std::uint16_t(ArpOp::Reply))
        return core::fail(core::ErrorCode::Unsupported, "unknown ARP opcode " + std::to_string(op));
    ArpPacket p;
    p.op = ArpOp(op);
    p.senderMac = readMac(r);
    p.senderIp = Ipv4Address(r.u32());
    p.targetMac = readMac(r);
    p.targetIp = Ipv4Address(r.u32());
    return p;
}

}  // namespace sim::wire
