// Topology: the Boost.Graph side of the read-only structure view (see topology.hpp). One
// undirected adjacency_list<vecS, vecS> per snapshot: vertex descriptors are the indices of
// Topology::vertices(), so ids map to descriptors through two id-indexed tables, and nothing is
// ever removed (a changed Kernel means a new snapshot, so no descriptor invalidation).
#include "sim/net/topology.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/circle_layout.hpp>
#include <boost/graph/connected_components.hpp>
#include <boost/graph/filtered_graph.hpp>
#include <boost/graph/fruchterman_reingold.hpp>
#include <boost/graph/kamada_kawai_spring_layout.hpp>
#include <boost/graph/random_layout.hpp>
#include <boost/graph/topology.hpp>
#include <boost/property_map/property_map.hpp>
#include <boost/random/mersenne_twister.hpp>

#include "sim/net/kernel.hpp"

namespace sim::net {

std::string_view toString(VertexKind kind) {
    switch (kind) {
        case VertexKind::Namespace: return "namespace";
        case VertexKind::Interface: return "interface";
    }
    return "?";
}

std::string_view toString(EdgeKind kind) {
    switch (kind) {
        case EdgeKind::Membership: return "membership";
        case EdgeKind::VethLink: return "veth";
        case EdgeKind::BridgePort: return "bridge-port";
    }
    return "?";
}

std::string_view toString(LayoutAlgorithm algorithm) {
    switch (algorithm) {
        case LayoutAlgorithm::FruchtermanReingold: return "fruchterman-reingold";
        case LayoutAlgorithm::KamadaKawai: return "kamada-kawai";
    }
    return "?";
}

std::string Hop::toString() const {
    return isNamespace() ? "ns " + ns.toString() : "if " + iface.toString();
}

namespace {

struct EdgeProps {
    EdgeKind kind = EdgeKind::Membership;
    double weight = 1.0;  // Kamada–Kawai's spring length unit
};

using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, boost::no_property, EdgeProps>;
using Vertex = boost::graph_traits<Graph>::vertex_descriptor;
using Edge = boost::graph_traits<Graph>::edge_descriptor;

using LayoutRng = boost::random::mt19937;
using FrTopology = boost::rectangle_topology<LayoutRng>;
using KkTopology = boost::square_topology<LayoutRng>;
using Point = FrTopology::point_type;  // convex_topology<2>::point, shared by both topologies

constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
constexpr int kFrIterations = 200;  // linear_cooling steps (toolchain.md)
constexpr double kCellPadding = 0.1;  // Kamada–Kawai packing: margin inside each component's cell

std::uint32_t lookup(const std::vector<std::uint32_t>& table, std::uint32_t key) {
    return key < table.size() ? table[key] : kNone;
}

void store(std::vector<std::uint32_t>& table, std::uint32_t key, std::uint32_t value) {
    if (key >= table.size()) table.resize(static_cast<std::size_t>(key) + 1, kNone);
    table[key] = value;
}

/// filtered_graph predicate: the L2 edges (veth links and bridge ports), not namespace membership.
struct L2EdgesOnly {
    const Graph* graph = nullptr;
    bool operator()(const Edge& e) const { return (*graph)[e].kind != EdgeKind::Membership; }
};

/// BFS state for pathBetween: hop distance, and the fewest Membership edges among the shortest
/// paths found so far (final for a vertex once BFS has finished the level before it).
struct PathSearch {
    std::vector<Vertex> parent;
    std::vector<std::uint32_t> hops;
    std::vector<std::uint32_t> membershipHops;
};

class PathVisitor : public boost::default_bfs_visitor {
public:
    explicit PathVisitor(PathSearch& search) : m_search(&search) {}

    void tree_edge(const Edge& e, const Graph& g) const {
        const Vertex u = boost::source(e, g);
        const Vertex v = boost::target(e, g);
        m_search->parent[v] = u;
        m_search->hops[v] = m_search->hops[u] + 1;
        m_search->membershipHops[v] = m_search->membershipHops[u] + cost(e, g);
    }

