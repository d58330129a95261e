// Kernel: the simulated Linux machine. It owns every namespace and interface (id-keyed tables,
// so 10,000 containers cost lookups, not scans), the Scheduler, the TraceLog and the seeded
// Rng, and the protocol layers that move packets. Object management mirrors `ip`:
// namespaces, veth pairs whose ends can move, bridges and their ports, addresses, routes.
// Errors carry the text `ip` prints ("RTNETLINK answers: File exists").
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "sim/core/error.hpp"
#include "sim/core/ids.hpp"
#include "sim/core/rng.hpp"
#include "sim/core/scheduler.hpp"
#include "sim/core/trace.hpp"
#include "sim/net/bridge.hpp"
#include "sim/net/interface.hpp"
#include "sim/net/net_namespace.hpp"
#include "sim/net/routing_table.hpp"
#include "sim/net/trace_detail.hpp"

namespace sim::net {

class LinkLayer;
class Ipv4Layer;
class Icmp;
class TransportLayer;
class Netfilter;

struct KernelConfig {
    std::uint64_t seed = 1;
    /// One-way time a frame takes across a veth (both ends, plus the bridge hop inside).
    core::Duration vethLatency = core::micros(10);
    /// Time a packet to a local address takes through lo.
    core::Duration loopbackLatency = core::micros(5);
    NeighborParams neighbor{};
};

class Kernel {
public:
    explicit Kernel(KernelConfig config = {});
    ~Kernel();
    Kernel(const Kernel&) = delete;
    Kernel& operator=(const Kernel&) = delete;

    core::Scheduler& scheduler() { return m_scheduler; }
    core::TraceLog& trace() { return m_trace; }
    [[nodiscard]] const core::TraceLog& trace() const { return m_trace; }
    core::Rng& rng() { return m_rng; }
    [[nodiscard]] core::SimTime now() const { return m_scheduler.now(); }
    [[nodiscard]] const KernelConfig& config() const { return m_config; }

    // --- namespaces -------------------------------------------------------------------------
    /// A new namespace with a loopback interface "lo" (down, as `ip netns add` leaves it).
    core::Result<core::NamespaceId> createNamespace(const std::string& name);
    /// Destroys the namespace: its veths (and their peers) and bridges go with it.
    core::Result<void> deleteNamespace(core::NamespaceId id);
    NetNamespace* ns(core::NamespaceId id);
    [[nodiscard]] const NetNamespace* ns(core::NamespaceId id) const;
    [[nodiscard]] core::NamespaceId findNamespace(const std::string& name) const;
    /// Live namespaces in creation order.
    [[nodiscard]] std::vector<core::NamespaceId> namespaces() const;

    // --- interfaces -------------------------------------------------------------------------
    /// `ip link add nameA [netns A] type veth peer name nameB [netns B]`.
    core::Result<std::pair<core::InterfaceId, core::InterfaceId>> createVethPair(
        core::NamespaceId nsA, const std::string& nameA, core::NamespaceId nsB, const std::string& nameB,
        std::optional<wire::MacAddress> macA = std::nullopt, std::optional<wire::MacAddress> macB = std::nullopt);
    /// `ip link add name type bridge`.
    core::Result<core::InterfaceId> createBridge(core::NamespaceId ns, const std::string& name,
                                                 std::optional<wire::MacAddress> mac = std::nullopt);
    /// `ip link del`: a veth takes its peer with it; a bridge releases its ports.
    core::Result<void> deleteInterface(core::InterfaceId id);
    /// `ip link set port master bridge` (both in the same namespace).
    core::Result<void> setMaster(core::InterfaceId port, core::InterfaceId bridge);
    /// `ip link set port nomaster`.
    core::Result<void> clearMaster(core::InterfaceId port);
    /// `ip link set dev up|down`.
    core::Result<void> setUp(core::InterfaceId id, bool up);
    core::Result<void> setMac(core::InterfaceId id, const wire::MacAddress& mac);
    core::Result<void> setMtu(core::InterfaceId id, std::uint32_t mtu);
    core::Result<void> rename(core::InterfaceId id, const std::string& name);
    /// `ip link set dev netns ns`: the interface goes down and loses its addresses, as in Linux.
    core::Result<void> moveToNamespace(core::InterfaceId id, core::NamespaceId target);
    /// `ip addr add 172.17.0.2/16 dev eth0` (adds the connected route when the link is up).
    core::Result<void> addAddress(core::InterfaceId id, const wire::Ipv4Prefix& address);
    core::Result<void> removeAddress(core::InterfaceId id, const wire::Ipv4Prefix& address);
    /// `ip -6 addr add 2001:db8::2/64 dev eth0 [nodad]`: kept in the kernel's order (global
    /// scope before link scope, the newest first within a scope).
    core::Result<void> addAddress6(core::InterfaceId id, const wire::Ipv6Prefix& address, bool noDad = false);

    Interface* interface(core::InterfaceId id);
    [[nodiscard]] const Interface* interface(core::InterfaceId id) const;
    [[nodiscard]] core::InterfaceId findInterface(core::NamespaceId ns, const std::string& name) const;
    /// The namespace's interfaces by ifindex (the order `ip link` prints).
    [[nodiscard]] std::vector<core::InterfaceId> interfacesOf(core::NamespaceId ns) const;
    Bridge* bridge(core::InterfaceId id);
    [[nodiscard]] const Bridge* bridge(core::InterfaceId id) const;
    /// Up and, for a veth, its peer up too (no NO-CARRIER).
    [[nodiscard]] bool isOperUp(core::InterfaceId id) const;
    /// "nsname/ifname", the trace's way of naming a place.
    [[nodiscard]] std::string describe(core::InterfaceId id) const;
    [[nodiscard]] std::size_t interfaceCount() const { return m_liveInterfaces; }

