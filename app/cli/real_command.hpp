// `docknet real apply|status|down|verify|capture`: the simulated Docker host built for real in network
// namespaces named docknet-* (see docs/REAL.md), and the kernel's behaviour compared with the sim's.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace docknet::cli {

struct RealCommandOptions {
    std::string script;         // apply, verify
    std::uint64_t seed = 1;
    bool downAfter = false;     // verify: remove the lab when done
    int pingTimeoutMs = 1000;
    bool hold = false;          // apply: keep the listeners and the embedded DNS until SIGINT/SIGTERM
    bool detach = false;        // apply: the same, by a background process that down stops
    bool onHost = false;        // apply: list what the machine's own namespace would get, ask
    bool yes = false;           // apply --on-host: do not ask
    std::string ns;             // capture: a docknet-* namespace the ledger records
    std::string iface;          // capture: an interface inside it
    std::size_t count = 0;      // capture: stop after this many packets (0: at the timeout)
    double timeoutSeconds = 10; // capture: stop after this long at the latest
    std::string out;            // capture NS IFACE: the pcap file
    std::vector<std::string> captureArgs;  // capture: NS IFACE, or [SCRIPT] with --out
    std::string pcapngOut;      // capture --out: one pcapng of every lab bridge
    double seconds = 0;         // capture --out: record this long (0: the replay, then 1 s)
};

/// Exit statuses: 0 done (verify: sim and kernel agree); 1 failure, a difference, a namespace
/// docknet did not make; 2 cannot run at all: not root, no network namespaces, a script that
/// cannot be read or parsed (the CLI's usage errors are 2 too).
int realApply(const RealCommandOptions& options);
int realStatus(const RealCommandOptions& options);
int realDown(const RealCommandOptions& options);
int realVerify(const RealCommandOptions& options);
int realCapture(const RealCommandOptions& options);

}  // namespace docknet::cli