    // v was discovered from another vertex of u's level: take u as parent if that saves a
    // Membership edge. All of level d is examined before any vertex of level d + 1.
    void gray_target(const Edge& e, const Graph& g) const {
        const Vertex u = boost::source(e, g);
        const Vertex v = boost::target(e, g);
        if (m_search->hops[v] != m_search->hops[u] + 1) return;
        const std::uint32_t viaU = m_search->membershipHops[u] + cost(e, g);
        if (viaU < m_search->membershipHops[v]) {
            m_search->parent[v] = u;
            m_search->membershipHops[v] = viaU;
        }
    }

private:
    static std::uint32_t cost(const Edge& e, const Graph& g) { return g[e].kind == EdgeKind::Membership ? 1 : 0; }

    PathSearch* m_search;
};

/// layout_tolerance with a ceiling on the number of steps, so Kamada–Kawai always ends.
class CappedTolerance {
public:
    explicit CappedTolerance(std::size_t maxCalls) : m_maxCalls(maxCalls) {}

    template <class G>
    bool operator()(double deltaP, typename boost::graph_traits<G>::vertex_descriptor p, const G& g, bool global) {
        if (++m_calls >= m_maxCalls) return true;
        return m_tolerance(deltaP, p, g, global);
    }

private:
    boost::layout_tolerance<double> m_tolerance;
    std::size_t m_calls = 0;
    std::size_t m_maxCalls;
};

std::uint32_t foldSeed(std::uint64_t seed) { return static_cast<std::uint32_t>(seed ^ (seed >> 32)); }

bool allFinite(const std::vector<Point>& points) {
    return std::all_of(points.begin(), points.end(),
                       [](const Point& p) { return std::isfinite(p[0]) && std::isfinite(p[1]); });
}

/// random_graph_layout then Fruchterman–Reingold, seeded, in a box of unit area with the aspect
/// ratio of `w` x `h` (callers rescale). Unit area because Boost 1.74's grid_force_pairs sizes its
/// cells as 2 * volume / sqrt(n) where FR's 2k is 2 * sqrt(volume / n): the two agree only when
/// the volume is 1; in a big box a single cell holds every vertex and each step is O(n^2). The box
/// is centred on the origin because grid_force_pairs also assumes that when it buckets positions.
std::vector<Point> fruchtermanReingold(const Graph& g, double w, double h, std::uint64_t seed) {
    std::vector<Point> points(boost::num_vertices(g));
    if (points.empty()) return points;
    const double sx = w > 0.0 && h > 0.0 ? std::sqrt(w / h) : 1.0;
    const double sy = 1.0 / sx;
    LayoutRng rng(foldSeed(seed));
    FrTopology topology(rng, -sx / 2.0, -sy / 2.0, sx / 2.0, sy / 2.0);
    auto position = boost::make_iterator_property_map(points.begin(), boost::get(boost::vertex_index, g));
    boost::random_graph_layout(g, position, topology);
    if (points.size() > 1) {
        // Fruchterman and Reingold start the temperature at a tenth of the frame.
        const double initialTemperature = std::max(sx, sy) / 10.0;
        boost::fruchterman_reingold_force_directed_layout(
            g, position, topology, boost::cooling(boost::linear_cooling<double>(kFrIterations, initialTemperature)));
    }
    return points;
}

/// circle_graph_layout then Kamada–Kawai; nullopt when it fails (the graph must be connected).
std::optional<std::vector<Point>> kamadaKawai(const Graph& g, double side) {
    const std::size_t n = boost::num_vertices(g);
    std::vector<Point> points(n);
    auto position = boost::make_iterator_property_map(points.begin(), boost::get(boost::vertex_index, g));
    boost::circle_graph_layout(g, position, side / 2.0);
    if (n < 2) return points;
    KkTopology topology(side);
    const bool ok = boost::kamada_kawai_spring_layout(g, position, boost::get(&EdgeProps::weight, g), topology,
                                                      boost::side_length(side), CappedTolerance(40 * n + 100));
    if (!ok || !allFinite(points)) return std::nullopt;
    return points;
}

/// Maps each axis of `points` onto [0,size] (a degenerate axis goes to the middle).
void fitToBox(std::vector<LayoutPoint>& points, double width, double height) {
    if (points.empty()) return;
    double minX = points.front().x, maxX = minX, minY = points.front().y, maxY = minY;
    for (const auto& p : points) {
        minX = std::min(minX, p.x);
        maxX = std::max(maxX, p.x);
        minY = std::min(minY, p.y);
        maxY = std::max(maxY, p.y);
    }
    auto scale = [](double v, double lo, double hi, double size) {
        if (!(hi > lo)) return size / 2.0;
        return std::clamp((v - lo) / (hi - lo) * size, 0.0, size);
    };
    for (auto& p : points) {
        p.x = scale(p.x, minX, maxX, width);
        p.y = scale(p.y, minY, maxY, height);
    }
}

}  // namespace

struct Topology::Impl {
    std::vector<TopologyVertex> vertices;
    std::vector<TopologyEdge> edges;
    std::vector<std::uint32_t> namespaceIndex;  // NamespaceId::value -> vertex index
    std::vector<std::uint32_t> interfaceIndex;  // InterfaceId::value -> vertex index
    std::vector<std::uint32_t> domainOf;        // vertex index -> index in domains (kNone: namespace)
    std::vector<std::vector<InterfaceId>> domains;
    Graph graph;

