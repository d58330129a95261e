// ip: iproute2 6.1 (Debian bookworm) on GNU, busybox 1.36 `ip` on Busybox. Read-only objects:
// addr (-4, -br, -o), link (-br, -o), route, neigh. Formats follow ipaddress.c, iproute.c and ipneigh.c:
// each field is printed as "%s " so many lines end in a space, e.g. "default via 172.17.0.1 dev
// eth0 " and "172.17.0.1 dev eth0 lladdr 02:42:3f:c1:b7:07 REACHABLE ".
// busybox differs where its source does: no "group default"/"mode DEFAULT"/"link-netnsid", a peer
// in another namespace shows M-DOWN (busybox looks its ifindex up locally and does not find
// it), routes print "scope link  src A" without "proto kernel", neighbours end without a space.
// IPv6 is configuration only (the addresses and routes Docker gives --ipv6 networks; -6 selects
// them). Changes need CAP_NET_ADMIN (without it, as in a container not given --cap-add NET_ADMIN
// or --privileged, "RTNETLINK answers: Operation not permitted"); with it, on the host or in such
// a container, ip_change.cpp applies them.
#include <algorithm>
#include <optional>

#include "sim/net/net_namespace.hpp"
#include "sim/tools/commands.hpp"
#include "sim/tools/ip_change.hpp"

