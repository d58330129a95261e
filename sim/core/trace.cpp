#include "sim/core/trace.hpp"

#include <algorithm>
#include <cstdio>
#include <cstring>
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

namespace {

const std::string& noText() {
    static const std::string empty;  // immutable: the text of a record in no log
    return empty;
}

/// The entries of an arena that a span refers to, or none once they were dropped.
template <class T>
std::span<const T> slice(const std::vector<T>& arena, std::uint64_t base, std::uint64_t offset, std::uint32_t length) {
    if (length == 0 || offset < base || offset - base + length > arena.size()) return {};
    return {arena.data() + (offset - base), length};
}

}  // namespace

// --- TraceRecord -------------------------------------------------------------------------------

const std::string& TraceRecord::where() const { return log ? log->text(whereText) : noText(); }
const std::string& TraceRecord::rule() const { return log ? log->text(ruleText) : noText(); }
const std::string& TraceRecord::chain() const { return log ? log->text(chainText) : noText(); }
const std::string& TraceRecord::fromState() const { return log ? log->text(fromText) : noText(); }
const std::string& TraceRecord::toState() const { return log ? log->text(toText) : noText(); }

std::string TraceRecord::detail() const {
    if (!log) return {};
    if (form == DetailForm::Text) return std::string(log->literal(text));
    return log->renderer() ? log->renderer()(*this) : std::string();
}

std::vector<InterfaceId> TraceRecord::ports() const {
    std::vector<InterfaceId> out;
    if (!log) return out;
    for (const TracePort& p : log->portsOf(portList)) out.push_back(p.id);
    return out;
}

std::string TraceRecord::toString() const {
    std::string line = time.toString();
    line += ' ';
    const std::string& place = where();
    line += place.empty() ? std::string_view("-") : std::string_view(place);
    line += ' ';
    line += sim::core::toString(kind);
    if (kind == TraceKind::Drop) {
        line += " (";
        line += sim::core::toString(reason);
        line += ')';
    }
    const std::string d = detail();
    if (!d.empty()) {
        line += ' ';
        line += d;
    }
    return line;
}

// --- TraceLog ----------------------------------------------------------------------------------

void TraceLog::record(TraceRecord rec) { record(std::move(rec), FrameLayer::None, {}, {}, {}); }

void TraceLog::record(TraceRecord rec, FrameLayer layer, std::span<const std::uint8_t> bytes) {
    record(std::move(rec), layer, bytes, {}, {});
}

void TraceLog::record(TraceRecord rec, const TraceText& text, FrameLayer layer, std::span<const std::uint8_t> bytes) {
    rec.form = DetailForm::Text;
    rec.whereText = intern(text.where);
    rec.ruleText = intern(text.rule);
    rec.chainText = intern(text.chain);
    rec.fromText = intern(text.fromState);
    rec.toText = intern(text.toState);
    std::vector<TracePort> ports;
    for (InterfaceId id : text.ports) ports.push_back({id, 0});
    record(std::move(rec), layer, bytes, text.detail, ports);
}

void TraceLog::record(TraceRecord rec, FrameLayer layer, std::span<const std::uint8_t> bytes, std::string_view detail,
                      std::span<const TracePort> ports) {
    rec.log = this;
    if (!isListening()) return;
    // Into the arenas first: subscribers may ask for the text.
    const std::size_t frameMark = m_frameArena.size();
    const std::size_t textMark = m_textArena.size();
    const std::size_t portMark = m_portArena.size();
    const FrameRef lastFrame = m_lastFrame;
    if (layer != FrameLayer::None && m_keep != 0) {  // a log that keeps no records keeps no frames
        const auto previous = frameBytes(m_lastFrame);
        if (m_lastFrame.layer == layer && !previous.empty() && previous.size() == bytes.size() &&
            std::memcmp(previous.data(), bytes.data(), bytes.size()) == 0) {
            rec.frame = m_lastFrame;
        } else {
            rec.frame = {layer, static_cast<std::uint32_t>(bytes.size()), m_frameBase + m_frameArena.size()};
            m_frameArena.insert(m_frameArena.end(), bytes.begin(), bytes.end());
            m_lastFrame = rec.frame;
        }
    } else {
        rec.frame = {};
    }
    if (!detail.empty()) {
        rec.text = {m_textBase + m_textArena.size(), static_cast<std::uint32_t>(detail.size())};
        m_textArena.insert(m_textArena.end(), detail.begin(), detail.end());
    } else {
        rec.text = {};
    }
    if (!ports.empty()) {
        rec.portList = {m_portBase + m_portArena.size(), static_cast<std::uint32_t>(ports.size())};
        m_portArena.insert(m_portArena.end(), ports.begin(), ports.end());
    } else {
        rec.portList = {};
    }
    for (const auto& [id, sub] : m_subscribers) sub(rec);
    if (m_keep == 0) {
        // Heard, not kept: give the arenas back.
        m_frameArena.resize(frameMark);
        m_textArena.resize(textMark);
        m_portArena.resize(portMark);
        m_lastFrame = lastFrame;
        return;
    }
    store(std::move(rec));
}

