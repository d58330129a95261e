// apt-get, apt, apk and microdnf typed in a container (docker exec, or a `docker exec -it C bash`
// session) or on the Docker host: the shared package managers (sim/docker/package_manager.hpp)
// run on that container's writable layer or on the host, stdout and stderr as the tools write them.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "sim/shell/shell.hpp"

namespace sim::shell {

/// nullopt when argv[0] is not a package manager (or, on the host, not apt-get/apt). In a
/// container the caller has checked that the executable exists there.
/// `stdinText`: the command's piped or here-document input (apt's answer).
std::optional<CommandResult> runPackageCommand(DockerHost& lab, const ShellContext& ctx, const std::vector<std::string>& argv,
                                               const std::string& stdinText = {});

}  // namespace sim::shell
