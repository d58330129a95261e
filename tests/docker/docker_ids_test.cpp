// IDs and moby-style generated names, deterministic with the seeded Rng.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

#include "sim/docker/docker_ids.hpp"

using namespace sim;
using namespace sim::docker;

TEST_CASE("ids: 64 lower-case hex digits, short form is 12, deterministic per seed") {
    core::Rng r1(42), r2(42), r3(43);
    IdGenerator g1(r1), g2(r2), g3(r3);
    const std::string a = g1.newId();
    REQUIRE(a.size() == 64);
    REQUIRE(isFullId(a));
    REQUIRE(shortId(a) == a.substr(0, 12));
    REQUIRE(g2.newId() == a);
    REQUIRE(g3.newId() != a);
    REQUIRE(g1.newId() != a);
    REQUIRE_FALSE(isFullId("ABC"));
    REQUIRE(shortId("abc") == "abc");
}

TEST_CASE("ids: the short form is never all digits (moby re-draws)") {
    core::Rng rng(7);
    IdGenerator g(rng);
    for (int i = 0; i < 2000; ++i) {
        const std::string id = g.newId();
        REQUIRE_FALSE(std::all_of(id.begin(), id.begin() + 12, [](char c) { return c >= '0' && c <= '9'; }));
    }
}

TEST_CASE("names: adjective_surname from moby's lists, never boring_wozniak") {
    REQUIRE(IdGenerator::adjectives().size() >= 40);
    REQUIRE(IdGenerator::surnames().size() >= 80);
    core::Rng rng(1);
    IdGenerator g(rng);
    std::set<std::string> seen;
    for (int i = 0; i < 5000; ++i) {
        const std::string n = g.randomName();
        REQUIRE(n != "boring_wozniak");
        const auto us = n.find('_');
        REQUIRE(us != std::string::npos);
        const auto adj = IdGenerator::adjectives();
        const auto sur = IdGenerator::surnames();
        REQUIRE(std::find(adj.begin(), adj.end(), n.substr(0, us)) != adj.end());
        REQUIRE(std::find(sur.begin(), sur.end(), n.substr(us + 1)) != sur.end());
        seen.insert(n);
    }
    REQUIRE(seen.size() > 4000);
    const auto adj = IdGenerator::adjectives();
    REQUIRE(std::find(adj.begin(), adj.end(), "focused") != adj.end());
    const auto sur = IdGenerator::surnames();
    REQUIRE(std::find(sur.begin(), sur.end(), "hopper") != sur.end());
}

TEST_CASE("names: deterministic, and a retry appends a digit") {
    core::Rng r1(9), r2(9);
    IdGenerator g1(r1), g2(r2);
    REQUIRE(g1.randomName() == g2.randomName());
    const std::string retry = g1.randomName(1);
    REQUIRE(std::isdigit(static_cast<unsigned char>(retry.back())));
}
