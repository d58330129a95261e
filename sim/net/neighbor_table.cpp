#include "sim/net/neighbor_table.hpp"

#include <algorithm>

namespace sim::net {

std::string_view toString(NeighborState state) {
    switch (state) {
        case NeighborState::None: return "NONE";
        case NeighborState::Incomplete: return "INCOMPLETE";
        case NeighborState::Reachable: return "REACHABLE";
        case NeighborState::Stale: return "STALE";
        case NeighborState::Delay: return "DELAY";
        case NeighborState::Probe: return "PROBE";
        case NeighborState::Failed: return "FAILED";
        case NeighborState::Permanent: return "PERMANENT";
    }
    return "?";
}

NeighborTable::NeighborTable(core::Scheduler& scheduler, core::Rng& rng, NeighborHost& host, NeighborParams params)
    : m_scheduler(scheduler), m_rng(rng), m_host(host), m_params(params) {
    m_reachableTime = core::micros(m_rng.uniform(m_params.baseReachableTime.micros() / 2,
                                                 m_params.baseReachableTime.micros() * 3 / 2));
    m_reachableDrawnAt = m_scheduler.now();
}

NeighborTable::~NeighborTable() {
    for (auto& [key, e] : m_entries) m_scheduler.cancel(e.timer);
}

core::Duration NeighborTable::reachableTime() {
    // neigh_periodic_work redraws the random reachable time every 300 s.
    if (m_scheduler.now() - m_reachableDrawnAt >= core::seconds(300)) {
        m_reachableTime = core::micros(m_rng.uniform(m_params.baseReachableTime.micros() / 2,
                                                     m_params.baseReachableTime.micros() * 3 / 2));
        m_reachableDrawnAt = m_scheduler.now();
    }
    return m_reachableTime;
}

NeighborEntry& NeighborTable::obtain(core::InterfaceId dev, wire::Ipv4Address ip) {
    auto [it, inserted] = m_entries.try_emplace(Key{dev, ip});
    if (inserted) {
        it->second.dev = dev;
        it->second.ip = ip;
        it->second.updated = m_scheduler.now();
        // neigh_alloc back-dates `confirmed` so a new entry is not considered confirmed.
        it->second.confirmed = m_scheduler.now() - m_params.baseReachableTime * 2;
    }
    return it->second;
}

void NeighborTable::setState(NeighborEntry& e, NeighborState to) {
    if (e.state == to) return;
    const NeighborState from = e.state;
    e.state = to;
    e.updated = m_scheduler.now();
    m_host.stateChanged(e, from, to);
}

void NeighborTable::armTimer(NeighborEntry& e, core::SimTime at) {
    m_scheduler.cancel(e.timer);
    const Key key{e.dev, e.ip};
    e.timer = m_scheduler.scheduleAt(at, [this, key] { onTimer(key); });
}

int NeighborTable::maxProbes(const NeighborEntry& e) const {
    // neigh_max_probes: ucast + app + (PROBE ? mcast_reprobes(0) : mcast). `probes` starts at
    // ucast_solicit for INCOMPLETE and at 0 for PROBE, hence 3 broadcasts or 3 unicasts.
    return m_params.ucastSolicit + (e.state == NeighborState::Probe ? 0 : m_params.mcastSolicit);
}

void NeighborTable::probe(NeighborEntry& e) {
    // arp_solicit: while probes < ucast_solicit the request goes to the cached MAC.
    std::optional<wire::MacAddress> to;
    if (e.probes < m_params.ucastSolicit && e.mac) to = e.mac;
    ++e.probes;
    m_host.solicit(e, to);
}

std::optional<wire::MacAddress> NeighborTable::output(core::InterfaceId dev, wire::Ipv4Address ip, IpPacket& packet) {
    NeighborEntry& e = obtain(dev, ip);
    const core::SimTime now = m_scheduler.now();
    e.used = now;
    switch (e.state) {
        case NeighborState::Reachable:
        case NeighborState::Delay:
        case NeighborState::Probe:
        case NeighborState::Permanent:
            return e.mac;
        case NeighborState::Stale:
            setState(e, NeighborState::Delay);
            armTimer(e, now + m_params.delayFirstProbeTime);
            return e.mac;
        case NeighborState::None:
        case NeighborState::Failed:
            e.probes = m_params.ucastSolicit;
            setState(e, NeighborState::Incomplete);
            e.queue.push_back(std::move(packet));
            armTimer(e, now + m_params.retransTime);
            probe(e);
            return std::nullopt;
        case NeighborState::Incomplete:
            if (e.queue.size() >= m_params.unresQlen) {
                IpPacket dropped = std::move(e.queue.front());
                e.queue.pop_front();
                e.queue.push_back(std::move(packet));
                m_host.overflowed(e, std::move(dropped));
            } else {
                e.queue.push_back(std::move(packet));
            }
            return std::nullopt;
    }
    return std::nullopt;
}

void NeighborTable::enterReachable(NeighborEntry& e, const wire::MacAddress& mac) {
    const core::SimTime now = m_scheduler.now();
    e.mac = mac;
    e.confirmed = now;
    setState(e, NeighborState::Reachable);
    armTimer(e, now + reachableTime());
}

void NeighborTable::flushQueueResolved(NeighborEntry& e) {
    if (e.queue.empty()) return;
    std::vector<IpPacket> packets(std::make_move_iterator(e.queue.begin()), std::make_move_iterator(e.queue.end()));
    e.queue.clear();
    m_host.resolved(e, std::move(packets));
}

void NeighborTable::confirm(core::InterfaceId dev, wire::Ipv4Address ip, const wire::MacAddress& mac) {
    auto it = m_entries.find(Key{dev, ip});
    if (it == m_entries.end()) return;
    NeighborEntry& e = it->second;
    if (e.state == NeighborState::Permanent) return;
    if (e.state == NeighborState::Reachable && e.mac == mac) {
        e.confirmed = m_scheduler.now();
        return;
    }
    enterReachable(e, mac);
    flushQueueResolved(e);
}

void NeighborTable::noteSender(core::InterfaceId dev, wire::Ipv4Address ip, const wire::MacAddress& mac) {
    NeighborEntry& e = obtain(dev, ip);
    if (e.state == NeighborState::Permanent) return;
    const bool valid = e.state == NeighborState::Reachable || e.state == NeighborState::Stale ||
                       e.state == NeighborState::Delay || e.state == NeighborState::Probe;
    // neigh_update: "new == NUD_STALE with an unchanged lladdr keeps the old state".
    if (valid && e.mac == mac) return;
    e.mac = mac;
    m_scheduler.cancel(e.timer);
    e.timer = {};
    setState(e, NeighborState::Stale);
    if (!e.queue.empty()) {
        // Sending the queue goes through neigh_resolve_output, which moves STALE to DELAY.
        e.used = m_scheduler.now();
        setState(e, NeighborState::Delay);
        armTimer(e, m_scheduler.now() + m_params.delayFirstProbeTime);
    }
    flushQueueResolved(e);
}

void NeighborTable::addPermanent(core::InterfaceId dev, wire::Ipv4Address ip, const wire::MacAddress& mac) {
    NeighborEntry& e = obtain(dev, ip);
    m_scheduler.cancel(e.timer);
    e.timer = {};
    e.mac = mac;
    setState(e, NeighborState::Permanent);
    flushQueueResolved(e);
}

bool NeighborTable::remove(core::InterfaceId dev, wire::Ipv4Address ip) {
    auto it = m_entries.find(Key{dev, ip});
    if (it == m_entries.end()) return false;
    m_scheduler.cancel(it->second.timer);
    m_entries.erase(it);
    return true;
}

void NeighborTable::flushDevice(core::InterfaceId dev) {
    for (auto it = m_entries.begin(); it != m_entries.end();) {
        if (it->first.dev == dev) {
            m_scheduler.cancel(it->second.timer);
            it = m_entries.erase(it);
        } else {
            ++it;
        }
    }
}

void NeighborTable::invalidate(NeighborEntry& e) {
    setState(e, NeighborState::Failed);
    m_scheduler.cancel(e.timer);
    e.timer = {};
    std::vector<IpPacket> packets(std::make_move_iterator(e.queue.begin()), std::make_move_iterator(e.queue.end()));
    e.queue.clear();
    if (!packets.empty()) m_host.failed(e, std::move(packets));
}

void NeighborTable::onTimer(Key key) {
    auto it = m_entries.find(key);
    if (it == m_entries.end()) return;
    NeighborEntry& e = it->second;
    e.timer = {};
    const core::SimTime now = m_scheduler.now();
    const core::Duration delay = m_params.delayFirstProbeTime;
    core::SimTime next = now + m_params.retransTime;

    switch (e.state) {
        case NeighborState::Reachable:
            if (now < e.confirmed + reachableTime()) {
                next = e.confirmed + reachableTime();
            } else if (now <= e.used + delay) {
                setState(e, NeighborState::Delay);
                next = now + delay;
            } else {
                setState(e, NeighborState::Stale);
                return;  // STALE has no timer: the next use moves it to DELAY
            }
            break;
        case NeighborState::Delay:
            if (now <= e.confirmed + delay) {
                setState(e, NeighborState::Reachable);
                next = e.confirmed + reachableTime();
            } else {
                setState(e, NeighborState::Probe);
                e.probes = 0;
                next = now + m_params.retransTime;
            }
            break;
        case NeighborState::Incomplete:
        case NeighborState::Probe:
            break;
        default:
            return;
    }

    if ((e.state == NeighborState::Incomplete || e.state == NeighborState::Probe) && e.probes >= maxProbes(e)) {
        invalidate(e);
        return;
    }
    armTimer(e, next);
    if (e.state == NeighborState::Incomplete || e.state == NeighborState::Probe) probe(e);
}

const NeighborEntry* NeighborTable::find(core::InterfaceId dev, wire::Ipv4Address ip) const {
    auto it = m_entries.find(Key{dev, ip});
    return it == m_entries.end() ? nullptr : &it->second;
}

std::vector<const NeighborEntry*> NeighborTable::entries() const {
    std::vector<const NeighborEntry*> out;
    out.reserve(m_entries.size());
    for (const auto& [k, e] : m_entries) out.push_back(&e);
    std::sort(out.begin(), out.end(), [](const NeighborEntry* a, const NeighborEntry* b) {
        return a->dev != b->dev ? a->dev < b->dev : a->ip < b->ip;
    });
    return out;
}

}  // namespace sim::net
