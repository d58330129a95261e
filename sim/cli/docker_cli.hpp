// DockerCli: the `docker` client, talking to the simulated daemon (DockerEngine) the way
// docker/cli 27 talks to dockerd: the same commands and flags (spf13/pflag syntax), the same
// output on stdout, the same errors on stderr ("Error response from daemon: ...", "docker: ...
// See 'docker run --help'.") and the same exit statuses (125 for a failed docker run, 1 for
// other daemon errors, the container's own status for an attached run).
//
// Commands: run, create, start, stop, restart, kill, rm, rename, ps, logs, exec, inspect, port,
// network (create, ls, inspect, rm, connect, disconnect, prune), images, pull, build, version,
// attach, info,
// and the `docker container ...` / `docker image ...` / `docker network ...` spellings.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "sim/cli/command_output.hpp"
#include "sim/cli/flag_parser.hpp"
#include "sim/shell/shell.hpp"
#include "sim/docker/container.hpp"

namespace sim::cli {

using shell::Shell;
using shell::ShellContext;

class DockerHost;

class DockerCli {
public:
    explicit DockerCli(Shell& shell);

    /// args: what follows "docker". stdinText feeds prompts (network prune) and exec -i.
    CommandResult run(const std::vector<std::string>& args, const std::string& stdinText, const ShellContext& ctx);

    /// Every command path ("docker run", "docker network create", ...) with its flags: for help
    /// texts and the shell's tab completion.
    [[nodiscard]] const std::map<std::string, CommandSpec>& commands() const { return m_specs; }

private:
    using Handler = std::function<CommandResult(const ParsedFlags&, const std::string& stdinText, const ShellContext&)>;
    void define(CommandSpec spec, Handler handler);
    void defineContainerCommands();
    void defineNetworkCommands();
    void defineImageCommands();
    void defineRunCommands();
    void defineViewCommands();
    void defineAttachCommand();
    void defineWaitCommand();
    void defineInfoCommand();
    void defineUpdateCommand();

    CommandResult runOrCreate(const ParsedFlags& f, bool start, const ShellContext& ctx);
    /// Makes the image local, printing the pull to stderr; false (with the error) when it
    /// cannot be had.
    bool ensureImage(const std::string& ref, CommandResult& r, const std::string& helpCommand);
    /// docker run/create --pull POLICY (missing, always, never) before the create; false with
    /// the error in `r` (sim/cli/run_pull_policy.cpp).
    bool pullForRun(const std::string& ref, const std::string& policy, CommandResult& r, const std::string& helpCommand);

    DockerHost& lab();
    Shell& m_shell;
    std::map<std::string, CommandSpec> m_specs;
    std::map<std::string, Handler> m_handlers;
};

/// A command's table entry, as cobra.Command literals read in docker/cli.
CommandSpec commandSpec(std::string path, std::string use, std::string description, ArgCount args,
                        std::vector<FlagSpec> flags = {}, std::vector<std::string> aliases = {});

/// The container's main process is a bare shell (sh, bash, ash): -it makes it a session.
bool isInteractiveShell(const docker::Container& c);

/// pflag's refusal of a --filter value without '=' (opts.FilterOpt.Set), as `command` prints it
/// (exit 125). docker network ls, docker ps and docker images have the shorthand -f.
CommandResult filterFlagError(const std::vector<std::string>& values, const std::string& command);

/// "Error response from daemon: MSG\n" — how docker prints a daemon error for most commands.
std::string daemonError(const std::string& message);

}  // namespace sim::cli
