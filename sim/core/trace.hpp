// The packet trace: one record per thing the kernel model does to a frame or a table, in the
// order it happened. The CLI prints it tcpdump-like, the GUI replays it (and can step back, since
// table changes carry their old and new values), tests assert on it and compare digests.
//
// A record is a small value: kind, ids, and references into its log's tables (interned names,
// the frame's bytes, literal text). Its text is made when someone asks for it (toString,
// detail()), never while the kernel records, so a big run costs no string per record. The log
// keeps every record unless told to keep only the most recent (setRetention); subscribers are
// told of every record either way.
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <limits>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "sim/core/ids.hpp"
#include "sim/core/sim_time.hpp"

namespace sim::core {

enum class TraceKind : std::uint8_t {
    FrameTx,        // a frame leaves an interface
    FrameRx,        // a frame arrives on an interface
    BridgeForward,  // the bridge sends a known-unicast frame out of one port
    BridgeFlood,    // broadcast or unknown unicast copied to every other port
    FdbLearn,       // source MAC learned (or moved) on a bridge port
    FdbExpire,      // an FDB entry aged out
    ArpRequest,     // the ARP layer asks who-has
    ArpReply,       // the ARP layer answers is-at
    NeighborState,  // a neighbour entry changes state ("INCOMPLETE -> REACHABLE")
    RouteLookup,    // the routing decision for a packet
    NatTranslate,   // DNAT / SNAT / MASQUERADE rewrote an address, or conntrack undid it
    Deliver,        // a packet reached the local stack (ICMP responder, socket)
    Drop,           // a packet was discarded, see DropReason
};

enum class DropReason : std::uint8_t {
    None,
    NoRoute,        // ENETUNREACH: no route to the destination
    ArpFailed,      // neighbour resolution ended FAILED
    Filtered,       // a filter rule (iptables DROP / policy) discarded it
    NoListener,     // no socket on the port (answered with RST / port unreachable)
    InterfaceDown,  // the interface or its peer is down
    TtlExceeded,    // TTL reached zero while forwarding
    NotForUs,       // destination MAC is not ours (PACKET_OTHERHOST)
    QueueFull,      // the neighbour entry's unresolved queue overflowed (unres_qlen)
    NotForwarding,  // ip_forward is off
    SamePort,       // the bridge would send the frame back where it came from
};

std::string_view toString(TraceKind kind);
std::string_view toString(DropReason reason);

/// What the bytes of a record's frame are: a whole Ethernet frame (link-level events) or an IPv4
/// packet (events inside the IP layer: routing, NAT, local delivery, drops there).
enum class FrameLayer : std::uint8_t { None, Ethernet, Ipv4 };

/// A frame kept by the TraceLog: `layer` None means the record has no frame.
struct FrameRef {
    FrameLayer layer = FrameLayer::None;
    std::uint32_t length = 0;
    std::uint64_t offset = 0;  // into the log's byte arena, counted from the log's first byte ever
    [[nodiscard]] bool isValid() const { return layer != FrameLayer::None; }
    bool operator==(const FrameRef&) const = default;
};

/// How a record's detail text is made from what it keeps. Text is literal; the others are
/// rendered from the frame (and port names) by the log's DetailRenderer when asked.
enum class DetailForm : std::uint8_t {
    Text,           // the literal text kept with the record
    FrameSummary,   // the Ethernet frame's payload summary (tcpdump without -e)
    FrameWithMacs,  // the same with the link-level header (tcpdump -e)
    IpSummary,      // the IPv4 packet's summary
    FdbLearn,       // "SRC-MAC on PORT"
    FdbMoved,       // "SRC-MAC on PORT (moved)"
    BridgeForward,  // "DST-MAC to PORT"
    BridgeFlood,    // "DST-MAC to PORT, PORT, ..." or "DST-MAC to no port"
};

/// An interned string of a log: 0 is the empty string.
using TextId = std::uint32_t;

/// A run of entries in one of the log's arenas (counted from the arena's first entry ever).
struct ArenaSpan {
    std::uint64_t offset = 0;
    std::uint32_t length = 0;
    bool operator==(const ArenaSpan&) const = default;
};

/// A port a record names, with its name as it was then.
struct TracePort {
    InterfaceId id;
    TextId name = 0;
};

class TraceLog;

struct TraceRecord {
    SimTime time;
    PacketUid packet;      // the frame or packet, if any
    const TraceLog* log = nullptr;  // whose tables the references below are in (set by TraceLog::record)
    NamespaceId ns;        // where it happened
    InterfaceId iface;     // the interface involved, if any
    InterfaceId port;      // FdbLearn: the port the MAC was learned on; BridgeForward: the egress
                           // port; BridgeFlood: the ingress port
    TraceKind kind = TraceKind::Drop;
    DropReason reason = DropReason::None;
    DetailForm form = DetailForm::Text;
    TextId whereText = 0;  // "ns/ifname", resolved when recorded so the log stands alone
    TextId portText = 0;   // FdbLearn / FdbMoved / BridgeForward: the port's name then
    TextId ruleText = 0;   // NatTranslate / Drop(Filtered): the rule that decided, as `iptables -S`
                           // prints it, or "FORWARD policy"
    TextId chainText = 0;  // the chain of that rule ("DOCKER", "DOCKER-ISOLATION-STAGE-2")
    TextId fromText = 0;   // NeighborState: "INCOMPLETE"
    TextId toText = 0;     // NeighborState: "REACHABLE"
    FrameRef frame;        // the frame/packet as it was at this event (TraceLog::frameBytes)
    ArenaSpan text;        // DetailForm::Text: the detail
    ArenaSpan portList;    // BridgeFlood: every egress port

