// derivePlan: walks the sim's kernel model and writes down what a real kernel needs to match it.
#include "sim/plan/plan.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include "sim/cli/docker_host.hpp"
#include "sim/docker/container.hpp"
#include "sim/docker/network.hpp"
#include "sim/docker/endpoint.hpp"
#include "sim/docker/docker_engine.hpp"
#include "sim/docker/host_environment.hpp"
#include "sim/net/bridge.hpp"
#include "sim/net/kernel.hpp"
#include "sim/net/neighbor_table.hpp"
#include "sim/net/pinger.hpp"
#include "sim/net/socket_table.hpp"
#include "sim/net/transport_layer.hpp"
#include "sim/net/xt_table.hpp"
#include "sim/wire/ipv4_packet.hpp"

namespace sim::plan {

std::string nftChainName(bool natTable, const std::string& chain) {
    std::string n = (natTable ? "nat_" : "filter_") + chain;
    std::replace(n.begin(), n.end(), '-', '_');
    return n;
}

namespace {

std::string chainNameOf(net::XtTableKind kind, const std::string& chain) { return nftChainName(kind == net::XtTableKind::Nat, chain); }

std::string ifaceMatch(const char* key, const net::IfaceMatch& m) {
    std::string name = m.name;
    if (!name.empty() && name.back() == '+') name.back() = '*';
    return std::string(key) + (m.negate ? " != \"" : " \"") + name + "\"";
}

std::string prefixMatch(const char* key, const net::PrefixMatch& m) {
    return std::string(key) + (m.negate ? " != " : " ") + m.prefix.network().toString();
}

std::string renderRule(net::XtTableKind kind, const net::XtRule& rule) {
    std::vector<std::string> parts;
    const auto& m = rule.match;
    if (m.in) parts.push_back(ifaceMatch("iifname", *m.in));
    if (m.out) parts.push_back(ifaceMatch("oifname", *m.out));
    if (m.src) parts.push_back(prefixMatch("ip saddr", *m.src));
    if (m.dst) parts.push_back(prefixMatch("ip daddr", *m.dst));
    if (m.protocol) {
        const auto p = *m.protocol;
        const char* name = p == wire::IpProtocol::Tcp ? "tcp" : p == wire::IpProtocol::Udp ? "udp" : "icmp";
        if (m.dport && (p == wire::IpProtocol::Tcp || p == wire::IpProtocol::Udp))
            parts.push_back(std::string(name) + " dport " + std::to_string(*m.dport));
        else
            parts.push_back(std::string("meta l4proto ") + name);
    }
    if (m.dstTypeLocal) parts.push_back(*m.dstTypeLocal ? "fib daddr type local" : "fib daddr type != local");
    if (m.ctstate != 0) {
        std::vector<std::string> s;
        if (m.ctstate & net::ct_state::New) s.push_back("new");
        if (m.ctstate & net::ct_state::Established) s.push_back("established");
        if (m.ctstate & net::ct_state::Related) s.push_back("related");
        if (m.ctstate & net::ct_state::Invalid) s.push_back("invalid");
        std::string joined;
        for (const auto& x : s) joined += (joined.empty() ? "" : ",") + x;
        parts.push_back("ct state " + joined);
    }
    std::string verdict = std::visit(
        [&](const auto& t) -> std::string {
            using T = std::decay_t<decltype(t)>;
            if constexpr (std::is_same_v<T, net::target::Accept>) return "accept";
            else if constexpr (std::is_same_v<T, net::target::Drop>) return "drop";
            else if constexpr (std::is_same_v<T, net::target::Return>) return "return";
            else if constexpr (std::is_same_v<T, net::target::Jump>) return "jump " + chainNameOf(kind, t.chain);
            else if constexpr (std::is_same_v<T, net::target::Dnat>)
                return "dnat to " + t.address.toString() + (t.port ? ":" + std::to_string(*t.port) : std::string());
            else if constexpr (std::is_same_v<T, net::target::Snat>) return "snat to " + t.address.toString();
            else return "masquerade";
        },
        rule.target);
    // A counter on every rule, so verify can read what each one matched (COUNTERS).
    parts.push_back("counter");
    parts.push_back(verdict);
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : " ") + p;
    return out;
}

/// The base chain declaration for an iptables built-in chain, as nft writes it.
std::string baseChainSpec(net::XtTableKind kind, const std::string& chain, bool policyAccept) {
    std::string hook;
    int priority = 0;
    if (chain == "PREROUTING") hook = "prerouting", priority = -100;
    else if (chain == "INPUT") hook = "input", priority = kind == net::XtTableKind::Nat ? 100 : 0;
    else if (chain == "FORWARD") hook = "forward", priority = 0;
    else if (chain == "OUTPUT") hook = "output", priority = kind == net::XtTableKind::Nat ? -100 : 0;
    else if (chain == "POSTROUTING") hook = "postrouting", priority = 100;
    else return {};
    return std::string("{ type ") + (kind == net::XtTableKind::Nat ? "nat" : "filter") + " hook " + hook +
           " priority " + std::to_string(priority) + "; policy " + (policyAccept ? "accept" : "drop") + "; }";
}

bool tableIsTrivial(const net::XtTable& t) {
    for (const auto& c : t.chains())
        if (!c.rules.empty() || (c.builtin && !c.policyAccept)) return false;
    return true;
}

/// The DNAT target of the nat DOCKER chain for a TCP port: where docker-proxy forwards it.
std::string proxyTarget(const net::NetNamespace& ns, std::uint16_t port) {
    const net::XtChain* chain = ns.nat().chain("DOCKER");
    if (!chain) return {};
    for (const auto& rule : chain->rules) {
        const auto* dnat = std::get_if<net::target::Dnat>(&rule.target);
        if (!dnat || rule.match.dport != port) continue;
        if (rule.match.protocol && *rule.match.protocol != wire::IpProtocol::Tcp) continue;
        return dnat->address.toString() + ":" + std::to_string(dnat->port.value_or(port));
    }
    return {};
}

/// A UDP socket the plan holds: docker-proxy's and dnsmasq's. Docker's embedded DNS (dockerd on
/// 127.0.0.11:53, the resolvers') and the tools' client sockets are left out.
std::optional<PlanUdpSocket> udpSocketOf(const cli::DockerHost& host, const std::string& ns, const net::SocketInfo& sock) {
    if (sock.owner != "docker-proxy" && sock.owner != "dnsmasq") return std::nullopt;
    PlanUdpSocket u{ns, sock.address.toString(), sock.port, sock.owner};
    if (sock.owner == "dnsmasq") {
        PlanResolver zone{ns, "dnsmasq", {}, {}, 300};
        for (const auto& [n, a] : host.engine().host().zone()) zone.addresses[n] = a.toString();
        u.answers = std::move(zone);
    }
    return u;
}

const docker::Container* containerOwning(const cli::DockerHost& host, core::NamespaceId ns) {
    for (const auto* c : host.engine().containers())
        if (c->isRunning() && c->sandbox == ns && !c->config.network.isHost() && !c->config.network.isContainer()) return c;
    return nullptr;
}

}  // namespace

