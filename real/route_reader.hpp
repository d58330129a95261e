// The IPv4 routes of the session's namespace, read back over netlink (an RTM_GETROUTE dump), in
// the sim's observation type, so verify can put them beside the model's routing table.
#pragma once

#include <string>
#include <vector>

#include "real/netlink_session.hpp"
#include "sim/plan/plan.hpp"

namespace docknet::real {

/// The unicast routes of the main table (what `ip route` lists: the kernel's prefix routes and
/// the ones apply added), one row per next hop; `ns` is only copied into the rows.
sim::core::Result<std::vector<sim::plan::RouteObservation>> readRoutes(const NetlinkSession& s, const std::string& ns);

}  // namespace docknet::real
