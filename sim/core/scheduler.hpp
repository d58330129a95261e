// Discrete-event scheduler (ns-3's Simulator, but owned, not static). Events at the same time run
// in the order they were scheduled, so a script always produces the same trace.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "sim/core/ids.hpp"
#include "sim/core/sim_time.hpp"

namespace sim::core {

class Scheduler {
public:
    using Action = std::function<void()>;

    [[nodiscard]] SimTime now() const { return m_now; }

    /// Runs `action` at now() + delay (delay < 0 is treated as 0).
    EventId schedule(Duration delay, Action action);
    /// Runs `action` at the absolute time `at` (not before now()).
    EventId scheduleAt(SimTime at, Action action);
    /// A cancelled event is skipped when its time comes; cancelling a run or unknown event is a no-op.
    void cancel(EventId id);

    /// Runs the next pending event; false when there is none.
    bool step();
    /// Runs every event due at or before `until`, then sets now() to `until`.
    void runUntil(SimTime until);
    /// Runs events until none is pending or `limit` is reached; returns how many ran.
    std::uint64_t runUntilIdle(SimTime limit = SimTime::max());

    [[nodiscard]] bool hasPending() const;
    [[nodiscard]] std::size_t pendingCount() const { return m_liveCount; }
    /// Time of the next live event, or SimTime::max() when idle.
    [[nodiscard]] SimTime nextEventTime() const;
    [[nodiscard]] std::uint64_t executedCount() const { return m_executed; }

private:
    // The queue holds small trivially copyable entries; the actions wait in a slot pool, so the
    // heap's sift-downs move 24 bytes, not a std::function that owns a copy of a frame.
    struct Entry {
        SimTime at;
        std::uint64_t seq;
        std::uint32_t slot;
    };
    struct Later {
        bool operator()(const Entry& a, const Entry& b) const {
            return a.at != b.at ? a.at > b.at : a.seq > b.seq;
        }
    };
    // Two heaps, and the next event is the earlier of their two heads, so the order is exactly
    // one heap's. Frames in flight (microseconds ahead) go to the near heap, timers (ARP, ping
    // intervals, seconds ahead) to the far one: the hot path sifts through the handful of frames
    // in flight instead of every neighbour entry's timer.
    static constexpr Duration kNearHorizon = millis(1);
    /// The heap whose head runs next (nullptr when both are empty).
    std::vector<Entry>* headHeap() const;
    static void popHeap(std::vector<Entry>& heap);
    void dropCancelledHead() const;

    SimTime m_now;
    std::uint64_t m_nextSeq = 0;
    std::uint64_t m_executed = 0;
    // mutable: peeking lazily discards cancelled heads. Binary heaps ordered by Later.
    mutable std::vector<Entry> m_near;
    mutable std::vector<Entry> m_far;
    mutable std::vector<Action> m_actions;           // by slot
    mutable std::vector<std::uint32_t> m_freeSlots;  // slots whose action ran or was dropped
    // The state of every event ever scheduled, indexed by its seq (seqs are consecutive from 0):
    // one byte each instead of a hash-set node allocated and freed per event, which was the
    // scheduler's main cost in `docknet bench pingall`.
    enum class EventState : std::uint8_t { Live, Cancelled, Gone };  // Gone: ran, or cancelled and dropped
    mutable std::vector<EventState> m_states;
    std::size_t m_liveCount = 0;  // queued and not cancelled
};

}  // namespace sim::core
