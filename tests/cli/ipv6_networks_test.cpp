// Issue 10 item 1: dual-stack networks (`docker network create --ipv6`): IPAM, inspect, the
// addresses and routes `ip -6` shows, /etc/hosts; IPv6 traffic is refused in docknet's words.
#include <catch2/catch.hpp>

#include "cli/typed_host.hpp"
#include "sim/docker/ipv6_ipam.hpp"

namespace {
std::string out(TypedHost& h, const std::string& line) { return h.run(line).first; }
}  // namespace

TEST_CASE("an --ipv6 network is dual stack, its IPv6 subnet shown as configured", "[cli][ipv6]") {
    TypedHost h;
    REQUIRE(h.run("docker network create --ipv6 --subnet 2001:db8::/64 ip6net").second == 0);
    CHECK(out(h, "docker network inspect -f '{{.EnableIPv6}} {{json .IPAM.Config}}' ip6net") ==
          "true [{\"Subnet\":\"172.18.0.0/16\",\"Gateway\":\"172.18.0.1\"},{\"Subnet\":\"2001:db8::/64\"}]\n");
    REQUIRE(h.run("docker pull -q alpine").second == 0);
    REQUIRE(h.run("docker run -d --name a1 --network ip6net alpine sleep 1000").second == 0);
    REQUIRE(h.run("docker run -d --name a2 --network ip6net --ip6 2001:db8::33 alpine sleep 1000").second == 0);
    // IPAM hands out ::1 (the gateway) first, then ::2; --ip6 takes the address asked for.
    const std::string members = out(h, "docker network inspect -f '{{range .Containers}}{{.Name}} {{.IPv6Address}},{{end}}' ip6net");
    CHECK(members.find("a1 2001:db8::2/64,") != std::string::npos);
    CHECK(members.find("a2 2001:db8::33/64,") != std::string::npos);
    CHECK(out(h, "docker inspect -f '{{range .NetworkSettings.Networks}}{{.GlobalIPv6Address}} {{.GlobalIPv6PrefixLen}} "
                 "{{.IPv6Gateway}} {{json .IPAMConfig}}{{end}}' a2") ==
          "2001:db8::33 64 2001:db8::1 {\"IPv6Address\":\"2001:db8::33\"}\n");
    // The container's eth0: the global address (libnetwork adds it nodad), then the kernel's
    // EUI-64 link-local one from the MAC; lo has ::1.
    CHECK(out(h, "docker exec a1 ip -6 addr") ==
          "1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN qlen 1000\n"
          "    inet6 ::1/128 scope host \n       valid_lft forever preferred_lft forever\n"
          "5: eth0@if6: <BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN> mtu 1500 qdisc noqueue state UP \n"
          "    inet6 2001:db8::2/64 scope global \n       valid_lft forever preferred_lft forever\n"
          "    inet6 fe80::42:acff:fe12:2/64 scope link \n       valid_lft forever preferred_lft forever\n");
    CHECK(out(h, "docker exec a1 ip -6 route") ==
          "::1 dev lo proto kernel metric 256 pref medium\n"
          "2001:db8::/64 dev eth0 proto kernel metric 256 pref medium\n"
          "fe80::/64 dev eth0 proto kernel metric 256 pref medium\n"
          "default via 2001:db8::1 dev eth0 metric 1024 pref medium\n");
    CHECK(out(h, "docker exec a1 ip -4 addr show eth0").find("inet6") == std::string::npos);
    CHECK(out(h, "docker exec a1 ifconfig eth0").find("          inet6 addr: 2001:db8::2/64 Scope:Global\n") != std::string::npos);
    // The bridge holds the gateway and fe80::1 (the daemon's link-local address for it).
    const std::string bridge = out(h, "ip -6 addr");
    CHECK(bridge.find("    inet6 2001:db8::1/64 scope global nodad \n") != std::string::npos);
    CHECK(bridge.find("    inet6 fe80::1/64 scope link \n") != std::string::npos);
    CHECK(out(h, "ip -6 route").starts_with("2001:db8::/64 dev br-"));
    // /etc/hosts: the container's IPv6 address follows its IPv4 one.
    const std::string hosts = out(h, "docker exec a1 cat /etc/hosts");
    CHECK(hosts.find("\n172.18.0.2\t") != std::string::npos);
    CHECK(hosts.find("\n2001:db8::2\t") != std::string::npos);
    // Docker's DNS answers AAAA queries with the IPv6 address: busybox nslookup's second block,
    // getent's AF_INET6 lookup (glibc asks for it first).
    CHECK(out(h, "docker exec a1 nslookup a2") ==
          "Server:\t\t127.0.0.11\nAddress:\t127.0.0.11:53\n\nNon-authoritative answer:\nName:\ta2\nAddress: 172.18.0.3\n\n"
          "Non-authoritative answer:\nName:\ta2\nAddress: 2001:db8::33\n\n");
    REQUIRE(h.run("docker pull -q debian").second == 0);
    CHECK(out(h, "docker run --rm --network ip6net debian getent hosts a2") == "2001:db8::33    a2\n");
    // On an IPv4-only network the AAAA query gets an empty answer and getent falls back to A.
    REQUIRE(h.run("docker network create v4only").second == 0);
    REQUIRE(h.run("docker run -d --name b1 --network v4only alpine sleep 1000").second == 0);
    CHECK(out(h, "docker run --rm --network v4only debian getent hosts b1") == "172.19.0.2      b1\n");
    CHECK(out(h, "docker exec b1 ip -6 addr") == "");
    // Traffic is IPv4 only: said so, not "bad address".
    auto ping = h.run("docker exec a1 ping -c1 2001:db8::33");
    CHECK(ping.first.find("IPv6 echo requests are not modelled") != std::string::npos);
    CHECK(ping.second == 2);
    // The address comes back to IPAM when the container goes.
    REQUIRE(h.run("docker rm -f a2").second == 0);
    REQUIRE(h.run("docker run -d --name a3 --network ip6net --ip6 2001:db8::33 alpine sleep 1000").second == 0);
}

