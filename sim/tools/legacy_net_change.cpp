#include "sim/tools/legacy_net_change.hpp"

#include <optional>

#include "sim/net/net_namespace.hpp"

namespace sim::tools {

namespace {

/// The classful mask SIOCSIFADDR gives an address set without a netmask (inet_make_mask of the
/// old ioctl path): /8, /16 or /24 by the first octet.
int classfulLength(wire::Ipv4Address a) {
    const unsigned first = a.octet(0);
    if (first < 128) return 8;
    if (first < 192) return 16;
    return 24;
}

std::optional<int> maskLength(const std::string& text) {
    auto mask = wire::Ipv4Address::parse(text);
    if (!mask) return std::nullopt;
    const std::uint32_t v = mask->value();
    int len = 0;
    while (len < 32 && (v & (0x80000000u >> len))) ++len;
    if (len < 32 && (v << len) != 0) return std::nullopt;  // not contiguous
    return len;
}

/// perror's text for the kernel's answer ("RTNETLINK answers: File exists" -> "File exists").
std::string errnoText(const core::Error& e) {
    const std::string prefix = "RTNETLINK answers: ";
    return e.message.starts_with(prefix) ? e.message.substr(prefix.size()) : e.message;
}

}  // namespace

ToolResult changeIfconfig(ToolContext& ctx, const Args& argv) {
    net::Kernel& k = *ctx.kernel;
    const bool bb = ctx.flavor == Flavor::Busybox;
    const std::string app = bb ? "ifconfig: " : "";
    const std::string& name = argv.at(1);
    const core::InterfaceId id = k.findInterface(ctx.ns, name);
    if (!id.isValid()) {
        if (bb) return failure("ifconfig: SIOCGIFFLAGS: No such device\n", 1);
        return failure(name + ": ERROR while getting interface flags: No such device\n", 255);
    }
    auto fail = [&](const std::string& call, const core::Error& e) { return failure(app + call + ": " + errnoText(e) + "\n", 1); };
    for (std::size_t n = 2; n < argv.size(); ++n) {
        const std::string& a = argv[n];
        const bool needsValue = a == "netmask" || a == "mtu" || a == "broadcast" || a == "hw";
        if (needsValue && n + 1 >= argv.size()) return failure(bb ? "ifconfig: bad argument\n" : "ifconfig: option `" + a + "' requires an argument\n", 1);
        if (a == "up" || a == "down") {
            if (auto r = k.setUp(id, a == "up"); !r) return fail("SIOCSIFFLAGS", r.error());
        } else if (a == "mtu") {
            auto v = parseLong(argv[++n]);
            if (!v) return failure(app + "SIOCSIFMTU: Invalid argument\n", 1);
            if (auto r = k.setMtu(id, static_cast<std::uint32_t>(*v)); !r) return fail("SIOCSIFMTU", r.error());
        } else if (a == "hw") {
            if (argv[++n] != "ether" || n + 1 >= argv.size()) return failure(app + "hw: bad hardware class\n", 1);
            auto mac = wire::MacAddress::parse(argv[++n]);
            if (!mac) return failure(app + argv[n] + ": invalid ether address.\n", 1);
            if (auto r = k.setMac(id, *mac); !r) return fail("SIOCSIFHWADDR", r.error());
        } else if (a == "netmask") {
            const auto len = maskLength(argv[++n]);
            if (!len) return failure(app + "SIOCSIFNETMASK: Invalid argument\n", 1);
            const net::Interface* i = k.interface(id);
            if (!i->primaryAddress()) return failure(app + "SIOCSIFNETMASK: Cannot assign requested address\n", 1);
            const wire::Ipv4Prefix old = *i->primaryAddress();
            (void)k.removeAddress(id, old);
            (void)k.addAddress(id, wire::Ipv4Prefix(old.address(), *len));
        } else if (a == "broadcast") {
            return failure("docknet: ifconfig broadcast: setting another broadcast address is not modelled\n", 127);
        } else if (auto ip = wire::Ipv4Address::parse(a)) {
            // SIOCSIFADDR replaces the primary address; net-tools then brings the link up.
            const net::Interface* i = k.interface(id);
            if (const wire::Ipv4Prefix* old = i->primaryAddress()) (void)k.removeAddress(id, *old);
            if (auto r = k.addAddress(id, wire::Ipv4Prefix(*ip, classfulLength(*ip))); !r) return fail("SIOCSIFADDR", r.error());
            if (auto r = k.setUp(id, true); !r) return fail("SIOCSIFFLAGS", r.error());
        } else {
            if (bb) return failure("ifconfig: bad address '" + a + "'\n", 1);
            return failure(a + ": Unknown host\nifconfig: `--help' gives usage information.\n", 1);
        }
    }
    return ok();
}

ToolResult changeRoute(ToolContext& ctx, const Args& argv) {
    net::Kernel& k = *ctx.kernel;
    const bool bb = ctx.flavor == Flavor::Busybox;
    const std::string app = bb ? "route: " : "";
    const int code = bb ? 1 : 7;  // net-tools exits E_SOCK after perror
    const std::string& verb = argv.at(1);
    const bool del = verb == "del" || verb == "delete";
    const std::string call = del ? "SIOCDELRT" : "SIOCADDRT";
    auto usage = [&] {
        return failure(bb ? "BusyBox v1.36.1 multi-call binary.\n\nUsage: route [{add|del|delete}]\n"
                          : "Usage: inet_route [-vF] del {-host|-net} Target[/prefix] [gw Gw] [metric M] [[dev] If]\n"
                            "       inet_route [-vF] add {-host|-net} Target[/prefix] [gw Gw] [metric M]\n"
                            "                              [netmask N] [mss Mss] [window W] [irtt I]\n"
                            "                              [mod] [dyn] [reinstate] [[dev] If]\n",
                       bb ? 1 : 4);
    };
    if (!del && verb != "add") return usage();
    net::Route route;
    std::optional<int> length;
    bool host = false;
    std::optional<wire::Ipv4Address> target;
    std::string devName;
    for (std::size_t n = 2; n < argv.size(); ++n) {
        const std::string& a = argv[n];
        const bool needsValue = a == "netmask" || a == "gw" || a == "metric" || a == "dev";
        if (needsValue && n + 1 >= argv.size()) return usage();
        if (a == "-net") continue;
        if (a == "-host") {
            host = true;
        } else if (a == "default") {
            target = wire::Ipv4Address::any();
            length = 0;
        } else if (a == "netmask") {
            length = maskLength(argv[++n]);
            if (!length) return failure(app + "netmask " + argv[n] + ": Invalid argument\n", code);
        } else if (a == "gw") {
            auto gw = wire::Ipv4Address::parse(argv[++n]);
            if (!gw) return failure(argv[n] + ": Unknown host\n", code);
            route.gateway = *gw;
        } else if (a == "metric") {
            auto m = parseLong(argv[++n]);
            if (!m || *m < 0) return usage();
            route.metric = static_cast<std::uint32_t>(*m);
        } else if (a == "dev" || (target && devName.empty() && !wire::Ipv4Address::parse(a) && a.find('/') == std::string::npos)) {
            devName = a == "dev" ? argv[++n] : a;
        } else if (!target) {
            auto p = wire::Ipv4Prefix::parseHostOrPrefix(a);
            if (!p) return failure(a + ": Unknown host\n", code);
            target = p->address();
            if (a.find('/') != std::string::npos) length = p->length();
        } else {
            return usage();
        }
    }
    if (!target) return usage();
    const int len = length.value_or(host ? 32 : target->isAny() ? 0 : 32);
    const wire::Ipv4Prefix dest(*target, len);
    // inet_setroute's own check (an option error, E_OPTERR); busybox words it its own way.
    if (dest.network() != dest)
        return bb ? failure("route: netmask and route address conflict\n", 1) : failure("route: netmask doesn't match route address\n", 3);
    route.destination = dest;
    if (!devName.empty()) {
        route.dev = k.findInterface(ctx.ns, devName);
        if (!route.dev.isValid()) return failure(app + call + ": No such device\n", code);
    }
    if (del) {
        const auto routes = k.ns(ctx.ns)->routes().routes();
        const auto found = std::find_if(routes.begin(), routes.end(), [&](const net::Route& r) {
            return r.destination == dest && (!route.gateway || r.gateway == route.gateway) && (devName.empty() || r.dev == route.dev);
        });
        if (found == routes.end() || !k.ns(ctx.ns)->routes().remove(found->destination, found->metric))
            return failure(app + call + ": No such process\n", code);
        return ok();
    }
    if (!route.gateway) {
        if (devName.empty()) return failure(app + call + ": No such device\n", code);
        route.scope = net::RouteScope::Link;
    }
    if (auto r = k.addRoute(ctx.ns, route); !r) return failure(app + call + ": " + errnoText(r.error()) + "\n", code);
    return ok();
}

}  // namespace sim::tools