    bool operator==(const TraceRecord&) const = default;

    // The text, made now from the log's tables (empty when the record is in no log).
    [[nodiscard]] const std::string& where() const;
    /// tcpdump-like summary or "old -> new".
    [[nodiscard]] std::string detail() const;
    [[nodiscard]] const std::string& rule() const;
    [[nodiscard]] const std::string& chain() const;
    [[nodiscard]] const std::string& fromState() const;
    [[nodiscard]] const std::string& toState() const;
    /// BridgeFlood: every egress port.
    [[nodiscard]] std::vector<InterfaceId> ports() const;
    /// One line: "0.000010 c1/eth0 FrameTx ARP, Request who-has 172.17.0.3 tell 172.17.0.2".
    [[nodiscard]] std::string toString() const;
};

/// A record's texts given literally, for records made by hand (tests, tools) rather than by the
/// kernel's recording path.
struct TraceText {
    std::string where;
    std::string detail;
    std::string rule;
    std::string chain;
    std::string fromState;
    std::string toState;
    std::vector<InterfaceId> ports;
};

/// Collects records and tells subscribers. By default every record is kept; setRetention bounds
/// the store (subscribers are still told of every record).
class TraceLog {
public:
    using Subscriber = std::function<void(const TraceRecord&)>;
    using SubscriptionId = std::uint64_t;
    /// Makes the detail of a record whose form is not Text (the kernel installs one that knows
    /// its frames).
    using DetailRenderer = std::string (*)(const TraceRecord&);
    static constexpr std::size_t kKeepAll = std::numeric_limits<std::size_t>::max();

    TraceLog() = default;
    // Records point at their log: a copy or move would leave them pointing at the old one.
    TraceLog(const TraceLog&) = delete;
    TraceLog& operator=(const TraceLog&) = delete;

    /// Stores `rec` (its references must be into this log's tables, as intern/the kernel make them).
    void record(TraceRecord rec);
    /// Records `rec` with a copy of `bytes` as its frame.
    void record(TraceRecord rec, FrameLayer layer, std::span<const std::uint8_t> bytes);
    /// Records `rec` with literal texts (and optionally a frame).
    void record(TraceRecord rec, const TraceText& text, FrameLayer layer = FrameLayer::None,
                std::span<const std::uint8_t> bytes = {});
    /// The kernel's path: `rec` with its interned ids set, its frame bytes, its literal detail
    /// (DetailForm::Text) and its ports, each copied into the log's arenas only when someone
    /// keeps or hears the record.
    void record(TraceRecord rec, FrameLayer layer, std::span<const std::uint8_t> bytes, std::string_view detail,
                std::span<const TracePort> ports);

