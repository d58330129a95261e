#include "sim/net/fdb.hpp"

#include <algorithm>

namespace sim::net {

FdbLearnResult Fdb::learn(const wire::MacAddress& mac, core::InterfaceId port, core::SimTime now) {
    // The kernel never learns group addresses (br_fdb_update skips !is_valid_ether_addr).
    if (mac.isMulticast() || mac.isZero()) return FdbLearnResult::Unchanged;
    auto it = m_entries.find(mac);
    if (it == m_entries.end()) {
        m_entries.emplace(mac, FdbEntry{mac, port, now, false});
        return FdbLearnResult::Learned;
    }
    FdbEntry& e = it->second;
    if (e.isLocal) return FdbLearnResult::Unchanged;
    const bool wasAlive = isAlive(e, now);
    const bool moved = e.port != port;
    e.port = port;
    e.updated = now;
    if (!wasAlive) return FdbLearnResult::Learned;
    return moved ? FdbLearnResult::Moved : FdbLearnResult::Refreshed;
}

void Fdb::addLocal(const wire::MacAddress& mac, core::InterfaceId port) {
    m_entries[mac] = FdbEntry{mac, port, core::SimTime::zero(), true};
}

std::optional<core::InterfaceId> Fdb::lookup(const wire::MacAddress& mac, core::SimTime now) const {
    auto it = m_entries.find(mac);
    if (it == m_entries.end() || !isAlive(it->second, now)) return std::nullopt;
    return it->second.port;
}

const FdbEntry* Fdb::find(const wire::MacAddress& mac, core::SimTime now) const {
    auto it = m_entries.find(mac);
    if (it == m_entries.end() || !isAlive(it->second, now)) return nullptr;
    return &it->second;
}

std::vector<FdbEntry> Fdb::expire(core::SimTime now) {
    std::vector<FdbEntry> gone;
    for (auto it = m_entries.begin(); it != m_entries.end();) {
        if (!isAlive(it->second, now)) {
            gone.push_back(it->second);
            it = m_entries.erase(it);
        } else {
            ++it;
        }
    }
    std::sort(gone.begin(), gone.end(), [](const FdbEntry& a, const FdbEntry& b) { return a.mac < b.mac; });
    return gone;
}

void Fdb::flushPort(core::InterfaceId port, bool includeLocal) {
    std::erase_if(m_entries, [&](const auto& kv) { return kv.second.port == port && (includeLocal || !kv.second.isLocal); });
}

std::vector<FdbEntry> Fdb::entries(core::SimTime now) const {
    std::vector<FdbEntry> out;
    for (const auto& [mac, e] : m_entries)
        if (isAlive(e, now)) out.push_back(e);
    std::sort(out.begin(), out.end(), [](const FdbEntry& a, const FdbEntry& b) {
        return a.port != b.port ? a.port < b.port : a.mac < b.mac;
    });
    return out;
}

}  // namespace sim::net
