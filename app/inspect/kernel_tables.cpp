#include "inspect/kernel_tables.hpp"

#include "sim/net/bridge.hpp"
#include "sim/net/interface.hpp"
#include "sim/tools/iptables_render.hpp"

namespace docknet::gui::tables {

namespace {

std::string ifName(const sim::net::Kernel& k, sim::core::InterfaceId id) {
    const sim::net::Interface* i = k.interface(id);
    return i ? i->name : std::string("?");
}

std::string join(const std::vector<std::string>& parts, const char* sep) {
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : sep) + p;
    return out;
}

std::string seconds(sim::core::SimTime t) { return t.toString(); }

}  // namespace

Table interfaces(const sim::net::Kernel& k, sim::core::NamespaceId ns) {
    Table t{"interfaces", {"ifindex", "name", "kind", "state", "mac", "addresses", "link"}, {}};
    for (auto id : k.interfacesOf(ns)) {
        const sim::net::Interface* i = k.interface(id);
        if (!i) continue;
        std::vector<std::string> addresses;
        for (const auto& a : i->addresses) addresses.push_back(a.toString());
        std::string link;
        if (i->master.isValid()) link = "master " + ifName(k, i->master);
        if (i->peer.isValid()) link += (link.empty() ? "" : ", ") + std::string("peer ") + k.describe(i->peer);
        const std::string state = !i->adminUp ? "DOWN" : k.isOperUp(id) ? "UP" : "NO-CARRIER";
        t.rows.push_back({std::to_string(i->ifindex), i->name, std::string(sim::net::toString(i->kind)), state, i->mac.toString(),
                          join(addresses, ", "), link});
    }
    return t;
}

Table neighbours(const sim::net::Kernel& k, const sim::net::NetNamespace& ns) {
    Table t{"neighbours", {"ip", "dev", "lladdr", "state"}, {}};
    for (const sim::net::NeighborEntry* e : ns.neighbors().entries())
        t.rows.push_back({e->ip.toString(), ifName(k, e->dev), e->mac ? e->mac->toString() : std::string(),
                          std::string(sim::net::toString(e->state))});
    return t;
}

Table routes(const sim::net::Kernel& k, const sim::net::NetNamespace& ns) {
    Table t{"routes", {"destination", "gateway", "dev", "src"}, {}};
    for (const auto& r : ns.routes().routes())
        t.rows.push_back({r.destination.length() == 0 ? std::string("default") : r.destination.toString(),
                          r.gateway ? r.gateway->toString() : std::string(), ifName(k, r.dev),
                          r.prefSrc ? r.prefSrc->toString() : std::string()});
    return t;
}

Table iptables(const sim::net::XtTable& table, std::string id) {
    // The counters as `iptables -L -v -x` shows them: a rule's row changes when a packet hits it.
    Table t{std::move(id), {"chain", "rule", "pkts", "bytes"}, {}};
    const auto n = [](std::uint64_t v) { return std::to_string(v); };
    for (const auto& chain : table.chains()) {
        if (chain.builtin)
            t.rows.push_back({chain.name, std::string("-P ") + (chain.policyAccept ? "ACCEPT" : "DROP"), n(chain.policy.packets),
                              n(chain.policy.bytes)});
        else if (chain.rules.empty()) t.rows.push_back({chain.name, "-N " + chain.name, "", ""});
        for (const auto& rule : chain.rules)
            t.rows.push_back({chain.name, sim::tools::ruleSpec(rule), n(rule.counters.packets), n(rule.counters.bytes)});
    }
    return t;
}

Table sockets(const sim::net::NetNamespace& ns) {
    Table t{"sockets", {"proto", "local", "owner"}, {}};
    for (const auto& s : ns.sockets().sockets())
        t.rows.push_back({std::string(sim::net::toString(s.transport)), s.addressText() + ":" + std::to_string(s.port), s.owner});
    return t;
}

Table conntrack(const sim::net::Kernel& k, const sim::net::NetNamespace& ns) {
    Table t{"conntrack", {"original", "reply", "replied", "expires"}, {}};
    for (const auto& e : ns.conntrack().entries(k.now()))
        t.rows.push_back({e.original.toString(), e.reply.toString(), e.seenReply ? "yes" : "no", seconds(e.expires)});
    return t;
}

Table bridgePorts(const sim::net::Kernel& k, const sim::net::Bridge& bridge) {
    Table t{"ports", {"name", "state", "mac", "link"}, {}};
    for (auto p : bridge.ports()) {
        const sim::net::Interface* i = k.interface(p);
        if (!i) continue;
        const std::string state = !i->adminUp ? "DOWN" : k.isOperUp(p) ? "UP" : "NO-CARRIER";
        t.rows.push_back({i->name, state, i->mac.toString(), i->peer.isValid() ? "peer " + k.describe(i->peer) : std::string()});
    }
    return t;
}

Table fdb(const sim::net::Kernel& k, const sim::net::Bridge& bridge) {
    Table t{"fdb", {"mac", "port", "local", "updated"}, {}};
    for (const auto& e : bridge.fdb().entries(k.now()))
        t.rows.push_back({e.mac.toString(), ifName(k, e.port), e.isLocal ? "yes" : "no", e.isLocal ? std::string() : seconds(e.updated)});
    return t;
}

Table fileLines(std::string id, const std::string& text) {
    Table t{std::move(id), {"line"}, {}};
    std::size_t start = 0;
    while (start < text.size()) {
        const auto nl = text.find('\n', start);
        t.rows.push_back({text.substr(start, nl == std::string::npos ? std::string::npos : nl - start)});
        if (nl == std::string::npos) break;
        start = nl + 1;
    }
    return t;
}

}  // namespace docknet::gui::tables