std::string kernelNamespaceName(const std::string& simName) {
    if (simName == "host") return std::string(kPrefix) + "host";
    if (simName == "gateway") return std::string(kPrefix) + "router";
    return kPrefix + simName;
}

std::string renderRuleset(const cli::DockerHost& host, const std::string& simNamespace, const std::string& table) {
    const auto& k = host.kernel();
    const auto* ns = k.ns(k.findNamespace(simNamespace));
    if (!ns) return {};
    if (tableIsTrivial(ns->nat()) && tableIsTrivial(ns->filter())) return {};
    std::ostringstream out;
    out << "add table ip " << table << "\n";
    for (const net::XtTable* t : {&ns->nat(), &ns->filter()}) {
        for (const auto& c : t->chains()) {
            out << "add chain ip " << table << " " << chainNameOf(t->kind(), c.name);
            if (c.builtin) {
                const std::string spec = baseChainSpec(t->kind(), c.name, c.policyAccept);
                if (!spec.empty()) out << " " << spec;
            }
            out << "\n";
        }
    }
    for (const net::XtTable* t : {&ns->nat(), &ns->filter()})
        for (const auto& c : t->chains())
            for (const auto& r : c.rules)
                out << "add rule ip " << table << " " << chainNameOf(t->kind(), c.name) << " " << renderRule(t->kind(), r) << "\n";
    return out.str();
}

