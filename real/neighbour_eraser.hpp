// forgetNeighbour: RTM_DELNEIGH for one IPv4 neighbour entry (`ip neigh del IP dev DEV`) over a
// NetlinkSession opened in the entry's namespace, and all of a namespace's entries at once.
// bench pingall --real and verify use them to keep the kernel's neighbour table, which all
// namespaces share and gc_thresh3 caps, under that cap.
#pragma once

#include <cstddef>
#include <string>

#include "real/netlink_session.hpp"

namespace docknet::real {

/// Deletes the entry for `ip` on interface `ifindex`. An entry that is not there (never
/// learned, or already gone) is not an error: the table is as asked.
sim::core::Result<void> forgetNeighbour(const NetlinkSession& session, int ifindex, const std::string& ip);

/// Deletes every IPv4 entry of the session's namespace that readNeighbours reports (`ip neigh
/// flush all`); how many.
sim::core::Result<std::size_t> forgetAllNeighbours(const NetlinkSession& session);

}  // namespace docknet::real
