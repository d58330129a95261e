// `docknet bench pingall|scale`: benchmarks of the simulation engine that print figures (run them
// on a Release build; docs/PERFORMANCE.md records them). With --json each prints one JSON object
// whose field names stay fixed, so runs can be compared by a script.
#pragma once

#include <cstddef>

namespace docknet::cli {

struct BenchOptions {
    int containers = 250;
    int networks = 0;  // user-defined networks (explicit subnets); 0: everyone on the default bridge
    bool json = false;
    /// pingall: the trace keeps the most recent `keepRecords` records (up to twice that between
    /// its batched drops), or every record with keepAll, as `docknet run --trace` did.
    std::size_t keepRecords = 65536;
    bool keepAll = false;
    /// pingall: also build the topology in docknet-* namespaces (root) and run the same pings in
    /// the kernel, in the same run; then kernel_seconds, kernel_pings_per_s and ratio are figures.
    bool real = false;
    std::size_t kernelWindow = 16;  // --real: echo requests in flight at once (real::PairSweepOptions)
    std::size_t kernelBatch = 128;  // --real: pairs between two neighbour-table clean-ups
};

/// N containers, every one pings every other on each network they share once (ARP included),
/// through the kernel model's Pinger. Exit 1 when a ping fails or the topology cannot be built;
/// with `real`, exit 2 without root or network namespaces (as `docknet real`), 1 when a kernel
/// ping fails (each is counted; none counts as done).
int benchPingall(const BenchOptions& options);
/// N running containers over K user-defined networks created through the Docker engine, then one
/// ping per network. Exit 1 when anything fails.
int benchScale(const BenchOptions& options);

}  // namespace docknet::cli
