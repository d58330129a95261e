// The links of the session's namespace, read back over netlink (an RTM_GETLINK dump), in the
// sim's observation type: name, MAC, up, bridge master.
#pragma once

#include <string>
#include <vector>

#include "real/netlink_session.hpp"
#include "sim/plan/plan.hpp"

namespace docknet::real {

/// Every link but the loopback; `ns` is only copied into the rows.
sim::core::Result<std::vector<sim::plan::LinkObservation>> readLinks(const NetlinkSession& s, const std::string& ns);

}  // namespace docknet::real
