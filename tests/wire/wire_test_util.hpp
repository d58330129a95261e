// Helpers shared by the wire tests: hex literals and checksum repair after a deliberate edit.
#pragma once

#include <cstddef>
#include <string_view>

#include "sim/wire/bytes.hpp"

namespace wire_test {

/// "ff ff 08 06" -> {0xff, 0xff, 0x08, 0x06}; spaces and line breaks are ignored.
inline sim::wire::Bytes hex(std::string_view text) {
    sim::wire::Bytes out;
    int pending = -1;
    for (char c : text) {
        int v = -1;
        if (c >= '0' && c <= '9') v = c - '0';
        else if (c >= 'a' && c <= 'f') v = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F') v = c - 'A' + 10;
        else continue;
        if (pending < 0) {
            pending = v;
        } else {
            out.push_back(std::uint8_t(pending * 16 + v));
            pending = -1;
        }
    }
    return out;
}

inline std::uint16_t u16At(const sim::wire::Bytes& b, std::size_t at) { return std::uint16_t((b[at] << 8) | b[at + 1]); }

inline void setU16(sim::wire::Bytes& b, std::size_t at, std::uint16_t v) {
    b[at] = std::uint8_t(v >> 8);
    b[at + 1] = std::uint8_t(v);
}

/// Recomputes the IPv4 header checksum of the header starting at `at`, so a test can change one
/// field and see the error about that field rather than "bad checksum".
inline void fixIpv4Checksum(sim::wire::Bytes& b, std::size_t at = 0) {
    setU16(b, at + 10, 0);
    setU16(b, at + 10, sim::wire::internetChecksum(sim::wire::ByteView(b).subspan(at, 20)));
}

/// Recomputes an ICMP checksum over b[at..].
inline void fixIcmpChecksum(sim::wire::Bytes& b, std::size_t at = 0) {
    setU16(b, at + 2, 0);
    setU16(b, at + 2, sim::wire::internetChecksum(sim::wire::ByteView(b).subspan(at)));
}

}  // namespace wire_test
