// arp: net-tools arp (arp.c: arp_disp / arp_disp_2) on GNU, busybox arp on Busybox, reading the
// namespace's neighbour table the way /proc/net/arp shows it: REACHABLE, STALE, DELAY and PROBE
// entries are complete ("C"), PERMANENT ones "CM", INCOMPLETE and FAILED ones "(incomplete)".
// Default display (net-tools): the Linux table with hostnames; -n numeric; -a the BSD style
// "? (172.17.0.3) at 02:42:ac:11:00:03 [ether] on eth0". busybox always prints the BSD style.
// Names come from /etc/hosts (getnameinfo, see resolver.hpp).
#include "sim/net/net_namespace.hpp"
#include "sim/tools/commands.hpp"
#include "sim/tools/resolver.hpp"

namespace sim::tools {

namespace {

bool isComplete(net::NeighborState s) {
    return s == net::NeighborState::Reachable || s == net::NeighborState::Stale || s == net::NeighborState::Delay ||
           s == net::NeighborState::Probe || s == net::NeighborState::Permanent;
}

}  // namespace

ToolResult runArp(ToolContext& ctx, const Args& argv) {
    const net::Kernel& k = *ctx.kernel;
    const bool busybox = ctx.flavor == Flavor::Busybox;
    const ParsedOptions p = parseOptions(argv, "anevi:H:t:");
    if (p.invalid) return failure("arp: invalid option -- '" + std::string(1, *p.invalid) + "'\n", busybox ? 1 : 255);
    bool numeric = false, bsd = busybox;
    std::string device;
    for (const auto& [opt, value] : p.options) {
        if (opt == 'n') numeric = true;
        if (opt == 'a') bsd = true;
        if (opt == 'e') bsd = busybox;
        if (opt == 'i') device = value;
    }
    std::optional<wire::Ipv4Address> host;
    std::string hostText;
    if (!p.operands.empty()) {
        hostText = p.operands.front();
        const Resolution r = resolveHost(ctx, hostText);
        if (r.status != ResolveStatus::Ok) return failure(hostText + ": Unknown host\n", busybox ? 1 : 255);
        host = r.address;
    }

    std::string out;
    int shown = 0, entries = 0;
    for (const net::NeighborEntry* e : k.ns(ctx.ns)->neighbors().entries()) {
        if (e->state == net::NeighborState::None) continue;
        ++entries;
        const net::Interface* dev = k.interface(e->dev);
        const std::string devName = dev ? dev->name : "?";
        if (!device.empty() && devName != device) continue;
        if (host && e->ip != *host) continue;
        const bool complete = isComplete(e->state) && e->mac.has_value();
        const bool permanent = e->state == net::NeighborState::Permanent;
        const std::string ip = e->ip.toString();
        const std::optional<std::string> name = numeric ? std::nullopt : reverseLookup(ctx, e->ip);
        if (bsd) {
            std::string line = name.value_or("?") + " (" + ip + ") at ";
            line += complete ? e->mac->toString() + " [ether] " : std::string("<incomplete> ");
            if (permanent) line += "PERM ";
            out += line + "on " + devName + "\n";
        } else {
            if (shown == 0) out += "Address                  HWtype  HWaddress           Flags Mask            Iface\n";
            std::string line = fitRight(name.value_or(ip), 23) + "  ";
            line += complete ? fitRight("ether", 8) + fitRight(e->mac->toString(), 20) : fitRight("", 8) + fitRight("(incomplete)", 20);
            line += fitRight(complete ? (permanent ? "CM" : "C") : "", 6) + fitRight("", 15) + " " + devName;
            out += line + "\n";
        }
        ++shown;
    }
    if (shown == 0 && !busybox) {
        if (host && !bsd) out += hostText + " (" + host->toString() + ") -- no entry\n";
        else if (host || !device.empty()) out += "arp: in " + std::to_string(entries) + " entries no match found.\n";
    }
    return ok(out);
}

}  // namespace sim::tools
