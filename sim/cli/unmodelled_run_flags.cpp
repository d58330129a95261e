#include "sim/cli/unmodelled_run_flags.hpp"

namespace sim::cli {

namespace {

FlagSpec typed(FlagSpec f, std::string typeName) {
    f.typeName = std::move(typeName);
    return f;
}

}  // namespace

std::vector<FlagSpec> unmodelledContainerFlags() {
    return {
        typed(FlagSpec::list("annotation", 0, "Add an annotation to the container (passed through to the OCI runtime)"), "map"),
        FlagSpec::list("attach", 'a', "Attach to STDIN, STDOUT or STDERR"),
        typed(FlagSpec::string("blkio-weight", 0, "Block IO (relative weight), between 10 and 1000, or 0 to disable"), "uint16"),
        FlagSpec::list("blkio-weight-device", 0, "Block IO weight (relative device weight)"),
        FlagSpec::string("cgroup-parent", 0, "Optional parent cgroup for the container"),
        FlagSpec::string("cgroupns", 0, "Cgroup namespace to use (host|private)"),
        FlagSpec::string("cidfile", 0, "Write the container ID to the file"),
        FlagSpec::integer("cpu-period", 0, "Limit CPU CFS (Completely Fair Scheduler) period"),
        FlagSpec::integer("cpu-quota", 0, "Limit CPU CFS (Completely Fair Scheduler) quota"),
        FlagSpec::integer("cpu-rt-period", 0, "Limit CPU real-time period in microseconds"),
        FlagSpec::integer("cpu-rt-runtime", 0, "Limit CPU real-time runtime in microseconds"),
        FlagSpec::integer("cpu-shares", 'c', "CPU shares (relative weight)"),
        FlagSpec::string("cpuset-cpus", 0, "CPUs in which to allow execution (0-3, 0,1)"),
        FlagSpec::string("cpuset-mems", 0, "MEMs in which to allow execution (0-3, 0,1)"),
        FlagSpec::list("device", 0, "Add a host device to the container"),
        FlagSpec::list("device-cgroup-rule", 0, "Add a rule to the cgroup allowed devices list"),
        FlagSpec::list("device-read-bps", 0, "Limit read rate (bytes per second) from a device"),
        FlagSpec::list("device-read-iops", 0, "Limit read rate (IO per second) from a device"),
        FlagSpec::list("device-write-bps", 0, "Limit write rate (bytes per second) to a device"),
        FlagSpec::list("device-write-iops", 0, "Limit write rate (IO per second) to a device"),
        typed(FlagSpec::string("gpus", 0, "GPU devices to add to the container ('all' to pass all GPUs)"), "gpu-request"),
        FlagSpec::list("group-add", 0, "Add additional groups to join"),
        FlagSpec::string("health-cmd", 0, "Command to run to check health"),
        FlagSpec::duration("health-interval", 0, "Time between running the check (ms|s|m|h)"),
        FlagSpec::integer("health-retries", 0, "Consecutive failures needed to report unhealthy"),
        FlagSpec::duration("health-start-interval", 0, "Time between running the check during the start period (ms|s|m|h)"),
        FlagSpec::duration("health-start-period", 0,
                           "Start period for the container to initialize before starting health-retries countdown (ms|s|m|h)"),
        FlagSpec::duration("health-timeout", 0, "Maximum time to allow one check to run (ms|s|m|h)"),
        FlagSpec::string("ipc", 0, "IPC mode to use"),
        FlagSpec::string("isolation", 0, "Container isolation technology"),
        typed(FlagSpec::string("kernel-memory", 0, "Kernel memory limit"), "bytes").asHidden(),
        FlagSpec::list("link-local-ip", 0, "Container IPv4/IPv6 link-local addresses"),
        FlagSpec::string("log-driver", 0, "Logging driver for the container"),
        FlagSpec::list("log-opt", 0, "Log driver options"),
        typed(FlagSpec::string("memory-reservation", 0, "Memory soft limit"), "bytes"),
        typed(FlagSpec::string("memory-swap", 0, "Swap limit equal to memory plus swap: '-1' to enable unlimited swap"), "bytes"),
        FlagSpec::integer("memory-swappiness", 0, "Tune container memory swappiness (0 to 100)", "-1"),
        FlagSpec::boolean("no-healthcheck", 0, "Disable any container-specified HEALTHCHECK"),
        FlagSpec::boolean("oom-kill-disable", 0, "Disable OOM Killer"),
        FlagSpec::integer("oom-score-adj", 0, "Tune host's OOM preferences (-1000 to 1000)"),
        FlagSpec::string("pid", 0, "PID namespace to use"),
        FlagSpec::integer("pids-limit", 0, "Tune container pids limit (set -1 for unlimited)"),
        FlagSpec::string("runtime", 0, "Runtime to use for this container"),
        FlagSpec::list("security-opt", 0, "Security Options"),
        typed(FlagSpec::string("shm-size", 0, "Size of /dev/shm"), "bytes"),
        FlagSpec::string("stop-signal", 0, "Signal to stop the container"),
        FlagSpec::integer("stop-timeout", 0, "Timeout (in seconds) to stop a container"),
        FlagSpec::list("storage-opt", 0, "Storage driver options for the container"),
        typed(FlagSpec::list("sysctl", 0, "Sysctl options"), "map"),
        FlagSpec::list("tmpfs", 0, "Mount a tmpfs directory"),
        typed(FlagSpec::list("ulimit", 0, "Ulimit options"), "ulimit"),
        FlagSpec::string("userns", 0, "User namespace to use"),
        FlagSpec::string("uts", 0, "UTS namespace to use"),
        FlagSpec::string("volume-driver", 0, "Optional volume driver for the container"),
        FlagSpec::list("volumes-from", 0, "Mount volumes from the specified container(s)"),
    };
}

std::optional<std::string> unmodelledContainerFlagGiven(const ParsedFlags& f) {
    for (const auto& spec : unmodelledContainerFlags()) {
        if (!f.changed(spec.valueKey())) continue;
        const std::string name = spec.shortName ? std::string("-") + spec.shortName + "/--" + spec.longName : "--" + spec.longName;
        return name + " is not modelled by the simulator";
    }
    return std::nullopt;
}

}  // namespace sim::cli
