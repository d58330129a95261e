// MacAddress: a 48-bit Ethernet address. Parsed once at the edge; everything inside passes the value.
#pragma once

#include <array>
#include <compare>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "sim/core/error.hpp"

namespace sim::wire {

class MacAddress {
public:
    using Bytes = std::array<std::uint8_t, 6>;

    constexpr MacAddress() = default;
    constexpr explicit MacAddress(const Bytes& b) : m_bytes(b) {}

    /// "02:42:ac:11:00:02" (also upper case, also '-' separators). Anything else:
    /// `"02:42:zz:11:00:02" is not a MAC address`.
    static core::Result<MacAddress> parse(std::string_view text);
    static constexpr MacAddress broadcast() { return MacAddress(Bytes{0xff, 0xff, 0xff, 0xff, 0xff, 0xff}); }
    static constexpr MacAddress zero() { return MacAddress(); }

    [[nodiscard]] constexpr const Bytes& bytes() const { return m_bytes; }
    [[nodiscard]] constexpr bool isBroadcast() const { return *this == broadcast(); }
    /// The group bit (I/G) of the first octet; broadcast is multicast too.
    [[nodiscard]] constexpr bool isMulticast() const { return (m_bytes[0] & 0x01) != 0; }
    [[nodiscard]] constexpr bool isZero() const { return *this == zero(); }
    /// Lower-case, colon-separated: "02:42:ac:11:00:02".
    [[nodiscard]] std::string toString() const;
    /// Without separators: "0242ac110002" (brctl's bridge id).
    [[nodiscard]] std::string toHex() const;
    [[nodiscard]] std::uint64_t toU64() const;

    constexpr auto operator<=>(const MacAddress&) const = default;

private:
    Bytes m_bytes{};
};

}  // namespace sim::wire

template <>
struct std::hash<sim::wire::MacAddress> {
    std::size_t operator()(const sim::wire::MacAddress& m) const noexcept { return std::hash<std::uint64_t>{}(m.toU64()); }
};
