// Comparison: the sim and a KernelBackend side by side after the same probes: reachability per
// ping, outcome per TCP connect through a published port, links, neighbour entries, learned FDB
// entries. It speaks only to the KernelBackend interface, so the CLI's `docknet real verify`
// (and later a GUI) shows the same rows, and a test can feed it a fake kernel.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "sim/plan/plan.hpp"
#include "sim/plan/script_traffic.hpp"

namespace sim::plan {

struct ComparisonRow {
    std::string section;  // PING, TCP, CONNECT, BIND, NAME, LINK, ROUTE, NEIGHBOUR, FDB, COUNTERS
    std::string what;     // "alpine1 -> alpine2 172.17.0.3 (bridge)"
    std::string sim;      // "reply", "02:42:ac:11:00:03 valid", "-" (absent)
    std::string kernel;
    [[nodiscard]] bool agrees() const { return sim == kernel; }
};

struct Comparison {
    std::vector<ComparisonRow> rows;
    std::vector<std::string> errors;  // what could not be read from the kernel
    std::size_t pingBatches = 1;      // > 1: the pings ran in batches, neighbours compared after each
    std::size_t pingsPerBatch = 0;

    /// One sentence per disagreeing row and per error: empty when sim and kernel agree.
    [[nodiscard]] std::vector<std::string> differences() const;
    /// The rows as aligned tables, one per section, `ok` or `DIFFERENT` at the end of each row.
    [[nodiscard]] std::string render() const;
};

/// How many neighbour entries verify lets the kernel hold at once: a quarter of gc_thresh3
/// (1024, which all namespaces share, the machine's own included), under gc_thresh2 (512),
/// above which the kernel's forced garbage collection may drop entries older than 5 s.
inline constexpr std::size_t kNeighbourBudget = 256;

/// Forgets the sim's learned entries and its iptables counters (forgetLearned, forgetCounters:
/// the freshly applied kernel saw none of the script's traffic), runs derivePings, deriveTcpProbes and deriveContainerConnects in both worlds, tries every bind of
/// plan.binds in the kernel, asks every name of deriveNameProbes at 127.0.0.11 in the kernel
/// (beside the sim's answer), then reads links, routes, neighbours and FDBs of every plan
/// namespace from both. The filter table's counters are compared right after the pings (the
/// TCP that follows is not modelled packet for packet: no teardown, no retransmission), the nat
/// table's, which see a connection's first packet only, after all the probes. Pings that would make more than `neighbourBudget` neighbour entries run
/// in batches (two entries a ping at most): after each, the entries of the namespaces it touched
/// are compared and then forgotten in both worlds (NEIGHBOUR rows "(after pings 1-128)").
/// Probes go only to addresses of the plan, from namespaces of the plan.
/// With `script` (its deriveScriptTraffic), its pings are replayed last in both worlds
/// (compareScriptPings), after everything else was read.
Comparison compareWithKernel(cli::DockerHost& host, const KernelPlan& plan, KernelBackend& kernel, int timeoutMs,
                             std::size_t neighbourBudget = kNeighbourBudget, const ScriptTraffic* script = nullptr);

/// SCRIPT rows: each ping step of `traffic` (count times) in the sim and in the kernel, replies
/// counted; then COUNTERS rows "(the script's pings)": how much each rule's packet count moved
/// across the replay in each world (a difference, so the earlier probes cancel out).
void compareScriptPings(Comparison& c, cli::DockerHost& host, const KernelPlan& plan, KernelBackend& kernel,
                        const ScriptTraffic& traffic, int timeoutMs);

/// COUNTERS rows: the packet counter of every rule, in chains whose nft name starts with
/// `chainPrefix` ("filter_", "nat_"), of every namespace with a lab table, `sim` (simCounters)
/// beside what `kernel` reads now; a counter read that fails is an error.
void compareCounters(Comparison& c, const KernelPlan& plan, const std::vector<CounterObservation>& sim,
                     KernelBackend& kernel, const std::string& chainPrefix);

/// COUNTERS rows from two given sets of observations (compareCounters reads the kernel's).
void counterRows(Comparison& c, const KernelPlan& plan, const std::vector<CounterObservation>& sim,
                 const std::vector<CounterObservation>& kernel, const std::string& chainPrefix);
/// The kernel's counters of every namespace with a lab table; a failed read is an error of `c`
/// (`when` is added to its words: " (the script's pings)").
std::vector<CounterObservation> kernelCounters(Comparison& c, const KernelPlan& plan, KernelBackend& kernel, const std::string& when);

/// BIND and UDP rows for plan.udpSockets: each socket's bind, a second bind of its port
/// (EADDRINUSE), and one datagram sent to it in both worlds.
void compareUdp(Comparison& c, cli::DockerHost& host, const KernelPlan& plan, KernelBackend& kernel, int timeoutMs);

/// The sim's non-loopback links, as the kernel will report them.
std::vector<LinkObservation> simLinks(const cli::DockerHost& host);

}  // namespace sim::plan
