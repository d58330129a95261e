// docker update / docker container update (docker/cli 27 cli/command/container/update.go): the
// flags of Docker 27 are all parsed; --restart changes the restart policy, the resource flags
// are refused (docknet enforces no resource limit, so an update of one would change nothing).
// Each container is printed back when updated; the errors come together at the end.
#include "sim/cli/docker_cli.hpp"
#include "sim/cli/docker_host.hpp"
#include "sim/docker/restart_policy.hpp"

namespace sim::cli {

namespace {

FlagSpec typed(FlagSpec f, std::string typeName) {
    f.typeName = std::move(typeName);
    return f;
}

std::vector<FlagSpec> updateFlags() {
    return {
        typed(FlagSpec::string("blkio-weight", 0, "Block IO (relative weight), between 10 and 1000, or 0 to disable (default 0)"),
              "uint16"),
        FlagSpec::integer("cpu-period", 0, "Limit CPU CFS (Completely Fair Scheduler) period"),
        FlagSpec::integer("cpu-quota", 0, "Limit CPU CFS (Completely Fair Scheduler) quota"),
        FlagSpec::integer("cpu-rt-period", 0, "Limit the CPU real-time period in microseconds"),
        FlagSpec::integer("cpu-rt-runtime", 0, "Limit the CPU real-time runtime in microseconds"),
        FlagSpec::integer("cpu-shares", 'c', "CPU shares (relative weight)"),
        typed(FlagSpec::string("cpus", 0, "Number of CPUs"), "decimal"),
        FlagSpec::string("cpuset-cpus", 0, "CPUs in which to allow execution (0-3, 0,1)"),
        FlagSpec::string("cpuset-mems", 0, "MEMs in which to allow execution (0-3, 0,1)"),
        typed(FlagSpec::string("kernel-memory", 0, "Kernel memory limit (deprecated)"), "bytes").asHidden(),
        typed(FlagSpec::string("memory", 'm', "Memory limit"), "bytes"),
        typed(FlagSpec::string("memory-reservation", 0, "Memory soft limit"), "bytes"),
        typed(FlagSpec::string("memory-swap", 0, "Swap limit equal to memory plus swap: -1 to enable unlimited swap"), "bytes"),
        FlagSpec::integer("pids-limit", 0, "Tune container pids limit (set -1 for unlimited)"),
        FlagSpec::string("restart", 0, "Restart policy to apply when a container exits"),
    };
}

}  // namespace

void DockerCli::defineUpdateCommand() {
    define(commandSpec("docker update", "[OPTIONS] CONTAINER [CONTAINER...]", "Update configuration of one or more containers",
                       ArgCount::atLeast(1), updateFlags(), {"docker container update", "docker update"}),
           [this](const ParsedFlags& f, const std::string&, const ShellContext&) {
               CommandResult r;
               auto failWith = [&r](const std::string& message, int code) {
                   r.output.err(message + "\n");
                   r.exitCode = code;
                   return r;
               };
               bool anyFlag = false;
               for (const auto& spec : updateFlags()) {
                   if (!f.changed(spec.valueKey())) continue;
                   anyFlag = true;
                   if (spec.longName == "restart") continue;
                   const std::string name =
                       spec.shortName ? std::string("-") + spec.shortName + "/--" + spec.longName : "--" + spec.longName;
                   return failWith("docknet: docker update " + name +
                                       " is not modelled (docknet enforces no resource limits; only --restart is)",
                                   125);
               }
               if (!anyFlag) return failWith("you must provide one or more flags when using this command", 1);
               auto request = docker::parseRestartPolicyFlag(f.getString("restart"));
               if (!request) return failWith(request.error().message, 1);
               // verifyContainerSettings, once per container as each update is its own request.
               const auto policy = docker::validateRestartPolicy(*request);
               std::vector<std::string> errors;
               for (const auto& ref : f.args) {
                   core::Result<void> done = policy ? core::Result<void>{} : core::Result<void>(std::unexpected(policy.error()));
                   // An empty name leaves the policy as it is (UpdateContainer).
                   if (done && !request->name.empty()) done = lab().engine().updateRestartPolicy(ref, *policy);
                   else if (done && !lab().engine().findContainer(ref))
                       done = std::unexpected(core::Error{core::ErrorCode::NotFound, "No such container: " + ref});
                   if (done) r.output.out(ref + "\n");
                   else errors.push_back(daemonError(done.error().message));
               }
               if (!errors.empty()) {
                   for (const auto& e : errors) r.output.err(e);
                   r.exitCode = 1;
               }
               return r;
           });
}

}  // namespace sim::cli