void TraceLog::store(TraceRecord rec) {
    m_records.push_back(std::move(rec));
    if (m_keep != kKeepAll && m_records.size() >= 2 * m_keep) dropOldest();
}

void TraceLog::dropOldest() {
    const std::size_t drop = m_records.size() - m_keep;
    m_records.erase(m_records.begin(), m_records.begin() + static_cast<std::ptrdiff_t>(drop));
    m_first += drop;
    // Offsets only grow from record to record, so the first kept record that refers into an
    // arena holds the lowest offset still needed there.
    std::uint64_t frameFrom = m_frameBase + m_frameArena.size();
    std::uint64_t textFrom = m_textBase + m_textArena.size();
    std::uint64_t portFrom = m_portBase + m_portArena.size();
    bool frameFound = false, textFound = false, portFound = false;
    for (const TraceRecord& r : m_records) {
        if (!frameFound && r.frame.isValid()) frameFrom = r.frame.offset, frameFound = true;
        if (!textFound && r.text.length) textFrom = r.text.offset, textFound = true;
        if (!portFound && r.portList.length) portFrom = r.portList.offset, portFound = true;
        if (frameFound && textFound && portFound) break;
    }
    m_frameArena.erase(m_frameArena.begin(), m_frameArena.begin() + static_cast<std::ptrdiff_t>(frameFrom - m_frameBase));
    m_frameBase = frameFrom;
    m_textArena.erase(m_textArena.begin(), m_textArena.begin() + static_cast<std::ptrdiff_t>(textFrom - m_textBase));
    m_textBase = textFrom;
    m_portArena.erase(m_portArena.begin(), m_portArena.begin() + static_cast<std::ptrdiff_t>(portFrom - m_portBase));
    m_portBase = portFrom;
    if (m_lastFrame.offset < m_frameBase) m_lastFrame = {};
}

void TraceLog::setRetention(std::size_t keep) {
    // 0 keeps what is kept already (as a recording switch turned off would) and no more.
    m_keep = keep;
    if (keep != 0 && keep != kKeepAll && m_records.size() >= 2 * keep) dropOldest();
}

const TraceRecord* TraceLog::at(std::size_t index) const {
    if (index < m_first || index - m_first >= m_records.size()) return nullptr;
    return &m_records[index - m_first];
}

void TraceLog::clear() {
    m_records.clear();
    m_first = 0;
    m_frameArena.clear();
    m_frameBase = 0;
    m_textArena.clear();
    m_textBase = 0;
    m_portArena.clear();
    m_portBase = 0;
    m_lastFrame = {};
}

std::span<const std::uint8_t> TraceLog::frameBytes(const FrameRef& ref) const {
    if (!ref.isValid()) return {};
    return slice(m_frameArena, m_frameBase, ref.offset, ref.length);
}

std::string_view TraceLog::literal(const ArenaSpan& span) const {
    const auto chars = slice(m_textArena, m_textBase, span.offset, span.length);
    return {chars.data(), chars.size()};
}

std::span<const TracePort> TraceLog::portsOf(const ArenaSpan& span) const {
    return slice(m_portArena, m_portBase, span.offset, span.length);
}

TextId TraceLog::intern(std::string_view text) {
    if (text.empty()) return 0;
    if (auto it = m_textIds.find(text); it != m_textIds.end()) return it->second;
    const auto id = static_cast<TextId>(m_texts.size());
    const std::string& kept = m_texts.emplace_back(text);
    m_textIds.emplace(std::string_view(kept), id);
    return id;
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
    for (std::size_t i = std::max(from, m_first) - m_first; i < m_records.size(); ++i) {
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
    for (std::size_t i = std::max(from, m_first) - m_first; i < m_records.size(); ++i)
        if (m_records[i].kind == kind) out.push_back(m_records[i]);
    return out;
}

}  // namespace sim::core
