// Topology: the read-only graph view of a Kernel — L2 broadcast domains, shortest paths and
// deterministic layouts, on a docker0-like topology plus a second bridge and a bare namespace.
#include "sim/net/topology.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "flows/docker0_topology.hpp"

namespace {

using sim::core::InterfaceId;
using sim::core::NamespaceId;
using sim::net::EdgeKind;
using sim::net::Hop;
using sim::net::Layout;
using sim::net::LayoutAlgorithm;
using sim::net::Topology;

struct AppContainer {
    NamespaceId ns;
    InterfaceId eth0;
    InterfaceId hostVeth;
};

/// docker0 with c1..c3, a second bridge br-app (in "host") with a1 and a2, and "lonely" with only lo.
struct DockerHost {
    DockerHost() : d(3) {
        auto& k = d.kernel;
        brApp = *k.createBridge(d.host, "br-app");
        for (int i = 1; i <= 2; ++i) {
            AppContainer a;
            a.ns = *k.createNamespace("a" + std::to_string(i));
            auto pair = *k.createVethPair(d.host, "vetha" + std::to_string(i), a.ns, "eth0");
            a.hostVeth = pair.first;
            a.eth0 = pair.second;
            REQUIRE(k.setMaster(a.hostVeth, brApp));
            app.push_back(a);
        }
        lonely = *k.createNamespace("lonely");
    }

    [[nodiscard]] InterfaceId lo(NamespaceId ns) const { return d.kernel.ns(ns)->loopback(); }

    flows::Docker0Topology d;
    InterfaceId brApp;
    std::vector<AppContainer> app;
    NamespaceId lonely;
};

/// "ns/ifname" per id, so failures print names.
std::vector<std::string> names(const Topology& t, const std::vector<InterfaceId>& ids) {
    std::vector<std::string> out;
    for (auto id : ids) out.push_back(t.describe(Hop::ofInterface(id)));
    return out;
}

std::vector<std::string> names(const Topology& t, const std::vector<Hop>& hops) {
    std::vector<std::string> out;
    for (const auto& h : hops) out.push_back(t.describe(h));
    return out;
}

std::vector<InterfaceId> sorted(std::vector<InterfaceId> ids) {
    std::sort(ids.begin(), ids.end());
    return ids;
}

void requireInBox(const Layout& layout, double width, double height) {
    for (const auto& p : layout.positions) {
        REQUIRE(p.x >= 0.0);
        REQUIRE(p.x <= width);
        REQUIRE(p.y >= 0.0);
        REQUIRE(p.y <= height);
    }
}

}  // namespace

TEST_CASE("topology: vertices and edges of the docker0 lab", "[topology]") {
    DockerHost lab;
    Topology t(lab.d.kernel);

    // 7 namespaces (host, c1-3, a1-2, lonely); 7 lo + docker0 + br-app + 5 veth pairs.
    CHECK(t.vertexCount() == 7 + 19);
    CHECK(t.vertices().size() == t.vertexCount());
    // A membership edge per interface, a link per veth pair, a port edge per enslaved end.
    CHECK(t.edgeCount() == 19 + 5 + 5);
    CHECK(t.edges().size() == t.edgeCount());
    const auto count = [&](EdgeKind kind) {
        return std::count_if(t.edges().begin(), t.edges().end(), [&](const auto& e) { return e.kind == kind; });
    };
    CHECK(count(EdgeKind::Membership) == 19);
    CHECK(count(EdgeKind::VethLink) == 5);
    CHECK(count(EdgeKind::BridgePort) == 5);

    // Namespaces first, in id order, then interfaces in id order.
    CHECK(t.vertices().front().hop == Hop::ofNamespace(lab.d.host));
    CHECK(t.vertices()[7].hop.isInterface());

    const auto eth0 = t.vertex(Hop::ofInterface(lab.d.c[0].eth0));
    REQUIRE(eth0);
    CHECK(eth0->name == "eth0");
    CHECK(eth0->ns == lab.d.c[0].ns);
    CHECK(eth0->interfaceKind == sim::net::InterfaceKind::Veth);
    CHECK(t.describe(Hop::ofInterface(lab.d.c[0].eth0)) == "c1/eth0");
    CHECK(t.describe(Hop::ofInterface(lab.d.docker0)) == "host/docker0");
    CHECK(t.describe(Hop::ofNamespace(lab.lonely)) == "lonely");

    // The port edge joins the host veth to docker0; the link joins it to the container's eth0.
    const auto veth1 = *t.indexOf(Hop::ofInterface(lab.d.c[0].hostVeth));
    const auto docker0 = *t.indexOf(Hop::ofInterface(lab.d.docker0));
    const auto eth0Index = *t.indexOf(Hop::ofInterface(lab.d.c[0].eth0));
    CHECK(std::count(t.edges().begin(), t.edges().end(), sim::net::TopologyEdge{EdgeKind::BridgePort, veth1, docker0}) == 1);
    CHECK(std::count(t.edges().begin(), t.edges().end(),
                     sim::net::TopologyEdge{EdgeKind::VethLink, std::min(veth1, eth0Index), std::max(veth1, eth0Index)}) == 1);

    // Unknown ids are not vertices.
    CHECK_FALSE(t.contains(Hop::ofInterface(InterfaceId(9999))));
    CHECK_FALSE(t.contains(Hop::ofInterface(InterfaceId{})));
    CHECK_FALSE(t.indexOf(Hop::ofNamespace(NamespaceId(42))));
    CHECK_FALSE(t.vertex(Hop::ofNamespace(NamespaceId(42))));
    CHECK(t.describe(Hop::ofNamespace(NamespaceId(42))) == "?");
}

