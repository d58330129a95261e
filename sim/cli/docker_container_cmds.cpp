// docker start / stop / restart / kill / rm / rename / logs / exec / container prune.
#include "sim/cli/detach_keys.hpp"
#include "sim/cli/docker_cli.hpp"
#include "sim/cli/docker_host.hpp"
#include "sim/cli/run_flag_values.hpp"
#include "sim/docker/container_software.hpp"
#include "sim/docker/docker_messages.hpp"
#include "sim/shell/process_identity.hpp"

namespace sim::cli {

void DockerCli::defineContainerCommands() {
    auto& engine = lab().engine();

    // Each of these acts on every argument, printing it back on success (as given).
    using Action = std::function<core::Result<void>(const std::string&, const ParsedFlags&)>;
    auto eachContainer = [](const ParsedFlags& f, const Action& action, const std::string& failedVerb) {
        CommandResult r;
        std::vector<std::string> failed;
        for (const auto& ref : f.args) {
            auto done = action(ref, f);
            if (done) {
                r.output.out(ref + "\n");
            } else {
                r.output.err(daemonError(done.error().message));
                failed.push_back(ref);
            }
        }
        if (!failed.empty()) {
            if (!failedVerb.empty()) {
                std::string list;
                for (const auto& x : failed) list += (list.empty() ? "" : ", ") + x;
                r.output.err("Error: failed to " + failedVerb + " containers: " + list + "\n");
            }
            r.exitCode = 1;
        }
        return r;
    };

    define(commandSpec("docker start", "[OPTIONS] CONTAINER [CONTAINER...]", "Start one or more stopped containers", ArgCount::atLeast(1),
                {FlagSpec::boolean("attach", 'a', "Attach STDOUT/STDERR and forward signals"),
                 FlagSpec::string("detach-keys", 0, "Override the key sequence for detaching a container"),
                 FlagSpec::boolean("interactive", 'i', "Attach container's STDIN")},
                {"docker container start", "docker start"}),
           [this, &engine, eachContainer](const ParsedFlags& f, const std::string&, const ShellContext&) {
               if (!f.getBool("attach") && !f.getBool("interactive"))
                   return eachContainer(f, [&engine](const std::string& ref, const ParsedFlags&) { return engine.start(ref); }, "start");
               // docker start -a/-i (start.go): one container, attached before it starts; the
               // terminal then belongs to its main process as with docker attach, and a detach
               // returns quietly.
               CommandResult r;
               auto fail = [&r](const std::string& message) {
                   r.output.err(message);
                   r.exitCode = 1;
                   return r;
               };
               if (f.args.size() > 1) return fail("you cannot start and attach multiple containers at once\n");
               const docker::Container* c = engine.findContainer(f.args[0]);
               if (!c) return fail(daemonError("No such container: " + f.args[0]));
               auto keys = f.getString("detach-keys").empty() ? core::Result<std::string>(kDefaultDetachKeys)
                                                              : detachKeyBytes(f.getString("detach-keys"));
               if (!keys) return fail(daemonError(keys.error().message));
               const std::string id = c->id;
               const std::size_t logsBefore = c->logs.size();
               if (auto started = engine.start(id); !started) return fail(daemonError(started.error().message));
               // What the main process wrote as it started (and, if it ended, its status).
               c = engine.findContainer(id);
               const auto* removed = engine.autoRemoved(id);
               const std::vector<docker::LogLine>* logs = c ? &c->logs : removed ? &removed->logs : nullptr;
               if (logs)
                   for (std::size_t i = logsBefore; i < logs->size(); ++i)
                       (*logs)[i].isStderr ? r.output.err((*logs)[i].text + "\n") : r.output.out((*logs)[i].text + "\n");
               if (!c || !c->isRunning()) {
                   r.exitCode = c ? c->exitCode : removed ? removed->exitCode : 0;
                   return r;
               }
               const bool stdinAttached = f.getBool("interactive") && c->config.interactive;
               ShellContext session;
               session.kind = ShellContext::Kind::Container;
               session.containerId = c->id;
               session.shellName = Shell::shellOf(lab(), *c);
               session.isMainProcess = true;
               session.tty = c->config.tty;
               session.stdinTerminal = stdinAttached && c->config.tty;
               session.detachQuietly = true;
               if (stdinAttached) session.detachKeys = *keys;
               session.passive = !(stdinAttached && isInteractiveShell(*c));
               m_shell.openSession(session);
               return r;
           });
    define(commandSpec("docker stop", "[OPTIONS] CONTAINER [CONTAINER...]", "Stop one or more running containers", ArgCount::atLeast(1),
                {FlagSpec::string("signal", 's', "Signal to send to the container"),
                 FlagSpec::integer("time", 't', "Seconds to wait before killing the container")},
                {"docker container stop", "docker stop"}),
           [&engine, eachContainer](const ParsedFlags& f, const std::string&, const ShellContext&) {
               return eachContainer(f, [&engine](const std::string& ref, const ParsedFlags&) { return engine.stop(ref); }, "");
           });
    define(commandSpec("docker restart", "[OPTIONS] CONTAINER [CONTAINER...]", "Restart one or more containers", ArgCount::atLeast(1),
                {FlagSpec::string("signal", 's', "Signal to send to the container"),
                 FlagSpec::integer("time", 't', "Seconds to wait before killing the container")},
                {"docker container restart", "docker restart"}),
           [&engine, eachContainer](const ParsedFlags& f, const std::string&, const ShellContext&) {
               return eachContainer(f, [&engine](const std::string& ref, const ParsedFlags&) { return engine.restart(ref); }, "");
           });
    define(commandSpec("docker kill", "[OPTIONS] CONTAINER [CONTAINER...]", "Kill one or more running containers", ArgCount::atLeast(1),
                {FlagSpec::string("signal", 's', "Signal to send to the container")}, {"docker container kill", "docker kill"}),
           [&engine, eachContainer](const ParsedFlags& f, const std::string&, const ShellContext&) {
               return eachContainer(f, [&engine](const std::string& ref, const ParsedFlags&) { return engine.kill(ref); }, "");
           });
    define(commandSpec("docker rm", "[OPTIONS] CONTAINER [CONTAINER...]", "Remove one or more containers", ArgCount::atLeast(1),
                {FlagSpec::boolean("force", 'f', "Force the removal of a running container (uses SIGKILL)"),
                 FlagSpec::boolean("link", 'l', "Remove the specified link"),
                 FlagSpec::boolean("volumes", 'v', "Remove anonymous volumes associated with the container")},
                {"docker container rm", "docker container remove", "docker rm"}),
           [&engine, eachContainer](const ParsedFlags& f, const std::string&, const ShellContext&) {
               return eachContainer(f, [&engine](const std::string& ref, const ParsedFlags& fl) {
                   return engine.remove(ref, fl.getBool("force"));
               }, "");
           });
    define(commandSpec("docker rename", "CONTAINER NEW_NAME", "Rename a container", ArgCount::exactly(2), {},
                {"docker container rename", "docker rename"}),
           [&engine](const ParsedFlags& f, const std::string&, const ShellContext&) {
               CommandResult r;
               auto done = engine.rename(f.args[0], f.args[1]);
               if (!done) {
                   r.output.err(daemonError(done.error().message));
                   r.output.err("Error: failed to rename container named " + f.args[0] + "\n");
                   r.exitCode = 1;
               }
               return r;
           });
    define(commandSpec("docker logs", "[OPTIONS] CONTAINER", "Fetch the logs of a container", ArgCount::exactly(1),
                {FlagSpec::boolean("details", 0, "Show extra details provided to logs"),
                 FlagSpec::boolean("follow", 'f', "Follow log output"),
                 FlagSpec::string("since", 0, "Show logs since timestamp or relative"),
                 FlagSpec::string("tail", 'n', "Number of lines to show from the end of the logs", "all"),
                 FlagSpec::boolean("timestamps", 't', "Show timestamps"),
                 FlagSpec::string("until", 0, "Show logs before a timestamp or relative")},
                {"docker container logs", "docker logs"}),
           [&engine](const ParsedFlags& f, const std::string&, const ShellContext&) {
               CommandResult r;
               const docker::Container* c = engine.findContainer(f.args[0]);
               if (!c) {
                   r.output.err(daemonError("No such container: " + f.args[0]));
                   r.exitCode = 1;
                   return r;
               }
               std::size_t first = 0;
               const std::string tail = f.getString("tail");
               if (tail != "all" && !tail.empty()) {
                   try {
                       const auto n = static_cast<std::size_t>(std::stoul(tail));
                       if (n < c->logs.size()) first = c->logs.size() - n;
                   } catch (...) {
                   }
               }
               for (std::size_t i = first; i < c->logs.size(); ++i) {
                   const auto& l = c->logs[i];
                   const std::string line = (f.getBool("timestamps") ? engine.timestamp(l.at) + " " : std::string()) + l.text + "\n";
                   l.isStderr ? r.output.err(line) : r.output.out(line);
               }
               return r;
           });
    CommandSpec execSpec = commandSpec("docker exec", "[OPTIONS] CONTAINER COMMAND [ARG...]", "Execute a command in a running container",
                ArgCount::atLeast(2),
                {FlagSpec::boolean("detach", 'd', "Detached mode: run command in the background"),
                 FlagSpec::string("detach-keys", 0, "Override the key sequence for detaching a container"),
                 FlagSpec::list("env", 'e', "Set environment variables"),
                 FlagSpec::boolean("interactive", 'i', "Keep STDIN open even if not attached"),
                 FlagSpec::boolean("privileged", 0, "Give extended privileges to the command"),
                 FlagSpec::boolean("tty", 't', "Allocate a pseudo-TTY"),
                 FlagSpec::string("user", 'u', "Username or UID (format: \"<name|uid>[:<group|gid>]\")"),
                 FlagSpec::string("workdir", 'w', "Working directory inside the container")},
                {"docker container exec", "docker exec"});
    execSpec.interspersed = false;  // everything after CONTAINER belongs to the command
    define(execSpec,
           [this, &engine](const ParsedFlags& f, const std::string& stdinText, const ShellContext&) {
               CommandResult r;
               const docker::Container* c = engine.findContainer(f.args[0]);
               if (!c) {
                   r.output.err(daemonError("No such container: " + f.args[0]));
                   r.exitCode = 1;
                   return r;
               }
               if (c->status == docker::ContainerStatus::Restarting) {  // getActiveContainer
                   r.output.err(daemonError(docker::msg::restarting(c->id).error().message));
                   r.exitCode = 1;
                   return r;
               }
               if (!c->isRunning()) {
                   r.output.err(daemonError("container " + c->id + " is not running"));
                   r.exitCode = 1;
                   return r;
               }
               if (f.getBool("detach")) {
                   // A background process would need the scheduler to run it beside the shell.
                   r.output.err("docknet: docker exec -d is not modelled (run the command attached, or in docker run -d)\n");
                   r.exitCode = 125;
                   return r;
               }
               shell::ExecOverrides exec;
               for (const auto& e : f.getList("env")) {  // opts.ValidateEnv, as docker run's -e
                   auto valid = validateEnv(e, [this](const std::string& name) -> std::optional<std::string> {
                       const auto it = lab().env().find(name);
                       if (it == lab().env().end()) return std::nullopt;
                       return it->second;
                   });
                   if (!valid) {
                       r.output.err("invalid argument \"" + e + "\" for \"-e, --env\" flag: " + valid.error().message +
                                    "\nSee 'docker exec --help'.\n");
                       r.exitCode = 125;
                       return r;
                   }
                   exec.env.push_back(*valid);
               }
               exec.user = f.getString("user");
               exec.workdir = f.getString("workdir");
               exec.privileged = f.getBool("privileged");
               // execSetPlatformOpt looks the user up in the container's /etc/passwd before the
               // process starts; the error goes down the attached stream and the exec exits 126.
               if (auto who = shell::processIdentity(engine, *c, exec); !who) {
                   r.output.err(who.error().message + "\n");
                   r.exitCode = 126;
                   return r;
               }
               const std::vector<std::string> argv(f.args.begin() + 1, f.args.end());
               const docker::ImageConfig* image = engine.images().find(c->config.image);
               const std::string program = argv[0].substr(argv[0].rfind('/') == std::string::npos ? 0 : argv[0].rfind('/') + 1);
               const bool shell = (program == "sh" || program == "bash" || program == "ash") && argv.size() == 1;
               if (shell && f.getBool("interactive") && (!image || docker::containerHasTool(engine.images(), *c, program))) {
                   // docker exec -it web bash: the following lines are typed into that shell.
                   ShellContext session;
                   session.kind = ShellContext::Kind::Container;
                   session.containerId = c->id;
                   session.shellName = Shell::shellNamed(lab(), *c, program);
                   session.tty = f.getBool("tty");
                   session.stdinTerminal = f.getBool("tty");  // -i is given: this is a session
                   session.exec = exec;
                   // The daemon refuses bad --detach-keys when the exec starts (ContainerExecStart).
                   auto keys = f.getString("detach-keys").empty() ? core::Result<std::string>(kDefaultDetachKeys)
                                                                  : detachKeyBytes(f.getString("detach-keys"));
                   if (!keys) {
                       r.output.err(daemonError(keys.error().message));
                       r.exitCode = 1;
                       return r;
                   }
                   session.detachKeys = *keys;
                   m_shell.openSession(session);
                   return r;
               }
               return m_shell.runInContainer(*c, argv, f.getBool("interactive") ? stdinText : std::string(), f.getBool("tty"), exec);
           });
    define(commandSpec("docker container prune", "[OPTIONS]", "Remove all stopped containers", ArgCount::none(),
                {FlagSpec::boolean("force", 'f', "Do not prompt for confirmation"),
                 FlagSpec::list("filter", 0, "Provide filter values (e.g. \"until=<timestamp>\")", "filter")}),
           [&engine](const ParsedFlags& f, const std::string& stdinText, const ShellContext&) {
               CommandResult r;
               if (!f.getBool("force")) {
                   r.output.out("WARNING! This will remove all stopped containers.\nAre you sure you want to continue? [y/N] ");
                   if (stdinText.empty() || (stdinText[0] != 'y' && stdinText[0] != 'Y')) return r;
               }
               std::vector<std::string> removed;
               for (const auto* c : engine.containers())
                   if (!c->isRunningOrRestarting()) removed.push_back(c->id);
               if (!removed.empty()) r.output.out("Deleted Containers:\n");
               for (const auto& id : removed) {
                   (void)engine.remove(id, false);
                   r.output.out(id + "\n");
               }
               r.output.out((removed.empty() ? "" : "\n") + std::string("Total reclaimed space: 0B\n"));
               return r;
           });
}

}  // namespace sim::cli
