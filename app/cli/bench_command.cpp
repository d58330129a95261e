#include "bench_command.hpp"

#include <sys/resource.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "bench_kernel_pings.hpp"
#include "real/real_backend.hpp"
#include "sim/cli/docker_host.hpp"
#include "sim/net/pinger.hpp"

namespace docknet::cli {

namespace {

using sim::core::Result;

double peakRssMb() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux
}

class Stopwatch {
public:
    [[nodiscard]] double seconds() const {
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - m_start).count();
    }

private:
    std::chrono::steady_clock::time_point m_start = std::chrono::steady_clock::now();
};

/// One running container as the benchmark needs it: where its processes live and its address on
/// the one network it is attached to.
struct BenchContainer {
    sim::core::NamespaceId sandbox;
    sim::wire::Ipv4Address address;
};

/// The containers grouped by network: members[k] are the containers on network k.
struct BenchTopology {
    std::vector<std::vector<BenchContainer>> members;
};

/// Builds the topology through the Docker engine, as `docker network create --subnet
/// 10.<k+1>.0.0/16 benchnet<k>` and `docker run -dit --name c<i> --network benchnet<i % K>
/// alpine` would (the engine calls those commands make, without parsing a line per container).
Result<BenchTopology> buildTopology(sim::cli::DockerHost& host, int containers, int networks) {
    auto& engine = host.engine();
    if (containers < 1) return sim::core::fail(sim::core::ErrorCode::InvalidArgument, "--containers must be at least 1");
    if (networks < 0 || networks > 254)
        return sim::core::fail(sim::core::ErrorCode::InvalidArgument, "--networks must be between 0 and 254");
    std::vector<std::string> networkIds;
    for (int k = 0; k < networks; ++k) {
        sim::docker::NetworkCreateOptions opts;
        opts.name = "benchnet" + std::to_string(k);
        auto subnet = sim::wire::Ipv4Prefix::parse("10." + std::to_string(k + 1) + ".0.0/16");
        if (!subnet) return std::unexpected(subnet.error());
        opts.subnet = *subnet;
        auto id = engine.createNetwork(opts);
        if (!id) return std::unexpected(id.error());
        networkIds.push_back(*id);
    }
    if (networks == 0) networkIds.push_back(engine.findNetwork("bridge")->id);

    BenchTopology topo;
    topo.members.resize(networkIds.size());
    std::vector<std::string> warnings;
    for (int i = 0; i < containers; ++i) {
        const std::size_t k = static_cast<std::size_t>(i) % networkIds.size();
        sim::docker::ContainerConfig config;
        config.name = "c" + std::to_string(i);
        config.image = "alpine";
        config.detach = config.interactive = config.tty = true;
        if (networks > 0) config.network = sim::docker::NetworkMode::parse("benchnet" + std::to_string(k));
        auto id = engine.create(config, warnings);
        if (!id) return std::unexpected(id.error());
        if (auto started = engine.start(*id); !started) return std::unexpected(started.error());
        const auto* c = engine.findContainer(*id);
        const auto address = engine.addressOn(*c, networkIds[k]);
        if (!address) return sim::core::fail(sim::core::ErrorCode::Internal, config.name + " has no address");
        topo.members[k].push_back({c->sandbox, *address});
    }
    return topo;
}

/// One echo request and its reply (ARP first when the neighbour is unknown).
Result<void> pingOnce(sim::net::Kernel& kernel, const BenchContainer& from, const BenchContainer& to) {
    sim::net::PingOptions opts;
    opts.dst = to.address;
    opts.count = 1;
    auto report = sim::net::Pinger::run(kernel, from.sandbox, opts);
    if (!report) return std::unexpected(report.error());
    if (report->received != 1)
        return sim::core::fail(sim::core::ErrorCode::Unreachable, "ping to " + to.address.toString() + " got no reply");
    return {};
}

