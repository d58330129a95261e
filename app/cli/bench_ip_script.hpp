// The baseline of `docknet bench apply`: the same KernelPlan built and torn down by a generated
// shell script of iproute2, sysctl and nft commands, one command per object, the way Docker's
// tutorials (and Docker itself, link by link) do it: `ip netns add`, `ip link add ... type veth`
// in the host namespace, `ip link set ... netns`, a rename, `ip addr add`, `ip route add`,
// `ip netns exec NS sysctl -w`, `nft -f`. This is the only place docknet runs ip or nft: it is
// what the backend is measured against, never part of it.
//
// Safety is the backend's: every namespace and /etc/netns file the script will make is recorded
// in a ledger of its own (the same records `docknet real down` reads) before the script runs, so a
// failed or interrupted script is cleaned up by RealBackend::down; links, addresses and routes
// die with their namespaces. The script only names the plan's docknet-* namespaces.
#pragma once

#include <string>
#include <vector>

#include "sim/core/error.hpp"
#include "sim/plan/plan.hpp"

namespace docknet::cli {

/// The build script: set -e, one command per object, in the backend's order (namespaces,
/// sysctls and lo, bridges, veths, masters and up, addresses, routes, the nft table, the files).
/// `rulesetDir` holds the plan's nft tables as files (ruleset-<ns>.nft), written beforehand.
std::string renderIpBuildScript(const sim::plan::KernelPlan& plan, const std::string& rulesetDir);
/// The teardown script: the files, then `ip netns del` per namespace.
std::string renderIpTeardownScript(const sim::plan::KernelPlan& plan);

struct IpScriptFigures {
    double buildSeconds = 0, teardownSeconds = 0;
    std::size_t commands = 0;  // lines of the build script that run a command
    std::size_t namespaces = 0, links = 0;  // what the build made, checked against the backend's
};

/// Builds the plan with the script, checks its namespaces and links (name, MAC, master, up, per
/// namespace) equal `backendLinks` (one line per link of the backend's build, sorted), times
/// the teardown script, then lets RealBackend::down remove whatever is left. Unsupported when
/// ip, nft or sysctl is missing.
sim::core::Result<IpScriptFigures> runIpScriptBaseline(const sim::plan::KernelPlan& plan,
                                                       const std::vector<std::string>& backendLinks);

/// The links of every plan namespace as sorted lines "ns name mac master up", read over netlink
/// by `backend` — what the two builds are compared by.
sim::core::Result<std::vector<std::string>> linkLines(const sim::plan::KernelPlan& plan, sim::plan::KernelBackend& backend);

}  // namespace docknet::cli
