// The packet trace: one record per thing the kernel model does to a frame or a table, in the
// order it happened. The CLI prints it tcpdump-like, the GUI replays it (and can step back, since
// table changes carry their old and new values), tests assert on it and compare digests.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <span>
#include <string>
#include <string_view>
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
    std::uint32_t offset = 0;  // into the log's byte arena
    std::uint32_t length = 0;
    [[nodiscard]] bool isValid() const { return layer != FrameLayer::None; }
    bool operator==(const FrameRef&) const = default;
};

struct TraceRecord {
    SimTime time;
    TraceKind kind = TraceKind::Drop;
    NamespaceId ns;        // where it happened
    InterfaceId iface;     // the interface involved, if any
    PacketUid packet;      // the frame or packet, if any
    DropReason reason = DropReason::None;
    std::string where;     // "ns/ifname", resolved when recorded so the log stands alone
    std::string detail;    // tcpdump-like summary or "old -> new"

    // Structured facts for the GUI's explanations (detail stays the text the CLI prints).
    FrameRef frame;                  // the frame/packet as it was at this event (TraceLog::frameBytes)
    InterfaceId port;                // FdbLearn: the port the MAC was learned on; BridgeForward: the
                                     // egress port; BridgeFlood: the ingress port
    std::vector<InterfaceId> ports;  // BridgeFlood: every egress port
    std::string rule;                // NatTranslate / Drop(Filtered): the rule that decided, as
                                     // `iptables -S` prints it ("-A DOCKER ! -i docker0 -p tcp ...
                                     // -j DNAT --to-destination 172.17.0.2:80"), or "FORWARD policy"
    std::string chain;               // the chain of that rule ("DOCKER", "DOCKER-ISOLATION-STAGE-2")
    std::string fromState;           // NeighborState: "INCOMPLETE"; FdbLearn (moved): the old port
    std::string toState;             // NeighborState: "REACHABLE"

    bool operator==(const TraceRecord&) const = default;
    /// One line: "0.000010 c1/eth0 FrameTx ARP, Request who-has 172.17.0.3 tell 172.17.0.2".
    [[nodiscard]] std::string toString() const;
};

/// Collects records and tells subscribers. Recording can be switched off for benchmarks;
/// subscribers are still told.
class TraceLog {
public:
    using Subscriber = std::function<void(const TraceRecord&)>;
    using SubscriptionId = std::uint64_t;

    void record(TraceRecord rec);
    /// Records `rec` with a copy of `bytes` as its frame (only while recording: a log that does
    /// not keep records keeps no frames either).
    void record(TraceRecord rec, FrameLayer layer, std::span<const std::uint8_t> bytes);
    [[nodiscard]] const std::vector<TraceRecord>& records() const { return m_records; }
    [[nodiscard]] std::size_t size() const { return m_records.size(); }
    void clear() {
        m_records.clear();
        m_frameArena.clear();
    }
    /// The bytes of a record's frame: an Ethernet frame or an IPv4 packet, see FrameRef::layer.
    [[nodiscard]] std::span<const std::uint8_t> frameBytes(const FrameRef& ref) const;

    void setRecording(bool on) { m_recording = on; }
    [[nodiscard]] bool isRecording() const { return m_recording; }

    SubscriptionId subscribe(Subscriber s);
    void unsubscribe(SubscriptionId id);

    /// FNV-1a 64 over every record's text, from index `from` on: equal runs have equal digests.
    [[nodiscard]] std::uint64_t digest(std::size_t from = 0) const;
    [[nodiscard]] std::string digestHex(std::size_t from = 0) const;
    /// Records of one kind, from index `from` on.
    [[nodiscard]] std::vector<TraceRecord> ofKind(TraceKind kind, std::size_t from = 0) const;

private:
    std::vector<TraceRecord> m_records;
    std::vector<std::uint8_t> m_frameArena;  // every kept frame, back to back
    std::map<SubscriptionId, Subscriber> m_subscribers;
    SubscriptionId m_nextSubscription = 1;
    bool m_recording = true;
};

}  // namespace sim::core
