// ifconfig: net-tools 1.60+git20181103 (Debian, ife_print_long in lib/interface.c) on GNU,
// busybox 1.36 ifconfig (ife_print in networking/interface.c) on Busybox. Interfaces come sorted
// by name (both keep /proc/net/dev's names in an nstrcmp-sorted list); without -a only the
// ones that are up. Only the primary IPv4 address is shown, then the IPv6 ones (docknet models no
// IPv6). Counters come from the kernel trace (see countFrames): zero errors, drops, overruns.
// Debian's net-tools scales bytes by 1000 ("1.0 KB"), busybox by 1024 ("1.0 KiB").
#include <algorithm>
#include <cctype>

#include "sim/tools/commands.hpp"
#include "sim/tools/legacy_net_change.hpp"

namespace sim::tools {

namespace {

constexpr unsigned kUp = 0x1, kBroadcast = 0x2, kLoopback = 0x8, kRunning = 0x40, kMulticast = 0x1000;

unsigned ifFlags(const net::Kernel& k, const net::Interface& i) {
    unsigned f = 0;
    if (i.adminUp) f |= kUp;
    f |= i.isLoopback() ? kLoopback : (kBroadcast | kMulticast);
    if (hasCarrier(k, i)) f |= kRunning;
    return f;
}

std::vector<std::string> flagNames(unsigned f) {
    static const std::pair<unsigned, const char*> kNames[] = {
        {kUp, "UP"}, {kBroadcast, "BROADCAST"}, {kLoopback, "LOOPBACK"}, {kRunning, "RUNNING"}, {kMulticast, "MULTICAST"}};
    std::vector<std::string> out;
    for (const auto& [bit, name] : kNames)
        if (f & bit) out.emplace_back(name);
    return out;
}

/// Debian net-tools: "(%lu.%lu %s)" with decimal units.
std::string scaledDecimal(std::uint64_t bytes) {
    std::uint64_t tenths = bytes * 10;
    const char* unit = "B";
    if (bytes > 1000000000000ull) { tenths /= 1000000000000ull; unit = "TB"; }
    else if (bytes > 1000000000ull) { tenths /= 1000000000ull; unit = "GB"; }
    else if (bytes > 1000000ull) { tenths /= 1000000ull; unit = "MB"; }
    else if (bytes > 1000ull) { tenths /= 1000ull; unit = "KB"; }
    return "(" + std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + " " + unit + ")";
}

/// busybox print_bytes_scaled: binary units, one decimal.
std::string scaledBinary(std::uint64_t bytes) {
    static const char* kUnits[] = {"B", "KiB", "MiB", "GiB", "TiB"};
    std::uint64_t whole = bytes;
    unsigned frac = 0, unit = 0;
    for (int n = 0; n < 4; ++n) {
        if (whole >= 1024) {
            frac = static_cast<unsigned>(((whole & 1023) * 10) / 1024);
            whole /= 1024;
            ++unit;
        }
    }
    return "(" + std::to_string(whole) + "." + std::to_string(frac) + " " + kUnits[unit] + ")";
}

std::string upperMac(const wire::MacAddress& m) {
    std::string s = m.toString();
    for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

std::string netTools(const net::Kernel& k, const net::Interface& i) {
    const unsigned f = ifFlags(k, i);
    std::string flagText;
    for (const auto& n : flagNames(f)) flagText += (flagText.empty() ? "" : ",") + n;
    const unsigned mtu = i.isLoopback() ? 65536u : i.mtu;
    std::string s = i.name + ": flags=" + std::to_string(f) + "<" + flagText + ">  mtu " + std::to_string(mtu) + "\n";
    if (const auto* a = i.primaryAddress()) {
        s += "        inet " + a->address().toString() + "  netmask " + a->mask().toString();
        if (f & kBroadcast) s += "  broadcast " + a->broadcast().toString();
        s += "\n";
    }
    for (const auto& a : i.addresses6) {
        const auto& ip = a.prefix.address();
        const char* scope = ip.isLinkLocal() ? "0x20<link>" : ip == wire::Ipv6Address::loopback() ? "0x10<host>" : "0x0<global>";
        s += "        inet6 " + ip.toString() + "  prefixlen " + std::to_string(a.prefix.length()) + "  scopeid " + scope + "\n";
    }
    s += i.isLoopback() ? "        loop  txqueuelen 1000  (Local Loopback)\n"
                        : "        ether " + i.mac.toString() + "  txqueuelen " + (i.physicalNic ? "1000" : "0") + "  (Ethernet)\n";
    const FrameCounters c = countFrames(k, i.id);
    s += "        RX packets " + std::to_string(c.rxPackets) + "  bytes " + std::to_string(c.rxBytes) + " " + scaledDecimal(c.rxBytes) + "\n";
    s += "        RX errors 0  dropped 0  overruns 0  frame 0\n";
    s += "        TX packets " + std::to_string(c.txPackets) + "  bytes " + std::to_string(c.txBytes) + " " + scaledDecimal(c.txBytes) + "\n";
    s += "        TX errors 0  dropped 0 overruns 0  carrier 0  collisions 0\n\n";
    return s;
}

std::string busybox(const net::Kernel& k, const net::Interface& i) {
    const unsigned f = ifFlags(k, i);
    std::string s = padRight(i.name, 9) + " Link encap:" + (i.isLoopback() ? "Local Loopback  " : "Ethernet  ");
    if (!i.isLoopback()) s += "HWaddr " + upperMac(i.mac) + "  ";
    s += "\n";
    if (const auto* a = i.primaryAddress()) {
        s += "          inet addr:" + a->address().toString() + " ";
        if (f & kBroadcast) s += " Bcast:" + a->broadcast().toString() + " ";
        s += " Mask:" + a->mask().toString() + "\n";
    }
    for (const auto& a : i.addresses6) {
        const auto& ip = a.prefix.address();
        const char* scope = ip.isLinkLocal() ? "Link" : ip == wire::Ipv6Address::loopback() ? "Host" : "Global";
        s += "          inet6 addr: " + a.prefix.toString() + " Scope:" + scope + "\n";
    }
    s += "          ";
    for (const auto& n : flagNames(f)) s += n + " ";
    s += " MTU:" + std::to_string(i.isLoopback() ? 65536u : i.mtu) + "  Metric:1\n";
    const FrameCounters c = countFrames(k, i.id);
    s += "          RX packets:" + std::to_string(c.rxPackets) + " errors:0 dropped:0 overruns:0 frame:0\n";
    s += "          TX packets:" + std::to_string(c.txPackets) + " errors:0 dropped:0 overruns:0 carrier:0\n";
    s += std::string("          collisions:0 txqueuelen:") + (i.isLoopback() || i.physicalNic ? "1000" : "0") + " \n";
    s += "          RX bytes:" + std::to_string(c.rxBytes) + " " + scaledBinary(c.rxBytes) + "  TX bytes:" +
         std::to_string(c.txBytes) + " " + scaledBinary(c.txBytes) + "\n\n";
    return s;
}

}  // namespace

ToolResult runIfconfig(ToolContext& ctx, const Args& argv) {
    const net::Kernel& k = *ctx.kernel;
    // `ifconfig -a eth0 ...` is not a change; `ifconfig eth0 ARGS` is (legacy_net_change.cpp).
    const bool bb = ctx.flavor == Flavor::Busybox;
    bool all = false;
    std::string only;
    for (std::size_t n = 1; n < argv.size(); ++n) {
        if (argv[n] == "-a") all = true;
        else if (only.empty()) only = argv[n];
        else if (!ctx.hasCapability("CAP_NET_ADMIN")) {
            // The first ioctl the change needs fails with EPERM; busybox's perror names the applet.
            const std::string& what = argv[n];
            const char* ioctl = what == "netmask"                                  ? "SIOCSIFNETMASK"
                                : what == "mtu"                                    ? "SIOCSIFMTU"
                                : what == "hw"                                     ? "SIOCSIFHWADDR"
                                : what == "broadcast"                              ? "SIOCSIFBRDADDR"
                                : !what.empty() && std::isdigit(static_cast<unsigned char>(what[0])) ? "SIOCSIFADDR"
                                                                                   : "SIOCSIFFLAGS";
            return failure(std::string(bb ? "ifconfig: " : "") + ioctl + ": Operation not permitted\n", 1);
        }
        else {
            Args change{argv[0], only};
            change.insert(change.end(), argv.begin() + static_cast<std::ptrdiff_t>(n), argv.end());
            return changeIfconfig(ctx, change);
        }
    }
    std::vector<const net::Interface*> ifaces;
    for (auto id : k.interfacesOf(ctx.ns)) ifaces.push_back(k.interface(id));
    std::sort(ifaces.begin(), ifaces.end(), [](auto* a, auto* b) { return a->name < b->name; });
    std::string out;
    for (const net::Interface* i : ifaces) {
        if (!only.empty() ? i->name != only : !(all || i->adminUp)) continue;
        out += bb ? busybox(k, *i) : netTools(k, *i);
    }
    if (!only.empty() && out.empty())
        return failure(std::string(bb ? "ifconfig: " : "") + only + ": error fetching interface information: Device not found\n", 1);
    return ok(out);
}

}  // namespace sim::tools
