// Bridge: the forwarding state of a Linux bridge (its ports and FDB) and the forwarding decision
// of br_handle_frame_finish: learn the source, deliver locally what is addressed to the bridge,
// flood broadcast/multicast/unknown unicast to every other port, forward known unicast to its port.
// No STP, no VLAN filtering, no hairpin (as Docker configures docker0).
#pragma once

#include <unordered_set>
#include <vector>

#include "sim/core/ids.hpp"
#include "sim/core/sim_time.hpp"
#include "sim/net/fdb.hpp"
#include "sim/wire/mac_address.hpp"

namespace sim::net {

struct BridgeDecision {
    enum class Action { Forward, Flood, Drop };
    Action action = Action::Drop;
    std::vector<core::InterfaceId> ports;  // where copies go out (excludes the ingress port)
    bool deliverLocally = false;           // the bridge's own L3 interface gets a copy
    bool ingressIsEgress = false;          // known unicast whose port is the ingress port
    FdbLearnResult learned = FdbLearnResult::Unchanged;
};

class Bridge {
public:
    // BR_MAX_PORTS is 1 << BR_PORT_BITS (10) and port number 0 is reserved, so a Linux bridge
    // takes 1,023 ports; br_add_if answers the next with EXFULL.
    static constexpr std::size_t kMaxPorts = 1023;

    explicit Bridge(core::InterfaceId self) : m_self(self) {}

    [[nodiscard]] core::InterfaceId self() const { return m_self; }
    [[nodiscard]] const std::vector<core::InterfaceId>& ports() const { return m_ports; }
    void addPort(core::InterfaceId port);
    void removePort(core::InterfaceId port);
    [[nodiscard]] bool hasPort(core::InterfaceId port) const;

    Fdb& fdb() { return m_fdb; }
    [[nodiscard]] const Fdb& fdb() const { return m_fdb; }

    /// A frame with `src`/`dst` entered on `ingress` (a port, or self() when the host sends out
    /// of the bridge device). `ownMac` is the bridge device's MAC. `portIsUp` filters ports.
    template <class PortIsUp>
    BridgeDecision decide(core::InterfaceId ingress, const wire::MacAddress& src, const wire::MacAddress& dst,
                          const wire::MacAddress& ownMac, core::SimTime now, PortIsUp portIsUp);

private:
    core::InterfaceId m_self;
    std::vector<core::InterfaceId> m_ports;  // in the order they were added (flood order)
    std::unordered_set<core::InterfaceId> m_portSet;  // membership in O(1): 10,000 ports stay cheap
    Fdb m_fdb;
};

template <class PortIsUp>
BridgeDecision Bridge::decide(core::InterfaceId ingress, const wire::MacAddress& src, const wire::MacAddress& dst,
                              const wire::MacAddress& ownMac, core::SimTime now, PortIsUp portIsUp) {
    BridgeDecision d;
    const bool fromHost = ingress == m_self;
    if (!fromHost) d.learned = m_fdb.learn(src, ingress, now);
    if (!fromHost && dst == ownMac) {
        d.deliverLocally = true;
        return d;
    }
    auto floodAll = [&] {
        d.action = BridgeDecision::Action::Flood;
        for (auto p : m_ports)
            if (p != ingress && portIsUp(p)) d.ports.push_back(p);
    };
    if (dst.isMulticast()) {
        d.deliverLocally = !fromHost;
        floodAll();
        return d;
    }
    if (const FdbEntry* e = m_fdb.find(dst, now)) {
        // A local entry (the bridge's or a port's own MAC) means "for this host" (br_pass_frame_up).
        if (e->isLocal) {
            d.deliverLocally = !fromHost;
            return d;
        }
        if (e->port == ingress) {
            d.ingressIsEgress = true;
            return d;
        }
        if (portIsUp(e->port)) {
            d.action = BridgeDecision::Action::Forward;
            d.ports.push_back(e->port);
        }
        return d;
    }
    floodAll();
    return d;
}

}  // namespace sim::net
