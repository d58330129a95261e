// ip with CAP_NET_ADMIN changes the namespace's kernel state (issue 10: "changing addresses,
// links and routes with NET_ADMIN"), and the next packet obeys it; errors in iproute2's words.
#include <catch2/catch.hpp>

#include "cli/typed_host.hpp"

namespace {
std::pair<std::string, int> ok{"", 0};
}  // namespace

TEST_CASE("ip addr, route, link and neigh change a NET_ADMIN container's kernel", "[tools][ip][capabilities]") {
    TypedHost h;
    REQUIRE(h.run("docker pull -q alpine").second == 0);
    REQUIRE(h.run("docker run -d --name a1 --cap-add NET_ADMIN alpine sleep 1000").second == 0);
    REQUIRE(h.run("docker run -d --name a2 alpine sleep 1000").second == 0);
    // addr: the address and its connected route appear; a second add is the kernel's EEXIST.
    CHECK(h.run("docker exec a1 ip addr add 10.99.0.1/24 dev eth0") == ok);
    CHECK(h.run("docker exec a1 ip addr add 10.99.0.1/24 dev eth0") ==
          std::pair<std::string, int>{"ip: RTNETLINK answers: File exists\n", 2});
    CHECK(h.run("docker exec a1 ip -4 addr show eth0").first.find("inet 10.99.0.1/24 brd 10.99.0.255 scope global eth0") !=
          std::string::npos);
    CHECK(h.run("docker exec a1 ip route").first.find("10.99.0.0/24 dev eth0  scope link  src 10.99.0.1") != std::string::npos);
    // Docker does not notice: inspect keeps the endpoint it made.
    CHECK(h.run("docker inspect -f '{{.NetworkSettings.IPAddress}}' a1").first == "172.17.0.2\n");
    // route: a gateway must be on a link; a deleted route answers ESRCH the second time.
    CHECK(h.run("docker exec a1 ip route add 10.50.0.0/16 via 172.17.0.1") == ok);
    CHECK(h.run("docker exec a1 ip route add 10.60.0.0/16 via 10.1.1.1").second == 2);
    CHECK(h.run("docker exec a1 ip route del 10.50.0.0/16") == ok);
    CHECK(h.run("docker exec a1 ip route del 10.50.0.0/16") == std::pair<std::string, int>{"ip: RTNETLINK answers: No such process\n", 2});
    // The default route deleted: the Internet is unreachable, the bridge's subnet is not.
    CHECK(h.run("docker exec a1 ip route del default") == ok);
    CHECK(h.run("docker exec a1 ping -c1 -W1 8.8.8.8").first.find("ping: sendto: Network is unreachable") != std::string::npos);
    CHECK(h.run("docker exec a1 ping -c1 -W1 172.17.0.3").second == 0);
    CHECK(h.run("docker exec a1 ip route add default via 172.17.0.1") == ok);
    CHECK(h.run("docker exec a1 ping -c1 -W1 8.8.8.8").second == 0);
    // neigh: flushed entries are learnt again by the next ping's ARP.
    CHECK(h.run("docker exec a1 ip neigh").first.find("172.17.0.3 dev eth0 lladdr 02:42:ac:11:00:03") != std::string::npos);
    CHECK(h.run("docker exec a1 ip neigh flush all") == ok);
    CHECK(h.run("docker exec a1 ip neigh").first.find("172.17.0.3") == std::string::npos);
    CHECK(h.run("docker exec a1 ip neigh add 172.17.0.9 lladdr 02:42:ac:11:00:09 dev eth0") == ok);
    CHECK(h.run("docker exec a1 ip neigh").first.find("172.17.0.9 dev eth0 lladdr 02:42:ac:11:00:09 PERMANENT") != std::string::npos);
    CHECK(h.run("docker exec a1 ip neigh del 172.17.0.9 dev eth0") == ok);
    CHECK(h.run("docker exec a1 ip neigh del 172.17.0.9 dev eth0").second == 2);
    // link: down takes the link's routes with it; up brings back only the connected ones.
    CHECK(h.run("docker exec a1 ip link set eth0 down") == ok);
    CHECK(h.run("docker exec a1 ip route").first.empty());
    CHECK(h.run("docker exec a1 ping -c1 -W1 172.17.0.3").second != 0);
    CHECK(h.run("docker exec a1 ip link set eth0 up") == ok);
    CHECK(h.run("docker exec a1 ip route").first.find("default") == std::string::npos);
    CHECK(h.run("docker exec a1 ip link set eth9 up") == std::pair<std::string, int>{"ip: can't find device 'eth9'\n", 1});
    // Without NET_ADMIN the kernel refuses.
    CHECK(h.run("docker exec a2 ip addr add 10.99.0.2/24 dev eth0") ==
          std::pair<std::string, int>{"ip: RTNETLINK answers: Operation not permitted\n", 2});
}

