// docker attach / docker container attach (docker/cli 27 cli/command/container/attach.go): the
// terminal joins the container's main process. When that process is a shell reading a terminal
// (docker run -dit alpine ash), the lines typed next are that shell's commands — the same
// session docker run -it opens, so `exit` ends the main process and stops the container —
// until the detach sequence, which leaves it running ("read escape sequence", exit 1).
#include "sim/cli/detach_keys.hpp"
#include "sim/cli/docker_cli.hpp"
#include "sim/cli/docker_host.hpp"

namespace sim::cli {

namespace {

FlagSpec sigProxyFlag() {
    FlagSpec f = FlagSpec::boolean("sig-proxy", 0, "Proxy all received signals to the process");
    f.defaultValue = "true";
    return f;
}

}  // namespace

void DockerCli::defineAttachCommand() {
    auto& engine = lab().engine();
    define(commandSpec("docker attach", "[OPTIONS] CONTAINER",
                       "Attach local standard input, output, and error streams to a running container", ArgCount::exactly(1),
                       {FlagSpec::string("detach-keys", 0, "Override the key sequence for detaching a container"),
                        FlagSpec::boolean("no-stdin", 0, "Do not attach STDIN"),
                        sigProxyFlag()},
                       {"docker container attach", "docker attach"}),
           [this, &engine](const ParsedFlags& f, const std::string&, const ShellContext&) {
               CommandResult r;
               const docker::Container* c = engine.findContainer(f.args[0]);
               if (!c) {
                   r.output.err(daemonError("No such container: " + f.args[0]));
                   r.exitCode = 1;
                   return r;
               }
               // The client's own check (inspect before attaching), in v27's words.
               if (!c->isRunningOrRestarting()) {
                   r.output.err("You cannot attach to a stopped container, start it first\n");
                   r.exitCode = 1;
                   return r;
               }
               if (!c->isRunning()) {
                   r.output.err("You cannot attach to a restarting container, wait until it is running\n");
                   r.exitCode = 1;
                   return r;
               }
               std::string keys = kDefaultDetachKeys;
               if (const std::string given = f.getString("detach-keys"); !given.empty()) {
                   auto bytes = detachKeyBytes(given);
                   if (!bytes) {
                       r.output.err(daemonError(bytes.error().message));
                       r.exitCode = 1;
                       return r;
                   }
                   keys = *bytes;
               }
               // Stdin is attached only when the container keeps it open (-i) and --no-stdin is
               // not given; without it the typed lines reach nothing and no keys detach.
               const bool stdinAttached = c->config.interactive && !f.getBool("no-stdin");
               ShellContext session;
               session.kind = ShellContext::Kind::Container;
               session.containerId = c->id;
               session.shellName = Shell::shellOf(lab(), *c);
               session.isMainProcess = true;
               session.sigProxy = f.getBool("sig-proxy");
               // The daemon watches stdin for the keys; with no stdin nothing can detach.
               if (stdinAttached) session.detachKeys = keys;
               // Any other process (nginx, sleep) only has its output shown, and none comes
               // while a script waits: the lines typed reach no shell.
               session.passive = !(stdinAttached && isInteractiveShell(*c));
               m_shell.openSession(session);
               return r;
           });
}

}  // namespace sim::cli
