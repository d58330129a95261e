#include "sim/wire/udp_datagram.hpp"

#include "sim/wire/byte_io.hpp"

namespace sim::wire {

namespace {

constexpr std::size_t kHeaderLength = 8;
constexpr std::uint8_t kProtocolUdp = 17;
constexpr std::uint16_t kDnsPort = 53;

core::Result<UdpDatagram> malformed(std::string message) {
    return core::fail(core::ErrorCode::InvalidArgument, std::move(message));
}

Bytes payloadBytes(const std::variant<Bytes, DnsMessage>& payload) {
    if (const auto* dns = std::get_if<DnsMessage>(&payload)) return dns->encode();
    return std::get<Bytes>(payload);
}

}  // namespace

std::size_t UdpDatagram::wireLength() const {
    if (const auto* raw = std::get_if<Bytes>(&payload)) return kHeaderLength + raw->size();
    return kHeaderLength + std::get<DnsMessage>(payload).encode().size();
}

std::string UdpDatagram::summary() const {
    std::string s = std::to_string(srcPort) + " > " + std::to_string(dstPort) + ": ";
    if (const auto* dns = std::get_if<DnsMessage>(&payload)) return s + dns->summary();
    return s + "UDP, length " + std::to_string(std::get<Bytes>(payload).size());
}

Bytes UdpDatagram::encode(Ipv4Address src, Ipv4Address dst) const {
    const Bytes body = payloadBytes(payload);
    Bytes out;
    out.reserve(kHeaderLength + body.size());
    ByteWriter w(out);
    w.u16(srcPort);
    w.u16(dstPort);
    w.u16(std::uint16_t(kHeaderLength + body.size()));
    w.u16(0);
    w.bytes(body);
    std::uint16_t checksum =
        internetChecksum(out, pseudoHeaderSum(src.value(), dst.value(), kProtocolUdp, out.size()));
    // RFC 768: a computed 0 is sent as all ones, since 0 means "no checksum".
    if (checksum == 0) checksum = 0xffff;
    w.patchU16(6, checksum);
    return out;
}

core::Result<UdpDatagram> UdpDatagram::decode(ByteView data, Ipv4Address src, Ipv4Address dst) {
    if (data.size() < kHeaderLength) return malformed("UDP datagram too short: " + std::to_string(data.size()) + " octets");
    ByteReader r(data);
    UdpDatagram d;
    d.srcPort = r.u16();
    d.dstPort = r.u16();
    const std::uint16_t length = r.u16();
    const std::uint16_t checksum = r.u16();
    if (length != data.size())
        return malformed("UDP length " + std::to_string(length) + " disagrees with " + std::to_string(data.size()) +
                         " octets");
    // A zero checksum means the sender computed none (allowed over IPv4).
    if (checksum != 0 && internetChecksum(data, pseudoHeaderSum(src.value(), dst.value(), kProtocolUdp, data.size())) != 0)
        return malformed("bad UDP checksum");
    const ByteView body = r.rest();
    if (d.srcPort == kDnsPort || d.dstPort == kDnsPort) {
        auto dns = DnsMessage::decode(body);
        if (!dns) return std::unexpected(dns.error());
        d.payload = std::move(*dns);
    } else {
        d.payload = Bytes(body.begin(), body.end());
    }
    return d;
}

}  // namespace sim::wire
