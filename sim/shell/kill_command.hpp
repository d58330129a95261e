// bash's kill builtin typed on the Docker host, for the processes docknet models as killable: a
// running container's init, at the PID docker inspect's State.Pid and ps show. SIGKILL ends it
// (exit 137), SIGTERM and SIGINT end a server that handles them and are dropped by a bare PID 1;
// either way it is not `docker stop`, so the container's restart policy applies. The host's own
// daemons, the shims and docker-proxy are refused as not modelled, never killed and ignored.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "sim/shell/shell.hpp"

namespace sim::shell {

/// nullopt when argv[0] is not kill or the shell is not the host's.
std::optional<CommandResult> runKillCommand(DockerHost& lab, const ShellContext& ctx, const std::vector<std::string>& argv);

}  // namespace sim::shell
