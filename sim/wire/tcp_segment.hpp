// TcpSegment: the header fields needed for connect checks (SYN, SYN-ACK, ACK, RST, FIN). No data
// stream, no options, no window management: docknet models whether a connection is accepted or
// refused, not TCP's transfer behaviour.
#pragma once

#include <cstdint>
#include <string>

#include "sim/core/error.hpp"
#include "sim/wire/bytes.hpp"
#include "sim/wire/ipv4_address.hpp"

namespace sim::wire {

namespace tcp_flags {
inline constexpr std::uint8_t Fin = 0x01;
inline constexpr std::uint8_t Syn = 0x02;
inline constexpr std::uint8_t Rst = 0x04;
inline constexpr std::uint8_t Psh = 0x08;
inline constexpr std::uint8_t Ack = 0x10;
}  // namespace tcp_flags

struct TcpSegment {
    std::uint16_t srcPort = 0;
    std::uint16_t dstPort = 0;
    std::uint32_t seq = 0;
    std::uint32_t ack = 0;
    std::uint8_t flags = 0;
    std::uint16_t window = 64240;

    [[nodiscard]] bool has(std::uint8_t f) const { return (flags & f) == f; }
    [[nodiscard]] bool isSyn() const { return has(tcp_flags::Syn) && !has(tcp_flags::Ack); }
    [[nodiscard]] bool isSynAck() const { return has(tcp_flags::Syn | tcp_flags::Ack); }
    [[nodiscard]] bool isRst() const { return has(tcp_flags::Rst); }

    /// tcpdump-like, ports first: "40000 > 80: Flags [S], seq 1000, length 0"
    /// (flags as tcpdump writes them: S, S., ., R, R., F.).
    [[nodiscard]] std::string summary() const;
    /// 20-octet header (no options), checksum over the IPv4 pseudo-header.
    [[nodiscard]] Bytes encode(Ipv4Address src, Ipv4Address dst) const;
    /// Errors: too short, data offset < 5, bad checksum.
    static core::Result<TcpSegment> decode(ByteView data, Ipv4Address src, Ipv4Address dst);

    bool operator==(const TcpSegment&) const = default;
};

}  // namespace sim::wire
