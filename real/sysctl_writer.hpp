// Sysctls of the calling thread's network namespace, by writing /proc/sys/<key>: the net.*
// entries a thread opens belong to that thread's namespace (ping_group_range, ip_forward ...).
#pragma once

#include <string>

#include "sim/core/error.hpp"

namespace docknet::real {

sim::core::Result<void> writeSysctl(const std::string& key, const std::string& value);
sim::core::Result<std::string> readSysctl(const std::string& key);

}  // namespace docknet::real
