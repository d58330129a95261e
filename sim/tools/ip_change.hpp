// The changes `ip` makes with CAP_NET_ADMIN (the Docker host, or a container given --cap-add
// NET_ADMIN or --privileged): link set up/down/mtu/address, addr add/del/flush, route
// add/del/replace, neigh add/del/flush, applied to the namespace's kernel state so the next
// packet sees them. Docker does not notice: inspect keeps the endpoint it configured, as on a
// real host. Errors in iproute2's words (busybox's with its "ip: " prefix).
#pragma once

#include <string_view>

#include "sim/tools/tool_context.hpp"
#include "sim/tools/tool_util.hpp"

namespace sim::tools {

/// `object` is "link", "addr", "route" or "neigh"; `rest` starts with the verb.
ToolResult changeIpState(ToolContext& ctx, std::string_view object, const Args& rest, bool busybox);

}  // namespace sim::tools
