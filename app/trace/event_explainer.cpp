#include "trace/event_explainer.hpp"

#include "trace/explain_internal.hpp"

namespace docknet::gui {

namespace explain {

QString placeName(const sim::net::Kernel& kernel, sim::core::NamespaceId ns) {
    const sim::net::NetNamespace* n = kernel.ns(ns);
    if (!n) return QString();
    if (n->name() == "host") return QCoreApplication::translate("EventExplainer", "the host");
    return QString::fromStdString(n->name());
}

QString EventContext::place() const {
    const QString name = placeName(kernel, rec.ns);
    if (!name.isEmpty()) return name;
    // The namespace is gone (a removed container): the record kept its name.
    return QString::fromStdString(rec.where()).section(QLatin1Char('/'), 0, 0);
}

QString EventContext::interfaceName(sim::core::InterfaceId id) const {
    if (id == rec.iface) {
        const QString recorded = QString::fromStdString(rec.where()).section(QLatin1Char('/'), 1);
        if (!recorded.isEmpty()) return recorded;
    }
    if (const sim::net::Interface* i = kernel.interface(id)) return QString::fromStdString(i->name);
    return QStringLiteral("?");
}

QString EventContext::summary() const {
    if (ethernet) return QString::fromStdString(ethernet->summary());
    if (ip) return QString::fromStdString(ip->summary());
    return QString::fromStdString(rec.detail());
}

QStringList EventContext::detailWords() const {
    return QString::fromStdString(rec.detail()).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

}  // namespace explain

namespace {

QStringList explainKind(const explain::EventContext& c) {
    using sim::core::TraceKind;
    switch (c.rec.kind) {
        case TraceKind::FrameTx: return explain::explainFrameTx(c);
        case TraceKind::FrameRx: return explain::explainFrameRx(c);
        case TraceKind::BridgeForward:
        case TraceKind::BridgeFlood:
        case TraceKind::FdbLearn:
        case TraceKind::FdbExpire: return explain::explainBridge(c);
        case TraceKind::ArpRequest:
        case TraceKind::ArpReply: return explain::explainArp(c);
        case TraceKind::NeighborState: return explain::explainNeighbor(c);
        case TraceKind::RouteLookup: return explain::explainRoute(c);
        case TraceKind::NatTranslate: return explain::explainNat(c);
        case TraceKind::Deliver: return explain::explainDeliver(c);
        case TraceKind::Drop: return explain::explainDrop(c);
    }
    return {};
}

}  // namespace

QStringList explainEvent(const sim::core::TraceLog& log, std::size_t index, const sim::net::Kernel& kernel) {
    if (index >= log.size()) return {};
    const sim::core::TraceRecord& rec = log.records()[index];
    explain::EventContext c{rec, kernel, std::nullopt, std::nullopt};
    const auto bytes = log.frameBytes(rec.frame);
    if (rec.frame.layer == sim::core::FrameLayer::Ethernet) {
        if (auto f = sim::wire::EthernetFrame::decode(bytes)) {
            c.ethernet = *f;
            if (const auto* p = c.ethernet->ipv4()) c.ip = *p;
        }
    } else if (rec.frame.layer == sim::core::FrameLayer::Ipv4) {
        if (auto p = sim::wire::Ipv4Packet::decode(bytes)) c.ip = *p;
    }
    QStringList sentences = explainKind(c);
    // Names stay as they are written (docker0, a1), but "the host" opening a sentence is "The host".
    const QString theHost = QCoreApplication::translate("EventExplainer", "the host");
    for (QString& s : sentences)
        if (!theHost.isEmpty() && s.startsWith(theHost)) s[0] = s[0].toUpper();
    return sentences;
}

}  // namespace docknet::gui
