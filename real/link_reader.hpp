// The links of the session's namespace, read back over netlink (an RTM_GETLINK dump), in the
// sim's observation type: name, MAC, up, bridge master.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "real/netlink_session.hpp"
#include "sim/plan/plan.hpp"

namespace docknet::real {

/// ifindex -> name of every link (for naming a neighbour's device or a link's master).
sim::core::Result<std::map<int, std::string>> linkNames(const NetlinkSession& s);

/// Every link but the loopback; `ns` is only copied into the rows.
sim::core::Result<std::vector<sim::plan::LinkObservation>> readLinks(const NetlinkSession& s, const std::string& ns);

}  // namespace docknet::real
