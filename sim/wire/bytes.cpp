#include "sim/wire/bytes.hpp"

namespace sim::wire {

std::uint16_t internetChecksum(ByteView data, std::uint32_t initial) {
    // 64-bit accumulator: no carry is lost before the fold, whatever the length.
    std::uint64_t sum = initial;
    std::size_t i = 0;
    for (; i + 1 < data.size(); i += 2) sum += std::uint32_t(data[i] << 8) | data[i + 1];
    if (i < data.size()) sum += std::uint32_t(data[i] << 8);  // odd length: pad with a zero octet
    while (sum >> 16) sum = (sum & 0xffff) + (sum >> 16);
    return std::uint16_t(~sum & 0xffff);
}

}  // namespace sim::wire
