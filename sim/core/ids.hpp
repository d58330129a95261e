// Typed handles (smoltcp / ns-3 style): objects refer to each other by id, never by pointer,
// so tables can be keyed by id and a stale handle is detectable instead of dangling.
#pragma once

#include <compare>
#include <cstdint>
#include <functional>
#include <limits>
#include <string>

namespace sim::core {

template <class Tag, class Rep = std::uint32_t>
struct StrongId {
    static constexpr Rep kInvalid = std::numeric_limits<Rep>::max();
    Rep value = kInvalid;

    constexpr StrongId() = default;
    constexpr explicit StrongId(Rep v) : value(v) {}
    [[nodiscard]] constexpr bool isValid() const { return value != kInvalid; }
    constexpr explicit operator bool() const { return isValid(); }
    constexpr auto operator<=>(const StrongId&) const = default;
    [[nodiscard]] std::string toString() const { return isValid() ? std::to_string(value) : std::string("-"); }
};

struct NamespaceTag {};
struct InterfaceTag {};
struct PacketTag {};
struct EventTag {};

using NamespaceId = StrongId<NamespaceTag>;
using InterfaceId = StrongId<InterfaceTag>;
using PacketUid = StrongId<PacketTag, std::uint64_t>;
using EventId = StrongId<EventTag, std::uint64_t>;

}  // namespace sim::core

template <class Tag, class Rep>
struct std::hash<sim::core::StrongId<Tag, Rep>> {
    std::size_t operator()(const sim::core::StrongId<Tag, Rep>& id) const noexcept {
        return std::hash<Rep>{}(id.value);
    }
};
