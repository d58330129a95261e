// The IP layer's events: routing decisions, NAT, local delivery and drops.
#include "trace/explain_internal.hpp"

namespace docknet::gui::explain {

namespace {

/// The "a.b.c.d[.port]:" word after '>' in the detail ("IP 172.17.0.2.40000 > 127.0.0.11.53: ...").
QString detailDestination(const EventContext& c) {
    const QStringList w = c.detailWords();
    const auto gt = w.indexOf(QStringLiteral(">"));
    if (gt < 0 || gt + 1 >= w.size()) return QString();
    QString dst = w[gt + 1];
    if (dst.endsWith(QLatin1Char(':'))) dst.chop(1);
    return dst;
}

/// The packet's destination address: from the decoded packet, else from the detail.
QString packetDst(const EventContext& c) {
    if (c.ip) return QString::fromStdString(c.ip->dst.toString());
    const QString dst = detailDestination(c);
    return dst.isEmpty() ? QStringLiteral("?") : dst.section(QLatin1Char('.'), 0, 3);
}

/// The destination port of a TCP/UDP packet, 0 for anything else.
std::uint16_t packetDstPort(const EventContext& c) {
    if (c.ip) {
        if (const auto* u = std::get_if<sim::wire::UdpDatagram>(&c.ip->payload)) return u->dstPort;
        if (const auto* t = std::get_if<sim::wire::TcpSegment>(&c.ip->payload)) return t->dstPort;
        return 0;
    }
    // tcpdump writes TCP/UDP destinations as address.port: a fifth component is the port.
    const QString dst = detailDestination(c);
    return dst.count(QLatin1Char('.')) == 4 ? std::uint16_t(dst.section(QLatin1Char('.'), 4, 4).toUShort()) : 0;
}

QString filteredDropSentence(const EventContext& c) {
    if (c.rec.chain() == "DOCKER-ISOLATION-STAGE-2" || c.rec.detail().find("DOCKER-ISOLATION-STAGE-2") != std::string::npos)
        return QCoreApplication::translate("EventExplainer",
                                           "dropped: DOCKER-ISOLATION-STAGE-2, the packet came from another bridge (Docker keeps its "
                                           "networks apart).");
    // Without the structured rule, the detail ends with "[filter CHAIN #N]" or "[filter CHAIN policy]".
    QString rule = QString::fromStdString(c.rec.rule());
    if (rule.isEmpty()) {
        rule = QString::fromStdString(c.rec.detail()).section(QStringLiteral("[filter "), 1);
        if (rule.endsWith(QLatin1Char(']'))) rule.chop(1);
    }
    if (rule.isEmpty())
        return QCoreApplication::translate("EventExplainer", "dropped: an iptables filter rule discarded the packet.");
    return QCoreApplication::translate("EventExplainer", "dropped: the iptables filter table discarded the packet (%1).").arg(rule);
}

}  // namespace

QStringList explainRoute(const EventContext& c) {
    // Detail: "172.17.0.3 dev eth0 src 172.17.0.2", "8.8.8.8 via 172.17.0.1 dev eth0 src ...",
    // "172.17.0.2 local dev lo", "10.9.9.9 unreachable".
    const QStringList w = c.detailWords();
    const QString dst = w.isEmpty() ? packetDst(c) : w.front();
    auto after = [&](const QString& marker) {
        const auto i = w.indexOf(marker);
        return i >= 0 && i + 1 < w.size() ? w[i + 1] : QString();
    };
    QStringList out;
    if (w.contains(QStringLiteral("unreachable"))) {
        out << QCoreApplication::translate("EventExplainer", "%1 has no route that matches %2, so the packet cannot be sent (Network is unreachable).")
                   .arg(c.place(), dst);
    } else if (w.contains(QStringLiteral("local"))) {
        out << QCoreApplication::translate("EventExplainer", "%2 is one of %1's own addresses, so the packet stays inside %1 (through lo).")
                   .arg(c.place(), dst);
    } else if (const QString via = after(QStringLiteral("via")); !via.isEmpty()) {
        out << QCoreApplication::translate("EventExplainer",
                                           "%1 has no directly connected network holding %2, so the route sends the packet to the "
                                           "gateway %3 out of %4.")
                   .arg(c.place(), dst, via, after(QStringLiteral("dev")));
    } else {
        out << QCoreApplication::translate("EventExplainer", "%2 is on a network directly connected to %1's %3, so the packet goes straight out of %3.")
                   .arg(c.place(), dst, after(QStringLiteral("dev")));
    }
    if (const QString src = after(QStringLiteral("src")); !src.isEmpty())
        out << QCoreApplication::translate("EventExplainer", "Its source address is %1, the address %2 has on that network.").arg(src, c.place());
    return out;
}

QStringList explainNat(const EventContext& c) {
    // Detail: "DNAT dst 0.0.0.0:8080 -> 172.17.0.2:80 (DOCKER #1)", "SNAT src a -> b",
    // "un-SNAT dst a -> b", "un-DNAT src a -> b".
    const QStringList w = c.detailWords();
    const QString what = w.value(0);
    const QString from = w.value(2);
    const QString to = w.value(4);
    const QString chain = !c.rec.chain().empty() ? QString::fromStdString(c.rec.chain())
                                               : QString::fromStdString(c.rec.detail()).section(QLatin1Char('('), 1).section(QLatin1Char(' '), 0, 0);
    QStringList out;
    if (what == QLatin1String("DNAT")) {
        const QString hook = c.rec.iface.isValid() ? QStringLiteral("PREROUTING") : QStringLiteral("OUTPUT");
        if (chain.isEmpty())
            out << QCoreApplication::translate("EventExplainer", "%1: DNAT %2 → %3").arg(hook, from, to);
        else
            out << QCoreApplication::translate("EventExplainer", "%1: DNAT %2 → %3 (rule in %4 chain)").arg(hook, from, to, chain);
        out << QCoreApplication::translate("EventExplainer",
                                           "The packet was addressed to a published port, so Docker's rule sends it on to the container; "
                                           "conntrack remembers this for the rest of the connection.");
    } else if (what == QLatin1String("SNAT")) {
        out << QCoreApplication::translate("EventExplainer", "POSTROUTING: SNAT %1 → %2").arg(from, to);
        out << QCoreApplication::translate("EventExplainer",
                                           "The container's private source address is replaced by the host's (MASQUERADE), so the "
                                           "replies can find their way back.");
    } else if (what == QLatin1String("un-SNAT") || what == QLatin1String("un-DNAT")) {
        out << QCoreApplication::translate("EventExplainer", "conntrack undoes the NAT on a reply: %1 → %2.").arg(from, to);
        out << QCoreApplication::translate("EventExplainer",
                                           "The reply belongs to a connection that was translated, so its address is turned back to "
                                           "what the other side expects.");
    } else {
        out << QCoreApplication::translate("EventExplainer", "NAT rewrote the packet: %1").arg(QString::fromStdString(c.rec.detail()));
    }
    if (!c.rec.rule().empty())
        out << QCoreApplication::translate("EventExplainer", "The rule: %1").arg(QString::fromStdString(c.rec.rule()));
    return out;
}

QStringList explainDeliver(const EventContext& c) {
    QStringList out;
    out << QCoreApplication::translate("EventExplainer", "%2 is %1's own address, so the packet goes up to its own stack.").arg(c.place(), packetDst(c));
    const sim::wire::IcmpMessage* icmp = c.ip ? std::get_if<sim::wire::IcmpMessage>(&c.ip->payload) : nullptr;
    const bool echoRequest = icmp ? icmp->type == sim::wire::IcmpType::EchoRequest : c.rec.detail().find("ICMP echo request") != std::string::npos;
    const bool echoReply = icmp ? icmp->type == sim::wire::IcmpType::EchoReply : c.rec.detail().find("ICMP echo reply") != std::string::npos;
    if (echoRequest)
        out << QCoreApplication::translate("EventExplainer", "It is an echo request: the kernel's ICMP responder answers it with an echo reply.");
    else if (echoReply)
        out << QCoreApplication::translate("EventExplainer", "It is an echo reply: the ping program that sent the request gets it.");
    else if (icmp || c.rec.detail().find("ICMP") != std::string::npos)
        out << QCoreApplication::translate("EventExplainer", "It is an ICMP error: it goes to the socket whose packet caused it.");
    else if (const std::uint16_t port = packetDstPort(c))
        out << QCoreApplication::translate("EventExplainer", "The socket on port %1 receives it.").arg(port);
    return out;
}

QStringList explainDrop(const EventContext& c) {
    using sim::core::DropReason;
    const QString dst = packetDst(c);
    const QString iface = c.recordInterface();
    QStringList out;
    switch (c.rec.reason) {
        case DropReason::NoRoute:
            out << QCoreApplication::translate("EventExplainer", "dropped: %1 has no route to %2 (Network is unreachable).").arg(c.place(), dst);
            break;
        case DropReason::ArpFailed:
            out << QCoreApplication::translate("EventExplainer",
                                               "dropped: nobody answered the ARP requests for the next hop, so the packet to %1 that "
                                               "waited for its MAC is thrown away (Host unreachable).")
                       .arg(dst);
            break;
        case DropReason::Filtered: out << filteredDropSentence(c); break;
        case DropReason::NoListener: {
            const std::uint16_t port = packetDstPort(c);
            if (port)
                out << QCoreApplication::translate("EventExplainer",
                                                   "dropped: nothing listens on port %1 in %2, so the kernel answers with a refusal (TCP RST "
                                                   "or ICMP port unreachable).")
                           .arg(port)
                           .arg(c.place());
            else
                out << QCoreApplication::translate("EventExplainer",
                                                   "dropped: nothing in %1 listens for this packet, so the kernel refuses it.")
                           .arg(c.place());
            break;
        }
        case DropReason::InterfaceDown:
            out << QCoreApplication::translate("EventExplainer", "dropped: %1 (or the other end of its cable) is down, so the frame cannot pass.")
                       .arg(iface);
            break;
        case DropReason::TtlExceeded:
            out << QCoreApplication::translate("EventExplainer",
                                               "dropped: the packet's TTL ran out while %1 forwarded it, so %1 sends back ICMP time "
                                               "exceeded.")
                       .arg(c.place());
            break;
        case DropReason::NotForUs:
            out << QCoreApplication::translate("EventExplainer",
                                               "dropped: the frame is addressed to another MAC than %1's, so %2 ignores it (PACKET_OTHERHOST).")
                       .arg(iface, c.place());
            break;
        case DropReason::QueueFull:
            out << QCoreApplication::translate("EventExplainer",
                                               "dropped: too many packets were waiting for the same MAC (3 at most), so the oldest is thrown "
                                               "away.");
            break;
        case DropReason::NotForwarding:
            out << QCoreApplication::translate("EventExplainer", "dropped: ip_forward is off in %1, so it does not route packets between its interfaces.")
                       .arg(c.place());
            break;
        case DropReason::SamePort:
            out << QCoreApplication::translate("EventExplainer",
                                               "dropped: the destination MAC is behind the port the frame came in on (%1), so the bridge "
                                               "does not send it back.")
                       .arg(iface);
            break;
        case DropReason::None:
            out << QCoreApplication::translate("EventExplainer", "dropped: %1").arg(QString::fromStdString(c.rec.detail()));
            break;
    }
    return out;
}

}  // namespace docknet::gui::explain
