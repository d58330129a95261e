#include "sim/tools/tool_runner.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "sim/tools/commands.hpp"

namespace sim::tools {

namespace {

using Runner = ToolResult (*)(ToolContext&, const Args&);

struct Entry {
    std::string_view name;
    Runner run;
    bool hostOnly = false;  // needs the Docker host (bridge-utils, iptables, conntrack-tools)
};

constexpr std::array kTools{
    Entry{"arp", runArp},           Entry{"bridge", runBridge, true},   Entry{"brctl", runBrctl, true},
    Entry{"cat", runCat},           Entry{"conntrack", runConntrack, true}, Entry{"curl", runCurl},
    Entry{"echo", runEcho},         Entry{"env", runEnv},                Entry{"false", runFalse},
    Entry{"getent", runGetent},     Entry{"hostname", runHostname},      Entry{"id", runId},
    Entry{"ifconfig", runIfconfig},
    Entry{"ip", runIp},             Entry{"iptables", runIptables, true}, Entry{"nc", runNc},
    Entry{"netstat", runNetstat},   Entry{"nslookup", runNslookup},      Entry{"ping", runPing},
    Entry{"ps", runPs},
    Entry{"route", runRoute},       Entry{"sleep", runSleep},            Entry{"ss", runSs},
    Entry{"sysctl", runSysctl},     Entry{"true", runTrue},              Entry{"wget", runWget},
    Entry{"whoami", runWhoami},
};

const Entry* findTool(std::string_view name) {
    for (const auto& e : kTools)
        if (e.name == name) return &e;
    return nullptr;
}

bool isExecutable(const ToolContext& ctx, const std::string& argv0, const std::string& name) {
    if (ctx.executables.empty()) return true;
    return ctx.executables.contains(name) || ctx.executables.contains(argv0);
}

}  // namespace

std::string missingExecutableMessage(std::string_view argv0) {
    const std::string prefix = "OCI runtime exec failed: exec failed: unable to start container process: exec: \"";
    if (argv0.find('/') != std::string_view::npos)
        return prefix + std::string(argv0) + "\": stat " + std::string(argv0) + ": no such file or directory: unknown\n";
    return prefix + std::string(argv0) + "\": executable file not found in $PATH: unknown\n";
}

bool isModelledTool(std::string_view name) { return findTool(name) != nullptr; }

bool showsProcesses(std::string_view name) { return name == "ps" || name == "netstat" || name == "ss"; }

ToolResult runTool(ToolContext& ctx, const std::vector<std::string>& argv) {
    if (argv.empty() || argv[0].empty()) return failure(missingExecutableMessage(""), kMissingExecutableExitCode);
    const std::string name = baseName(argv[0]);
    const Entry* tool = findTool(name);
    // A host-only tool inside a container exists only when the image says so.
    const bool present = isExecutable(ctx, argv[0], name) &&
                         (!tool || !tool->hostOnly || ctx.isDockerHost || ctx.executables.contains(name));
    if (!present) return failure(missingExecutableMessage(argv[0]), kMissingExecutableExitCode);
    if (!tool || !ctx.kernel)
        return failure("docknet: " + name + ": this command is not modelled by the simulator\n", 127);
    Args args = argv;
    args[0] = name;
    return tool->run(ctx, args);
}

}  // namespace sim::tools
