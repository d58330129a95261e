// docker wait: the exit codes once the containers are not running, simulated time passing.
#include <catch2/catch.hpp>

#include "cli/typed_host.hpp"

using Result = std::pair<std::string, int>;

TEST_CASE("docker wait lets time pass until each container exits and prints the codes", "[cli][wait]") {
    TypedHost h;
    REQUIRE(h.run("docker pull -q alpine").second == 0);
    REQUIRE(h.run("docker run -d --name s5 alpine sleep 5").second == 0);
    REQUIRE(h.run("docker run -d --name three alpine sh -c 'exit 3'").second == 0);
    REQUIRE(h.run("docker create --name fresh alpine").second == 0);
    const auto before = h.lab.kernel().now();
    CHECK(h.run("docker wait s5 three fresh") == Result{"0\n3\n0\n", 0});
    CHECK(h.lab.kernel().now() - before >= sim::core::seconds(4));
    CHECK(h.run("docker inspect -f '{{.State.Status}}' s5") == Result{"exited\n", 0});
    CHECK(h.run("docker container wait three") == Result{"3\n", 0});
    // A missing container: the daemon's error, the others still answered.
    CHECK(h.run("docker wait nosuch three") == Result{"Error response from daemon: No such container: nosuch\n3\n", 1});
}

TEST_CASE("docker wait on a container that never stops ends as Ctrl-C would, saying so", "[cli][wait]") {
    TypedHost h;
    REQUIRE(h.run("docker run -d --name web nginx").second == 0);
    const auto [out, code] = h.run("docker wait web");
    CHECK(code == 130);
    CHECK(out.find("docknet: docker wait web: web does not stop by itself") == 0);
    CHECK(h.run("docker inspect -f '{{.State.Status}}' web") == Result{"running\n", 0});
    // A restart policy does not hold the answer back: the exit counts.
    REQUIRE(h.run("docker run -d --name flaky --restart always alpine sh -c 'sleep 2; exit 4'").second == 0);
    CHECK(h.run("docker wait flaky") == Result{"4\n", 0});
}
