// verify's replay of the script's own pings in both worlds (SCRIPT rows), and the counters they
// moved (COUNTERS rows "(the script's pings)"): the difference of every rule's packet count
// across the replay, so what the probes before it counted (TCP, whose packets the sim does not
// all model) cancels out. Pings only: an echo request and its reply are the same packets in
// both worlds; the script's curls and nc's are TCP, its lookups stay on a container's lo.
#include <map>
#include <set>
#include <tuple>

#include "sim/cli/docker_host.hpp"
#include "sim/plan/comparison.hpp"

namespace sim::plan {

namespace {

using Key = std::tuple<std::string, std::string, std::size_t>;

std::map<Key, std::uint64_t> byRule(const std::vector<CounterObservation>& all) {
    std::map<Key, std::uint64_t> out;
    for (const auto& o : all) out[{o.ns, o.chain, o.rule}] = o.packets;
    return out;
}

std::vector<CounterObservation> delta(const std::map<Key, std::uint64_t>& before, const std::map<Key, std::uint64_t>& after) {
    std::vector<CounterObservation> out;
    for (const auto& [k, v] : after) {
        const auto b = before.find(k);
        const std::uint64_t was = b == before.end() ? 0 : b->second;
        out.push_back({std::get<0>(k), std::get<1>(k), std::get<2>(k), v >= was ? v - was : 0});
    }
    return out;
}

}  // namespace

void compareScriptPings(Comparison& c, cli::DockerHost& host, const KernelPlan& plan, KernelBackend& kernel,
                        const ScriptTraffic& traffic, int timeoutMs) {
    std::vector<const TrafficStep*> pings;
    for (const auto& s : traffic.steps)
        if (s.kind == TrafficStep::Kind::Ping) pings.push_back(&s);
    if (pings.empty()) return;
    const auto simBefore = byRule(simCounters(host));
    const std::string when = " (the script's pings)";
    const auto kernelBefore = byRule(kernelCounters(c, plan, kernel, when));
    for (const TrafficStep* s : pings) {
        const PingProbe probe{s->fromNs, s->fromLabel, s->dst, s->dst, ""};
        int simReplies = 0, kernelReplies = 0;
        std::string error;
        for (int i = 0; i < s->count; ++i) {
            simReplies += simPing(host, probe) ? 1 : 0;
            auto real = kernel.ping(s->fromNs, s->dst, timeoutMs);
            if (!real) error = real.error().message;
            else kernelReplies += *real ? 1 : 0;
        }
        const std::string of = "/" + std::to_string(s->count) + " replies";
        c.rows.push_back({"SCRIPT", "line " + std::to_string(s->line) + ": " + s->fromLabel + " ping " + s->dst +
                                        (s->count > 1 ? " (" + std::to_string(s->count) + " times)" : ""),
                          std::to_string(simReplies) + of, error.empty() ? std::to_string(kernelReplies) + of : "error: " + error});
    }
    const std::size_t first = c.rows.size();
    counterRows(c, plan, delta(simBefore, byRule(simCounters(host))), delta(kernelBefore, byRule(kernelCounters(c, plan, kernel, when))), "");
    for (std::size_t i = first; i < c.rows.size(); ++i) {
        std::string& what = c.rows[i].what;  // "ns chain #N (the script's pings): rule"
        const auto colon = what.find(": ");
        what.insert(colon == std::string::npos ? what.size() : colon, when);
    }
}

}  // namespace sim::plan
