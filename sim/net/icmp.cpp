#include "sim/net/icmp.hpp"

#include "sim/net/ipv4_layer.hpp"
#include "sim/net/kernel.hpp"
#include "sim/net/transport_layer.hpp"

namespace sim::net {

using core::DropReason;
using core::TraceKind;

std::uint16_t Icmp::openEchoSocket(core::NamespaceId ns, EchoHandler handler) {
    std::uint16_t id;
    do {
        id = static_cast<std::uint16_t>(m_kernel.rng().uniform(1, 65535));
    } while (m_sockets.contains({ns.value, id}));
    m_sockets.emplace(std::pair{ns.value, id}, std::move(handler));
    return id;
}

void Icmp::closeEchoSocket(core::NamespaceId ns, std::uint16_t id) { m_sockets.erase({ns.value, id}); }

core::Result<void> Icmp::sendEcho(core::NamespaceId ns, const EchoRequest& r) {
    wire::Ipv4Packet ip;
    ip.src = r.src.value_or(wire::Ipv4Address::any());
    ip.dst = r.dst;
    ip.ttl = r.ttl;
    ip.payload = wire::IcmpMessage::echoRequest(r.id, r.sequence, r.dataLength);
    return m_kernel.ipv4().output(ns, IpPacket{m_kernel.newPacketUid(), std::move(ip)});
}

wire::IcmpQuote Icmp::quoteOf(const wire::Ipv4Packet& p) {
    wire::IcmpQuote q;
    q.src = p.src;
    q.dst = p.dst;
    q.protocol = static_cast<std::uint8_t>(p.protocol());
    q.ttl = p.ttl;
    q.ipId = p.id;
    if (auto* u = std::get_if<wire::UdpDatagram>(&p.payload)) {
        q.srcPortOrId = u->srcPort;
        q.dstPortOrSeq = u->dstPort;
    } else if (auto* t = std::get_if<wire::TcpSegment>(&p.payload)) {
        q.srcPortOrId = t->srcPort;
        q.dstPortOrSeq = t->dstPort;
    } else if (auto* i = std::get_if<wire::IcmpMessage>(&p.payload)) {
        q.srcPortOrId = i->id;
        q.dstPortOrSeq = i->sequence;
    }
    return q;
}

void Icmp::sendError(core::NamespaceId ns, core::InterfaceId, const wire::Ipv4Packet& original, wire::IcmpType type,
                     std::uint8_t code) {
    if (const auto* m = std::get_if<wire::IcmpMessage>(&original.payload); m && m->isError()) return;
    if (original.src.isAny() || original.src.isBroadcast() || original.dst.isBroadcast() || original.dst.isMulticast())
        return;
    NetNamespace* n = m_kernel.ns(ns);
    if (!n) return;
    wire::Ipv4Packet err;
    // icmp_send: the source is the original destination when that is ours (port unreachable),
    // else the address the route back to the sender picks (icmp_errors_use_inbound_ifaddr = 0).
    if (n->isLocalAddress(original.dst)) err.src = original.dst;
    else if (auto rd = m_kernel.ipv4().route(ns, original.src)) err.src = rd->source;
    err.dst = original.src;
    err.ttl = 64;
    const wire::IcmpQuote quote = quoteOf(original);
    err.payload = type == wire::IcmpType::TimeExceeded
                      ? wire::IcmpMessage::timeExceeded(quote)
                      : wire::IcmpMessage::unreachable(static_cast<wire::UnreachableCode>(code), quote);
    (void)m_kernel.ipv4().output(ns, IpPacket{m_kernel.newPacketUid(), std::move(err)});
}

void Icmp::input(core::NamespaceId ns, core::InterfaceId in, IpPacket packet) {
    const auto& msg = std::get<wire::IcmpMessage>(packet.ip.payload);
    switch (msg.type) {
        case wire::IcmpType::EchoRequest: {
            if (packet.ip.dst.isBroadcast() || !m_kernel.ns(ns)->isLocalAddress(packet.ip.dst)) return;
            wire::Ipv4Packet reply;
            reply.src = packet.ip.dst;
            reply.dst = packet.ip.src;
            reply.ttl = 64;
            reply.payload = wire::IcmpMessage::echoReply(msg.id, msg.sequence, msg.dataLength);
            (void)m_kernel.ipv4().output(ns, IpPacket{m_kernel.newPacketUid(), std::move(reply)});
            return;
        }
        case wire::IcmpType::EchoReply: {
            auto it = m_sockets.find({ns.value, msg.id});
            if (it == m_sockets.end()) {
                m_kernel.record(TraceKind::Drop, ns, in, packet.uid, core::DetailForm::IpSummary, DropReason::NoListener, Kernel::TraceFacts::ofIp(packet.ip));
                return;
            }
            EchoEvent ev{EchoEvent::Kind::Reply, packet.ip.src, msg.sequence, packet.ip.ttl, msg.dataLength,
                         msg.type, msg.code, m_kernel.now()};
            EchoHandler handler = it->second;  // the handler may close the socket
            handler(ev);
            return;
        }
        case wire::IcmpType::DestinationUnreachable:
        case wire::IcmpType::TimeExceeded: {
            if (!msg.quote) return;
            const auto& q = *msg.quote;
            if (q.protocol == static_cast<std::uint8_t>(wire::IpProtocol::Icmp)) {
                auto it = m_sockets.find({ns.value, q.srcPortOrId});
                if (it == m_sockets.end()) return;
                EchoEvent ev{EchoEvent::Kind::Error, packet.ip.src, q.dstPortOrSeq, packet.ip.ttl, 0,
                             msg.type, msg.code, m_kernel.now()};
                EchoHandler handler = it->second;
                handler(ev);
                return;
            }
            m_kernel.transport().icmpError(ns, packet.ip.src, q, msg.type, msg.code);
            return;
        }
    }
}

}  // namespace sim::net
