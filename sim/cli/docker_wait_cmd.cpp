// docker wait / docker container wait (docker/cli 27 cli/command/container/wait.go): blocks
// until each container is not running (moby's WaitConditionNotRunning) and prints its exit code.
// A created or exited container answers at once. A running one lets simulated time pass until
// its main process ends by itself (a restart policy does not hold the answer back: the exit
// counts). One that never will (a server, `sleep infinity`) would block forever: as with
// `sleep infinity`, docknet ends the wait the way Ctrl-C would (status 130) and says why.
#include "sim/cli/docker_cli.hpp"
#include "sim/cli/docker_host.hpp"
#include "sim/docker/docker_engine.hpp"

namespace sim::cli {

void DockerCli::defineWaitCommand() {
    auto& engine = lab().engine();
    define(commandSpec("docker wait", "CONTAINER [CONTAINER...]", "Block until one or more containers stop, then print their exit codes",
                       ArgCount::atLeast(1), {}, {"docker container wait", "docker wait"}),
           [&engine](const ParsedFlags& f, const std::string&, const ShellContext&) {
               CommandResult r;
               auto& sched = engine.kernel().scheduler();
               for (const auto& ref : f.args) {
                   const docker::Container* c = engine.findContainer(ref);
                   if (!c) {
                       r.output.err(daemonError("No such container: " + ref));
                       r.exitCode = 1;
                       continue;
                   }
                   const std::string id = c->id;
                   auto running = [&engine, &id] {
                       const docker::Container* now = engine.findContainer(id);
                       return now && now->isRunning();
                   };
                   // Only the container's own scheduled exit can end a wait: step events until that
                   // one has run (bounded, should it have been cancelled without being forgotten).
                   const core::EventId exit = c->pendingExit;
                   const core::SimTime horizon = sched.now() + core::seconds(366LL * 24 * 3600);
                   auto exitPending = [&engine, &id, exit] {
                       const docker::Container* now = engine.findContainer(id);
                       return now && exit.isValid() && now->pendingExit == exit;
                   };
                   while (running() && exitPending() && sched.hasPending() && sched.nextEventTime() <= horizon) sched.step();
                   if (running()) {
                       r.output.err("docknet: docker wait " + ref + ": " + c->name +
                                    " does not stop by itself, so the wait would never end; ended as Ctrl-C would "
                                    "(stop it with docker stop first)\n");
                       r.exitCode = 130;
                       return r;
                   }
                   const docker::Container* done = engine.findContainer(id);
                   r.output.out(std::to_string(done ? done->exitCode : 0) + "\n");
               }
               return r;
           });
}

}  // namespace sim::cli
