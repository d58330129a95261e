// Topology: a read-only graph view of a Kernel's structure — which interfaces share an L2
// broadcast domain, how two places connect, and where to draw them. Vertices are namespaces and
// interfaces (every live one, lo and bridges included); edges are Membership (interface — its
// namespace), VethLink (veth end — its peer) and BridgePort (port — its bridge device).
// It is a snapshot: the Kernel stays the source of truth and callers rebuild a Topology after a
// structural change (building is linear in namespaces + interfaces). Boost.Graph does the work
// but stays inside topology.cpp; this header speaks only sim ids and plain structs.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sim/core/ids.hpp"
#include "sim/net/interface.hpp"

namespace sim::net {

class Kernel;

enum class VertexKind : std::uint8_t { Namespace, Interface };
enum class EdgeKind : std::uint8_t { Membership, VethLink, BridgePort };
enum class LayoutAlgorithm : std::uint8_t { FruchtermanReingold, KamadaKawai };

std::string_view toString(VertexKind kind);
std::string_view toString(EdgeKind kind);
std::string_view toString(LayoutAlgorithm algorithm);

/// A vertex by identity: a namespace or an interface. The id of the other kind stays invalid.
struct Hop {
    VertexKind kind = VertexKind::Namespace;
    NamespaceId ns;     // Namespace vertices only
    InterfaceId iface;  // Interface vertices only

    static Hop ofNamespace(NamespaceId id) { return Hop{VertexKind::Namespace, id, {}}; }
    static Hop ofInterface(InterfaceId id) { return Hop{VertexKind::Interface, {}, id}; }
    [[nodiscard]] bool isNamespace() const { return kind == VertexKind::Namespace; }
    [[nodiscard]] bool isInterface() const { return kind == VertexKind::Interface; }
    bool operator==(const Hop&) const = default;
    /// "ns 3" or "if 7" (ids, not names: see Topology::describe for names).
    [[nodiscard]] std::string toString() const;
};

/// What the snapshot knows about one vertex (copied from the Kernel when it was built).
struct TopologyVertex {
    Hop hop;
    std::string name;                                      // namespace name, or interface name
    NamespaceId ns;                                        // the namespace, or the interface's namespace
    InterfaceKind interfaceKind = InterfaceKind::Loopback; // Interface vertices only
};

/// An undirected edge between two vertex indices (positions in Topology::vertices()).
struct TopologyEdge {
    EdgeKind kind = EdgeKind::Membership;
    std::size_t from = 0;  // Membership: the interface; VethLink: the lower-id end; BridgePort: the port
    std::size_t to = 0;    // Membership: the namespace; VethLink: the higher-id end; BridgePort: the bridge
    bool operator==(const TopologyEdge&) const = default;
};

struct LayoutPoint {
    double x = 0.0;
    double y = 0.0;
    bool operator==(const LayoutPoint&) const = default;
};

/// One position per vertex, indexed like Topology::vertices(), inside [0,width] x [0,height].
struct Layout {
    double width = 0.0;
    double height = 0.0;
    std::vector<LayoutPoint> positions;
    bool operator==(const Layout&) const = default;
};

class Topology {
public:
    /// Kamada–Kawai keeps an n x n distance matrix and iterates in O(n^2): connected components
    /// larger than this are laid out with Fruchterman–Reingold instead.
    static constexpr std::size_t kKamadaKawaiMaxVertices = 256;

    /// Snapshot of `kernel`'s namespaces, interfaces, veth pairs and bridge ports.
    explicit Topology(const Kernel& kernel);
    ~Topology();
    Topology(Topology&&) noexcept;
    Topology& operator=(Topology&&) noexcept;
    Topology(const Topology&) = delete;
    Topology& operator=(const Topology&) = delete;

