// NetNamespace: one network namespace's own state — its interfaces (by id and by name), its
// addresses, routing table, neighbour table, sockets, iptables tables, conntrack and the
// ip_forward switch. Packet processing lives in the layers (LinkLayer, Ipv4Layer, ...);
// this is the per-namespace data they work on.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "sim/core/ids.hpp"
#include "sim/net/conntrack.hpp"
#include "sim/net/neighbor_table.hpp"
#include "sim/net/routing_table.hpp"
#include "sim/wire/ipv6_address.hpp"
#include "sim/net/socket_table.hpp"
#include "sim/net/xt_table.hpp"
#include "sim/wire/ipv4_address.hpp"

namespace sim::net {

class Arp;

class NetNamespace {
public:
    NetNamespace(core::NamespaceId id, std::string name);
    ~NetNamespace();
    NetNamespace(const NetNamespace&) = delete;
    NetNamespace& operator=(const NetNamespace&) = delete;

    [[nodiscard]] core::NamespaceId id() const { return m_id; }
    [[nodiscard]] const std::string& name() const { return m_name; }

    /// Interfaces in creation order (`ip link` order is by ifindex; see Kernel::interfacesOf).
    [[nodiscard]] const std::vector<core::InterfaceId>& interfaces() const { return m_interfaces; }
    [[nodiscard]] core::InterfaceId findInterface(const std::string& name) const {
        auto it = m_byName.find(name);
        return it == m_byName.end() ? core::InterfaceId{} : it->second;
    }
    [[nodiscard]] core::InterfaceId loopback() const { return m_loopback; }

    /// The interface that owns `a`, if `a` is one of this namespace's addresses (the local table).
    [[nodiscard]] core::InterfaceId localAddressOwner(wire::Ipv4Address a) const {
        auto it = m_localAddresses.find(a);
        return it == m_localAddresses.end() ? core::InterfaceId{} : it->second;
    }
    [[nodiscard]] bool isLocalAddress(wire::Ipv4Address a) const {
        return m_localAddresses.contains(a) || (a.isLoopback() && m_loopbackUp);
    }

    RoutingTable& routes() { return m_routes; }
    [[nodiscard]] const RoutingTable& routes() const { return m_routes; }
    Arp& arp() { return *m_arp; }
    NeighborTable& neighbors() { return *m_neighbors; }
    [[nodiscard]] const NeighborTable& neighbors() const { return *m_neighbors; }
    SocketTable& sockets() { return m_sockets; }
    [[nodiscard]] const SocketTable& sockets() const { return m_sockets; }
    XtTable& filter() { return m_filter; }
    [[nodiscard]] const XtTable& filter() const { return m_filter; }
    XtTable& nat() { return m_nat; }
    [[nodiscard]] const XtTable& nat() const { return m_nat; }
    Conntrack& conntrack() { return m_conntrack; }
    [[nodiscard]] const Conntrack& conntrack() const { return m_conntrack; }

    [[nodiscard]] bool ipForward() const { return m_ipForward; }
    void setIpForward(bool on) { m_ipForward = on; }
    /// net.bridge.bridge-nf-call-iptables (per namespace since Linux 5.3; 1 when br_netfilter
    /// loads): bridged IPv4 frames go through the iptables hooks, see LinkLayer::bridgeInput.
    [[nodiscard]] bool bridgeNfCallIptables() const { return m_bridgeNfCallIptables; }
    void setBridgeNfCallIptables(bool on) { m_bridgeNfCallIptables = on; }
    /// br_netfilter's other switches, per namespace like the one above, with the kernel's
    /// defaults. Nothing in the model reads them: it carries no IPv6, filters no ARP (arptables)
    /// and sees no VLAN- or PPPoE-tagged frames.
    struct BrNetfilterSwitches {
        bool callIp6tables = true;
        bool callArptables = true;
        bool filterVlanTagged = false;
        bool filterPppoeTagged = false;
        bool passVlanInputDev = false;
    };
    [[nodiscard]] const BrNetfilterSwitches& brNetfilterSwitches() const { return m_brNetfilterSwitches; }
    BrNetfilterSwitches& brNetfilterSwitches() { return m_brNetfilterSwitches; }

    std::uint16_t nextIpId() { return m_ipId++; }

    /// The IPv6 default route (`ip -6 route`'s "default via GW dev DEV metric 1024"); the
    /// connected IPv6 routes follow from the interfaces' addresses.
    struct Ipv6DefaultRoute {
        wire::Ipv6Address gateway;
        core::InterfaceId dev;
    };
    [[nodiscard]] const std::optional<Ipv6DefaultRoute>& ipv6DefaultRoute() const { return m_ipv6Default; }
    void setIpv6DefaultRoute(std::optional<Ipv6DefaultRoute> route) { m_ipv6Default = route; }

private:
    friend class Kernel;

    core::NamespaceId m_id;
    std::string m_name;
    std::vector<core::InterfaceId> m_interfaces;
    std::unordered_map<std::string, core::InterfaceId> m_byName;
    std::unordered_map<wire::Ipv4Address, core::InterfaceId> m_localAddresses;
    core::InterfaceId m_loopback;
    bool m_loopbackUp = false;
    std::uint32_t m_nextIfindex = 2;  // lo is always 1

    RoutingTable m_routes;
    std::unique_ptr<Arp> m_arp;  // the NeighborHost of m_neighbors; declared before it
    std::unique_ptr<NeighborTable> m_neighbors;
    SocketTable m_sockets;
    XtTable m_filter{XtTableKind::Filter};
    XtTable m_nat{XtTableKind::Nat};
    Conntrack m_conntrack;
    bool m_ipForward = false;
    bool m_bridgeNfCallIptables = true;
    BrNetfilterSwitches m_brNetfilterSwitches;
    std::uint16_t m_ipId = 1;
    std::optional<Ipv6DefaultRoute> m_ipv6Default;
};

}  // namespace sim::net
