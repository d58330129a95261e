// Host tools for Linux bridges: `bridge fdb show [br BR] [brport|dev PORT]` (iproute2
// bridge/fdb.c) and `brctl show [BR]` / `brctl showmacs BR` (bridge-utils 1.7).
// bridge fdb show prints, per device in ifindex order, what docker-facts §10.2 shows on a Docker
// host: for a bridge its multicast "self permanent" entries (01:00:5e:00:00:01 for 224.0.0.1,
// 33:33:00:00:00:01 for ff02::1) and its own MAC with and without "vlan 1" (the default PVID);
// for each port its own MAC (permanent, with and without vlan 1) and the MACs learned on it
// (no state word). Other devices' multicast entries are left out.
// brctl lists bridges and ports in name order (it scans /sys/class/net and brif with alphasort),
// "8000." + MAC as bridge id, STP "no"; showmacs sorts by MAC, ages in seconds with 2 decimals.
#include <algorithm>
#include <cstdio>

#include "sim/tools/commands.hpp"

namespace sim::tools {

namespace {

const net::Interface* findBridge(const net::Kernel& k, core::NamespaceId ns, const std::string& name) {
    const net::Interface* i = k.interface(k.findInterface(ns, name));
    return i && i->isBridge() ? i : nullptr;
}

std::string fdbLines(const net::Kernel& k, const net::Interface& dev, const std::string& portFilter) {
    std::string out;
    if (!portFilter.empty() && dev.name != portFilter) return out;
    if (dev.isBridge()) {
        out += "33:33:00:00:00:01 dev " + dev.name + " self permanent\n";
        out += "01:00:5e:00:00:01 dev " + dev.name + " self permanent\n";
        out += dev.mac.toString() + " dev " + dev.name + " vlan 1 master " + dev.name + " permanent\n";
        out += dev.mac.toString() + " dev " + dev.name + " master " + dev.name + " permanent\n";
        return out;
    }
    const net::Bridge* br = k.bridge(dev.master);
    const net::Interface* master = k.interface(dev.master);
    if (!br || !master) return out;
    const std::string tail = " dev " + dev.name + " master " + master->name;
    for (const auto& e : br->fdb().entries(k.now())) {
        if (e.port != dev.id || !e.isLocal) continue;
        out += e.mac.toString() + tail + " permanent\n";
        out += e.mac.toString() + " dev " + dev.name + " vlan 1 master " + master->name + " permanent\n";
    }
    for (const auto& e : br->fdb().entries(k.now()))
        if (e.port == dev.id && !e.isLocal) out += e.mac.toString() + tail + " \n";
    return out;
}

std::vector<const net::Interface*> bridgesByName(const net::Kernel& k, core::NamespaceId ns) {
    std::vector<const net::Interface*> out;
    for (auto id : k.interfacesOf(ns))
        if (const net::Interface* i = k.interface(id); i->isBridge()) out.push_back(i);
    std::sort(out.begin(), out.end(), [](auto* a, auto* b) { return a->name < b->name; });
    return out;
}

}  // namespace

ToolResult runBridge(ToolContext& ctx, const Args& argv) {
    const net::Kernel& k = *ctx.kernel;
    if (argv.size() < 2 || !(argv[1] == "fdb" || argv[1] == "f")) {
        if (argv.size() >= 2 && (argv[1] == "link" || argv[1] == "vlan" || argv[1] == "mdb" || argv[1] == "monitor"))
            return failure("docknet: bridge " + argv[1] + ": not modelled\n", 127);
        return failure("Usage: bridge [ OPTIONS ] OBJECT { COMMAND | help }\nwhere\tOBJECT := { link | fdb | mdb | vlan | monitor }\n", 255);
    }
    std::string brFilter, portFilter;
    for (std::size_t n = 2; n < argv.size(); ++n) {
        if ((argv[n] == "br" || argv[n] == "brport" || argv[n] == "dev") && n + 1 < argv.size()) {
            (argv[n] == "br" ? brFilter : portFilter) = argv[n + 1];
            ++n;
        } else if (argv[n] != "show" && argv[n] != "list" && argv[n] != "ls") {
            return failure("docknet: bridge fdb " + argv[n] + ": not modelled\n", 127);
        }
    }
    core::InterfaceId onlyBridge;
    if (!brFilter.empty()) {
        const net::Interface* br = findBridge(k, ctx.ns, brFilter);
        if (!br) return failure("Cannot find bridge device \"" + brFilter + "\"\n", 1);
        onlyBridge = br->id;
    }
    if (!portFilter.empty() && !k.findInterface(ctx.ns, portFilter).isValid())
        return failure("Cannot find device \"" + portFilter + "\"\n", 1);
    std::string out;
    for (auto id : k.interfacesOf(ctx.ns)) {
        const net::Interface* i = k.interface(id);
        const core::InterfaceId owner = i->isBridge() ? i->id : i->master;
        if (!owner.isValid() || (onlyBridge.isValid() && owner != onlyBridge)) continue;
        out += fdbLines(k, *i, portFilter);
    }
    return ok(out);
}

ToolResult runBrctl(ToolContext& ctx, const Args& argv) {
    const net::Kernel& k = *ctx.kernel;
    const std::string cmd = argv.size() > 1 ? argv[1] : "";
    if (cmd == "show") {
        std::vector<const net::Interface*> bridges;
        std::string err;
        if (argv.size() > 2) {
            for (std::size_t n = 2; n < argv.size(); ++n) {
                if (const net::Interface* br = findBridge(k, ctx.ns, argv[n])) bridges.push_back(br);
                else err += "bridge " + argv[n] + " does not exist!\n";
            }
        } else {
            bridges = bridgesByName(k, ctx.ns);
        }
        std::string out = "bridge name\tbridge id\t\tSTP enabled\tinterfaces\n";
        for (const net::Interface* br : bridges) {
            out += br->name + "\t\t8000." + br->mac.toHex() + "\tno\t\t";
            std::vector<std::string> ports;
            for (auto p : k.bridge(br->id)->ports()) ports.push_back(k.interface(p)->name);
            std::sort(ports.begin(), ports.end());
            if (ports.empty()) out += "\n";
            for (std::size_t n = 0; n < ports.size(); ++n) out += (n ? "\t\t\t\t\t\t\t" : "") + ports[n] + "\n";
        }
        return ToolResult{out, err, err.empty() ? 0 : 1};
    }
    if (cmd == "showmacs") {
        if (argv.size() < 3) return failure("Incorrect number of arguments for command\nUsage: brctl showmacs <bridge>\tshow a list of mac addrs\n", 1);
        const net::Interface* br = findBridge(k, ctx.ns, argv[2]);
        if (!br) return failure("read of forward table failed: No such device\n", 1);
        const net::Bridge& state = *k.bridge(br->id);
        auto entries = state.fdb().entries(k.now());
        std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) { return a.mac < b.mac; });
        std::string out = "port no\tmac addr\t\tis local?\tageing timer\n";
        for (const auto& e : entries) {
            const auto& ports = state.ports();
            const auto at = std::find(ports.begin(), ports.end(), e.port);
            if (at == ports.end()) continue;  // the bridge's own address has no port
            const std::int64_t age = e.isLocal ? 0 : (k.now() - e.updated).micros();
            char buf[96];
            std::snprintf(buf, sizeof buf, "%3d\t%s\t%s\t\t%4lld.%.2lld\n", static_cast<int>(at - ports.begin()) + 1,
                          e.mac.toString().c_str(), e.isLocal ? "yes" : "no", static_cast<long long>(age / 1000000),
                          static_cast<long long>((age % 1000000) / 10000));
            out += buf;
        }
        return ok(out);
    }
    if (cmd.empty()) return failure("Usage: brctl [commands]\n", 1);
    if (cmd == "addbr" || cmd == "delbr" || cmd == "addif" || cmd == "delif" || cmd == "stp" || cmd == "setageing")
        return failure("docknet: brctl " + cmd + ": changing bridges is not modelled\n", 127);
    return failure("never heard of command [" + cmd + "]\nUsage: brctl [commands]\n", 1);
}

}  // namespace sim::tools
