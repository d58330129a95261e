#include "sim/wire/ipv4_packet.hpp"

#include "sim/wire/byte_io.hpp"

namespace sim::wire {

namespace {

constexpr std::size_t kHeaderLength = 20;
constexpr std::uint16_t kFlagDontFragment = 0x4000;
constexpr std::uint16_t kFlagMoreFragments = 0x2000;
constexpr std::uint16_t kFragmentOffsetMask = 0x1fff;

core::Result<Ipv4Packet> malformed(std::string message) {
    return core::fail(core::ErrorCode::InvalidArgument, std::move(message));
}

/// "40000 > 53: ..." without its "40000 > 53: " prefix: tcpdump puts the ports after the
/// addresses instead ("a.40000 > b.53: ..."), and the transport's own summary stays the one
/// source of the rest.
std::string afterPorts(const std::string& transportSummary) {
    const std::size_t colon = transportSummary.find(": ");
    return colon == std::string::npos ? transportSummary : transportSummary.substr(colon + 2);
}

}  // namespace

IpProtocol Ipv4Packet::protocol() const {
    switch (payload.index()) {
        case 0: return IpProtocol::Icmp;
        case 1: return IpProtocol::Udp;
        default: return IpProtocol::Tcp;
    }
}

std::size_t Ipv4Packet::totalLength() const {
    if (const auto* icmp = std::get_if<IcmpMessage>(&payload)) return kHeaderLength + icmp->wireLength();
    if (const auto* udp = std::get_if<UdpDatagram>(&payload)) return kHeaderLength + udp->wireLength();
    return kHeaderLength + 20;  // TcpSegment has no options and no data
}

std::string Ipv4Packet::summary() const {
    const std::string ip = "IP ";
    if (const auto* icmp = std::get_if<IcmpMessage>(&payload))
        return ip + src.toString() + " > " + dst.toString() + ": " + icmp->summary();
    if (const auto* udp = std::get_if<UdpDatagram>(&payload))
        return ip + src.toString() + "." + std::to_string(udp->srcPort) + " > " + dst.toString() + "." +
               std::to_string(udp->dstPort) + ": " + afterPorts(udp->summary());
    const auto& tcp = std::get<TcpSegment>(payload);
    return ip + src.toString() + "." + std::to_string(tcp.srcPort) + " > " + dst.toString() + "." +
           std::to_string(tcp.dstPort) + ": " + afterPorts(tcp.summary());
}

Bytes Ipv4Packet::encode() const {
    Bytes body;
    if (const auto* icmp = std::get_if<IcmpMessage>(&payload)) body = icmp->encode();
    else if (const auto* udp = std::get_if<UdpDatagram>(&payload)) body = udp->encode(src, dst);
    else body = std::get<TcpSegment>(payload).encode(src, dst);

    Bytes out;
    out.reserve(kHeaderLength + body.size());
    ByteWriter w(out);
    w.u8(0x45);  // version 4, IHL 5 (no options)
    w.u8(0);     // DSCP/ECN
    w.u16(std::uint16_t(kHeaderLength + body.size()));
    w.u16(id);
    // Linux sets DF on what it sends (path MTU discovery); docknet never fragments anyway.
    w.u16(kFlagDontFragment);
    w.u8(ttl);
    w.u8(std::uint8_t(protocol()));
    w.u16(0);  // header checksum, patched below
    w.u32(src.value());
    w.u32(dst.value());
    w.patchU16(10, internetChecksum(out));
    w.bytes(body);
    return out;
}

core::Result<Ipv4Packet> Ipv4Packet::decode(ByteView data) {
    if (data.size() < kHeaderLength) return malformed("IPv4 packet too short: " + std::to_string(data.size()) + " octets");
    ByteReader r(data);
    const std::uint8_t versionIhl = r.u8();
    r.skip(1);  // DSCP/ECN
    const std::uint16_t totalLength = r.u16();
    Ipv4Packet p;
    p.id = r.u16();
    const std::uint16_t fragment = r.u16();
    p.ttl = r.u8();
    const std::uint8_t protocol = r.u8();
    r.skip(2);  // header checksum, verified below over the whole header
    p.src = Ipv4Address(r.u32());
    p.dst = Ipv4Address(r.u32());

    if ((versionIhl >> 4) != 4)
        return malformed("not an IPv4 packet: version " + std::to_string(versionIhl >> 4));
    const unsigned ihl = versionIhl & 0x0f;
    if (ihl < 5) return malformed("bad IPv4 header length: IHL " + std::to_string(ihl));
    if (ihl > 5) return core::fail(core::ErrorCode::Unsupported, "IPv4 options are not supported (IHL " + std::to_string(ihl) + ")");
    if (totalLength != data.size())
        return malformed("IPv4 total length " + std::to_string(totalLength) + " disagrees with " +
                         std::to_string(data.size()) + " octets");
    if (internetChecksum(data.first(kHeaderLength)) != 0) return malformed("bad IPv4 header checksum");
    if ((fragment & kFlagMoreFragments) != 0 || (fragment & kFragmentOffsetMask) != 0)
        return core::fail(core::ErrorCode::Unsupported, "fragmented IPv4 packets are not supported");

    const ByteView body = r.rest();
    switch (protocol) {
        case std::uint8_t(IpProtocol::Icmp): {
            auto icmp = IcmpMessage::decode(body);
            if (!icmp) return std::unexpected(icmp.error());
            p.payload = std::move(*icmp);
            return p;
        }
        case std::uint8_t(IpProtocol::Udp): {
            auto udp = UdpDatagram::decode(body, p.src, p.dst);
            if (!udp) return std::unexpected(udp.error());
            p.payload = std::move(*udp);
            return p;
        }
        case std::uint8_t(IpProtocol::Tcp): {
            auto tcp = TcpSegment::decode(body, p.src, p.dst);
            if (!tcp) return std::unexpected(tcp.error());
            p.payload = *tcp;
            return p;
        }
        default: return core::fail(core::ErrorCode::Unsupported, "unsupported IP protocol " + std::to_string(protocol));
    }
}

}  // namespace sim::wire
