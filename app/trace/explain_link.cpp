// The link layer's events: frames crossing veth cables, the bridge's learning, forwarding and
// flooding, ARP and the neighbour table.
#include <algorithm>

#include "trace/explain_internal.hpp"

namespace docknet::gui::explain {

namespace {

QString macDescription(const QString& mac) {
    if (mac == QStringLiteral("ff:ff:ff:ff:ff:ff")) return QCoreApplication::translate("EventExplainer", "%1 (a broadcast)").arg(mac);
    return mac;
}

/// The destination MAC of the record's frame, or the first word of the detail
/// ("ff:ff:ff:ff:ff:ff to veth1, veth2").
QString frameDst(const EventContext& c) {
    if (c.ethernet) return QString::fromStdString(c.ethernet->dst.toString());
    const QStringList w = c.detailWords();
    return w.isEmpty() ? QStringLiteral("?") : w.front();
}

QString frameSrc(const EventContext& c) {
    if (c.ethernet) return QString::fromStdString(c.ethernet->src.toString());
    const QStringList w = c.detailWords();
    return w.isEmpty() ? QStringLiteral("?") : w.front();
}

/// The words after `marker` in the detail: "MAC on veth1 (moved)" -> "veth1 (moved)".
QString detailAfter(const EventContext& c, const QString& marker) {
    const QString detail = QString::fromStdString(c.rec.detail());
    const auto at = detail.indexOf(marker);
    return at < 0 ? QString() : detail.mid(at + marker.size());
}

QString carries(const EventContext& c) {
    const QString s = c.summary();
    if (s.isEmpty()) return QString();
    return QCoreApplication::translate("EventExplainer", "The frame carries: %1.").arg(s);
}

}  // namespace

QStringList explainFrameTx(const EventContext& c) {
    QStringList out;
    const sim::net::Interface* iface = c.kernel.interface(c.rec.iface);
    const QString self = c.recordInterface();
    const sim::net::Interface* peer = iface && iface->peer.isValid() ? c.kernel.interface(iface->peer) : nullptr;
    if (iface && iface->isLoopback()) {
        out << QCoreApplication::translate("EventExplainer", "%1 sends the frame through its loopback interface %2: it comes back into %1 itself.")
                   .arg(c.place(), self);
    } else if (iface && iface->isBridge()) {
        out << QCoreApplication::translate("EventExplainer", "%1 sends the frame on the bridge %2: the bridge decides which port it leaves by.")
                   .arg(c.place(), self);
    } else if (peer) {
        out << QCoreApplication::translate("EventExplainer", "%1's %2 sends the frame into its veth cable; it comes out at %3 on %4.")
                   .arg(c.place(), self, QString::fromStdString(peer->name), placeName(c.kernel, peer->ns));
    } else {
        out << QCoreApplication::translate("EventExplainer", "%1's %2 sends the frame.").arg(c.place(), self);
    }
    if (const QString s = carries(c); !s.isEmpty()) out << s;
    return out;
}

QStringList explainFrameRx(const EventContext& c) {
    QStringList out;
    const sim::net::Interface* iface = c.kernel.interface(c.rec.iface);
    const QString self = c.recordInterface();
    out << QCoreApplication::translate("EventExplainer", "%1 receives the frame on %2.").arg(c.place(), self);
    if (iface && iface->master.isValid()) {
        out << QCoreApplication::translate("EventExplainer", "%1 is a port of the bridge %2, so the bridge handles the frame next.")
                   .arg(self, c.interfaceName(iface->master));
    } else if (iface && iface->isBridge()) {
        out << QCoreApplication::translate("EventExplainer",
                                           "The bridge passes a copy up to %1's own network stack on %2: the frame is for the "
                                           "bridge's MAC or for everyone.")
                   .arg(c.place(), self);
    } else if (c.ethernet && c.ethernet->dst.isBroadcast()) {
        out << QCoreApplication::translate("EventExplainer", "It is a broadcast, so %1 takes it up like everyone on the link.").arg(c.place());
    } else if (c.ethernet && iface && c.ethernet->dst == iface->mac) {
        out << QCoreApplication::translate("EventExplainer", "It is addressed to %1's MAC %2, so %3 takes it up.")
                   .arg(self, QString::fromStdString(iface->mac.toString()), c.place());
    }
    if (const QString s = carries(c); !s.isEmpty()) out << s;
    return out;
}

QStringList explainBridge(const EventContext& c) {
    using sim::core::TraceKind;
    const QString bridge = c.recordInterface();
    QStringList out;
    switch (c.rec.kind) {
        case TraceKind::FdbLearn: {
            QString port = c.rec.port.isValid() ? c.interfaceName(c.rec.port)
                                                : detailAfter(c, QStringLiteral(" on ")).section(QLatin1Char(' '), 0, 0);
            out << QCoreApplication::translate("EventExplainer", "%1 learned %2 on %3: frames for that MAC will go out of that port only.")
                       .arg(bridge, frameSrc(c), port);
            const bool moved = !c.rec.fromState().empty() || c.rec.detail().find("(moved)") != std::string::npos;
            if (moved) {
                const QString old = c.rec.fromState().empty() ? QCoreApplication::translate("EventExplainer", "another port")
                                                            : QString::fromStdString(c.rec.fromState());
                out << QCoreApplication::translate("EventExplainer", "The MAC was behind %1 before: the newest frame decides.").arg(old);
            }
            break;
        }
        case TraceKind::FdbExpire:
            out << QCoreApplication::translate("EventExplainer",
                                               "%1 forgot %2: no frame came from it for the ageing time (300 s), so frames for it "
                                               "will be flooded again.")
                       .arg(bridge, frameSrc(c));
            break;
        case TraceKind::BridgeForward: {
            const QString port = c.rec.port.isValid() ? c.interfaceName(c.rec.port) : detailAfter(c, QStringLiteral(" to "));
            out << QCoreApplication::translate("EventExplainer", "%1 knows %2 is behind %3 (FDB), so it sends the frame out of that port only.")
                       .arg(bridge, frameDst(c), port);
            break;
        }
        case TraceKind::BridgeFlood: {
            QStringList ports;
            for (auto p : c.rec.ports()) ports << c.interfaceName(p);
            const QString list = ports.isEmpty() ? detailAfter(c, QStringLiteral(" to ")) : ports.join(QStringLiteral(", "));
            const QString dst = frameDst(c);
            const bool group = c.ethernet ? c.ethernet->dst.isMulticast() : dst.startsWith(QStringLiteral("ff:"));
            if (group)
                out << QCoreApplication::translate("EventExplainer", "%1 has not learned %2, so it floods the frame to every other port: %3.")
                           .arg(bridge, macDescription(dst), list);
            else
                out << QCoreApplication::translate("EventExplainer",
                                                   "%1 has not learned %2 yet, so it floods the frame to every other port: %3.")
                           .arg(bridge, dst, list);
            if (c.rec.port.isValid())
                out << QCoreApplication::translate("EventExplainer", "It came in on %1, so it does not go back out there.")
                           .arg(c.interfaceName(c.rec.port));
            break;
        }
        default: break;
    }
    return out;
}

QStringList explainArp(const EventContext& c) {
    QStringList out;
    const sim::wire::ArpPacket* arp = c.ethernet ? c.ethernet->arp() : nullptr;
    const QStringList w = c.detailWords();
    auto wordAfter = [&](const QString& marker) {
        const auto i = w.indexOf(marker);
        return i >= 0 && i + 1 < w.size() ? w[i + 1] : QStringLiteral("?");
    };
    if (c.rec.kind == sim::core::TraceKind::ArpRequest) {
        // "ARP, Request who-has 172.17.0.3 tell 172.17.0.2"
        const QString target = arp ? QString::fromStdString(arp->targetIp.toString()) : wordAfter(QStringLiteral("who-has"));
        const bool unicast = c.ethernet && !c.ethernet->dst.isBroadcast();
        if (unicast)
            out << QCoreApplication::translate("EventExplainer",
                                               "%1 checks that %2 is still at %3: it asks that MAC directly instead of everyone.")
                       .arg(c.place(), target, QString::fromStdString(c.ethernet->dst.toString()));
        else
            out << QCoreApplication::translate("EventExplainer", "%1 does not know the MAC of %2, so it asks everyone on the link: who has %2?")
                       .arg(c.place(), target);
        out << QCoreApplication::translate("EventExplainer", "The packets for %1 wait in the neighbour entry's queue until the answer comes.")
                   .arg(target);
    } else {
        // "ARP, Reply 172.17.0.3 is-at 02:42:ac:11:00:03"
        const QString own = arp ? QString::fromStdString(arp->senderIp.toString()) : wordAfter(QStringLiteral("Reply"));
        const QString mac = arp ? QString::fromStdString(arp->senderMac.toString()) : wordAfter(QStringLiteral("is-at"));
        if (arp)
            out << QCoreApplication::translate("EventExplainer", "%1 has %2, so it answers %3 directly: %2 is at %4.")
                       .arg(c.place(), own, QString::fromStdString(arp->targetIp.toString()), mac);
        else
            out << QCoreApplication::translate("EventExplainer", "%1 has %2, so it answers the asker directly: %2 is at %3.")
                       .arg(c.place(), own, mac);
        out << QCoreApplication::translate("EventExplainer",
                                           "It also noted the asker's MAC from the request, so it can answer without asking back.");
    }
    return out;
}

QString neighbourStateMeaning(const QString& state) {
    if (state == QLatin1String("INCOMPLETE"))
        return QCoreApplication::translate("EventExplainer", "INCOMPLETE means the MAC is being asked for; packets to it wait.");
    if (state == QLatin1String("REACHABLE"))
        return QCoreApplication::translate("EventExplainer", "REACHABLE means the MAC is known and was confirmed just now; packets go out at once.");
    if (state == QLatin1String("STALE"))
        return QCoreApplication::translate("EventExplainer",
                                           "STALE means the MAC is known but not confirmed lately; it is still used, and checked when it is.");
    if (state == QLatin1String("DELAY"))
        return QCoreApplication::translate("EventExplainer",
                                           "DELAY means a stale entry was just used; the kernel waits 5 s for a sign of life before it probes.");
    if (state == QLatin1String("PROBE"))
        return QCoreApplication::translate("EventExplainer", "PROBE means the kernel asks the known MAC directly whether it is still there.");
    if (state == QLatin1String("FAILED"))
        return QCoreApplication::translate("EventExplainer",
                                           "FAILED means nobody answered; packets to that address are dropped (Host unreachable).");
    if (state == QLatin1String("PERMANENT"))
        return QCoreApplication::translate("EventExplainer", "PERMANENT means the entry was set by hand and never expires.");
    return QCoreApplication::translate("EventExplainer", "%1 means the entry is not in use.").arg(state);
}

QStringList explainNeighbor(const EventContext& c) {
    // Detail: "172.17.0.3 INCOMPLETE -> REACHABLE lladdr 02:42:ac:11:00:03".
    const QStringList w = c.detailWords();
    const QString ip = w.isEmpty() ? QStringLiteral("?") : w.front();
    const auto arrow = w.indexOf(QStringLiteral("->"));
    QString from = QString::fromStdString(c.rec.fromState());
    QString to = QString::fromStdString(c.rec.toState());
    if (from.isEmpty() && arrow > 0) from = w[arrow - 1];
    if (to.isEmpty() && arrow >= 0 && arrow + 1 < w.size()) to = w[arrow + 1];
    QStringList out;
    out << QCoreApplication::translate("EventExplainer", "%1's neighbour entry for %2 goes %3 → %4: %5")
               .arg(c.place(), ip, from, to, neighbourStateMeaning(to));
    const auto lladdr = w.indexOf(QStringLiteral("lladdr"));
    if (lladdr >= 0 && lladdr + 1 < w.size())
        out << QCoreApplication::translate("EventExplainer", "Packets for %1 now go to the MAC %2 on %3.").arg(ip, w[lladdr + 1], c.recordInterface());
    return out;
}

}  // namespace docknet::gui::explain
