#include "sim/docker/docker_engine.hpp"

#include <algorithm>
#include <cstdio>
#include <ctime>

#include "sim/docker/docker_messages.hpp"
#include "sim/docker/embedded_dns.hpp"
#include "sim/docker/host_environment.hpp"

namespace sim::docker {

using core::ErrorCode;
using core::fail;

std::string_view toString(DriverKind kind) {
    switch (kind) {
        case DriverKind::Bridge: return "bridge";
        case DriverKind::Host: return "host";
        case DriverKind::Null: return "null";
    }
    return "?";
}

DockerEngine::DockerEngine(net::Kernel& kernel, DockerEngineConfig config)
    : m_kernel(kernel), m_config(std::move(config)), m_ids(kernel.rng()), m_ipam6(ulaBaseFor(m_config.hostId)) {
    m_host = std::make_unique<HostEnvironment>(kernel, m_config.hostName);
    m_dns = std::make_unique<EmbeddedDns>(*this);
    createPredefinedNetworks();
}

DockerEngine::~DockerEngine() = default;

core::NamespaceId DockerEngine::hostNamespace() const { return m_host->hostNs(); }

std::string DockerEngine::timestamp(core::SimTime t) const {
    const std::int64_t us = t.micros();
    const std::time_t secs = static_cast<std::time_t>(m_config.epochSeconds + us / 1000000);
    std::tm tm{};
    gmtime_r(&secs, &tm);
    char buf[64];
    // Docker prints nanoseconds; the simulation's clock has microseconds, padded with a fixed tail.
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%06lld%03dZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                  tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<long long>(us % 1000000), 417);
    return buf;
}

void DockerEngine::createPredefinedNetworks() {
    // The daemon's base iptables set-up (≤27): its chains and the FORWARD jumps; FORWARD DROP,
    // since the daemon turned ip_forward on (setupIPForwarding).
    (void)m_kernel.ns(hostNamespace())->filter().setPolicy("FORWARD", false);
    setupIpChains();

    auto bridge = std::make_unique<Network>();
    bridge->id = m_ids.newId();
    bridge->name = "bridge";
    bridge->driver = DriverKind::Bridge;
    bridge->predefined = true;
    bridge->isDefaultBridge = true;
    bridge->created = m_kernel.now();
    bridge->bridgeName = "docker0";
    const auto pool = *m_ipam.allocatePool(*wire::Ipv4Prefix::parse("172.17.0.0/16"));
    bridge->ipam = IpamConfig{pool, *m_ipam.allocateAddress(pool)};
    bridge->staticSubnet = true;  // the daemon configures docker0's pool (PreferredPool)
    bridge->options = {{"com.docker.network.bridge.default_bridge", "true"},
                       {"com.docker.network.bridge.enable_icc", "true"},
                       {"com.docker.network.bridge.enable_ip_masquerade", "true"},
                       {"com.docker.network.bridge.host_binding_ipv4", "0.0.0.0"},
                       {"com.docker.network.bridge.name", "docker0"},
                       {"com.docker.network.driver.mtu", "1500"}};
    (void)setupBridge(*bridge);
    m_networks.push_back(std::move(bridge));

    for (auto [name, driver] : {std::pair{"host", DriverKind::Host}, std::pair{"none", DriverKind::Null}}) {
        auto n = std::make_unique<Network>();
        n->id = m_ids.newId();
        n->name = name;
        n->driver = driver;
        n->predefined = true;
        n->created = m_kernel.now();
        m_networks.push_back(std::move(n));
    }
}

// --- lookups ---------------------------------------------------------------------------------

template <class T>
static T* findByRef(const std::vector<std::unique_ptr<T>>& items, const std::string& ref, bool stripSlash) {
    if (ref.empty()) return nullptr;
    const std::string name = stripSlash && ref.front() == '/' ? ref.substr(1) : ref;
    for (const auto& i : items)
        if (i->name == name) return i.get();
    for (const auto& i : items)
        if (i->id == ref) return i.get();
    T* found = nullptr;
    for (const auto& i : items) {
        if (i->id.starts_with(ref)) {
            if (found) return nullptr;  // ambiguous prefix
            found = i.get();
        }
    }
    return found;
}

const Network* DockerEngine::findNetwork(const std::string& ref) const { return findByRef(m_networks, ref, false); }
Network* DockerEngine::mutableNetwork(const std::string& ref) { return findByRef(m_networks, ref, false); }
const Container* DockerEngine::findContainer(const std::string& ref) const {
    if (ref.empty()) return nullptr;
    if (Container* c = m_containerIndex.byName(ref.front() == '/' ? ref.substr(1) : ref)) return c;
    return m_containerIndex.byIdOrPrefix(ref);
}
Container* DockerEngine::mutableContainer(const std::string& ref) { return const_cast<Container*>(findContainer(ref)); }

