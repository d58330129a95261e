#include "sim/plan/comparison.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <sstream>
#include <tuple>

#include "sim/cli/docker_host.hpp"
#include "sim/net/kernel.hpp"

namespace sim::plan {

namespace {

std::string neighbourText(const NeighborObservation& n) {
    return (n.mac.empty() ? std::string("(no mac)") : n.mac) + (n.valid ? " valid" : " failed");
}

std::string linkText(const LinkObservation& l) {
    return l.mac + (l.up ? " up" : " down") + (l.master.empty() ? "" : " @" + l.master);
}

std::string pad(const std::string& s, std::size_t w) { return s.size() >= w ? s + " " : s + std::string(w - s.size(), ' '); }

/// Rows for two keyed maps: every key of either side, "-" where one side lacks it.
template <class Key>
void compareMaps(Comparison& c, const std::string& section, const std::map<Key, std::string>& sim,
                 const std::map<Key, std::string>& kernel, std::string (*name)(const Key&)) {
    std::set<Key> keys;
    for (const auto& [k, _] : sim) keys.insert(k);
    for (const auto& [k, _] : kernel) keys.insert(k);
    for (const auto& k : keys) {
        const auto s = sim.find(k);
        const auto r = kernel.find(k);
        c.rows.push_back({section, name(k), s == sim.end() ? "-" : s->second, r == kernel.end() ? "-" : r->second});
    }
}

using Key3 = std::tuple<std::string, std::string, std::string>;
using Key4 = std::tuple<std::string, std::string, std::string, std::string>;
std::string name3(const Key3& k) { return std::get<0>(k) + " " + std::get<1>(k) + " " + std::get<2>(k); }
std::string name2(const Key3& k) { return std::get<0>(k) + " " + std::get<1>(k); }
std::string name4(const Key4& k) {
    return std::get<0>(k) + " " + std::get<1>(k) + " " + std::get<2>(k) + " " + std::get<3>(k);
}

}  // namespace

std::vector<LinkObservation> simLinks(const cli::DockerHost& host) {
    std::vector<LinkObservation> out;
    const auto& k = host.kernel();
    for (const core::NamespaceId id : k.namespaces()) {
        for (const core::InterfaceId ifId : k.interfacesOf(id)) {
            const auto* i = k.interface(ifId);
            if (!i || i->isLoopback()) continue;
            const auto* master = i->master.isValid() ? k.interface(i->master) : nullptr;
            out.push_back({kernelNamespaceName(k.ns(id)->name()), i->name, i->mac.toString(), master ? master->name : "", i->adminUp});
        }
    }
    return out;
}

namespace {

/// The neighbour entries one batch of pings made, read in both worlds, then forgotten in both.
/// Keyed (batch number, its label, namespace, dev, ip), so an entry made again in a later batch
/// is a row of its own, and the rows come in the batches' order.
using BatchKey = std::tuple<std::size_t, std::string, std::string, std::string, std::string>;
struct BatchNeighbours {
    std::map<BatchKey, std::string> sim, kernel;
};

void settleBatch(cli::DockerHost& host, KernelBackend& kernel, const std::set<std::string>& touched, std::size_t batch,
                 const std::string& label, BatchNeighbours& seen, Comparison& c) {
    for (const auto& n : simNeighbors(host))
        if (touched.contains(n.ns)) seen.sim[{batch, label, n.ns, n.dev, n.ip}] = neighbourText(n);
    for (const auto& ns : touched) {
        if (auto n = kernel.neighbors(ns)) {
            for (const auto& e : *n) seen.kernel[{batch, label, e.ns, e.dev, e.ip}] = neighbourText(e);
        } else {
            c.errors.push_back("neighbours of " + ns + " (" + label + "): " + n.error().message);
        }
        if (auto f = kernel.forgetNeighbours(ns); !f)
            c.errors.push_back("forgetting the neighbours of " + ns + " (" + label + "): " + f.error().message);
    }
    forgetNeighbours(host, touched);
}

std::string batchName(const BatchKey& k) {
    return std::get<2>(k) + " " + std::get<3>(k) + " " + std::get<4>(k) + " (" + std::get<1>(k) + ")";
}

}  // namespace

Comparison compareWithKernel(cli::DockerHost& host, const KernelPlan& plan, KernelBackend& kernel, int timeoutMs,
                             std::size_t neighbourBudget, const ScriptTraffic* script) {
    Comparison c;
    // Only addresses of the lab are ever probed: nothing leaves docknet's namespaces.
    std::set<std::string> labAddresses;
    std::map<std::string, std::string> namespaceOf;  // address -> the lab namespace that has it
    for (const auto& a : plan.addresses) {
        const std::string ip = a.prefix.substr(0, a.prefix.find('/'));
        labAddresses.insert(ip);
        namespaceOf.emplace(ip, a.ns);
    }
    auto inLab = [&](const std::string& ns, const std::string& dst) { return plan.findNamespace(ns) && labAddresses.contains(dst); };

    forgetLearned(host);
    forgetCounters(host);
    // A ping makes at most two neighbour entries (the sender's for the target, the target's
    // for the sender, learned from the ARP request). The kernel's table is one for all
    // namespaces, capped by gc_thresh3 (1024) and writable only in the machine's namespace, so
    // when the pings would make more than the budget, they run in batches: after each one both
    // worlds' entries of the namespaces it touched are compared, then forgotten in both, so the
    // next batch starts alike everywhere and the kernel never nears its cap.
    const auto pings = derivePings(host);
    const std::size_t perBatch = std::max<std::size_t>(1, neighbourBudget / 2);
    const bool batched = pings.size() > perBatch;
    c.pingBatches = batched ? (pings.size() + perBatch - 1) / perBatch : 1;
    c.pingsPerBatch = batched ? perBatch : pings.size();
    BatchNeighbours seen;
    std::set<std::string> touched;
    for (std::size_t i = 0; i < pings.size(); ++i) {
        const auto& p = pings[i];
        const std::string what = p.fromLabel + " -> " + p.toLabel + " " + p.dst + " (" + p.network + ")";
        if (!inLab(p.fromNs, p.dst)) {
            c.rows.push_back({"PING", what, "-", "not pinged: outside the lab"});
        } else {
            const bool simReply = simPing(host, p);
            auto real = kernel.ping(p.fromNs, p.dst, timeoutMs);
            c.rows.push_back({"PING", what, simReply ? "reply" : "no reply",
                              !real ? "error: " + real.error().message : *real ? "reply" : "no reply"});
            touched.insert(p.fromNs);
            touched.insert(namespaceOf.at(p.dst));
        }
        const bool batchEnds = (i + 1) % perBatch == 0 || i + 1 == pings.size();
        if (batched && batchEnds) {
            const std::size_t first = i / perBatch * perBatch + 1;
            settleBatch(host, kernel, touched, i / perBatch, "after pings " + std::to_string(first) + "-" + std::to_string(i + 1), seen, c);
            touched.clear();
        }
    }
    // Each ping is one echo request and one reply in both worlds, so the filter table's packet
    // counts mean the same there; read before the TCP probes, whose packets the sim does not
    // all model (no FIN, no retransmitted SYN).
    compareCounters(c, plan, simCounters(host), kernel, "filter_");
    for (const auto& t : deriveTcpProbes(host)) {
        const std::string what = "router -> " + t.dst + ":" + std::to_string(t.port) + " (to " + t.target + ")";
        if (!inLab(t.fromNs, t.dst)) {
            c.rows.push_back({"TCP", what, "-", "not tried: outside the lab"});
            continue;
        }
        const std::string simOutcome = simConnect(host, t);
        auto real = kernel.connect(t.fromNs, t.dst, t.port, timeoutMs);
        c.rows.push_back({"TCP", what, simOutcome, real ? *real : "error: " + real.error().message});
    }

    for (const auto& cc : deriveContainerConnects(host)) {
        if (!inLab(cc.probe.fromNs, cc.probe.dst)) {
            c.rows.push_back({"CONNECT", cc.what, "-", "not tried: outside the lab"});
            continue;
        }
        const std::string simOutcome = simConnect(host, cc.probe);
        auto real = kernel.connect(cc.probe.fromNs, cc.probe.dst, cc.probe.port, timeoutMs);
        c.rows.push_back({"CONNECT", cc.what, simOutcome, real ? *real : "error: " + real.error().message});
    }

    for (const auto& b : plan.binds) {
        const std::string what = b.container + " (" + b.owner + ") " + b.ns + " " + b.address + ":" + std::to_string(b.port) +
                                 (b.holder.empty() ? "" : ", held by " + b.holder + " in the sim");
        if (!plan.findNamespace(b.ns)) {
            c.rows.push_back({"BIND", what, b.simOutcome, "not tried: outside the lab"});
            continue;
        }
        auto real = kernel.bindOutcome(b.ns, b.address, b.port, b.owner);
        c.rows.push_back({"BIND", what, b.simOutcome, real ? *real : "error: " + real.error().message});
    }
    for (const auto& q : deriveNameProbes(host)) {
        const std::string what = q.fromLabel + (q.pointer ? " PTR? " : " A? ") + q.name;
        if (!plan.findNamespace(q.fromNs)) {
            c.rows.push_back({"NAME", what, q.simAnswer, "not asked: outside the lab"});
            continue;
        }
        auto real = kernel.lookup(q.fromNs, q.name, q.pointer, timeoutMs);
        c.rows.push_back({"NAME", what, q.simAnswer, real ? *real : "error: " + real.error().message});
    }

    compareUdp(c, host, plan, kernel, timeoutMs);
    // The nat table sees only a connection's first packet, in both worlds: after every probe.
    compareCounters(c, plan, simCounters(host), kernel, "nat_");

    std::map<Key3, std::string> simL, realL, simN, realN;
    std::map<Key4, std::string> simF, realF;
    for (const auto& l : simLinks(host)) simL[{l.ns, l.name, ""}] = linkText(l);
    for (const auto& n : simNeighbors(host)) simN[{n.ns, n.dev, n.ip}] = neighbourText(n);
    for (const auto& f : simFdb(host)) simF[{f.ns, f.bridge, f.port, f.mac}] = "learned";
    for (const auto& ns : plan.namespaces) {
        if (auto l = kernel.links(ns.name)) {
            for (const auto& e : *l) realL[{e.ns, e.name, ""}] = linkText(e);
        } else {
            c.errors.push_back("links of " + ns.name + ": " + l.error().message);
        }
        if (auto n = kernel.neighbors(ns.name)) {
            for (const auto& e : *n) realN[{e.ns, e.dev, e.ip}] = neighbourText(e);
        } else {
            c.errors.push_back("neighbours of " + ns.name + ": " + n.error().message);
        }
        if (auto f = kernel.fdb(ns.name)) {
            for (const auto& e : *f) realF[{e.ns, e.bridge, e.port, e.mac}] = "learned";
        } else {
            c.errors.push_back("fdb of " + ns.name + ": " + f.error().message);
        }
    }
    std::map<Key3, std::string> simR, realR;
    auto addRoute = [](std::map<Key3, std::string>& to, const RouteObservation& r) {
        // Two routes to one destination (other metrics) are one row: both, in a fixed order.
        std::string& text = to[{r.ns, r.destination, ""}];
        const std::string one = (r.gateway.empty() ? "" : "via " + r.gateway + " ") + "dev " + r.dev;
        text = text.empty() ? one : std::min(text, one) + ", " + std::max(text, one);
    };
    for (const auto& r : simRoutes(host)) addRoute(simR, r);
    for (const auto& ns : plan.namespaces) {
        if (auto r = kernel.routes(ns.name)) {
            for (const auto& e : *r) addRoute(realR, e);
        } else {
            c.errors.push_back("routes of " + ns.name + ": " + r.error().message);
        }
    }
    compareMaps(c, "LINK", simL, realL, name2);
    compareMaps(c, "ROUTE", simR, realR, name2);
    compareMaps(c, "NEIGHBOUR", simN, realN, name3);
    compareMaps(c, "NEIGHBOUR", seen.sim, seen.kernel, batchName);
    compareMaps(c, "FDB", simF, realF, name4);
    // Last: the script's pings leave neighbour and FDB entries that were read before them.
    if (script) compareScriptPings(c, host, plan, kernel, *script, timeoutMs);
    return c;
}

std::vector<std::string> Comparison::differences() const {
    std::vector<std::string> out;
    for (const auto& r : rows)
        if (!r.agrees()) out.push_back(r.section + " " + r.what + ": sim " + r.sim + ", kernel " + r.kernel);
    out.insert(out.end(), errors.begin(), errors.end());
    return out;
}

std::string Comparison::render() const {
    static const std::map<std::string, std::string> titles = {
        {"PING", "PING"},
        {"TCP", "TCP CONNECT (from the LAN, through a published port)"},
        {"CONNECT", "CONNECT (container to container, TCP)"},
        {"BIND", "BIND (a service's listen: the sim's bind() and the kernel's)"},
        {"NAME", "NAME (asker, query to 127.0.0.11; no forwarding)"},
        {"UDP", "UDP (one datagram to a bound UDP socket)"},
        {"SCRIPT", "SCRIPT (the script's pings, replayed last)"},
        {"LINK", "LINK (namespace name)"},
        {"ROUTE", "ROUTE (namespace destination)"},
        {"NEIGHBOUR", "NEIGHBOUR (namespace dev ip)"},
        {"FDB", "FDB (namespace bridge port mac)"},
        {"COUNTERS", "COUNTERS (namespace chain #rule: packets)"}};
    std::ostringstream o;
    for (const char* section : {"PING", "TCP", "CONNECT", "BIND", "NAME", "UDP", "LINK", "ROUTE", "NEIGHBOUR", "FDB", "SCRIPT", "COUNTERS"}) {
        o << "\n  " << pad(titles.at(section), 58) << pad("sim", 30) << pad("kernel", 30) << "\n";
        for (const auto& r : rows)
            if (r.section == section)
                o << "  " << pad(r.what, 58) << pad(r.sim, 30) << pad(r.kernel, 30) << (r.agrees() ? "ok" : "DIFFERENT") << "\n";
    }
    return o.str();
}

}  // namespace sim::plan
