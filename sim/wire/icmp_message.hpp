// IcmpMessage: echo request/reply, destination unreachable and time exceeded (RFC 792).
// Errors quote the offending packet's addresses and first 8 payload octets, which is all the
// kernel needs to hand the error to the right socket and to undo NAT on it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "sim/core/error.hpp"
#include "sim/wire/bytes.hpp"
#include "sim/wire/ipv4_address.hpp"

namespace sim::wire {

enum class IcmpType : std::uint8_t { EchoReply = 0, DestinationUnreachable = 3, EchoRequest = 8, TimeExceeded = 11 };

/// Codes of DestinationUnreachable used by Linux.
enum class UnreachableCode : std::uint8_t { Network = 0, Host = 1, Protocol = 2, Port = 3, AdminProhibited = 13 };

/// The quoted original datagram inside an ICMP error: its IPv4 header fields and the first 8
/// octets after it (ports for UDP/TCP, id and sequence for ICMP echo).
struct IcmpQuote {
    Ipv4Address src;
    Ipv4Address dst;
    std::uint8_t protocol = 0;
    std::uint8_t ttl = 0;
    std::uint16_t ipId = 0;
    std::uint16_t srcPortOrId = 0;   // UDP/TCP source port, or the echo id
    std::uint16_t dstPortOrSeq = 0;  // UDP/TCP destination port, or the echo sequence
    bool operator==(const IcmpQuote&) const = default;
};

struct IcmpMessage {
    IcmpType type = IcmpType::EchoRequest;
    std::uint8_t code = 0;
    std::uint16_t id = 0;        // echo only
    std::uint16_t sequence = 0;  // echo only
    std::uint16_t dataLength = 56;  // echo payload size (ping's default 56 -> "64 bytes from")
    std::optional<IcmpQuote> quote;  // errors only

    static IcmpMessage echoRequest(std::uint16_t id, std::uint16_t seq, std::uint16_t dataLength = 56);
    static IcmpMessage echoReply(std::uint16_t id, std::uint16_t seq, std::uint16_t dataLength = 56);
    static IcmpMessage unreachable(UnreachableCode code, const IcmpQuote& quote);
    static IcmpMessage timeExceeded(const IcmpQuote& quote);

    [[nodiscard]] bool isError() const { return type == IcmpType::DestinationUnreachable || type == IcmpType::TimeExceeded; }
    /// Length of the ICMP message on the wire (8 + data for echo, 8 + 20 + 8 for errors).
    [[nodiscard]] std::size_t wireLength() const;
    /// tcpdump-like: "ICMP echo request, id 7, seq 1, length 64",
    /// "ICMP host 172.17.0.9 unreachable, length 36" (the host is the quoted destination).
    [[nodiscard]] std::string summary() const;
    /// The ICMP header and body with a correct checksum; echo data is `dataLength` zero octets.
    [[nodiscard]] Bytes encode() const;
    /// Errors: too short, bad checksum, unsupported type.
    static core::Result<IcmpMessage> decode(ByteView data);

    bool operator==(const IcmpMessage&) const = default;
};

}  // namespace sim::wire