    // --- routing ----------------------------------------------------------------------------
    /// `ip route add`: the device must be in the namespace, a gateway must be reachable on-link.
    core::Result<void> addRoute(core::NamespaceId ns, Route route);
    core::Result<void> removeRoute(core::NamespaceId ns, const wire::Ipv4Prefix& destination);
    void setIpForward(core::NamespaceId ns, bool on);
    /// The br_netfilter module (kernel-wide): dockerd loads it when it sets up a bridge. Until
    /// then /proc/sys/net/bridge does not exist and bridged frames bypass iptables.
    void loadBrNetfilter() { m_brNetfilter = true; }
    [[nodiscard]] bool brNetfilterLoaded() const { return m_brNetfilter; }

    // --- protocol layers ----------------------------------------------------------------------
    LinkLayer& link() { return *m_link; }
    Ipv4Layer& ipv4() { return *m_ipv4; }
    Icmp& icmp() { return *m_icmp; }
    TransportLayer& transport() { return *m_transport; }
    Netfilter& netfilter() { return *m_netfilter; }

    core::PacketUid newPacketUid() { return core::PacketUid(m_nextPacket++); }
    /// Appends a trace record stamped with now() and resolved place names.
    void record(core::TraceKind kind, core::NamespaceId ns, core::InterfaceId iface, core::PacketUid packet,
                std::string detail, core::DropReason reason = core::DropReason::None);
    /// What a record can carry besides its text: the frame or IPv4 packet as it was at the event
    /// (encoded only while someone keeps or hears records) and the facts the GUI explains it with.
    struct TraceFacts {
        const wire::EthernetFrame* frame = nullptr;
        const wire::Ipv4Packet* ip = nullptr;
        core::InterfaceId port;
        std::span<const core::InterfaceId> ports;  // must outlive the record() call only
        std::string rule;
        std::string chain;
        std::string fromState;
        std::string toState;

        static TraceFacts ofFrame(const wire::EthernetFrame& f) {
            TraceFacts t;
            t.frame = &f;
            return t;
        }
        static TraceFacts ofIp(const wire::Ipv4Packet& p) {
            TraceFacts t;
            t.ip = &p;
            return t;
        }
        TraceFacts&& withPort(core::InterfaceId p) && {
            port = p;
            return std::move(*this);
        }
        TraceFacts&& withPorts(std::span<const core::InterfaceId> p) && {
            ports = p;
            return std::move(*this);
        }
        TraceFacts&& withRule(std::string r, std::string c) && {
            rule = std::move(r);
            chain = std::move(c);
            return std::move(*this);
        }
        TraceFacts&& withStates(std::string from, std::string to) && {
            fromState = std::move(from);
            toState = std::move(to);
            return std::move(*this);
        }
    };
    void record(core::TraceKind kind, core::NamespaceId ns, core::InterfaceId iface, core::PacketUid packet,
                std::string detail, core::DropReason reason, TraceFacts facts);
    /// A record whose detail is made from its frame (and port names) when asked for, not now:
    /// the hot path (frames in and out, bridge decisions, ARP, ICMP echo).
    void record(core::TraceKind kind, core::NamespaceId ns, core::InterfaceId iface, core::PacketUid packet,
                core::DetailForm form, core::DropReason reason, TraceFacts facts);
    /// Random locally administered unicast MAC, as the kernel gives a new veth or bridge.
    wire::MacAddress randomMac();

private:
    core::Result<void> checkName(core::NamespaceId ns, const std::string& name) const;
    core::InterfaceId addInterface(Interface iface);
    void attachAddressRoutes(Interface& iface);
    void detachFromNamespace(Interface& iface);
    void releaseInterface(core::InterfaceId id);
    void recordWith(core::TraceKind kind, core::NamespaceId ns, core::InterfaceId iface, core::PacketUid packet,
                    core::DetailForm form, std::string_view detail, core::DropReason reason, const TraceFacts& facts);

    KernelConfig m_config;
    core::Scheduler m_scheduler;
    core::TraceLog m_trace;
    TraceNames m_traceNames;
    TraceEncoder m_traceEncoder;
    core::Rng m_rng;

    std::vector<std::unique_ptr<NetNamespace>> m_namespaces;  // index = NamespaceId
    std::unordered_map<std::string, core::NamespaceId> m_namespaceByName;
    std::vector<std::optional<Interface>> m_interfaces;       // index = InterfaceId
    std::unordered_map<core::InterfaceId, Bridge> m_bridges;
    std::size_t m_liveInterfaces = 0;
    std::uint64_t m_nextPacket = 1;

    std::unique_ptr<LinkLayer> m_link;
    std::unique_ptr<Ipv4Layer> m_ipv4;
    std::unique_ptr<Icmp> m_icmp;
    std::unique_ptr<TransportLayer> m_transport;
    std::unique_ptr<Netfilter> m_netfilter;
    bool m_brNetfilter = false;
};

}  // namespace sim::net
