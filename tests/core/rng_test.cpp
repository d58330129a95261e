#include <catch2/catch.hpp>

#include <cstdint>
#include <limits>
#include <set>
#include <vector>

#include "sim/core/rng.hpp"

using sim::core::Rng;

namespace {

std::vector<std::uint64_t> draw(Rng& rng, int n) {
    std::vector<std::uint64_t> out;
    for (int i = 0; i < n; ++i) out.push_back(rng.next());
    return out;
}

}  // namespace

TEST_CASE("Rng is std::mt19937_64, so a seed fixes the sequence on every platform", "[rng]") {
    // The standard requires the 10000th output of a default-seeded mt19937_64 to be this value.
    Rng rng(5489);
    std::uint64_t v = 0;
    for (int i = 0; i < 10000; ++i) v = rng.next();
    CHECK(v == 9981545732273789042ULL);
}

TEST_CASE("Rng gives the same sequence for the same seed and another for another seed", "[rng]") {
    Rng a(42), b(42), c(43);
    const auto sa = draw(a, 20);
    CHECK(sa == draw(b, 20));
    CHECK(sa != draw(c, 20));

    Rng d(42), e(42);
    std::vector<std::int64_t> ud, ue;
    for (int i = 0; i < 50; ++i) {
        ud.push_back(d.uniform(15'000'000, 45'000'000));
        ue.push_back(e.uniform(15'000'000, 45'000'000));
    }
    CHECK(ud == ue);

    Rng defaulted, one(1);
    CHECK(draw(defaulted, 5) == draw(one, 5));
}

TEST_CASE("Rng::uniform stays within inclusive bounds and reaches both ends", "[rng]") {
    Rng rng(7);
    std::set<std::int64_t> seen;
    for (int i = 0; i < 2000; ++i) {
        const std::int64_t v = rng.uniform(-2, 3);
        REQUIRE(v >= -2);
        REQUIRE(v <= 3);
        seen.insert(v);
    }
    CHECK(seen == std::set<std::int64_t>{-2, -1, 0, 1, 2, 3});

    std::set<std::int64_t> bits;
    for (int i = 0; i < 200; ++i) bits.insert(rng.uniform(0, 1));
    CHECK(bits == std::set<std::int64_t>{0, 1});
}

TEST_CASE("Rng::uniform is roughly uniform", "[rng]") {
    Rng rng(2024);
    int counts[4] = {0, 0, 0, 0};
    const int n = 40000;
    for (int i = 0; i < n; ++i) ++counts[rng.uniform(0, 3)];
    for (int c : counts) {
        CHECK(c > n / 4 - 600);
        CHECK(c < n / 4 + 600);
    }
}

TEST_CASE("Rng::uniform on a degenerate range returns lo without drawing", "[rng]") {
    Rng rng(9), reference(9);
    CHECK(rng.uniform(5, 5) == 5);
    CHECK(rng.uniform(10, 3) == 10);  // hi < lo
    CHECK(rng.uniform(-4, -4) == -4);
    // Nothing was consumed: the stream is still in step with an untouched generator.
    CHECK(rng.next() == reference.next());
}

TEST_CASE("Rng::uniform handles the widest ranges", "[rng]") {
    constexpr auto kMin = std::numeric_limits<std::int64_t>::min();
    constexpr auto kMax = std::numeric_limits<std::int64_t>::max();
    SECTION("the full int64 range uses the raw draw") {
        Rng rng(3), reference(3);
        CHECK(rng.uniform(kMin, kMax) == static_cast<std::int64_t>(reference.next()));
    }
    SECTION("a range wider than INT64_MAX stays within bounds") {
        Rng rng(11);
        bool sawHigh = false;
        for (int i = 0; i < 200; ++i) {
            const std::int64_t v = rng.uniform(kMin, 0);
            REQUIRE(v <= 0);
            if (v > kMin / 2) sawHigh = true;
        }
        CHECK(sawHigh);
    }
    SECTION("a range at the top end") {
        Rng rng(12);
        for (int i = 0; i < 100; ++i) {
            const std::int64_t v = rng.uniform(kMax - 1, kMax);
            REQUIRE(v >= kMax - 1);
        }
    }
}
