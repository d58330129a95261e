// Issue 10 item 9: interface indexes as the kernel numbers Docker's veths, and the host's NIC.
#include <catch2/catch.hpp>

#include "cli/typed_host.hpp"

TEST_CASE("a container's eth0 is registered before its host veth", "[cli][links]") {
    TypedHost h;
    REQUIRE(h.run("docker run -dit --name a1 alpine").second == 0);
    REQUIRE(h.run("docker run -dit --name a2 alpine").second == 0);
    // veth_newlink registers libnetwork's peer (the container end) first: N: eth0@ifN+1.
    CHECK(h.run("docker exec a1 ip -o link show eth0").first.starts_with("4: eth0@if5: "));
    CHECK(h.run("docker exec a2 ip -o link show eth0").first.starts_with("6: eth0@if7: "));
    const std::string host = h.run("ip -br link").first;
    CHECK(host.find("@if4 ") != std::string::npos);
    CHECK(host.find("@if6 ") != std::string::npos);
    // Each host veth's peer namespace has its own netnsid, from 0.
    const std::string links = h.run("ip link").first;
    CHECK(links.find("link-netnsid 0") != std::string::npos);
    CHECK(links.find("link-netnsid 1") != std::string::npos);
    CHECK(links.find("link-netnsid 2") == std::string::npos);
}

TEST_CASE("the host's eth0 is shown as a physical NIC", "[cli][links]") {
    TypedHost h;
    const std::string links = h.run("ip link show eth0").first;
    CHECK(links ==
          "2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc fq_codel state UP mode DEFAULT group default "
          "qlen 1000\n    link/ether 52:54:00:12:34:56 brd ff:ff:ff:ff:ff:ff\n");
    REQUIRE(h.run("docker run -d --name web --network host nginx").second == 0);
    // A host-mode container sees the same NIC (nginx has no ip: use the host's view through busybox).
    REQUIRE(h.run("docker run -dit --name hb --network host busybox").second == 0);
    CHECK(h.run("docker exec hb ip link show eth0").first.starts_with("2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> "));
    CHECK(h.run("ifconfig eth0").first.find("txqueuelen 1000  (Ethernet)") != std::string::npos);
}

TEST_CASE("ip link show selects by master, type, up and dev as ipaddress.c filters", "[cli][links]") {
    TypedHost h;
    REQUIRE(h.run("docker run -dit --name a1 alpine").second == 0);
    REQUIRE(h.run("docker run -dit --name a2 alpine").second == 0);
    // Only docker0's two ports, not docker0 itself.
    const std::string ports = h.run("ip -o link show master docker0").first;
    CHECK(ports.starts_with("5: veth"));
    CHECK(ports.find("\n7: veth") != std::string::npos);
    CHECK(h.run("ip -o link show master docker0 | wc -l").first == "2\n");
    CHECK(h.run("ip -br link show type bridge").first.starts_with("docker0 "));
    CHECK(h.run("ip -o link show type veth | wc -l").first == "2\n");
    CHECK(h.run("ip -o link show nomaster | wc -l").first == "3\n");  // lo, eth0, docker0
    CHECK(h.run("ip -o link show up dev lo").first.starts_with("1: lo: "));
    CHECK(h.run("ip link show master nosuch") ==
          std::pair<std::string, int>{"Error: argument \"nosuch\" is wrong: Device does not exist\n", 255});
    CHECK(h.run("ip link show eth0 lo") ==
          std::pair<std::string, int>{"Error: either \"dev\" is duplicate, or \"lo\" is a garbage.\n", 255});
    CHECK(h.run("ip link show nosuch") == std::pair<std::string, int>{"Device \"nosuch\" does not exist.\n", 1});
    CHECK(h.run("ip link show master") ==
          std::pair<std::string, int>{"Command line is not complete. Try option \"help\"\n", 255});
}