    // --- vertices and edges ------------------------------------------------------------------
    [[nodiscard]] std::size_t vertexCount() const;
    [[nodiscard]] std::size_t edgeCount() const;
    /// Namespaces in id order, then interfaces in id order. Indices are stable for this snapshot.
    [[nodiscard]] const std::vector<TopologyVertex>& vertices() const;
    /// Per interface in id order: its Membership edge, then its VethLink (from the lower-id end
    /// only, so each pair appears once), then its BridgePort edge if it is enslaved.
    [[nodiscard]] const std::vector<TopologyEdge>& edges() const;
    [[nodiscard]] bool contains(Hop hop) const;
    /// The vertex index of `hop`, or nullopt when the snapshot has no such vertex.
    [[nodiscard]] std::optional<std::size_t> indexOf(Hop hop) const;
    /// The vertex description of `hop`, or nullopt when the snapshot has no such vertex.
    [[nodiscard]] std::optional<TopologyVertex> vertex(Hop hop) const;
    /// "c1" for a namespace, "c1/eth0" for an interface (the Kernel's naming); "?" if unknown.
    [[nodiscard]] std::string describe(Hop hop) const;

    // --- L2 broadcast domains ----------------------------------------------------------------
    /// Every interface a broadcast sent out of `iface` can reach, `iface` included, sorted by id:
    /// the connected component over VethLink and BridgePort edges (a bridge device belongs to
    /// its ports' domain; namespaces do not join domains; lo and port-less bridges are alone).
    /// Empty when `iface` is not in the snapshot. Structural only: link state (up/down) is ignored.
    [[nodiscard]] std::vector<InterfaceId> l2Domain(InterfaceId iface) const;
    /// All domains, each sorted by id, ordered by their smallest id (every interface in exactly one).
    [[nodiscard]] const std::vector<std::vector<InterfaceId>>& l2Domains() const;
    [[nodiscard]] bool sameL2Domain(InterfaceId a, InterfaceId b) const;

    // --- paths --------------------------------------------------------------------------------
    /// A shortest path (fewest edges, BFS over all edge kinds) from `from` to `to`, both ends
    /// included; {from} when from == to; empty when either is unknown or they are unreachable.
    /// Among equally short paths it takes the one with the fewest Membership edges — it stays
    /// at L2 (e.g. crosses docker0) rather than detouring through a namespace vertex — and among
    /// those, the first BFS finds (deterministic for a snapshot).
    [[nodiscard]] std::vector<Hop> pathBetween(Hop from, Hop to) const;
    [[nodiscard]] std::vector<Hop> pathBetween(InterfaceId from, InterfaceId to) const;
    [[nodiscard]] std::vector<Hop> pathBetween(NamespaceId from, NamespaceId to) const;

    // --- drawing ------------------------------------------------------------------------------
    /// Deterministic 2-D positions (same snapshot + seed -> identical positions), scaled to fill
    /// [0,width] x [0,height] (each axis separately; a degenerate axis puts everything mid-way).
    /// FruchtermanReingold: random_graph_layout, then fruchterman_reingold_force_directed_layout,
    ///   both on a rectangle_topology whose mt19937 is seeded from `seed`; the whole graph at once.
    /// KamadaKawai: needs a connected graph, so each connected component is laid out on its own
    ///   (circle_graph_layout, then kamada_kawai_spring_layout) and the components are packed in
    ///   rows, largest first. A component bigger than kKamadaKawaiMaxVertices, or one where
    ///   Kamada–Kawai fails, is laid out with Fruchterman–Reingold instead; `seed` matters only then.
    /// Cost: unlike building and the queries, layout is not meant for 10,000-container kernels.
    /// Fruchterman–Reingold runs 200 steps over Boost's grid force pairs; a bridge with
    /// thousands of ports pulls them all into a few grid cells, so a step nears O(n^2) (measured
    /// at -O2: ~1 s for 800 vertices, ~50 s for 8,000). Lay out what is drawn.
    [[nodiscard]] Layout layout(double width, double height, std::uint64_t seed,
                                LayoutAlgorithm algorithm = LayoutAlgorithm::FruchtermanReingold) const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace sim::net
