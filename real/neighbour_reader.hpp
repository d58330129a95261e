// NeighbourReader: the neighbour (ARP) table and the bridges' forwarding databases of the
// session's namespace, read back over netlink (RTM_GETNEIGH dumps for AF_INET and AF_BRIDGE),
// in the sim's observation types so verify can put them side by side.
#pragma once

#include <string>
#include <vector>

#include "real/netlink_session.hpp"
#include "sim/plan/plan.hpp"

namespace docknet::real {

/// `ns` is only copied into the rows.
sim::core::Result<std::vector<sim::plan::NeighborObservation>> readNeighbours(const NetlinkSession& s, const std::string& ns);
/// Learned entries only (what `bridge fdb show` lists without "permanent"), per bridge port.
sim::core::Result<std::vector<sim::plan::FdbObservation>> readFdb(const NetlinkSession& s, const std::string& ns);

}  // namespace docknet::real