KernelPlan derivePlan(const cli::DockerHost& host) {
    KernelPlan plan;
    const auto& k = host.kernel();
    for (const core::NamespaceId id : k.namespaces()) {
        const auto* ns = k.ns(id);
        const std::string name = kernelNamespaceName(ns->name());
        plan.namespaces.push_back({name, ns->name()});
        // IPv6 off so the kernel sends nothing the model does not (router solicitations, DAD).
        plan.sysctls.push_back({name, "net/ipv6/conf/all/disable_ipv6", "1"});
        plan.sysctls.push_back({name, "net/ipv6/conf/default/disable_ipv6", "1"});
        plan.sysctls.push_back({name, "net/ipv4/ip_forward", ns->ipForward() ? "1" : "0"});
        plan.sysctls.push_back({name, "net/ipv4/ping_group_range", "0 2147483647"});
        // Where there is a bridge, whether bridged IPv4 frames pass the ip table's hooks (what
        // an ICC-off network's `-i br -o br -j DROP` needs): the sim's switch, written out,
        // since a new namespace starts at 1 when br_netfilter is in the kernel.
        const bool hasBridge = std::ranges::any_of(k.interfacesOf(id), [&](core::InterfaceId i) { return k.bridge(i) != nullptr; });
        if (hasBridge) {
            const bool call = k.brNetfilterLoaded() && ns->bridgeNfCallIptables();
            plan.sysctls.push_back({name, "net/bridge/bridge-nf-call-iptables", call ? "1" : "0", !call});
        }
        for (const core::InterfaceId ifId : k.interfacesOf(id)) {
            const auto* i = k.interface(ifId);
            if (!i) continue;
            if (i->isLoopback()) {
                plan.loopbacks.push_back({name, i->adminUp});
                for (const auto& a : i->addresses)
                    if (!a.address().isLoopback()) plan.addresses.push_back({name, "lo", a.toString()});
                continue;
            }
            if (i->isBridge()) {
                plan.bridges.push_back({name, i->name, i->mac.toString(), i->mtu, i->adminUp});
            } else if (i->isVeth()) {
                const auto* peer = k.interface(i->peer);
                // Once per pair, from the end `ip link add A type veth peer name B` names first (A): the
                // kernel registers the peer B first, so A is the end with the larger id.
                if (!peer || peer->id.value > i->id.value) continue;
                PlanVeth v;
                v.ns = name;
                v.name = i->name;
                v.mac = i->mac.toString();
                v.up = i->adminUp;
                v.mtu = i->mtu;
                v.peerNs = kernelNamespaceName(k.ns(peer->ns)->name());
                v.peerName = peer->name;
                v.peerMac = peer->mac.toString();
                v.peerUp = peer->adminUp;
                if (i->master.isValid()) v.master = k.interface(i->master)->name;
                if (peer->master.isValid()) v.peerMaster = k.interface(peer->master)->name;
                plan.veths.push_back(std::move(v));
            }
        }
        for (const core::InterfaceId ifId : k.interfacesOf(id)) {
            const auto* i = k.interface(ifId);
            if (!i || i->isLoopback()) continue;
            for (const auto& a : i->addresses) plan.addresses.push_back({name, i->name, a.toString()});
        }
        for (const auto& r : ns->routes().routes()) {
            if (r.protocol == net::RouteProtocol::Kernel) continue;
            const auto* dev = k.interface(r.dev);
            if (!dev) continue;
            PlanRoute pr;
            pr.ns = name;
            pr.destination = r.destination.toString();
            if (r.gateway) pr.gateway = r.gateway->toString();
            pr.dev = dev->name;
            if (r.prefSrc) pr.prefSrc = r.prefSrc->toString();
            pr.metric = r.metric;
            pr.scopeLink = r.scope == net::RouteScope::Link;
            plan.routes.push_back(std::move(pr));
        }
        std::string rules = renderRuleset(host, ns->name(), "docknet");
        if (!rules.empty()) plan.rulesets.push_back({name, "docknet", std::move(rules)});
        // The backend applies IPv4: a V6ONLY [::] socket has no IPv4 side, a dual-stack one is
        // the IPv4 wildcard there.
        for (const auto& sock : ns->sockets().sockets()) {
            if (sock.family == net::SocketFamily::Inet6Only) continue;
            if (sock.transport == net::Transport::Tcp)
                plan.listeners.push_back({name, sock.address.toString(), sock.port, sock.owner,
                                          sock.owner == "docker-proxy" ? proxyTarget(*ns, sock.port) : std::string()});
            else if (auto u = udpSocketOf(host, name, sock)) plan.udpSockets.push_back(std::move(*u));
        }
        if (const auto* c = containerOwning(host, id)) {
            plan.files.push_back({name, "hosts", c->etcHosts});
            plan.files.push_back({name, "resolv.conf", c->resolvConf});
        }
    }
    plan.resolvers = deriveResolvers(host);
    plan.binds = deriveBinds(host);
    return plan;
}

