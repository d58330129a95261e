// `docknet shell`: an interactive prompt on the simulated Docker host, with line editing,
// history and tab completion (GNU readline), `> ` continuation lines for open quotes,
// trailing `\`, `&&` and here-documents, and container shells after `docker exec -it C bash`.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

namespace sim::cli {
class DockerHost;
}
namespace sim::shell {
class ScriptRunner;
struct Transcript;
}

namespace docknet::cli {

struct ShellOptions {
    std::uint64_t seed = 1;
    bool trace = false;
};

int runInteractiveShell(const ShellOptions& options);

/// What a front end built on the shell (`docknet lab run`) adds to its loop.
struct ShellHooks {
    std::string banner;  // printed once on a terminal
    /// A line the front end handles itself (`:hint`); true when it did.
    std::function<bool(const std::string& line)> intercept;
    /// After each command line has run and printed its output.
    std::function<void(const sim::shell::Transcript& ran)> afterCommand;
    /// Asked before each prompt: true ends the loop.
    std::function<bool()> done;
    /// Reads one line of input with the shell's own line reader (for answers to questions).
    std::function<bool(const std::string& prompt, std::string& out)>* readLine = nullptr;
};

/// The prompt loop of `docknet shell` on a given host and runner.
int runShellLoop(sim::cli::DockerHost& lab, sim::shell::ScriptRunner& runner, const ShellOptions& options, const ShellHooks& hooks);

}  // namespace docknet::cli
