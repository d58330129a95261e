// runTool: what `docker exec CONTAINER CMD ARGS...` (or a shell on the Docker host) prints for the
// command-line tools docknet models, over the simulated Kernel. argv[0] picks the tool (a path
// such as /bin/ping works too); the ToolContext says where it runs and which userland prints
// (GNU: iputils, iproute2, net-tools, glibc, curl; Busybox: the Alpine applets and musl).
// Tools that wait (ping's interval, DNS timeouts, TCP retries, sleep) run the Kernel's Scheduler,
// so simulated time passes as it would for the real command.
//
// Modelled: ping, ip, ifconfig, arp, route, ss, netstat, ps, hostname, cat, echo, env,
// sleep, true, false, getent, nslookup, curl, wget, nc, sysctl, and on the Docker host bridge,
// brctl, iptables, conntrack. A known command that is not modelled answers exit 127 with a line
// saying so (not pretending to be the tool).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "sim/tools/tool_context.hpp"

namespace sim::tools {

/// Runs argv in ctx. argv must not be empty.
ToolResult runTool(ToolContext& ctx, const std::vector<std::string>& argv);

/// What `docker exec` prints (stderr, exit 126) when argv[0] is not an executable of the
/// container: `OCI runtime exec failed: exec failed: unable to start container process: exec:
/// "ping": executable file not found in $PATH: unknown` (a path argv[0] gets the stat wording).
/// 126, not run's 127: ContainerExecStart's deferred error path sets ExitCode 126 after
/// translateContainerdStartErr's 127 (moby daemon/exec.go, read at v27), and the CLI exits
/// with the exec's inspected code.
std::string missingExecutableMessage(std::string_view argv0);
inline constexpr int kMissingExecutableExitCode = 126;

/// True for the commands runTool models (by base name).
bool isModelledTool(std::string_view name);

/// The tools that read the process table (ps, netstat -p, ss -p): only they need
/// ToolContext::processes and socketHolders filled.
bool showsProcesses(std::string_view name);

}  // namespace sim::tools
