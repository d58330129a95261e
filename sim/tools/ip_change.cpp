#include "sim/tools/ip_change.hpp"

#include <algorithm>
#include <optional>
#include <set>

#include "sim/net/net_namespace.hpp"

namespace sim::tools {

namespace {

/// The ways `ip` fails, in each flavour's words.
struct IpErrors {
    bool busybox = false;

    [[nodiscard]] ToolResult rtnetlink(std::string_view text) const {
        return failure(std::string(busybox ? "ip: " : "") + "RTNETLINK answers: " + std::string(text) + "\n", 2);
    }
    /// A kernel error as the model words it ("RTNETLINK answers: File exists", "Cannot find device").
    [[nodiscard]] ToolResult kernel(const core::Error& e, const std::string& dev) const {
        if (e.message == "Cannot find device") return noDevice(dev);
        return failure(std::string(busybox ? "ip: " : "") + e.message + "\n", 2);
    }
    [[nodiscard]] ToolResult noDevice(const std::string& dev) const {
        if (busybox) return failure("ip: can't find device '" + dev + "'\n", 1);
        return failure("Cannot find device \"" + dev + "\"\n", 1);
    }
    [[nodiscard]] ToolResult garbage(const std::string& word) const {
        if (busybox) return failure("ip: invalid argument '" + word + "' to 'ip'\n", 1);
        return failure("Error: either \"dev\" is duplicate, or \"" + word + "\" is a garbage.\n", 255);
    }
    [[nodiscard]] ToolResult incomplete() const {
        if (busybox) return failure("ip: command line is not complete\n", 1);
        return failure("Command line is not complete. Try option \"help\"\n", 255);
    }
    [[nodiscard]] static ToolResult notModelled(const std::string& what) {
        return failure("docknet: ip " + what + ": this change is not modelled\n", 127);
    }
};

/// `dev NAME` (or a bare NAME where iproute2 takes one) and the other words, checked against
/// the keywords each command takes a value for.
struct Words {
    std::optional<std::string> dev;
    std::vector<std::pair<std::string, std::string>> keyed;  // keyword -> value
    std::vector<std::string> bare;
};

std::optional<Words> splitWords(const Args& rest, std::size_t from, std::initializer_list<std::string_view> keywords) {
    Words w;
    for (std::size_t i = from; i < rest.size(); ++i) {
        const std::string& a = rest[i];
        const bool keyword = a == "dev" || std::find(keywords.begin(), keywords.end(), a) != keywords.end();
        if (!keyword) {
            w.bare.push_back(a);
            continue;
        }
        if (i + 1 >= rest.size()) return std::nullopt;
        if (a == "dev") w.dev = rest[++i];
        else w.keyed.emplace_back(a, rest[++i]);
    }
    return w;
}

/// `ip link add [name] NAME type bridge|veth [peer [name] PEER]` (iplink_modify with
/// NLM_F_CREATE|NLM_F_EXCL): made down, in the tool's namespace, both veth ends here.
ToolResult addLink(ToolContext& ctx, const Args& rest, const IpErrors& e) {
    net::Kernel& k = *ctx.kernel;
    std::optional<std::string> name, type, peer;
    for (std::size_t i = 1; i < rest.size(); ++i) {
        const std::string& a = rest[i];
        if (a == "type") {
            if (i + 1 >= rest.size()) return e.incomplete();
            type = rest[++i];
            // The rest belongs to the type: veth takes `peer [name] NAME`.
            for (++i; i < rest.size(); ++i) {
                if (*type != "veth" || rest[i] != "peer") return e.garbage(rest[i]);
                if (i + 1 >= rest.size()) return e.incomplete();
                ++i;
                if (rest[i] == "name") {
                    if (i + 1 >= rest.size()) return e.incomplete();
                    ++i;
                }
                if (peer) return e.garbage(rest[i]);
                peer = rest[i];
            }
            break;
        }
        if (a == "name" || a == "dev") {
            if (i + 1 >= rest.size()) return e.incomplete();
            if (name) return e.garbage(rest[i + 1]);
            name = rest[++i];
        } else if (a == "link" || a == "mtu" || a == "address" || a == "netns" || a == "txqueuelen") {
            return IpErrors::notModelled("link add " + a);
        } else if (!name) {
            name = a;
        } else {
            return e.garbage(a);
        }
    }
    if (!type) {
        if (e.busybox) return failure("ip: need \"type\"\n", 1);
        return failure("Not enough information: \"type\" argument is required\n", 255);
    }
    if (!name) {
        if (e.busybox) return failure("ip: need \"name\"\n", 1);
        return failure("Not enough information: \"dev\" argument is required.\n", 255);
    }
    if (name->size() >= 16) {
        if (e.busybox) return failure("ip: bad interface name '" + *name + "'\n", 1);
        return failure("Error: argument \"" + *name + "\" is wrong: \"name\" not a valid ifname\n", 255);
    }
    if (*type == "bridge") {
        if (auto r = k.createBridge(ctx.ns, *name); !r) return e.kernel(r.error(), *name);
        return ok();
    }
    if (*type == "veth") {
        if (e.busybox) return IpErrors::notModelled("link add type veth (busybox)");
        // Without a peer name the kernel picks the first free vethN.
        std::string other = peer.value_or("");
        for (int n = 0; other.empty(); ++n)
            if (!k.findInterface(ctx.ns, "veth" + std::to_string(n)).isValid() && *name != "veth" + std::to_string(n))
                other = "veth" + std::to_string(n);
        if (auto r = k.createVethPair(ctx.ns, *name, ctx.ns, other); !r) return e.kernel(r.error(), *name);
        return ok();
    }
    static const std::set<std::string> kKnownKinds = {"dummy", "vlan", "macvlan", "ipvlan", "vxlan", "bond", "team",
                                                      "gre", "ipip", "sit", "tun", "tap", "vrf", "wireguard", "geneve"};
    if (kKnownKinds.contains(*type)) return IpErrors::notModelled("link add type " + *type);
    // The kernel has no rtnl_link_ops of that kind (rtnl_newlink's extack).
    if (e.busybox) return failure("ip: RTNETLINK answers: Operation not supported\n", 2);
    return failure("Error: Unknown device type.\n", 2);
}

/// `ip link del|delete [dev] NAME`: a veth takes its peer, a bridge frees its ports.
ToolResult deleteLink(ToolContext& ctx, const Args& rest, const IpErrors& e) {
    net::Kernel& k = *ctx.kernel;
    std::optional<std::string> dev;
    for (std::size_t i = 1; i < rest.size(); ++i) {
        const std::string& a = rest[i];
        if (a == "dev" || a == "name") {
            if (i + 1 >= rest.size()) return e.incomplete();
            if (dev) return e.garbage(rest[i + 1]);
            dev = rest[++i];
        } else if (!dev) {
            dev = a;
        } else if (a == "type" && i + 1 < rest.size()) {
            ++i;  // iproute2 accepts and ignores the kind on delete
        } else {
            return e.garbage(a);
        }
    }
    if (!dev) {
        if (e.busybox) return failure("ip: need \"name\"\n", 1);
        return failure("Not enough information: \"dev\" argument is required.\n", 255);
    }
    const core::InterfaceId id = k.findInterface(ctx.ns, *dev);
    if (!id.isValid()) return e.noDevice(*dev);
    if (const auto* i = k.interface(id); i && i->isLoopback()) return e.rtnetlink("Operation not supported");
    const auto* iface = k.interface(id);
    const bool protectedPeer = iface && iface->kind == net::InterfaceKind::Veth && ctx.protectedInterfaces.contains(iface->peer);
    if (ctx.protectedInterfaces.contains(id) || protectedPeer)
        return failure("docknet: ip link del " + *dev +
                           ": deleting an interface Docker or the lab made is not modelled (the daemon would still "
                           "point at it)\n",
                       127);
    if (auto r = k.deleteInterface(id); !r) return e.kernel(r.error(), *dev);
    return ok();
}

ToolResult changeLink(ToolContext& ctx, const Args& rest, const IpErrors& e) {
    net::Kernel& k = *ctx.kernel;
    if (!rest.empty() && (rest[0] == "add" || rest[0] == "a")) return addLink(ctx, rest, e);
    if (!rest.empty() && (rest[0] == "delete" || rest[0] == "del" || rest[0] == "d")) return deleteLink(ctx, rest, e);
    if (rest.empty() || !(rest[0] == "set" || rest[0] == "s")) {
        const std::string verb = rest.empty() ? "" : rest[0];
        return IpErrors::notModelled("link " + verb);
    }
    std::optional<std::string> dev;
    std::optional<bool> up;
    std::optional<std::uint32_t> mtu;
    std::optional<wire::MacAddress> mac;
    std::optional<std::string> master;  // "" = nomaster
    for (std::size_t i = 1; i < rest.size(); ++i) {
        const std::string& a = rest[i];
        const bool takesValue = a == "dev" || a == "mtu" || a == "address" || a == "master";
        if (takesValue && i + 1 >= rest.size()) return e.incomplete();
        if (a == "up" || a == "down") {
            up = a == "up";
        } else if (a == "mtu") {
            const auto v = parseLong(rest[++i]);
            if (!v || *v < 0) return failure(e.busybox ? "ip: invalid mtu '" + rest[i] + "'\n" : "Error: argument \"" + rest[i] + "\" is wrong: Invalid \"mtu\" value\n\n", e.busybox ? 1 : 255);
            mtu = static_cast<std::uint32_t>(*v);
        } else if (a == "address") {
            auto m = wire::MacAddress::parse(rest[++i]);
            if (!m) return failure(e.busybox ? "ip: invalid address '" + rest[i] + "'\n" : "\"" + rest[i] + "\" is invalid lladdr.\n", e.busybox ? 1 : 255);
            mac = *m;
        } else if (a == "master") {
            master = rest[++i];
            if (!k.findInterface(ctx.ns, *master).isValid()) {
                if (e.busybox) return e.noDevice(*master);
                return failure("Error: argument \"" + *master + "\" is wrong: Device does not exist\n\n", 255);
            }
        } else if (a == "nomaster") {
            master = "";
        } else if (a == "dev" || !dev) {
            if (dev) return e.garbage(rest[i + 1]);
            dev = a == "dev" ? rest[++i] : a;
        } else if (a == "name" || a == "promisc" || a == "arp" || a == "multicast" || a == "txqueuelen" || a == "netns" || a == "alias") {
            return IpErrors::notModelled("link set " + a);
        } else {
            return e.garbage(a);
        }
    }
    if (!dev) return failure(e.busybox ? "ip: need \"dev\" argument\n" : "Not enough information: \"dev\" argument is required.\n", e.busybox ? 1 : 255);
    const core::InterfaceId id = k.findInterface(ctx.ns, *dev);
    if (!id.isValid()) return e.noDevice(*dev);
    // do_setlink's order: the MTU and the address, then the flags.
    if (mtu)
        if (auto r = k.setMtu(id, *mtu); !r) return e.kernel(r.error(), *dev);
    if (mac)
        if (auto r = k.setMac(id, *mac); !r) return e.kernel(r.error(), *dev);
    if (master) {
        if (master->empty()) {
            if (auto r = k.clearMaster(id); !r) return e.kernel(r.error(), *dev);
        } else {
            // A master that is no bridge: the kernel's EOPNOTSUPP (Kernel::setMaster).
            if (auto r = k.setMaster(id, k.findInterface(ctx.ns, *master)); !r) return e.kernel(r.error(), *dev);
        }
    }
    if (up)
        if (auto r = k.setUp(id, *up); !r) return e.kernel(r.error(), *dev);
    return ok();
}

ToolResult changeAddr(ToolContext& ctx, const Args& rest, const IpErrors& e) {
    net::Kernel& k = *ctx.kernel;
    const std::string& verb = rest.at(0);
    const bool add = isAbbreviationOf(verb, "add");
    const bool del = isAbbreviationOf(verb, "delete");
    const bool flush = isAbbreviationOf(verb, "flush");
    if (!add && !del && !flush) return IpErrors::notModelled("addr " + verb);
    auto w = splitWords(rest, 1, {"broadcast", "brd", "label", "scope", "peer", "valid_lft", "preferred_lft"});
    if (!w) return e.incomplete();
    for (const auto& [key, value] : w->keyed) {
        // "brd +" asks for the broadcast address the kernel would compute anyway.
        if ((key == "brd" || key == "broadcast") && value == "+") continue;
        return IpErrors::notModelled("addr " + verb + " " + key + " " + value);
    }
    if (flush) {
        if (!w->dev) return failure(e.busybox ? "ip: need \"dev\" argument\n" : "Flush requires arguments.\n", e.busybox ? 1 : 255);
        const core::InterfaceId id = k.findInterface(ctx.ns, *w->dev);
        if (!id.isValid()) return e.noDevice(*w->dev);
        for (const auto a : std::vector<wire::Ipv4Prefix>(k.interface(id)->addresses)) (void)k.removeAddress(id, a);
        return ok();
    }
    if (w->bare.empty()) return e.incomplete();
    if (w->bare.size() > 1) return e.garbage(w->bare[1]);
    const std::string& text = w->bare[0];
    const bool withLength = text.find('/') != std::string::npos;
    auto prefix = wire::Ipv4Prefix::parseHostOrPrefix(text);
    if (!prefix) {
        if (text.find(':') != std::string::npos) return IpErrors::notModelled("addr " + verb + " of an IPv6 address");
        return failure(e.busybox ? "ip: bad address '" + text + "'\n" : "Error: any valid prefix is expected rather than \"" + text + "\".\n", 1);
    }
    if (!w->dev) return failure(e.busybox ? "ip: need \"dev\" argument\n" : "Not enough information: \"dev\" argument is required.\n", e.busybox ? 1 : 255);
    const core::InterfaceId id = k.findInterface(ctx.ns, *w->dev);
    if (!id.isValid()) return e.noDevice(*w->dev);
    if (add) {
        if (auto r = k.addAddress(id, *prefix); !r) return e.kernel(r.error(), *w->dev);
        return ok();
    }
    // A deletion without a length matches the address at any length, with iproute2's warning.
    std::string warning;
    wire::Ipv4Prefix target = *prefix;
    if (!withLength) {
        for (const auto& a : k.interface(id)->addresses)
            if (a.address() == prefix->address()) {
                target = a;
                break;
            }
        if (!e.busybox)
            warning = "Warning: Executing wildcard deletion to stay compatible with old scripts.\n"
                      "         Explicitly specify the prefix length (" + text + "/32) to avoid this warning.\n"
                      "         This special behaviour is likely to disappear in further releases,\n"
                      "         fix your scripts!\n";
    }
    if (auto r = k.removeAddress(id, target); !r) {
        ToolResult f = e.kernel(r.error(), *w->dev);
        f.err = warning + f.err;
        return f;
    }
    ToolResult r = ok();
    r.err = warning;
    return r;
}

ToolResult changeRoute(ToolContext& ctx, const Args& rest, const IpErrors& e) {
    net::Kernel& k = *ctx.kernel;
    const std::string& verb = rest.at(0);
    const bool add = isAbbreviationOf(verb, "add");
    const bool del = isAbbreviationOf(verb, "delete");
    const bool replace = isAbbreviationOf(verb, "replace");
    if (!add && !del && !replace) return IpErrors::notModelled("route " + verb);
    auto w = splitWords(rest, 1, {"via", "metric", "src", "proto", "scope", "table", "onlink"});
    if (!w) return e.incomplete();
    if (w->bare.empty()) return e.incomplete();
    if (w->bare.size() > 1) return e.garbage(w->bare[1]);
    net::Route route;
    const std::string& dest = w->bare[0];
    if (dest == "default" || dest == "all" || dest == "any") {
        route.destination = wire::Ipv4Prefix(wire::Ipv4Address::any(), 0);
    } else {
        auto p = wire::Ipv4Prefix::parseHostOrPrefix(dest);
        if (!p) {
            if (dest.find(':') != std::string::npos) return IpErrors::notModelled("route " + verb + " of an IPv6 prefix");
            return failure(e.busybox ? "ip: an inet prefix is expected rather than \"" + dest + "\"\n"
                                     : "Error: any valid prefix is expected rather than \"" + dest + "\".\n",
                           1);
        }
        if (!p->isNetwork()) return failure(std::string(e.busybox ? "ip: " : "") + "Error: Invalid prefix for given prefix length.\n", 2);
        route.destination = *p;
    }
    for (const auto& [key, value] : w->keyed) {
        if (key == "via") {
            auto gw = wire::Ipv4Address::parse(value);
            if (!gw) return failure("Error: inet address is expected rather than \"" + value + "\".\n", 1);
            route.gateway = *gw;
        } else if (key == "metric") {
            auto m = parseLong(value);
            if (!m || *m < 0) return failure("Error: argument \"" + value + "\" is wrong: \"metric\" value is invalid\n\n", 255);
            route.metric = static_cast<std::uint32_t>(*m);
        } else if (key == "src") {
            auto s = wire::Ipv4Address::parse(value);
            if (!s) return failure("Error: inet address is expected rather than \"" + value + "\".\n", 1);
            route.prefSrc = *s;
        } else if (key == "proto" && value == "static") {
            route.protocol = net::RouteProtocol::Static;
        } else {
            return IpErrors::notModelled("route " + verb + " " + key + " " + value);
        }
    }
    if (w->dev) {
        route.dev = k.findInterface(ctx.ns, *w->dev);
        if (!route.dev.isValid()) return e.noDevice(*w->dev);
    }
    if (del) {
        // The kernel deletes the first route that matches every attribute given.
        const auto routes = k.ns(ctx.ns)->routes().routes();
        const auto found = std::find_if(routes.begin(), routes.end(), [&](const net::Route& r) {
            return r.destination == route.destination && (!route.gateway || r.gateway == route.gateway) &&
                   (!w->dev || r.dev == route.dev);
        });
        if (found == routes.end()) return e.rtnetlink("No such process");
        if (auto r = k.ns(ctx.ns)->routes().remove(found->destination, found->metric); !r) return e.rtnetlink("No such process");
        return ok();
    }
    if (!route.gateway) {
        if (!w->dev) return e.rtnetlink("No such device");  // fib_create_info: a nexthop needs a device
        route.scope = net::RouteScope::Link;
    }
    if (replace) {
        for (const auto& r : k.ns(ctx.ns)->routes().routes())
            if (r.destination == route.destination && r.metric == route.metric) {
                (void)k.ns(ctx.ns)->routes().remove(r.destination, r.metric);
                break;
            }
    }
    if (auto r = k.addRoute(ctx.ns, route); !r) return e.kernel(r.error(), w->dev.value_or(""));
    return ok();
}

ToolResult changeNeigh(ToolContext& ctx, const Args& rest, const IpErrors& e) {
    net::Kernel& k = *ctx.kernel;
    net::NetNamespace& n = *k.ns(ctx.ns);
    const std::string& verb = rest.at(0);
    auto w = splitWords(rest, 1, {"lladdr", "nud", "to"});
    if (!w) return e.incomplete();
    if (isAbbreviationOf(verb, "flush")) {
        // "flush all", "flush dev X", "flush to PREFIX": the dynamic entries go.
        if (w->bare.empty() && !w->dev && w->keyed.empty())
            return failure(e.busybox ? "ip: flush requires arguments\n" : "Flush requires arguments.\n", e.busybox ? 1 : 255);
        for (const auto& b : w->bare)
            if (b != "all") return IpErrors::notModelled("neigh flush " + b);
        if (!w->keyed.empty()) return IpErrors::notModelled("neigh flush " + w->keyed.front().first);
        if (w->dev) {
            const core::InterfaceId id = k.findInterface(ctx.ns, *w->dev);
            if (!id.isValid()) return e.noDevice(*w->dev);
            n.neighbors().flushDevice(id);
        } else {
            for (auto id : k.interfacesOf(ctx.ns)) n.neighbors().flushDevice(id);
        }
        return ok();
    }
    const bool add = isAbbreviationOf(verb, "add") || isAbbreviationOf(verb, "replace");
    const bool del = isAbbreviationOf(verb, "delete");
    if (!add && !del) return IpErrors::notModelled("neigh " + verb);
    if (w->bare.size() != 1) return w->bare.empty() ? e.incomplete() : e.garbage(w->bare[1]);
    auto ip = wire::Ipv4Address::parse(w->bare[0]);
    if (!ip) return failure("Error: inet address is expected rather than \"" + w->bare[0] + "\".\n", 1);
    if (!w->dev) return failure("Device and destination are required arguments.\n", 255);
    const core::InterfaceId id = k.findInterface(ctx.ns, *w->dev);
    if (!id.isValid()) return e.noDevice(*w->dev);
    if (del) {
        if (!n.neighbors().remove(id, *ip)) return e.rtnetlink("No such file or directory");
        return ok();
    }
    std::optional<wire::MacAddress> mac;
    for (const auto& [key, value] : w->keyed) {
        if (key == "lladdr") {
            auto m = wire::MacAddress::parse(value);
            if (!m) return failure("\"" + value + "\" is invalid lladdr.\n", 255);
            mac = *m;
        } else if (!(key == "nud" && (value == "permanent" || value == "perm"))) {
            return IpErrors::notModelled("neigh " + verb + " " + key + " " + value);
        }
    }
    if (!mac) return IpErrors::notModelled("neigh " + verb + " without lladdr");
    n.neighbors().addPermanent(id, *ip, *mac);
    return ok();
}

}  // namespace

ToolResult changeIpState(ToolContext& ctx, std::string_view object, const Args& rest, bool busybox) {
    const IpErrors e{busybox};
    if (object == "link") return changeLink(ctx, rest, e);
    if (object == "addr") return changeAddr(ctx, rest, e);
    if (object == "route") return changeRoute(ctx, rest, e);
    if (object == "neigh") return changeNeigh(ctx, rest, e);
    return IpErrors::notModelled(std::string(object));
}

}  // namespace sim::tools
