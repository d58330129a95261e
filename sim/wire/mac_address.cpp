#include "sim/wire/mac_address.hpp"

#include <cstdio>

namespace sim::wire {

namespace {

int hexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

}  // namespace

core::Result<MacAddress> MacAddress::parse(std::string_view text) {
    auto invalid = [&] {
        return core::fail(core::ErrorCode::InvalidArgument, "\"" + std::string(text) + "\" is not a MAC address");
    };
    // Exactly "xx:xx:xx:xx:xx:xx" (17 characters); one separator kind throughout.
    if (text.size() != 17) return invalid();
    const char sep = text[2];
    if (sep != ':' && sep != '-') return invalid();
    Bytes bytes{};
    for (std::size_t i = 0; i < 6; ++i) {
        const std::size_t at = i * 3;
        if (i > 0 && text[at - 1] != sep) return invalid();
        const int hi = hexValue(text[at]);
        const int lo = hexValue(text[at + 1]);
        if (hi < 0 || lo < 0) return invalid();
        bytes[i] = std::uint8_t(hi * 16 + lo);
    }
    return MacAddress(bytes);
}

std::string MacAddress::toString() const {
    char buf[18];
    std::snprintf(buf, sizeof buf, "%02x:%02x:%02x:%02x:%02x:%02x", m_bytes[0], m_bytes[1], m_bytes[2], m_bytes[3],
                  m_bytes[4], m_bytes[5]);
    return buf;
}

std::string MacAddress::toHex() const {
    char buf[13];
    std::snprintf(buf, sizeof buf, "%02x%02x%02x%02x%02x%02x", m_bytes[0], m_bytes[1], m_bytes[2], m_bytes[3],
                  m_bytes[4], m_bytes[5]);
    return buf;
}

std::uint64_t MacAddress::toU64() const {
    std::uint64_t v = 0;
    for (std::uint8_t b : m_bytes) v = (v << 8) | b;
    return v;
}

}  // namespace sim::wire
