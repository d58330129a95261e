// Published ports (-p / -P), Docker <= 27 with the userland proxy on: a host port from the
// PortAllocator, a docker-proxy listening on it in the host namespace, and per binding
//   nat    -A DOCKER [-d HOSTIP/32] ! -i BR -p PROTO -m PROTO --dport HOSTPORT -j DNAT --to-destination CIP:CPORT
//   filter -A DOCKER -d CIP/32 ! -i BR -o BR -p PROTO -m PROTO --dport CPORT -j ACCEPT
//   nat    -A POSTROUTING -s CIP/32 -d CIP/32 -p PROTO -m PROTO --dport CPORT -j MASQUERADE
// (port_mapping_linux.go, docker-facts.md §7.3). A binding without an address (and the network's
// host_binding_ipv4 left at 0.0.0.0) is also bound on [::] with the same port, proxied only:
// configurePortBindingIPv6 falls back to the container's IPv4 address with the userland proxy
// on, and docknet models no ip6tables rules.
#include <algorithm>

#include "sim/docker/docker_engine.hpp"
#include "sim/docker/docker_messages.hpp"
#include "sim/net/transport_layer.hpp"

namespace sim::docker {

namespace {

struct BindingRules {
    net::XtRule dnat, accept, hairpin;
};

net::Transport transportOf(PortProto p) { return p == PortProto::Udp ? net::Transport::Udp : net::Transport::Tcp; }
wire::IpProtocol protocolOf(PortProto p) { return p == PortProto::Udp ? wire::IpProtocol::Udp : wire::IpProtocol::Tcp; }

BindingRules rulesFor(const PortMapping& m, const Network& n, wire::Ipv4Address containerIp) {
    BindingRules r;
    net::RuleMatch dnat;
    if (!m.hostIp.isAny()) dnat.dst = net::PrefixMatch{wire::Ipv4Prefix(m.hostIp, 32), false};
    dnat.in = net::IfaceMatch{n.bridgeName, true};
    dnat.protocol = protocolOf(m.requested.proto);
    dnat.dport = m.hostPort;
    r.dnat = net::XtRule{dnat, net::target::Dnat{containerIp, m.requested.containerPort}};
    net::RuleMatch accept;
    accept.dst = net::PrefixMatch{wire::Ipv4Prefix(containerIp, 32), false};
    accept.in = net::IfaceMatch{n.bridgeName, true};
    accept.out = net::IfaceMatch{n.bridgeName, false};
    accept.protocol = protocolOf(m.requested.proto);
    accept.dport = m.requested.containerPort;
    r.accept = net::XtRule{accept, net::target::Accept{}};
    net::RuleMatch hairpin;
    hairpin.src = net::PrefixMatch{wire::Ipv4Prefix(containerIp, 32), false};
    hairpin.dst = net::PrefixMatch{wire::Ipv4Prefix(containerIp, 32), false};
    hairpin.protocol = protocolOf(m.requested.proto);
    hairpin.dport = m.requested.containerPort;
    r.hairpin = net::XtRule{hairpin, net::target::Masquerade{}};
    return r;
}

/// libnetwork's iptables.Raw error for a rule whose chain is gone ("iptables failed: iptables
/// --wait ARGS: OUTPUT (exit status 1)"), as forward() words the DNAT and the ACCEPT rule; the
/// CombinedOutput keeps iptables' newline.
std::string missingChainError(const net::NetNamespace& host, const PortMapping& m, const Network& n, wire::Ipv4Address containerIp) {
    const std::string proto(toString(m.requested.proto));
    const std::string cport = std::to_string(m.requested.containerPort);
    std::string args;
    if (!host.nat().hasChain("DOCKER")) {
        args = "-t nat -A DOCKER -p " + proto + " -d " + (m.hostIp.isAny() ? std::string("0/0") : m.hostIp.toString()) +
               " --dport " + std::to_string(m.hostPort) + " -j DNAT --to-destination " + containerIp.toString() + ":" + cport +
               " ! -i " + n.bridgeName;
    } else if (!host.filter().hasChain("DOCKER")) {
        args = "-t filter -A DOCKER ! -i " + n.bridgeName + " -o " + n.bridgeName + " -p " + proto + " -d " +
               containerIp.toString() + " --dport " + cport + " -j ACCEPT";
    } else {
        return {};
    }
    return "(iptables failed: iptables --wait " + args + ": iptables: No chain/target/match by that name.\n (exit status 1))";
}

}  // namespace

core::Result<void> DockerEngine::publishPorts(Container& c, const Network& n, const Endpoint& ep) {
    std::vector<PortMapping> wanted;
    // A -p without an address binds host_binding_ipv4 (0.0.0.0 unless the network says otherwise).
    const bool ipv6Default = n.hostBindingIpv4.isAny();
    for (const auto& b : c.config.publish) {
        // `-p [::]:8080:80`: configurePortBindingIPv4 skips an IPv6 host address; the [::] side alone.
        if (b.hostIpv6Any) wanted.push_back(PortMapping{b, wire::Ipv4Address::any(), 0, true, false});
        else wanted.push_back(PortMapping{b, b.hostIp.value_or(n.hostBindingIpv4), 0, !b.hostIp && ipv6Default});
    }
    if (c.config.publishAll) {
        const ImageConfig* image = m_images.find(c.config.image);
        auto exposed = c.config.expose;
        if (image) exposed.insert(exposed.end(), image->exposedPorts.begin(), image->exposedPorts.end());
        for (const auto& [port, proto] : exposed) {
            bool already = false;
            for (const auto& w : wanted) already |= w.requested.containerPort == port && w.requested.proto == proto;
            if (already) continue;
            PortBinding b;
            b.containerPort = port;
            b.proto = proto;
            wanted.push_back(PortMapping{b, n.hostBindingIpv4, 0, ipv6Default});
        }
    }
    if (wanted.empty()) return {};
    // The daemon hands libnetwork the bindings in nat.SortPortMap's order (go-connections v0.5):
    // larger explicit host port first, then larger container port, tcp before udp. So `-P` on
    // mysql (3306, 33060) gives 33060 the first ephemeral port. (Go's Less is not a strict
    // order when explicit and random bindings mix; this is its consistent reading.)
    auto protoRank = [](PortProto p) { return p == PortProto::Tcp ? 0 : p == PortProto::Udp ? 1 : 2; };
    std::stable_sort(wanted.begin(), wanted.end(), [&](const PortMapping& a, const PortMapping& b) {
        if (a.requested.hostPortStart != b.requested.hostPortStart)
            return a.requested.hostPortStart > b.requested.hostPortStart;
        if (a.requested.containerPort != b.requested.containerPort)
            return a.requested.containerPort > b.requested.containerPort;
        return protoRank(a.requested.proto) < protoRank(b.requested.proto);
    });

    net::NetNamespace& host = *m_kernel.ns(hostNamespace());
    std::vector<PortMapping> done;
    std::vector<std::pair<core::NamespaceId, net::SocketId>> proxies;
    auto undo = [&] {
        for (auto& [ns, sock] : proxies) (void)m_kernel.transport().close(ns, sock);
        for (const auto& m : done) m_ports.release(m.requested.proto, m.hostIp, m.hostPort, m.onIpv6Any, m.onIpv4);
    };
    for (auto m : wanted) {
        auto port = m_ports.allocate(m.requested.proto, m.hostIp, m.requested.hostPortStart, m.requested.hostPortEnd,
                                     m.onIpv6Any, m.onIpv4);
        if (!port) {
            undo();
            return msg::externalConnectivity(ep.name, ep.id, port.error().message);
        }
        m.hostPort = *port;
        done.push_back(m);
        // The portmapper programs the forwarding rules before it starts the proxy: a chain
        // someone deleted (iptables -t nat -X DOCKER, a firewall reload) fails here.
        if (m.onIpv4)
            if (const std::string missing = missingChainError(host, m, n, ep.address.address()); !missing.empty()) {
                undo();
                return msg::externalConnectivity(ep.name, ep.id, missing);
            }
        if (m.requested.proto == PortProto::Sctp) continue;  // no userland proxy for SCTP
        if (m.onIpv4) {
            auto sock = m_kernel.transport().bind(hostNamespace(), transportOf(m.requested.proto), m.hostIp, m.hostPort,
                                                  "docker-proxy");
            if (!sock) {
                undo();
                return msg::externalConnectivity(
                    ep.name, ep.id,
                    msg::userlandProxy(std::string(toString(m.requested.proto)), m.hostIp.toString(), m.hostPort,
                                       sock.error().code == core::ErrorCode::AddressNotAvailable));
            }
            proxies.emplace_back(hostNamespace(), *sock);
        }
        if (!m.onIpv6Any) continue;
        // Go's "tcp6" listener sets IPV6_V6ONLY: [::] clashes only with another [::].
        auto sock6 = m_kernel.transport().bindIpv6Any(hostNamespace(), transportOf(m.requested.proto), m.hostPort, true,
                                                      "docker-proxy");
        if (!sock6) {
            undo();
            return msg::externalConnectivity(
                ep.name, ep.id, msg::userlandProxy(std::string(toString(m.requested.proto)), "[::]", m.hostPort, false, true));
        }
        proxies.emplace_back(hostNamespace(), *sock6);
    }
    for (const auto& m : done) {
        if (!m.onIpv4) continue;  // no ip6tables rules are modelled: the [::] side is proxied
        const BindingRules r = rulesFor(m, n, ep.address.address());
        (void)host.nat().append("DOCKER", r.dnat);
        (void)host.filter().append("DOCKER", r.accept);
        (void)host.nat().append("POSTROUTING", r.hairpin);
    }
    c.ports = std::move(done);
    c.proxySockets = std::move(proxies);
    return {};
}

void DockerEngine::unpublishPorts(Container& c) {
    net::NetNamespace& host = *m_kernel.ns(hostNamespace());
    const std::string gwNet = gatewayNetworkOf(c);
    const Network* n = findNetwork(gwNet);
    auto epIt = c.endpoints.find(gwNet);
    const Endpoint* ep = epIt == c.endpoints.end() ? nullptr : endpoint(epIt->second);
    for (const auto& m : c.ports) {
        if (n && ep && m.onIpv4) {
            const BindingRules r = rulesFor(m, *n, ep->address.address());
            (void)host.nat().remove("DOCKER", r.dnat);
            (void)host.filter().remove("DOCKER", r.accept);
            (void)host.nat().remove("POSTROUTING", r.hairpin);
        }
        m_ports.release(m.requested.proto, m.hostIp, m.hostPort, m.onIpv6Any, m.onIpv4);
    }
    for (auto& [ns, sock] : c.proxySockets) (void)m_kernel.transport().close(ns, sock);
    c.ports.clear();
    c.proxySockets.clear();
}

}  // namespace sim::docker
