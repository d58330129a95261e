#include "sim/net/trace_detail.hpp"

#include <algorithm>
#include <array>

#include "sim/net/kernel.hpp"
#include "sim/wire/ethernet_frame.hpp"
#include "sim/wire/ipv4_packet.hpp"
#include "sim/wire/mac_address.hpp"

namespace sim::net {

using core::DetailForm;

namespace {

/// The MAC at `at` in an Ethernet frame's bytes (0: destination, 6: source).
std::string macAt(std::span<const std::uint8_t> bytes, std::size_t at) {
    if (bytes.size() < at + 6) return "?";
    wire::MacAddress::Bytes b{};
    std::copy_n(bytes.begin() + static_cast<std::ptrdiff_t>(at), 6, b.begin());
    return wire::MacAddress(b).toString();
}

}  // namespace

std::string renderTraceDetail(const core::TraceRecord& rec) {
    if (!rec.log) return {};
    const core::TraceLog& log = *rec.log;
    const auto bytes = log.frameBytes(rec.frame);
    switch (rec.form) {
        case DetailForm::Text: return std::string(log.literal(rec.text));
        case DetailForm::FrameSummary:
        case DetailForm::FrameWithMacs: {
            auto f = wire::EthernetFrame::decode(bytes);
            if (!f) return {};
            return rec.form == DetailForm::FrameSummary ? f->summary() : f->summaryWithMacs();
        }
        case DetailForm::IpSummary: {
            auto p = wire::Ipv4Packet::decode(bytes);
            return p ? p->summary() : std::string();
        }
        case DetailForm::FdbLearn:
        case DetailForm::FdbMoved:
            return macAt(bytes, 6) + " on " + log.text(rec.portText) + (rec.form == DetailForm::FdbMoved ? " (moved)" : "");
        case DetailForm::BridgeForward: return macAt(bytes, 0) + " to " + log.text(rec.portText);
        case DetailForm::BridgeFlood: {
            std::string to;
            for (const core::TracePort& p : log.portsOf(rec.portList)) {
                if (!to.empty()) to += ", ";
                to += log.text(p.name);
            }
            return macAt(bytes, 0) + " to " + (to.empty() ? std::string("no port") : to);
        }
    }
    return {};
}

bool rendersFromBytes(const wire::Ipv4Packet& packet) {
    const auto* icmp = std::get_if<wire::IcmpMessage>(&packet.payload);
    return icmp && !icmp->isError() && !icmp->quote;
}

bool rendersFromBytes(const wire::EthernetFrame& frame) {
    if (frame.isArp()) return true;
    const auto* ip = frame.ipv4();
    return ip && rendersFromBytes(*ip);
}

std::span<const std::uint8_t> TraceEncoder::encode(const wire::EthernetFrame& frame) {
    if (!m_frame || !(*m_frame == frame)) {
        m_frame = frame;
        m_frameBytes = frame.encode();
    }
    return m_frameBytes;
}

std::span<const std::uint8_t> TraceEncoder::encode(const wire::Ipv4Packet& packet) {
    if (!m_packet || !(*m_packet == packet)) {
        m_packet = packet;
        m_packetBytes = packet.encode();
    }
    return m_packetBytes;
}

const TraceNames::Entry* TraceNames::fresh(const Kernel& kernel, core::TraceLog& log, core::InterfaceId id) {
    const Interface* iface = kernel.interface(id);
    if (!iface) return nullptr;
    if (id.value >= m_interfaces.size()) m_interfaces.resize(id.value + 1);
    Entry& e = m_interfaces[id.value];
    // Namespace and interface ids are never reused and a namespace keeps its name: the entry is
    // fresh while the interface is in the same namespace under the same name.
    if (e.where != 0 && e.ns == iface->ns && log.text(e.name) == iface->name) return &e;
    const NetNamespace* n = kernel.ns(iface->ns);
    const std::string_view nsName = n ? std::string_view(n->name()) : std::string_view("?");
    e.ns = iface->ns;
    e.nsName = log.intern(nsName);
    e.name = log.intern(iface->name);
    e.where = log.intern(std::string(nsName) + "/" + iface->name);
    return &e;
}

core::TextId TraceNames::where(const Kernel& kernel, core::TraceLog& log, core::InterfaceId id) {
    const Entry* e = fresh(kernel, log, id);
    return e ? e->where : log.intern("?");
}

core::TextId TraceNames::name(const Kernel& kernel, core::TraceLog& log, core::InterfaceId id) {
    const Entry* e = fresh(kernel, log, id);
    return e ? e->name : log.intern("?");
}

core::TextId TraceNames::place(const Kernel& kernel, core::TraceLog& log, core::NamespaceId id) {
    const NetNamespace* n = kernel.ns(id);
    if (!n) return 0;
    if (id.value >= m_namespaces.size()) m_namespaces.resize(id.value + 1, 0);
    core::TextId& t = m_namespaces[id.value];
    if (t == 0 || log.text(t) != n->name()) t = log.intern(n->name());
    return t;
}

}  // namespace sim::net
