#include "sim/net/netfilter.hpp"

#include <variant>

#include "sim/net/kernel.hpp"

namespace sim::net {

using core::DropReason;
using core::TraceKind;

namespace {

bool hasRules(const XtTable& t) {
    for (const auto& c : t.chains())
        if (!c.rules.empty() || !c.policyAccept) return true;
    return false;
}

// The "ports" conntrack uses: TCP/UDP ports, or the echo id (source side for a request,
// destination side for a reply; see Conntrack).
std::uint16_t srcPort(const wire::Ipv4Packet& ip) {
    if (auto* u = std::get_if<wire::UdpDatagram>(&ip.payload)) return u->srcPort;
    if (auto* t = std::get_if<wire::TcpSegment>(&ip.payload)) return t->srcPort;
    if (auto* i = std::get_if<wire::IcmpMessage>(&ip.payload); i && i->type == wire::IcmpType::EchoRequest) return i->id;
    return 0;
}
std::uint16_t dstPort(const wire::Ipv4Packet& ip) {
    if (auto* u = std::get_if<wire::UdpDatagram>(&ip.payload)) return u->dstPort;
    if (auto* t = std::get_if<wire::TcpSegment>(&ip.payload)) return t->dstPort;
    if (auto* i = std::get_if<wire::IcmpMessage>(&ip.payload); i && i->type == wire::IcmpType::EchoReply) return i->id;
    return 0;
}
void setSrcPort(wire::Ipv4Packet& ip, std::uint16_t port) {
    if (auto* u = std::get_if<wire::UdpDatagram>(&ip.payload)) u->srcPort = port;
    else if (auto* t = std::get_if<wire::TcpSegment>(&ip.payload)) t->srcPort = port;
    else if (auto* i = std::get_if<wire::IcmpMessage>(&ip.payload); i && i->type == wire::IcmpType::EchoRequest) i->id = port;
}
void setDstPort(wire::Ipv4Packet& ip, std::uint16_t port) {
    if (auto* u = std::get_if<wire::UdpDatagram>(&ip.payload)) u->dstPort = port;
    else if (auto* t = std::get_if<wire::TcpSegment>(&ip.payload)) t->dstPort = port;
    else if (auto* i = std::get_if<wire::IcmpMessage>(&ip.payload); i && i->type == wire::IcmpType::EchoReply) i->id = port;
}
bool hasPorts(const wire::Ipv4Packet& ip) { return ip.protocol() != wire::IpProtocol::Icmp; }

std::string endpoint(wire::Ipv4Address a, std::uint16_t port, bool withPort) {
    return withPort ? a.toString() + ":" + std::to_string(port) : a.toString();
}

/// The chain of a verdict's "CHAIN #n" (decidedBy), or `fallback` for a policy.
std::string chainOf(const std::string& decidedBy, const char* fallback) {
    if (decidedBy.empty()) return fallback;
    return decidedBy.substr(0, decidedBy.find(" #"));
}

}  // namespace

bool Netfilter::isTracking(const NetNamespace& n) { return hasRules(n.nat()) || hasRules(n.filter()); }

PacketView Netfilter::viewOf(NetNamespace& n, const IpPacket& p, core::InterfaceId in, core::InterfaceId out) const {
    PacketView v;
    v.protocol = p.ip.protocol();
    v.src = p.ip.src;
    v.dst = p.ip.dst;
    v.sport = srcPort(p.ip);
    v.dport = dstPort(p.ip);
    if (const Interface* i = m_kernel.interface(in)) v.in = i->name;
    if (const Interface* o = m_kernel.interface(out)) v.out = o->name;
    v.dstIsLocal = n.isLocalAddress(p.ip.dst);
    v.length = static_cast<std::uint32_t>(p.ip.totalLength());
    if (p.conn == 0) v.ctstate = Conntrack::tupleOf(p.ip) ? ct_state::New : ct_state::Related;
    else if (p.connReply) v.ctstate = ct_state::Established;
    else if (auto* e = n.conntrack().byId(p.conn); e && e->seenReply) v.ctstate = ct_state::Established;
    else v.ctstate = ct_state::New;
    return v;
}

bool Netfilter::track(core::NamespaceId nsId, core::InterfaceId in, core::InterfaceId out, IpPacket& p,
                      const char* natChain) {
    NetNamespace& n = *m_kernel.ns(nsId);
    if (!isTracking(n)) return true;
    const auto tuple = Conntrack::tupleOf(p.ip);
    if (!tuple) return true;  // ICMP errors: RELATED, not translated (see the header)
    const core::SimTime now = m_kernel.now();
    const bool withPort = hasPorts(p.ip);

    ConnLookup lk = n.conntrack().lookup(*tuple, now);
    if (lk.entry) {
        ConnEntry& e = *lk.entry;
        p.conn = e.id;
        p.connReply = lk.direction == ConnDirection::Reply;
        p.connNew = false;
        n.conntrack().touch(e, lk.direction, now);
        // Destination manipulation: DNAT forwards, or undo SNAT on the replies.
        wire::Ipv4Address dst = p.ip.dst;
        std::uint16_t dport = dstPort(p.ip);
        if (!p.connReply && e.isDnat()) {
            dst = e.reply.src;
            dport = e.reply.sport;
        } else if (p.connReply && e.isSnat()) {
            dst = e.original.src;
            dport = e.original.sport;
        }
        if (dst != p.ip.dst || dport != dstPort(p.ip)) {
            m_kernel.record(TraceKind::NatTranslate, nsId, in, p.uid,
                            std::string(p.connReply ? "un-SNAT dst " : "DNAT dst ") +
                                endpoint(p.ip.dst, dstPort(p.ip), withPort) + " -> " + endpoint(dst, dport, withPort),
                            DropReason::None, Kernel::TraceFacts::ofIp(p.ip).withRule("conntrack", "conntrack"));
            p.ip.dst = dst;
            setDstPort(p.ip, dport);
        }
        return true;
    }

    // A new connection: the nat table decides its destination now, once.
    const XtVerdict v = n.nat().evaluate(natChain, viewOf(n, p, in, out));
    ConnTuple reply = tuple->inverted();
    const target::Dnat* dnat = v.nat ? std::get_if<target::Dnat>(&*v.nat) : nullptr;
    if (dnat) {
        reply.src = dnat->address;
        if (dnat->port && withPort) reply.sport = *dnat->port;
    }
    ConnEntry* e = n.conntrack().create(*tuple, reply, now);
    if (!e) return true;  // reply tuple clash: leave the packet untracked
    p.conn = e->id;
    p.connReply = false;
    p.connNew = true;
    if (dnat) {
        m_kernel.record(TraceKind::NatTranslate, nsId, in, p.uid,
                        "DNAT dst " + endpoint(p.ip.dst, dstPort(p.ip), withPort) + " -> " +
                            endpoint(reply.src, reply.sport, withPort) + " (" + v.decidedBy + ")",
                        DropReason::None, Kernel::TraceFacts::ofIp(p.ip).withRule(v.decidedBy, chainOf(v.decidedBy, natChain)));
        p.ip.dst = reply.src;
        setDstPort(p.ip, reply.sport);
    }
    return true;
}

bool Netfilter::filter(core::NamespaceId nsId, const char* chain, core::InterfaceId in, core::InterfaceId out,
                       IpPacket& p) {
    NetNamespace& n = *m_kernel.ns(nsId);
    if (!hasRules(n.filter())) return true;
    const XtVerdict v = n.filter().evaluate(chain, viewOf(n, p, in, out));
    if (v.accept) return true;
    const std::string by = v.decidedBy.empty() ? std::string(chain) + " policy" : v.decidedBy;
    // The structured rule names a policy the way `iptables -S` shows it ("-P FORWARD DROP").
    const std::string rule = v.decidedBy.empty() ? std::string(chain) + " policy DROP" : v.decidedBy;
    m_kernel.record(TraceKind::Drop, nsId, in.isValid() ? in : out, p.uid, p.ip.summary() + " [filter " + by + "]",
                    DropReason::Filtered, Kernel::TraceFacts::ofIp(p.ip).withRule(rule, chainOf(v.decidedBy, chain)));
    return false;
}

void Netfilter::rewriteSource(core::NamespaceId nsId, core::InterfaceId dev, IpPacket& p) {
    NetNamespace& n = *m_kernel.ns(nsId);
    ConnEntry* e = n.conntrack().byId(p.conn);
    if (!e) return;
    const bool withPort = hasPorts(p.ip);
    // Source manipulation: SNAT forwards, or undo DNAT on the replies.
    wire::Ipv4Address src = p.ip.src;
    std::uint16_t sport = srcPort(p.ip);
    if (!p.connReply && e->isSnat()) {
        src = e->reply.dst;
        sport = e->reply.dport;
    } else if (p.connReply && e->isDnat()) {
        src = e->original.dst;
        sport = e->original.dport;
    }
    if (src != p.ip.src || sport != srcPort(p.ip)) {
        m_kernel.record(TraceKind::NatTranslate, nsId, dev, p.uid,
                        std::string(p.connReply ? "un-DNAT src " : "SNAT src ") + endpoint(p.ip.src, srcPort(p.ip), withPort) +
                            " -> " + endpoint(src, sport, withPort),
                        DropReason::None, Kernel::TraceFacts::ofIp(p.ip).withRule("conntrack", "conntrack"));
        p.ip.src = src;
        setSrcPort(p.ip, sport);
    }
}

bool Netfilter::prerouting(core::NamespaceId ns, core::InterfaceId in, IpPacket& p) {
    return track(ns, in, {}, p, "PREROUTING");
}

bool Netfilter::localOut(core::NamespaceId ns, core::InterfaceId out, IpPacket& p) {
    if (!track(ns, {}, out, p, "OUTPUT")) return false;
    return filter(ns, "OUTPUT", {}, out, p);
}

bool Netfilter::input(core::NamespaceId ns, core::InterfaceId in, IpPacket& p) {
    if (!filter(ns, "INPUT", in, {}, p)) return false;
    // NF_INET_LOCAL_IN carries the source manipulations for packets that end here, e.g. a
    // reply to a connection the host DNATed from its own OUTPUT chain.
    if (p.conn != 0 && !p.connNew) rewriteSource(ns, in, p);
    p.connNew = false;
    return true;
}

bool Netfilter::forward(core::NamespaceId ns, core::InterfaceId in, core::InterfaceId out, IpPacket& p) {
    return filter(ns, "FORWARD", in, out, p);
}

bool Netfilter::postrouting(core::NamespaceId nsId, core::InterfaceId out, IpPacket& p) {
    if (p.conn == 0) return true;
    NetNamespace& n = *m_kernel.ns(nsId);
    ConnEntry* e = n.conntrack().byId(p.conn);
    if (!e) return true;
    const bool withPort = hasPorts(p.ip);
    const core::SimTime now = m_kernel.now();

    if (p.connNew) {
        p.connNew = false;
        const XtVerdict v = n.nat().evaluate("POSTROUTING", viewOf(n, p, {}, out));
        if (!v.nat) return true;
        wire::Ipv4Address newSrc;
        if (const auto* snat = std::get_if<target::Snat>(&*v.nat)) {
            newSrc = snat->address;
        } else if (std::holds_alternative<target::Masquerade>(*v.nat)) {
            const Interface* o = m_kernel.interface(out);
            const wire::Ipv4Prefix* a = o ? o->addressFor(p.ip.dst) : nullptr;
            if (!a && o) a = o->primaryAddress();
            if (!a) return true;
            newSrc = a->address();
        } else {
            return true;
        }
        ConnTuple reply = e->reply;
        reply.dst = newSrc;
        // Keep the source port when free, else take the next free one (nf_nat_l4proto_unique_tuple).
        for (int attempt = 0; !n.conntrack().updateReply(*e, reply, now); ++attempt) {
            if (attempt > 30000) return true;
            reply.dport = static_cast<std::uint16_t>(32768 + (reply.dport + 1) % 28232);
        }
        m_kernel.record(TraceKind::NatTranslate, nsId, out, p.uid,
                        std::string(std::holds_alternative<target::Masquerade>(*v.nat) ? "MASQUERADE" : "SNAT") + " src " +
                            endpoint(p.ip.src, srcPort(p.ip), withPort) + " -> " +
                            endpoint(reply.dst, reply.dport, withPort) + " (" + v.decidedBy + ")",
                        DropReason::None, Kernel::TraceFacts::ofIp(p.ip).withRule(v.decidedBy, chainOf(v.decidedBy, "POSTROUTING")));
        p.ip.src = reply.dst;
        setSrcPort(p.ip, reply.dport);
        return true;
    }

    rewriteSource(nsId, out, p);
    return true;
}

}  // namespace sim::net
