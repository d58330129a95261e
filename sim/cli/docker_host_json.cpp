// labState: the whole simulated state as one JSON document (`docknet run --json`), in a fixed
// order (creation order or sorted), so that two equal states print the same text and a property
// test can compare the state before and after a command that failed.
#include <algorithm>

#include "sim/cli/docker_view_util.hpp"
#include "sim/cli/docker_views.hpp"
#include "sim/net/bridge.hpp"
#include "sim/net/interface.hpp"
#include "sim/tools/iptables_render.hpp"

namespace sim::cli {

using core::JsonValue;
using docker::Container;
using docker::DockerEngine;

namespace {

JsonValue str(std::string s) { return JsonValue::string(std::move(s)); }
template <class T>
JsonValue num(T v) {
    return JsonValue::number(v);
}

JsonValue sortedStrings(const std::map<std::string, std::string>& m) {
    JsonValue o = JsonValue::sortedObject();
    for (const auto& [k, v] : m) o.set(k, str(v));
    return o;
}

std::string statusWord(docker::ContainerStatus s) { return std::string(docker::toString(s)); }

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < text.size()) {
        const auto nl = text.find('\n', start);
        if (nl == std::string::npos) {
            out.push_back(text.substr(start));
            break;
        }
        out.push_back(text.substr(start, nl - start));
        start = nl + 1;
    }
    return out;
}

std::string_view protocolName(net::RouteProtocol p) {
    switch (p) {
        case net::RouteProtocol::Kernel: return "kernel";
        case net::RouteProtocol::Boot: return "boot";
        case net::RouteProtocol::Static: return "static";
    }
    return "?";
}

std::string_view scopeName(net::RouteScope s) {
    switch (s) {
        case net::RouteScope::Universe: return "universe";
        case net::RouteScope::Link: return "link";
        case net::RouteScope::Host: return "host";
    }
    return "?";
}

std::string ifName(const net::Kernel& k, core::InterfaceId id) {
    const net::Interface* i = k.interface(id);
    return i ? i->name : std::string();
}

// ---- Docker ---------------------------------------------------------------------------------

JsonValue imagesJson(const DockerEngine& engine) {
    JsonValue out = JsonValue::array();
    for (const docker::ImageConfig* image : engine.images().list())
        out.push(JsonValue::object()
                     .set("reference", str(image->reference()))
                     .set("id", str(image->id))
                     .set("created", str(image->created))
                     .set("size", num(image->sizeBytes))
                     .set("builtLocally", JsonValue::boolean(image->builtLocally)));
    return out;
}

JsonValue networksJson(const DockerEngine& engine) {
    JsonValue out = JsonValue::array();
    for (const docker::Network* n : engine.networks()) {
        JsonValue endpoints = JsonValue::array();
        for (const auto& epId : n->endpointIds) {
            const docker::Endpoint* ep = engine.endpoint(epId);
            endpoints.push(JsonValue::object()
                               .set("container", str(ep ? ep->name : ""))
                               .set("containerId", str(ep ? ep->containerId : ""))
                               .set("endpointId", str(epId)));
        }
        out.push(JsonValue::object()
                     .set("name", str(n->name))
                     .set("id", str(n->id))
                     .set("driver", str(std::string(docker::toString(n->driver))))
                     .set("created", str(engine.timestamp(n->created)))
                     .set("predefined", JsonValue::boolean(n->predefined))
                     .set("internal", JsonValue::boolean(n->internal))
                     .set("attachable", JsonValue::boolean(n->attachable))
                     .set("icc", JsonValue::boolean(n->icc))
                     .set("masquerade", JsonValue::boolean(n->masquerade))
                     .set("subnet", n->ipam ? str(n->ipam->subnet.toString()) : JsonValue::null())
                     .set("gateway", n->ipam ? str(n->ipam->gateway.toString()) : JsonValue::null())
                     .set("bridge", n->bridgeName.empty() ? JsonValue::null() : str(n->bridgeName))
                     .set("options", sortedStrings(n->options))
                     .set("labels", sortedStrings(n->labels))
                     .set("endpoints", std::move(endpoints)));
    }
    return out;
}

JsonValue endpointJson(const DockerEngine& engine, const std::string& netId, const docker::Endpoint& ep) {
    const docker::Network* n = engine.findNetwork(netId);
    const bool bridge = n && n->driver == docker::DriverKind::Bridge;
    return JsonValue::object()
        .set("network", str(views::networkName(engine, netId)))
        .set("endpointId", str(ep.id))
        .set("ip", bridge ? str(ep.address.toString()) : JsonValue::null())
        .set("gateway", bridge ? str(ep.gateway.toString()) : JsonValue::null())
        .set("mac", bridge ? str(ep.mac.toString()) : JsonValue::null())
        .set("ifName", bridge ? str(ep.ifName) : JsonValue::null())
        .set("hostVeth", bridge ? str(ep.hostVethName) : JsonValue::null())
        .set("aliases", JsonValue::stringArray(ep.aliases))
        .set("linkAliases", JsonValue::stringArray(ep.linkAliases))
        .set("dnsNames", JsonValue::stringArray(ep.dnsNames));
}

