#include "sim/net/link_layer.hpp"

#include <utility>

#include "sim/net/arp.hpp"
#include "sim/net/ipv4_layer.hpp"
#include "sim/net/kernel.hpp"
#include "sim/net/netfilter.hpp"

namespace sim::net {

using core::DropReason;
using core::TraceKind;

void LinkLayer::transmit(core::InterfaceId out, Packet packet) {
    const Interface* iface = m_kernel.interface(out);
    if (!iface) return;
    if (!m_kernel.isOperUp(out)) {
        m_kernel.record(TraceKind::Drop, iface->ns, out, packet.uid, core::DetailForm::FrameSummary, DropReason::InterfaceDown, Kernel::TraceFacts::ofFrame(packet.frame));
        return;
    }
    m_kernel.record(TraceKind::FrameTx, iface->ns, out, packet.uid, core::DetailForm::FrameWithMacs, DropReason::None, Kernel::TraceFacts::ofFrame(packet.frame));
    switch (iface->kind) {
        case InterfaceKind::Veth: {
            const core::InterfaceId peer = iface->peer;
            m_kernel.scheduler().schedule(m_kernel.config().vethLatency,
                                          [this, peer, p = std::move(packet)]() mutable { receive(peer, std::move(p)); });
            return;
        }
        case InterfaceKind::Bridge:
            // The host sends through the bridge device: the bridge forwards it like any frame
            // (br_dev_xmit), without learning the bridge's own MAC.
            bridgeInput(out, out, std::move(packet));
            return;
        case InterfaceKind::Loopback:
            m_kernel.scheduler().schedule(m_kernel.config().loopbackLatency,
                                          [this, out, p = std::move(packet)]() mutable { receive(out, std::move(p)); });
            return;
    }
}

void LinkLayer::receive(core::InterfaceId in, Packet packet) {
    const Interface* iface = m_kernel.interface(in);
    if (!iface) return;  // deleted while the frame was in flight
    if (!iface->adminUp) {
        m_kernel.record(TraceKind::Drop, iface->ns, in, packet.uid, core::DetailForm::FrameSummary, DropReason::InterfaceDown, Kernel::TraceFacts::ofFrame(packet.frame));
        return;
    }
    m_kernel.record(TraceKind::FrameRx, iface->ns, in, packet.uid, core::DetailForm::FrameWithMacs, DropReason::None, Kernel::TraceFacts::ofFrame(packet.frame));
    if (iface->master.isValid()) {
        bridgeInput(iface->master, in, std::move(packet));
        return;
    }
    deliverUp(in, std::move(packet));
}

void LinkLayer::bridgeInput(core::InterfaceId bridgeId, core::InterfaceId ingress, Packet packet) {
    Bridge* br = m_kernel.bridge(bridgeId);
    const Interface* brIface = m_kernel.interface(bridgeId);
    if (!br || !brIface) return;
    if (!brIface->adminUp) {
        m_kernel.record(TraceKind::Drop, brIface->ns, ingress, packet.uid, core::DetailForm::FrameSummary, DropReason::InterfaceDown, Kernel::TraceFacts::ofFrame(packet.frame));
        return;
    }
    const auto& f = packet.frame;
    const BridgeDecision d = br->decide(ingress, f.src, f.dst, brIface->mac, m_kernel.now(),
                                        [this](core::InterfaceId p) { return m_kernel.isOperUp(p); });
    if (d.learned == FdbLearnResult::Learned || d.learned == FdbLearnResult::Moved) {
        m_kernel.record(TraceKind::FdbLearn, brIface->ns, bridgeId, packet.uid,
                        d.learned == FdbLearnResult::Moved ? core::DetailForm::FdbMoved : core::DetailForm::FdbLearn,
                        DropReason::None, Kernel::TraceFacts::ofFrame(packet.frame).withPort(ingress));
    }
    if (d.ingressIsEgress) {
        m_kernel.record(TraceKind::Drop, brIface->ns, ingress, packet.uid, core::DetailForm::FrameSummary, DropReason::SamePort, Kernel::TraceFacts::ofFrame(packet.frame));
        return;
    }
    if (d.action == BridgeDecision::Action::Forward) {
        m_kernel.record(TraceKind::BridgeForward, brIface->ns, bridgeId, packet.uid, core::DetailForm::BridgeForward,
                        DropReason::None, Kernel::TraceFacts::ofFrame(packet.frame).withPort(d.ports.front()));
    } else if (d.action == BridgeDecision::Action::Flood) {
        m_kernel.record(TraceKind::BridgeFlood, brIface->ns, bridgeId, packet.uid, core::DetailForm::BridgeFlood,
                        DropReason::None, Kernel::TraceFacts::ofFrame(packet.frame).withPort(ingress).withPorts(d.ports));
    }
    // br_netfilter runs the hooks once per bridged frame here (the kernel runs FORWARD and
    // POSTROUTING per egress port; an IPv4 flood is rare: unknown unicast after the FDB aged).
    if (!d.ports.empty() && !d.deliverLocally && ingress != bridgeId && !bridgedIptables(bridgeId, packet)) return;
    for (auto p : d.ports) transmit(p, packet);
    if (d.deliverLocally) {
        // br_pass_frame_up: the host's own stack receives the frame on the bridge device.
        m_kernel.record(TraceKind::FrameRx, brIface->ns, bridgeId, packet.uid, core::DetailForm::FrameWithMacs, DropReason::None, Kernel::TraceFacts::ofFrame(packet.frame));
        deliverUp(bridgeId, std::move(packet));
    }
}

bool LinkLayer::bridgedIptables(core::InterfaceId bridgeId, Packet& packet) {
    wire::Ipv4Packet* ip = packet.frame.ipv4();
    if (!ip || !m_kernel.brNetfilterLoaded()) return true;
    const core::NamespaceId nsId = m_kernel.interface(bridgeId)->ns;
    if (!m_kernel.ns(nsId)->bridgeNfCallIptables()) return true;
    IpPacket p{packet.uid, *ip};
    Netfilter& nf = m_kernel.netfilter();
    if (!nf.prerouting(nsId, bridgeId, p) || !nf.forward(nsId, bridgeId, bridgeId, p) || !nf.postrouting(nsId, bridgeId, p))
        return false;
    *ip = std::move(p.ip);
    return true;
}

void LinkLayer::deliverUp(core::InterfaceId in, Packet packet) {
    const Interface* iface = m_kernel.interface(in);
    const auto& f = packet.frame;
    // eth_type_trans: frames for another host are PACKET_OTHERHOST and dropped by IP.
    if (!iface->isLoopback() && f.dst != iface->mac && !f.dst.isMulticast()) {
        m_kernel.record(TraceKind::Drop, iface->ns, in, packet.uid, core::DetailForm::FrameSummary, DropReason::NotForUs, Kernel::TraceFacts::ofFrame(packet.frame));
        return;
    }
    NetNamespace* n = m_kernel.ns(iface->ns);
    if (f.isArp()) {
        if (iface->isLoopback()) return;  // lo is NOARP
        n->arp().input(in, packet);
        return;
    }
    m_kernel.ipv4().input(in, std::move(packet));
}

}  // namespace sim::net
