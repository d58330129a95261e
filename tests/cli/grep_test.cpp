// grep as GNU grep: basic syntax unless -E, -F literal, -w, -o, its error words, and no pattern
// or line that can hang it.
#include <catch2/catch.hpp>

#include "cli/typed_host.hpp"

TEST_CASE("grep reads basic syntax, grep -E extended, grep -F literal", "[cli][grep]") {
    TypedHost h;
    CHECK(h.run("echo 'a|b' | grep 'a|b'") == std::pair<std::string, int>{"a|b\n", 0});
    CHECK(h.run("echo ab | grep 'a|b'").second == 1);
    CHECK(h.run("echo ab | grep 'a\\|b'").second == 0);
    CHECK(h.run("echo ab | grep -E 'a|b'").second == 0);
    CHECK(h.run("echo 'a.c' | grep -F -o '.'") == std::pair<std::string, int>{".\n", 0});
    CHECK(h.run("echo aaa | grep -c 'a\\{2\\}'").first == "1\n");
    CHECK(h.run("echo 'hello world' | grep -w wor").second == 1);
    CHECK(h.run("echo 'hello world' | grep -ow world").first == "world\n");
    CHECK(h.run("echo abcabd | grep -o 'b.'").first == "bc\nbd\n");
    CHECK(h.run("echo '*star' | grep '*star'").second == 0);
}

TEST_CASE("grep's errors", "[cli][grep]") {
    TypedHost h;
    CHECK(h.run("echo x | grep -E '('") == std::pair<std::string, int>{"grep: Unmatched ( or \\(\n", 2});
    CHECK(h.run("echo x | grep '['") == std::pair<std::string, int>{"grep: Unmatched [, [^, [:, [., or [=\n", 2});
    CHECK(h.run("echo aa | grep '\\(a\\)\\1'").second == 2);
}

TEST_CASE("grep answers at once on patterns and lines that hang a backtracking matcher", "[cli][grep][robustness]") {
    TypedHost h;
    CHECK(h.run("echo " + std::string(30, 'a') + " | grep -E '(a|a)*b'").second == 1);
    CHECK(h.run("echo " + std::string(60000, 'a') + " | grep -c 'a*b'").first == "0\n");
}

TEST_CASE("docker run --name: a 27,000-character name is refused by a loop, not a regex", "[cli][robustness]") {
    TypedHost h;
    const auto [out, status] = h.run("docker run -d --name " + std::string(27000, 'x') + "! alpine");
    CHECK(status == 125);
    CHECK(out.find("Invalid container name") != std::string::npos);
}