JsonValue containersJson(const DockerEngine& engine) {
    const net::Kernel& k = engine.kernel();
    JsonValue out = JsonValue::array();
    for (const Container* c : engine.containers()) {
        JsonValue configured = JsonValue::array();
        for (const auto& ref : c->networks) configured.push(str(views::networkName(engine, ref)));
        // Endpoints in the order of the configured networks, then any others (by network id).
        JsonValue endpoints = JsonValue::array();
        std::vector<std::string> order = c->networks;
        for (const auto& [netId, epId] : c->endpoints)
            if (std::find(order.begin(), order.end(), netId) == order.end()) order.push_back(netId);
        for (const auto& netId : order) {
            auto it = c->endpoints.find(netId);
            if (it == c->endpoints.end()) continue;
            if (const docker::Endpoint* ep = engine.endpoint(it->second)) endpoints.push(endpointJson(engine, netId, *ep));
        }
        JsonValue ports = JsonValue::array();
        for (const auto& m : c->ports)
            ports.push(JsonValue::object()
                           .set("containerPort", num(m.requested.containerPort))
                           .set("proto", str(std::string(docker::toString(m.requested.proto))))
                           .set("hostIp", str(m.onIpv4 ? m.hostIp.toString() : std::string("::")))
                           .set("hostPort", num(m.hostPort)));
        JsonValue logs = JsonValue::array();
        for (const auto& l : c->logs)
            logs.push(JsonValue::object()
                          .set("at", num(l.at.micros()))
                          .set("stream", str(l.isStderr ? "stderr" : "stdout"))
                          .set("text", str(l.text)));
        const net::NetNamespace* sandbox = c->sandbox.isValid() ? k.ns(c->sandbox) : nullptr;
        out.push(JsonValue::object()
                     .set("name", str(c->name))
                     .set("id", str(c->id))
                     .set("image", str(c->config.image))
                     .set("imageId", str(c->imageId))
                     .set("status", str(statusWord(c->status)))
                     .set("running", JsonValue::boolean(c->isRunning()))
                     .set("exitCode", num(c->exitCode))
                     .set("restartCount", num(c->restartCount))
                     .set("created", str(engine.timestamp(c->createdAt)))
                     .set("started", c->everStarted ? str(engine.timestamp(c->startedAt)) : JsonValue::null())
                     .set("finished", c->status == docker::ContainerStatus::Exited ||
                                              c->status == docker::ContainerStatus::Restarting
                                          ? str(engine.timestamp(c->finishedAt))
                                          : JsonValue::null())
                     .set("networkMode", str(c->config.network.toString()))
                     .set("hostname", str(c->hostname))
                     .set("command", JsonValue::stringArray(c->path))
                     .set("sandbox", sandbox ? str(sandbox->name()) : JsonValue::null())
                     .set("sandboxKey", str(c->sandboxKey))
                     .set("sandboxId", str(c->sandboxId))
                     .set("networks", std::move(configured))
                     .set("endpoints", std::move(endpoints))
                     .set("ports", std::move(ports))
                     .set("etcHosts", str(c->etcHosts))
                     .set("resolvConf", str(c->resolvConf))
                     .set("logs", std::move(logs)));
    }
    return out;
}

// ---- the kernel -----------------------------------------------------------------------------

JsonValue interfaceJson(const net::Kernel& k, const net::Interface& i) {
    JsonValue addresses = JsonValue::array();
    for (const auto& a : i.addresses) addresses.push(str(a.toString()));
    return JsonValue::object()
        .set("ifindex", num(i.ifindex))
        .set("name", str(i.name))
        .set("kind", str(std::string(net::toString(i.kind))))
        .set("mac", str(i.mac.toString()))
        .set("mtu", num(i.mtu))
        .set("up", JsonValue::boolean(i.adminUp))
        .set("operUp", JsonValue::boolean(k.isOperUp(i.id)))
        .set("addresses", std::move(addresses))
        .set("master", i.master.isValid() ? str(ifName(k, i.master)) : JsonValue::null())
        .set("peer", i.peer.isValid() ? str(k.describe(i.peer)) : JsonValue::null());
}