/// Counts trace records as they are made, whether or not the log keeps them.
class TraceCounter {
public:
    explicit TraceCounter(sim::core::TraceLog& log)
        : m_log(log), m_id(log.subscribe([this](const sim::core::TraceRecord&) { ++m_count; })) {}
    ~TraceCounter() { m_log.unsubscribe(m_id); }
    TraceCounter(const TraceCounter&) = delete;
    TraceCounter& operator=(const TraceCounter&) = delete;
    [[nodiscard]] std::uint64_t count() const { return m_count; }

private:
    sim::core::TraceLog& m_log;
    sim::core::TraceLog::SubscriptionId m_id;
    std::uint64_t m_count = 0;
};

int reportFailure(const char* bench, const sim::core::Error& error) {
    std::fprintf(stderr, "docknet bench %s: %s\n", bench, error.message.c_str());
    return 1;
}

}  // namespace

namespace {

/// A JSON number, or null when there is no figure.
std::string jsonNumber(double value, bool present, const char* format) {
    if (!present) return "null";
    char buf[64];
    std::snprintf(buf, sizeof buf, format, value);
    return buf;
}

}  // namespace

int benchPingall(const BenchOptions& options) {
    if (options.real) {
        // As `docknet real` does: say what is missing, exit 2, before any work.
        if (auto ok = docknet::real::RealBackend::checkPrivileges(); !ok) {
            std::fprintf(stderr, "docknet bench pingall --real: %s\n", ok.error().message.c_str());
            return 2;
        }
    }
    sim::cli::DockerHost host;
    const Stopwatch setupClock;
    auto topo = buildTopology(host, options.containers, options.networks);
    if (!topo) return reportFailure("pingall", topo.error());
    const double setupSeconds = setupClock.seconds();

    auto& kernel = host.kernel();
    // Every record is made (and counted by the subscriber); the store keeps only the most recent
    // unless asked, so memory stays bounded however many records a run makes.
    kernel.trace().setRetention(options.keepAll ? sim::core::TraceLog::kKeepAll : options.keepRecords);
    const TraceCounter counter(kernel.trace());
    std::uint64_t pings = 0;
    const Stopwatch clock;
    for (const auto& members : topo->members)
        for (const auto& from : members)
            for (const auto& to : members) {
                if (&from == &to) continue;
                if (auto r = pingOnce(kernel, from, to); !r) return reportFailure("pingall", r.error());
                ++pings;
            }
    const double seconds = clock.seconds();
    const double pingsPerS = static_cast<double>(pings) / seconds;
    const double eventsPerS = static_cast<double>(counter.count()) / seconds;

    std::optional<KernelPingFigures> k;
    if (options.real) {
        auto figures = runKernelPings(host, pings, options.kernelWindow, options.kernelBatch);
        if (!figures) return reportFailure("pingall --real", figures.error());
        k = std::move(*figures);
    }
    const bool kernelFigures = k && k->pingSeconds > 0;
    const double kernelPingsPerS = kernelFigures ? static_cast<double>(k->replied) / k->pingSeconds : 0;
    const bool ratioFigure = kernelFigures && kernelPingsPerS > 0;
    const double ratio = ratioFigure ? pingsPerS / kernelPingsPerS : 0;
    const int status = k && k->failed > 0 ? 1 : 0;  // a failed kernel ping is never a done one

    const double rss = peakRssMb();
    const auto kept = static_cast<unsigned long long>(kernel.trace().records().size());
    const std::string keepLimit = options.keepAll ? std::string("all") : std::to_string(options.keepRecords);
    // What the kernel figure includes, for stderr (--json) or the plain output.
    auto kernelNote = [&] {
        char buf[640];
        std::snprintf(buf, sizeof buf,
                      "kernel: %zu of %zu pings answered, %zu failed (%d ms each); %zu batches of up to %zu pairs (a->b then b->a, "
                      "ARP included), %zu in flight; %zu neighbour entries deleted between batches in %.3f s, off the clock; "
                      "apply %.3f s, down %.3f s, %zu namespaces",
                      k->replied, k->pings, k->failed, k->timeoutMs, k->batches, k->batchPairs, k->window, k->forgotten, k->forgetSeconds,
                      k->applySeconds, k->downSeconds, k->namespaces);
        return std::string(buf);
    };
    if (options.json) {
        std::printf("{\"pings\": %llu, \"sim_seconds\": %.6f, \"sim_pings_per_s\": %.0f, \"trace_events\": %llu, "
                    "\"trace_events_per_s\": %.0f, \"kernel_seconds\": %s, \"kernel_pings_per_s\": %s, "
                    "\"ratio\": %s, \"peak_rss_mb\": %.1f}\n",
                    static_cast<unsigned long long>(pings), seconds, pingsPerS,
                    static_cast<unsigned long long>(counter.count()), eventsPerS,
                    jsonNumber(k ? k->pingSeconds : 0, kernelFigures, "%.6f").c_str(),
                    jsonNumber(kernelPingsPerS, kernelFigures, "%.0f").c_str(), jsonNumber(ratio, ratioFigure, "%.3f").c_str(),
                    rss);
        // The object's fields stay fixed for the scripts that compare runs; what the store kept
        // and what the kernel figure includes go to stderr, after it.
        std::fflush(stdout);
        std::fprintf(stderr, "docknet bench pingall: the trace kept %llu of %llu records (--keep %s)\n", kept,
                     static_cast<unsigned long long>(counter.count()), keepLimit.c_str());
        if (k) std::fprintf(stderr, "docknet bench pingall: %s\n", kernelNote().c_str());
        if (k)
            for (const auto& why : k->failures) std::fprintf(stderr, "docknet bench pingall: kernel ping failed: %s\n", why.c_str());
        return status;
    }
    std::printf("docknet bench pingall (%d containers, %s)\n", options.containers,
                options.networks > 0 ? (std::to_string(options.networks) + " user-defined networks").c_str()
                                     : "the default bridge");
    std::printf("  set-up (docker layer)  %10.3f s\n", setupSeconds);
    std::printf("  pings                  %10llu\n", static_cast<unsigned long long>(pings));
    std::printf("  wall time              %10.3f s\n", seconds);
    std::printf("  pings/s                %10.0f\n", pingsPerS);
    std::printf("  trace events           %10llu\n", static_cast<unsigned long long>(counter.count()));
    std::printf("  trace events/s         %10.0f\n", eventsPerS);
    std::printf("  trace records kept     %10llu (%s)\n", kept,
                options.keepAll ? "every record" : ("the most recent " + keepLimit + " to " +
                                                    std::to_string(2 * options.keepRecords)).c_str());
    std::printf("  peak RSS               %10.1f MB\n", rss);
    if (k) {
        std::printf("  kernel pings answered  %10zu of %zu (%zu failed)\n", k->replied, k->pings, k->failed);
        std::printf("  kernel wall time       %10.3f s\n", k->pingSeconds);
        std::printf("  kernel pings/s         %10.0f\n", kernelPingsPerS);
        std::printf("  ratio sim/kernel       %10.3f\n", ratio);
        std::printf("  %s\n", kernelNote().c_str());
        for (const auto& why : k->failures) std::printf("  kernel ping failed: %s\n", why.c_str());
    }
    return status;
}

int benchScale(const BenchOptions& options) {
    const Stopwatch clock;
    sim::cli::DockerHost host;
    auto topo = buildTopology(host, options.containers, options.networks);
    if (!topo) return reportFailure("scale", topo.error());
    for (const auto& members : topo->members) {
        if (members.size() < 2) continue;
        if (auto r = pingOnce(host.kernel(), members[0], members[1]); !r) return reportFailure("scale", r.error());
    }
    const double seconds = clock.seconds();
    const double rss = peakRssMb();
    if (options.json) {
        std::printf("{\"containers\": %d, \"networks\": %d, \"seconds\": %.6f, \"peak_rss_mb\": %.1f}\n",
                    options.containers, options.networks, seconds, rss);
        return 0;
    }
    std::printf("docknet bench scale (%d running containers over %d user-defined networks, one ping each)\n",
                options.containers, options.networks);
    std::printf("  wall time              %10.3f s\n", seconds);
    std::printf("  peak RSS               %10.1f MB\n", rss);
    return 0;
}

}  // namespace docknet::cli
