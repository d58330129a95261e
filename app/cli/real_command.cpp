#include "real_command.hpp"

#include <cstdlib>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <iterator>
#include <map>
#include <memory>
#include <set>
#include <sstream>

#include "real/real_backend.hpp"
#include "sim/cli/docker_host.hpp"
#include "sim/plan/plan.hpp"
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

bool privileged() {
    if (auto ok = RealBackend::checkPrivileges(); !ok) {
        std::cerr << "docknet real: " << ok.error().message << "\n";
        return false;
    }
    return true;
}

/// The sim's Docker host after the script; null (and the exit status in `status`) if the
/// script cannot be read or parsed.
std::unique_ptr<sim::cli::DockerHost> simulate(const RealCommandOptions& options, int& status) {
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
    if (auto t = runner.run(text); !t) {
        std::cerr << "docknet: " << options.script << ": " << t.error().message << "\n";
        status = 2;
        return nullptr;
    }
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

struct Verdicts {
    std::vector<std::string> differences;
    void row(std::ostream& out, const std::string& what, const std::string& sim, const std::string& kernel) {
        const bool same = sim == kernel;
        out << "  " << pad(what, 58) << pad(sim, 26) << pad(kernel, 26) << (same ? "ok" : "DIFFERENT") << "\n";
        if (!same) differences.push_back(what + ": sim " + sim + ", kernel " + kernel);
    }
};

std::string neighbourText(const sim::plan::NeighborObservation* n) {
    if (!n) return "-";
    return (n->mac.empty() ? std::string("(no mac)") : n->mac) + (n->valid ? " valid" : " failed");
}

}  // namespace

int realApply(const RealCommandOptions& options) {
    if (!privileged()) return 1;
    int status = 0;
    auto host = simulate(options, status);
    if (!host) return status;
    const auto plan = sim::plan::derivePlan(*host);
    RealBackend backend(backendOptions(true));
    if (!applyPlan(backend, plan)) return 1;
    std::cout << "applied " << plan.namespaces.size() << " namespaces (ledger: " << backend.ledger().path() << ")\n"
              << "try: ip netns exec " << (plan.namespaces.size() > 2 ? plan.namespaces[2].name : std::string("docknet-host"))
              << " ip neigh;  remove it all with: docknet real down\n";
    return 0;
}

int realStatus(const RealCommandOptions&) {
    if (!privileged()) return 1;
    RealBackend backend(backendOptions(false));
    auto s = backend.status();
    if (!s) {
        std::cerr << "docknet real: " << s.error().message << "\n";
        return 1;
    }
    if (!s->applied) {
        std::cout << "no lab applied (ledger " << backend.ledger().path() << " is empty)\n";
        return 0;
    }
    const std::set<std::string> present(s->present.begin(), s->present.end());
    std::cout << "ledger " << backend.ledger().path() << ": " << s->ledger.size() << " entries, " << s->present.size()
              << " present\n";
    for (const auto& e : s->ledger) std::cout << "  " << pad(e, 70) << (present.contains(e) ? "present" : "absent") << "\n";
    return 0;
}

