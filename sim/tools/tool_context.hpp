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

/// A process as the tool's PID namespace shows it (ps; the -p of netstat and ss). docknet's PID
/// model is in docs/PROCESSES.md.
struct ProcessEntry {
    int pid = 0;
    int ppid = 0;
    std::string user = "root";
    std::string comm;     // /proc/PID/comm: what ss -p and ps -o comm print ("nginx", "docker-proxy")
    std::string cmdline;  // argv as ps -f and busybox ps print it
    /// argv[0] alone, as netstat -p reads /proc/PID/cmdline: "/usr/bin/docker-proxy", or a
    /// server's whole retitled line ("nginx: master process nginx -g daemon off;").
    std::string argv0;
    std::string tty = "?";
    std::string stat = "S";  // ps's STAT: Ss, Ssl, R+ ...
    std::string start;       // STIME/START as procps prints a process of today: "HH:MM"
    long vszKb = 0;
    long rssKb = 0;
};

/// Who holds a socket: the process and its file descriptor (ss -p's pid=,fd=).
struct SocketHolder {
    int pid = 0;
    int fd = 3;
};

struct ToolContext {
    net::Kernel* kernel = nullptr;
    core::NamespaceId ns;
    Flavor flavor = Flavor::Gnu;
    /// Executables present; empty means "all" (the Docker host has every tool).
    std::set<std::string> executables;
    std::string hostname;
    /// Absolute path -> content: /etc/hosts, /etc/resolv.conf, /etc/hostname, ...
    std::map<std::string, std::string> files;
    /// The process's working directory: relative file names start there.
    std::string cwd = "/";
    /// Environment of the process (`env`, `echo $X`).
    std::vector<std::string> env;
    bool isDockerHost = false;  // host-only tools (brctl, bridge, iptables) may run
    /// The capabilities of the tool's process (CAP_NET_ADMIN, CAP_NET_RAW ...), from the
    /// container's HostConfig (docker::effectiveCapabilities). On the Docker host the tool runs
    /// as root with every capability.
    std::set<std::string> capabilities;
    /// /proc/sys is writable: on the host and in a --privileged container (Docker mounts it
    /// read-only in every other container, whatever the capabilities).
    bool procSysWritable = false;

    /// Who the tool runs as (whoami, id). An empty name: the id has no passwd/group entry.
    int uid = 0;
    int gid = 0;
    std::string userName = "root";
    std::string groupName = "root";
    std::vector<std::pair<int, std::string>> extraGroups;  // id's supplementary groups

    [[nodiscard]] bool hasCapability(const std::string& cap) const { return isDockerHost || capabilities.contains(cap); }
    [[nodiscard]] bool canWriteProcSys() const { return isDockerHost || procSysWritable; }
    /// The processes of the tool's PID namespace, by PID, the tool itself last.
    std::vector<ProcessEntry> processes;
    /// The holders of the namespace's sockets that this PID namespace can see; a socket of a
    /// process outside it (dockerd's 127.0.0.11 listeners in a container) has none.
    std::map<net::SocketId, SocketHolder> socketHolders;
    /// Interfaces the Docker layer or the lab owns (network bridges, endpoint veths, the host's
    /// uplink): `ip link del` of one is refused as not modelled, since the daemon's state would
    /// point at nothing. Changing their flags or master is allowed, as on a real host.
    std::set<core::InterfaceId> protectedInterfaces;
    /// Wall-clock seconds at SimTime 0, for the dates a tool prints (an HTTP Date header).
    std::int64_t epochSeconds = 1730710800;
};

struct ToolResult {
    std::string out;
    std::string err;
    int exitCode = 0;
    /// Files the tool wrote (curl -o FILE), path as given -> content: the caller stores them
    /// where the tool ran.
    std::vector<std::pair<std::string, std::string>> writtenFiles{};
};

}  // namespace sim::tools