    [[nodiscard]] std::uint32_t indexOf(Hop hop) const {
        return hop.isNamespace() ? lookup(namespaceIndex, hop.ns.value) : lookup(interfaceIndex, hop.iface.value);
    }

    void build(const Kernel& kernel);
    void computeDomains();
    [[nodiscard]] Layout layoutKamadaKawai(double width, double height, std::uint64_t seed) const;
};

void Topology::Impl::build(const Kernel& kernel) {
    const std::vector<NamespaceId> namespaces = kernel.namespaces();
    std::vector<InterfaceId> interfaces;
    interfaces.reserve(kernel.interfaceCount());
    for (NamespaceId id : namespaces)
        for (InterfaceId i : kernel.ns(id)->interfaces())
            if (kernel.interface(i)) interfaces.push_back(i);
    std::sort(interfaces.begin(), interfaces.end());

    vertices.reserve(namespaces.size() + interfaces.size());
    for (NamespaceId id : namespaces) {
        store(namespaceIndex, id.value, static_cast<std::uint32_t>(vertices.size()));
        vertices.push_back(TopologyVertex{Hop::ofNamespace(id), kernel.ns(id)->name(), id, InterfaceKind::Loopback});
    }
    for (InterfaceId id : interfaces) {
        const Interface& x = *kernel.interface(id);
        store(interfaceIndex, id.value, static_cast<std::uint32_t>(vertices.size()));
        vertices.push_back(TopologyVertex{Hop::ofInterface(id), x.name, x.ns, x.kind});
    }

    edges.reserve(interfaces.size() * 2);
    for (InterfaceId id : interfaces) {
        const Interface& x = *kernel.interface(id);
        const std::uint32_t self = lookup(interfaceIndex, id.value);
        if (const std::uint32_t ns = lookup(namespaceIndex, x.ns.value); ns != kNone)
            edges.push_back(TopologyEdge{EdgeKind::Membership, self, ns});
        if (x.isVeth() && x.peer.isValid() && id < x.peer)
            if (const std::uint32_t peer = lookup(interfaceIndex, x.peer.value); peer != kNone)
                edges.push_back(TopologyEdge{EdgeKind::VethLink, self, peer});
        if (x.master.isValid())
            if (const std::uint32_t master = lookup(interfaceIndex, x.master.value); master != kNone)
                edges.push_back(TopologyEdge{EdgeKind::BridgePort, self, master});
    }

    graph = Graph(vertices.size());
    for (const TopologyEdge& e : edges) boost::add_edge(e.from, e.to, EdgeProps{e.kind, 1.0}, graph);
    computeDomains();
}

void Topology::Impl::computeDomains() {
    const boost::filtered_graph<Graph, L2EdgesOnly> l2(graph, L2EdgesOnly{&graph});
    std::vector<std::uint32_t> component(vertices.size(), 0);
    const auto count = boost::connected_components(
        l2, boost::make_iterator_property_map(component.begin(), boost::get(boost::vertex_index, graph)));
    // Interfaces come after namespaces in id order, so each domain is filled in id order and
    // domains are numbered by their smallest id.
    std::vector<std::uint32_t> domainOfComponent(static_cast<std::size_t>(count), kNone);
    domainOf.assign(vertices.size(), kNone);
    for (std::size_t v = 0; v < vertices.size(); ++v) {
        if (!vertices[v].hop.isInterface()) continue;
        std::uint32_t& d = domainOfComponent[component[v]];
        if (d == kNone) {
            d = static_cast<std::uint32_t>(domains.size());
            domains.emplace_back();
        }
        domainOf[v] = d;
        domains[d].push_back(vertices[v].hop.iface);
    }
}

Layout Topology::Impl::layoutKamadaKawai(double width, double height, std::uint64_t seed) const {
    const std::size_t n = vertices.size();
    std::vector<std::uint32_t> component(n, 0);
    const auto count = static_cast<std::size_t>(boost::connected_components(
        graph, boost::make_iterator_property_map(component.begin(), boost::get(boost::vertex_index, graph))));

    std::vector<std::vector<std::uint32_t>> members(count);
    std::vector<std::uint32_t> local(n, 0);
    for (std::size_t v = 0; v < n; ++v) {
        local[v] = static_cast<std::uint32_t>(members[component[v]].size());
        members[component[v]].push_back(static_cast<std::uint32_t>(v));
    }
    std::vector<Graph> subgraphs;
    subgraphs.reserve(count);
    for (const auto& m : members) subgraphs.emplace_back(m.size());
    for (const TopologyEdge& e : edges)
        boost::add_edge(local[e.from], local[e.to], EdgeProps{e.kind, 1.0}, subgraphs[component[e.from]]);

    // Each component gets a square cell of side sqrt(size) (one unit of area per vertex), packed
    // in rows, largest first, with rows about as wide as the box's aspect ratio asks for.
    std::vector<std::size_t> order(count);
    for (std::size_t c = 0; c < count; ++c) order[c] = c;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return members[a].size() > members[b].size(); });
    double totalArea = 0.0, largestSide = 0.0;
    for (const auto& m : members) {
        totalArea += static_cast<double>(m.size());
        largestSide = std::max(largestSide, std::sqrt(static_cast<double>(m.size())));
    }
    const double aspect = width > 0.0 && height > 0.0 ? width / height : 1.0;
    const double rowWidth = std::max(largestSide, std::sqrt(totalArea * aspect));

    Layout out;
    out.width = width;
    out.height = height;
    out.positions.resize(n);
    double cursorX = 0.0, cursorY = 0.0, rowHeight = 0.0;
    for (std::size_t c : order) {
        const Graph& sub = subgraphs[c];
        const std::size_t size = members[c].size();
        const double side = std::sqrt(static_cast<double>(size));
        std::optional<std::vector<Point>> points;
        if (size <= kKamadaKawaiMaxVertices) points = kamadaKawai(sub, side);
        if (!points) points = fruchtermanReingold(sub, side, side, seed);

        if (cursorX > 0.0 && cursorX + side > rowWidth) {
            cursorX = 0.0;
            cursorY += rowHeight;
            rowHeight = 0.0;
        }
        // Fit the component into its cell, keeping its shape (one scale for both axes).
        double minX = (*points)[0][0], maxX = minX, minY = (*points)[0][1], maxY = minY;
        for (const Point& p : *points) {
            minX = std::min(minX, p[0]);
            maxX = std::max(maxX, p[0]);
            minY = std::min(minY, p[1]);
            maxY = std::max(maxY, p[1]);
        }
        const double extent = std::max(maxX - minX, maxY - minY);
        const double inner = side * (1.0 - 2.0 * kCellPadding);
        for (std::size_t i = 0; i < size; ++i) {
            const Point& p = (*points)[i];
            const double u = extent > 0.0 ? (p[0] - minX) / extent : 0.5;
            const double v = extent > 0.0 ? (p[1] - minY) / extent : 0.5;
            out.positions[members[c][i]] =
                LayoutPoint{cursorX + side * kCellPadding + u * inner, cursorY + side * kCellPadding + v * inner};
        }
        cursorX += side;
        rowHeight = std::max(rowHeight, side);
    }
    fitToBox(out.positions, width, height);
    return out;
}

