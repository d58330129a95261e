// Linux capabilities as docker run gives them: a container without CAP_NET_ADMIN cannot change
// its network (the tools' own EPERM words), --cap-add NET_ADMIN (any spelling) or --privileged
// lets it, /proc/sys stays read-only unless --privileged, ping keeps working without NET_RAW
// (Docker sets net.ipv4.ping_group_range), unknown names are the daemon's refusal, and inspect
// shows HostConfig.CapAdd / CapDrop / Privileged as Docker does.
#include <catch2/catch.hpp>

#include "cli/typed_host.hpp"

namespace {

void pullImages(TypedHost& h) {
    REQUIRE(h.run("docker pull alpine").second == 0);
    REQUIRE(h.run("docker pull debian").second == 0);
}

}  // namespace

TEST_CASE("without NET_ADMIN the network tools get the kernel's Operation not permitted", "[cli][capabilities]") {
    TypedHost h;
    pullImages(h);
    // busybox (alpine): its applets name themselves; ip sets a link up or down by ioctl.
    REQUIRE(h.run("docker run -dit --name plain alpine").second == 0);
    CHECK(h.run("docker exec plain ip addr add 10.9.9.9/24 dev eth0") ==
          std::pair<std::string, int>{"ip: RTNETLINK answers: Operation not permitted\n", 2});
    CHECK(h.run("docker exec plain ip link set eth0 down") ==
          std::pair<std::string, int>{"ip: SIOCSIFFLAGS: Operation not permitted\n", 1});
    CHECK(h.run("docker exec plain ip route add 10.1.0.0/16 via 172.17.0.1") ==
          std::pair<std::string, int>{"ip: RTNETLINK answers: Operation not permitted\n", 2});
    CHECK(h.run("docker exec plain ifconfig eth0 down") ==
          std::pair<std::string, int>{"ifconfig: SIOCSIFFLAGS: Operation not permitted\n", 1});
    CHECK(h.run("docker exec plain ifconfig eth0 10.9.9.9") ==
          std::pair<std::string, int>{"ifconfig: SIOCSIFADDR: Operation not permitted\n", 1});
    CHECK(h.run("docker exec plain route add default gw 172.17.0.1") ==
          std::pair<std::string, int>{"route: SIOCADDRT: Operation not permitted\n", 1});
    // Nothing changed.
    CHECK(h.run("docker exec plain ip addr show eth0").first.find("inet 172.17.0.2/16") != std::string::npos);

    // iproute2 and net-tools (Debian): netlink for every ip change, perror's bare words.
    REQUIRE(h.run("docker run -dit --name deb debian").second == 0);
    REQUIRE(h.run("docker exec deb apt-get update").second == 0);
    REQUIRE(h.run("docker exec deb apt-get install -y iproute2 net-tools").second == 0);
    CHECK(h.run("docker exec deb ip link set eth0 down") ==
          std::pair<std::string, int>{"RTNETLINK answers: Operation not permitted\n", 2});
    CHECK(h.run("docker exec deb ip addr add 10.9.9.9/24 dev eth0") ==
          std::pair<std::string, int>{"RTNETLINK answers: Operation not permitted\n", 2});
    CHECK(h.run("docker exec deb ifconfig eth0 mtu 1400") ==
          std::pair<std::string, int>{"SIOCSIFMTU: Operation not permitted\n", 1});
    CHECK(h.run("docker exec deb route del default") == std::pair<std::string, int>{"SIOCDELRT: Operation not permitted\n", 7});
}

TEST_CASE("NET_ADMIN in any spelling or --privileged passes the permission check", "[cli][capabilities]") {
    TypedHost h;
    pullImages(h);
    for (const std::string flag : {"--cap-add NET_ADMIN", "--cap-add net_admin", "--cap-add CAP_NET_ADMIN",
                                   "--cap-add ALL", "--privileged"}) {
        INFO(flag);
        const std::string name = "c" + std::to_string(flag.size()) + (flag.find("net_") != std::string::npos ? "l" : "u");
        REQUIRE(h.run("docker run -dit --name " + name + " " + flag + " alpine").second == 0);
        const auto [out, status] = h.run("docker exec " + name + " ip link set eth0 down");
        // Past the kernel's check: the link goes down, never EPERM.
        CHECK(out.empty());
        CHECK(status == 0);
        CHECK(h.run("docker exec " + name + " ip link show eth0").first.find(" state DOWN ") != std::string::npos);
    }
}

TEST_CASE("docker run --cap-drop NET_ADMIN on top of ALL and --cap-drop ALL leave the container without it", "[cli][capabilities]") {
    TypedHost h;
    pullImages(h);
    REQUIRE(h.run("docker run -dit --name d1 --cap-add ALL --cap-drop NET_ADMIN alpine").second == 0);
    CHECK(h.run("docker exec d1 ip link set eth0 down").first == "ip: SIOCSIFFLAGS: Operation not permitted\n");
    REQUIRE(h.run("docker run -dit --name d2 --cap-drop ALL alpine").second == 0);
    CHECK(h.run("docker exec d2 ip addr add 10.9.9.9/24 dev eth0").first == "ip: RTNETLINK answers: Operation not permitted\n");
    // docker exec --privileged gives that one process every capability.
    CHECK(h.run("docker exec --privileged d2 ip link set eth0 down") == std::pair<std::string, int>{"", 0});
    CHECK(h.run("docker exec d2 ip link show eth0").first.find(" state DOWN ") != std::string::npos);
}