core::Result<const Network*> DockerEngine::lookupNetwork(const std::string& ref) const {
    std::vector<const Network*> byName, byPrefix;
    for (const auto& n : m_networks) {
        if (n->id == ref) return n.get();
        if (!ref.empty() && n->id.starts_with(ref)) byPrefix.push_back(n.get());
        if (n->name == ref) byName.push_back(n.get());
    }
    if (byName.size() == 1) return byName[0];
    if (byPrefix.size() == 1) return byPrefix[0];
    if (byPrefix.size() > 1)
        return fail(ErrorCode::InvalidArgument,
                    "network " + ref + " is ambiguous (" + std::to_string(byPrefix.size()) + " matches found based on ID prefix)");
    return msg::networkNotFound(ref);
}

std::vector<const Network*> DockerEngine::networks() const {
    std::vector<const Network*> out;
    for (const auto& n : m_networks) out.push_back(n.get());
    return out;
}

std::vector<const Container*> DockerEngine::containers() const {
    std::vector<const Container*> out;
    for (const auto& c : m_containers) out.push_back(c.get());
    return out;
}

const Endpoint* DockerEngine::endpoint(const std::string& id) const {
    auto it = m_endpoints.find(id);
    return it == m_endpoints.end() ? nullptr : &it->second;
}

std::optional<wire::Ipv4Address> DockerEngine::addressOn(const Container& c, const std::string& networkId) const {
    auto it = c.endpoints.find(networkId);
    if (it == c.endpoints.end()) return std::nullopt;
    const Endpoint* ep = endpoint(it->second);
    if (!ep || ep->address.address().isAny()) return std::nullopt;
    return ep->address.address();
}

// --- networks --------------------------------------------------------------------------------

core::Result<std::string> DockerEngine::createNetwork(const NetworkCreateOptions& o) {
    if (o.name == "bridge" || o.name == "host" || o.name == "none") return msg::predefinedNetworkCreate(o.name);
    if (o.name.empty()) return fail(ErrorCode::InvalidArgument, "network name cannot be empty");
    for (const auto& n : m_networks)
        if (n->name == o.name) return msg::networkNameExists(o.name);
    if (o.driver != "bridge") {
        if (o.driver == "host" || o.driver == "null")
            return fail(ErrorCode::Unsupported, "only one instance of \"" + o.driver + "\" network is allowed");
        // A global-scope driver is the swarm manager's business (ManagerRedirectError, then
        // the cluster's errNoManager on a host that is in no swarm).
        if (o.driver == "overlay")
            return fail(ErrorCode::Unsupported, "This node is not a swarm manager. Use \"docker swarm init\" or \"docker swarm join\" to "
                                                "connect this node to swarm and try again.");
        return fail(ErrorCode::NotFound, "plugin \"" + o.driver + "\" not found");
    }
    // The CLI refuses a gateway or range without a subnet, and one outside it (consolidateIpam);
    // the daemon checks again (ValidateIPAM), for other clients.
    if ((o.gateway || o.ipRange) && !o.subnet)
        return fail(ErrorCode::InvalidArgument, "every ip-range or gateway must have a corresponding subnet");
    if (o.subnet && o.gateway && !o.subnet->contains(*o.gateway))
        return fail(ErrorCode::InvalidArgument, "invalid network config:\ninvalid gateway " + o.gateway->toString() +
                                                    ": parent subnet " + o.subnet->toString() + " doesn't contain this address");
    // The driver reads its -o options before anything is allocated.
    Network driverOptions;
    if (auto parsed = applyBridgeOptions(driverOptions, o.options); !parsed) return std::unexpected(parsed.error());

    auto pool = m_ipam.allocatePool(o.subnet ? std::optional(o.subnet->network()) : std::nullopt);
    if (!pool) return std::unexpected(pool.error());
    // ipamAllocateVersion: the gateway (from the ip-range when one is given and no --gateway),
    // then the auxiliary addresses, reserved only when inside the range.
    auto gw = o.gateway || !o.ipRange ? m_ipam.allocateAddress(*pool, o.gateway) : m_ipam.allocateAddressIn(*pool, *o.ipRange);
    if (!gw) {
        m_ipam.releasePool(*pool);
        return std::unexpected(gw.error());
    }
    for (const auto& [name, ip] : o.auxAddresses) {
        if (o.ipRange && !o.ipRange->network().contains(ip)) continue;
        if (auto r = m_ipam.allocateAddress(*pool, ip); !r) {
            m_ipam.releasePool(*pool);
            return fail(ErrorCode::Internal, "failed to allocate secondary ip address (" + name + ":" + ip.toString() + "): " +
                                                 r.error().message);
        }
    }
    // ipamAllocate: the IPv6 side only with --ipv6 (its --subnet is kept either way).
    std::optional<Ipv6IpamConfig> v6;
    if (o.enableIpv6) {
        auto pool6 = m_ipam6.allocatePool(o.subnet6);
        std::optional<wire::Ipv6Address> gw6;
        if (pool6) {
            auto g = m_ipam6.allocateAddress(*pool6, o.gateway6, o.gateway6 ? std::nullopt : o.ipRange6);
            if (!g) m_ipam6.releasePool(*pool6);
            else gw6 = *g;
            if (!g) pool6 = std::unexpected(g.error());
        }
        if (!pool6) {
            m_ipam.releasePool(*pool);
            return std::unexpected(pool6.error());
        }
        v6 = Ipv6IpamConfig{*pool6, *gw6};
    }
    auto n = std::make_unique<Network>();
    n->id = m_ids.newId();
    n->name = o.name;
    n->driver = DriverKind::Bridge;
    n->enableIpv6 = o.enableIpv6;
    n->ipv6 = v6;
    n->ipv6SubnetGiven = o.subnet6;
    n->ipv6RangeGiven = o.ipRange6;
    n->ipv6GatewayGiven = o.gateway6;
    n->created = m_kernel.now();
    n->internal = o.internal;
    n->attachable = o.attachable;
    n->userIpamOptions = true;
    n->ipam = IpamConfig{*pool, *gw};
    n->staticSubnet = o.subnet.has_value();
    n->gatewayGiven = o.gateway.has_value();
    if (o.ipRange) n->ipRange = o.ipRange->network();
    n->auxAddresses = o.auxAddresses;
    n->options = o.options;
    n->labels = o.labels;
    n->icc = driverOptions.icc;
    n->masquerade = driverOptions.masquerade && !o.internal;
    n->bridgeName = driverOptions.bridgeName.empty() ? "br-" + n->id.substr(0, 12) : driverOptions.bridgeName;
    n->mtu = driverOptions.mtu;
    n->containerIfacePrefix = driverOptions.containerIfacePrefix;
    n->hostBindingIpv4 = driverOptions.hostBindingIpv4;
    n->inhibitIpv4 = driverOptions.inhibitIpv4;
    if (auto r = setupBridge(*n); !r) {
        m_ipam.releasePool(*pool);
        if (n->ipv6) m_ipam6.releasePool(n->ipv6->subnet);
        return std::unexpected(r.error());
    }
    const std::string id = n->id;
    m_networks.push_back(std::move(n));
    return id;
}

