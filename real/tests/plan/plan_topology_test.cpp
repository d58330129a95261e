// The KernelPlan of the tutorial's topologies: namespaces, veths, bridges, addresses, routes,
// sysctls and files, as real/ will build them.
#include <algorithm>
#include <set>

#include "plan_fixture.hpp"

using sim::plan::KernelPlan;
using sim::plan::PlanVeth;

namespace {

std::set<std::string> namespaceNames(const KernelPlan& p) {
    std::set<std::string> out;
    for (const auto& n : p.namespaces) out.insert(n.name);
    return out;
}

const PlanVeth* vethTo(const KernelPlan& p, const std::string& peerNs) {
    for (const auto& v : p.veths)
        if (v.peerNs == peerNs || v.ns == peerNs) return &v;
    return nullptr;
}

bool hasAddress(const KernelPlan& p, const std::string& ns, const std::string& dev, const std::string& prefix) {
    return std::any_of(p.addresses.begin(), p.addresses.end(),
                       [&](const auto& a) { return a.ns == ns && a.dev == dev && a.prefix == prefix; });
}

bool hasDefaultRoute(const KernelPlan& p, const std::string& ns, const std::string& via, const std::string& dev) {
    return std::any_of(p.routes.begin(), p.routes.end(), [&](const auto& r) {
        return r.ns == ns && r.destination == "0.0.0.0/0" && r.gateway == via && r.dev == dev;
    });
}

bool hasSysctl(const KernelPlan& p, const std::string& ns, const std::string& key, const std::string& value) {
    return std::any_of(p.sysctls.begin(), p.sysctls.end(),
                       [&](const auto& s) { return s.ns == ns && s.key == key && s.value == value; });
}

/// The container end of a veth (the end not in docknet-host) and its host end.
struct VethEnds {
    std::string containerDev, containerMac, hostDev, hostMaster;
};
VethEnds endsOf(const PlanVeth& v) {
    if (v.ns == "docknet-host") return {v.peerName, v.peerMac, v.name, v.master};
    return {v.name, v.mac, v.peerName, v.peerMaster};
}

/// Nothing may live outside the namespaces the plan itself creates (the machine's root
/// namespace is never touched), and every namespace is named docknet-*.
void requireSelfContained(const KernelPlan& p) {
    const auto names = namespaceNames(p);
    for (const auto& n : names) REQUIRE(n.rfind("docknet-", 0) == 0);
    for (const auto& v : p.veths) {
        REQUIRE(names.contains(v.ns));
        REQUIRE(names.contains(v.peerNs));
        REQUIRE(v.name.size() <= 15);
        REQUIRE(v.peerName.size() <= 15);
    }
    for (const auto& b : p.bridges) {
        REQUIRE(names.contains(b.ns));
        REQUIRE(b.name.size() <= 15);
    }
    for (const auto& a : p.addresses) REQUIRE(names.contains(a.ns));
    for (const auto& r : p.routes) REQUIRE(names.contains(r.ns));
    for (const auto& s : p.sysctls) REQUIRE(names.contains(s.ns));
    for (const auto& r : p.rulesets) REQUIRE(names.contains(r.ns));
    for (const auto& f : p.files) REQUIRE(names.contains(f.ns));
}

}  // namespace