const PlanNamespace* KernelPlan::findNamespace(const std::string& name) const {
    for (const auto& n : namespaces)
        if (n.name == name) return &n;
    return nullptr;
}

std::string KernelPlan::describe() const {
    std::ostringstream o;
    for (const auto& n : namespaces) o << "netns " << n.name << "   (sim: " << n.simName << ")\n";
    for (const auto& b : bridges) o << "bridge " << b.ns << " " << b.name << " " << b.mac << (b.up ? " up" : "") << "\n";
    for (const auto& v : veths)
        o << "veth " << v.ns << " " << v.name << " " << v.mac << (v.master.empty() ? "" : " master " + v.master) << " <-> "
          << v.peerNs << " " << v.peerName << " " << v.peerMac << (v.peerMaster.empty() ? "" : " master " + v.peerMaster) << "\n";
    for (const auto& a : addresses) o << "addr " << a.ns << " " << a.prefix << " dev " << a.dev << "\n";
    for (const auto& r : routes)
        o << "route " << r.ns << " " << r.destination << (r.gateway.empty() ? "" : " via " + r.gateway) << " dev " << r.dev << "\n";
    for (const auto& s : sysctls) o << "sysctl " << s.ns << " " << s.key << "=" << s.value << "\n";
    for (const auto& r : rulesets) o << "nft " << r.ns << " table ip " << r.table << "\n";
    for (const auto& f : files) o << "file /etc/netns/" << f.ns << "/" << f.name << "\n";
    for (const auto& l : listeners) o << "listen " << l.ns << " tcp " << l.address << ":" << l.port << " (" << l.owner << ")\n";
    for (const auto& u : udpSockets)
        o << "udp " << u.ns << " " << u.address << ":" << u.port << " (" << u.owner << ")\n";
    for (const auto& r : resolvers)
        o << "dns " << r.ns << " udp 127.0.0.11:53 (" << r.addresses.size() << " names, " << r.pointers.size() << " addresses)\n";
    return o.str();
}

std::vector<PingProbe> derivePings(const cli::DockerHost& host) {
    std::vector<PingProbe> out;
    const auto& engine = host.engine();
    std::vector<const docker::Container*> own;
    for (const auto* c : engine.containers())
        if (c->isRunning() && !c->config.network.isHost() && !c->config.network.isContainer()) own.push_back(c);
    for (const auto* from : own) {
        for (const auto* to : own) {
            if (from == to) continue;
            for (const auto& [netId, epId] : to->endpoints) {
                if (!from->endpoints.contains(netId)) continue;
                const auto* n = engine.findNetwork(netId);
                if (!n || n->driver != docker::DriverKind::Bridge) continue;
                const auto* ep = engine.endpoint(epId);
                if (!ep) continue;
                out.push_back({kernelNamespaceName(host.kernel().ns(from->sandbox)->name()), from->name, to->name,
                               ep->address.address().toString(), n->name});
            }
        }
    }
    return out;
}

