// /proc/sys/net as the kernel model has it: the sysctls docknet models, read and written by
// `sysctl`, by `cat /proc/sys/...` and by `echo 1 > /proc/sys/...`, so each way changes the same
// switch. A key the model does not have is "No such file or directory", never a file that
// accepts a write and does nothing.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sim/core/error.hpp"
#include "sim/core/ids.hpp"

namespace sim::net {
class Kernel;
}

namespace sim::tools {

/// "net.ipv4.ip_forward" (dots or slashes) for "/proc/sys/net/ipv4/ip_forward"; nullopt when
/// the path is not under /proc/sys.
std::optional<std::string> sysctlKeyOfPath(std::string_view path);
/// The keys docknet models, sorted: net.ipv4.ip_forward and br_netfilter's six under net.bridge.
std::vector<std::string> modelledSysctls();
/// The keys under a directory every key of which the model has — only net.bridge, while
/// br_netfilter is loaded — sorted, as the kernel lists them; nullopt for anything else.
std::optional<std::vector<std::string>> sysctlDirectory(const net::Kernel& kernel, std::string_view key);
/// A directory (net, net.ipv4 ...) that holds modelled keys among many the model lacks.
bool isUnmodelledSysctlDirectory(std::string_view key);
/// The value as /proc shows it ("1"), or nullopt for a key the model does not have.
std::optional<std::string> readSysctl(const net::Kernel& kernel, core::NamespaceId ns, std::string_view key);
/// Sets the key; "Invalid argument" for a value the kernel refuses (ip_forward takes 0 or 1),
/// NotFound for a key the model does not have.
core::Result<void> writeSysctl(net::Kernel& kernel, core::NamespaceId ns, std::string_view key, std::string_view value);

}  // namespace sim::tools