TEST_CASE("topology: l2Domain follows veth links and bridge ports, not namespaces", "[topology]") {
    DockerHost lab;
    const auto& d = lab.d;
    Topology t(d.kernel);

    const std::vector<InterfaceId> docker0Domain = sorted({d.docker0, d.c[0].hostVeth, d.c[1].hostVeth, d.c[2].hostVeth,
                                                           d.c[0].eth0, d.c[1].eth0, d.c[2].eth0});
    CHECK(names(t, t.l2Domain(d.c[0].eth0)) == names(t, docker0Domain));
    CHECK(t.l2Domain(d.c[2].eth0) == docker0Domain);
    CHECK(t.l2Domain(d.docker0) == docker0Domain);
    CHECK(t.l2Domain(d.c[1].hostVeth) == docker0Domain);

    const std::vector<InterfaceId> appDomain =
        sorted({lab.brApp, lab.app[0].hostVeth, lab.app[1].hostVeth, lab.app[0].eth0, lab.app[1].eth0});
    CHECK(names(t, t.l2Domain(lab.app[0].eth0)) == names(t, appDomain));
    CHECK(t.l2Domain(lab.brApp) == appDomain);
    CHECK_FALSE(t.sameL2Domain(d.c[0].eth0, lab.app[0].eth0));
    CHECK_FALSE(t.sameL2Domain(d.docker0, lab.brApp));  // same namespace, different domains
    CHECK(t.sameL2Domain(d.c[0].eth0, d.c[2].eth0));

    // lo is alone, even in the host namespace that holds both bridges.
    for (NamespaceId ns : {d.host, d.c[0].ns, lab.lonely})
        CHECK(t.l2Domain(lab.lo(ns)) == std::vector<InterfaceId>{lab.lo(ns)});
    CHECK_FALSE(t.sameL2Domain(lab.lo(d.host), d.docker0));

    // Every interface is in exactly one domain: docker0's, br-app's and 7 lone lo's.
    CHECK(t.l2Domains().size() == 2 + 7);
    std::size_t total = 0;
    for (const auto& domain : t.l2Domains()) {
        CHECK(std::is_sorted(domain.begin(), domain.end()));
        total += domain.size();
    }
    CHECK(total == t.vertexCount() - 7);

    CHECK(t.l2Domain(InterfaceId(9999)).empty());
    CHECK(t.l2Domain(InterfaceId{}).empty());
}

TEST_CASE("topology: a bridge without ports is its own domain, and a rebuilt snapshot sees changes", "[topology]") {
    DockerHost lab;
    auto& k = lab.d.kernel;
    const InterfaceId empty = *k.createBridge(lab.lonely, "br0");
    {
        Topology t(k);
        CHECK(t.l2Domain(empty) == std::vector<InterfaceId>{empty});
        CHECK(t.l2Domain(lab.d.docker0).size() == 7);
    }
    // `ip link del veth2` takes c2's eth0 with it; `ip link set veth3 nomaster` leaves c3 on a
    // veth pair of its own. The old snapshot would not know: build a new one.
    REQUIRE(k.deleteInterface(lab.d.c[1].hostVeth));
    REQUIRE(k.clearMaster(lab.d.c[2].hostVeth));
    Topology t(k);
    CHECK(t.l2Domain(lab.d.docker0) == sorted({lab.d.docker0, lab.d.c[0].hostVeth, lab.d.c[0].eth0}));
    CHECK(t.l2Domain(lab.d.c[2].eth0) == sorted({lab.d.c[2].eth0, lab.d.c[2].hostVeth}));
    CHECK_FALSE(t.contains(Hop::ofInterface(lab.d.c[1].eth0)));
    CHECK(t.l2Domain(lab.d.c[1].eth0).empty());
    CHECK(t.contains(Hop::ofNamespace(lab.d.c[1].ns)));
}

