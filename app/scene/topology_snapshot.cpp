#include "topology_snapshot.hpp"

#include <algorithm>

#include "sim/cli/docker_views.hpp"
#include "sim/cli/docker_host.hpp"
#include "sim/docker/host_environment.hpp"

namespace docknet::scene {

namespace {

using sim::docker::Container;
using sim::docker::DockerEngine;

std::string addressOnly(const sim::wire::Ipv4Prefix& p) { return p.address().toString(); }

NetworkModeView modeOf(const Container& c) {
    using Kind = sim::docker::NetworkMode::Kind;
    switch (c.config.network.kind) {
        case Kind::Host: return NetworkModeView::Host;
        case Kind::None: return NetworkModeView::None;
        case Kind::Container: return NetworkModeView::Container;
        case Kind::Default:
        case Kind::Named: return NetworkModeView::Bridge;
    }
    return NetworkModeView::Bridge;
}

// The network a bridge-mode card sits under: the first network it is configured on, so a
// stopped container (which has no endpoints) stays where it was.
std::string homeNetwork(const DockerEngine& engine, const Container& c) {
    for (const auto& ref : c.networks)
        if (const auto* n = engine.findNetwork(ref); n && n->driver == sim::docker::DriverKind::Bridge) return n->id;
    const std::string ref = c.config.network.kind == sim::docker::NetworkMode::Kind::Named ? c.config.network.name : "bridge";
    if (const auto* n = engine.findNetwork(ref)) return n->id;
    return {};
}

}  // namespace

TopologySnapshot snapshotOf(const sim::cli::DockerHost& lab) {
    const DockerEngine& engine = lab.engine();
    const sim::net::Kernel& k = lab.kernel();
    TopologySnapshot s;
    const auto& host = engine.host();
    s.hostName = host.hostName();
    s.hostNs = host.hostNs();
    s.hostEth0 = k.findInterface(host.hostNs(), "eth0");
    if (const auto* eth0 = k.interface(s.hostEth0)) {
        if (const auto* a = eth0->primaryAddress()) s.hostAddress = a->toString();
        s.routerIf = eth0->peer;
    }
    if (const auto* r = k.interface(s.routerIf); r && r->primaryAddress()) s.routerAddress = addressOnly(*r->primaryAddress());

    for (const auto* n : engine.networks()) {
        if (n->driver != sim::docker::DriverKind::Bridge || !n->bridgeIf.isValid()) continue;
        BridgeView b;
        b.networkId = n->id;
        b.networkName = n->name;
        b.bridgeName = n->bridgeName;
        if (n->ipam) {
            b.subnet = n->ipam->subnet.toString();
            b.gateway = n->ipam->gateway.toString();
        }
        b.bridgeIf = n->bridgeIf;
        s.bridges.push_back(std::move(b));
    }

    for (const auto* c : engine.containers()) {
        ContainerView v;
        v.id = c->id;
        v.name = c->name;
        v.image = c->config.image;
        v.status = sim::cli::containerStatus(engine, *c);
        v.running = c->isRunning();
        v.mode = modeOf(*c);
        v.ns = v.mode == NetworkModeView::Host ? host.hostNs() : c->sandbox;
        if (v.mode == NetworkModeView::Bridge) v.homeNetworkId = homeNetwork(engine, *c);
        if (v.mode == NetworkModeView::Container)
            if (const auto* donor = engine.findContainer(c->config.network.name)) v.donorId = donor->id;
        for (const auto& [netId, epId] : c->endpoints) {
            const auto* ep = engine.endpoint(epId);
            if (!ep || !ep->containerIf.isValid()) continue;
            InterfaceView i;
            i.ifName = ep->ifName;
            i.address = addressOnly(ep->address);
            i.mac = ep->mac.toString();
            i.networkId = ep->networkId;
            i.hostVeth = ep->hostVethName;
            i.containerIf = ep->containerIf;
            i.hostVethIf = ep->hostVeth;
            v.interfaces.push_back(std::move(i));
        }
        // eth0, eth1 ... in the order Docker numbered them.
        std::sort(v.interfaces.begin(), v.interfaces.end(),
                  [](const InterfaceView& a, const InterfaceView& b) { return a.ifName < b.ifName; });
        for (const auto& m : c->ports) {
            if (m.hostPort == 0 || !c->isRunning()) continue;
            PortView p;
            p.hostIp = m.onIpv4 ? m.hostIp.toString() : std::string("[::]");
            p.hostPort = m.hostPort;
            p.proto = std::string(sim::docker::toString(m.requested.proto));
            p.key = p.hostIp + ":" + std::to_string(p.hostPort) + "/" + p.proto;
            p.containerPort = m.requested.containerPort;
            p.containerId = c->id;
            p.alsoOnIpv6 = m.onIpv6Any && m.onIpv4;
            p.ipv6Only = !m.onIpv4;
            p.targetIp = v.interfaces.empty() ? std::string() : v.interfaces.front().address;
            s.ports.push_back(std::move(p));
        }
        s.containers.push_back(std::move(v));
    }
    return s;
}

}  // namespace docknet::scene
