#include <catch2/catch.hpp>

#include <cstdint>
#include <functional>
#include <type_traits>
#include <unordered_map>
#include <unordered_set>

#include "sim/core/error.hpp"
#include "sim/core/ids.hpp"

using sim::core::ErrorCode;
using sim::core::EventId;
using sim::core::InterfaceId;
using sim::core::NamespaceId;
using sim::core::PacketUid;

TEST_CASE("A default-constructed id is invalid and prints '-'", "[ids]") {
    const InterfaceId none;
    CHECK_FALSE(none.isValid());
    CHECK_FALSE(static_cast<bool>(none));
    CHECK(none.value == InterfaceId::kInvalid);
    CHECK(none.toString() == "-");

    const PacketUid noPacket;
    CHECK_FALSE(noPacket.isValid());
    CHECK(noPacket.value == UINT64_MAX);
}

TEST_CASE("An id built from a value is valid, including zero", "[ids]") {
    const InterfaceId zero(0);
    CHECK(zero.isValid());
    CHECK(static_cast<bool>(zero));
    CHECK(zero.toString() == "0");
    CHECK(InterfaceId(42).toString() == "42");
    CHECK(EventId(1ULL << 40).toString() == "1099511627776");
}

TEST_CASE("Ids compare by value", "[ids]") {
    CHECK(InterfaceId(3) == InterfaceId(3));
    CHECK(InterfaceId(3) != InterfaceId(4));
    CHECK(InterfaceId(3) < InterfaceId(4));
    CHECK(InterfaceId(100) > InterfaceId(4));
    CHECK(InterfaceId(5) < InterfaceId{});  // invalid sorts last (max value)
}

TEST_CASE("Ids of different kinds are different types", "[ids]") {
    STATIC_REQUIRE_FALSE(std::is_same_v<InterfaceId, NamespaceId>);
    STATIC_REQUIRE_FALSE(std::is_convertible_v<InterfaceId, NamespaceId>);
    STATIC_REQUIRE_FALSE(std::is_convertible_v<std::uint32_t, InterfaceId>);  // explicit only
    STATIC_REQUIRE(std::is_same_v<decltype(PacketUid::value), std::uint64_t>);
}

TEST_CASE("Ids hash by value and work as unordered keys", "[ids]") {
    CHECK(std::hash<InterfaceId>{}(InterfaceId(7)) == std::hash<std::uint32_t>{}(7u));
    CHECK(std::hash<PacketUid>{}(PacketUid(1ULL << 33)) == std::hash<std::uint64_t>{}(1ULL << 33));

    std::unordered_map<InterfaceId, int> byId;
    byId[InterfaceId(1)] = 10;
    byId[InterfaceId(2)] = 20;
    byId[InterfaceId(1)] = 11;
    CHECK(byId.size() == 2);
    CHECK(byId.at(InterfaceId(1)) == 11);
    CHECK(byId.count(InterfaceId(3)) == 0);

    std::unordered_set<EventId> set{EventId(1), EventId(2), EventId(1)};
    CHECK(set.size() == 2);
}

TEST_CASE("fail() builds an unexpected Result with code and message", "[ids][error]") {
    const sim::core::Result<int> r = sim::core::fail(ErrorCode::AddressInUse, "Address already in use");
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code == ErrorCode::AddressInUse);
    CHECK(r.error().message == "Address already in use");
    CHECK(r.error() == sim::core::Error{ErrorCode::AddressInUse, "Address already in use"});
    CHECK_FALSE(r.error() == sim::core::Error{ErrorCode::AlreadyExists, "Address already in use"});

    const sim::core::Result<void> ok{};
    CHECK(ok.has_value());
}