TEST_CASE("topology: pathBetween takes the shortest path, across the bridge at L2", "[topology]") {
    DockerHost lab;
    const auto& d = lab.d;
    Topology t(d.kernel);
    const auto ifc = [](InterfaceId id) { return Hop::ofInterface(id); };
    const auto nsp = [](NamespaceId id) { return Hop::ofNamespace(id); };

    // Container to container on docker0: eth0 -> veth1 -> docker0 -> veth2 -> eth0, not through
    // the host namespace vertex (equally short, but that would be a routed detour).
    const std::vector<Hop> viaBridge{ifc(d.c[0].eth0), ifc(d.c[0].hostVeth), ifc(d.docker0), ifc(d.c[1].hostVeth),
                                     ifc(d.c[1].eth0)};
    CHECK(names(t, t.pathBetween(d.c[0].eth0, d.c[1].eth0)) == names(t, viaBridge));
    CHECK(t.pathBetween(d.c[0].eth0, d.c[1].eth0) == viaBridge);
    auto back = t.pathBetween(d.c[1].eth0, d.c[0].eth0);
    std::reverse(back.begin(), back.end());
    CHECK(back == viaBridge);

    // Namespace to namespace: out through eth0, across docker0, in through the other eth0.
    const std::vector<Hop> nsToNs{nsp(d.c[0].ns), ifc(d.c[0].eth0), ifc(d.c[0].hostVeth), ifc(d.docker0),
                                  ifc(d.c[2].hostVeth), ifc(d.c[2].eth0), nsp(d.c[2].ns)};
    CHECK(names(t, t.pathBetween(d.c[0].ns, d.c[2].ns)) == names(t, nsToNs));

    // docker0's container to br-app's container: the only way is through the host namespace.
    const std::vector<Hop> acrossBridges{ifc(d.c[0].eth0), ifc(d.c[0].hostVeth), nsp(d.host), ifc(lab.app[0].hostVeth),
                                         ifc(lab.app[0].eth0)};
    CHECK(names(t, t.pathBetween(d.c[0].eth0, lab.app[0].eth0)) == names(t, acrossBridges));

    // Mixed ends, and a vertex to itself.
    CHECK(t.pathBetween(ifc(d.c[0].eth0), nsp(d.c[0].ns)) == std::vector<Hop>{ifc(d.c[0].eth0), nsp(d.c[0].ns)});
    CHECK(t.pathBetween(d.docker0, d.docker0) == std::vector<Hop>{ifc(d.docker0)});
    CHECK(t.pathBetween(lab.lo(d.c[0].ns), lab.lo(d.c[1].ns)).size() == 9);  // lo, c1, eth0, veth1, docker0, ...
}

TEST_CASE("topology: pathBetween is empty for unreachable or unknown ends", "[topology]") {
    DockerHost lab;
    const auto& d = lab.d;
    Topology t(d.kernel);
    const InterfaceId lonelyLo = lab.lo(lab.lonely);

    CHECK(t.pathBetween(d.c[0].eth0, lonelyLo).empty());
    CHECK(t.pathBetween(lonelyLo, d.docker0).empty());
    CHECK(t.pathBetween(lab.lonely, d.host).empty());
    CHECK(t.pathBetween(lab.lonely, lab.lonely) == std::vector<Hop>{Hop::ofNamespace(lab.lonely)});
    CHECK(t.pathBetween(Hop::ofNamespace(lab.lonely), Hop::ofInterface(lonelyLo)).size() == 2);
    CHECK(t.pathBetween(d.c[0].eth0, InterfaceId(9999)).empty());
    CHECK(t.pathBetween(InterfaceId{}, InterfaceId{}).empty());
    CHECK(t.pathBetween(NamespaceId(42), d.host).empty());
}

