#include "sim/wire/tcp_segment.hpp"

#include <utility>

#include "sim/wire/byte_io.hpp"

namespace sim::wire {

namespace {

constexpr std::size_t kHeaderLength = 20;
constexpr std::uint8_t kProtocolTcp = 6;

core::Result<TcpSegment> malformed(std::string message) {
    return core::fail(core::ErrorCode::InvalidArgument, std::move(message));
}

/// tcpdump's flag letters, in its order, with ACK as a trailing '.'.
std::string flagText(std::uint8_t flags) {
    static constexpr std::pair<std::uint8_t, char> kLetters[] = {
        {0x01, 'F'}, {0x02, 'S'}, {0x04, 'R'}, {0x08, 'P'}, {0x20, 'U'}, {0x40, 'E'}, {0x80, 'W'}, {0x10, '.'}};
    std::string s;
    for (const auto& [bit, letter] : kLetters)
        if (flags & bit) s += letter;
    return s.empty() ? std::string("none") : s;
}

}  // namespace

std::string TcpSegment::summary() const {
    // As tcpdump prints it, minus the window and options: the sequence number only when the
    // segment occupies sequence space (SYN, FIN, RST), the acknowledgement only with ACK.
    std::string s = std::to_string(srcPort) + " > " + std::to_string(dstPort) + ": Flags [" + flagText(flags) + "]";
    if (flags & (tcp_flags::Syn | tcp_flags::Fin | tcp_flags::Rst)) s += ", seq " + std::to_string(seq);
    if (flags & tcp_flags::Ack) s += ", ack " + std::to_string(ack);
    return s + ", length 0";
}

Bytes TcpSegment::encode(Ipv4Address src, Ipv4Address dst) const {
    Bytes out;
    out.reserve(kHeaderLength);
    ByteWriter w(out);
    w.u16(srcPort);
    w.u16(dstPort);
    w.u32(seq);
    w.u32(ack);
    w.u8(5 << 4);  // data offset 5 words: no options
    w.u8(flags);
    w.u16(window);
    w.u16(0);  // checksum, patched below
    w.u16(0);  // urgent pointer
    w.patchU16(16, internetChecksum(out, pseudoHeaderSum(src.value(), dst.value(), kProtocolTcp, out.size())));
    return out;
}

core::Result<TcpSegment> TcpSegment::decode(ByteView data, Ipv4Address src, Ipv4Address dst) {
    if (data.size() < kHeaderLength) return malformed("TCP segment too short: " + std::to_string(data.size()) + " octets");
    ByteReader r(data);
    TcpSegment s;
    s.srcPort = r.u16();
    s.dstPort = r.u16();
    s.seq = r.u32();
    s.ack = r.u32();
    const std::size_t headerLength = std::size_t(r.u8() >> 4) * 4;
    s.flags = r.u8();
    s.window = r.u16();
    if (headerLength < kHeaderLength)
        return malformed("bad TCP data offset: " + std::to_string(headerLength / 4) + " words");
    if (headerLength > data.size())
        return malformed("TCP header length " + std::to_string(headerLength) + " exceeds the " +
                         std::to_string(data.size()) + " octets present");
    if (internetChecksum(data, pseudoHeaderSum(src.value(), dst.value(), kProtocolTcp, data.size())) != 0)
        return malformed("bad TCP checksum");
    // Options (e.g. a real SYN's MSS) and any data are accepted and dropped: docknet models
    // connection set-up only.
    return s;
}

}  // namespace sim::wire
