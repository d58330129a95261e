// TCP probes through published ports: derived from the host's nat rules (what the kernel will
// enforce), and run in the sim the way `curl` from the LAN would connect.
#include <memory>
#include <optional>

#include "sim/cli/docker_host.hpp"
#include "sim/net/kernel.hpp"
#include "sim/net/transport_layer.hpp"
#include "sim/net/xt_table.hpp"
#include "sim/plan/plan.hpp"

namespace sim::plan {

namespace {

std::optional<wire::Ipv4Address> hostUplinkAddress(const net::Kernel& k, core::NamespaceId hostNs) {
    for (const core::InterfaceId id : k.interfacesOf(hostNs)) {
        const auto* i = k.interface(id);
        if (i && i->name == "eth0" && !i->addresses.empty()) return i->addresses.front().address();
    }
    return std::nullopt;
}

}  // namespace

std::vector<TcpProbe> deriveTcpProbes(const cli::DockerHost& host) {
    std::vector<TcpProbe> out;
    const auto& k = host.kernel();
    const core::NamespaceId hostNs = k.findNamespace("host");
    const auto* ns = k.ns(hostNs);
    if (!ns) return out;
    const auto uplink = hostUplinkAddress(k, hostNs);
    if (!uplink) return out;
    for (const auto& chain : ns->nat().chains()) {
        for (const auto& rule : chain.rules) {
            const auto* dnat = std::get_if<net::target::Dnat>(&rule.target);
            const auto& m = rule.match;
            if (!dnat || m.protocol != wire::IpProtocol::Tcp || !m.dport) continue;
            if (m.dst && (m.dst->negate || !m.dst->prefix.network().contains(*uplink))) continue;
            out.push_back({kernelNamespaceName("gateway"), uplink->toString(), *m.dport,
                           dnat->address.toString() + ":" + std::to_string(dnat->port.value_or(*m.dport))});
        }
    }
    return out;
}

std::string simConnect(cli::DockerHost& host, const TcpProbe& probe) {
    auto& k = host.kernel();
    core::NamespaceId from;
    for (const core::NamespaceId id : k.namespaces())
        if (kernelNamespaceName(k.ns(id)->name()) == probe.fromNs) from = id;
    const auto dst = wire::Ipv4Address::parse(probe.dst);
    if (!from.isValid() || !dst) return "unreachable";
    auto result = std::make_shared<std::optional<net::ConnectResult>>();
    if (!k.transport().connect(from, *dst, probe.port, [result](const net::ConnectResult& r) { *result = r; }))
        return "unreachable";
    auto& sched = k.scheduler();
    const core::SimTime deadline = sched.now() + core::seconds(1);
    while (!result->has_value() && sched.hasPending() && sched.nextEventTime() <= deadline) sched.step();
    if (!*result) {
        // The client gives up after a second; that second passes in the sim too.
        if (sched.now() < deadline) sched.runUntil(deadline);
        return "timed out";
    }
    switch ((*result)->outcome) {
        case net::ConnectOutcome::Connected: return "connected";
        case net::ConnectOutcome::Refused: return "refused";
        case net::ConnectOutcome::TimedOut: return "timed out";
        default: return "unreachable";
    }
}

}  // namespace sim::plan