namespace sim::tools {

namespace {

struct IpOptions {
    bool inetOnly = false;  // -4
    bool inet6Only = false; // -6
    bool brief = false;     // -br
    bool oneline = false;   // -o: each record on one line, its line breaks printed as "\"
    bool busybox = false;
};

std::string linkName(const net::Kernel& k, const net::Interface& i) {
    if (!i.isVeth() || i.physicalNic) return i.name;
    const net::Interface* peer = k.interface(i.peer);
    if (!peer) return i.name + "@NONE";
    if (peer->ns == i.ns) return i.name + "@" + peer->name;
    return i.name + "@if" + std::to_string(peer->ifindex);
}

std::string flags(const net::Kernel& k, const net::Interface& i, const IpOptions& o) {
    std::vector<std::string> f;
    const bool carrier = hasCarrier(k, i);
    if (i.adminUp && !carrier) f.emplace_back("NO-CARRIER");
    if (i.isLoopback()) f.emplace_back("LOOPBACK");
    else {
        f.emplace_back("BROADCAST");
        f.emplace_back("MULTICAST");
    }
    if (i.adminUp) f.emplace_back("UP");
    if (carrier) f.emplace_back("LOWER_UP");
    if (i.isVeth() && !i.physicalNic) {
        const net::Interface* peer = k.interface(i.peer);
        const bool peerVisible = peer && peer->ns == i.ns;
        // iproute2 shows M-DOWN for a same-namespace peer that is down; busybox also for a peer
        // it cannot see.
        if ((peerVisible && !peer->adminUp) || (o.busybox && !peerVisible)) f.emplace_back("M-DOWN");
    }
    std::string s = "<";
    for (std::size_t n = 0; n < f.size(); ++n) s += (n ? "," : "") + f[n];
    return s + ">";
}

std::string headerLine(const net::Kernel& k, const net::Interface& i, const IpOptions& o, bool linkMode) {
    std::string s = std::to_string(i.ifindex) + ": " + linkName(k, i) + ": " + flags(k, i, o) + " mtu " +
                    std::to_string(i.isLoopback() ? 65536u : i.mtu) + " qdisc " +
                    (!i.adminUp ? "noop" : i.physicalNic ? "fq_codel" : "noqueue") + " ";
    if (i.master.isValid())
        if (const net::Interface* m = k.interface(i.master)) s += "master " + m->name + " ";
    s += "state " + operState(k, i) + " ";
    if (!o.busybox) s += std::string(linkMode ? "mode DEFAULT " : "") + "group default ";
    if (i.isLoopback() || i.physicalNic) s += "qlen 1000";  // veths and bridges have no tx queue (txqueuelen 0)
    return s;
}

std::string linkLine(const net::Kernel& k, const net::Interface& i, const IpOptions& o) {
    std::string s = i.isLoopback() ? "    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00"
                                   : "    link/ether " + i.mac.toString() + " brd ff:ff:ff:ff:ff:ff";
    if (!o.busybox && i.isVeth() && !i.physicalNic)
        if (const net::Interface* peer = k.interface(i.peer); peer && peer->ns != i.ns)
            s += " link-netnsid " + std::to_string(linkNetnsId(k, i.ns, peer->ns));
    return s;
}

std::string addressLines(const net::Interface& i, const IpOptions& o) {
    std::string s;
    for (const auto& a : o.inet6Only ? std::vector<wire::Ipv4Prefix>{} : i.addresses) {
        const bool host = a.address().isLoopback();
        s += "    inet " + a.toString() + " ";
        if (!i.isLoopback() && a.length() < 31) s += "brd " + a.broadcast().toString() + " ";
        s += std::string("scope ") + (host ? "host " : "global ") + i.name + "\n";
        s += "       valid_lft forever preferred_lft forever\n";
    }
    if (o.inetOnly) return s;
    // print_addrinfo for AF_INET6: no label, the scope, then the flags ("nodad" for libnetwork's).
    for (const auto& a : i.addresses6) {
        const auto& ip = a.prefix.address();
        s += "    inet6 " + a.prefix.toString() + " scope " +
             (ip.isLinkLocal() ? "link " : ip == wire::Ipv6Address::loopback() ? "host " : "global ");
        if (a.noDad && !o.busybox) s += "nodad ";
        s += "\n       valid_lft forever preferred_lft forever\n";
    }
    return s;
}

/// "show [dev] NAME" -> NAME (empty for all).
std::string devArgument(const Args& rest) {
    std::string dev;
    for (std::size_t n = 0; n < rest.size(); ++n) {
        if (rest[n] == "show" || rest[n] == "list" || rest[n] == "ls" || rest[n] == "lst") continue;
        if (rest[n] == "dev" && n + 1 < rest.size()) return rest[n + 1];
        dev = rest[n];
    }
    return dev;
}

/// What `ip link|addr show` selects (ipaddress.c's filter): [dev] NAME, up, master DEV,
/// nomaster, type KIND.
struct LinkFilter {
    std::string dev;
    bool upOnly = false;
    bool noMaster = false;
    std::optional<core::InterfaceId> master;
    std::optional<std::string> kind;
};

/// A word iproute2 refuses (invarg, duparg2, incomplete_command): the message, and ip exits 255.
core::Result<LinkFilter> parseLinkFilter(const net::Kernel& k, core::NamespaceId ns, const Args& rest) {
    LinkFilter f;
    for (std::size_t n = 0; n < rest.size(); ++n) {
        const std::string& w = rest[n];
        if (n == 0 && (w == "show" || w == "list" || w == "ls" || w == "lst")) continue;
        if (w == "up") {
            f.upOnly = true;
            continue;
        }
        if (w == "nomaster") {
            f.noMaster = true;
            continue;
        }
        const bool takesValue = w == "master" || w == "type" || w == "dev";
        if (takesValue && n + 1 == rest.size())
            return core::fail(core::ErrorCode::InvalidArgument, "Command line is not complete. Try option \"help\"\n");
        const std::string& value = takesValue ? rest[++n] : w;
        if (w == "master") {
            const auto id = k.findInterface(ns, value);
            if (!id.isValid())
                return core::fail(core::ErrorCode::InvalidArgument, "Error: argument \"" + value + "\" is wrong: Device does not exist\n");
            f.master = id;
        } else if (w == "type") {
            f.kind = value;
        } else {
            if (!f.dev.empty())
                return core::fail(core::ErrorCode::InvalidArgument,
                                  "Error: either \"dev\" is duplicate, or \"" + value + "\" is a garbage.\n");
            f.dev = value;
        }
    }
    return f;
}

bool kindMatches(const net::Interface& i, const std::string& kind) {
    if (kind == "bridge") return i.isBridge();
    if (kind == "veth") return i.isVeth() && !i.physicalNic;
    return false;  // docknet's kernel makes no other kinds
}

std::vector<const net::Interface*> selectInterfaces(const net::Kernel& k, core::NamespaceId ns, const LinkFilter& f) {
    std::vector<const net::Interface*> out;
    for (auto id : k.interfacesOf(ns)) {
        const net::Interface* i = k.interface(id);
        if (!f.dev.empty() && i->name != f.dev) continue;
        if (f.upOnly && !i->adminUp) continue;
        if (f.master && i->master != *f.master) continue;
        if (f.noMaster && i->master.isValid()) continue;
        if (f.kind && !kindMatches(*i, *f.kind)) continue;
        out.push_back(i);
    }
    return out;
}

ToolResult showLinks(ToolContext& ctx, const Args& rest, const IpOptions& o, bool withAddresses) {
    const net::Kernel& k = *ctx.kernel;
    const auto filter = parseLinkFilter(k, ctx.ns, rest);
    if (!filter) return failure(filter.error().message, 255);
    const auto ifaces = selectInterfaces(k, ctx.ns, *filter);
    if (!filter->dev.empty() && ifaces.empty() && !k.findInterface(ctx.ns, filter->dev).isValid())
        return failure("Device \"" + filter->dev + "\" does not exist.\n", 1);
    std::string out;
    for (const net::Interface* i : ifaces) {
        if (o.brief) {
            out += padRight(linkName(k, *i), 16) + " " + padRight(operState(k, *i), 14) + " ";
            if (withAddresses) {
                if (!o.inet6Only)
                    for (const auto& a : i->addresses) out += a.toString() + " ";
                if (!o.inetOnly)
                    for (const auto& a : i->addresses6) out += a.prefix.toString() + " ";
            } else {
                out += (i->isLoopback() ? std::string("00:00:00:00:00:00") : i->mac.toString()) + " " + flags(k, *i, o) + " ";
            }
            out += "\n";
            continue;
        }
        if (o.inetOnly && i->addresses.empty()) continue;
        if (o.inet6Only && i->addresses6.empty()) continue;
        if (o.oneline) {
            // ipaddress.c with filter.oneline: "N: dev" before each address record; a link's
            // second line joined to its first by "\".
            if (withAddresses) {
                const std::string lines = addressLines(*i, o);
                std::size_t start = 0;
                while (start < lines.size()) {
                    const auto first = lines.find('\n', start);
                    const auto second = lines.find('\n', first + 1);
                    out += std::to_string(i->ifindex) + ": " + i->name + lines.substr(start, first - start) + "\\" +
                           lines.substr(first + 1, second - first - 1) + "\n";
                    start = second + 1;
                }
            } else {
                out += headerLine(k, *i, o, true) + "\\" + linkLine(k, *i, o) + "\n";
            }
            continue;
        }
        out += headerLine(k, *i, o, !withAddresses) + "\n";
        if (!o.inetOnly && !o.inet6Only) out += linkLine(k, *i, o) + "\n";
        if (withAddresses) out += addressLines(*i, o);
    }
    return ok(out);
}

ToolResult showRoutes(ToolContext& ctx, const IpOptions& o) {
    const net::Kernel& k = *ctx.kernel;
    std::string out;
    for (const auto& r : k.ns(ctx.ns)->routes().routes()) {
        const net::Interface* dev = k.interface(r.dev);
        std::string s = r.destination.length() == 0 ? "default "
                        : r.destination.length() == 32 ? r.destination.address().toString() + " "
                                                       : r.destination.toString() + " ";
        if (r.gateway) s += "via " + r.gateway->toString() + " ";
        if (dev) s += "dev " + dev->name + " ";
        if (o.busybox) {
            if (r.protocol == net::RouteProtocol::Static) s += " proto static ";
            if (r.scope != net::RouteScope::Universe) s += std::string(" scope ") + (r.scope == net::RouteScope::Link ? "link" : "host") + " ";
            if (r.prefSrc) s += " src " + r.prefSrc->toString() + " ";
            if (r.metric) s += " metric " + std::to_string(r.metric) + " ";
        } else {
            if (r.protocol != net::RouteProtocol::Boot) s += std::string("proto ") + (r.protocol == net::RouteProtocol::Kernel ? "kernel " : "static ");
            if (r.scope != net::RouteScope::Universe) s += std::string("scope ") + (r.scope == net::RouteScope::Link ? "link " : "host ");
            if (r.prefSrc) s += "src " + r.prefSrc->toString() + " ";
            if (r.metric) s += "metric " + std::to_string(r.metric) + " ";
            if (dev && !hasCarrier(k, *dev)) s += "linkdown ";
        }
        out += s + "\n";
    }
    return ok(out);
}

/// The IPv6 main table: each up interface's connected prefixes (fe80::/64 once per device, ::1 on
/// lo), then the default route; "pref medium" on every route, as iproute2 prints for IPv6.
ToolResult showRoutes6(ToolContext& ctx, const IpOptions& o) {
    const net::Kernel& k = *ctx.kernel;
    struct Line {
        wire::Ipv6Prefix prefix;
        std::string text;
    };
    std::vector<Line> lines;
    for (auto id : k.interfacesOf(ctx.ns)) {
        const net::Interface* i = k.interface(id);
        if (!i->adminUp) continue;
        const std::string tail = std::string(hasCarrier(k, *i) ? "" : "linkdown ") + "pref medium";
        bool linkLocal = false;
        for (const auto& a : i->addresses6) {
            const wire::Ipv6Prefix net = a.prefix.address() == wire::Ipv6Address::loopback() ? a.prefix : a.prefix.network();
            if (a.prefix.address().isLinkLocal()) {
                if (linkLocal) continue;
                linkLocal = true;
            }
            const std::string dest = net.length() == 128 ? net.address().toString() : net.toString();
            lines.push_back({net, dest + " dev " + i->name + " proto kernel metric 256 " + tail});
        }
    }
    std::stable_sort(lines.begin(), lines.end(), [](const Line& a, const Line& b) { return a.prefix.address() < b.prefix.address(); });
    std::string out;
    for (const auto& l : lines) out += l.text + (o.busybox ? "\n" : " \n");
    if (const auto& d = k.ns(ctx.ns)->ipv6DefaultRoute())
        if (const net::Interface* dev = k.interface(d->dev); dev && dev->adminUp)
            out += "default via " + d->gateway.toString() + " dev " + dev->name + " metric 1024 pref medium" + (o.busybox ? "\n" : " \n");
    return ok(out);
}

ToolResult showNeighbors(ToolContext& ctx, const Args& rest, const IpOptions& o) {
    const net::Kernel& k = *ctx.kernel;
    const std::string dev = devArgument(rest);
    core::InterfaceId filter;
    if (!dev.empty()) {
        filter = k.findInterface(ctx.ns, dev);
        if (!filter.isValid()) return failure("Cannot find device \"" + dev + "\"\n", 1);
    }
    std::string out;
    for (const net::NeighborEntry* e : k.ns(ctx.ns)->neighbors().entries()) {
        if (e->state == net::NeighborState::None) continue;
        if (filter.isValid() && e->dev != filter) continue;
        const net::Interface* i = k.interface(e->dev);
        std::string s = e->ip.toString() + " ";
        if (!filter.isValid() && i) s += "dev " + i->name + " ";
        const std::string state(net::toString(e->state));
        if (o.busybox) {
            if (e->mac) s += "lladdr " + e->mac->toString();
            s += " " + state;
        } else {
            if (e->mac) s += "lladdr " + e->mac->toString() + " ";
            s += state + " ";
        }
        out += s + "\n";
    }
    return ok(out);
}

}  // namespace

ToolResult runIp(ToolContext& ctx, const Args& argv) {
    IpOptions o;
    o.busybox = ctx.flavor == Flavor::Busybox;
    std::size_t n = 1;
    for (; n < argv.size() && startsWith(argv[n], "-"); ++n) {
        const std::string& opt = argv[n];
        if (opt == "-4") o.inetOnly = true;
        else if (opt == "-6") o.inet6Only = true;
        else if (!o.busybox && (opt == "-br" || opt == "-brief" || opt == "--brief")) o.brief = true;
        else if (opt == "-o" || opt == "-oneline" || (!o.busybox && opt == "--oneline")) o.oneline = true;
        else if (!o.busybox && (opt == "-s" || opt == "-stats" || opt == "-d" || opt == "-details" || opt == "-c" ||
                                startsWith(opt, "-color")))
            // Real iproute2 options whose output (counters, driver details, ANSI colours) docknet
            // does not model: said so rather than ignored.
            return failure("docknet: ip " + opt + ": this option is not modelled\n", 127);
        else if (o.busybox)  // ip.c's ip_parse_common_args: anything else is bb_show_usage()
            return failure("BusyBox v1.36.1 multi-call binary.\n\nUsage: ip [OPTIONS] address|route|link|tunnel|neigh|rule [ARGS]\n\n"
                           "OPTIONS := -f[amily] inet|inet6|link | -o[neline]\n", 1);
        else return failure("Option \"" + opt + "\" is unknown, try \"ip -help\".\n", 255);
    }
    if (n >= argv.size()) {
        return failure("Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }\n"
                       "where  OBJECT := { address | link | neighbor | route | ... }\n", 255);
    }
    const std::string& object = argv[n];
    Args rest(argv.begin() + static_cast<std::ptrdiff_t>(n + 1), argv.end());
    const bool show = rest.empty() || isAbbreviationOf(rest[0], "show") || isAbbreviationOf(rest[0], "list") || rest[0] == "lst" || rest[0] == "dev";
    enum class Object { Addr, Link, Route, Neigh, Unknown } which = Object::Unknown;
    if (isAbbreviationOf(object, "address")) which = Object::Addr;
    else if (isAbbreviationOf(object, "route")) which = Object::Route;
    else if (isAbbreviationOf(object, "neighbor") || isAbbreviationOf(object, "neighbour")) which = Object::Neigh;
    else if (isAbbreviationOf(object, "link")) which = Object::Link;
    if (which == Object::Unknown) return failure("Object \"" + object + "\" is unknown, try \"ip help\".\n", 255);
    if (!show) {
        // rtnetlink checks CAP_NET_ADMIN in the namespace: a container has it only when added.
        if (!ctx.hasCapability("CAP_NET_ADMIN")) {
            // iproute2 speaks netlink for everything; busybox's ip prefixes its messages with the
            // applet and sets a link up or down with the SIOCSIFFLAGS ioctl (exit 1).
            if (ctx.flavor != Flavor::Busybox) return failure("RTNETLINK answers: Operation not permitted\n", 2);
            const bool linkFlags = which == Object::Link &&
                                   std::find_if(rest.begin(), rest.end(), [](const std::string& a) { return a == "up" || a == "down"; }) != rest.end();
            if (linkFlags) return failure("ip: SIOCSIFFLAGS: Operation not permitted\n", 1);
            return failure("ip: RTNETLINK answers: Operation not permitted\n", 2);
        }
        if (o.inet6Only) return failure("docknet: ip -6 " + object + " " + rest[0] + ": changing IPv6 state is not modelled\n", 127);
        const char* objectName = which == Object::Addr ? "addr" : which == Object::Link ? "link" : which == Object::Route ? "route" : "neigh";
        return changeIpState(ctx, objectName, rest, o.busybox);
    }
    switch (which) {
        case Object::Addr: return showLinks(ctx, rest, o, true);
        case Object::Link: return showLinks(ctx, rest, o, false);
        case Object::Route: return o.inet6Only ? showRoutes6(ctx, o) : showRoutes(ctx, o);
        case Object::Neigh: return o.inet6Only ? ok("") : showNeighbors(ctx, rest, o);  // no IPv6 traffic, no NDP entries
        case Object::Unknown: break;
    }
    return failure({}, 255);
}

}  // namespace sim::tools
