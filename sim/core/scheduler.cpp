#include "sim/core/scheduler.hpp"

#include <algorithm>
#include <utility>

namespace sim::core {

EventId Scheduler::schedule(Duration delay, Action action) {
    if (delay < SimTime::zero()) delay = SimTime::zero();
    return scheduleAt(m_now + delay, std::move(action));
}

EventId Scheduler::scheduleAt(SimTime at, Action action) {
    if (at < m_now) at = m_now;
    const std::uint64_t seq = m_nextSeq++;
    std::uint32_t slot;
    if (!m_freeSlots.empty()) {
        slot = m_freeSlots.back();
        m_freeSlots.pop_back();
        m_actions[slot] = std::move(action);
    } else {
        slot = static_cast<std::uint32_t>(m_actions.size());
        m_actions.push_back(std::move(action));
    }
    m_heap.push_back(Entry{at, seq, slot});
    std::push_heap(m_heap.begin(), m_heap.end(), Later{});
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

void Scheduler::popHead() const {
    std::pop_heap(m_heap.begin(), m_heap.end(), Later{});
    m_heap.pop_back();
}

void Scheduler::dropCancelledHead() const {
    while (!m_heap.empty()) {
        const Entry head = m_heap.front();
        auto& state = m_states[head.seq];
        if (state != EventState::Cancelled) break;
        state = EventState::Gone;
        m_actions[head.slot] = nullptr;  // release what the action captured now
        m_freeSlots.push_back(head.slot);
        popHead();
    }
}

bool Scheduler::hasPending() const {
    dropCancelledHead();
    return !m_heap.empty();
}

SimTime Scheduler::nextEventTime() const {
    dropCancelledHead();
    return m_heap.empty() ? SimTime::max() : m_heap.front().at;
}

bool Scheduler::step() {
    dropCancelledHead();
    if (m_heap.empty()) return false;
    const Entry head = m_heap.front();
    popHead();
    // Move the action out and free its slot before running it: the action may schedule more.
    Action action = std::move(m_actions[head.slot]);
    m_actions[head.slot] = nullptr;
    m_freeSlots.push_back(head.slot);
    m_states[head.seq] = EventState::Gone;
    --m_liveCount;
    m_now = head.at;
    ++m_executed;
    action();
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
