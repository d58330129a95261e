#include "sim/docker/embedded_dns.hpp"

#include <algorithm>
#include <cctype>
#include <memory>

#include "sim/docker/docker_engine.hpp"
#include "sim/docker/host_environment.hpp"
#include "sim/net/ipv4_layer.hpp"
#include "sim/net/transport_layer.hpp"

namespace sim::docker {

namespace {

std::string lower(std::string s) {
    for (auto& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return s;
}

bool onUserNetwork(const DockerEngine& engine, const Container& c) {
    for (const auto& [netId, epId] : c.endpoints) {
        const Network* n = engine.findNetwork(netId);
        if (n && n->driver == DriverKind::Bridge && !n->isDefaultBridge) return true;
    }
    return false;
}

EmbeddedDns::Addresses addressesOf(const Endpoint& ep) {
    EmbeddedDns::Addresses a{ep.address.address(), std::nullopt};
    if (ep.address6) a.v6 = ep.address6->address();
    return a;
}

}  // namespace

void EmbeddedDns::attach(const Container& c) {
    if (m_sockets.contains(c.id) || !onUserNetwork(m_engine, c)) return;
    const std::string id = c.id;
    auto sock = m_engine.kernel().transport().bind(c.sandbox, net::Transport::Udp, kAddress, 53, "dockerd",
                                                   [this, id](wire::Ipv4Address src, const wire::UdpDatagram& udp) {
                                                       onQuery(id, src, udp);
                                                   });
    if (sock) m_sockets.emplace(c.id, *sock);
}

bool EmbeddedDns::isServing(const Container& c) const { return m_sockets.contains(c.id); }

void EmbeddedDns::detach(const Container& c) {
    auto it = m_sockets.find(c.id);
    if (it == m_sockets.end()) return;
    if (c.sandbox.isValid()) (void)m_engine.kernel().transport().close(c.sandbox, it->second);
    m_sockets.erase(it);
}

std::optional<EmbeddedDns::Addresses> EmbeddedDns::resolve(const Container& asker, std::string name) const {
    name = lower(name);
    if (!name.empty() && name.back() == '.') name.pop_back();
    for (const auto& netId : asker.networks) {
        auto epIt = asker.endpoints.find(netId);
        if (epIt == asker.endpoints.end()) continue;
        const Network* n = m_engine.findNetwork(netId);
        const Endpoint* own = m_engine.endpoint(epIt->second);
        if (!n || !own || n->isDefaultBridge || n->driver != DriverKind::Bridge) continue;
        // The asker's own --link aliases come first (lookupAlias = true).
        for (const auto& link : own->linkAliases) {
            const auto [target, alias] = parseLink(link);
            if (lower(alias) != name) continue;
            if (const Container* t = m_engine.findContainer(target))
                if (auto it = t->endpoints.find(n->id); it != t->endpoints.end())
                    if (const Endpoint* ep = m_engine.endpoint(it->second); ep && !ep->address.address().isAny())
                        return addressesOf(*ep);
        }
        std::string wanted = name;
        const std::string suffix = "." + lower(n->name);
        if (wanted.size() > suffix.size() && wanted.ends_with(suffix)) wanted.resize(wanted.size() - suffix.size());
        for (const auto& epId : n->endpointIds) {
            const Endpoint* ep = m_engine.endpoint(epId);
            if (!ep) continue;
            for (const auto& dnsName : ep->dnsNames)
                if (lower(dnsName) == wanted) return addressesOf(*ep);
        }
    }
    return std::nullopt;
}

std::optional<std::string> EmbeddedDns::reverse(const Container& asker, wire::Ipv4Address address) const {
    for (const auto& netId : asker.networks) {
        const Network* n = m_engine.findNetwork(netId);
        if (!n || n->isDefaultBridge || n->driver != DriverKind::Bridge || !asker.endpoints.contains(netId)) continue;
        for (const auto& epId : n->endpointIds) {
            const Endpoint* ep = m_engine.endpoint(epId);
            if (ep && ep->address.address() == address) return ep->name + "." + n->name;
        }
    }
    return std::nullopt;
}

void EmbeddedDns::onQuery(const std::string& containerId, wire::Ipv4Address src, const wire::UdpDatagram& udp) {
    const auto* query = std::get_if<wire::DnsMessage>(&udp.payload);
    const Container* c = m_engine.findContainer(containerId);
    if (!query || query->isResponse || query->questions.empty() || !c || !c->sandbox.isValid()) return;
    net::Kernel& k = m_engine.kernel();
    const core::NamespaceId ns = c->sandbox;
    const std::uint16_t clientPort = udp.srcPort;
    const auto& q = query->questions.front();

    if (q.type == wire::kDnsTypePtr) {
        // handlePTRQuery: the reverse name of an address on one of the asker's networks is
        // answered with "name.network"; anything else goes upstream.
        if (auto address = wire::parseReverseName(q.name)) {
            if (auto host = reverse(*c, *address)) {
                (void)k.transport().sendUdp(ns, src, 53, clientPort,
                                            wire::DnsMessage::answer(*query, {wire::DnsAnswer::ptr(q.name, *host, 600)}),
                                            kAddress);
                return;
            }
        }
    } else if (auto a = resolve(*c, q.name)) {
        std::vector<wire::DnsAnswer> answers;
        if (q.type == wire::kDnsTypeA) answers.push_back(wire::DnsAnswer{q.name, a->v4, 600});
        if (q.type == wire::kDnsTypeAaaa && a->v6) answers.push_back(wire::DnsAnswer::aaaa(q.name, *a->v6, 600));
        (void)k.transport().sendUdp(ns, src, 53, clientPort, wire::DnsMessage::answer(*query, answers), kAddress);
        return;
    }
    // Not a container: ask the ExtServers — the --dns servers, else the host's upstream
    // resolver — from the container's namespace (only the first is modelled).
    const wire::Ipv4Address upstream = c->config.dns.empty() ? m_engine.host().upstreamDns() : c->config.dns.front();
    const wire::DnsMessage original = *query;
    if (!k.ipv4().route(ns, upstream)) {
        (void)k.transport().sendUdp(ns, src, 53, clientPort,
                                    wire::DnsMessage::answer(original, {}, wire::DnsRcode::ServFail), kAddress);
        return;
    }
    const std::uint16_t port = k.transport().ephemeralPort(ns, net::Transport::Udp);
    auto socket = std::make_shared<net::SocketId>();
    auto bound = k.transport().bind(
        ns, net::Transport::Udp, wire::Ipv4Address::any(), port, "dockerd",
        [&k, ns, src, clientPort, original, socket](wire::Ipv4Address, const wire::UdpDatagram& reply) {
            const auto* answer = std::get_if<wire::DnsMessage>(&reply.payload);
            if (!answer) return;
            wire::DnsMessage relayed = wire::DnsMessage::answer(original, answer->answers, answer->rcode);
            (void)k.transport().sendUdp(ns, src, 53, clientPort, relayed, kAddress);
            (void)k.transport().close(ns, *socket);
        });
    if (!bound) return;
    *socket = *bound;
    wire::DnsMessage forward = original;
    (void)k.transport().sendUdp(ns, upstream, port, 53, forward);
    // An upstream that never answers leaves the socket to be closed: do it after the resolver's
    // timeout, answering SERVFAIL as libnetwork does.
    k.scheduler().schedule(core::seconds(4), [&k, ns, src, clientPort, original, socket] {
        if (k.ns(ns) && k.transport().close(ns, *socket))
            (void)k.transport().sendUdp(ns, src, 53, clientPort,
                                        wire::DnsMessage::answer(original, {}, wire::DnsRcode::ServFail), kAddress);
    });
}

}  // namespace sim::docker
