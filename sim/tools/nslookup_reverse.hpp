// nslookup's reverse lookup (an IPv4 address as the HOST operand), in the tool's flavour.
#pragma once

#include "sim/tools/resolver.hpp"
#include "sim/tools/tool_context.hpp"
#include "sim/wire/ipv4_address.hpp"

namespace sim::tools {

/// The PTR query for `address` sent to `server` and its answer printed as bind9 or busybox do.
ToolResult nslookupReverse(ToolContext& ctx, wire::Ipv4Address address, wire::Ipv4Address server);

}  // namespace sim::tools
