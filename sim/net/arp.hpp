// Arp: the ARP protocol of one namespace (RFC 826 as net/ipv4/arp.c does it) and the
// NeighborHost its NeighborTable calls back into.
//   Receive: a request for one of our addresses on the receiving interface is answered with a
//   unicast reply, and its sender is noted (STALE); a reply confirms a pending or known entry.
//   Requests for other hosts are ignored (no proxy ARP); so are replies nobody asked for.
//   Send: requests are broadcast (INCOMPLETE) or unicast to the cached MAC (PROBE), from the
//   interface address on the target's subnet.
#pragma once

#include "sim/core/ids.hpp"
#include "sim/net/neighbor_table.hpp"
#include "sim/net/packet.hpp"
#include "sim/wire/arp_packet.hpp"

namespace sim::net {

class Kernel;

class Arp final : public NeighborHost {
public:
    Arp(Kernel& kernel, core::NamespaceId ns) : m_kernel(kernel), m_ns(ns) {}

    /// An ARP packet arrived on `iface` (already accepted by the link layer).
    void input(core::InterfaceId iface, const Packet& packet);

    void solicit(const NeighborEntry& entry, std::optional<wire::MacAddress> unicastTo) override;
    void stateChanged(const NeighborEntry& entry, NeighborState from, NeighborState to) override;
    void resolved(const NeighborEntry& entry, std::vector<IpPacket> packets) override;
    void failed(const NeighborEntry& entry, std::vector<IpPacket> packets) override;
    void overflowed(const NeighborEntry& entry, IpPacket dropped) override;

private:
    Kernel& m_kernel;
    core::NamespaceId m_ns;
};

}  // namespace sim::net
