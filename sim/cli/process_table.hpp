// ProcessTable: the processes of the simulated Docker host and of each container, as ps and the
// -p of netstat and ss show them. docknet runs no processes, so this is a deterministic model
// (docs/PROCESSES.md): a fixed set of host daemons (systemd, sshd, containerd, dockerd, the
// student's login shell), per running container a containerd-shim, its main process and one
// docker-proxy per published port, with PIDs derived from the container's id; inside a
// container the main process is PID 1 and an exec'd tool is PID 7 (13 when an exec'd shell at 7
// runs it).
#pragma once

#include "sim/docker/docker_engine.hpp"
#include "sim/tools/tool_context.hpp"

namespace sim::cli {

struct ProcessView {
    std::vector<tools::ProcessEntry> processes;  // by PID, the tool asked for (`tool`) last
    std::map<net::SocketId, tools::SocketHolder> socketHolders;
};

/// The host's PID namespace, with `tool` (argv joined) as the newest process.
ProcessView hostProcessView(const docker::DockerEngine& engine, const std::string& tool);
/// A running container's PID namespace, with `tool` exec'd into it — or, when `execShell` names
/// the shell of a `docker exec -it C sh` session, run by that shell (PID 7, the tool 13); the
/// exec'd processes run as `execUser` (docker exec -u, else the container's --user).
ProcessView containerProcessView(const docker::DockerEngine& engine, const docker::Container& c, const std::string& tool,
                                 const std::string& execShell = {}, const std::string& execUser = "root");

/// The host PID of a running container's main process (what inspect's State.Pid shows).
int mainProcessHostPid(const docker::Container& c);

}  // namespace sim::cli
