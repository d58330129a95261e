#include "event_motion.hpp"

namespace docknet::scene {

namespace {

using sim::core::FrameLayer;
using sim::core::TraceKind;

Protocol fromIpProtocol(std::span<const std::uint8_t> ip) {
    if (ip.size() < 20) return Protocol::Other;
    const std::size_t ihl = static_cast<std::size_t>(ip[0] & 0x0f) * 4;
    switch (ip[9]) {
        case 1: return Protocol::Icmp;
        case 6: return Protocol::Tcp;
        case 17: {
            if (ip.size() >= ihl + 4) {
                const unsigned sport = (ip[ihl] << 8) | ip[ihl + 1];
                const unsigned dport = (ip[ihl + 2] << 8) | ip[ihl + 3];
                if (sport == 53 || dport == 53) return Protocol::Dns;
            }
            return Protocol::Udp;
        }
        default: return Protocol::Other;
    }
}

Protocol fromText(const std::string& d) {
    if (d.find("ARP") != std::string::npos || d.find("who-has") != std::string::npos) return Protocol::Arp;
    if (d.find("ICMP") != std::string::npos) return Protocol::Icmp;
    if (d.find(".53:") != std::string::npos || d.find(".53 ") != std::string::npos || d.find("PTR") != std::string::npos ||
        d.find(" A?") != std::string::npos)
        return Protocol::Dns;
    if (d.find("UDP") != std::string::npos) return Protocol::Udp;
    if (d.find("Flags [") != std::string::npos || d.find("tcp") != std::string::npos) return Protocol::Tcp;
    return Protocol::Other;
}

const LayoutItem* linkWithEnd(const Layout& layout, sim::core::InterfaceId iface, bool& forward) {
    if (!iface.isValid()) return nullptr;
    for (const auto& it : layout.items) {
        if (it.path.empty()) continue;
        if (it.endA == iface) {
            forward = true;
            return &it;
        }
        if (it.endB == iface) {
            forward = false;
            return &it;
        }
    }
    return nullptr;
}

std::string nodeOfNamespace(const Layout& layout, const TopologySnapshot& snap, sim::core::NamespaceId ns) {
    if (ns == snap.hostNs) return "host";
    for (const auto& c : snap.containers)
        if (c.ns == ns && c.mode != NetworkModeView::Host && layout.find("container:" + c.id)) return "container:" + c.id;
    for (const auto& it : layout.items)
        if (it.kind == ItemKind::Router) return it.id;  // the only other namespace: the LAN's router
    return {};
}

std::string nodeOfInterface(const Layout& layout, sim::core::InterfaceId iface) {
    for (const auto& it : layout.items)
        if (it.kind == ItemKind::Bridge && it.endA == iface) return it.id;
    return {};
}

std::string shortLabel(const sim::core::TraceRecord& rec, Protocol p) {
    const std::string& d = rec.detail();
    auto after = [&](const std::string& key) -> std::string {
        const auto at = d.find(key);
        return at == std::string::npos ? std::string() : d.substr(at + key.size());
    };
    switch (p) {
        case Protocol::Arp:
            if (auto s = after("who-has "); !s.empty()) return "who-has " + s.substr(0, s.find(' ')) + "?";
            if (auto s = after("Reply "); !s.empty()) return s.substr(0, s.find(' ')) + " is-at";
            return "ARP";
        case Protocol::Icmp:
            if (d.find("echo request") != std::string::npos) return "echo request";
            if (d.find("echo reply") != std::string::npos) return "echo reply";
            return "ICMP";
        case Protocol::Dns: return "DNS";
        case Protocol::Tcp: {
            if (auto s = after("Flags ["); !s.empty()) return "TCP [" + s.substr(0, s.find(']')) + "]";
            return "TCP";
        }
        case Protocol::Udp: return "UDP";
        case Protocol::Other: return {};
    }
    return {};
}

}  // namespace

Protocol protocolOf(const sim::core::TraceLog& log, const sim::core::TraceRecord& rec) {
    if (rec.kind == TraceKind::ArpRequest || rec.kind == TraceKind::ArpReply || rec.kind == TraceKind::NeighborState)
        return Protocol::Arp;
    const auto bytes = log.frameBytes(rec.frame);
    if (rec.frame.layer == FrameLayer::Ethernet && bytes.size() >= 14) {
        const unsigned type = (bytes[12] << 8) | bytes[13];
        if (type == 0x0806) return Protocol::Arp;
        if (type == 0x0800) return fromIpProtocol(bytes.subspan(14));
    }
    if (rec.frame.layer == FrameLayer::Ipv4) return fromIpProtocol(bytes);
    return fromText(rec.detail());
}

EventMotion motionFor(const sim::core::TraceLog& log, std::size_t index, const Layout& layout,
                      const TopologySnapshot& snapshot) {
    EventMotion m;
    const auto& records = log.records();
    if (index >= records.size()) return m;
    const auto& rec = records[index];
    m.protocol = protocolOf(log, rec);
    m.label = shortLabel(rec, m.protocol);
    auto travel = [&](sim::core::InterfaceId iface) {
        bool forward = true;
        if (const LayoutItem* link = linkWithEnd(layout, iface, forward)) {
            m.motions.push_back({link->id, forward, {}, false});
            return true;
        }
        return false;
    };
    switch (rec.kind) {
        case TraceKind::FrameTx:
            if (travel(rec.iface)) return m;
            break;
        case TraceKind::BridgeFlood:
            for (auto p : rec.ports()) travel(p);
            if (!m.motions.empty()) return m;
            break;
        case TraceKind::BridgeForward:
            if (travel(rec.port)) return m;
            break;
        default: break;
    }
    // Everything else happens at a place: the bridge, the container, the host, the router.
    Motion mark;
    mark.drop = rec.kind == TraceKind::Drop;
    mark.nodeId = nodeOfInterface(layout, rec.iface);
    if (mark.nodeId.empty()) mark.nodeId = nodeOfNamespace(layout, snapshot, rec.ns);
    if (mark.drop) {
        // A drop on a veth end is drawn on that cable's end.
        bool forward = true;
        if (const LayoutItem* link = linkWithEnd(layout, rec.iface, forward)) mark.linkId = link->id, mark.forward = !forward;
        m.label = "dropped: " + std::string(sim::core::toString(rec.reason));
        if (!rec.chain().empty()) m.label += " (" + rec.chain() + ")";
    }
    m.motions.push_back(std::move(mark));
    return m;
}

}  // namespace docknet::scene
