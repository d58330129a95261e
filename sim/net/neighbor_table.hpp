// NeighborTable: one namespace's ARP cache, with Linux's neighbour state machine
// (net/core/neighbour.c: __neigh_event_send, neigh_update, neigh_timer_handler) and the
// defaults of arp(7): base_reachable_time 30 s (each table draws a reachable time in
// [15 s, 45 s], redrawn every 300 s), delay_first_probe_time 5 s, retrans_time 1 s,
// mcast_solicit 3, ucast_solicit 3, unres_qlen 101 (what /proc shows on kernels since 3.3:
// unres_qlen_bytes 212992 over SKB_TRUESIZE(ETH_FRAME_LEN); docknet counts packets, not bytes).
//
//   none/FAILED --send--> INCOMPLETE (broadcast probes at 0, 1, 2 s) --reply--> REACHABLE
//   INCOMPLETE --3 s without reply--> FAILED (queued packets reported as unreachable)
//   REACHABLE --reachable time passes--> STALE (or DELAY if used in the last 5 s)
//   STALE --send--> DELAY --5 s unconfirmed--> PROBE (3 unicast probes 1 s apart) --> FAILED
//   DELAY/PROBE --reply--> REACHABLE
//
// Not modelled: garbage collection (the kernel does none below gc_thresh1 = 128 entries, so a
// lab's table keeps its FAILED entries too), proxy ARP, arp_accept.
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "sim/core/ids.hpp"
#include "sim/core/rng.hpp"
#include "sim/core/scheduler.hpp"
#include "sim/core/sim_time.hpp"
#include "sim/net/packet.hpp"
#include "sim/wire/ipv4_address.hpp"
#include "sim/wire/mac_address.hpp"

namespace sim::net {

enum class NeighborState : std::uint8_t { None, Incomplete, Reachable, Stale, Delay, Probe, Failed, Permanent };

/// Upper case, as `ip neigh` prints it ("REACHABLE"); None prints "NONE".
std::string_view toString(NeighborState state);

struct NeighborParams {
    core::Duration baseReachableTime = core::seconds(30);
    core::Duration delayFirstProbeTime = core::seconds(5);
    core::Duration retransTime = core::seconds(1);
    int mcastSolicit = 3;
    int ucastSolicit = 3;
    std::size_t unresQlen = 101;
};

struct NeighborEntry {
    core::InterfaceId dev;
    wire::Ipv4Address ip;
    std::optional<wire::MacAddress> mac;
    NeighborState state = NeighborState::None;
    core::SimTime confirmed;
    core::SimTime used;
    core::SimTime updated;
    int probes = 0;
    std::deque<IpPacket> queue;  // packets waiting for resolution
    core::EventId timer;
};

/// What the table asks of the stack around it (the ARP layer implements it; tests fake it).
class NeighborHost {
public:
    virtual ~NeighborHost() = default;
    /// Send an ARP request for entry.ip: broadcast when `unicastTo` is empty, else to that MAC.
    virtual void solicit(const NeighborEntry& entry, std::optional<wire::MacAddress> unicastTo) = 0;
    virtual void stateChanged(const NeighborEntry& entry, NeighborState from, NeighborState to) = 0;
    /// The entry now has a MAC: transmit these packets to it.
    virtual void resolved(const NeighborEntry& entry, std::vector<IpPacket> packets) = 0;
    /// Resolution failed: report these packets as unreachable (ICMP host unreachable).
    virtual void failed(const NeighborEntry& entry, std::vector<IpPacket> packets) = 0;
    /// The queue was full; Linux drops the oldest packet.
    virtual void overflowed(const NeighborEntry& entry, IpPacket dropped) = 0;
};

class NeighborTable {
public:
    NeighborTable(core::Scheduler& scheduler, core::Rng& rng, NeighborHost& host, NeighborParams params = {});
    ~NeighborTable();
    NeighborTable(const NeighborTable&) = delete;
    NeighborTable& operator=(const NeighborTable&) = delete;

    /// The output path (neigh_resolve_output): the MAC to send to now, or nullopt when the
    /// packet was moved into the queue behind a resolution (it is sent or failed later through
    /// the host). `packet` is only moved from when nullopt is returned.
    std::optional<wire::MacAddress> output(core::InterfaceId dev, wire::Ipv4Address ip, IpPacket& packet);

    /// An ARP reply from `ip` is-at `mac` (solicited confirmation): an existing entry becomes
    /// REACHABLE. Replies for unknown addresses are ignored (arp_accept = 0).
    void confirm(core::InterfaceId dev, wire::Ipv4Address ip, const wire::MacAddress& mac);
    /// An ARP request addressed to us from `ip`/`mac` (neigh_event_ns): creates or updates the
    /// sender's entry as STALE, keeping a valid state when the MAC is unchanged.
    void noteSender(core::InterfaceId dev, wire::Ipv4Address ip, const wire::MacAddress& mac);

    /// `ip neigh replace ... permanent`.
    void addPermanent(core::InterfaceId dev, wire::Ipv4Address ip, const wire::MacAddress& mac);
    /// `ip neigh del`; false when there was no entry.
    bool remove(core::InterfaceId dev, wire::Ipv4Address ip);
    /// Forgets every entry of `dev` (link down / deleted); queued packets are dropped silently.
    void flushDevice(core::InterfaceId dev);

    [[nodiscard]] const NeighborEntry* find(core::InterfaceId dev, wire::Ipv4Address ip) const;
    /// Entries sorted by device then address (what `ip neigh` lists).
    [[nodiscard]] std::vector<const NeighborEntry*> entries() const;
    [[nodiscard]] std::size_t size() const { return m_entries.size(); }
    [[nodiscard]] const NeighborParams& params() const { return m_params; }
    /// The current randomised reachable time of this table.
    [[nodiscard]] core::Duration reachableTime();

private:
    struct Key {
        core::InterfaceId dev;
        wire::Ipv4Address ip;
        bool operator==(const Key&) const = default;
    };
    struct KeyHash {
        std::size_t operator()(const Key& k) const noexcept {
            return std::hash<std::uint64_t>{}((std::uint64_t(k.dev.value) << 32) | k.ip.value());
        }
    };

    NeighborEntry& obtain(core::InterfaceId dev, wire::Ipv4Address ip);
    void setState(NeighborEntry& e, NeighborState to);
    void armTimer(NeighborEntry& e, core::SimTime at);
    void onTimer(Key key);
    void probe(NeighborEntry& e);
    void enterReachable(NeighborEntry& e, const wire::MacAddress& mac);
    void flushQueueResolved(NeighborEntry& e);
    void invalidate(NeighborEntry& e);
    [[nodiscard]] int maxProbes(const NeighborEntry& e) const;

    core::Scheduler& m_scheduler;
    core::Rng& m_rng;
    NeighborHost& m_host;
    NeighborParams m_params;
    core::Duration m_reachableTime;
    core::SimTime m_reachableDrawnAt;
    std::unordered_map<Key, NeighborEntry, KeyHash> m_entries;
};

}  // namespace sim::net
