#include "sim/wire/ipv4_address.hpp"

#include <optional>

namespace sim::wire {

namespace {

/// A decimal number without sign, spaces or leading zeros ("0" itself is fine), at most `max`.
/// The same rule serves octets (inet_pton rejects "01") and prefix lengths.
std::optional<unsigned> parseDecimal(std::string_view text, unsigned max) {
    if (text.empty() || text.size() > 3) return std::nullopt;
    if (text.size() > 1 && text[0] == '0') return std::nullopt;
    unsigned v = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return std::nullopt;
        v = v * 10 + unsigned(c - '0');
    }
    if (v > max) return std::nullopt;
    return v;
}

std::optional<Ipv4Address> parseDottedQuad(std::string_view text) {
    std::uint32_t value = 0;
    for (int part = 0; part < 4; ++part) {
        const std::size_t dot = text.find('.');
        const bool last = part == 3;
        // Parts 0..2 end at a dot; the last one must not be followed by another.
        if (last != (dot == std::string_view::npos)) return std::nullopt;
        const auto octet = parseDecimal(text.substr(0, dot), 255);
        if (!octet) return std::nullopt;
        value = (value << 8) | *octet;
        if (!last) text.remove_prefix(dot + 1);
    }
    return Ipv4Address(value);
}

core::Result<Ipv4Prefix> notAPrefix(std::string_view text) {
    return core::fail(core::ErrorCode::InvalidArgument, "\"" + std::string(text) + "\" is not an IPv4 prefix");
}

}  // namespace

core::Result<Ipv4Address> Ipv4Address::parse(std::string_view text) {
    if (auto a = parseDottedQuad(text)) return *a;
    return core::fail(core::ErrorCode::InvalidArgument, "\"" + std::string(text) + "\" is not an IPv4 address");
}

std::string Ipv4Address::toString() const {
    std::string s;
    s.reserve(15);
    for (int i = 0; i < 4; ++i) {
        if (i > 0) s += '.';
        s += std::to_string(octet(i));
    }
    return s;
}

core::Result<Ipv4Prefix> Ipv4Prefix::parse(std::string_view text) {
    const std::size_t slash = text.find('/');
    if (slash == std::string_view::npos) return notAPrefix(text);
    const auto address = parseDottedQuad(text.substr(0, slash));
    const auto length = parseDecimal(text.substr(slash + 1), 32);
    if (!address || !length) return notAPrefix(text);
    return Ipv4Prefix(*address, int(*length));
}

core::Result<Ipv4Prefix> Ipv4Prefix::parseHostOrPrefix(std::string_view text) {
    if (text.find('/') != std::string_view::npos) return parse(text);
    // A bare address is a host route; the error still names what the caller asked for.
    if (const auto address = parseDottedQuad(text)) return Ipv4Prefix(*address, 32);
    return notAPrefix(text);
}

std::string Ipv4Prefix::toString() const {
    return m_address.toString() + '/' + std::to_string(m_length);
}

}  // namespace sim::wire
