// The entry point of each modelled tool (internal to sim/tools; runTool dispatches to them).
// Each receives the full argv (argv[0] reduced to its base name).
#pragma once

#include "sim/tools/tool_util.hpp"

namespace sim::tools {

ToolResult runPing(ToolContext& ctx, const Args& argv);
ToolResult runIp(ToolContext& ctx, const Args& argv);
ToolResult runIfconfig(ToolContext& ctx, const Args& argv);
ToolResult runArp(ToolContext& ctx, const Args& argv);
ToolResult runRoute(ToolContext& ctx, const Args& argv);
ToolResult runNetstat(ToolContext& ctx, const Args& argv);
ToolResult runSs(ToolContext& ctx, const Args& argv);
ToolResult runPs(ToolContext& ctx, const Args& argv);
ToolResult runGetent(ToolContext& ctx, const Args& argv);
ToolResult runNslookup(ToolContext& ctx, const Args& argv);
ToolResult runCurl(ToolContext& ctx, const Args& argv);
ToolResult runWget(ToolContext& ctx, const Args& argv);
ToolResult runNc(ToolContext& ctx, const Args& argv);
ToolResult runBridge(ToolContext& ctx, const Args& argv);
ToolResult runBrctl(ToolContext& ctx, const Args& argv);
ToolResult runIptables(ToolContext& ctx, const Args& argv);
ToolResult runConntrack(ToolContext& ctx, const Args& argv);
ToolResult runSysctl(ToolContext& ctx, const Args& argv);
// Small shell utilities (basic_commands.cpp).
ToolResult runHostname(ToolContext& ctx, const Args& argv);
ToolResult runCat(ToolContext& ctx, const Args& argv);
ToolResult runEcho(ToolContext& ctx, const Args& argv);
ToolResult runEnv(ToolContext& ctx, const Args& argv);
ToolResult runSleep(ToolContext& ctx, const Args& argv);
ToolResult runTrue(ToolContext& ctx, const Args& argv);
ToolResult runWhoami(ToolContext& ctx, const Args& argv);
ToolResult runId(ToolContext& ctx, const Args& argv);
ToolResult runFalse(ToolContext& ctx, const Args& argv);

}  // namespace sim::tools
