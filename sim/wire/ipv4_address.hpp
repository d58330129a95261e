// Ipv4Address and Ipv4Prefix. IPv4 only (docknet models no IPv6). Parsing is as strict as
// inet_pton: four decimal octets 0..255, no leading zeros, no spaces.
#pragma once

#include <compare>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "sim/core/error.hpp"

namespace sim::wire {

class Ipv4Address {
public:
    constexpr Ipv4Address() = default;
    /// From the address in host byte order (172.17.0.2 == 0xAC110002).
    constexpr explicit Ipv4Address(std::uint32_t hostOrder) : m_value(hostOrder) {}
    constexpr Ipv4Address(std::uint8_t a, std::uint8_t b, std::uint8_t c, std::uint8_t d)
        : m_value((std::uint32_t(a) << 24) | (std::uint32_t(b) << 16) | (std::uint32_t(c) << 8) | d) {}

    /// `"256.1.1.1" is not an IPv4 address` on anything but a dotted quad.
    static core::Result<Ipv4Address> parse(std::string_view text);
    static constexpr Ipv4Address any() { return Ipv4Address(0u); }
    static constexpr Ipv4Address broadcast() { return Ipv4Address(0xffffffffu); }
    static constexpr Ipv4Address loopback() { return Ipv4Address(127, 0, 0, 1); }

    [[nodiscard]] constexpr std::uint32_t value() const { return m_value; }
    [[nodiscard]] constexpr std::uint8_t octet(int i) const { return std::uint8_t(m_value >> (24 - 8 * i)); }
    [[nodiscard]] constexpr bool isAny() const { return m_value == 0; }
    [[nodiscard]] constexpr bool isBroadcast() const { return m_value == 0xffffffffu; }
    [[nodiscard]] constexpr bool isLoopback() const { return (m_value >> 24) == 127; }
    [[nodiscard]] constexpr bool isMulticast() const { return (m_value >> 28) == 0xe; }
    [[nodiscard]] std::string toString() const;

    constexpr auto operator<=>(const Ipv4Address&) const = default;

private:
    std::uint32_t m_value = 0;
};

/// An address with a prefix length, as `ip addr` shows it: "172.17.0.2/16". The address keeps its
/// host bits (so one value describes an interface address); network() clears them.
class Ipv4Prefix {
public:
    constexpr Ipv4Prefix() = default;
    /// length is clamped to 32.
    constexpr Ipv4Prefix(Ipv4Address address, int length)
        : m_address(address), m_length(std::uint8_t(length < 0 ? 0 : length > 32 ? 32 : length)) {}

    /// "172.17.0.0/16". Errors: `"172.17.0.0/33" is not an IPv4 prefix` (also for a missing "/N").
    static core::Result<Ipv4Prefix> parse(std::string_view text);
    /// Like parse, but a bare address means /32 (what `ip route add 10.0.0.1 ...` accepts).
    static core::Result<Ipv4Prefix> parseHostOrPrefix(std::string_view text);

    [[nodiscard]] constexpr Ipv4Address address() const { return m_address; }
    [[nodiscard]] constexpr int length() const { return m_length; }
    [[nodiscard]] constexpr std::uint32_t maskBits() const {
        return m_length == 0 ? 0u : (0xffffffffu << (32 - m_length));
    }
    [[nodiscard]] constexpr Ipv4Address mask() const { return Ipv4Address(maskBits()); }
    /// The prefix with host bits cleared: 172.17.0.2/16 -> 172.17.0.0/16.
    [[nodiscard]] constexpr Ipv4Prefix network() const { return Ipv4Prefix(Ipv4Address(m_address.value() & maskBits()), m_length); }
    [[nodiscard]] constexpr Ipv4Address networkAddress() const { return Ipv4Address(m_address.value() & maskBits()); }
    [[nodiscard]] constexpr Ipv4Address broadcast() const { return Ipv4Address(m_address.value() | ~maskBits()); }
    [[nodiscard]] constexpr bool contains(Ipv4Address a) const { return (a.value() & maskBits()) == (m_address.value() & maskBits()); }
    /// True when `other` lies wholly inside this prefix.
    [[nodiscard]] constexpr bool contains(const Ipv4Prefix& other) const { return other.m_length >= m_length && contains(other.m_address); }
    [[nodiscard]] constexpr bool overlaps(const Ipv4Prefix& other) const { return contains(other) || other.contains(*this); }
    [[nodiscard]] constexpr bool isNetwork() const { return (m_address.value() & ~maskBits()) == 0; }
    /// Number of addresses in the prefix (2^(32-length)).
    [[nodiscard]] constexpr std::uint64_t size() const { return std::uint64_t(1) << (32 - m_length); }
    /// "172.17.0.2/16"
    [[nodiscard]] std::string toString() const;

    constexpr auto operator<=>(const Ipv4Prefix&) const = default;

private:
    Ipv4Address m_address;
    std::uint8_t m_length = 0;
};

}  // namespace sim::wire

template <>
struct std::hash<sim::wire::Ipv4Address> {
    std::size_t operator()(const sim::wire::Ipv4Address& a) const noexcept { return std::hash<std::uint32_t>{}(a.value()); }
};
