// Ipv4Packet (RFC 791) without options or fragmentation. The payload is a typed protocol message.
#pragma once

#include <cstdint>
#include <string>
#include <variant>

#include "sim/core/error.hpp"
#include "sim/wire/bytes.hpp"
#include "sim/wire/icmp_message.hpp"
#include "sim/wire/ipv4_address.hpp"
#include "sim/wire/tcp_segment.hpp"
#include "sim/wire/udp_datagram.hpp"

namespace sim::wire {

enum class IpProtocol : std::uint8_t { Icmp = 1, Tcp = 6, Udp = 17 };

struct Ipv4Packet {
    Ipv4Address src;
    Ipv4Address dst;
    std::uint8_t ttl = 64;
    std::uint16_t id = 0;
    std::variant<IcmpMessage, UdpDatagram, TcpSegment> payload;

    [[nodiscard]] IpProtocol protocol() const;
    /// 20 + payload length.
    [[nodiscard]] std::size_t totalLength() const;
    /// tcpdump-like: "IP 172.17.0.2 > 172.17.0.3: ICMP echo request, id 1, seq 1, length 64",
    /// "IP 172.18.0.2.40000 > 127.0.0.11.53: 1234+ A? web. (21)",
    /// "IP 10.0.0.1.40000 > 172.17.0.2.80: Flags [S], seq 1000, length 0".
    [[nodiscard]] std::string summary() const;
    /// The header with a correct header checksum, then the encoded payload.
    [[nodiscard]] Bytes encode() const;
    /// Errors: too short, version != 4, IHL != 5 (options unsupported), total length disagrees,
    /// bad header checksum, unsupported protocol, or the payload's own error.
    static core::Result<Ipv4Packet> decode(ByteView data);

    bool operator==(const Ipv4Packet&) const = default;
};

}  // namespace sim::wire
