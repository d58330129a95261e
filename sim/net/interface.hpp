// Interface: a network device as Linux has it. It belongs to exactly one namespace at a time;
// a veth end knows its peer; a bridge port knows its master. Bridges are interfaces too (their
// L3 side, e.g. docker0 with 172.17.0.1/16); their forwarding state lives in Bridge.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sim/core/ids.hpp"
#include "sim/wire/ipv4_address.hpp"
#include "sim/wire/ipv6_address.hpp"
#include "sim/wire/mac_address.hpp"

namespace sim::net {

using core::InterfaceId;
using core::NamespaceId;

enum class InterfaceKind : std::uint8_t { Loopback, Veth, Bridge };

std::string_view toString(InterfaceKind kind);

/// An IPv6 address of an interface. docknet's kernel forwards no IPv6: these addresses are
/// configuration that tools show (`ip -6 addr`, ifconfig, hostname -I), never traffic.
struct Ipv6InterfaceAddress {
    wire::Ipv6Prefix prefix;  // 2001:db8::2/64
    bool noDad = false;       // IFA_F_NODAD, as libnetwork adds its addresses
};

struct Interface {
    InterfaceId id;
    std::uint32_t ifindex = 0;  // what `ip link` prints before the name, and after "@if"
    std::string name;
    InterfaceKind kind = InterfaceKind::Veth;
    NamespaceId ns;
    wire::MacAddress mac;
    std::uint32_t mtu = 1500;
    bool adminUp = false;
    std::vector<wire::Ipv4Prefix> addresses;  // "172.17.0.2/16": address plus prefix length
    std::vector<Ipv6InterfaceAddress> addresses6;  // in the kernel's list order: global before link scope, newest first
    InterfaceId peer;                         // veth only
    InterfaceId master;                       // set when enslaved to a bridge
    // The Docker host's own NIC. It is modelled as a veth to the namespace that stands for the
    // Internet, but tools show it as the physical device it stands for: no "@ifN" peer, no
    // link-netnsid, a qdisc (fq_codel) and a transmit queue of 1000.
    bool physicalNic = false;

    [[nodiscard]] bool isLoopback() const { return kind == InterfaceKind::Loopback; }
    [[nodiscard]] bool isBridge() const { return kind == InterfaceKind::Bridge; }
    [[nodiscard]] bool isVeth() const { return kind == InterfaceKind::Veth; }
    [[nodiscard]] bool hasAddress(wire::Ipv4Address a) const {
        for (const auto& p : addresses)
            if (p.address() == a) return true;
        return false;
    }
    /// The first address whose prefix contains `a`, as Linux picks a source address.
    [[nodiscard]] const wire::Ipv4Prefix* addressFor(wire::Ipv4Address a) const {
        for (const auto& p : addresses)
            if (p.contains(a)) return &p;
        return nullptr;
    }
    [[nodiscard]] const wire::Ipv4Prefix* primaryAddress() const { return addresses.empty() ? nullptr : &addresses.front(); }
};

}  // namespace sim::net
