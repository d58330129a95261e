#include "sim/net/arp.hpp"

#include "sim/net/icmp.hpp"
#include "sim/net/ipv4_layer.hpp"
#include "sim/net/kernel.hpp"
#include "sim/net/link_layer.hpp"

namespace sim::net {

using core::DropReason;
using core::TraceKind;

void Arp::input(core::InterfaceId in, const Packet& packet) {
    const wire::ArpPacket& a = *packet.frame.arp();
    NetNamespace& n = *m_kernel.ns(m_ns);
    const Interface& iface = *m_kernel.interface(in);

    if (a.op == wire::ArpOp::Request) {
        // arp_ignore = 0: answer for any local address, whichever interface it is on.
        const bool forUs = !a.targetIp.isLoopback() && n.localAddressOwner(a.targetIp).isValid();
        if (!forUs) {
            // Not for us: only refresh a neighbour we already know (arp_accept = 0).
            if (n.neighbors().find(in, a.senderIp) && !a.senderIp.isAny())
                n.neighbors().noteSender(in, a.senderIp, a.senderMac);
            return;
        }
        if (!a.senderIp.isAny()) n.neighbors().noteSender(in, a.senderIp, a.senderMac);
        wire::EthernetFrame reply{a.senderMac, iface.mac,
                                  wire::ArpPacket::reply(iface.mac, a.targetIp, a.senderMac, a.senderIp)};
        const core::PacketUid uid = m_kernel.newPacketUid();
        m_kernel.record(TraceKind::ArpReply, m_ns, in, uid, core::DetailForm::FrameSummary, DropReason::None, Kernel::TraceFacts::ofFrame(reply));
        m_kernel.link().transmit(in, Packet{uid, std::move(reply)});
        return;
    }
    n.neighbors().confirm(in, a.senderIp, a.senderMac);
}

void Arp::solicit(const NeighborEntry& entry, std::optional<wire::MacAddress> unicastTo) {
    const Interface* iface = m_kernel.interface(entry.dev);
    if (!iface) return;
    NetNamespace& n = *m_kernel.ns(m_ns);
    // arp_solicit with arp_announce = 0: the queued packet's source when it is ours, else the
    // interface address on the target's subnet, else its first address.
    wire::Ipv4Address src;
    if (!entry.queue.empty() && n.isLocalAddress(entry.queue.front().ip.src)) src = entry.queue.front().ip.src;
    else if (const auto* a = iface->addressFor(entry.ip)) src = a->address();
    else if (const auto* p = iface->primaryAddress()) src = p->address();
    wire::EthernetFrame frame{unicastTo.value_or(wire::MacAddress::broadcast()), iface->mac,
                              wire::ArpPacket::request(iface->mac, src, entry.ip)};
    const core::PacketUid uid = m_kernel.newPacketUid();
    m_kernel.record(TraceKind::ArpRequest, m_ns, entry.dev, uid, core::DetailForm::FrameSummary, DropReason::None, Kernel::TraceFacts::ofFrame(frame));
    m_kernel.link().transmit(entry.dev, Packet{uid, std::move(frame)});
}

void Arp::stateChanged(const NeighborEntry& entry, NeighborState from, NeighborState to) {
    std::string detail = entry.ip.toString() + " " + std::string(toString(from)) + " -> " + std::string(toString(to));
    if (entry.mac && to != NeighborState::Incomplete && to != NeighborState::Failed)
        detail += " lladdr " + entry.mac->toString();
    m_kernel.record(TraceKind::NeighborState, m_ns, entry.dev, {}, std::move(detail), DropReason::None,
                    Kernel::TraceFacts{}.withStates(std::string(toString(from)), std::string(toString(to))));
}

void Arp::resolved(const NeighborEntry& entry, std::vector<IpPacket> packets) {
    for (auto& p : packets) m_kernel.ipv4().transmitTo(entry.dev, *entry.mac, std::move(p));
}

void Arp::failed(const NeighborEntry& entry, std::vector<IpPacket> packets) {
    for (auto& p : packets) {
        m_kernel.record(TraceKind::Drop, m_ns, entry.dev, p.uid, core::DetailForm::IpSummary, DropReason::ArpFailed, Kernel::TraceFacts::ofIp(p.ip));
        // arp_error_report -> icmp_send(ICMP_DEST_UNREACH, ICMP_HOST_UNREACH) to the source.
        m_kernel.icmp().sendError(m_ns, entry.dev, p.ip, wire::IcmpType::DestinationUnreachable,
                                  static_cast<std::uint8_t>(wire::UnreachableCode::Host));
    }
}

void Arp::overflowed(const NeighborEntry& entry, IpPacket dropped) {
    m_kernel.record(TraceKind::Drop, m_ns, entry.dev, dropped.uid, core::DetailForm::IpSummary, DropReason::QueueFull, Kernel::TraceFacts::ofIp(dropped.ip));
}

}  // namespace sim::net
