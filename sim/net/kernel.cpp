#include "sim/net/kernel.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "sim/net/arp.hpp"
#include "sim/net/icmp.hpp"
#include "sim/net/ipv4_layer.hpp"
#include "sim/net/link_layer.hpp"
#include "sim/net/netfilter.hpp"
#include "sim/net/transport_layer.hpp"

namespace sim::net {

using core::ErrorCode;
using core::fail;

std::string_view toString(InterfaceKind kind) {
    switch (kind) {
        case InterfaceKind::Loopback: return "loopback";
        case InterfaceKind::Veth: return "veth";
        case InterfaceKind::Bridge: return "bridge";
    }
    return "?";
}

Kernel::Kernel(KernelConfig config)
    : m_config(config),
      m_rng(config.seed),
      m_link(std::make_unique<LinkLayer>(*this)),
      m_ipv4(std::make_unique<Ipv4Layer>(*this)),
      m_icmp(std::make_unique<Icmp>(*this)),
      m_transport(std::make_unique<TransportLayer>(*this)),
      m_netfilter(std::make_unique<Netfilter>(*this)) {
    m_trace.setRenderer(&renderTraceDetail);
}

Kernel::~Kernel() = default;

// --- namespaces ------------------------------------------------------------------------------

core::Result<core::NamespaceId> Kernel::createNamespace(const std::string& name) {
    if (name.empty() || name.find('/') != std::string::npos || name == "." || name == "..")
        return fail(ErrorCode::InvalidArgument, "Invalid netns name \"" + name + "\"");
    if (m_namespaceByName.contains(name))
        return fail(ErrorCode::AlreadyExists, "Cannot create namespace file \"/run/netns/" + name + "\": File exists");
    const core::NamespaceId id(static_cast<std::uint32_t>(m_namespaces.size()));
    auto ns = std::make_unique<NetNamespace>(id, name);
    ns->m_arp = std::make_unique<Arp>(*this, id);
    ns->m_neighbors = std::make_unique<NeighborTable>(m_scheduler, m_rng, *ns->m_arp, m_config.neighbor);
    m_namespaces.push_back(std::move(ns));
    m_namespaceByName.emplace(name, id);

    Interface lo;
    lo.name = "lo";
    lo.kind = InterfaceKind::Loopback;
    lo.ns = id;
    lo.mtu = 65536;
    lo.ifindex = 1;
    m_namespaces[id.value]->m_loopback = addInterface(std::move(lo));
    return id;
}

core::Result<void> Kernel::deleteNamespace(core::NamespaceId id) {
    NetNamespace* n = ns(id);
    if (!n) return fail(ErrorCode::NotFound, "Cannot remove namespace file: No such file or directory");
    // Bridges first so their ports are released cleanly, then everything else.
    std::vector<core::InterfaceId> ifaces = n->m_interfaces;
    std::stable_partition(ifaces.begin(), ifaces.end(), [&](core::InterfaceId i) { return interface(i)->isBridge(); });
    for (auto i : ifaces)
        if (interface(i)) releaseInterface(i);
    m_namespaceByName.erase(n->name());
    m_namespaces[id.value].reset();
    return {};
}

NetNamespace* Kernel::ns(core::NamespaceId id) {
    return id.isValid() && id.value < m_namespaces.size() ? m_namespaces[id.value].get() : nullptr;
}

const NetNamespace* Kernel::ns(core::NamespaceId id) const {
    return id.isValid() && id.value < m_namespaces.size() ? m_namespaces[id.value].get() : nullptr;
}

core::NamespaceId Kernel::findNamespace(const std::string& name) const {
    auto it = m_namespaceByName.find(name);
    return it == m_namespaceByName.end() ? core::NamespaceId{} : it->second;
}

std::vector<core::NamespaceId> Kernel::namespaces() const {
    std::vector<core::NamespaceId> out;
    for (const auto& n : m_namespaces)
        if (n) out.push_back(n->id());
    return out;
}

// --- interfaces ------------------------------------------------------------------------------

wire::MacAddress Kernel::randomMac() {
    // eth_random_addr: random bytes, multicast bit cleared, locally administered bit set.
    wire::MacAddress::Bytes b{};
    const std::uint64_t r = m_rng.next();
    for (int i = 0; i < 6; ++i) b[i] = static_cast<std::uint8_t>(r >> (8 * i));
    b[0] = static_cast<std::uint8_t>((b[0] & 0xfe) | 0x02);
    return wire::MacAddress(b);
}

core::Result<void> Kernel::checkName(core::NamespaceId nsId, const std::string& name) const {
    const NetNamespace* n = ns(nsId);
    if (!n) return fail(ErrorCode::NotFound, "Invalid \"netns\" value");
    if (name.empty() || name.size() > 15 || name.find_first_of("/ \t:") != std::string::npos)
        return fail(ErrorCode::InvalidArgument, "Error: argument \"" + name + "\" is wrong: \"name\" not a valid ifname");
    if (n->findInterface(name).isValid()) return fail(ErrorCode::AlreadyExists, "RTNETLINK answers: File exists");
    return {};
}

core::InterfaceId Kernel::addInterface(Interface iface) {
    const core::InterfaceId id(static_cast<std::uint32_t>(m_interfaces.size()));
    iface.id = id;
    NetNamespace& n = *ns(iface.ns);
    if (iface.ifindex == 0) iface.ifindex = n.m_nextIfindex++;
    n.m_interfaces.push_back(id);
    n.m_byName.emplace(iface.name, id);
    m_interfaces.push_back(std::move(iface));
    ++m_liveInterfaces;
    return id;
}

core::Result<std::pair<core::InterfaceId, core::InterfaceId>> Kernel::createVethPair(
    core::NamespaceId nsA, const std::string& nameA, core::NamespaceId nsB, const std::string& nameB,
    std::optional<wire::MacAddress> macA, std::optional<wire::MacAddress> macB) {
    if (auto r = checkName(nsA, nameA); !r) return std::unexpected(r.error());
    if (auto r = checkName(nsB, nameB); !r) return std::unexpected(r.error());
    if (nsA == nsB && nameA == nameB) return fail(ErrorCode::AlreadyExists, "RTNETLINK answers: File exists");
    Interface a;
    a.name = nameA;
    a.kind = InterfaceKind::Veth;
    a.ns = nsA;
    a.mac = macA.value_or(randomMac());
    Interface b;
    b.name = nameB;
    b.kind = InterfaceKind::Veth;
    b.ns = nsB;
    b.mac = macB.value_or(randomMac());
    // veth_newlink registers the peer first: `ip link add A type veth peer name B` gives B
    // index N and A N+1, so a container's eth0 (libnetwork's peer) shows eth0@ifN+1.
    const core::InterfaceId ib = addInterface(std::move(b));
    const core::InterfaceId ia = addInterface(std::move(a));
    interface(ia)->peer = ib;
    interface(ib)->peer = ia;
    return std::pair{ia, ib};
}

core::Result<core::InterfaceId> Kernel::createBridge(core::NamespaceId nsId, const std::string& name,
                                                     std::optional<wire::MacAddress> mac) {
    if (auto r = checkName(nsId, name); !r) return std::unexpected(r.error());
    Interface br;
    br.name = name;
    br.kind = InterfaceKind::Bridge;
    br.ns = nsId;
    br.mac = mac.value_or(randomMac());
    const core::InterfaceId id = addInterface(std::move(br));
    auto [it, ok] = m_bridges.emplace(id, Bridge(id));
    it->second.fdb().addLocal(interface(id)->mac, id);
    return id;
}

void Kernel::detachFromNamespace(Interface& iface) {
    NetNamespace& n = *ns(iface.ns);
    for (const auto& a : iface.addresses) n.m_localAddresses.erase(a.address());
    n.routes().removeForInterface(iface.id);
    n.neighbors().flushDevice(iface.id);
    n.m_byName.erase(iface.name);
    std::erase(n.m_interfaces, iface.id);
}

void Kernel::releaseInterface(core::InterfaceId id) {
    Interface* iface = interface(id);
    if (!iface) return;
    if (iface->isBridge()) {
        for (auto port : m_bridges.at(id).ports())
            if (Interface* p = interface(port)) p->master = {};
        m_bridges.erase(id);
    }
    if (iface->master.isValid()) {
        if (Bridge* br = bridge(iface->master)) {
            br->removePort(id);
        }
    }
    const core::InterfaceId peer = iface->peer;
    if (NetNamespace* n = ns(iface->ns); n && n->m_ipv6Default && n->m_ipv6Default->dev == id) n->m_ipv6Default.reset();
    detachFromNamespace(*iface);
    m_interfaces[id.value].reset();
    --m_liveInterfaces;
    if (peer.isValid() && interface(peer)) {
        interface(peer)->peer = {};
        releaseInterface(peer);  // a veth never outlives its peer
    }
}

core::Result<void> Kernel::deleteInterface(core::InterfaceId id) {
    Interface* iface = interface(id);
    if (!iface) return fail(ErrorCode::NotFound, "Cannot find device");
    if (iface->isLoopback()) return fail(ErrorCode::Unsupported, "RTNETLINK answers: Operation not supported");
    releaseInterface(id);
    return {};
}

Interface* Kernel::interface(core::InterfaceId id) {
    if (!id.isValid() || id.value >= m_interfaces.size() || !m_interfaces[id.value]) return nullptr;
    return &*m_interfaces[id.value];
}

const Interface* Kernel::interface(core::InterfaceId id) const {
    if (!id.isValid() || id.value >= m_interfaces.size() || !m_interfaces[id.value]) return nullptr;
    return &*m_interfaces[id.value];
}

core::InterfaceId Kernel::findInterface(core::NamespaceId nsId, const std::string& name) const {
    const NetNamespace* n = ns(nsId);
    return n ? n->findInterface(name) : core::InterfaceId{};
}

std::vector<core::InterfaceId> Kernel::interfacesOf(core::NamespaceId nsId) const {
    const NetNamespace* n = ns(nsId);
    if (!n) return {};
    std::vector<core::InterfaceId> out = n->interfaces();
    std::sort(out.begin(), out.end(), [this](auto a, auto b) { return interface(a)->ifindex < interface(b)->ifindex; });
    return out;
}

Bridge* Kernel::bridge(core::InterfaceId id) {
    auto it = m_bridges.find(id);
    return it == m_bridges.end() ? nullptr : &it->second;
}

const Bridge* Kernel::bridge(core::InterfaceId id) const {
    auto it = m_bridges.find(id);
    return it == m_bridges.end() ? nullptr : &it->second;
}

bool Kernel::isOperUp(core::InterfaceId id) const {
    const Interface* i = interface(id);
    if (!i || !i->adminUp) return false;
    if (i->isVeth()) {
        const Interface* p = interface(i->peer);
        return p && p->adminUp;
    }
    return true;
}

std::string Kernel::describe(core::InterfaceId id) const {
    const Interface* i = interface(id);
    if (!i) return "?";
    const NetNamespace* n = ns(i->ns);
    return (n ? n->name() : std::string("?")) + "/" + i->name;
}

core::Result<void> Kernel::setMaster(core::InterfaceId port, core::InterfaceId br) {
    Interface* p = interface(port);
    Interface* b = interface(br);
    if (!p || !b) return fail(ErrorCode::NotFound, "Cannot find device");
    if (!b->isBridge() || port == br) return fail(ErrorCode::InvalidArgument, "RTNETLINK answers: Operation not supported");
    if (p->ns != b->ns) return fail(ErrorCode::NotFound, "Cannot find device");
    if (p->isBridge()) return fail(ErrorCode::InvalidArgument, "RTNETLINK answers: Too many levels of symbolic links");
    if (p->master == br) return {};
    Bridge& bridgeState = *bridge(br);
    if (bridgeState.ports().size() >= Bridge::kMaxPorts) return fail(ErrorCode::Exhausted, "RTNETLINK answers: Exchange full");
    if (p->master.isValid()) bridge(p->master)->removePort(port);
    p->master = br;
    bridgeState.addPort(port);
    // A bridge port has no L3 life of its own (its addresses stay but are not used for input).
    bridgeState.fdb().addLocal(p->mac, port);
    return {};
}

core::Result<void> Kernel::clearMaster(core::InterfaceId port) {
    Interface* p = interface(port);
    if (!p) return fail(ErrorCode::NotFound, "Cannot find device");
    if (p->master.isValid()) {
        Bridge* b = bridge(p->master);
        b->removePort(port);
        p->master = {};
    }
    return {};
}

void Kernel::attachAddressRoutes(Interface& iface) {
    NetNamespace& n = *ns(iface.ns);
    for (const auto& a : iface.addresses) {
        if (iface.isLoopback() || a.length() == 32) continue;
        Route r;
        r.destination = a.network();
        r.dev = iface.id;
        r.prefSrc = a.address();
        r.protocol = RouteProtocol::Kernel;
        r.scope = RouteScope::Link;
        (void)n.routes().add(r);  // already present is fine
    }
}

core::Result<void> Kernel::setUp(core::InterfaceId id, bool up) {
    Interface* i = interface(id);
    if (!i) return fail(ErrorCode::NotFound, "Cannot find device");
    if (i->adminUp == up) return {};
    i->adminUp = up;
    NetNamespace& n = *ns(i->ns);
    if (i->isLoopback()) {
        n.m_loopbackUp = up;
        // inetdev_event(NETDEV_UP) on loopback assigns 127.0.0.1/8 when it has no address.
        if (up && i->addresses.empty()) {
            i->addresses.push_back(wire::Ipv4Prefix(wire::Ipv4Address::loopback(), 8));
            n.m_localAddresses.emplace(wire::Ipv4Address::loopback(), id);
        }
        return {};
    }
    if (up) {
        attachAddressRoutes(*i);
    } else {
        // fib_disable_ip / neigh_ifdown: routes and neighbours of a downed link go away.
        n.routes().removeForInterface(id);
        n.neighbors().flushDevice(id);
        if (i->master.isValid()) bridge(i->master)->fdb().flushPort(id);
    }
    return {};
}

core::Result<void> Kernel::setMac(core::InterfaceId id, const wire::MacAddress& mac) {
    Interface* i = interface(id);
    if (!i) return fail(ErrorCode::NotFound, "Cannot find device");
    if (mac.isMulticast() || mac.isZero())
        return fail(ErrorCode::InvalidArgument, "RTNETLINK answers: Cannot assign requested address");
    if (i->isBridge()) bridge(id)->fdb().addLocal(mac, id);
    i->mac = mac;
    return {};
}

core::Result<void> Kernel::setMtu(core::InterfaceId id, std::uint32_t mtu) {
    Interface* i = interface(id);
    if (!i) return fail(ErrorCode::NotFound, "Cannot find device");
    if (mtu < 68 || mtu > 65535) return fail(ErrorCode::InvalidArgument, "RTNETLINK answers: Invalid argument");
    i->mtu = mtu;
    return {};
}

core::Result<void> Kernel::rename(core::InterfaceId id, const std::string& name) {
    Interface* i = interface(id);
    if (!i) return fail(ErrorCode::NotFound, "Cannot find device");
    if (i->name == name) return {};
    if (i->adminUp) return fail(ErrorCode::Conflict, "RTNETLINK answers: Device or resource busy");
    if (auto r = checkName(i->ns, name); !r) return r;
    NetNamespace& n = *ns(i->ns);
    n.m_byName.erase(i->name);
    i->name = name;
    n.m_byName.emplace(name, id);
    return {};
}

core::Result<void> Kernel::moveToNamespace(core::InterfaceId id, core::NamespaceId target) {
    Interface* i = interface(id);
    if (!i) return fail(ErrorCode::NotFound, "Cannot find device");
    if (!ns(target)) return fail(ErrorCode::NotFound, "Invalid \"netns\" value");
    if (i->ns == target) return {};
    if (i->isLoopback() || i->isBridge())
        return fail(ErrorCode::InvalidArgument, "RTNETLINK answers: Invalid argument");
    if (ns(target)->findInterface(i->name).isValid()) return fail(ErrorCode::AlreadyExists, "RTNETLINK answers: File exists");
    // dev_change_net_namespace: the device is closed, leaves its bridge, loses its addresses.
    if (i->master.isValid()) (void)clearMaster(id);
    detachFromNamespace(*i);
    i->adminUp = false;
    i->addresses.clear();
    i->addresses6.clear();
    if (auto& route = ns(i->ns)->m_ipv6Default; route && route->dev == id) route.reset();
    i->ns = target;
    NetNamespace& n = *ns(target);
    // The ifindex is kept when free in the new namespace, else a new one is drawn.
    bool taken = false;
    for (auto other : n.m_interfaces)
        if (interface(other)->ifindex == i->ifindex) taken = true;
    if (taken) i->ifindex = n.m_nextIfindex++;
    else n.m_nextIfindex = std::max(n.m_nextIfindex, i->ifindex + 1);
    n.m_interfaces.push_back(id);
    n.m_byName.emplace(i->name, id);
    return {};
}

core::Result<void> Kernel::addAddress(core::InterfaceId id, const wire::Ipv4Prefix& address) {
    Interface* i = interface(id);
    if (!i) return fail(ErrorCode::NotFound, "Cannot find device");
    if (i->hasAddress(address.address())) return fail(ErrorCode::AlreadyExists, "RTNETLINK answers: File exists");
    NetNamespace& n = *ns(i->ns);
    i->addresses.push_back(address);
    n.m_localAddresses.emplace(address.address(), id);
    if (i->adminUp) attachAddressRoutes(*i);
    return {};
}

core::Result<void> Kernel::removeAddress(core::InterfaceId id, const wire::Ipv4Prefix& address) {
    Interface* i = interface(id);
    if (!i) return fail(ErrorCode::NotFound, "Cannot find device");
    auto it = std::find(i->addresses.begin(), i->addresses.end(), address);
    if (it == i->addresses.end())
        return fail(ErrorCode::NotFound, "RTNETLINK answers: Cannot assign requested address");
    i->addresses.erase(it);
    NetNamespace& n = *ns(i->ns);
    n.m_localAddresses.erase(address.address());
    n.routes().removeConnected(address, id);
    return {};
}

core::Result<void> Kernel::addAddress6(core::InterfaceId id, const wire::Ipv6Prefix& address, bool noDad) {
    Interface* i = interface(id);
    if (!i) return fail(ErrorCode::NotFound, "Cannot find device");
    for (const auto& a : i->addresses6)
        if (a.prefix.address() == address.address()) return fail(ErrorCode::AlreadyExists, "RTNETLINK answers: File exists");
    // ipv6_link_dev_addr: before the first address of the same or a narrower scope.
    auto scope = [](const wire::Ipv6Address& a) { return a.isLinkLocal() ? 2 : a == wire::Ipv6Address::loopback() ? 1 : 14; };
    auto at = std::find_if(i->addresses6.begin(), i->addresses6.end(),
                           [&](const Ipv6InterfaceAddress& a) { return scope(address.address()) >= scope(a.prefix.address()); });
    i->addresses6.insert(at, Ipv6InterfaceAddress{address, noDad});
    return {};
}

// --- routing ---------------------------------------------------------------------------------

core::Result<void> Kernel::addRoute(core::NamespaceId nsId, Route route) {
    NetNamespace* n = ns(nsId);
    if (!n) return fail(ErrorCode::NotFound, "Invalid \"netns\" value");
    const Interface* dev = interface(route.dev);
    if (route.gateway && !dev) {
        // `ip route add default via GW`: the device is the one whose connected route holds GW.
        auto via = n->routes().lookup(*route.gateway);
        if (!via || via->gateway) return fail(ErrorCode::Unreachable, "RTNETLINK answers: Network is unreachable");
        route.dev = via->dev;
        dev = interface(route.dev);
    }
    if (!dev || dev->ns != nsId) return fail(ErrorCode::NotFound, "Cannot find device");
    if (!dev->adminUp) return fail(ErrorCode::Unreachable, "RTNETLINK answers: Network is down");
    if (route.gateway) {
        auto via = n->routes().lookup(*route.gateway);
        if (!via || via->dev != route.dev || via->gateway)
            return fail(ErrorCode::Unreachable, "RTNETLINK answers: Network is unreachable");
    }
    return n->routes().add(std::move(route));
}

core::Result<void> Kernel::removeRoute(core::NamespaceId nsId, const wire::Ipv4Prefix& destination) {
    NetNamespace* n = ns(nsId);
    if (!n) return fail(ErrorCode::NotFound, "Invalid \"netns\" value");
    return n->routes().remove(destination);
}

void Kernel::setIpForward(core::NamespaceId nsId, bool on) {
    if (NetNamespace* n = ns(nsId)) n->setIpForward(on);
}

void Kernel::record(core::TraceKind kind, core::NamespaceId nsId, core::InterfaceId iface, core::PacketUid packet,
                    std::string detail, core::DropReason reason) {
    record(kind, nsId, iface, packet, std::move(detail), reason, TraceFacts{});
}

void Kernel::record(core::TraceKind kind, core::NamespaceId nsId, core::InterfaceId iface, core::PacketUid packet,
                    std::string detail, core::DropReason reason, TraceFacts facts) {
    if (!m_trace.isListening()) return;
    recordWith(kind, nsId, iface, packet, core::DetailForm::Text, detail, reason, facts);
}

namespace {

/// The text the kernel built per record before records were cheap: what a rendered form must
/// give back (checked in debug builds), and the literal text of a frame the renderer cannot
/// rebuild from its bytes.
std::string eagerDetail(core::DetailForm form, const Kernel::TraceFacts& facts, const Kernel& kernel) {
    auto nameOf = [&kernel](core::InterfaceId id) {
        const Interface* i = kernel.interface(id);
        return i ? i->name : std::string("?");
    };
    switch (form) {
        case core::DetailForm::Text: return {};
        case core::DetailForm::FrameSummary: return facts.frame ? facts.frame->summary() : std::string();
        case core::DetailForm::FrameWithMacs: return facts.frame ? facts.frame->summaryWithMacs() : std::string();
        case core::DetailForm::IpSummary: return facts.ip ? facts.ip->summary() : std::string();
        case core::DetailForm::FdbLearn:
        case core::DetailForm::FdbMoved:
            return facts.frame->src.toString() + " on " + nameOf(facts.port) +
                   (form == core::DetailForm::FdbMoved ? " (moved)" : "");
        case core::DetailForm::BridgeForward: return facts.frame->dst.toString() + " to " + nameOf(facts.port);
        case core::DetailForm::BridgeFlood: {
            std::string to;
            for (auto p : facts.ports) to += (to.empty() ? "" : ", ") + nameOf(p);
            return facts.frame->dst.toString() + " to " + (to.empty() ? std::string("no port") : to);
        }
    }
    return {};
}

}  // namespace

void Kernel::record(core::TraceKind kind, core::NamespaceId nsId, core::InterfaceId iface, core::PacketUid packet,
                    core::DetailForm form, core::DropReason reason, TraceFacts facts) {
    if (!m_trace.isListening()) return;  // nobody keeps or hears it: no text, no bytes
    // A log that keeps no records keeps no frames: what it tells its subscribers carries its text.
    const bool fromFrame = form == core::DetailForm::FrameSummary || form == core::DetailForm::FrameWithMacs;
    if (!m_trace.isRecording() || (fromFrame && !(facts.frame && rendersFromBytes(*facts.frame))) ||
        (form == core::DetailForm::IpSummary && !(facts.ip && rendersFromBytes(*facts.ip)))) {
        recordWith(kind, nsId, iface, packet, core::DetailForm::Text, eagerDetail(form, facts, *this), reason, facts);
        return;
    }
    [[maybe_unused]] const std::size_t before = m_trace.size();
    recordWith(kind, nsId, iface, packet, form, {}, reason, facts);
#ifndef NDEBUG
    // The safety net of the deferred text: what the renderer makes must be what was built before.
    if (const core::TraceRecord* last = m_trace.size() > before ? m_trace.at(before) : nullptr)
        if (const std::string want = eagerDetail(form, facts, *this); last->detail() != want) {
            std::fprintf(stderr, "trace detail rendered as \"%s\", built as \"%s\"\n", last->detail().c_str(), want.c_str());
            std::abort();
        }
#endif
}

void Kernel::recordWith(core::TraceKind kind, core::NamespaceId nsId, core::InterfaceId iface, core::PacketUid packet,
                        core::DetailForm form, std::string_view detail, core::DropReason reason, const TraceFacts& facts) {
    core::TraceRecord rec;
    rec.time = now();
    rec.kind = kind;
    rec.ns = nsId;
    rec.iface = iface;
    rec.packet = packet;
    rec.reason = reason;
    rec.form = form;
    rec.whereText = iface.isValid() ? m_traceNames.where(*this, m_trace, iface) : m_traceNames.place(*this, m_trace, nsId);
    rec.port = facts.port;
    if (form == core::DetailForm::FdbLearn || form == core::DetailForm::FdbMoved || form == core::DetailForm::BridgeForward)
        rec.portText = m_traceNames.name(*this, m_trace, facts.port);
    if (!facts.rule.empty()) rec.ruleText = m_trace.intern(facts.rule);
    if (!facts.chain.empty()) rec.chainText = m_trace.intern(facts.chain);
    if (!facts.fromState.empty()) rec.fromText = m_trace.intern(facts.fromState);
    if (!facts.toState.empty()) rec.toText = m_trace.intern(facts.toState);
    std::vector<core::TracePort> ports;
    ports.reserve(facts.ports.size());
    for (auto p : facts.ports) ports.push_back({p, m_traceNames.name(*this, m_trace, p)});
    if (!m_trace.isRecording()) {
        m_trace.record(rec, core::FrameLayer::None, {}, detail, ports);  // heard, not kept: no bytes
    } else if (facts.frame) {
        m_trace.record(rec, core::FrameLayer::Ethernet, m_traceEncoder.encode(*facts.frame), detail, ports);
    } else if (facts.ip) {
        m_trace.record(rec, core::FrameLayer::Ipv4, m_traceEncoder.encode(*facts.ip), detail, ports);
    } else {
        m_trace.record(rec, core::FrameLayer::None, {}, detail, ports);
    }
}

}  // namespace sim::net
