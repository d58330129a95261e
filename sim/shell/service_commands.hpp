// systemctl and service typed on the Docker host, for the one unit docknet runs: docker. A
// restart is the daemon's (DockerEngine::restartDaemon: running containers stopped, Docker's
// iptables chains rebuilt); start and reload of a running daemon change nothing. Other units
// are not found, as on a host that has none of them; what docknet does not model is said so.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "sim/shell/shell.hpp"

namespace sim::shell {

/// nullopt when argv[0] is neither systemctl nor service (or not typed on the host).
std::optional<CommandResult> runServiceCommand(DockerHost& lab, const ShellContext& ctx, const std::vector<std::string>& argv);

}  // namespace sim::shell
