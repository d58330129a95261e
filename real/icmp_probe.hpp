// IcmpProbe: one echo request over an ICMP datagram socket (socket(AF_INET, SOCK_DGRAM,
// IPPROTO_ICMP), no CAP_NET_RAW needed once ping_group_range allows it) from the calling
// thread's namespace, and whether the matching echo reply came back in time.
#pragma once

#include <string>

#include "sim/core/error.hpp"

namespace docknet::real {

sim::core::Result<bool> pingOnce(const std::string& dst, int timeoutMs);

}  // namespace docknet::real
