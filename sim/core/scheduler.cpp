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
    std::vector<Entry>& heap = at - m_now < kNearHorizon ? m_near : m_far;
    heap.push_back(Entry{at, seq, slot});
    std::push_heap(heap.begin(), heap.end(), Later{});
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

std::vector<Scheduler::Entry>* Scheduler::headHeap() const {
    if (m_near.empty()) return m_far.empty() ? nullptr : &m_far;
    if (m_far.empty()) return &m_near;
    return Later{}(m_near.front(), m_far.front()) ? &m_far : &m_near;
}

void Scheduler::popHeap(std::vector<Entry>& heap) {
    std::pop_heap(heap.begin(), heap.end(), Later{});
    heap.pop_back();
}

void Scheduler::dropCancelledHead() const {
    while (std::vector<Entry>* heap = headHeap()) {
        const Entry head = heap->front();
        auto& state = m_states[head.seq];
        if (state != EventState::Cancelled) break;
        state = EventState::Gone;
        m_actions[head.slot] = nullptr;  // release what the action captured now
        m_freeSlots.push_back(head.slot);
        popHeap(*heap);
    }
}

bool Scheduler::hasPending() const {
    dropCancelledHead();
    return headHeap() != nullptr;
}

SimTime Scheduler::nextEventTime() const {
    dropCancelledHead();
    const std::vector<Entry>* heap = headHeap();
    return heap ? heap->front().at : SimTime::max();
}

bool Scheduler::step() {
    dropCancelledHead();
    std::vector<Entry>* heap = headHeap();
    if (!heap) return false;
    const Entry head = heap->front();
    popHeap(*heap);
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