    /// False when nothing keeps or hears records: the kernel then makes none.
    [[nodiscard]] bool isListening() const { return m_keep != 0 || !m_subscribers.empty(); }

    /// The kept records, oldest first: records()[0] is record number firstKept().
    [[nodiscard]] const std::vector<TraceRecord>& records() const { return m_records; }
    /// Records stored so far, including those dropped since by the retention bound: the next
    /// stored record's number. (A record heard while the log keeps none takes no number.)
    [[nodiscard]] std::size_t size() const { return m_first + m_records.size(); }
    /// The number of the oldest kept record (0 while every record is kept).
    [[nodiscard]] std::size_t firstKept() const { return m_first; }
    /// Record number `index`, or nullptr when it is not kept (or not made yet).
    [[nodiscard]] const TraceRecord* at(std::size_t index) const;
    void clear();
    /// The bytes of a record's frame: an Ethernet frame or an IPv4 packet, see FrameRef::layer
    /// (empty once the record is no longer kept).
    [[nodiscard]] std::span<const std::uint8_t> frameBytes(const FrameRef& ref) const;

    /// Keep at least the `keep` most recent records (and at most twice that many: old ones are
    /// dropped in batches); kKeepAll keeps every record, 0 no new ones.
    void setRetention(std::size_t keep);
    [[nodiscard]] std::size_t retention() const { return m_keep; }
    void setRecording(bool on) { setRetention(on ? kKeepAll : 0); }
    [[nodiscard]] bool isRecording() const { return m_keep != 0; }

    SubscriptionId subscribe(Subscriber s);
    void unsubscribe(SubscriptionId id);

    /// FNV-1a 64 over every kept record's text, from record number `from` on: equal runs have
    /// equal digests.
    [[nodiscard]] std::uint64_t digest(std::size_t from = 0) const;
    [[nodiscard]] std::string digestHex(std::size_t from = 0) const;
    /// Kept records of one kind, from record number `from` on.
    [[nodiscard]] std::vector<TraceRecord> ofKind(TraceKind kind, std::size_t from = 0) const;

    // --- the tables records refer to -------------------------------------------------------------
    /// The id of `text` (the same id for the same text, for the log's lifetime; clear() keeps them).
    TextId intern(std::string_view text);
    [[nodiscard]] const std::string& text(TextId id) const { return m_texts[id < m_texts.size() ? id : 0]; }
    /// The literal text of an ArenaSpan of the text arena (empty once it is no longer kept).
    [[nodiscard]] std::string_view literal(const ArenaSpan& span) const;
    [[nodiscard]] std::span<const TracePort> portsOf(const ArenaSpan& span) const;
    void setRenderer(DetailRenderer r) { m_renderer = r; }
    [[nodiscard]] DetailRenderer renderer() const { return m_renderer; }

private:
    void store(TraceRecord rec);
    void dropOldest();

    std::vector<TraceRecord> m_records;  // the kept records; m_records[0] is number m_first
    std::size_t m_first = 0;
    std::size_t m_keep = kKeepAll;

    // Arenas, each with the global offset of its first entry still held: records refer to
    // entries by global offset, so dropping old entries moves nothing that is referred to.
    std::vector<std::uint8_t> m_frameArena;  // every kept frame, back to back
    std::uint64_t m_frameBase = 0;
    std::vector<char> m_textArena;           // the literal details
    std::uint64_t m_textBase = 0;
    std::vector<TracePort> m_portArena;      // the ports of floods
    std::uint64_t m_portBase = 0;
    // The last frame stored: a frame recorded again unchanged (a flood's copies, FrameTx then
    // FrameRx) refers to the same bytes.
    FrameRef m_lastFrame;

    std::deque<std::string> m_texts{std::string()};  // id → text; a deque keeps references stable
    std::unordered_map<std::string_view, TextId> m_textIds;
    DetailRenderer m_renderer = nullptr;

    std::map<SubscriptionId, Subscriber> m_subscribers;
    SubscriptionId m_nextSubscription = 1;
};

}  // namespace sim::core
