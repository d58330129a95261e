// docker restart as moby's containerRestart: RestartCount stays 0 (it counts --restart policy
// restarts; a manual start resets it), and a failure is wrapped "Cannot restart container NAME: ...".
#include <catch2/catch.hpp>

#include "cli/typed_host.hpp"

TEST_CASE("docker restart keeps RestartCount at 0 and wraps its failures", "[cli][restart]") {
    TypedHost h;
    REQUIRE(h.run("docker run -d --name w1 -p 80:80 nginx").second == 0);
    CHECK(h.run("docker run -d --name w2 -p 80:80 nginx").second == 125);
    REQUIRE(h.run("docker restart w1") == std::pair<std::string, int>{"w1\n", 0});
    CHECK(h.run("docker inspect -f '{{.RestartCount}} {{.State.Status}}' w1").first == "0 running\n");
    const auto [out, status] = h.run("docker restart w2");
    CHECK(status == 1);
    CHECK(out.starts_with("Error response from daemon: Cannot restart container w2: driver failed programming external "
                          "connectivity on endpoint w2 ("));
    CHECK(out.ends_with("): Bind for 0.0.0.0:80 failed: port is already allocated\n"));
    CHECK(h.run("docker inspect -f '{{.RestartCount}} {{.State.Status}}' w2").first == "0 created\n");
    CHECK(h.run("docker restart nope") == std::pair<std::string, int>{"Error response from daemon: No such container: nope\n", 1});
}
