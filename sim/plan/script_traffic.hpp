// ScriptTraffic: the traffic a script's own lines make (ping, curl/wget/nc, nslookup/getent/dig,
// on the host or through `docker exec C ...`), as probes a KernelBackend can replay in the
// applied lab, so `docknet real capture SCRIPT` records the script's frames. Only destinations
// inside the lab are kept: a line aiming anywhere else (8.8.8.8, a name the lab cannot resolve)
// is listed as skipped with the reason, and nothing is sent for it.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "sim/plan/plan.hpp"

namespace sim::plan {

struct TrafficStep {
    enum class Kind { Ping, Connect, HttpGet, Lookup };
    int line = 0;
    std::string command;    // the script's line (the segment of it that makes the traffic)
    Kind kind = Kind::Ping;
    std::string fromNs;     // docknet-alpine1, docknet-host
    std::string fromLabel;  // alpine1, host
    std::string dst;        // Ping, Connect: a lab address (or 127.x in fromNs itself)
    std::uint16_t port = 0; // Connect, HttpGet
    std::string path;       // HttpGet: "/"
    int count = 1;          // Ping: echo requests (ping -c N, at most 4)
    std::string name;       // Lookup: the name asked (a reverse name for an address)
    bool pointer = false;   // Lookup: a PTR query
};

struct SkippedLine {
    int line = 0;
    std::string command;
    std::string reason;
};

struct ScriptTraffic {
    std::vector<TrafficStep> steps;
    std::vector<SkippedLine> skipped;
};

/// The probes of `commands` (line number, the line as typed at the host's prompt), resolved
/// against the applied plan: container names through the asker's embedded DNS records or its
/// hosts file, addresses kept only when the plan has them.
ScriptTraffic deriveScriptTraffic(const cli::DockerHost& host, const KernelPlan& plan,
                                  const std::vector<std::pair<int, std::string>>& commands);

/// Replays each step in the kernel, in order: ping (count times), TCP connect (nc), HTTP GET
/// (curl, wget), or a query to 127.0.0.11 in the asker's namespace. One line per step: "line 3: alpine1 ping 172.17.0.3: reply".
std::vector<std::string> replayInKernel(const ScriptTraffic& traffic, KernelBackend& kernel, int timeoutMs);

}  // namespace sim::plan
