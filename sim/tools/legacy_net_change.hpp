// The changes net-tools' and busybox's ifconfig and route make with CAP_NET_ADMIN, through the
// same kernel calls their ioctls reach: SIOCSIFFLAGS (up/down), SIOCSIFADDR (the primary address,
// its classful mask unless netmask follows, the link brought up as net-tools does), SIOCSIFNETMASK,
// SIOCSIFMTU, SIOCSIFHWADDR; SIOCADDRT/SIOCDELRT (-net, -host, default, netmask, gw, dev,
// metric). Errors are perror's ("SIOCADDRT: File exists", exit 7 for route; busybox prefixes the
// applet and exits 1).
#pragma once

#include "sim/tools/tool_context.hpp"
#include "sim/tools/tool_util.hpp"

namespace sim::tools {

/// `ifconfig IFACE ARGS...` (argv[1] is the interface, argv[2..] the changes).
ToolResult changeIfconfig(ToolContext& ctx, const Args& argv);
/// `route add|del ...` (argv[1] is the verb).
ToolResult changeRoute(ToolContext& ctx, const Args& argv);

}  // namespace sim::tools