core::Result<std::string> DockerEngine::removeNetwork(const std::string& ref) {
    auto found = lookupNetwork(ref);
    if (!found) return std::unexpected(found.error());
    Network* n = mutableNetwork((*found)->id);
    if (n->predefined) return msg::predefinedNetworkRemove(n->name);
    if (!n->endpointIds.empty()) return msg::activeEndpoints(n->name, n->id);
    const std::string name = n->name;
    teardownBridge(*n);
    if (n->ipam) m_ipam.releasePool(n->ipam->subnet);
    if (n->ipv6) m_ipam6.releasePool(n->ipv6->subnet);
    // Stopped containers keep naming the network; their next start fails with "not found".
    std::erase_if(m_networks, [&](const auto& p) { return p.get() == n; });
    return name;
}

std::vector<std::string> DockerEngine::pruneNetworks(const std::function<bool(const Network&)>& selected) {
    // localNetworksPrune: predefined networks and networks with endpoints stay. Endpoints exist
    // only for running containers, so a network only stopped containers name is removed too.
    std::vector<std::string> candidates;
    for (const auto& n : m_networks) {
        if (n->predefined || !n->endpointIds.empty()) continue;
        if (selected && !selected(*n)) continue;
        candidates.push_back(n->name);
    }
    std::vector<std::string> removed;
    for (const auto& name : candidates)
        if (removeNetwork(name)) removed.push_back(name);
    return removed;
}

void DockerEngine::appendLog(const std::string& id, bool isStderr, const std::string& text) {
    if (Container* c = mutableContainer(id)) c->logs.push_back(LogLine{m_kernel.now(), isStderr, text});
}

core::Result<ProcessResult> DockerEngine::exec(const std::string& ref, const std::vector<std::string>& argv) {
    const Container* c = findContainer(ref);
    if (!c) return msg::noSuchContainer(ref);
    if (c->status == ContainerStatus::Restarting) return msg::restarting(c->id);
    if (!c->isRunning()) return msg::notRunning(c->id);
    if (!m_runner) return fail(ErrorCode::Internal, "no process runner");
    return m_runner(*c, argv);
}

}  // namespace sim::docker