int realDown(const RealCommandOptions&) {
    if (!privileged()) return 1;
    RealBackend backend(backendOptions(false));
    auto s = backend.status();
    if (!s) {
        std::cerr << "docknet real: " << s.error().message << "\n";
        return 1;
    }
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
    if (!privileged()) return 1;
    int status = 0;
    auto host = simulate(options, status);
    if (!host) return status;
    const auto plan = sim::plan::derivePlan(*host);
    RealBackend backend(backendOptions(false));
    if (!applyPlan(backend, plan)) return 1;
    std::cout << "applied " << plan.namespaces.size() << " namespaces, " << plan.veths.size() << " veth pairs, "
              << plan.bridges.size() << " bridges\n";

    // Only addresses of the lab are ever pinged: nothing leaves docknet's namespaces.
    std::set<std::string> labAddresses;
    for (const auto& a : plan.addresses) labAddresses.insert(a.prefix.substr(0, a.prefix.find('/')));

    // The kernel saw none of the script's traffic: start the sim from the same clean tables.
    sim::plan::forgetLearned(*host);
    Verdicts v;
    std::cout << "\n  " << pad("PING", 58) << pad("sim", 26) << pad("kernel", 26) << "\n";
    for (const auto& probe : sim::plan::derivePings(*host)) {
        const std::string what = probe.fromLabel + " -> " + probe.toLabel + " " + probe.dst + " (" + probe.network + ")";
        if (!labAddresses.contains(probe.dst) || !plan.findNamespace(probe.fromNs)) {
            v.row(std::cout, what, "reply", "not pinged: outside the lab");
            continue;
        }
        const bool simReply = sim::plan::simPing(*host, probe);
        auto real = backend.ping(probe.fromNs, probe.dst, options.pingTimeoutMs);
        v.row(std::cout, what, simReply ? "reply" : "no reply", !real ? "error: " + real.error().message : *real ? "reply" : "no reply");
    }

    std::cout << "\n  " << pad("TCP CONNECT (from the LAN, through a published port)", 58) << pad("sim", 26) << pad("kernel", 26)
              << "\n";
    for (const auto& probe : sim::plan::deriveTcpProbes(*host)) {
        const std::string what = "router -> " + probe.dst + ":" + std::to_string(probe.port) + " (to " + probe.target + ")";
        if (!labAddresses.contains(probe.dst) || !plan.findNamespace(probe.fromNs)) {
            v.row(std::cout, what, "-", "not tried: outside the lab");
            continue;
        }
        const std::string simOutcome = sim::plan::simConnect(*host, probe);
        auto real = backend.connect(probe.fromNs, probe.dst, probe.port, options.pingTimeoutMs);
        v.row(std::cout, what, simOutcome, real ? *real : "error: " + real.error().message);
    }

    using NeighKey = std::tuple<std::string, std::string, std::string>;
    std::map<NeighKey, sim::plan::NeighborObservation> simN, realN;
    for (const auto& n : sim::plan::simNeighbors(*host)) simN[{n.ns, n.dev, n.ip}] = n;
    std::set<std::tuple<std::string, std::string, std::string, std::string>> simF, realF;
    for (const auto& f : sim::plan::simFdb(*host)) simF.insert({f.ns, f.bridge, f.port, f.mac});
    for (const auto& ns : plan.namespaces) {
        if (auto n = backend.neighbors(ns.name)) {
            for (const auto& e : *n) realN[{e.ns, e.dev, e.ip}] = e;
        } else {
            v.differences.push_back("neighbours of " + ns.name + ": " + n.error().message);
        }
        if (auto f = backend.fdb(ns.name)) {
            for (const auto& e : *f) realF.insert({e.ns, e.bridge, e.port, e.mac});
        } else {
            v.differences.push_back("fdb of " + ns.name + ": " + f.error().message);
        }
    }

    std::cout << "\n  " << pad("NEIGHBOUR (namespace dev ip)", 58) << pad("sim", 26) << pad("kernel", 26) << "\n";
    std::set<NeighKey> keys;
    for (const auto& [k, _] : simN) keys.insert(k);
    for (const auto& [k, _] : realN) keys.insert(k);
    for (const auto& k : keys) {
        const auto s = simN.find(k);
        const auto r = realN.find(k);
        v.row(std::cout, std::get<0>(k) + " " + std::get<1>(k) + " " + std::get<2>(k), neighbourText(s == simN.end() ? nullptr : &s->second),
              neighbourText(r == realN.end() ? nullptr : &r->second));
    }

    std::cout << "\n  " << pad("FDB (namespace bridge port mac)", 58) << pad("sim", 26) << pad("kernel", 26) << "\n";
    std::set<std::tuple<std::string, std::string, std::string, std::string>> fdbKeys = simF;
    fdbKeys.insert(realF.begin(), realF.end());
    for (const auto& k : fdbKeys) {
        const std::string what = std::get<0>(k) + " " + std::get<1>(k) + " " + std::get<2>(k) + " " + std::get<3>(k);
        v.row(std::cout, what, simF.contains(k) ? "learned" : "-", realF.contains(k) ? "learned" : "-");
    }

    std::cout << "\n";
    if (options.downAfter) {
        if (auto d = backend.down(); !d) v.differences.push_back("down: " + d.error().message);
        else std::cout << "removed the lab\n";
    } else {
        std::cout << "the lab stays applied: poke at it with `ip netns exec docknet-<container> ...`, remove it with "
                     "`docknet real down`\n";
    }
    if (v.differences.empty()) {
        std::cout << "sim and kernel agree\n";
        return 0;
    }
    std::cout << v.differences.size() << " difference(s):\n";
    for (const auto& d : v.differences) std::cout << "  " << d << "\n";
    return 1;
}

}  // namespace docknet::cli
