// describeOnHost: what `docknet real apply --on-host` would make where. On the host the
// docknet-host stand-in is the machine's own root namespace: its bridges, the host ends of the
// veths, their addresses and routes, the sysctls, the nft table and docker-proxy's listeners
// would go there, while containers still get docknet-* namespaces and docknet-router (the
// stand-in Internet, with the 10.0.2.x uplink) is not made: the machine's eth0 is the uplink.
#pragma once

#include <string>
#include <vector>

#include "sim/plan/plan.hpp"

namespace sim::plan {

struct OnHostListing {
    std::vector<std::string> inRootNamespace;  // "bridge docker0 02:42:... up"
    std::vector<std::string> inLabNamespaces;  // "netns docknet-alpine1", "addr docknet-alpine1 ..."
    std::vector<std::string> leftOut;          // the router and the uplink stand-in, with why
};

OnHostListing describeOnHost(const KernelPlan& plan);

}  // namespace sim::plan