TEST_CASE("ping needs no NET_RAW: Docker opens ICMP echo sockets to every group", "[cli][capabilities]") {
    TypedHost h;
    pullImages(h);
    REQUIRE(h.run("docker run -dit --name noraw --cap-drop NET_RAW alpine").second == 0);
    const auto [out, status] = h.run("docker exec noraw ping -c 1 172.17.0.1");
    CHECK(status == 0);
    CHECK(out.find("1 packets received") != std::string::npos);
}

TEST_CASE("iptables in a container needs NET_ADMIN", "[cli][capabilities]") {
    TypedHost h;
    pullImages(h);
    REQUIRE(h.run("docker run -dit --name fw alpine").second == 0);
    REQUIRE(h.run("docker exec fw apk add iptables").second == 0);
    CHECK(h.run("docker exec fw iptables -A INPUT -j DROP") ==
          std::pair<std::string, int>{
              "iptables v1.8.9 (nf_tables): Could not fetch rule set generation id: Permission denied (you must be root)\n", 4});
    CHECK(h.run("docker exec fw iptables -L").second == 4);
    REQUIRE(h.run("docker run -dit --name fw2 --cap-add NET_ADMIN alpine").second == 0);
    REQUIRE(h.run("docker exec fw2 apk add iptables").second == 0);
    CHECK(h.run("docker exec fw2 iptables -A INPUT -s 10.0.0.1 -j DROP").second == 0);
    CHECK(h.run("docker exec fw2 iptables -S INPUT").first == "-P INPUT ACCEPT\n-A INPUT -s 10.0.0.1/32 -j DROP\n");
}

TEST_CASE("/proc/sys is read-only in a container unless it is privileged", "[cli][capabilities]") {
    TypedHost h;
    pullImages(h);
    REQUIRE(h.run("docker run -dit --name p1 --cap-add NET_ADMIN alpine").second == 0);
    CHECK(h.run("docker exec p1 sysctl -w net.ipv4.ip_forward=1") ==
          std::pair<std::string, int>{"sysctl: error setting key 'net.ipv4.ip_forward': Read-only file system\n", 1});
    CHECK(h.run("docker exec p1 sysctl -n net.ipv4.ip_forward").first == "0\n");
    REQUIRE(h.run("docker run -dit --name p2 debian").second == 0);
    REQUIRE(h.run("docker exec p2 apt-get update").second == 0);
    REQUIRE(h.run("docker exec p2 apt-get install -y procps").second == 0);
    CHECK(h.run("docker exec p2 sysctl -w net.ipv4.ip_forward=1") ==
          std::pair<std::string, int>{"sysctl: setting key \"net.ipv4.ip_forward\": Read-only file system\n", 255});
    REQUIRE(h.run("docker run -dit --name p3 --privileged alpine").second == 0);
    CHECK(h.run("docker exec p3 sysctl -w net.ipv4.ip_forward=1") == std::pair<std::string, int>{"net.ipv4.ip_forward = 1\n", 0});
    CHECK(h.run("docker exec p3 sh -c 'echo 0 > /proc/sys/net/ipv4/ip_forward'").second == 0);
    CHECK(h.run("docker exec p3 cat /proc/sys/net/ipv4/ip_forward").first == "0\n");
    // Writable by root only, even there.
    CHECK(h.run("docker exec -u nobody p3 sysctl -w net.ipv4.ip_forward=1") ==
          std::pair<std::string, int>{"sysctl: error setting key 'net.ipv4.ip_forward': Permission denied\n", 1});
    CHECK(h.run("docker exec -u nobody p3 sh -c 'echo 1 > /proc/sys/net/ipv4/ip_forward'") ==
          std::pair<std::string, int>{"ash: can't create /proc/sys/net/ipv4/ip_forward: Permission denied\n", 1});
    CHECK(h.run("docker exec p1 sh -c 'echo 1 > /proc/sys/net/ipv4/ip_forward'") ==
          std::pair<std::string, int>{"ash: can't create /proc/sys/net/ipv4/ip_forward: Read-only file system\n", 1});
}

TEST_CASE("an unknown capability is the daemon's refusal and leaves no container", "[cli][capabilities]") {
    TypedHost h;
    pullImages(h);
    CHECK(h.run("docker run -d --cap-add FOO alpine") ==
          std::pair<std::string, int>{
              "docker: Error response from daemon: invalid CapAdd: unknown capability: \"CAP_FOO\".\nSee 'docker run --help'.\n", 125});
    CHECK(h.run("docker create --cap-drop net_bogus alpine") ==
          std::pair<std::string, int>{
              "docker: Error response from daemon: invalid CapDrop: unknown capability: \"CAP_NET_BOGUS\".\nSee 'docker create --help'.\n",
              125});
    CHECK(h.run("docker ps -aq").first.empty());
}

