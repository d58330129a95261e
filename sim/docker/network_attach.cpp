// `docker network connect` / `disconnect` as the v27 daemon does them (daemon/container_operations.go
// ConnectToNetwork, updateNetworkConfig, updateNetworkSettings, DisconnectFromNetwork): the order
// of the checks decides which refusal a user sees, so it follows the daemon's.
#include <algorithm>

#include "sim/docker/docker_engine.hpp"
#include "sim/docker/docker_messages.hpp"
#include "sim/docker/embedded_dns.hpp"

namespace sim::docker {

using core::ErrorCode;
using core::fail;

namespace {

/// What ConnectToNetwork stores, unvalidated, for a stopped container and a network that does not
/// exist: the addresses that parse (its start fails on the network anyway).
EndpointSettings unvalidatedSettings(const EndpointRequest& r) {
    EndpointSettings s;
    s.aliases = r.aliases;
    s.links = r.links;
    s.driverOpts = r.driverOpts;
    s.viaConnect = true;
    if (auto ip = wire::Ipv4Address::parse(r.ipv4Address)) s.ip = *ip;
    if (auto ip6 = wire::Ipv6Address::parse(r.ipv6Address)) s.ip6 = *ip6;
    for (const auto& ll : r.linkLocalIps) {
        if (auto ip = wire::Ipv4Address::parse(ll)) s.linkLocalIps.push_back(*ip);
        else s.linkLocalIpv6.push_back(ll);
    }
    return s;
}

}  // namespace

const EndpointSettings* DockerEngine::endpointSettings(const Container& c, const std::string& ref) const {
    if (auto it = c.endpointSettings.find(ref); it != c.endpointSettings.end()) return &it->second;
    if (const Network* n = findNetwork(ref)) {
        if (auto it = c.endpointSettings.find(n->id); it != c.endpointSettings.end()) return &it->second;
        if (auto it = c.endpointSettings.find(n->name); it != c.endpointSettings.end()) return &it->second;
    }
    return nullptr;
}

/// updateNetworkSettings' conflicts between the container's networks and `n`; true when the
/// container is configured for `n` already ("avoid duplicate config").
static core::Result<bool> networkConflicts(const DockerEngine& engine, const Container& c, const Network& n) {
    if (!c.config.network.isHost() && n.driver == DriverKind::Host) return fail(ErrorCode::Forbidden, msg::kHostNetworkConnect);
    for (const auto& ref : c.networks) {
        const Network* sn = engine.findNetwork(ref);
        if (!sn) continue;
        if (sn == &n) return true;
        // NetworkMode(type).IsPrivate(): not host (nor container); then none excludes the rest.
        if (sn->driver == DriverKind::Host || n.driver == DriverKind::Host)
            return fail(ErrorCode::Forbidden, msg::kSharedNamespaceConnect);
        if (sn->name == "none" || n.name == "none") return fail(ErrorCode::Forbidden, msg::kNoneConnect);
    }
    return false;
}

core::Result<void> DockerEngine::connect(const std::string& networkRef, const std::string& containerRef,
                                         const EndpointRequest& request) {
    Container* c = mutableContainer(containerRef);
    if (!c) return msg::noSuchContainer(containerRef);
    // docknet refuses container mode also while stopped (Docker would record the network and
    // never join it, since a container-mode start allocates no network).
    if (c->config.network.isContainer()) return fail(ErrorCode::Forbidden, msg::kSharedNamespaceConnect);
    auto found = lookupNetwork(networkRef);
    if (!found && found.error().code != ErrorCode::NotFound) return std::unexpected(found.error());  // ambiguous
    Network* n = found ? mutableNetwork((*found)->id) : nullptr;

    if (!c->isRunning()) {
        if (!n) {
            if (std::find(c->networks.begin(), c->networks.end(), networkRef) == c->networks.end())
                c->networks.push_back(networkRef);
            c->endpointSettings[networkRef] = unvalidatedSettings(request);
            return {};
        }
        auto settings = validateEndpointRequest(n, n->name, request);
        if (!settings) return std::unexpected(settings.error());
        settings->viaConnect = true;
        auto configured = networkConflicts(*this, *c, *n);
        if (!configured) return std::unexpected(configured.error());
        if (*configured) return {};
        c->networks.push_back(n->id);
        c->endpointSettings[n->id] = std::move(*settings);
        return {};
    }

    if (!n) return msg::networkNotFound(networkRef);
    // A connect that fails (an --ip already taken, a full bridge) gives back what it drew.
    core::RngCheckpoint draws(m_kernel.rng());
    auto settings = validateEndpointRequest(n, n->name, request);
    if (!settings) return std::unexpected(settings.error());
    settings->viaConnect = true;
    if (auto configured = networkConflicts(*this, *c, *n); !configured) return std::unexpected(configured.error());
    if (c->endpoints.contains(n->id))
        return fail(ErrorCode::Forbidden, "endpoint with name " + c->name + " already exists in network " + n->name);

    auto ep = createEndpoint(*n, *c, *settings);
    if (!ep) return std::unexpected(ep.error());
    ep->dnsNames = {c->name};
    for (const auto& a : ep->aliases) ep->dnsNames.push_back(a);
    ep->dnsNames.push_back(c->id.substr(0, 12));
    if (c->hostname != c->id.substr(0, 12)) ep->dnsNames.push_back(c->hostname);
    const bool needsGateway = gatewayNetworkOf(*c).empty() && !n->internal;
    const std::string epId = ep->id;
    n->endpointIds.push_back(epId);
    c->endpoints[n->id] = epId;
    m_endpoints.emplace(epId, std::move(*ep));
    if (auto r = joinEndpoint(*n, *c, m_endpoints.at(epId), needsGateway); !r) {
        leaveEndpoint(*n, *c, epId);
        return r;
    }
    if (std::find(c->networks.begin(), c->networks.end(), n->id) == c->networks.end()) c->networks.push_back(n->id);
    c->endpointSettings[n->id] = std::move(*settings);
    m_dns->attach(*c);
    refreshEtcFiles(*c);
    draws.keep();
    return {};
}

core::Result<void> DockerEngine::disconnect(const std::string& networkRef, const std::string& containerRef, bool force) {
    Container* c = mutableContainer(containerRef);
    auto found = lookupNetwork(networkRef);
    if (!found && found.error().code != ErrorCode::NotFound) return std::unexpected(found.error());  // ambiguous
    Network* n = found ? mutableNetwork((*found)->id) : nullptr;
    if (!c) {
        if (!force) return msg::noSuchContainer(containerRef);
        // ForceEndpointDelete: the network's endpoint of that name; docknet's endpoints all
        // belong to containers that exist, so there is none.
        if (!n) return msg::networkNotFound(networkRef);
        return fail(ErrorCode::NotFound, "endpoint " + containerRef + " not found");
    }

    if (!c->isRunning() || (!n && force)) {
        const std::string name = n ? n->name : networkRef;
        auto it = std::find_if(c->networks.begin(), c->networks.end(), [&](const std::string& ref) {
            return n ? (ref == n->id || ref == n->name) : ref == networkRef;
        });
        if (it == c->networks.end())
            return fail(ErrorCode::Forbidden, "container " + c->id + " is not connected to the network " + name);
        c->endpointSettings.erase(*it);
        c->networks.erase(it);
        return {};
    }
    if (!n) return msg::networkNotFound(networkRef);
    if (n->driver == DriverKind::Host && c->config.network.isHost()) return fail(ErrorCode::Forbidden, msg::kHostNetworkConnect);

    auto it = c->endpoints.find(n->id);
    if (it == c->endpoints.end())
        return fail(ErrorCode::Forbidden, "container " + c->id + " is not connected to network " + n->name);
    const bool wasGateway = gatewayNetworkOf(*c) == n->id;
    if (wasGateway) unpublishPorts(*c);
    leaveEndpoint(*n, *c, it->second);
    std::erase(c->networks, n->id);
    c->endpointSettings.erase(n->id);
    if (wasGateway) {
        // The default route moves to the next network in Endpoint.Less order, ports with it.
        const std::string gw = gatewayNetworkOf(*c);
        if (!gw.empty()) {
            const Network* next = findNetwork(gw);
            const Endpoint& ep = m_endpoints.at(c->endpoints.at(gw));
            if (!next->internal) {
                (void)m_kernel.addRoute(c->sandbox, net::Route::defaultVia(ep.gateway, ep.containerIf));
                (void)publishPorts(*c, *next, ep);
            }
        }
    }
    m_dns->detach(*c);
    m_dns->attach(*c);  // serves again only while a user-defined network is left
    refreshEtcFiles(*c);
    return {};
}

std::set<core::InterfaceId> DockerEngine::managedInterfaces() const {
    std::set<core::InterfaceId> out;
    for (const Network* n : networks())
        if (n->bridgeIf.isValid()) out.insert(n->bridgeIf);
    for (const Container* c : containers())
        for (const auto& [net, epId] : c->endpoints)
            if (const Endpoint* ep = endpoint(epId)) {
                if (ep->containerIf.isValid()) out.insert(ep->containerIf);
                if (ep->hostVeth.isValid()) out.insert(ep->hostVeth);
            }
    if (const auto uplink = m_kernel.findInterface(hostNamespace(), "eth0"); uplink.isValid()) out.insert(uplink);
    return out;
}

}  // namespace sim::docker