TEST_CASE("default bridge with two containers: host, router, one namespace per container", "[plan]") {
    auto host = plan_test::hostAfter("default_bridge.sh");
    const KernelPlan p = sim::plan::derivePlan(*host);
    requireSelfContained(p);
    CHECK(namespaceNames(p) == std::set<std::string>{"docknet-host", "docknet-router", "docknet-alpine1", "docknet-alpine2"});

    // The uplink: host eth0 10.0.2.15/24 <-> router eth0 10.0.2.2/24, both made inside the lab.
    const PlanVeth* up = vethTo(p, "docknet-router");
    REQUIRE(up);
    CHECK(up->ns == "docknet-host");
    CHECK(up->name == "eth0");
    CHECK(up->peerName == "eth0");
    CHECK(up->mac == "52:54:00:12:34:56");
    CHECK(hasAddress(p, "docknet-host", "eth0", "10.0.2.15/24"));
    CHECK(hasAddress(p, "docknet-router", "eth0", "10.0.2.2/24"));
    CHECK(hasDefaultRoute(p, "docknet-host", "10.0.2.2", "eth0"));

    REQUIRE(p.bridges.size() == 1);
    CHECK(p.bridges[0].ns == "docknet-host");
    CHECK(p.bridges[0].name == "docker0");
    CHECK(hasAddress(p, "docknet-host", "docker0", "172.17.0.1/16"));

    int n = 2;
    for (const char* c : {"docknet-alpine1", "docknet-alpine2"}) {
        INFO(c);
        const PlanVeth* v = vethTo(p, c);
        REQUIRE(v);
        const VethEnds e = endsOf(*v);
        CHECK(e.containerDev == "eth0");
        CHECK(e.containerMac == "02:42:ac:11:00:0" + std::to_string(n));
        CHECK(e.hostDev.rfind("veth", 0) == 0);
        CHECK(e.hostMaster == "docker0");
        CHECK(hasAddress(p, c, "eth0", "172.17.0." + std::to_string(n) + "/16"));
        CHECK(hasDefaultRoute(p, c, "172.17.0.1", "eth0"));
        CHECK(hasSysctl(p, c, "net/ipv4/ping_group_range", "0 2147483647"));
        CHECK(hasSysctl(p, c, "net/ipv4/ip_forward", "0"));
        ++n;
    }
    CHECK(hasSysctl(p, "docknet-host", "net/ipv4/ip_forward", "1"));
    CHECK(p.veths.size() == 3);

    // Each container's /etc/netns files carry what the container sees.
    int files = 0;
    for (const auto& f : p.files) {
        if (f.ns != "docknet-alpine1") continue;
        ++files;
        if (f.name == "hosts") CHECK(f.content.find("172.17.0.2") != std::string::npos);
        if (f.name == "resolv.conf") CHECK(f.content.find("nameserver") != std::string::npos);
    }
    CHECK(files == 2);

    REQUIRE(p.rulesets.size() == 1);
    CHECK(p.rulesets[0].ns == "docknet-host");
    CHECK(p.rulesets[0].text.find("oifname != \"docker0\" ip saddr 172.17.0.0/16 counter masquerade") != std::string::npos);

    const std::string d = p.describe();
    CHECK(d.find("netns docknet-alpine1") != std::string::npos);
    CHECK(d.find("master docker0") != std::string::npos);
}

TEST_CASE("a user-defined network gets its own br- bridge and subnet, isolated from docker0", "[plan]") {
    auto host = plan_test::hostAfter("user_network.sh");
    const KernelPlan p = sim::plan::derivePlan(*host);
    requireSelfContained(p);
    CHECK(namespaceNames(p) ==
          std::set<std::string>{"docknet-host", "docknet-router", "docknet-nginx2", "docknet-nginx3", "docknet-web"});
    REQUIRE(p.bridges.size() == 2);
    std::string br;
    for (const auto& b : p.bridges)
        if (b.name != "docker0") br = b.name;
    CHECK(br.rfind("br-", 0) == 0);
    CHECK(br.size() == 15);
    CHECK(hasAddress(p, "docknet-host", br, "172.18.0.1/16"));
    for (const char* c : {"docknet-nginx2", "docknet-nginx3"}) {
        INFO(c);
        const PlanVeth* v = vethTo(p, c);
        REQUIRE(v);
        CHECK(endsOf(*v).hostMaster == br);
        CHECK(hasDefaultRoute(p, c, "172.18.0.1", "eth0"));
    }
    CHECK(endsOf(*vethTo(p, "docknet-web")).hostMaster == "docker0");
    CHECK(hasAddress(p, "docknet-nginx2", "eth0", "172.18.0.2/16"));
    CHECK(hasAddress(p, "docknet-nginx3", "eth0", "172.18.0.3/16"));
    CHECK(hasAddress(p, "docknet-web", "eth0", "172.17.0.2/16"));

    REQUIRE(p.rulesets.size() == 1);
    const std::string& rules = p.rulesets[0].text;
    CHECK(rules.find("add rule ip docknet filter_DOCKER_ISOLATION_STAGE_2 oifname \"" + br + "\" counter drop") != std::string::npos);
    CHECK(rules.find("iifname \"" + br + "\" oifname != \"" + br + "\" counter jump filter_DOCKER_ISOLATION_STAGE_2") !=
          std::string::npos);

    for (const auto& f : p.files)
        if (f.ns == "docknet-nginx2" && f.name == "resolv.conf") CHECK(f.content.find("127.0.0.11") != std::string::npos);
}

