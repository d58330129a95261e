#include "sim/net/transport_layer.hpp"

#include "sim/net/icmp.hpp"
#include "sim/net/ipv4_layer.hpp"
#include "sim/net/kernel.hpp"

namespace sim::net {

using core::DropReason;
using core::TraceKind;
namespace flags = wire::tcp_flags;

std::string_view toString(ConnectOutcome outcome) {
    switch (outcome) {
        case ConnectOutcome::Connected: return "Connected";
        case ConnectOutcome::Refused: return "Connection refused";
        case ConnectOutcome::HostUnreachable: return "No route to host";
        case ConnectOutcome::NetUnreachable: return "Network is unreachable";
        case ConnectOutcome::TimedOut: return "Connection timed out";
    }
    return "?";
}

core::Result<SocketId> TransportLayer::bind(core::NamespaceId ns, Transport t, wire::Ipv4Address address,
                                            std::uint16_t port, std::string owner, UdpReceiver receiver) {
    NetNamespace* n = m_kernel.ns(ns);
    if (!n) return core::fail(core::ErrorCode::NotFound, "no such namespace");
    if (!address.isAny() && !n->isLocalAddress(address))
        return core::fail(core::ErrorCode::AddressNotAvailable, "Cannot assign requested address");
    return n->sockets().bind(t, address, port, std::move(owner), std::move(receiver));
}

core::Result<SocketId> TransportLayer::bindIpv6Any(core::NamespaceId ns, Transport t, std::uint16_t port, bool v6only,
                                                   std::string owner) {
    NetNamespace* n = m_kernel.ns(ns);
    if (!n) return core::fail(core::ErrorCode::NotFound, "no such namespace");
    return n->sockets().bindIpv6Any(t, port, v6only, std::move(owner));
}

bool TransportLayer::close(core::NamespaceId ns, SocketId id) {
    NetNamespace* n = m_kernel.ns(ns);
    return n && n->sockets().close(id);
}

std::uint16_t TransportLayer::ephemeralPort(core::NamespaceId ns, Transport t) {
    NetNamespace* n = m_kernel.ns(ns);
    for (int i = 0; i < 64; ++i) {
        const auto port = static_cast<std::uint16_t>(m_kernel.rng().uniform(32768, 60999));
        if (!n || !n->sockets().isPortUsed(t, port)) return port;
    }
    return static_cast<std::uint16_t>(m_kernel.rng().uniform(32768, 60999));
}

void TransportLayer::sendSegment(core::NamespaceId ns, wire::Ipv4Address src, wire::Ipv4Address dst,
                                 wire::TcpSegment seg) {
    wire::Ipv4Packet ip;
    ip.src = src;
    ip.dst = dst;
    ip.payload = seg;
    (void)m_kernel.ipv4().output(ns, IpPacket{m_kernel.newPacketUid(), std::move(ip)});
}

core::Result<void> TransportLayer::connect(core::NamespaceId ns, wire::Ipv4Address dst, std::uint16_t port,
                                           ConnectHandler done) {
    auto rd = m_kernel.ipv4().route(ns, dst);
    if (!rd) return std::unexpected(rd.error());
    const std::uint16_t lport = ephemeralPort(ns, Transport::Tcp);
    const ConnKey key{ns.value, lport, dst.value(), port};
    PendingConnect pc;
    pc.done = std::move(done);
    pc.local = rd->source;
    pc.started = m_kernel.now();
    pc.isn = static_cast<std::uint32_t>(m_kernel.rng().next());
    m_pending[key] = std::move(pc);
    sendSyn(key);
    return {};
}

void TransportLayer::sendSyn(const ConnKey& key) {
    auto it = m_pending.find(key);
    if (it == m_pending.end()) return;
    PendingConnect& pc = it->second;
    const auto [ns, lport, raddr, rport] = key;
    wire::TcpSegment syn;
    syn.srcPort = lport;
    syn.dstPort = rport;
    syn.seq = pc.isn;
    syn.flags = flags::Syn;
    // Exponential backoff from the 1 s initial RTO; after tcp_syn_retries (6) the connect fails.
    const core::Duration rto = core::seconds(std::int64_t(1) << pc.retries);
    pc.timer = m_kernel.scheduler().schedule(rto, [this, key] {
        auto found = m_pending.find(key);
        if (found == m_pending.end()) return;
        found->second.timer = {};
        if (found->second.retries >= 6) {
            finish(key, ConnectOutcome::TimedOut);
            return;
        }
        ++found->second.retries;
        sendSyn(key);
    });
    sendSegment(core::NamespaceId(ns), pc.local, wire::Ipv4Address(raddr), syn);
}

void TransportLayer::finish(const ConnKey& key, ConnectOutcome outcome) {
    auto it = m_pending.find(key);
    if (it == m_pending.end()) return;
    PendingConnect pc = std::move(it->second);
    m_pending.erase(it);
    m_kernel.scheduler().cancel(pc.timer);
    if (pc.done) pc.done(ConnectResult{outcome, pc.local, std::get<1>(key), m_kernel.now() - pc.started});
}

core::Result<void> TransportLayer::sendUdp(core::NamespaceId ns, wire::Ipv4Address dst, std::uint16_t srcPort,
                                           std::uint16_t dstPort, std::variant<wire::Bytes, wire::DnsMessage> payload,
                                           std::optional<wire::Ipv4Address> src) {
    wire::UdpDatagram udp;
    udp.srcPort = srcPort != 0 ? srcPort : ephemeralPort(ns, Transport::Udp);
    udp.dstPort = dstPort;
    udp.payload = std::move(payload);
    wire::Ipv4Packet ip;
    ip.src = src.value_or(wire::Ipv4Address::any());
    ip.dst = dst;
    ip.payload = std::move(udp);
    return m_kernel.ipv4().output(ns, IpPacket{m_kernel.newPacketUid(), std::move(ip)});
}

void TransportLayer::input(core::NamespaceId ns, core::InterfaceId in, IpPacket packet) {
    if (packet.ip.protocol() == wire::IpProtocol::Tcp) tcpInput(ns, in, packet);
    else udpInput(ns, in, packet);
}

void TransportLayer::tcpInput(core::NamespaceId ns, core::InterfaceId in, const IpPacket& packet) {
    const auto& seg = std::get<wire::TcpSegment>(packet.ip.payload);
    NetNamespace& n = *m_kernel.ns(ns);
    const ConnKey key{ns.value, seg.dstPort, packet.ip.src.value(), seg.srcPort};

    if (seg.isSynAck() || seg.isRst()) {
        auto it = m_pending.find(key);
        if (it == m_pending.end()) {
            if (seg.isSynAck()) {  // nobody asked: reset it (tcp_v4_send_reset)
                wire::TcpSegment rst{seg.dstPort, seg.srcPort, seg.ack, 0, flags::Rst, 0};
                sendSegment(ns, packet.ip.dst, packet.ip.src, rst);
            }
            return;
        }
        if (seg.isRst()) {
            finish(key, ConnectOutcome::Refused);
            return;
        }
        wire::TcpSegment ack{seg.dstPort, seg.srcPort, seg.ack, seg.seq + 1, flags::Ack};
        sendSegment(ns, packet.ip.dst, packet.ip.src, ack);
        finish(key, ConnectOutcome::Connected);
        return;
    }

    SocketInfo* listener = n.sockets().lookupMutable(Transport::Tcp, packet.ip.dst, seg.dstPort);
    if (seg.isSyn()) {
        if (!listener) {
            m_kernel.record(TraceKind::Drop, ns, in, packet.uid, core::DetailForm::IpSummary, DropReason::NoListener, Kernel::TraceFacts::ofIp(packet.ip));
            wire::TcpSegment rst{seg.dstPort, seg.srcPort, 0, seg.seq + 1, static_cast<std::uint8_t>(flags::Rst | flags::Ack), 0};
            sendSegment(ns, packet.ip.dst, packet.ip.src, rst);
            return;
        }
        wire::TcpSegment synAck{seg.dstPort, seg.srcPort, static_cast<std::uint32_t>(m_kernel.rng().next()), seg.seq + 1,
                                static_cast<std::uint8_t>(flags::Syn | flags::Ack)};
        sendSegment(ns, packet.ip.dst, packet.ip.src, synAck);
        return;
    }
    if (seg.has(flags::Ack) && listener) ++listener->accepted;  // the handshake's final ACK
}

void TransportLayer::udpInput(core::NamespaceId ns, core::InterfaceId in, const IpPacket& packet) {
    const auto& udp = std::get<wire::UdpDatagram>(packet.ip.payload);
    NetNamespace& n = *m_kernel.ns(ns);
    SocketInfo* s = n.sockets().lookupMutable(Transport::Udp, packet.ip.dst, udp.dstPort);
    if (!s) {
        m_kernel.record(TraceKind::Drop, ns, in, packet.uid, core::DetailForm::IpSummary, DropReason::NoListener, Kernel::TraceFacts::ofIp(packet.ip));
        if (!packet.ip.dst.isBroadcast())
            m_kernel.icmp().sendError(ns, in, packet.ip, wire::IcmpType::DestinationUnreachable,
                                      static_cast<std::uint8_t>(wire::UnreachableCode::Port));
        return;
    }
    ++s->accepted;
    if (const UdpReceiver* r = n.sockets().receiver(s->id)) {
        UdpReceiver copy = *r;  // the receiver may close its own socket
        copy(packet.ip.src, udp);
    }
}

void TransportLayer::icmpError(core::NamespaceId ns, wire::Ipv4Address, const wire::IcmpQuote& quote, wire::IcmpType type,
                               std::uint8_t code) {
    if (quote.protocol != static_cast<std::uint8_t>(wire::IpProtocol::Tcp)) return;  // UDP errors: no waiting socket modelled
    const ConnKey key{ns.value, quote.srcPortOrId, quote.dst.value(), quote.dstPortOrSeq};
    if (!m_pending.contains(key)) return;
    if (type == wire::IcmpType::DestinationUnreachable) {
        if (code == static_cast<std::uint8_t>(wire::UnreachableCode::Network)) finish(key, ConnectOutcome::NetUnreachable);
        else if (code == static_cast<std::uint8_t>(wire::UnreachableCode::Port)) finish(key, ConnectOutcome::Refused);
        else finish(key, ConnectOutcome::HostUnreachable);
    }
}

}  // namespace sim::net