// --- Topology --------------------------------------------------------------------------------

Topology::Topology(const Kernel& kernel) : m_impl(std::make_unique<Impl>()) { m_impl->build(kernel); }
Topology::~Topology() = default;
Topology::Topology(Topology&&) noexcept = default;
Topology& Topology::operator=(Topology&&) noexcept = default;

std::size_t Topology::vertexCount() const { return m_impl->vertices.size(); }
std::size_t Topology::edgeCount() const { return m_impl->edges.size(); }
const std::vector<TopologyVertex>& Topology::vertices() const { return m_impl->vertices; }
const std::vector<TopologyEdge>& Topology::edges() const { return m_impl->edges; }

bool Topology::contains(Hop hop) const { return m_impl->indexOf(hop) != kNone; }

std::optional<std::size_t> Topology::indexOf(Hop hop) const {
    const std::uint32_t i = m_impl->indexOf(hop);
    if (i == kNone) return std::nullopt;
    return i;
}

std::optional<TopologyVertex> Topology::vertex(Hop hop) const {
    const std::uint32_t i = m_impl->indexOf(hop);
    if (i == kNone) return std::nullopt;
    return m_impl->vertices[i];
}

std::string Topology::describe(Hop hop) const {
    const std::uint32_t i = m_impl->indexOf(hop);
    if (i == kNone) return "?";
    const TopologyVertex& v = m_impl->vertices[i];
    if (v.hop.isNamespace()) return v.name;
    const std::uint32_t ns = lookup(m_impl->namespaceIndex, v.ns.value);
    return (ns == kNone ? std::string("?") : m_impl->vertices[ns].name) + "/" + v.name;
}

