// Tab completion for the interactive shell: commands, docker subcommands, flags (from the
// DockerCli's command table), container, network and image names.
#pragma once

#include <string>
#include <vector>

namespace sim::cli {
class DockerHost;
}  // namespace sim::cli
namespace sim::shell {
class ScriptRunner;
}  // namespace sim::shell

namespace docknet::cli {

/// Candidates for the word being typed: `line` is everything before the cursor.
std::vector<std::string> completions(const sim::cli::DockerHost& lab, sim::shell::ScriptRunner& runner, const std::string& line);

}  // namespace docknet::cli
