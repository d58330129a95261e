#include "sim/core/trace.hpp"

#include <cstdio>
#include <utility>

namespace sim::core {

std::string_view toString(TraceKind kind) {
    switch (kind) {
        case TraceKind::FrameTx: return "FrameTx";
        case TraceKind::FrameRx: return "FrameRx";
        case TraceKind::BridgeForward: return "BridgeForward";
        case TraceKind::BridgeFlood: return "BridgeFlood";
        case TraceKind::FdbLearn: return "FdbLearn";
        case TraceKind::FdbExpire: return "FdbExpire";
        case TraceKind::ArpRequest: return "ArpRequest";
        case TraceKind::ArpReply: return "ArpReply";
        case TraceKind::NeighborState: return "NeighborState";
        case TraceKind::RouteLookup: return "RouteLookup";
        case TraceKind::NatTranslate: return "NatTranslate";
        case TraceKind::Deliver: return "Deliver";
        case TraceKind::Drop: return "Drop";
    }
    return "?";
}

std::string_view toString(DropReason reason) {
    switch (reason) {
        case DropReason::None: return "none";
        case DropReason::NoRoute: return "no route";
        case DropReason::ArpFailed: return "ARP failed";
        case DropReason::Filtered: return "filtered";
        case DropReason::NoListener: return "no listener";
        case DropReason::InterfaceDown: return "interface down";
        case DropReason::TtlExceeded: return "TTL exceeded";
        case DropReason::NotForUs: return "not for us";
        case DropReason::QueueFull: return "unresolved queue full";
        case DropReason::NotForwarding: return "forwarding disabled";
        case DropReason::SamePort: return "same port";
    }
    return "?";
}

std::string TraceRecord::toString() const {
    std::string line = time.toString();
    line += ' ';
    line += where.empty() ? std::string("-") : where;
    line += ' ';
    line += sim::core::toString(kind);
    if (kind == TraceKind::Drop) {
        line += " (";
        line += sim::core::toString(reason);
        line += ')';
    }
    if (!detail.empty()) {
        line += ' ';
        line += detail;
    }
    return line;
}

void TraceLog::record(TraceRecord rec) {
    for (const auto& [id, sub] : m_subscribers) sub(rec);
    if (m_recording) m_records.push_back(std::move(rec));
}

void TraceLog::record(TraceRecord rec, FrameLayer layer, std::span<const std::uint8_t> bytes) {
    if (m_recording && layer != FrameLayer::None) {
        rec.frame.layer = layer;
        rec.frame.offset = static_cast<std::uint32_t>(m_frameArena.size());
        rec.frame.length = static_cast<std::uint32_t>(bytes.size());
        m_frameArena.insert(m_frameArena.end(), bytes.begin(), bytes.end());
    }
    record(std::move(rec));
}

std::span<const std::uint8_t> TraceLog::frameBytes(const FrameRef& ref) const {
    if (!ref.isValid() || std::size_t{ref.offset} + ref.length > m_frameArena.size()) return {};
    return {m_frameArena.data() + ref.offset, ref.length};
}

TraceLog::SubscriptionId TraceLog::subscribe(Subscriber s) {
    const SubscriptionId id = m_nextSubscription++;
    m_subscribers.emplace(id, std::move(s));
    return id;
}

void TraceLog::unsubscribe(SubscriptionId id) { m_subscribers.erase(id); }

std::uint64_t TraceLog::digest(std::size_t from) const {
    std::uint64_t h = 14695981039346656037ULL;  // FNV-1a 64 offset basis
    auto mix = [&h](unsigned char c) {
        h ^= c;
        h *= 1099511628211ULL;
    };
    for (std::size_t i = from; i < m_records.size(); ++i) {
        for (char c : m_records[i].toString()) mix(static_cast<unsigned char>(c));
        mix('\n');
    }
    return h;
}

std::string TraceLog::digestHex(std::size_t from) const {
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(digest(from)));
    return buf;
}

std::vector<TraceRecord> TraceLog::ofKind(TraceKind kind, std::size_t from) const {
    std::vector<TraceRecord> out;
    for (std::size_t i = from; i < m_records.size(); ++i)
        if (m_records[i].kind == kind) out.push_back(m_records[i]);
    return out;
}

}  // namespace sim::core
