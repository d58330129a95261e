// The ToolContext a modelled tool runs in: on the Docker host (root with every capability, the
// host's files and processes) or in a container (its namespace, the image's tools, the exec's
// identity, the container's files, environment and processes).
#pragma once

#include <string>
#include <vector>

#include "sim/shell/shell.hpp"
#include "sim/tools/tool_context.hpp"

namespace sim::docker {
struct Container;
}

namespace sim::shell {

/// `argv` is the tool's command line (ps, ss and netstat list it as a process).
tools::ToolContext hostToolContext(DockerHost& lab, const std::vector<std::string>& argv);
/// `env`: the process's environment, the shell's exports included.
tools::ToolContext containerToolContext(DockerHost& lab, const docker::Container& c, const ShellContext& ctx,
                                        std::vector<std::string> env, const std::vector<std::string>& argv);

}  // namespace sim::shell
