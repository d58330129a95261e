// UdpDatagram (RFC 768). A datagram to or from port 53 carries a DnsMessage; any other payload is
// opaque octets.
#pragma once

#include <cstdint>
#include <string>
#include <variant>

#include "sim/core/error.hpp"
#include "sim/wire/bytes.hpp"
#include "sim/wire/dns_message.hpp"

namespace sim::wire {

struct UdpDatagram {
    std::uint16_t srcPort = 0;
    std::uint16_t dstPort = 0;
    std::variant<Bytes, DnsMessage> payload;

    [[nodiscard]] std::size_t wireLength() const;
    /// "40000 > 53: 1234+ A? web. (21)" or "40000 > 9999: UDP, length 5" (ports only; the IP
    /// layer puts the addresses in front).
    [[nodiscard]] std::string summary() const;
    /// Header + payload. The checksum covers the IPv4 pseudo-header, hence the addresses.
    [[nodiscard]] Bytes encode(Ipv4Address src, Ipv4Address dst) const;
    /// A payload to or from port 53 is decoded as DNS (an undecodable one is an error).
    /// Errors: too short, length field disagrees with the data, bad checksum.
    static core::Result<UdpDatagram> decode(ByteView data, Ipv4Address src, Ipv4Address dst);

    bool operator==(const UdpDatagram&) const = default;
};

}  // namespace sim::wire