TEST_CASE("topology: layouts are deterministic per seed and fit the box", "[topology]") {
    DockerHost lab;
    Topology t(lab.d.kernel);
    constexpr double kWidth = 800.0, kHeight = 600.0;

    SECTION("Fruchterman-Reingold") {
        const Layout a = t.layout(kWidth, kHeight, 7);
        const Layout b = t.layout(kWidth, kHeight, 7);
        REQUIRE(a.positions.size() == t.vertexCount());
        CHECK(a.width == kWidth);
        CHECK(a.height == kHeight);
        CHECK(a == b);
        CHECK(t.layout(kWidth, kHeight, 8).positions != a.positions);
        requireInBox(a, kWidth, kHeight);
        // Scaled to fill the box: both extremes are reached on each axis.
        const auto [minX, maxX] = std::minmax_element(a.positions.begin(), a.positions.end(),
                                                      [](const auto& p, const auto& q) { return p.x < q.x; });
        CHECK(minX->x == Approx(0.0).margin(1e-9));
        CHECK(maxX->x == Approx(kWidth));
        // A rebuilt snapshot of the same kernel lays out the same way.
        CHECK(Topology(lab.d.kernel).layout(kWidth, kHeight, 7) == a);
    }
    SECTION("Kamada-Kawai, one component at a time") {
        const Layout a = t.layout(kWidth, kHeight, 7, LayoutAlgorithm::KamadaKawai);
        REQUIRE(a.positions.size() == t.vertexCount());
        CHECK(a == t.layout(kWidth, kHeight, 7, LayoutAlgorithm::KamadaKawai));
        requireInBox(a, kWidth, kHeight);
        // Distinct vertices of the big component get distinct positions.
        const auto p1 = a.positions[*t.indexOf(Hop::ofInterface(lab.d.c[0].eth0))];
        const auto p2 = a.positions[*t.indexOf(Hop::ofInterface(lab.d.c[1].eth0))];
        CHECK(p1 != p2);
    }
    SECTION("degenerate boxes and graphs") {
        const Layout flat = t.layout(500.0, 0.0, 1);
        for (const auto& p : flat.positions) CHECK(p.y == 0.0);
        requireInBox(flat, 500.0, 0.0);

        sim::net::Kernel empty;
        Topology none(empty);
        CHECK(none.vertexCount() == 0);
        CHECK(none.layout(100.0, 100.0, 1).positions.empty());
        CHECK(none.layout(100.0, 100.0, 1, LayoutAlgorithm::KamadaKawai).positions.empty());
        CHECK(none.l2Domains().empty());
    }
}

TEST_CASE("topology: a full bridge of 1,023 containers", "[topology][scale]") {
    sim::net::Kernel k;
    const NamespaceId host = *k.createNamespace("host");
    const InterfaceId bridge = *k.createBridge(host, "docker0");
    std::vector<InterfaceId> eth0s;
    constexpr int kContainers = 1023;  // the most ports a Linux bridge takes
    for (int i = 0; i < kContainers; ++i) {
        const NamespaceId ns = *k.createNamespace("c" + std::to_string(i));
        const auto pair = *k.createVethPair(host, "veth" + std::to_string(i), ns, "eth0");
        REQUIRE(k.setMaster(pair.first, bridge));
        eth0s.push_back(pair.second);
    }
    // The next port is refused with EXFULL, as br_add_if refuses it, and nothing changes.
    const auto extra = *k.createVethPair(host, "veth-extra", host, "veth-extra-peer");
    const auto full = k.setMaster(extra.first, bridge);
    REQUIRE_FALSE(full);
    CHECK(full.error().message == "RTNETLINK answers: Exchange full");
    CHECK_FALSE(k.interface(extra.first)->master.isValid());
    CHECK(k.bridge(bridge)->ports().size() == 1023);
    (void)k.deleteInterface(extra.first);

    Topology t(k);
    CHECK(t.vertexCount() == (kContainers + 1) * 2 + 1 + 2 * kContainers);
    const auto domain = t.l2Domain(eth0s.front());
    CHECK(domain.size() == 1 + 2 * kContainers);
    CHECK(std::is_sorted(domain.begin(), domain.end()));
    CHECK(t.l2Domain(eth0s.back()) == domain);
    CHECK(t.l2Domains().size() == 1 + (kContainers + 1));
    CHECK(t.pathBetween(eth0s.front(), eth0s.back()).size() == 5);
}
