#include "sim/wire/icmp_message.hpp"

#include "sim/wire/byte_io.hpp"

namespace sim::wire {

namespace {

constexpr std::size_t kHeaderLength = 8;
constexpr std::size_t kQuotedIpLength = 20;
constexpr std::size_t kQuotedDataLength = 8;  // RFC 792: "the first 64 bits of the original data"
constexpr std::uint8_t kProtocolIcmp = 1;
constexpr std::uint8_t kProtocolTcp = 6;
constexpr std::uint8_t kProtocolUdp = 17;

core::Result<IcmpMessage> malformed(std::string message) {
    return core::fail(core::ErrorCode::InvalidArgument, std::move(message));
}

/// The quoted header and first 8 octets, as the original sender put them on the wire. The quote
/// keeps no total length or transport length, so those describe just the quoted part.
void writeQuote(ByteWriter& w, Bytes& out, const IcmpQuote& q) {
    const std::size_t start = out.size();
    w.u8(0x45);  // version 4, IHL 5
    w.u8(0);
    w.u16(std::uint16_t(kQuotedIpLength + kQuotedDataLength));
    w.u16(q.ipId);
    w.u16(0x4000);  // DF, as Ipv4Packet::encode sets it
    w.u8(q.ttl);
    w.u8(q.protocol);
    const std::size_t checksumAt = out.size();
    w.u16(0);
    w.u32(q.src.value());
    w.u32(q.dst.value());
    w.patchU16(checksumAt, internetChecksum(ByteView(out).subspan(start, kQuotedIpLength)));

    if (q.protocol == kProtocolIcmp) {
        // An error about ICMP quotes an echo request (errors are never sent about errors).
        // Its echo data was zeros, which add nothing to the sum, so the 8-octet header alone
        // yields the original checksum whatever the data length was.
        const std::size_t echoStart = out.size();
        w.u8(std::uint8_t(IcmpType::EchoRequest));
        w.u8(0);
        w.u16(0);
        w.u16(q.srcPortOrId);
        w.u16(q.dstPortOrSeq);
        w.patchU16(echoStart + 2, internetChecksum(ByteView(out).subspan(echoStart, kQuotedDataLength)));
    } else {
        // UDP: ports, length of the quoted part, checksum 0 ("none", legal over IPv4).
        // TCP: ports and a sequence number the quote does not keep.
        w.u16(q.srcPortOrId);
        w.u16(q.dstPortOrSeq);
        w.u16(q.protocol == kProtocolUdp ? std::uint16_t(kQuotedDataLength) : std::uint16_t(0));
        w.u16(0);
    }
}

std::string unreachableText(std::uint8_t code, const IcmpQuote& q) {
    // The wording of tcpdump's print-icmp.c (unreach2str and the special cases before it).
    const std::string dst = q.dst.toString();
    switch (code) {
        case 0: return "net " + dst + " unreachable";
        case 1: return "host " + dst + " unreachable";
        case 2: return dst + " protocol " + std::to_string(q.protocol) + " unreachable";
        case 3:
            if (q.protocol == kProtocolTcp) return dst + " tcp port " + std::to_string(q.dstPortOrSeq) + " unreachable";
            if (q.protocol == kProtocolUdp) return dst + " udp port " + std::to_string(q.dstPortOrSeq) + " unreachable";
            return dst + " protocol " + std::to_string(q.protocol) + " port " + std::to_string(q.dstPortOrSeq) +
                   " unreachable";
        case 4: return dst + " unreachable - need to frag";  // the next-hop MTU is not kept
        case 5: return dst + " unreachable - source route failed";
        case 6: return "net " + dst + " unreachable - unknown";
        case 7: return "host " + dst + " unreachable - unknown";
        case 8: return dst + " unreachable - source host isolated";
        case 9: return "net " + dst + " unreachable - admin prohibited";
        case 10: return "host " + dst + " unreachable - admin prohibited";
        case 11: return "net " + dst + " unreachable - tos prohibited";
        case 12: return "host " + dst + " unreachable - tos prohibited";
        case 13: return "host " + dst + " unreachable - admin prohibited filter";
        case 14: return "host " + dst + " unreachable - host precedence violation";
        case 15: return "host " + dst + " unreachable - precedence cutoff";
        default: return "#" + std::to_string(code) + " " + dst + " unreachable";
    }
}

}  // namespace

IcmpMessage IcmpMessage::echoRequest(std::uint16_t id, std::uint16_t seq, std::uint16_t dataLength) {
    return IcmpMessage{IcmpType::EchoRequest, 0, id, seq, dataLength, std::nullopt};
}

IcmpMessage IcmpMessage::echoReply(std::uint16_t id, std::uint16_t seq, std::uint16_t dataLength) {
    return IcmpMessage{IcmpType::EchoReply, 0, id, seq, dataLength, std::nullopt};
}

// Errors carry no echo data: dataLength is 0, which decode() reproduces.
IcmpMessage IcmpMessage::unreachable(UnreachableCode code, const IcmpQuote& quote) {
    return IcmpMessage{IcmpType::DestinationUnreachable, std::uint8_t(code), 0, 0, 0, quote};
}

IcmpMessage IcmpMessage::timeExceeded(const IcmpQuote& quote) {
    return IcmpMessage{IcmpType::TimeExceeded, 0, 0, 0, 0, quote};  // code 0: TTL exceeded in transit
}

std::size_t IcmpMessage::wireLength() const {
    if (isError()) return kHeaderLength + kQuotedIpLength + kQuotedDataLength;
    return kHeaderLength + dataLength;
}

std::string IcmpMessage::summary() const {
    const IcmpQuote q = quote.value_or(IcmpQuote{});
    std::string text;
    switch (type) {
        case IcmpType::EchoRequest:
        case IcmpType::EchoReply:
            text = std::string("echo ") + (type == IcmpType::EchoRequest ? "request" : "reply") + ", id " +
                   std::to_string(id) + ", seq " + std::to_string(sequence);
            break;
        case IcmpType::DestinationUnreachable: text = unreachableText(code, q); break;
        case IcmpType::TimeExceeded:
            text = code == 0   ? std::string("time exceeded in-transit")
                   : code == 1 ? std::string("ip reassembly time exceeded")
                               : "time exceeded-#" + std::to_string(code);
            break;
        default: text = "type-#" + std::to_string(unsigned(type)); break;
    }
    return "ICMP " + text + ", length " + std::to_string(wireLength());
}

Bytes IcmpMessage::encode() const {
    Bytes out;
    out.reserve(wireLength());
    ByteWriter w(out);
    w.u8(std::uint8_t(type));
    w.u8(code);
    w.u16(0);  // checksum, patched below
    if (isError()) {
        w.u32(0);  // unused (RFC 792)
        writeQuote(w, out, quote.value_or(IcmpQuote{}));
    } else {
        w.u16(id);
        w.u16(sequence);
        w.zeros(dataLength);
    }
    w.patchU16(2, internetChecksum(out));
    return out;
}

core::Result<IcmpMessage> IcmpMessage::decode(ByteView data) {
    if (data.size() < kHeaderLength) return malformed("ICMP message too short: " + std::to_string(data.size()) + " octets");
    if (internetChecksum(data) != 0) return malformed("bad ICMP checksum");
    ByteReader r(data);
    const std::uint8_t type = r.u8();
    IcmpMessage m;
    m.code = r.u8();
    r.skip(2);  // checksum, verified above
    switch (type) {
        case std::uint8_t(IcmpType::EchoRequest):
        case std::uint8_t(IcmpType::EchoReply): {
            m.type = IcmpType(type);
            m.id = r.u16();
            m.sequence = r.u16();
            if (r.remaining() > 0xffff) return malformed("ICMP echo data too long: " + std::to_string(r.remaining()) + " octets");
            m.dataLength = std::uint16_t(r.remaining());  // the data itself is not modelled
            return m;
        }
        case std::uint8_t(IcmpType::DestinationUnreachable):
        case std::uint8_t(IcmpType::TimeExceeded): {
            m.type = IcmpType(type);
            m.dataLength = 0;
            r.skip(4);  // unused, or the next-hop MTU for "need to frag"
            if (r.remaining() < kQuotedIpLength + kQuotedDataLength)
                return malformed("ICMP error too short to quote a datagram: " + std::to_string(data.size()) + " octets");
            const std::uint8_t versionIhl = r.u8();
            const std::size_t ihl = std::size_t(versionIhl & 0x0f) * 4;
            if ((versionIhl >> 4) != 4) return malformed("ICMP error quotes a non-IPv4 header");
            if (ihl < kQuotedIpLength) return malformed("ICMP error quotes a bad IPv4 header length: " + std::to_string(ihl));
            // Linux quotes as much of the original as fits in 576 octets; only the first 8
            // octets after the (possibly optioned) header are needed.
            if (r.remaining() + 1 < ihl + kQuotedDataLength)
                return malformed("ICMP error too short to quote a datagram: " + std::to_string(data.size()) + " octets");
            IcmpQuote q;
            r.skip(3);  // TOS, total length
            q.ipId = r.u16();
            r.skip(2);  // flags, fragment offset
            q.ttl = r.u8();
            q.protocol = r.u8();
            r.skip(2);  // header checksum: covered by the ICMP checksum already
            q.src = Ipv4Address(r.u32());
            q.dst = Ipv4Address(r.u32());
            r.skip(ihl - kQuotedIpLength);
            if (q.protocol == kProtocolIcmp) r.skip(4);  // the quoted echo's type, code, checksum
            q.srcPortOrId = r.u16();
            q.dstPortOrSeq = r.u16();
            if (!r.ok()) return malformed("ICMP error too short to quote a datagram: " + std::to_string(data.size()) + " octets");
            m.quote = q;
            return m;
        }
        default: return core::fail(core::ErrorCode::Unsupported, "unsupported ICMP type " + std::to_string(type));
    }
}

}  // namespace sim::wire
