// The sim's iptables counters as verify compares them with the lab's nft counters: every rule of
// the nat and filter tables, keyed by its nft chain and place (renderRuleset writes the rules in
// the chains' order, so the n-th rule of a chain is the same rule in both worlds).
#include "sim/cli/docker_host.hpp"
#include "sim/net/kernel.hpp"
#include "sim/net/xt_table.hpp"
#include "sim/plan/comparison.hpp"

namespace sim::plan {

std::vector<CounterObservation> simCounters(const cli::DockerHost& host) {
    std::vector<CounterObservation> out;
    const auto& k = host.kernel();
    for (const core::NamespaceId id : k.namespaces()) {
        const auto* ns = k.ns(id);
        const std::string name = kernelNamespaceName(ns->name());
        for (const net::XtTable* t : {&ns->nat(), &ns->filter()})
            for (const auto& c : t->chains())
                for (std::size_t i = 0; i < c.rules.size(); ++i)
                    out.push_back({name, nftChainName(t->kind() == net::XtTableKind::Nat, c.name), i + 1, c.rules[i].counters.packets});
    }
    return out;
}

void forgetCounters(cli::DockerHost& host) {
    auto& k = host.kernel();
    for (const core::NamespaceId id : k.namespaces()) {
        auto* ns = k.ns(id);
        (void)ns->nat().zero();
        (void)ns->filter().zero();
    }
}

namespace {

/// "(ns, chain) -> the rules' text" from the plan's nft scripts, "counter" left out, for the rows.
std::map<std::pair<std::string, std::string>, std::vector<std::string>> ruleTexts(const KernelPlan& plan) {
    std::map<std::pair<std::string, std::string>, std::vector<std::string>> out;
    for (const auto& r : plan.rulesets) {
        const std::string lead = "add rule ip " + r.table + " ";
        std::size_t at = 0;
        while (at < r.text.size()) {
            std::size_t end = r.text.find('\n', at);
            if (end == std::string::npos) end = r.text.size();
            const std::string line = r.text.substr(at, end - at);
            at = end + 1;
            if (!line.starts_with(lead)) continue;
            const std::size_t space = line.find(' ', lead.size());
            if (space == std::string::npos) continue;
            std::string text = line.substr(space + 1);
            if (const auto c = text.find("counter "); c != std::string::npos) text.erase(c, 8);
            out[{r.ns, line.substr(lead.size(), space - lead.size())}].push_back(std::move(text));
        }
    }
    return out;
}

}  // namespace

void counterRows(Comparison& c, const KernelPlan& plan, const std::vector<CounterObservation>& sim,
                 const std::vector<CounterObservation>& kernel, const std::string& chainPrefix) {
    using Key = std::tuple<std::string, std::string, std::size_t>;
    std::map<Key, std::uint64_t> simPackets, kernelPackets;
    std::set<std::string> withRules;
    for (const auto& r : plan.rulesets) withRules.insert(r.ns);
    for (const auto& o : sim)
        if (withRules.contains(o.ns) && o.chain.starts_with(chainPrefix)) simPackets[{o.ns, o.chain, o.rule}] = o.packets;
    for (const auto& o : kernel)
        if (withRules.contains(o.ns) && o.chain.starts_with(chainPrefix)) kernelPackets[{o.ns, o.chain, o.rule}] = o.packets;
    const auto texts = ruleTexts(plan);
    std::set<Key> keys;
    for (const auto& [k, _] : simPackets) keys.insert(k);
    for (const auto& [k, _] : kernelPackets) keys.insert(k);
    auto packets = [](const std::map<Key, std::uint64_t>& m, const Key& k) {
        const auto it = m.find(k);
        if (it == m.end()) return std::string("-");
        return std::to_string(it->second) + (it->second == 1 ? " packet" : " packets");
    };
    for (const auto& k : keys) {
        const auto& [ns, chain, rule] = k;
        std::string what = ns + " " + chain + " #" + std::to_string(rule);
        if (const auto t = texts.find({ns, chain}); t != texts.end() && rule <= t->second.size()) what += ": " + t->second[rule - 1];
        c.rows.push_back({"COUNTERS", what, packets(simPackets, k), packets(kernelPackets, k)});
    }
}

std::vector<CounterObservation> kernelCounters(Comparison& c, const KernelPlan& plan, KernelBackend& kernel, const std::string& when) {
    std::vector<CounterObservation> out;
    std::set<std::string> withRules;
    for (const auto& r : plan.rulesets) withRules.insert(r.ns);
    for (const auto& ns : withRules) {
        auto got = kernel.counters(ns);
        if (!got) {
            c.errors.push_back("counters of " + ns + when + ": " + got.error().message);
            continue;
        }
        out.insert(out.end(), got->begin(), got->end());
    }
    return out;
}

void compareCounters(Comparison& c, const KernelPlan& plan, const std::vector<CounterObservation>& sim,
                     KernelBackend& kernel, const std::string& chainPrefix) {
    counterRows(c, plan, sim, kernelCounters(c, plan, kernel, ""), chainPrefix);
}

}  // namespace sim::plan
