// Issue 10: net.bridge as br_netfilter has it: a directory `sysctl net.bridge` lists (its six keys,
// sorted), bridge-nf-call-ip6tables and bridge-nf-call-arptables beside bridge-nf-call-iptables,
// read and written as the kernel does (any integer, stored as 0 or 1, per namespace). Only the
// iptables switch changes what packets do: the model has no IPv6 and no arptables.
#include <catch2/catch.hpp>

#include "cli/typed_host.hpp"
#include "sim/net/kernel.hpp"
#include "sim/tools/proc_sys.hpp"

namespace {

const std::string kDefaults =
    "net.bridge.bridge-nf-call-arptables = 1\n"
    "net.bridge.bridge-nf-call-ip6tables = 1\n"
    "net.bridge.bridge-nf-call-iptables = 1\n"
    "net.bridge.bridge-nf-filter-pppoe-tagged = 0\n"
    "net.bridge.bridge-nf-filter-vlan-tagged = 0\n"
    "net.bridge.bridge-nf-pass-vlan-input-dev = 0\n";

}  // namespace

TEST_CASE("sysctl net.bridge lists br_netfilter's keys", "[cli][sysctl][bridge-nf]") {
    TypedHost h;
    CHECK(h.run("sysctl net.bridge") == std::pair<std::string, int>{kDefaults, 0});
    CHECK(h.run("sysctl net/bridge/").first == kDefaults);
    CHECK(h.run("sysctl -n net.bridge").first == "1\n1\n1\n0\n0\n0\n");
    CHECK(h.run("sysctl -w net.bridge=1") ==
          std::pair<std::string, int>{"sysctl: setting key \"net.bridge\": Is a directory\n", 255});
    // A directory the model holds only some keys of is refused, as -a is.
    const auto [ipv4, ipv4Code] = h.run("sysctl net.ipv4");
    CHECK(ipv4.starts_with("docknet: sysctl net.ipv4 is not modelled (docknet models net.bridge.bridge-nf-call-arptables, "));
    CHECK(ipv4Code == 2);
    // A container sees its own namespace's copy, busybox's sysctl walking the directory the same way.
    REQUIRE(h.run("docker pull -q alpine").second == 0);
    REQUIRE(h.run("docker run -dit --name c1 alpine").second == 0);
    CHECK(h.run("docker exec c1 sysctl net.bridge").first == kDefaults);
    CHECK(h.run("docker exec c1 sysctl -w net.bridge=1") ==
          std::pair<std::string, int>{"sysctl: error setting key 'net.bridge': Is a directory\n", 1});
}

TEST_CASE("bridge-nf-call-ip6tables and -arptables read and write as the kernel's", "[cli][sysctl][bridge-nf]") {
    TypedHost h;
    CHECK(h.run("cat /proc/sys/net/bridge/bridge-nf-call-ip6tables").first == "1\n");
    CHECK(h.run("sysctl -w net.bridge.bridge-nf-call-ip6tables=0").first == "net.bridge.bridge-nf-call-ip6tables = 0\n");
    CHECK(h.run("cat /proc/sys/net/bridge/bridge-nf-call-ip6tables").first == "0\n");
    // brnf_sysctl_call_tables stores any non-zero integer as 1.
    REQUIRE(h.run("echo 7 > /proc/sys/net/bridge/bridge-nf-call-arptables").second == 0);
    CHECK(h.run("sysctl -n net.bridge.bridge-nf-call-arptables").first == "1\n");
    REQUIRE(h.run("sysctl -w net.bridge.bridge-nf-call-arptables=0").second == 0);
    CHECK(h.run("sysctl -w net.bridge.bridge-nf-filter-vlan-tagged=-3").first == "net.bridge.bridge-nf-filter-vlan-tagged = 1\n");
    CHECK(h.run("sysctl -w net.bridge.bridge-nf-call-arptables=on") ==
          std::pair<std::string, int>{"sysctl: setting key \"net.bridge.bridge-nf-call-arptables\": Invalid argument\n", 255});
    CHECK(h.run("sysctl net.bridge.bridge-nf-call-nothing").second == 255);
    // Each switch is its own: the iptables one is untouched, and bridged traffic still obeys it.
    CHECK(h.run("sysctl -n net.bridge.bridge-nf-call-iptables").first == "1\n");
    REQUIRE(h.run("docker pull -q alpine").second == 0);
    REQUIRE(h.run("docker run -dit --name a1 alpine").second == 0);
    REQUIRE(h.run("docker run -dit --name a2 alpine").second == 0);
    REQUIRE(h.run("iptables -I DOCKER-USER -s 172.17.0.2 -d 172.17.0.3 -j DROP").second == 0);
    CHECK(h.run("docker exec a1 ping -c 1 -W 1 172.17.0.3").second == 1);
    // ARP (arptables) and IPv6 (ip6tables) are not modelled: those switches change no packet.
    REQUIRE(h.run("sysctl -w net.bridge.bridge-nf-call-arptables=1").second == 0);
    CHECK(h.run("docker exec a1 ping -c 1 -W 1 172.17.0.3").second == 1);
    // The container's namespace keeps its own values, and its /proc/sys is read-only.
    CHECK(h.run("docker exec a1 sysctl -n net.bridge.bridge-nf-call-ip6tables").first == "1\n");
    CHECK(h.run("docker exec a1 sysctl -w net.bridge.bridge-nf-call-ip6tables=0").second == 1);
}

TEST_CASE("net.bridge does not exist before br_netfilter is loaded", "[cli][sysctl][bridge-nf]") {
    sim::net::Kernel kernel;
    auto ns = kernel.createNamespace("host");
    REQUIRE(ns);
    CHECK_FALSE(sim::tools::sysctlDirectory(kernel, "net.bridge"));
    CHECK_FALSE(sim::tools::readSysctl(kernel, *ns, "net.bridge.bridge-nf-call-ip6tables"));
    CHECK_FALSE(sim::tools::writeSysctl(kernel, *ns, "net/bridge/bridge-nf-call-arptables", "0"));
    kernel.loadBrNetfilter();
    CHECK(sim::tools::sysctlDirectory(kernel, "net.bridge")->size() == 6);
    CHECK(sim::tools::readSysctl(kernel, *ns, "net/bridge/bridge-nf-call-ip6tables") == "1");
}
