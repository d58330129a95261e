#include "real_command.hpp"

#include <net/if.h>

#include <csignal>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <iomanip>
#include <iostream>
#include <optional>
#include <iterator>
#include <map>
#include <memory>
#include <set>
#include <sstream>

#include "lab_holder.hpp"
#include "real/real_backend.hpp"
#include "sim/cli/docker_host.hpp"
#include "sim/plan/comparison.hpp"
#include "sim/plan/on_host_listing.hpp"
#include "sim/plan/plan.hpp"
#include "sim/plan/script_traffic.hpp"
#include "sim/shell/script_runner.hpp"

namespace docknet::cli {

namespace {

using docknet::real::RealBackend;

/// The environment is read here, at the edge: the backend takes plain options.
docknet::real::RealOptions backendOptions(bool verbose) {
    docknet::real::RealOptions o;
    if (const char* dir = std::getenv("DOCKNET_REAL_STATE"); dir && *dir) o.stateDir = dir;
    if (const char* n = std::getenv("DOCKNET_REAL_CRASH_AFTER"); n && *n) o.crashAfter = std::atoi(n);
    if (verbose) o.onMade = [](const std::string& what) { std::cout << "made " << what << "\n" << std::flush; };
    return o;
}

/// False (after saying what is missing) when docknet real cannot run here; the callers exit 2.
bool privileged() {
    if (auto ok = RealBackend::checkPrivileges(); !ok) {
        std::cerr << "docknet real: " << ok.error().message << "\n";
        return false;
    }
    return true;
}

/// The sim's Docker host after the script; null (and the exit status in `status`) if the
/// script cannot be read or parsed.
std::unique_ptr<sim::cli::DockerHost> simulate(const RealCommandOptions& options, int& status,
                                               std::vector<std::pair<int, std::string>>* hostCommands = nullptr) {
    std::ifstream in(options.script, std::ios::binary);
    if (!in) {
        std::cerr << "docknet: cannot read " << options.script << ": No such file or directory\n";
        status = 2;
        return nullptr;
    }
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    sim::cli::DockerHostOptions hostOptions;
    hostOptions.seed = options.seed;
    auto host = std::make_unique<sim::cli::DockerHost>(hostOptions);
    sim::shell::ScriptRunner runner(*host);
    auto t = runner.run(text);
    if (!t) {
        std::cerr << "docknet: " << options.script << ": " << t.error().message << "\n";
        status = 2;
        return nullptr;
    }
    // Lines typed inside a container's shell session have another prompt: their asker is not
    // named on the line, so capture does not replay them.
    if (hostCommands)
        for (const auto& step : t->steps)
            if (step.prompt == "$ ") hostCommands->emplace_back(step.line, step.command);
    return host;
}

/// Removes a lab left by an earlier apply (or a crashed one) before building a new one.
bool clearPrevious(RealBackend& backend) {
    auto s = backend.status();
    if (!s) {
        std::cerr << "docknet real: " << s.error().message << "\n";
        return false;
    }
    if (!s->applied) return true;
    std::cout << "removing the lab applied before (" << s->ledger.size() << " ledger entries)\n";
    if (auto d = backend.down(); !d) {
        std::cerr << "docknet real: " << d.error().message << "\n";
        return false;
    }
    return true;
}

/// Builds the host's plan; on failure removes what was made. False when it failed.
bool applyPlan(RealBackend& backend, const sim::plan::KernelPlan& plan) {
    if (!clearPrevious(backend)) return false;
    if (auto r = backend.apply(plan); !r) {
        std::cerr << "docknet real: apply failed: " << r.error().message << "\n";
        std::cerr << "docknet real: removing what was made\n";
        if (auto d = backend.down(); !d) std::cerr << "docknet real: " << d.error().message << "\n";
        return false;
    }
    return true;
}

std::string pad(const std::string& s, std::size_t w) { return s.size() >= w ? s + " " : s + std::string(w - s.size(), ' '); }

/// The ledger and what of it exists, or nullopt after printing why it could not be read.
std::optional<sim::plan::BackendStatus> readStatus(RealBackend& backend) {
    auto s = backend.status();
    if (s) return std::move(*s);
    std::cerr << "docknet real: " << s.error().message << "\n";
    return std::nullopt;
}

}  // namespace

/// Blocks SIGINT and SIGTERM in the calling thread and every thread it starts afterwards (the
/// backend's workers), so that sigwait in the main thread receives them.
static sigset_t blockStopSignals() {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
    return set;
}

/// apply --on-host: the listing and the question. Building in the machine's own namespace is
/// refused even after a yes: its ledger and teardown would have to guard live objects (an
/// existing docker0, nft table or port) that docknet does not yet know how to leave intact.
static int applyOnHost(const RealCommandOptions& options) {
    int status = 0;
    auto host = simulate(options, status);
    if (!host) return status;
    const auto listing = sim::plan::describeOnHost(sim::plan::derivePlan(*host));
    std::cout << "docknet real apply --on-host would make " << listing.inRootNamespace.size()
              << " object(s) in this machine's own (root) network namespace:\n";
    for (const auto& o : listing.inRootNamespace) {
        // A name the machine has already (read only, from this process's own namespace).
        const auto name = o.starts_with("bridge ") ? o.substr(7, o.find(' ', 7) - 7)
                          : o.starts_with("veth ") ? o.substr(5, o.find(' ', 5) - 5) : std::string();
        std::cout << "  " << o << (!name.empty() && ::if_nametoindex(name.c_str()) != 0 ? "   (EXISTS on this machine already)" : "") << "\n";
    }
    std::cout << "and " << listing.inLabNamespaces.size() << " in namespaces of its own (docknet-*):\n";
    for (const auto& o : listing.inLabNamespaces) std::cout << "  " << o << "\n";
    std::cout << "not made on the host (" << listing.leftOut.size() << "):\n";
    for (const auto& o : listing.leftOut) std::cout << "  " << o << "\n";
    bool yes = options.yes;
    if (!yes) {
        std::cout << "Create these objects in this machine's own namespace? [y/N] " << std::flush;
        std::string answer;
        std::getline(std::cin, answer);
        yes = answer == "y" || answer == "Y" || answer == "yes" || answer == "YES" || answer == "Yes";
    }
    if (!yes) {
        std::cout << "not confirmed: nothing was made\n";
        return 1;
    }
    std::cerr << "docknet real apply --on-host: refused: building in the machine's own namespace is not implemented "
                 "(its objects would sit beside live ones, e.g. an existing docker0, nft table or port, that a ledger "
                 "teardown must never touch); nothing was made. Use `docknet real apply` without --on-host: the same "
                 "lab in docknet-* namespaces.\n";
    return 1;
}

/// apply's work; `holding` (apply --detach) is told once the services are up.
static int applyLab(const RealCommandOptions& options, const std::function<void()>& holding) {
    int status = 0;
    auto host = simulate(options, status);
    if (!host) return status;
    const auto plan = sim::plan::derivePlan(*host);
    // Before the backend exists: its threads inherit the mask.
    const sigset_t stopSignals = options.hold ? blockStopSignals() : sigset_t{};
    RealBackend backend(backendOptions(true));
    if (!applyPlan(backend, plan)) return 1;
    if (options.hold) {
        std::cout << "applied " << plan.namespaces.size() << " namespaces; holding the listeners and the embedded DNS"
                  << " (try: ip netns exec docknet-<container> getent hosts <name>)";
        if (holding) {
            std::cout << "\n";
            holding();
        } else {
            std::cout << "; Ctrl-C or SIGTERM to let go (the lab stays locked until then: docknet real down refuses)\n"
                      << std::flush;
        }
        int sig = 0;
        sigwait(&stopSignals, &sig);
        forgetHolder(backendOptions(false).stateDir);
        std::cout << "let go (signal " << sig << "); the lab stays: remove it with docknet real down\n";
        return 0;
    }
    std::cout << "applied " << plan.namespaces.size() << " namespaces (ledger: " << backend.ledger().path() << ")\n"
              << "try: ip netns exec " << (plan.namespaces.size() > 2 ? plan.namespaces[2].name : std::string("docknet-host"))
              << " ip neigh;  remove it all with: docknet real down\n";
    return 0;
}

int realApply(const RealCommandOptions& options) {
    if (options.onHost) return applyOnHost(options);
    if (!privileged()) return 2;
    // A lab held in the background is let go first: this apply replaces it.
    const std::string stateDir = backendOptions(false).stateDir;
    if (!stopHolder(stateDir)) {
        std::cerr << "docknet real: the process holding the lab (pid " << liveHolder(stateDir) << ") did not stop\n";
        return 1;
    }
    if (!options.detach) return applyLab(options, {});
    RealCommandOptions held = options;
    held.detach = false;
    held.hold = true;
    return runDetached([&held](const std::function<void()>& holding) { return applyLab(held, holding); }, stateDir);
}

int realStatus(const RealCommandOptions&) {
    if (!privileged()) return 2;
    RealBackend backend(backendOptions(false));
    const auto s = readStatus(backend);
    if (!s) return 1;
    if (!s->applied) {
        std::cout << "no lab applied (ledger " << backend.ledger().path() << " is empty)\n";
        return 0;
    }
    const std::set<std::string> present(s->present.begin(), s->present.end());
    std::cout << "ledger " << backend.ledger().path() << ": " << s->ledger.size() << " entries, " << s->present.size()
              << " present\n";
    if (const int pid = liveHolder(backendOptions(false).stateDir))
        std::cout << "held in the background by docknet (pid " << pid << "): listeners and embedded DNS up\n";
    for (const auto& e : s->ledger) std::cout << "  " << pad(e, 70) << (present.contains(e) ? "present" : "absent") << "\n";
    return 0;
}

int realDown(const RealCommandOptions&) {
    if (!privileged()) return 2;
    if (const std::string stateDir = backendOptions(false).stateDir; !stopHolder(stateDir)) {
        std::cerr << "docknet real: the process holding the lab (pid " << liveHolder(stateDir) << ") did not stop\n";
        return 1;
    }
    RealBackend backend(backendOptions(false));
    const auto s = readStatus(backend);
    if (!s) return 1;
    if (!s->applied) {
        std::cout << "nothing to remove\n";
        return 0;
    }
    if (auto d = backend.down(); !d) {
        std::cerr << "docknet real: " << d.error().message << "\n";
        return 1;
    }
    std::cout << "removed the lab (" << s->ledger.size() << " ledger entries, " << s->present.size() << " present)\n";
    return 0;
}

int realVerify(const RealCommandOptions& options) {
    if (!privileged()) return 2;
    int status = 0;
    std::vector<std::pair<int, std::string>> commands;
    auto host = simulate(options, status, &commands);
    if (!host) return status;
    const auto plan = sim::plan::derivePlan(*host);
    RealBackend backend(backendOptions(false));
    if (!applyPlan(backend, plan)) return 1;
    std::cout << "applied " << plan.namespaces.size() << " namespaces, " << plan.veths.size() << " veth pairs, "
              << plan.bridges.size() << " bridges\n";

    // The script's own pings are replayed last in both worlds (SCRIPT rows and their counters).
    const auto traffic = sim::plan::deriveScriptTraffic(*host, plan, commands);
    const auto comparison = sim::plan::compareWithKernel(*host, plan, backend, options.pingTimeoutMs,
                                                         sim::plan::kNeighbourBudget, &traffic);
    std::cout << comparison.render();
    auto differences = comparison.differences();
    std::cout << "\n";
    if (comparison.pingBatches > 1)
        std::cout << "the pings ran in " << comparison.pingBatches << " batches of up to " << comparison.pingsPerBatch
                  << ": the kernel's neighbour table is shared by all namespaces and capped (gc_thresh3), so each batch's "
                     "entries were compared and then deleted in both worlds (NEIGHBOUR rows \"after pings ...\")\n";
    if (options.downAfter) {
        if (auto d = backend.down(); !d) differences.push_back("down: " + d.error().message);
        else std::cout << "removed the lab\n";
    } else {
        std::cout << "the lab stays applied: poke at it with `ip netns exec docknet-<container> ...`, remove it with "
                     "`docknet real down`\n";
    }
    if (differences.empty()) {
        std::cout << "sim and kernel agree\n";
        return 0;
    }
    std::cout << differences.size() << " difference(s):\n";
    for (const auto& d : differences) std::cout << "  " << d << "\n";
    return 1;
}

namespace {

/// capture NS IFACE -w FILE: one interface, traffic made by hand meanwhile.
int captureOne(const RealCommandOptions& options) {
    if (options.captureArgs.size() != 2 || options.out.empty()) {
        std::cerr << "docknet real capture: give NAMESPACE INTERFACE -w FILE.pcap, or --out FILE [--seconds N] [SCRIPT]\n";
        return 2;
    }
    RealBackend backend(backendOptions(false));
    docknet::real::CaptureRequest request;
    request.ns = options.captureArgs[0];
    request.iface = options.captureArgs[1];
    request.outPath = options.out;
    request.maxPackets = options.count;
    request.timeoutSeconds = options.timeoutSeconds;
    // A script waiting to start its traffic reads this line: from here on nothing is missed.
    request.onStarted = [&] {
        std::cout << "capturing on " << request.ns << " " << request.iface << " into " << options.out << "\n" << std::flush;
    };
    auto summary = backend.capture(request);
    if (!summary) {
        std::cerr << "docknet real capture: " << summary.error().message << "\n";
        return 1;
    }
    std::cout << summary->packets << " packet(s) written to " << options.out
              << (summary->timedOut ? " (stopped by the timeout)" : "") << "\n";
    return 0;
}

/// capture --out FILE [--seconds N] [SCRIPT]: the script's lab applied (or the applied one),
/// every bridge and the host's eth0 recorded at once while the script's traffic is replayed.
int captureLab(const RealCommandOptions& options) {
    if (options.captureArgs.size() > 1 || !options.out.empty()) {
        std::cerr << "docknet real capture --out: give at most one SCRIPT (and no -w)\n";
        return 2;
    }
    docknet::real::RecordRequest request;
    request.outPath = options.pcapngOut;
    request.seconds = options.seconds;
    RealBackend backend(backendOptions(false));
    sim::plan::ScriptTraffic traffic;
    std::unique_ptr<sim::cli::DockerHost> host;
    if (options.captureArgs.empty()) {
        if (options.seconds <= 0) {
            std::cerr << "docknet real capture --out without a SCRIPT records the applied lab for --seconds N: give N\n";
            return 2;
        }
        auto bridges = backend.recordedBridges();
        if (!bridges) {
            std::cerr << "docknet real capture: " << bridges.error().message << "\n";
            return 1;
        }
        if (bridges->empty()) {
            std::cerr << "docknet real capture: no lab applied (or it has no bridge): give a SCRIPT or run docknet real apply\n";
            return 1;
        }
        request.interfaces = std::move(*bridges);
    } else {
        RealCommandOptions scriptOptions = options;
        scriptOptions.script = options.captureArgs[0];
        int status = 0;
        std::vector<std::pair<int, std::string>> commands;
        host = simulate(scriptOptions, status, &commands);
        if (!host) return status;
        const auto plan = sim::plan::derivePlan(*host);
        if (!applyPlan(backend, plan)) return 1;
        for (const auto& b : plan.bridges) request.interfaces.push_back({b.ns, b.name});
        // The host's eth0 stand-in: the frames to and from the "Internet" (docknet-router).
        for (const auto& v : plan.veths) {
            if (v.ns == sim::plan::kernelNamespaceName("host") && v.name == "eth0") request.interfaces.push_back({v.ns, v.name});
            if (v.peerNs == sim::plan::kernelNamespaceName("host") && v.peerName == "eth0") request.interfaces.push_back({v.peerNs, v.peerName});
        }
        traffic = sim::plan::deriveScriptTraffic(*host, plan, commands);
        for (const auto& s : traffic.skipped)
            std::cout << "line " << s.line << ": not replayed: " << s.command << " (" << s.reason << ")\n";
    }
    std::cout << "capturing on";
    for (const auto& i : request.interfaces) std::cout << " " << i.ns << "/" << i.iface;
    std::cout << " into " << request.outPath << "\n" << std::flush;
    auto packets = backend.record(request, [&] {
        for (const auto& line : sim::plan::replayInKernel(traffic, backend, options.pingTimeoutMs)) std::cout << line << "\n";
        std::cout << std::flush;
    });
    if (!packets) {
        std::cerr << "docknet real capture: " << packets.error().message << "\n";
        return 1;
    }
    std::size_t total = 0;
    for (std::size_t i = 0; i < packets->size(); ++i) {
        std::cout << "  " << request.interfaces[i].ns << "/" << request.interfaces[i].iface << ": " << (*packets)[i] << " frame(s)\n";
        total += (*packets)[i];
    }
    std::cout << total << " frame(s) written to " << request.outPath << " (pcapng, one interface per bridge)\n";
    if (host)
        std::cout << "the lab stays applied (its listeners and DNS ended with this command); remove it with `docknet real down`\n";
    return 0;
}

}  // namespace

int realCapture(const RealCommandOptions& options) {
    if (!privileged()) return 2;
    return options.pcapngOut.empty() ? captureOne(options) : captureLab(options);
}

}  // namespace docknet::cli
