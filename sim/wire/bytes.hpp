// Raw octets on the wire. encode()/decode() of every packet type use network byte order and real
// checksums, so a trace can be written to a pcap file and read by Wireshark.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace sim::wire {

using Bytes = std::vector<std::uint8_t>;
using ByteView = std::span<const std::uint8_t>;

/// RFC 1071 internet checksum (one's complement of the one's-complement sum).
std::uint16_t internetChecksum(ByteView data, std::uint32_t initial = 0);

}  // namespace sim::wire