JsonValue namespaceJson(const net::Kernel& k, const net::NetNamespace& ns) {
    JsonValue interfaces = JsonValue::array();
    for (auto id : k.interfacesOf(ns.id()))
        if (const net::Interface* i = k.interface(id)) interfaces.push(interfaceJson(k, *i));

    JsonValue routes = JsonValue::array();
    for (const auto& r : ns.routes().routes()) {
        routes.push(JsonValue::object()
                        .set("destination", str(r.destination.length() == 0 ? "default" : r.destination.toString()))
                        .set("gateway", r.gateway ? str(r.gateway->toString()) : JsonValue::null())
                        .set("dev", str(ifName(k, r.dev)))
                        .set("src", r.prefSrc ? str(r.prefSrc->toString()) : JsonValue::null())
                        .set("protocol", str(std::string(protocolName(r.protocol))))
                        .set("scope", str(std::string(scopeName(r.scope))))
                        .set("metric", num(r.metric)));
    }

    JsonValue neighbours = JsonValue::array();
    for (const net::NeighborEntry* e : ns.neighbors().entries()) {
        neighbours.push(JsonValue::object()
                            .set("ip", str(e->ip.toString()))
                            .set("dev", str(ifName(k, e->dev)))
                            .set("lladdr", e->mac ? str(e->mac->toString()) : JsonValue::null())
                            .set("state", str(std::string(net::toString(e->state))))
                            .set("queued", num(e->queue.size())));
    }

    JsonValue sockets = JsonValue::array();
    for (const auto& s : ns.sockets().sockets()) {
        sockets.push(JsonValue::object()
                         .set("proto", str(std::string(net::toString(s.transport))))
                         .set("address", str(s.isIpv6() ? std::string("::") : s.address.toString()))
                         .set("port", num(s.port))
                         .set("owner", str(s.owner)));
    }

    JsonValue conntrack = JsonValue::array();
    for (const auto& e : ns.conntrack().entries(k.now())) {
        conntrack.push(JsonValue::object()
                           .set("original", str(e.original.toString()))
                           .set("reply", str(e.reply.toString()))
                           .set("seenReply", JsonValue::boolean(e.seenReply))
                           .set("expires", num(e.expires.micros())));
    }

    auto rules = [](const net::XtTable& table) { return JsonValue::stringArray(lines(tools::renderSave(table).value_or(""))); };
    return JsonValue::object()
        .set("name", str(ns.name()))
        .set("ipForward", JsonValue::boolean(ns.ipForward()))
        .set("interfaces", std::move(interfaces))
        .set("routes", std::move(routes))
        .set("neighbours", std::move(neighbours))
        .set("sockets", std::move(sockets))
        .set("iptables", JsonValue::object().set("filter", rules(ns.filter())).set("nat", rules(ns.nat())))
        .set("conntrack", std::move(conntrack));
}

JsonValue bridgesJson(const net::Kernel& k) {
    JsonValue out = JsonValue::array();
    const core::SimTime now = k.now();
    for (auto nsId : k.namespaces()) {
        const net::NetNamespace* ns = k.ns(nsId);
        if (!ns) continue;
        for (auto id : k.interfacesOf(nsId)) {
            const net::Interface* i = k.interface(id);
            const net::Bridge* br = i && i->isBridge() ? k.bridge(id) : nullptr;
            if (!br) continue;
            JsonValue ports = JsonValue::array();
            for (auto p : br->ports()) ports.push(str(ifName(k, p)));
            JsonValue fdb = JsonValue::array();
            for (const auto& e : br->fdb().entries(now)) {
                fdb.push(JsonValue::object()
                             .set("mac", str(e.mac.toString()))
                             .set("port", str(ifName(k, e.port)))
                             .set("local", JsonValue::boolean(e.isLocal))
                             .set("ageing", JsonValue::number(e.isLocal ? 0.0 : (now - e.updated).seconds())));
            }
            out.push(JsonValue::object()
                         .set("namespace", str(ns->name()))
                         .set("name", str(i->name))
                         .set("ports", std::move(ports))
                         .set("fdb", std::move(fdb)));
        }
    }
    return out;
}

}  // namespace

JsonValue labState(const DockerEngine& engine) {
    const net::Kernel& k = engine.kernel();
    JsonValue namespaces = JsonValue::array();
    for (auto id : k.namespaces())
        if (const net::NetNamespace* ns = k.ns(id)) namespaces.push(namespaceJson(k, *ns));
    return JsonValue::object()
        .set("time", JsonValue::object().set("micros", num(k.now().micros())).set("wallClock", str(engine.timestamp(k.now()))))
        .set("images", imagesJson(engine))
        .set("networks", networksJson(engine))
        .set("containers", containersJson(engine))
        .set("kernel", JsonValue::object().set("namespaces", std::move(namespaces)).set("bridges", bridgesJson(k)));
}

}  // namespace sim::cli
