// route and netstat (net-tools; busybox prints the same columns). route [-n] is the main table as
// /proc/net/route shows it (lib/inet_gr.c rprint_fib); netstat -r adds MSS/Window/irtt;
// netstat -t/-u/-l/-a/-n lists the namespace's sockets; -p prints "PID/name" (name: the base
// of argv[0] as /proc/PID/cmdline holds it, cut to 19 characters as net-tools' PROGNAME_WIDTH
// buffer does: "1/nginx: master pro"), or "-" for a socket of a process outside the tool's PID
// namespace (dockerd's 127.0.0.11 listeners seen from a container).
#include "sim/net/net_namespace.hpp"
#include "sim/tools/commands.hpp"
#include "sim/tools/legacy_net_change.hpp"
#include "sim/tools/resolver.hpp"

namespace sim::tools {

namespace {

std::string routeTable(const ToolContext& ctx, bool numeric, bool netstatStyle) {
    const net::Kernel& k = *ctx.kernel;
    std::string out = "Kernel IP routing table\n";
    out += netstatStyle ? "Destination     Gateway         Genmask         Flags   MSS Window  irtt Iface\n"
                        : "Destination     Gateway         Genmask         Flags Metric Ref    Use Iface\n";
    for (const auto& r : k.ns(ctx.ns)->routes().routes()) {
        const net::Interface* dev = k.interface(r.dev);
        std::string dest = r.destination.networkAddress().toString();
        if (!numeric && r.destination.length() == 0) dest = "default";
        std::string gw = r.gateway ? r.gateway->toString() : "0.0.0.0";
        if (!numeric && r.gateway) gw = reverseLookup(ctx, *r.gateway).value_or(gw);
        std::string flags = "U";
        if (r.gateway) flags += "G";
        if (r.destination.length() == 32) flags += "H";
        out += fitRight(dest, 15) + " " + fitRight(gw, 15) + " " + padRight(r.destination.mask().toString(), 15) + " " +
               padRight(flags, 6);
        if (netstatStyle) out += padLeft("0", 5) + " " + padRight("0", 6) + " " + padLeft("0", 6);
        else out += padRight(std::to_string(r.metric), 6) + " " + padRight("0", 2) + " " + padLeft("0", 7);
        out += " " + (dev ? dev->name : std::string("*")) + "\n";
    }
    return out;
}

}  // namespace

ToolResult runRoute(ToolContext& ctx, const Args& argv) {
    bool numeric = false;
    for (std::size_t n = 1; n < argv.size(); ++n) {
        if (argv[n] == "-n") numeric = true;
        else if (argv[n] == "-e" || argv[n] == "-ee" || argv[n] == "-v") continue;
        else if (!ctx.hasCapability("CAP_NET_ADMIN")) {
            // net-tools' perror, exit E_SOCK (7); busybox's names the applet and exits 1.
            const bool del = argv[n] == "del" || argv[n] == "delete";
            const std::string ioctl = del ? "SIOCDELRT" : "SIOCADDRT";
            if (ctx.flavor == Flavor::Busybox) return failure("route: " + ioctl + ": Operation not permitted\n", 1);
            return failure(ioctl + ": Operation not permitted\n", 7);
        }
        else {
            Args change{argv[0]};
            change.insert(change.end(), argv.begin() + static_cast<std::ptrdiff_t>(n), argv.end());
            return changeRoute(ctx, change);
        }
    }
    return ok(routeTable(ctx, numeric, false));
}

static std::string programName(const ToolContext& ctx, const net::SocketInfo& s) {
    const auto holder = ctx.socketHolders.find(s.id);
    if (holder == ctx.socketHolders.end()) return "-";
    for (const auto& p : ctx.processes) {
        if (p.pid != holder->second.pid) continue;
        const auto slash = p.argv0.rfind('/');
        const std::string name = std::to_string(p.pid) + "/" + (slash == std::string::npos ? p.argv0 : p.argv0.substr(slash + 1));
        return name.substr(0, 19);
    }
    return "-";
}

ToolResult runNetstat(ToolContext& ctx, const Args& argv) {
    const ParsedOptions p = parseOptions(argv, "rntulapeW");
    if (p.invalid) return failure("netstat: invalid option -- '" + std::string(1, *p.invalid) + "'\n", 1);
    bool route = false, numeric = false, tcp = false, udp = false, listening = false, all = false, programs = false;
    for (const auto& [opt, value] : p.options) {
        route |= opt == 'r';
        numeric |= opt == 'n';
        tcp |= opt == 't';
        udp |= opt == 'u';
        listening |= opt == 'l';
        all |= opt == 'a';
        programs |= opt == 'p';
        // -e adds User and Inode columns docknet has no values for: said, not ignored.
        if (opt == 'e') return failure("docknet: netstat -e: this option is not modelled\n", 127);
    }
    if (route) return ok(routeTable(ctx, numeric, true));
    if (!tcp && !udp) tcp = udp = true;
    // Every simulated socket is a listener (TCP) or a bound, unconnected socket (UDP).
    std::string out = listening && !all ? "Active Internet connections (only servers)\n"
                                        : all ? "Active Internet connections (servers and established)\n"
                                              : "Active Internet connections (w/o servers)\n";
    out += "Proto Recv-Q Send-Q Local Address           Foreign Address         State      ";
    out += programs ? " PID/Program name    \n" : "\n";
    if (!listening && !all) return ok(out);
    for (const auto& s : ctx.kernel->ns(ctx.ns)->sockets().sockets()) {
        const bool isTcp = s.transport == net::Transport::Tcp;
        if ((isTcp && !tcp) || (!isTcp && !udp)) continue;
        // An AF_INET6 socket is "tcp6"/"udp6" with the bare address ":::80" (net-tools' INET6_rprint).
        const std::string local = (s.isIpv6() ? std::string("::") : s.address.toString()) + ":" + std::to_string(s.port);
        // busybox reads /proc/net/tcp6 with the same tcp_do_one: its label stays "tcp".
        const std::string proto = std::string(isTcp ? "tcp" : "udp") + (s.isIpv6() && ctx.flavor != Flavor::Busybox ? "6" : "");
        std::string line = padRight(proto, 4) + "  " + padLeft("0", 6) + " " + padLeft("0", 6) + " " + padRight(local, 23) +
                           " " + padRight(s.isIpv6() ? ":::*" : "0.0.0.0:*", 23) + " " + padRight(isTcp ? "LISTEN" : "", 11);
        if (programs) line += " " + padRight(programName(ctx, s), 19);
        out += line + "\n";
    }
    return ok(out);
}

}  // namespace sim::tools
