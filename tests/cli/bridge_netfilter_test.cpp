// Issue 10 items 1 and 3: enable_icc=false really stops container-to-container traffic, through
// br_netfilter and the DROP rule Docker <= 27 appends; net.bridge.bridge-nf-call-iptables is the
// switch that sends bridged frames through iptables at all.
#include <catch2/catch.hpp>

#include "cli/typed_host.hpp"

namespace {

bool pingOk(TypedHost& h, const std::string& from, const std::string& to) {
    return h.run("docker exec " + from + " ping -c 1 -W 1 " + to).second == 0;
}

}  // namespace

TEST_CASE("enable_icc=false drops traffic between containers of that network only", "[cli][icc]") {
    TypedHost h;
    REQUIRE(h.run("docker network create -o com.docker.network.bridge.enable_icc=false --subnet 10.9.0.0/24 noicc")
                .second == 0);
    REQUIRE(h.run("docker run -dit --name q1 --network noicc alpine").second == 0);
    REQUIRE(h.run("docker run -dit --name q2 --network noicc alpine").second == 0);
    REQUIRE(h.run("docker run -dit --name d1 alpine").second == 0);
    REQUIRE(h.run("docker run -dit --name d2 alpine").second == 0);
    CHECK_FALSE(pingOk(h, "q1", "10.9.0.3"));
    CHECK_FALSE(pingOk(h, "q1", "q2"));  // the name still resolves: only the packets are dropped
    CHECK(pingOk(h, "d1", "172.17.0.3"));   // docker0 keeps ICC
    CHECK(pingOk(h, "q1", "10.9.0.1"));     // the gateway (the host) is not inter-container
    CHECK(pingOk(h, "q1", "8.8.8.8"));      // nor is the outside world

    // The DROP is appended (-A FORWARD), after docker0's rules; ICC on is an ACCEPT among the bridge's own.
    const std::string rules = h.run("iptables -S FORWARD").first;
    const std::string drop = "-A FORWARD -i br-";
    const auto dropAt = rules.rfind("-j DROP");
    REQUIRE(dropAt != std::string::npos);
    CHECK(rules.substr(rules.rfind('\n', dropAt - 1) + 1).starts_with(drop));
    CHECK(rules.find("-A FORWARD -i docker0 -o docker0 -j ACCEPT") < dropAt);
    // The DROP counted the two pings' requests.
    const std::string counted = h.run("iptables -L FORWARD -v -n -x").first;
    CHECK(counted.find("       2      168 DROP       all  --  br-") != std::string::npos);
}

TEST_CASE("bridge-nf-call-iptables decides whether bridged frames see iptables", "[cli][icc]") {
    TypedHost h;
    CHECK(h.run("sysctl net.bridge.bridge-nf-call-iptables").first == "net.bridge.bridge-nf-call-iptables = 1\n");
    CHECK(h.run("cat /proc/sys/net/bridge/bridge-nf-call-iptables").first == "1\n");
    REQUIRE(h.run("docker run -dit --name a1 alpine").second == 0);
    REQUIRE(h.run("docker run -dit --name a2 alpine").second == 0);
    // A student's DOCKER-USER rule applies to traffic inside docker0 too...
    REQUIRE(h.run("iptables -I DOCKER-USER -s 172.17.0.2 -d 172.17.0.3 -j DROP").second == 0);
    CHECK_FALSE(pingOk(h, "a1", "172.17.0.3"));
    // ...until bridged frames stop going through iptables.
    CHECK(h.run("sysctl -w net.bridge.bridge-nf-call-iptables=0").first == "net.bridge.bridge-nf-call-iptables = 0\n");
    CHECK(pingOk(h, "a1", "172.17.0.3"));
    REQUIRE(h.run("echo 1 > /proc/sys/net/bridge/bridge-nf-call-iptables").second == 0);
    CHECK_FALSE(pingOk(h, "a1", "172.17.0.3"));
    // Bridged flows are tracked, as on a Docker host.
    REQUIRE(h.run("iptables -D DOCKER-USER -s 172.17.0.2 -d 172.17.0.3 -j DROP").second == 0);
    CHECK(pingOk(h, "a1", "172.17.0.3"));
    CHECK(h.run("conntrack -L").first.find("icmp     1 ") != std::string::npos);
    // Bad values are refused as proc_dointvec does.
    CHECK(h.run("sysctl -w net.bridge.bridge-nf-call-iptables=yes").second != 0);
    CHECK(h.run("sysctl net.bridge.bridge-nf-call-iptables").first == "net.bridge.bridge-nf-call-iptables = 1\n");
}

TEST_CASE("a network with ICC off turns bridge-nf-call-iptables back on", "[cli][icc]") {
    TypedHost h;
    REQUIRE(h.run("sysctl -w net.bridge.bridge-nf-call-iptables=0").second == 0);
    REQUIRE(h.run("docker network create icc1").second == 0);
    CHECK(h.run("sysctl -n net.bridge.bridge-nf-call-iptables").first == "0\n");
    REQUIRE(h.run("docker network create -o com.docker.network.bridge.enable_icc=false icc0").second == 0);
    CHECK(h.run("sysctl -n net.bridge.bridge-nf-call-iptables").first == "1\n");
}
