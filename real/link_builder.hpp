// LinkBuilder: links, addresses and routes in the namespace of its NetlinkSession, through
// libnl-route-3 (RTM_NEWLINK / RTM_NEWADDR / RTM_NEWROUTE), never through `ip`.
#pragma once

#include <string>

#include "real/netlink_session.hpp"
#include "sim/core/error.hpp"
#include "sim/plan/plan.hpp"

namespace docknet::real {

class LinkBuilder {
public:
    explicit LinkBuilder(const NetlinkSession& session) : m_session(session) {}

    sim::core::Result<void> addBridge(const sim::plan::PlanBridge& bridge);
    /// End A here, end B created straight into the namespace open at `peerNsFd`, so no end ever
    /// exists outside the lab's namespaces.
    sim::core::Result<void> addVeth(const sim::plan::PlanVeth& veth, int peerNsFd);
    /// `ip link set NAME [master MASTER] up|down`.
    sim::core::Result<void> configure(const std::string& name, const std::string& master, bool up);
    sim::core::Result<void> addAddress(const std::string& dev, const std::string& prefix);
    sim::core::Result<void> addRoute(const sim::plan::PlanRoute& route);

    [[nodiscard]] sim::core::Result<int> ifindex(const std::string& name) const;
    [[nodiscard]] bool exists(const std::string& name) const { return ifindex(name).has_value(); }

private:
    const NetlinkSession& m_session;
};

}  // namespace docknet::real
