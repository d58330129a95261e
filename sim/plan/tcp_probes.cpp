// TCP probes through published ports: derived from the host's nat rules (what the kernel will
// enforce), and run in the sim the way `curl` from the LAN would connect.
#include <map>
#include <memory>
#include <set>
#include <optional>

#include "sim/cli/docker_host.hpp"
#include "sim/docker/container.hpp"
#include "sim/docker/docker_engine.hpp"
#include "sim/net/net_namespace.hpp"
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

std::vector<ContainerConnect> deriveContainerConnects(const cli::DockerHost& host) {
    std::vector<ContainerConnect> out;
    const auto& k = host.kernel();
    for (const auto& p : derivePings(host)) {
        const auto* target = host.engine().findContainer(p.toLabel);
        const auto* ns = target ? k.ns(target->sandbox) : nullptr;
        if (!ns) continue;
        std::map<std::uint16_t, std::string> listens;  // port -> owner
        for (const auto& s : ns->sockets().sockets())
            if (s.transport == net::Transport::Tcp && s.family != net::SocketFamily::Inet6Only &&
                (s.address.isAny() || s.address.toString() == p.dst))
                listens.emplace(s.port, s.owner);
        if (listens.empty()) continue;
        for (const auto& [port, owner] : listens)
            out.push_back({{p.fromNs, p.dst, port, p.toLabel}, p.fromLabel + " -> " + p.toLabel + " " + p.dst + ":" +
                                                                    std::to_string(port) + " (" + owner + ")"});
        std::uint16_t closed = static_cast<std::uint16_t>(listens.begin()->first + 1);
        while (listens.contains(closed)) ++closed;
        out.push_back({{p.fromNs, p.dst, closed, p.toLabel},
                       p.fromLabel + " -> " + p.toLabel + " " + p.dst + ":" + std::to_string(closed) + " (nothing listens)"});
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
