// deriveResolvers / deriveNameProbes: the sim's embedded DNS written down as plain data, so the
// real responder answers each container exactly as EmbeddedDns does (without forwarding), and
// verify knows which names to ask and what the sim says.
#include <algorithm>
#include <cctype>
#include <set>

#include "sim/cli/docker_host.hpp"
#include "sim/docker/container.hpp"
#include "sim/docker/docker_engine.hpp"
#include "sim/docker/embedded_dns.hpp"
#include "sim/docker/endpoint.hpp"
#include "sim/docker/network.hpp"
#include "sim/net/kernel.hpp"
#include "sim/plan/plan.hpp"
#include "sim/wire/dns_message.hpp"

namespace sim::plan {

namespace {

std::string lower(std::string s) {
    for (auto& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return s;
}

/// Every name the asker might resolve: each endpoint's DNS names on the asker's user-defined
/// networks (also as NAME.NETWORK) and the asker's own --link aliases. resolve() decides.
std::set<std::string> candidateNames(const docker::DockerEngine& engine, const docker::Container& asker) {
    std::set<std::string> names;
    for (const auto& netId : asker.networks) {
        const auto epIt = asker.endpoints.find(netId);
        const docker::Network* n = engine.findNetwork(netId);
        if (epIt == asker.endpoints.end() || !n || n->isDefaultBridge || n->driver != docker::DriverKind::Bridge) continue;
        if (const docker::Endpoint* own = engine.endpoint(epIt->second))
            for (const auto& link : own->linkAliases) names.insert(lower(link.substr(link.find(':') + 1)));
        for (const auto& epId : n->endpointIds) {
            const docker::Endpoint* ep = engine.endpoint(epId);
            if (!ep) continue;
            for (const auto& dnsName : ep->dnsNames) {
                names.insert(lower(dnsName));
                names.insert(lower(dnsName) + "." + lower(n->name));
            }
        }
    }
    return names;
}

/// The addresses of the asker's user-defined networks (candidates for a PTR answer).
std::set<wire::Ipv4Address> candidateAddresses(const docker::DockerEngine& engine, const docker::Container& asker) {
    std::set<wire::Ipv4Address> out;
    for (const auto& netId : asker.networks) {
        const docker::Network* n = engine.findNetwork(netId);
        if (!n || n->isDefaultBridge || n->driver != docker::DriverKind::Bridge) continue;
        for (const auto& epId : n->endpointIds)
            if (const docker::Endpoint* ep = engine.endpoint(epId)) out.insert(ep->address.address());
    }
    return out;
}

}  // namespace

std::vector<PlanResolver> deriveResolvers(const cli::DockerHost& host) {
    std::vector<PlanResolver> out;
    const auto& engine = host.engine();
    const auto& dns = engine.embeddedDns();
    const auto& k = host.kernel();
    std::set<std::string> done;  // one responder per namespace
    for (const auto* c : engine.containers()) {
        if (!c->isRunning() || !dns.isServing(*c) || c->config.network.isContainer() || !k.ns(c->sandbox)) continue;
        PlanResolver r;
        r.ns = kernelNamespaceName(k.ns(c->sandbox)->name());
        if (!done.insert(r.ns).second) continue;
        r.container = c->name;
        for (const auto& name : candidateNames(engine, *c))
            if (auto a = dns.resolve(*c, name)) r.addresses[name] = a->v4.toString();
        for (const auto& a : candidateAddresses(engine, *c))
            if (auto target = dns.reverse(*c, a)) r.pointers[a.toString()] = *target;
        out.push_back(std::move(r));
    }
    return out;
}

std::vector<NameProbe> deriveNameProbes(const cli::DockerHost& host) {
    std::vector<NameProbe> out;
    const auto& engine = host.engine();
    for (const auto& r : deriveResolvers(host)) {
        for (const auto& [name, address] : r.addresses) out.push_back({r.ns, r.container, name, false, address});
        // Names it must not resolve: containers it shares no user-defined network with.
        for (const auto* other : engine.containers()) {
            const std::string name = lower(other->name);
            if (!name.empty() && !r.addresses.contains(name)) out.push_back({r.ns, r.container, name, false, "NXDOMAIN"});
        }
        for (const auto& [address, target] : r.pointers)
            out.push_back({r.ns, r.container, wire::reverseName(*wire::Ipv4Address::parse(address)), true, target});
    }
    return out;
}

}  // namespace sim::plan
