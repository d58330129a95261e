// Issue 10 item 3: the rules Docker owns come back as Docker brings them back: at the daemon's
// restart (removeIPChains, setupIPChains, every network programmed again), never by themselves;
// a rule whose chain is gone fails as libnetwork's iptables call does.
#include <catch2/catch.hpp>

#include "cli/typed_host.hpp"

namespace {
std::string out(TypedHost& h, const std::string& line) { return h.run(line).first; }
}  // namespace

TEST_CASE("systemctl restart docker rebuilds Docker's chains and stops the containers", "[cli][iptables][daemon]") {
    TypedHost h;
    const std::string filter0 = out(h, "iptables -S");
    const std::string nat0 = out(h, "iptables -t nat -S");
    REQUIRE(h.run("docker run -d --name a1 alpine sleep 1000").second == 0);
    REQUIRE(h.run("docker exec a1 ping -c1 -W1 8.8.8.8").second == 0);
    // A student's rule in DOCKER-USER, and one in Docker's own DOCKER chain.
    REQUIRE(h.run("iptables -I DOCKER-USER -s 10.9.9.9 -j DROP").second == 0);
    REQUIRE(h.run("iptables -A DOCKER -s 10.8.8.8 -j DROP").second == 0);
    // Flushing FORWARD cuts the containers off (policy DROP) and nothing puts the rules back...
    REQUIRE(h.run("iptables -F FORWARD").second == 0);
    CHECK(h.run("docker exec a1 ping -c1 -W1 8.8.8.8").second == 1);
    REQUIRE(h.run("docker network create later").second == 0);  // (a network create adds only its own)
    CHECK(h.run("docker exec a1 ping -c1 -W1 8.8.8.8").second == 1);
    REQUIRE(h.run("docker network rm later").second == 0);
    // ... until the daemon restarts: the containers are stopped, the chains rebuilt.
    auto restart = h.run("systemctl restart docker");
    CHECK(restart == std::pair<std::string, int>{"", 0});
    CHECK(out(h, "docker ps -q") == "");
    CHECK(out(h, "docker inspect -f '{{.State.Status}}' a1") == "exited\n");
    const std::string filter1 = out(h, "iptables -S");
    CHECK(filter1.find("-A DOCKER-USER -s 10.9.9.9/32 -j DROP\n") != std::string::npos);  // the user's chain is kept
    CHECK(filter1.find("10.8.8.8") == std::string::npos);                                 // Docker's is rebuilt
    REQUIRE(h.run("iptables -D DOCKER-USER -s 10.9.9.9 -j DROP").second == 0);
    CHECK(out(h, "iptables -S") == filter0);
    CHECK(out(h, "iptables -t nat -S") == nat0);
    REQUIRE(h.run("docker start a1").second == 0);
    CHECK(h.run("docker exec a1 ping -c1 -W1 8.8.8.8").second == 0);
}

TEST_CASE("publishing a port fails as libnetwork's iptables call does when DOCKER is gone", "[cli][iptables][daemon]") {
    TypedHost h;
    const std::string nat0 = out(h, "iptables -t nat -S");
    REQUIRE(h.run("iptables -t nat -D PREROUTING -m addrtype --dst-type LOCAL -j DOCKER").second == 0);
    REQUIRE(h.run("iptables -t nat -D OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER").second == 0);
    REQUIRE(h.run("iptables -t nat -F DOCKER").second == 0);
    REQUIRE(h.run("iptables -t nat -X DOCKER").second == 0);
    REQUIRE(h.run("docker pull -q nginx").second == 0);
    auto run = h.run("docker run -d --name web -p 8080:80 nginx");
    CHECK(run.second == 125);
    CHECK(run.first.find("docker: Error response from daemon: driver failed programming external connectivity on endpoint web (") !=
          std::string::npos);
    CHECK(run.first.find("): (iptables failed: iptables --wait -t nat -A DOCKER -p tcp -d 0/0 --dport 8080 -j DNAT "
                         "--to-destination 172.17.0.2:80 ! -i docker0: iptables: No chain/target/match by that name.\n"
                         " (exit status 1)).\n") != std::string::npos);
    CHECK(out(h, "docker inspect -f '{{.State.Status}}' web") == "created\n");
    CHECK(out(h, "ss -ltn").find(":8080") == std::string::npos);  // no docker-proxy left behind
    REQUIRE(h.run("systemctl restart docker").second == 0);
    CHECK(out(h, "iptables -t nat -S") == nat0);
    REQUIRE(h.run("docker start web").second == 0);
    CHECK(out(h, "iptables -t nat -S DOCKER").find("--to-destination 172.17.0.2:80") != std::string::npos);
}

TEST_CASE("systemctl and service answer for the units the host has", "[cli][daemon]") {
    TypedHost h;
    CHECK(h.run("systemctl restart nginx") ==
          std::pair<std::string, int>{"Failed to restart nginx.service: Unit nginx.service not found.\n", 5});
    CHECK(h.run("service docker restart") == std::pair<std::string, int>{"", 0});
    CHECK(h.run("systemctl is-active docker") == std::pair<std::string, int>{"active\n", 0});
    CHECK(h.run("systemctl start docker.service") == std::pair<std::string, int>{"", 0});
    CHECK(h.run("systemctl stop docker").second == 127);
    CHECK(h.run("docker exec nothing systemctl restart docker").second != 0);
}
