// Ipv4Layer: IPv4 in one kernel, following the Linux path of a packet:
//   local out:  route -> netfilter OUTPUT (nat, filter) -> re-route if DNAT moved it ->
//               POSTROUTING (nat) -> neighbour output (or lo for a local destination)
//   input:      PREROUTING (conntrack, nat) -> route: local -> INPUT (filter) -> ICMP/UDP/TCP
//                                              forward (ip_forward) -> TTL -> FORWARD (filter)
//                                              -> POSTROUTING (nat) -> neighbour output
// No options, fragmentation, multicast routing, policy routing or ICMP redirects.
#pragma once

#include <optional>
#include <string>

#include "sim/core/error.hpp"
#include "sim/core/ids.hpp"
#include "sim/net/packet.hpp"
#include "sim/wire/ipv4_address.hpp"
#include "sim/wire/mac_address.hpp"

namespace sim::net {

class Kernel;

/// Where a packet goes: out of `dev` to `nextHop` (the gateway, or the destination itself).
struct RouteDecision {
    core::InterfaceId dev;
    wire::Ipv4Address nextHop;
    wire::Ipv4Address source;  // the address Linux would pick as source
    bool isLocal = false;      // the destination is one of the namespace's own addresses
};

class Ipv4Layer {
public:
    explicit Ipv4Layer(Kernel& kernel) : m_kernel(kernel) {}

    /// A packet made by a process in `ns` (ip_local_out). An unset source is filled in.
    /// Error ErrorCode::Unreachable "Network is unreachable" when there is no route: the caller
    /// (ping, connect) reports it as the syscall would.
    core::Result<void> output(core::NamespaceId ns, IpPacket packet);
    /// The route and source address for `dst`, or "Network is unreachable".
    core::Result<RouteDecision> route(core::NamespaceId ns, wire::Ipv4Address dst) const;

    /// A frame carrying IPv4 arrived on `in` for this host.
    void input(core::InterfaceId in, Packet packet);
    /// Wraps `packet` in a frame to `dstMac` and sends it out of `dev` (neighbour resolved).
    void transmitTo(core::InterfaceId dev, const wire::MacAddress& dstMac, IpPacket packet);

private:
    void forward(core::NamespaceId ns, core::InterfaceId in, IpPacket packet);
    void deliverLocal(core::NamespaceId ns, core::InterfaceId in, IpPacket packet);
    /// POSTROUTING then the neighbour layer (or lo).
    void finishOutput(core::NamespaceId ns, const RouteDecision& rd, IpPacket packet);
    void traceRoute(core::NamespaceId ns, const IpPacket& p, const RouteDecision& rd);
    [[nodiscard]] bool isBroadcastFor(core::InterfaceId dev, wire::Ipv4Address dst) const;

    Kernel& m_kernel;
};

}  // namespace sim::net
