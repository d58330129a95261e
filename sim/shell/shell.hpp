// Shell: runs parsed shell commands, on the Docker host or inside a container, the way bash on
// the host and sh/bash/ash in the container would: and-or lists, pipelines (stdout into the
// next command's stdin), redirections to the lab's files, here-documents, $? and $(...),
// variable assignments, and the commands themselves — builtins and text filters, `docker`, and
// the modelled network tools (sim/tools), each where it exists.
//
// `docker exec -it C bash` and `docker run -it IMAGE sh` open an interactive session in the
// container: the caller (ScriptRunner, the interactive shell) takes it with takeSession() and
// runs the following lines there until `exit`.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sim/core/ids.hpp"
#include "sim/core/sim_time.hpp"
#include "sim/cli/command_output.hpp"
#include "sim/shell/shell_script.hpp"

namespace sim::docker {
struct Container;
}
namespace sim::cli {
class DockerHost;
class DockerCli;
}  // namespace sim::cli

namespace sim::shell {
// The shell runs docker commands and tools on a DockerHost and prints what they return.
using cli::CommandResult;
using cli::DockerCli;
using cli::DockerHost;
using cli::Output;
using cli::Stream;

/// What `docker exec -e/-u/-w/--privileged` set for the process it starts; empty or false:
/// the container's own (its Config.Env, User, WorkingDir and capabilities).
struct ExecOverrides {
    std::vector<std::string> env;
    std::string user;
    std::string workdir;
    bool privileged = false;
};

/// Where commands run.
struct ShellContext {
    enum class Kind { Host, Container };
    Kind kind = Kind::Host;
    std::string containerId;
    std::string shellName = "bash";  // for "command not found" wording: bash, sh (dash), ash (busybox)
    /// The container's main process is this shell (docker run -it): `exit` stops the container.
    bool isMainProcess = false;
    /// stdout is a terminal (docker exec -t, docker run -t): apt prints "... Done".
    bool tty = false;
    /// stdin is that terminal (an interactive session, -i with -t): a command that reads an
    /// answer (apt's question) would wait for the student's keys.
    bool stdinTerminal = false;
    /// The terminal's detach sequence (Ctrl-p Ctrl-q unless --detach-keys said otherwise): a
    /// line holding it leaves the session and the process running. Empty: none.
    std::string detachKeys;
    /// docker run -it returns quietly on a detach; docker attach and docker exec -it print
    /// the escape error ("read escape sequence") and exit 1.
    bool detachQuietly = false;
    /// docker attach to a main process that is not a shell on a terminal (nginx, sleep): the
    /// lines typed are its stdin or go nowhere — nothing runs them — until the detach sequence
    /// (when stdin is attached) or Ctrl-C (a line holding 0x03), which ends the client.
    bool passive = false;
    /// docker attach --sig-proxy (default true): Ctrl-C is forwarded as SIGINT to the process.
    bool sigProxy = true;
    /// docker exec's settings for this process (a container context only).
    ExecOverrides exec;
    /// The container's StartedAt when the session began: a restart by its policy since then
    /// means the session's process is gone (the client returned at the exit).
    core::SimTime containerStartedAt;

    [[nodiscard]] bool onHost() const { return kind == Kind::Host; }
    static ShellContext host() { return {}; }
};

class Shell {
public:
    explicit Shell(DockerHost& lab);
    ~Shell();
    Shell(const Shell&) = delete;
    Shell& operator=(const Shell&) = delete;

    DockerHost& lab() { return m_lab; }
    DockerCli& docker() { return *m_docker; }

    /// Runs one and-or list; sets $?.
    CommandResult runList(const AndOrList& list, const ShellContext& ctx);
    /// Parses and runs text (sh -c '...', the inside of $(...)) in ctx; parse errors are
    /// reported the way the context's shell reports them.
    CommandResult runText(const std::string& text, const ShellContext& ctx, const std::string& stdinText = {});
    /// Runs argv in a container as `docker exec` does (no shell unless argv asks for one).
    CommandResult runInContainer(const docker::Container& c, const std::vector<std::string>& argv,
                                 const std::string& stdinText = {}, bool tty = false, const ExecOverrides& exec = {});

    [[nodiscard]] int lastStatus() const { return m_lastStatus; }
    /// $? after something the caller ran itself (a detach from an attached terminal).
    void setLastStatus(int status) { m_lastStatus = status; }
    /// Set by a command that opened an interactive container shell.
    void openSession(ShellContext ctx) { m_session = std::move(ctx); }
    std::optional<ShellContext> takeSession() { return std::exchange(m_session, std::nullopt); }
    /// True after `exit` in a container session.
    bool takeExitRequest(int& code);

    /// The shell the container's image has: "bash", "sh" or "ash".
    [[nodiscard]] static std::string shellOf(const DockerHost& lab, const docker::Container& c);
    /// Which shell runs when `program` (sh, bash, ash) is started: bash is bash, sh is the
    /// image's /bin/sh (dash on Debian and Ubuntu, busybox ash, bash on Oracle Linux).
    [[nodiscard]] static std::string shellNamed(const DockerHost& lab, const docker::Container& c, const std::string& program);

private:
    CommandResult runPipeline(const Pipeline& p, const ShellContext& ctx);
    /// Runs one expanded command; its stdout goes to `stdoutOut` when `toPipe`, else to the
    /// terminal, unless a redirection says otherwise.
    CommandResult runCommand(const ExpandedCommand& cmd, const std::string& stdinText, const ShellContext& ctx,
                             bool toPipe, std::string& stdoutOut);
    /// The environment a process `docker exec` starts in the container gets: the image's, the
    /// legacy links', docker run -e's, docker exec -e's, HOSTNAME and HOME.
    [[nodiscard]] std::vector<std::string> processEnvironment(const docker::Container& c, const ShellContext& ctx) const;
    /// What $NAME expands to where ctx runs: the host shell's variables, or in a container its
    /// process environment under the variables its shells set.
    Environment expansionEnvironment(const ShellContext& ctx);
    /// Where an assignment, export or unset goes: the host shell's variables or the container's.
    Environment& shellVariables(const ShellContext& ctx);
    /// A path a container's process names, made absolute from its working directory (exec -w,
    /// run -w, the image's WORKDIR, /).
    [[nodiscard]] std::string containerPath(const ShellContext& ctx, const std::string& path) const;
    /// The namespace whose /proc/sys the context sees (the host, or a running container's).
    [[nodiscard]] std::optional<core::NamespaceId> procNamespace(const ShellContext& ctx) const;
    CommandResult dispatch(const std::vector<std::string>& argv, const std::string& stdinText, const ShellContext& ctx);
    CommandResult dispatchHost(const std::vector<std::string>& argv, const std::string& stdinText, const ShellContext& ctx);
    CommandResult dispatchContainer(const std::vector<std::string>& argv, const std::string& stdinText,
                                    const ShellContext& ctx);
    std::optional<CommandResult> builtin(const std::vector<std::string>& argv, const std::string& stdinText,
                                         const ShellContext& ctx);
    std::string notFound(const ShellContext& ctx, const std::string& name) const;

    DockerHost& m_lab;
    std::unique_ptr<DockerCli> m_docker;
    int m_lastStatus = 0;
    std::optional<ShellContext> m_session;
    std::optional<int> m_exitRequest;
    int m_depth = 0;  // nested $(...) and sh -c
    std::string m_pendingStdin;  // for the first command of runText's text
    /// Variables set by the shells of each container (by container id): docknet keeps one set
    /// per container, shared by its sessions, rather than one per shell process.
    std::map<std::string, Environment> m_containerVars;
};

}  // namespace sim::shell
