// A Linux bridge takes 1,023 ports (BR_MAX_PORTS less port 0): the 1,024th container on one
// network fails at start with libnetwork's wrapping of the kernel's EXFULL, is left Created,
// and starts once a port is free again. docker network connect meets the same wall.
#include <catch2/catch.hpp>

#include <regex>
#include <string>

#include "typed_host.hpp"

namespace {

// One script of `count` detached containers on `network`, named c1..c<count>.
std::string runContainers(int count, const std::string& network) {
    std::string script;
    for (int i = 1; i <= count; ++i)
        script += "docker run -d --name c" + std::to_string(i) + " --network " + network + " alpine sleep 1d\n";
    return script;
}

}  // namespace

TEST_CASE("The 1024th container on one bridge fails with exchange full and stays Created", "[cli][docker][limits]") {
    TypedHost host;
    REQUIRE(host.run("docker pull -q alpine").second == 0);
    REQUIRE(host.run("docker network create --subnet 10.10.0.0/21 big").second == 0);
    auto t = host.runner.run(runContainers(1023, "big"));
    REQUIRE(t);
    for (const auto& step : t->steps) REQUIRE(step.exitCode == 0);

    const auto [out, code] = host.run("docker run -d --name c1024 --network big alpine sleep 1d");
    CHECK(code == 125);
    // run -d prints the new container's id before it starts it (docker/cli's runContainer).
    const std::regex expected(
        "[0-9a-f]{64}\n"
        "docker: Error response from daemon: failed to create endpoint c1024 on network big: adding interface "
        "veth[0-9a-f]{7} to bridge br-[0-9a-f]{12} failed: exchange full\\.\n");
    INFO(out);
    CHECK(std::regex_match(out, expected));
    CHECK(host.run("docker inspect -f '{{.State.Status}}' c1024").first == "created\n");
    // Nothing of the failed start is left: 1,023 veths on the bridge, c1024's name is not in DNS.
    CHECK(host.run("ip -o link show master br-$(docker network inspect -f '{{.Id}}' big | cut -c1-12) | wc -l").first ==
          "1023\n");

    SECTION("docker network connect meets the same limit") {
        REQUIRE(host.run("docker run -d --name other alpine sleep 1d").second == 0);
        const auto [connectOut, connectCode] = host.run("docker network connect big other");
        CHECK(connectCode == 1);
        CHECK(std::regex_match(connectOut,
                               std::regex("Error response from daemon: failed to create endpoint other on network big: "
                                          "adding interface veth[0-9a-f]{7} to bridge br-[0-9a-f]{12} failed: "
                                          "exchange full\n")));
        CHECK(host.run("docker inspect -f '{{len .NetworkSettings.Networks}}' other").first == "1\n");
    }
    SECTION("a freed port lets the Created container start") {
        REQUIRE(host.run("docker rm -f c1").second == 0);
        CHECK(host.run("docker start c1024") == std::pair<std::string, int>{"c1024\n", 0});
        CHECK(host.run("docker inspect -f '{{.State.Status}}' c1024").first == "running\n");
    }
}
