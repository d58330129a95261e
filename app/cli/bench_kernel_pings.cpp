#include "bench_kernel_pings.hpp"

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <tuple>

#include "real/real_backend.hpp"
#include "sim/cli/docker_host.hpp"
#include "sim/plan/plan.hpp"
#include "sim/wire/ipv4_address.hpp"

namespace docknet::cli {

namespace {

using sim::core::ErrorCode;
using sim::core::fail;
using sim::core::Result;
using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

/// The interface of namespace `ns` whose subnet holds `peer` (the one its ARP goes out of).
Result<std::string> deviceTowards(const sim::plan::KernelPlan& plan, const std::string& ns, const std::string& peer) {
    auto address = sim::wire::Ipv4Address::parse(peer);
    if (!address) return std::unexpected(address.error());
    for (const auto& a : plan.addresses) {
        if (a.ns != ns) continue;
        auto prefix = sim::wire::Ipv4Prefix::parse(a.prefix);
        if (prefix && prefix->contains(*address)) return a.dev;
    }
    return fail(ErrorCode::NotFound, ns + " has no interface on the subnet of " + peer);
}

/// verify's all-pairs pings (every running container to every other it shares a bridge
/// network with), joined into pairs a -> b, b -> a in the order the sim met them.
Result<std::vector<real::PingPair>> derivePairs(const sim::cli::DockerHost& host, const sim::plan::KernelPlan& plan) {
    const auto probes = sim::plan::derivePings(host);
    std::map<std::tuple<std::string, std::string, std::string>, std::size_t> index;  // (from, to, network)
    for (std::size_t i = 0; i < probes.size(); ++i) index[{probes[i].fromLabel, probes[i].toLabel, probes[i].network}] = i;
    std::vector<bool> paired(probes.size(), false);
    std::vector<real::PingPair> pairs;
    for (std::size_t i = 0; i < probes.size(); ++i) {
        if (paired[i]) continue;
        const auto& p = probes[i];
        const auto back = index.find({p.toLabel, p.fromLabel, p.network});
        if (back == index.end()) return fail(ErrorCode::Internal, p.toLabel + " does not ping " + p.fromLabel + " back");
        const auto& r = probes[back->second];
        auto devA = deviceTowards(plan, p.fromNs, p.dst);
        if (!devA) return std::unexpected(devA.error());
        auto devB = deviceTowards(plan, r.fromNs, r.dst);
        if (!devB) return std::unexpected(devB.error());
        pairs.push_back({{p.fromNs, *devA, r.dst}, {r.fromNs, *devB, p.dst}});
        paired[i] = paired[back->second] = true;
    }
    return pairs;
}

}  // namespace

Result<KernelPingFigures> runKernelPings(const sim::cli::DockerHost& host, std::size_t simPings, std::size_t window,
                                         std::size_t batchPairs) {
    const auto plan = sim::plan::derivePlan(host);
    auto pairs = derivePairs(host, plan);
    if (!pairs) return std::unexpected(pairs.error());
    if (2 * pairs->size() != simPings)
        return fail(ErrorCode::Internal, "the plan's pairs make " + std::to_string(2 * pairs->size()) + " pings, the sim made " +
                                             std::to_string(simPings));

    // A ledger of its own, so a lab the user applied (and its ledger) is never touched: if its
    // namespaces exist, apply refuses their names and the bench stops.
    std::string stateDir = (std::filesystem::temp_directory_path() / "docknet-bench.XXXXXX").string();
    if (!::mkdtemp(stateDir.data())) return fail(ErrorCode::Internal, "cannot make a state directory under /tmp");
    real::RealOptions options;
    options.stateDir = stateDir;

    KernelPingFigures f;
    f.namespaces = plan.namespaces.size();
    real::PairSweepOptions sweep;
    sweep.window = window;
    sweep.batchPairs = batchPairs;
    f.batchPairs = sweep.batchPairs;
    f.window = sweep.window;
    f.timeoutMs = sweep.timeoutMs;
    Result<void> status;
    {
        real::RealBackend backend(options);
        auto start = Clock::now();
        if (auto a = backend.apply(plan); !a) status = fail(a.error().code, "apply: " + a.error().message);
        f.applySeconds = secondsSince(start);
        if (status) {
            auto report = backend.pingPairs(*pairs, sweep);
            if (!report) {
                status = fail(report.error().code, "pings: " + report.error().message);
            } else {
                f.pings = report->sent;
                f.replied = report->replied;
                f.failed = report->failed;
                f.pingSeconds = report->pingSeconds;
                f.forgetSeconds = report->forgetSeconds;
                f.batches = report->batches;
                f.forgotten = report->forgotten;
                f.failures = report->failures;
            }
        }
        start = Clock::now();
        if (auto d = backend.down(); !d)
            return fail(d.error().code, "down: " + d.error().message + " (the ledger stays: DOCKNET_REAL_STATE=" + stateDir +
                                            " docknet real down)");
        f.downSeconds = secondsSince(start);
    }
    std::error_code ec;
    std::filesystem::remove_all(stateDir, ec);
    if (!status) return std::unexpected(status.error());
    return f;
}

}  // namespace docknet::cli
