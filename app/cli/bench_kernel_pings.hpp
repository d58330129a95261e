// The kernel half of `docknet bench pingall --real`: the sim host's topology derived as a plan,
// built in docknet-* namespaces with the real backend (its own ledger), the same all-pairs
// pings run there in-process (RealBackend::pingPairs: one ICMP socket per namespace, one
// thread, a window of pairs in flight), then everything removed.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "sim/core/error.hpp"

namespace sim::cli {
class DockerHost;
}

namespace docknet::cli {

struct KernelPingFigures {
    std::size_t pings = 0;    // sent (the sim's count: checked before any is sent)
    std::size_t replied = 0;  // answered: the only ones that count as done
    std::size_t failed = 0;
    double pingSeconds = 0;    // the batches' wall time, ARP included
    double forgetSeconds = 0;  // neighbour deletions between batches, off the clock
    std::size_t batches = 0, batchPairs = 0, window = 0, forgotten = 0;
    int timeoutMs = 0;
    double applySeconds = 0, downSeconds = 0;
    std::size_t namespaces = 0;
    std::vector<std::string> failures;  // the first few
};

/// `simPings` is how many pings the sim made; the kernel's pairs must come to the same number.
/// The lab is removed whatever happens (a down that fails names the ledger to remove it with).
sim::core::Result<KernelPingFigures> runKernelPings(const sim::cli::DockerHost& host, std::size_t simPings, std::size_t window,
                                                   std::size_t batchPairs);

}  // namespace docknet::cli
