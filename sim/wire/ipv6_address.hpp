// Ipv6Address and Ipv6Prefix: the text forms Docker and iproute2 read and print. docknet's
// kernel carries IPv4 only; IPv6 addresses are configuration (IPAM, inspect, /etc/hosts, the
// addresses and routes `ip -6` shows), not traffic.
#pragma once

#include <array>
#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "sim/core/error.hpp"
#include "sim/wire/mac_address.hpp"

namespace sim::wire {

class Ipv6Address {
public:
    constexpr Ipv6Address() = default;
    /// From the high and low 64 bits (2001:db8::1 == {0x20010db800000000, 1}).
    constexpr Ipv6Address(std::uint64_t high, std::uint64_t low) : m_high(high), m_low(low) {}

    /// inet_pton(AF_INET6) forms: eight hex groups, one "::", a dotted IPv4 tail
    /// ("::ffff:1.2.3.4"). No zone ("%eth0"), no brackets. Error: `"X" is not an IPv6 address`.
    static core::Result<Ipv6Address> parse(std::string_view text);
    /// The modified EUI-64 link-local address the kernel derives from a MAC (RFC 4291 2.5.1):
    /// 02:42:ac:11:00:02 -> fe80::42:acff:fe11:2.
    static Ipv6Address linkLocalFor(const MacAddress& mac);
    static constexpr Ipv6Address loopback() { return Ipv6Address(0, 1); }

    [[nodiscard]] constexpr std::uint64_t high() const { return m_high; }
    [[nodiscard]] constexpr std::uint64_t low() const { return m_low; }
    [[nodiscard]] constexpr bool isUnspecified() const { return m_high == 0 && m_low == 0; }
    [[nodiscard]] constexpr bool isLinkLocal() const { return (m_high >> 54) == (0xfe80u >> 6); }
    [[nodiscard]] constexpr bool isV4Mapped() const { return m_high == 0 && (m_low >> 32) == 0xffffu; }
    /// 16-bit group i (0 is the leftmost).
    [[nodiscard]] constexpr std::uint16_t group(int i) const {
        return std::uint16_t((i < 4 ? m_high >> (48 - 16 * i) : m_low >> (48 - 16 * (i - 4))) & 0xffffu);
    }
    /// The address `offset` past this one (wraps at the top of the space).
    [[nodiscard]] constexpr Ipv6Address plus(std::uint64_t offset) const {
        const std::uint64_t low = m_low + offset;
        return Ipv6Address(m_high + (low < m_low ? 1 : 0), low);
    }
    /// RFC 5952, as Go's net.IP.String and inet_ntop print it: lower case, no leading zeros, the
    /// longest run of two or more zero groups (the first of equals) as "::", and "::ffff:a.b.c.d"
    /// for v4-mapped addresses.
    [[nodiscard]] std::string toString() const;

    constexpr auto operator<=>(const Ipv6Address&) const = default;

private:
    std::uint64_t m_high = 0;
    std::uint64_t m_low = 0;
};

/// An address with a prefix length ("2001:db8::2/64"); network() clears the host bits.
class Ipv6Prefix {
public:
    constexpr Ipv6Prefix() = default;
    /// length is clamped to 128.
    constexpr Ipv6Prefix(Ipv6Address address, int length)
        : m_address(address), m_length(std::uint8_t(length < 0 ? 0 : length > 128 ? 128 : length)) {}

    /// "2001:db8::/64". Error: `"X" is not an IPv6 prefix` (also without "/N").
    static core::Result<Ipv6Prefix> parse(std::string_view text);

    [[nodiscard]] constexpr Ipv6Address address() const { return m_address; }
    [[nodiscard]] constexpr int length() const { return m_length; }
    [[nodiscard]] constexpr Ipv6Prefix network() const {
        return Ipv6Prefix(Ipv6Address(m_address.high() & highMask(), m_address.low() & lowMask()), m_length);
    }
    [[nodiscard]] constexpr bool isNetwork() const { return network().m_address == m_address; }
    [[nodiscard]] constexpr bool contains(const Ipv6Address& a) const {
        return (a.high() & highMask()) == (m_address.high() & highMask()) && (a.low() & lowMask()) == (m_address.low() & lowMask());
    }
    [[nodiscard]] constexpr bool contains(const Ipv6Prefix& other) const { return other.m_length >= m_length && contains(other.m_address); }
    [[nodiscard]] constexpr bool overlaps(const Ipv6Prefix& other) const { return contains(other) || other.contains(*this); }
    /// "2001:db8::2/64"
    [[nodiscard]] std::string toString() const;

    constexpr auto operator<=>(const Ipv6Prefix&) const = default;

private:
    [[nodiscard]] constexpr std::uint64_t highMask() const {
        return m_length == 0 ? 0 : m_length >= 64 ? ~std::uint64_t(0) : ~std::uint64_t(0) << (64 - m_length);
    }
    [[nodiscard]] constexpr std::uint64_t lowMask() const {
        return m_length <= 64 ? 0 : m_length == 128 ? ~std::uint64_t(0) : ~std::uint64_t(0) << (128 - m_length);
    }

    Ipv6Address m_address;
    std::uint8_t m_length = 0;
};

/// Whether `text` is an IPv6 address or prefix as Docker's parsers see it (it has a ':').
bool looksLikeIpv6(std::string_view text);

}  // namespace sim::wire