TEST_CASE("inspect shows CapAdd, CapDrop and Privileged as given", "[cli][capabilities]") {
    TypedHost h;
    pullImages(h);
    REQUIRE(h.run("docker create --name none alpine").second == 0);
    CHECK(h.run("docker inspect -f '{{json .HostConfig.CapAdd}} {{json .HostConfig.CapDrop}} {{.HostConfig.Privileged}}' none")
              .first == "null null false\n");
    REQUIRE(h.run("docker create --name some --cap-add net_admin --cap-add SYS_TIME --cap-drop NET_RAW alpine").second == 0);
    CHECK(h.run("docker inspect -f '{{json .HostConfig.CapAdd}} {{json .HostConfig.CapDrop}}' some").first ==
          "[\"net_admin\",\"SYS_TIME\"] [\"NET_RAW\"]\n");
    REQUIRE(h.run("docker create --name priv --privileged alpine").second == 0);
    CHECK(h.run("docker inspect -f '{{.HostConfig.Privileged}} {{json .HostConfig.MaskedPaths}} {{json .HostConfig.ReadonlyPaths}}' priv")
              .first == "true null null\n");
}

TEST_CASE("ip link add, del and master make and wire interfaces, as iproute2 does", "[cli][ip][link]") {
    TypedHost h;
    // On the host (root): a bridge and a veth pair, one end on the bridge.
    CHECK(h.run("ip link add br-lab type bridge") == std::pair<std::string, int>{"", 0});
    CHECK(h.run("ip link add vlab0 type veth peer name vlab1").second == 0);
    CHECK(h.run("ip link set vlab0 master br-lab").second == 0);
    CHECK(h.run("ip -br link show vlab0").first.find("vlab0@vlab1") != std::string::npos);
    CHECK(h.run("ip link show vlab0").first.find("vlab0@vlab1: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 qdisc noop master br-lab") !=
          std::string::npos);
    CHECK(h.run("ip link add br-lab type bridge") == std::pair<std::string, int>{"RTNETLINK answers: File exists\n", 2});
    CHECK(h.run("ip link add x1 type foo") == std::pair<std::string, int>{"Error: Unknown device type.\n", 2});
    CHECK(h.run("ip link add x1") ==
          std::pair<std::string, int>{"Not enough information: \"type\" argument is required\n", 255});
    CHECK(h.run("ip link set vlab0 master nosuch") ==
          std::pair<std::string, int>{"Error: argument \"nosuch\" is wrong: Device does not exist\n\n", 255});
    CHECK(h.run("ip link set vlab0 nomaster").second == 0);
    CHECK(h.run("ip link show vlab0").first.find("master") == std::string::npos);
    // A veth goes with its peer; a name that is not there is iproute2's error.
    CHECK(h.run("ip link del vlab1").second == 0);
    CHECK(h.run("ip link show vlab0") == std::pair<std::string, int>{"Device \"vlab0\" does not exist.\n", 1});
    CHECK(h.run("ip link delete dev br-lab").second == 0);
    CHECK(h.run("ip link del br-lab") == std::pair<std::string, int>{"Cannot find device \"br-lab\"\n", 1});
    // What the daemon made is not deleted behind its back.
    const auto [out, code] = h.run("ip link del docker0");
    CHECK(code == 127);
    CHECK(out.find("docknet: ip link del docker0: deleting an interface Docker or the lab made is not modelled") == 0);
    CHECK(h.run("ip link del eth0").second == 127);
    CHECK(h.run("ip link del lo") == std::pair<std::string, int>{"RTNETLINK answers: Operation not supported\n", 2});
}

TEST_CASE("ip link add in a container needs NET_ADMIN, and its eth0 stays", "[cli][ip][link][capabilities]") {
    TypedHost h;
    REQUIRE(h.run("docker pull -q alpine").second == 0);
    REQUIRE(h.run("docker run -d --name plain alpine sleep 1000").second == 0);
    CHECK(h.run("docker exec plain ip link add d0 type bridge") ==
          std::pair<std::string, int>{"ip: RTNETLINK answers: Operation not permitted\n", 2});
    REQUIRE(h.run("docker run -d --name admin --cap-add NET_ADMIN alpine sleep 1000").second == 0);
    CHECK(h.run("docker exec admin ip link add d0 type bridge").second == 0);
    CHECK(h.run("docker exec admin ip link show d0").first.find(": d0: <BROADCAST,MULTICAST> mtu 1500") != std::string::npos);
    CHECK(h.run("ip link show d0").second == 1);  // in the container's namespace only
    CHECK(h.run("docker exec admin ip link del eth0").second == 127);
    CHECK(h.run("docker exec admin ip link del d0").second == 0);
}
