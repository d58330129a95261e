#include "sim/wire/ethernet_frame.hpp"

#include <algorithm>
#include <cstdio>

#include "sim/wire/byte_io.hpp"

namespace sim::wire {

namespace {

constexpr std::size_t kHeaderLength = 14;
constexpr std::size_t kMinimumFrame = 60;  // 64 minus the FCS, which Linux does not hand up

MacAddress readMac(ByteReader& r) {
    MacAddress::Bytes b{};
    for (auto& octet : b) octet = r.u8();
    return MacAddress(b);
}

}  // namespace

EtherType EthernetFrame::etherType() const {
    return isArp() ? EtherType::Arp : EtherType::Ipv4;
}

std::string EthernetFrame::summary() const {
    if (const auto* a = arp()) return a->summary();
    return std::get<Ipv4Packet>(payload).summary();
}

std::string EthernetFrame::summaryWithMacs() const {
    return src.toString() + " > " + dst.toString() + ", " + summary();
}

Bytes EthernetFrame::encode() const {
    const Bytes body = isArp() ? std::get<ArpPacket>(payload).encode() : std::get<Ipv4Packet>(payload).encode();
    Bytes out;
    out.reserve(std::max(kMinimumFrame, kHeaderLength + body.size()));
    ByteWriter w(out);
    w.bytes(dst.bytes());
    w.bytes(src.bytes());
    w.u16(std::uint16_t(etherType()));
    w.bytes(body);
    if (out.size() < kMinimumFrame) w.zeros(kMinimumFrame - out.size());
    return out;
}

core::Result<EthernetFrame> EthernetFrame::decode(ByteView data) {
    if (data.size() < kHeaderLength)
        return core::fail(core::ErrorCode::InvalidArgument,
                          "Ethernet frame too short: " + std::to_string(data.size()) + " octets");
    ByteReader r(data);
    EthernetFrame f;
    f.dst = readMac(r);
    f.src = readMac(r);
    const std::uint16_t type = r.u16();
    ByteView body = r.rest();
    switch (type) {
        case std::uint16_t(EtherType::Arp): {
            auto a = ArpPacket::decode(body);  // ignores the padding itself
            if (!a) return std::unexpected(a.error());
            f.payload = *a;
            return f;
        }
        case std::uint16_t(EtherType::Ipv4): {
            // Drop the padding of a short frame: the IPv4 total length says where the packet
            // ends. A length that does not fit is left for Ipv4Packet::decode to report.
            if (body.size() >= 4) {
                const std::size_t total = std::size_t(body[2] << 8) | body[3];
                if (total >= 20 && total < body.size()) body = body.first(total);
            }
            auto p = Ipv4Packet::decode(body);
            if (!p) return std::unexpected(p.error());
            f.payload = std::move(*p);
            return f;
        }
        default: {
            char buf[64];
            std::snprintf(buf, sizeof buf, "unsupported EtherType 0x%04x", type);
            return core::fail(core::ErrorCode::Unsupported, buf);
        }
    }
}

}  // namespace sim::wire
