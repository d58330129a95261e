// Issue 10 item 10 (refusals at the right time) and --mac-address, which had been accepted and
// ignored: what moby refuses at create leaves no container; what it checks at start leaves a
// created one.
#include <catch2/catch.hpp>

#include "cli/typed_host.hpp"

namespace {

std::string names(TypedHost& h) { return h.run("docker ps -a --format '{{.Names}} {{.State}}'").first; }

}  // namespace

TEST_CASE("a legacy link to a missing container is refused at create", "[cli][create-time]") {
    TypedHost h;
    REQUIRE(h.run("docker pull -q alpine").second == 0);
    CHECK(h.run("docker run -d --name t1 --link nope:alias alpine sleep 100") ==
          std::pair<std::string, int>{"docker: Error response from daemon: could not get container for nope: No such "
                                      "container: nope.\nSee 'docker run --help'.\n",
                                      125});
    CHECK(names(h).empty());
    // On a user-defined network a link is an endpoint alias, resolved when the container starts.
    REQUIRE(h.run("docker network create mynet").second == 0);
    auto [out, status] = h.run("docker run -d --name t2 --network mynet --link nope:alias alpine sleep 100");
    CHECK(status == 125);
    CHECK(out.find("could not get container for nope: No such container: nope") != std::string::npos);
    CHECK(names(h) == "t2 created\n");
    // A link to a stopped container is checked at start too.
    REQUIRE(h.run("docker create --name db alpine sleep 100").second == 0);
    std::tie(out, status) = h.run("docker run -d --name t3 --link db alpine sleep 100");
    CHECK(out.find("Cannot link to a non running container: /db AS /t3/db") != std::string::npos);
    CHECK(names(h).find("t3 created") != std::string::npos);
}

TEST_CASE("docker run --mac-address sets the endpoint's MAC, kept across restarts", "[cli][create-time]") {
    TypedHost h;
    CHECK(h.run("docker run -d --mac-address 02:42:ac:11:00:zz alpine") ==
          std::pair<std::string, int>{"docker: 02:42:ac:11:00:zz is not a valid mac address.\nSee 'docker run --help'.\n",
                                      125});
    REQUIRE(h.run("docker run -dit --name m1 --mac-address 92:d0:c6:0a:29:33 alpine").second == 0);
    CHECK(h.run("docker exec m1 ip link show eth0").first.find("link/ether 92:d0:c6:0a:29:33 ") != std::string::npos);
    REQUIRE(h.run("docker restart m1").second == 0);
    CHECK(h.run("docker inspect -f '{{.NetworkSettings.MacAddress}}' m1").first == "92:d0:c6:0a:29:33\n");
    // The host's bridge learns it from the first frame.
    REQUIRE(h.run("docker exec m1 ping -c 1 172.17.0.1").second == 0);
    CHECK(h.run("bridge fdb show br docker0").first.find("92:d0:c6:0a:29:33 dev veth") != std::string::npos);
    // Host, none and container modes have no endpoint to give it.
    for (const char* mode : {"host", "none", "container:m1"}) {
        INFO(mode);
        CHECK(h.run(std::string("docker run -d --network ") + mode + " --mac-address 92:d0:c6:0a:29:34 alpine") ==
              std::pair<std::string, int>{"docker: Error response from daemon: conflicting options: mac-address and the "
                                          "network mode.\nSee 'docker run --help'.\n",
                                          125});
    }
    CHECK(names(h) == "m1 running\n");
}