TEST_CASE("a published port becomes DNAT in docknet-host's table", "[plan]") {
    auto host = plan_test::hostAfter("published_port.sh");
    const KernelPlan p = sim::plan::derivePlan(*host);
    requireSelfContained(p);
    REQUIRE(p.rulesets.size() == 1);
    const std::string& rules = p.rulesets[0].text;
    CHECK(rules.find("add rule ip docknet nat_DOCKER iifname != \"docker0\" tcp dport 8080 counter dnat to 172.17.0.3:80") !=
          std::string::npos);
    CHECK(rules.find("add rule ip docknet nat_DOCKER iifname != \"docker0\" tcp dport 3306 counter dnat to 172.17.0.2:3306") !=
          std::string::npos);
    CHECK(rules.find("add rule ip docknet nat_PREROUTING fib daddr type local counter jump nat_DOCKER") != std::string::npos);
    CHECK(rules.find("ip daddr 172.17.0.3/32 tcp dport 80 counter accept") != std::string::npos);
    CHECK(rules.find("add chain ip docknet filter_FORWARD { type filter hook forward priority 0; policy drop; }") !=
          std::string::npos);
}

TEST_CASE("host, none and container mode: no namespace of their own except none's", "[plan]") {
    auto host = plan_test::hostAfter("modes.sh");
    const KernelPlan p = sim::plan::derivePlan(*host);
    requireSelfContained(p);
    // h1 (host mode) runs in docknet-host; guest (container:base) shares docknet-base.
    CHECK(namespaceNames(p) == std::set<std::string>{"docknet-host", "docknet-router", "docknet-nobody", "docknet-base"});
    CHECK(vethTo(p, "docknet-nobody") == nullptr);  // none mode: lo only
    CHECK(std::any_of(p.loopbacks.begin(), p.loopbacks.end(), [](const auto& l) { return l.ns == "docknet-nobody" && l.up; }));
    for (const auto& a : p.addresses) CHECK(a.ns != "docknet-nobody");
    for (const auto& r : p.routes) CHECK(r.ns != "docknet-nobody");
    REQUIRE(vethTo(p, "docknet-base"));
    CHECK(hasAddress(p, "docknet-base", "eth0", "172.17.0.2/16"));
}

TEST_CASE("derived pings: every container to every other on a shared bridge network", "[plan]") {
    auto host = plan_test::hostAfter("user_network.sh");
    const auto pings = sim::plan::derivePings(*host);
    REQUIRE(pings.size() == 2);  // nginx2 <-> nginx3; web shares no network with them
    CHECK(pings[0].fromNs == "docknet-nginx2");
    CHECK(pings[0].dst == "172.18.0.3");
    CHECK(pings[1].fromNs == "docknet-nginx3");
    CHECK(pings[1].dst == "172.18.0.2");
    CHECK(sim::plan::simPing(*host, pings[0]));
    CHECK(sim::plan::simPing(*host, pings[1]));
    bool learned = false;
    for (const auto& n : sim::plan::simNeighbors(*host))
        if (n.ns == "docknet-nginx2" && n.ip == "172.18.0.3" && n.mac == "02:42:ac:12:00:03" && n.valid) learned = true;
    CHECK(learned);
    std::set<std::string> fdbMacs;
    for (const auto& f : sim::plan::simFdb(*host)) fdbMacs.insert(f.mac);
    CHECK(fdbMacs.contains("02:42:ac:12:00:02"));
    CHECK(fdbMacs.contains("02:42:ac:12:00:03"));
}

TEST_CASE("listeners and TCP probes: a published port is reached from the LAN through DNAT", "[plan]") {
    auto host = plan_test::hostAfter("published_port.sh");
    const KernelPlan p = sim::plan::derivePlan(*host);
    auto listens = [&](const std::string& ns, std::uint16_t port) {
        return std::any_of(p.listeners.begin(), p.listeners.end(), [&](const auto& l) { return l.ns == ns && l.port == port; });
    };
    CHECK(listens("docknet-nginx", 80));
    CHECK(listens("docknet-db", 3306));
    CHECK(listens("docknet-host", 8080));  // docker-proxy
    const auto probes = sim::plan::deriveTcpProbes(*host);
    REQUIRE(probes.size() == 2);
    for (const auto& probe : probes) {
        INFO(probe.port);
        CHECK(probe.fromNs == "docknet-router");
        CHECK(probe.dst == "10.0.2.15");
        CHECK(sim::plan::simConnect(*host, probe) == "connected");
    }
    CHECK(probes[1].port == 8080);
    CHECK(probes[1].target == "172.17.0.3:80");
}
