#include "sim/core/scheduler.hpp"

#include <utility>

namespace sim::core {

EventId Scheduler::schedule(Duration delay, Action action) {
    if (delay < SimTime::zero()) delay = SimTime::zero();
    return scheduleAt(m_now + delay, std::move(action));
}

EventId Scheduler::scheduleAt(SimTime at, Action action) {
    if (at < m_now) at = m_now;
    const std::uint64_t seq = m_nextSeq++;
    m_queue.push(Event{at, seq, std::move(action)});
    m_states.push_back(EventState::Live);
    ++m_liveCount;
    return EventId(seq);
}

void Scheduler::cancel(EventId id) {
    // Already ran, cancelled twice, or not ours: nothing to do.
    if (!id.isValid() || id.value >= m_states.size() || m_states[id.value] != EventState::Live) return;
    m_states[id.value] = EventState::Cancelled;
    --m_liveCount;
    dropCancelledHead();
}

void Scheduler::dropCancelledHead() const {
    while (!m_queue.empty()) {
        auto& state = m_states[m_queue.top().seq];
        if (state != EventState::Cancelled) break;
        state = EventState::Gone;
        m_queue.pop();
    }
}

bool Scheduler::hasPending() const {
    dropCancelledHead();
    return !m_queue.empty();
}

SimTime Scheduler::nextEventTime() const {
    dropCancelledHead();
    return m_queue.empty() ? SimTime::max() : m_queue.top().at;
}

bool Scheduler::step() {
    dropCancelledHead();
    if (m_queue.empty()) return false;
    // Move the action out before popping: the action may schedule more events.
    Event ev = std::move(const_cast<Event&>(m_queue.top()));
    m_queue.pop();
    m_states[ev.seq] = EventState::Gone;
    --m_liveCount;
    m_now = ev.at;
    ++m_executed;
    ev.action();
    return true;
}

void Scheduler::runUntil(SimTime until) {
    while (nextEventTime() <= until) step();
    if (until > m_now) m_now = until;
}

std::uint64_t Scheduler::runUntilIdle(SimTime limit) {
    std::uint64_t ran = 0;
    while (nextEventTime() <= limit && step()) ++ran;
    return ran;
}

}  // namespace sim::core
