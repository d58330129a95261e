// Big-endian (network byte order) octet reader and writer for the wire codecs. Internal to
// sim/wire: callers outside it use the packet types' encode()/decode().
#pragma once

#include <cstddef>
#include <cstdint>

#include "sim/wire/bytes.hpp"

namespace sim::wire {

/// Appends fields in network byte order.
class ByteWriter {
public:
    explicit ByteWriter(Bytes& out) : m_out(out) {}

    void u8(std::uint8_t v) { m_out.push_back(v); }
    void u16(std::uint16_t v) {
        m_out.push_back(std::uint8_t(v >> 8));
        m_out.push_back(std::uint8_t(v));
    }
    void u32(std::uint32_t v) {
        u16(std::uint16_t(v >> 16));
        u16(std::uint16_t(v));
    }
    void bytes(ByteView v) { m_out.insert(m_out.end(), v.begin(), v.end()); }
    void zeros(std::size_t n) { m_out.insert(m_out.end(), n, std::uint8_t(0)); }
    /// Overwrites a 16-bit field written earlier (checksums are known only at the end).
    void patchU16(std::size_t offset, std::uint16_t v) {
        if (offset + 2 > m_out.size()) return;
        m_out[offset] = std::uint8_t(v >> 8);
        m_out[offset + 1] = std::uint8_t(v);
    }
    [[nodiscard]] std::size_t size() const { return m_out.size(); }

private:
    Bytes& m_out;
};

/// Reads fields in network byte order without ever leaving the view. A read past the end yields
/// zero and makes the reader fail for good, so a decoder can read a whole header and check ok()
/// once (the same pattern as a stream's failbit) instead of testing every field.
class ByteReader {
public:
    explicit ByteReader(ByteView data, std::size_t offset = 0)
        : m_data(data), m_pos(offset <= data.size() ? offset : data.size()), m_ok(offset <= data.size()) {}

    [[nodiscard]] bool ok() const { return m_ok; }
    [[nodiscard]] std::size_t offset() const { return m_pos; }
    [[nodiscard]] std::size_t remaining() const { return m_data.size() - m_pos; }
    [[nodiscard]] bool canRead(std::size_t n) const { return m_ok && remaining() >= n; }

    std::uint8_t u8() {
        if (!take(1)) return 0;
        return m_data[m_pos - 1];
    }
    std::uint16_t u16() {
        if (!take(2)) return 0;
        return std::uint16_t((m_data[m_pos - 2] << 8) | m_data[m_pos - 1]);
    }
    std::uint32_t u32() {
        const std::uint32_t hi = u16();
        const std::uint32_t lo = u16();
        return (hi << 16) | lo;
    }
    /// The next n octets as a view (empty, and failed, if fewer remain).
    ByteView view(std::size_t n) {
        if (!take(n)) return {};
        return m_data.subspan(m_pos - n, n);
    }
    void skip(std::size_t n) { take(n); }
    /// Everything not read yet.
    [[nodiscard]] ByteView rest() const { return m_data.subspan(m_pos); }

private:
    bool take(std::size_t n) {
        if (!canRead(n)) {
            m_ok = false;
            return false;
        }
        m_pos += n;
        return true;
    }

    ByteView m_data;
    std::size_t m_pos = 0;
    bool m_ok = true;
};

/// The one's-complement sum of the IPv4 pseudo-header (RFC 768, RFC 793 section 3.1), to pass as
/// `initial` to internetChecksum() for UDP and TCP.
inline std::uint32_t pseudoHeaderSum(std::uint32_t src, std::uint32_t dst, std::uint8_t protocol, std::size_t length) {
    return (src >> 16) + (src & 0xffff) + (dst >> 16) + (dst & 0xffff) + protocol + std::uint32_t(length & 0xffff);
}

}  // namespace sim::wire
