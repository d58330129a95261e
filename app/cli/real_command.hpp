// `docknet real apply|status|down|verify`: the simulated Docker host built for real in network
// namespaces named docknet-* (see docs/REAL.md), and the kernel's behaviour compared with the sim's.
#pragma once

#include <cstdint>
#include <string>

namespace docknet::cli {

struct RealCommandOptions {
    std::string script;         // apply, verify
    std::uint64_t seed = 1;
    bool downAfter = false;     // verify: remove the lab when done
    int pingTimeoutMs = 1000;
    bool hold = false;          // apply: keep the listeners and the embedded DNS until SIGINT/SIGTERM
};

/// Exit statuses: 0 done (verify: sim and kernel agree); 1 failure, a difference, or not root;
/// 2 the script cannot be read or parsed.
int realApply(const RealCommandOptions& options);
int realStatus(const RealCommandOptions& options);
int realDown(const RealCommandOptions& options);
int realVerify(const RealCommandOptions& options);

}  // namespace docknet::cli