TEST_CASE("an --ipv6 network without a subnet gets a /64 of the host's ULA base", "[cli][ipv6]") {
    TypedHost h;
    REQUIRE(h.run("docker network create --ipv6 u1").second == 0);
    REQUIRE(h.run("docker network create --ipv6 u2").second == 0);
    const auto base = sim::docker::ulaBaseFor("4f8b2c1e-7d3a-4b6e-9c52-1a0e8f3d6b27");
    CHECK(base.length() == 48);
    CHECK(base.address().group(0) >> 8 == 0xfd);
    const std::string first = base.network().address().toString();  // "fdXX:XXXX:XXXX::"
    const std::string second = sim::wire::Ipv6Prefix(sim::wire::Ipv6Address(base.address().high() | 1, 0), 64).toString();
    CHECK(out(h, "docker network inspect -f '{{json .IPAM.Config}}' u1") ==
          "[{\"Subnet\":\"172.18.0.0/16\",\"Gateway\":\"172.18.0.1\"},{\"Subnet\":\"" + first + "/64\",\"Gateway\":\"" + first +
              "1\"}]\n");
    CHECK(out(h, "docker network inspect -f '{{(index .IPAM.Config 1).Subnet}}' u2") == second + "\n");
    // No configured IPv6 subnet: --ip6 is refused at create time, leaving no container.
    auto r = h.run("docker run --network u1 --ip6 fd00::5 alpine true");
    CHECK(r.first.find("user specified IP address is supported only when connecting to networks with user configured subnets") !=
          std::string::npos);
    CHECK(out(h, "docker ps -aq") == "");
}

TEST_CASE("IPv6 IPAM refusals in the CLI's and the daemon's words", "[cli][ipv6]") {
    TypedHost h;
    REQUIRE(h.run("docker network create --ipv6 --subnet 2001:db8::/64 one").second == 0);
    CHECK(out(h, "docker network create --ipv6 --subnet 2001:db8::/64 two") ==
          "Error response from daemon: invalid pool request: Pool overlaps with other one on this address space\n");
    CHECK(out(h, "docker network create --ipv6 --subnet 2001:db8:5::1/64 three") ==
          "Error response from daemon: invalid network config:\ninvalid subnet 2001:db8:5::1/64: it should be 2001:db8:5::/64\n");
    CHECK(out(h, "docker network create --ipv6 --subnet 2001:db8:6::/64 --gateway 2001:db8:7::1 four") ==
          "no matching subnet for gateway 2001:db8:7::1\n");
    auto r = h.run("docker network create --ipv6 --subnet 10.9.0.0/24 --subnet 2001:db8:8::/64 --gateway 2001:db8:8::fe "
                   "--ip-range 2001:db8:8::100/120 five");
    REQUIRE(r.second == 0);
    CHECK(out(h, "docker network inspect -f '{{json .IPAM.Config}}' five") ==
          "[{\"Subnet\":\"10.9.0.0/24\"},{\"Subnet\":\"2001:db8:8::/64\",\"IPRange\":\"2001:db8:8::100/120\",\"Gateway\":\"2001:db8:8::fe\"}]\n");
    REQUIRE(h.run("docker pull -q alpine").second == 0);
    REQUIRE(h.run("docker run -d --name r1 --network five alpine sleep 1000").second == 0);
    CHECK(out(h, "docker inspect -f '{{range .NetworkSettings.Networks}}{{.GlobalIPv6Address}} {{.IPv6Gateway}}{{end}}' r1") ==
          "2001:db8:8::100 2001:db8:8::fe\n");
    CHECK(out(h, "docker run --rm --network five --ip6 2001:db8:9::1 alpine true").find(
              "no configured subnet or ip-range contain the IP address 2001:db8:9::1") != std::string::npos);
    // Without --ipv6 the daemon keeps the IPv6 subnet unchecked and allocates nothing from it.
    REQUIRE(h.run("docker network create --subnet 2001:db8:a::5/64 kept").second == 0);
    CHECK(out(h, "docker network inspect -f '{{.EnableIPv6}} {{json .IPAM.Config}}' kept") ==
          "false [{\"Subnet\":\"172.19.0.0/16\",\"Gateway\":\"172.19.0.1\"},{\"Subnet\":\"2001:db8:a::5/64\"}]\n");
    CHECK(out(h, "docker network create --ipv6 --subnet 2001:db8:b::/64 --subnet 2001:db8:c::/64 six").starts_with("docknet: "));
}
