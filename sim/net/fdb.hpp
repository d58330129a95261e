// Fdb: a Linux bridge's forwarding database. Learns the source MAC of every frame on its ingress
// port and forgets entries not refreshed for the ageing time (BR_DEFAULT_AGEING_TIME, 300 s).
// Ageing is lazy, as in ns-3's BridgeNetDevice: an entry past its time is simply not found.
#pragma once

#include <optional>
#include <unordered_map>
#include <vector>

#include "sim/core/ids.hpp"
#include "sim/core/sim_time.hpp"
#include "sim/wire/mac_address.hpp"

namespace sim::net {

struct FdbEntry {
    wire::MacAddress mac;
    core::InterfaceId port;
    core::SimTime updated;
    bool isLocal = false;  // the port's own MAC ("permanent" in `bridge fdb show`)
    bool operator==(const FdbEntry&) const = default;
};

enum class FdbLearnResult { Unchanged, Refreshed, Learned, Moved };

class Fdb {
public:
    static constexpr core::Duration kDefaultAgeingTime = core::seconds(300);

    explicit Fdb(core::Duration ageing = kDefaultAgeingTime) : m_ageing(ageing) {}

    /// Learned: a new MAC (or one that had aged out); Moved: known on another port before;
    /// Refreshed: same port, timer restarted. Local entries never move.
    FdbLearnResult learn(const wire::MacAddress& mac, core::InterfaceId port, core::SimTime now);
    void addLocal(const wire::MacAddress& mac, core::InterfaceId port);
    /// The port for `mac`, unless the entry has aged out.
    [[nodiscard]] std::optional<core::InterfaceId> lookup(const wire::MacAddress& mac, core::SimTime now) const;
    /// The live entry for `mac`, or nullptr.
    [[nodiscard]] const FdbEntry* find(const wire::MacAddress& mac, core::SimTime now) const;
    /// Removes aged entries and returns them (for the trace).
    std::vector<FdbEntry> expire(core::SimTime now);
    /// Forgets the learned entries on `port` (the port went down: br_fdb_delete_by_port with
    /// do_all = 0 keeps local entries); `includeLocal` forgets those too (the port left the bridge).
    void flushPort(core::InterfaceId port, bool includeLocal = false);
    /// Live entries, sorted by port then MAC (a stable order for `bridge fdb show`).
    [[nodiscard]] std::vector<FdbEntry> entries(core::SimTime now) const;
    /// Seconds since the entry was refreshed, as `brctl showmacs` prints the ageing timer.
    [[nodiscard]] core::Duration ageingTime() const { return m_ageing; }
    void setAgeingTime(core::Duration ageing) { m_ageing = ageing; }

private:
    [[nodiscard]] bool isAlive(const FdbEntry& e, core::SimTime now) const { return e.isLocal || now - e.updated < m_ageing; }

    std::unordered_map<wire::MacAddress, FdbEntry> m_entries;
    core::Duration m_ageing;
};

}  // namespace sim::net