void forgetLearned(cli::DockerHost& host) {
    auto& k = host.kernel();
    for (const core::NamespaceId id : k.namespaces()) {
        for (const core::InterfaceId ifId : k.interfacesOf(id)) {
            const auto* i = k.interface(ifId);
            if (!i) continue;
            k.ns(id)->neighbors().flushDevice(ifId);
            if (i->master.isValid())
                if (auto* br = k.bridge(i->master)) br->fdb().flushPort(ifId);
        }
    }
}

void forgetNeighbours(cli::DockerHost& host, const std::set<std::string>& namespaces) {
    auto& k = host.kernel();
    for (const core::NamespaceId id : k.namespaces()) {
        if (!namespaces.contains(kernelNamespaceName(k.ns(id)->name()))) continue;
        for (const core::InterfaceId ifId : k.interfacesOf(id)) k.ns(id)->neighbors().flushDevice(ifId);
    }
}

std::vector<RouteObservation> simRoutes(const cli::DockerHost& host) {
    std::vector<RouteObservation> out;
    const auto& k = host.kernel();
    for (const core::NamespaceId id : k.namespaces()) {
        const auto* ns = k.ns(id);
        for (const auto& r : ns->routes().routes()) {
            const auto* dev = k.interface(r.dev);
            out.push_back({kernelNamespaceName(ns->name()), r.destination.toString(), r.gateway ? r.gateway->toString() : "",
                           dev ? dev->name : "?"});
        }
    }
    return out;
}

bool simPing(cli::DockerHost& host, const PingProbe& probe) {
    auto& k = host.kernel();
    core::NamespaceId ns;
    for (const core::NamespaceId id : k.namespaces())
        if (kernelNamespaceName(k.ns(id)->name()) == probe.fromNs) ns = id;
    if (!ns.isValid()) return false;
    net::PingOptions o;
    o.dst = *wire::Ipv4Address::parse(probe.dst);
    o.count = 1;
    o.linger = core::seconds(1);
    auto r = net::Pinger::run(k, ns, o);
    return r && r->received > 0;
}

std::vector<NeighborObservation> simNeighbors(const cli::DockerHost& host) {
    std::vector<NeighborObservation> out;
    const auto& k = host.kernel();
    for (const core::NamespaceId id : k.namespaces()) {
        const auto* ns = k.ns(id);
        for (const auto* e : ns->neighbors().entries()) {
            const auto* dev = k.interface(e->dev);
            const bool valid = e->mac && e->state != net::NeighborState::Incomplete && e->state != net::NeighborState::Failed &&
                               e->state != net::NeighborState::None;
            out.push_back({kernelNamespaceName(ns->name()), dev ? dev->name : "?", e->ip.toString(),
                           e->mac ? e->mac->toString() : "", valid});
        }
    }
    return out;
}

std::vector<FdbObservation> simFdb(const cli::DockerHost& host) {
    std::vector<FdbObservation> out;
    const auto& k = host.kernel();
    for (const core::NamespaceId id : k.namespaces()) {
        for (const core::InterfaceId ifId : k.interfacesOf(id)) {
            const auto* br = k.bridge(ifId);
            if (!br) continue;
            for (const auto& e : br->fdb().entries(k.now())) {
                if (e.isLocal) continue;
                const auto* port = k.interface(e.port);
                out.push_back({kernelNamespaceName(k.ns(id)->name()), k.interface(ifId)->name, port ? port->name : "?",
                               e.mac.toString()});
            }
        }
    }
    return out;
}

}  // namespace sim::plan