TEST_CASE("ip changes on the Docker host, in iproute2's words", "[tools][ip]") {
    TypedHost h;
    CHECK(h.run("ip addr add 192.168.77.1/24 dev docker0") == ok);
    auto del = h.run("ip addr del 192.168.77.1 dev docker0");
    CHECK(del.second == 0);
    CHECK(del.first.starts_with("Warning: Executing wildcard deletion to stay compatible with old scripts.\n"));
    CHECK(h.run("ip addr show docker0").first.find("192.168.77.1") == std::string::npos);
    CHECK(h.run("ip addr add bogus dev docker0") ==
          std::pair<std::string, int>{"Error: any valid prefix is expected rather than \"bogus\".\n", 1});
    CHECK(h.run("ip addr add 10.1.0.1/24") ==
          std::pair<std::string, int>{"Not enough information: \"dev\" argument is required.\n", 255});
    CHECK(h.run("ip addr add 10.1.0.1/24 dev nope") == std::pair<std::string, int>{"Cannot find device \"nope\"\n", 1});
    CHECK(h.run("ip route add 10.70.0.1/16 dev docker0") ==
          std::pair<std::string, int>{"Error: Invalid prefix for given prefix length.\n", 2});
    CHECK(h.run("ip route add 10.70.0.0/16") == std::pair<std::string, int>{"RTNETLINK answers: No such device\n", 2});
    CHECK(h.run("ip route add 10.70.0.0/16 dev docker0") == ok);
    CHECK(h.run("ip route").first.find("10.70.0.0/16 dev docker0 scope link linkdown \n") != std::string::npos);
    CHECK(h.run("ip link set docker0 mtu 1400") == ok);
    CHECK(h.run("ip link show docker0").first.find(" mtu 1400 ") != std::string::npos);
    CHECK(h.run("ip link add v1 type dummy").second == 127);  // a link kind docknet has not: said so
    CHECK(h.run("ip -6 addr add 2001:db8::1/64 dev docker0").second == 127);
}

TEST_CASE("ifconfig and route change the kernel with NET_ADMIN, in perror's words", "[tools][ifconfig][route][capabilities]") {
    TypedHost h;
    REQUIRE(h.run("docker pull -q alpine").second == 0);
    REQUIRE(h.run("docker run -d --name a1 --cap-add NET_ADMIN alpine sleep 1000").second == 0);
    REQUIRE(h.run("docker run -d --name a2 alpine sleep 1000").second == 0);
    // SIOCSIFADDR replaces the primary address; netmask then sets its mask.
    CHECK(h.run("docker exec a1 ifconfig eth0 10.5.0.7 netmask 255.255.0.0") == ok);
    CHECK(h.run("docker exec a1 ip -4 -o addr show eth0").first.find("inet 10.5.0.7/16 brd 10.5.255.255") != std::string::npos);
    CHECK(h.run("docker exec a1 ifconfig eth0 mtu 1400") == ok);
    CHECK(h.run("docker exec a1 ip link show eth0").first.find(" mtu 1400 ") != std::string::npos);
    CHECK(h.run("docker exec a1 ifconfig eth0 down") == ok);
    CHECK(h.run("docker exec a1 ip link show eth0").first.find(" state DOWN ") != std::string::npos);
    CHECK(h.run("docker exec a1 ifconfig eth0 up") == ok);
    CHECK(h.run("docker exec a1 ifconfig eth7 up") == std::pair<std::string, int>{"ifconfig: SIOCGIFFLAGS: No such device\n", 1});
    // route: -net with a netmask or a /length, default gw; a second del is ESRCH.
    CHECK(h.run("docker exec a1 route add -net 10.80.0.0 netmask 255.255.0.0 dev eth0") == ok);
    CHECK(h.run("docker exec a1 route add default gw 10.5.0.1") == ok);
    const std::string table = h.run("docker exec a1 route -n").first;
    CHECK(table.find("0.0.0.0         10.5.0.1        0.0.0.0         UG") != std::string::npos);
    CHECK(table.find("10.80.0.0       0.0.0.0         255.255.0.0     U ") != std::string::npos);
    CHECK(h.run("docker exec a1 route del default") == ok);
    CHECK(h.run("docker exec a1 route del default") == std::pair<std::string, int>{"route: SIOCDELRT: No such process\n", 1});
    // Without the capability: EPERM, as before.
    CHECK(h.run("docker exec a2 ifconfig eth0 down") == std::pair<std::string, int>{"ifconfig: SIOCSIFFLAGS: Operation not permitted\n", 1});
    // net-tools on the host: exit 7 after perror.
    CHECK(h.run("route add -net 10.81.0.0/16 gw 10.0.2.2") == ok);
    CHECK(h.run("route del -net 10.81.0.0/16") == ok);
    CHECK(h.run("route del -net 10.81.0.0/16") == std::pair<std::string, int>{"SIOCDELRT: No such process\n", 7});
    CHECK(h.run("route add -net 10.81.0.1/16 gw 10.0.2.2") == std::pair<std::string, int>{"route: netmask doesn't match route address\n", 3});
}
