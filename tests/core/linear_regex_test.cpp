// LinearRegex: POSIX basic syntax translated to extended, Go syntax for dockerd's filters, and
// patterns that make a backtracking matcher explode or recurse answer in linear time.
#include <catch2/catch.hpp>

#include <string>

#include "sim/core/linear_regex.hpp"

using sim::core::LinearRegex;

TEST_CASE("POSIX basic syntax: the escaped characters are the operators", "[regex]") {
    CHECK(LinearRegex::basicToExtended("a|b") == "a\\|b");
    CHECK(LinearRegex::basicToExtended("a\\|b") == "a|b");
    CHECK(LinearRegex::basicToExtended("\\(ab\\)\\{2\\}") == "(ab){2}");
    CHECK(LinearRegex::basicToExtended("a+?") == "a\\+\\?");
    CHECK(LinearRegex::basicToExtended("*star") == "\\*star");
    CHECK(LinearRegex::basicToExtended("^*x") == "^\\*x");
    CHECK(LinearRegex::basicToExtended("[()|]") == "[()|]");
    CHECK(LinearRegex::basicToExtended("[[:digit:]]+") == "[[:digit:]]\\+");
    auto re = LinearRegex::compile("eth0\\|lo", LinearRegex::Syntax::PosixBasic);
    REQUIRE(re);
    CHECK(re->search("2: eth0@if5"));
    CHECK(re->search("1: lo"));
    CHECK_FALSE(re->search("docker0"));
}

TEST_CASE("Go syntax and case folding", "[regex]") {
    auto go = LinearRegex::compile("^web[0-9]+$", LinearRegex::Syntax::Go);
    REQUIRE(go);
    CHECK(go->search("web12"));
    CHECK_FALSE(go->search("web"));
    auto icase = LinearRegex::compile("ETHER", LinearRegex::Syntax::PosixExtended, true);
    REQUIRE(icase);
    CHECK(icase->search("link/ether 02:42"));
}

TEST_CASE("findAll gives the non-overlapping matches, leftmost-longest, no empty ones", "[regex]") {
    auto re = LinearRegex::compile("b.|x*", LinearRegex::Syntax::PosixExtended);
    REQUIRE(re);
    const auto all = re->findAll("abcabd");
    REQUIRE(all.size() == 2);
    CHECK(all[0] == std::pair<std::size_t, std::size_t>{1, 3});
    CHECK(all[1] == std::pair<std::size_t, std::size_t>{4, 6});
}

TEST_CASE("Bad patterns say what is wrong — back-references are refused", "[regex]") {
    CHECK_FALSE(LinearRegex::compile("(", LinearRegex::Syntax::PosixExtended));
    CHECK(LinearRegex::compileProblem("(", LinearRegex::Syntax::PosixExtended) == LinearRegex::Problem::UnmatchedParen);
    CHECK(LinearRegex::compileProblem("[a", LinearRegex::Syntax::PosixBasic) == LinearRegex::Problem::UnmatchedBracket);
    CHECK(LinearRegex::compileProblem("\\(a\\)\\1", LinearRegex::Syntax::PosixBasic) == LinearRegex::Problem::BackReference);
    CHECK(LinearRegex::compileProblem("(", LinearRegex::Syntax::PosixBasic) == LinearRegex::Problem::None);
}

TEST_CASE("What hangs or overflows a backtracking matcher answers at once", "[regex][robustness]") {
    // (a|a)*b on 30 a's is 2^30 paths for a backtracker; a 60,000-character line overflowed
    // std::regex's recursion. ctest's timeout fails this test if either comes back.
    auto exponential = LinearRegex::compile("(a|a)*b", LinearRegex::Syntax::PosixExtended);
    REQUIRE(exponential);
    CHECK_FALSE(exponential->search(std::string(30, 'a')));
    auto star = LinearRegex::compile("a*b", LinearRegex::Syntax::PosixBasic);
    REQUIRE(star);
    CHECK_FALSE(star->search(std::string(60000, 'a')));
    CHECK(star->search(std::string(60000, 'a') + "b"));
    // A pattern too big to compile is refused, not built.
    std::string huge;
    for (int i = 0; i < 2000; ++i) huge += "(a{1000})";
    CHECK_FALSE(LinearRegex::compile(huge, LinearRegex::Syntax::PosixExtended));
}
