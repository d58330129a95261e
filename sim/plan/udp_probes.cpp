// verify's UDP rows. The sim has no UDP service of its own beyond DNS (`nc -u` is not modelled):
// its bound UDP sockets are docker-proxy's for a published UDP port (which receives and neither
// answers nor forwards) and the LAN's dnsmasq. For each: the socket's bind, a second bind of the
// port (what a host-mode service would get in docknet-host: EADDRINUSE), and one datagram (a DNS
// query, so dnsmasq answers it) sent to it in both worlds.
#include <memory>

#include "sim/cli/docker_host.hpp"
#include "sim/net/kernel.hpp"
#include "sim/net/socket_table.hpp"
#include "sim/net/transport_layer.hpp"
#include "sim/plan/comparison.hpp"
#include "sim/wire/dns_message.hpp"

namespace sim::plan {

namespace {

core::NamespaceId simNamespace(const cli::DockerHost& host, const std::string& kernelName) {
    const auto& k = host.kernel();
    for (const core::NamespaceId id : k.namespaces())
        if (kernelNamespaceName(k.ns(id)->name()) == kernelName) return id;
    return {};
}

/// The sim's bind(2) of udp 0.0.0.0:port in `ns`, closed again at once.
std::string simUdpBind(cli::DockerHost& host, const std::string& ns, std::uint16_t port) {
    const core::NamespaceId id = simNamespace(host, ns);
    if (!id.isValid()) return "-";
    auto& t = host.kernel().transport();
    auto s = t.bind(id, net::Transport::Udp, wire::Ipv4Address::any(), port, "verify");
    if (!s) return s.error().code == core::ErrorCode::AddressInUse ? "EADDRINUSE" : s.error().message;
    (void)t.close(id, *s);
    return "bound";
}

/// Datagrams the sim's UDP sockets on `port` have received, in every namespace.
std::uint64_t simReceived(const cli::DockerHost& host, std::uint16_t port) {
    std::uint64_t n = 0;
    const auto& k = host.kernel();
    for (const core::NamespaceId id : k.namespaces())
        for (const auto& s : k.ns(id)->sockets().sockets())
            if (s.transport == net::Transport::Udp && s.port == port && s.owner != "verify") n += s.accepted;
    return n;
}

/// One datagram from `fromNs` to dst:port in the sim, a second to answer: the words of
/// KernelBackend::udpExchange.
std::string simUdpExchange(cli::DockerHost& host, const std::string& fromNs, const std::string& dst, std::uint16_t port,
                           const wire::DnsMessage& query) {
    const core::NamespaceId from = simNamespace(host, fromNs);
    const auto to = wire::Ipv4Address::parse(dst);
    if (!from.isValid() || !to) return "no answer";
    auto& k = host.kernel();
    auto& t = k.transport();
    const std::uint64_t before = simReceived(host, port);
    auto answered = std::make_shared<bool>(false);
    const std::uint16_t local = t.ephemeralPort(from, net::Transport::Udp);
    auto sock = t.bind(from, net::Transport::Udp, wire::Ipv4Address::any(), local, "verify",
                       [answered](wire::Ipv4Address, const wire::UdpDatagram&) { *answered = true; });
    if (!sock) return "no answer";
    (void)t.sendUdp(from, *to, local, port, query);
    auto& sched = k.scheduler();
    const core::SimTime deadline = sched.now() + core::seconds(1);
    while (!*answered && sched.hasPending() && sched.nextEventTime() <= deadline) sched.step();
    if (!*answered && sched.now() < deadline) sched.runUntil(deadline);  // the client waits its second
    (void)t.close(from, *sock);
    if (*answered) return "answered";
    return simReceived(host, port) > before ? "delivered, no answer" : "no answer";
}

}  // namespace

void compareUdp(Comparison& c, cli::DockerHost& host, const KernelPlan& plan, KernelBackend& kernel, int timeoutMs) {
    const std::string hostNs = kernelNamespaceName("host");
    for (const auto& u : plan.udpSockets) {
        const std::string where = u.address + ":" + std::to_string(u.port);
        auto own = kernel.udpBindOutcome(u.ns, u.address, u.port, u.owner);
        c.rows.push_back({"BIND", u.owner + " udp " + u.ns + " " + where, "bound", own ? *own : "error: " + own.error().message});
        const std::string who = u.ns == hostNs ? "a host-mode service" : "another process";
        auto second = kernel.udpBindOutcome(u.ns, "0.0.0.0", u.port, who);
        c.rows.push_back({"BIND", who + " udp " + u.ns + " 0.0.0.0:" + std::to_string(u.port) + ", held by " + u.owner + " in the sim",
                          simUdpBind(host, u.ns, u.port), second ? *second : "error: " + second.error().message});
    }
    for (const auto& u : plan.udpSockets) {
        // docker-proxy from its own namespace over lo (no DNAT for 127/8, as Docker's OUTPUT rule
        // says); dnsmasq from the Docker host, whose resolv.conf names it.
        const std::string dst = u.address == "0.0.0.0" ? "127.0.0.1" : u.address;
        const std::string from = u.answers ? hostNs : u.ns;
        if (!plan.findNamespace(from)) continue;
        const std::string name = u.answers && !u.answers->addresses.empty() ? u.answers->addresses.begin()->first : "docknet.test";
        const auto query = wire::DnsMessage::query(0x5544, name);
        const auto bytes = query.encode();
        auto real = kernel.udpExchange(from, dst, u.port, std::string(bytes.begin(), bytes.end()), timeoutMs);
        c.rows.push_back({"UDP", from + " -> " + dst + ":" + std::to_string(u.port) + " (" + u.owner + ", A? " + name + ")",
                          simUdpExchange(host, from, dst, u.port, query), real ? *real : "error: " + real.error().message});
    }
}

}  // namespace sim::plan