std::vector<InterfaceId> Topology::l2Domain(InterfaceId iface) const {
    const std::uint32_t i = lookup(m_impl->interfaceIndex, iface.value);
    if (i == kNone) return {};
    return m_impl->domains[m_impl->domainOf[i]];
}

const std::vector<std::vector<InterfaceId>>& Topology::l2Domains() const { return m_impl->domains; }

bool Topology::sameL2Domain(InterfaceId a, InterfaceId b) const {
    const std::uint32_t i = lookup(m_impl->interfaceIndex, a.value);
    const std::uint32_t j = lookup(m_impl->interfaceIndex, b.value);
    return i != kNone && j != kNone && m_impl->domainOf[i] == m_impl->domainOf[j];
}

std::vector<Hop> Topology::pathBetween(Hop from, Hop to) const {
    const std::uint32_t s = m_impl->indexOf(from);
    const std::uint32_t t = m_impl->indexOf(to);
    if (s == kNone || t == kNone) return {};
    if (s == t) return {m_impl->vertices[s].hop};

    const Graph& g = m_impl->graph;
    const std::size_t n = boost::num_vertices(g);
    PathSearch search{std::vector<Vertex>(n, boost::graph_traits<Graph>::null_vertex()),
                      std::vector<std::uint32_t>(n, kNone), std::vector<std::uint32_t>(n, kNone)};
    search.hops[s] = 0;
    search.membershipHops[s] = 0;
    boost::breadth_first_search(g, s, boost::visitor(PathVisitor(search)));
    if (search.hops[t] == kNone) return {};

    std::vector<Hop> path;
    path.reserve(search.hops[t] + 1);
    for (Vertex v = t; v != s; v = search.parent[v]) path.push_back(m_impl->vertices[v].hop);
    path.push_back(m_impl->vertices[s].hop);
    std::reverse(path.begin(), path.end());
    return path;
}

std::vector<Hop> Topology::pathBetween(InterfaceId from, InterfaceId to) const {
    return pathBetween(Hop::ofInterface(from), Hop::ofInterface(to));
}

std::vector<Hop> Topology::pathBetween(NamespaceId from, NamespaceId to) const {
    return pathBetween(Hop::ofNamespace(from), Hop::ofNamespace(to));
}

Layout Topology::layout(double width, double height, std::uint64_t seed, LayoutAlgorithm algorithm) const {
    width = std::max(0.0, width);
    height = std::max(0.0, height);
    if (algorithm == LayoutAlgorithm::KamadaKawai) return m_impl->layoutKamadaKawai(width, height, seed);

    Layout out;
    out.width = width;
    out.height = height;
    const std::vector<Point> points = fruchtermanReingold(m_impl->graph, width, height, seed);
    out.positions.reserve(points.size());
    for (const Point& p : points) out.positions.push_back(LayoutPoint{p[0], p[1]});
    fitToBox(out.positions, width, height);
    return out;
}

}  // namespace sim::net
