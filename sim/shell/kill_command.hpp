// kill, for the processes docknet models as killable: a running container's init. On the Docker
// host (bash's builtin, its words) at the PID docker inspect's State.Pid and ps show: SIGKILL
// ends it (exit 137), SIGTERM and SIGINT end a server that handles them and are dropped by a
// bare PID 1. Inside the container (`kill 1`), SIGKILL is dropped too: the kernel delivers to a
// PID namespace's init only the signals it handles. Either way it is not `docker stop`, so the
// restart policy applies. Other processes, signals and options are refused as not modelled,
// never accepted and ignored.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "sim/shell/shell.hpp"

namespace sim::shell {

/// nullopt when argv[0] is not kill.
std::optional<CommandResult> runKillCommand(DockerHost& lab, const ShellContext& ctx, const std::vector<std::string>& argv);

}  // namespace sim::shell
