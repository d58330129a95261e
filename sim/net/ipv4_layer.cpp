#include "sim/net/ipv4_layer.hpp"

#include "sim/net/icmp.hpp"
#include "sim/net/kernel.hpp"
#include "sim/net/link_layer.hpp"
#include "sim/net/netfilter.hpp"
#include "sim/net/transport_layer.hpp"

namespace sim::net {

using core::DropReason;
using core::ErrorCode;
using core::TraceKind;

core::Result<RouteDecision> Ipv4Layer::route(core::NamespaceId nsId, wire::Ipv4Address dst) const {
    const NetNamespace* n = m_kernel.ns(nsId);
    if (!n) return core::fail(ErrorCode::NotFound, "no such namespace");
    if (n->isLocalAddress(dst)) {
        // The local table: delivered through lo, from the destination address itself.
        return RouteDecision{n->loopback(), dst, dst, true};
    }
    auto r = n->routes().lookup(dst);
    if (!r || !m_kernel.interface(r->dev)) return core::fail(ErrorCode::Unreachable, "Network is unreachable");
    RouteDecision rd;
    rd.dev = r->dev;
    rd.nextHop = r->gateway.value_or(dst);
    const Interface& dev = *m_kernel.interface(r->dev);
    if (r->prefSrc) rd.source = *r->prefSrc;
    else if (const auto* a = dev.addressFor(rd.nextHop)) rd.source = a->address();
    else if (const auto* p = dev.primaryAddress()) rd.source = p->address();
    return rd;
}

void Ipv4Layer::traceRoute(core::NamespaceId ns, const IpPacket& p, const RouteDecision& rd) {
    const Interface* dev = m_kernel.interface(rd.dev);
    std::string detail = p.ip.dst.toString();
    if (rd.isLocal) detail += " local dev lo";
    else {
        if (rd.nextHop != p.ip.dst) detail += " via " + rd.nextHop.toString();
        detail += " dev " + (dev ? dev->name : std::string("?"));
    }
    if (!rd.source.isAny() && !rd.isLocal) detail += " src " + rd.source.toString();
    m_kernel.record(TraceKind::RouteLookup, ns, {}, p.uid, std::move(detail), DropReason::None, Kernel::TraceFacts::ofIp(p.ip));
}

core::Result<void> Ipv4Layer::output(core::NamespaceId nsId, IpPacket packet) {
    NetNamespace* n = m_kernel.ns(nsId);
    if (!n) return core::fail(ErrorCode::NotFound, "no such namespace");
    if (!packet.uid.isValid()) packet.uid = m_kernel.newPacketUid();
    if (packet.ip.id == 0) packet.ip.id = n->nextIpId();

    auto rd = route(nsId, packet.ip.dst);
    if (!rd) {
        m_kernel.record(TraceKind::RouteLookup, nsId, {}, packet.uid, packet.ip.dst.toString() + " unreachable", DropReason::None, Kernel::TraceFacts::ofIp(packet.ip));
        m_kernel.record(TraceKind::Drop, nsId, {}, packet.uid, core::DetailForm::IpSummary, DropReason::NoRoute, Kernel::TraceFacts::ofIp(packet.ip));
        return std::unexpected(rd.error());
    }
    if (packet.ip.src.isAny()) packet.ip.src = rd->source;
    traceRoute(nsId, packet, *rd);

    const wire::Ipv4Address before = packet.ip.dst;
    if (!m_kernel.netfilter().localOut(nsId, rd->dev, packet)) return {};  // filtered: a silent drop
    if (packet.ip.dst != before) {
        // ip_route_me_harder: a DNAT in OUTPUT sends the packet where the new address routes.
        auto again = route(nsId, packet.ip.dst);
        if (!again) {
            m_kernel.record(TraceKind::Drop, nsId, {}, packet.uid, core::DetailForm::IpSummary, DropReason::NoRoute, Kernel::TraceFacts::ofIp(packet.ip));
            return std::unexpected(again.error());
        }
        rd = again;
        traceRoute(nsId, packet, *rd);
    }
    finishOutput(nsId, *rd, std::move(packet));
    return {};
}

bool Ipv4Layer::isBroadcastFor(core::InterfaceId dev, wire::Ipv4Address dst) const {
    if (dst.isBroadcast()) return true;
    const Interface* i = m_kernel.interface(dev);
    if (!i) return false;
    for (const auto& a : i->addresses)
        if (a.length() < 31 && a.broadcast() == dst) return true;
    return false;
}

void Ipv4Layer::finishOutput(core::NamespaceId nsId, const RouteDecision& rd, IpPacket packet) {
    if (!m_kernel.netfilter().postrouting(nsId, rd.dev, packet)) return;
    NetNamespace& n = *m_kernel.ns(nsId);
    const Interface* dev = m_kernel.interface(rd.dev);
    if (!dev) return;
    if (dev->isLoopback()) {
        wire::EthernetFrame frame{wire::MacAddress::zero(), wire::MacAddress::zero(), std::move(packet.ip)};
        m_kernel.link().transmit(rd.dev, Packet{packet.uid, std::move(frame)});
        return;
    }
    if (isBroadcastFor(rd.dev, rd.nextHop)) {
        transmitTo(rd.dev, wire::MacAddress::broadcast(), std::move(packet));
        return;
    }
    if (auto mac = n.neighbors().output(rd.dev, rd.nextHop, packet)) transmitTo(rd.dev, *mac, std::move(packet));
}

void Ipv4Layer::transmitTo(core::InterfaceId dev, const wire::MacAddress& dstMac, IpPacket packet) {
    const Interface* i = m_kernel.interface(dev);
    if (!i) return;
    wire::EthernetFrame frame{dstMac, i->mac, std::move(packet.ip)};
    m_kernel.link().transmit(dev, Packet{packet.uid, std::move(frame)});
}

void Ipv4Layer::input(core::InterfaceId in, Packet packet) {
    const Interface* iface = m_kernel.interface(in);
    if (!iface || !packet.frame.isIpv4()) return;
    const core::NamespaceId nsId = iface->ns;
    NetNamespace& n = *m_kernel.ns(nsId);
    IpPacket p{packet.uid, std::move(*packet.frame.ipv4())};

    if (!m_kernel.netfilter().prerouting(nsId, in, p)) return;

    if (n.isLocalAddress(p.ip.dst) || isBroadcastFor(in, p.ip.dst)) {
        if (!m_kernel.netfilter().input(nsId, in, p)) return;
        deliverLocal(nsId, in, std::move(p));
        return;
    }
    forward(nsId, in, std::move(p));
}

void Ipv4Layer::forward(core::NamespaceId nsId, core::InterfaceId in, IpPacket packet) {
    NetNamespace& n = *m_kernel.ns(nsId);
    if (!n.ipForward()) {
        // With forwarding off, ip_error drops the packet without an ICMP answer.
        m_kernel.record(TraceKind::Drop, nsId, in, packet.uid, core::DetailForm::IpSummary, DropReason::NotForwarding, Kernel::TraceFacts::ofIp(packet.ip));
        return;
    }
    auto rd = route(nsId, packet.ip.dst);
    if (!rd) {
        m_kernel.record(TraceKind::RouteLookup, nsId, {}, packet.uid, packet.ip.dst.toString() + " unreachable", DropReason::None, Kernel::TraceFacts::ofIp(packet.ip));
        m_kernel.record(TraceKind::Drop, nsId, in, packet.uid, core::DetailForm::IpSummary, DropReason::NoRoute, Kernel::TraceFacts::ofIp(packet.ip));
        m_kernel.icmp().sendError(nsId, in, packet.ip, wire::IcmpType::DestinationUnreachable,
                                  static_cast<std::uint8_t>(wire::UnreachableCode::Network));
        return;
    }
    traceRoute(nsId, packet, *rd);
    if (packet.ip.ttl <= 1) {
        m_kernel.record(TraceKind::Drop, nsId, in, packet.uid, core::DetailForm::IpSummary, DropReason::TtlExceeded, Kernel::TraceFacts::ofIp(packet.ip));
        m_kernel.icmp().sendError(nsId, in, packet.ip, wire::IcmpType::TimeExceeded, 0);
        return;
    }
    if (!m_kernel.netfilter().forward(nsId, in, rd->dev, packet)) return;
    packet.ip.ttl = static_cast<std::uint8_t>(packet.ip.ttl - 1);
    finishOutput(nsId, *rd, std::move(packet));
}

void Ipv4Layer::deliverLocal(core::NamespaceId nsId, core::InterfaceId in, IpPacket packet) {
    m_kernel.record(TraceKind::Deliver, nsId, in, packet.uid, core::DetailForm::IpSummary, DropReason::None, Kernel::TraceFacts::ofIp(packet.ip));
    switch (packet.ip.protocol()) {
        case wire::IpProtocol::Icmp: m_kernel.icmp().input(nsId, in, std::move(packet)); return;
        case wire::IpProtocol::Udp:
        case wire::IpProtocol::Tcp: m_kernel.transport().input(nsId, in, std::move(packet)); return;
    }
}

}  // namespace sim::net
