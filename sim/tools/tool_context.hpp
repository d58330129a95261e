// ToolContext: where a command-line tool runs — a network namespace of the Kernel (a container's
// sandbox, or the Docker host's own namespace), which flavour of userland prints its output
// (GNU: iputils, iproute2, net-tools, glibc; Busybox: alpine/busybox applets), which executables
// exist there, and the files the tools read (/etc/hosts, /etc/resolv.conf, /etc/hostname).
// Tools move real packets through the Kernel and run its Scheduler while they wait (ping's
// interval, a DNS timeout), so they advance the simulated clock the way they take time.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "sim/core/ids.hpp"
#include "sim/net/kernel.hpp"

namespace sim::tools {

enum class Flavor { Gnu, Busybox };

struct ToolContext {
    net::Kernel* kernel = nullptr;
    core::NamespaceId ns;
    Flavor flavor = Flavor::Gnu;
    /// Executables present; empty means "all" (the Docker host has every tool).
    std::set<std::string> executables;
    std::string hostname;
    /// Absolute path -> content: /etc/hosts, /etc/resolv.conf, /etc/hostname, ...
    std::map<std::string, std::string> files;
    /// Environment of the process (`env`, `echo $X`).
    std::vector<std::string> env;
    bool isDockerHost = false;  // host-only tools (brctl, bridge, iptables) may run
};

struct ToolResult {
    std::string out;
    std::string err;
    int exitCode = 0;
};

}  // namespace sim::tools
