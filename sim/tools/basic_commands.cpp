// The small utilities around the network tools: hostname, cat, echo, env, sleep, true, false and
// sysctl (the keys of proc_sys.hpp). coreutils/procps wording on GNU, busybox's on Busybox.
#include <cmath>

#include "sim/net/net_namespace.hpp"
#include "sim/core/sleep_duration.hpp"
#include "sim/tools/commands.hpp"
#include "sim/tools/proc_sys.hpp"
#include "sim/tools/resolver.hpp"

namespace sim::tools {

namespace {


std::optional<std::string> readFile(const ToolContext& ctx, const std::string& path) {
    if (auto it = ctx.files.find(path); it != ctx.files.end()) return it->second;
    if (!path.starts_with('/'))  // relative to where the process runs
        if (auto it = ctx.files.find((ctx.cwd == "/" ? "" : ctx.cwd) + "/" + path); it != ctx.files.end()) return it->second;
    if (const auto key = sysctlKeyOfPath(path))
        if (auto v = readSysctl(*ctx.kernel, ctx.ns, *key)) return *v + "\n";
    return std::nullopt;
}

}  // namespace

ToolResult runHostname(ToolContext& ctx, const Args& argv) {
    const bool busybox = ctx.flavor == Flavor::Busybox;
    if (argv.size() == 1) return ok(ctx.hostname + "\n");
    if (argv[1] == "-I" && !busybox) {
        std::string out;
        for (auto id : ctx.kernel->interfacesOf(ctx.ns)) {
            const net::Interface* i = ctx.kernel->interface(id);
            if (i->isLoopback() || !i->adminUp) continue;
            for (const auto& a : i->addresses) out += a.address().toString() + " ";
        }
        // getifaddrs lists the IPv4 addresses before the IPv6 ones; link-local ones are left out.
        for (auto id : ctx.kernel->interfacesOf(ctx.ns)) {
            const net::Interface* i = ctx.kernel->interface(id);
            if (i->isLoopback() || !i->adminUp) continue;
            for (const auto& a : i->addresses6)
                if (!a.prefix.address().isLinkLocal()) out += a.prefix.address().toString() + " ";
        }
        return ok(out + "\n");
    }
    if (argv[1] == "-i") {
        const Resolution r = resolveHost(ctx, ctx.hostname);
        if (r.status != ResolveStatus::Ok) {
            if (busybox) return failure("hostname: bad address '" + ctx.hostname + "'\n", 1);
            return failure("hostname: " + std::string(gaiMessage(r.status)) + "\n", 1);
        }
        std::string out;
        for (std::size_t i = 0; i < r.addresses.size(); ++i) {
            // busybox prints "%s " per address; hostname(1) of Debian separates them.
            if (busybox) out += r.addresses[i].toString() + " ";
            else out += (i ? " " : "") + r.addresses[i].toString();
        }
        return ok(out + "\n");
    }
    if (argv[1] == "-s") return ok(ctx.hostname.substr(0, ctx.hostname.find('.')) + "\n");
    const bool fqdn = argv[1] == "-f" || argv[1] == "--fqdn" || argv[1] == "--long";
    const bool domain = argv[1] == "-d" || argv[1] == "--domain";
    if (fqdn || domain) {
        // The FQDN is the canonical name the hostname resolves to: the first name of its
        // /etc/hosts line ("172.17.0.2 web.example.com web" with --domainname).
        const Resolution r = resolveHost(ctx, ctx.hostname);
        if (r.status != ResolveStatus::Ok) {
            if (busybox) return failure("hostname: bad address '" + ctx.hostname + "'\n", 1);
            return failure("hostname: " + std::string(gaiMessage(r.status)) + "\n", 1);
        }
        const std::string name = r.canonicalName.empty() ? ctx.hostname : r.canonicalName;
        if (fqdn) return ok(name + "\n");
        const auto dot = name.find('.');
        // busybox prints nothing without a domain; Debian's hostname an empty line.
        if (dot == std::string::npos) return ok(busybox ? "" : "\n");
        return ok(name.substr(dot + 1) + "\n");
    }
    // Setting the hostname needs CAP_SYS_ADMIN, which a container does not have.
    return failure("hostname: you must be root to change the host name\n", 1);
}

ToolResult runCat(ToolContext& ctx, const Args& argv) {
    ToolResult r;
    for (std::size_t i = 1; i < argv.size(); ++i) {
        if (auto content = readFile(ctx, argv[i])) {
            r.out += *content;
            continue;
        }
        r.err += ctx.flavor == Flavor::Busybox ? "cat: can't open '" + argv[i] + "': No such file or directory\n"
                                               : "cat: " + argv[i] + ": No such file or directory\n";
        r.exitCode = 1;
    }
    return r;
}

ToolResult runEcho(ToolContext&, const Args& argv) {
    std::size_t first = 1;
    bool newline = true;
    if (argv.size() > 1 && argv[1] == "-n") {
        newline = false;
        first = 2;
    }
    std::string out;
    for (std::size_t i = first; i < argv.size(); ++i) out += (i > first ? " " : "") + argv[i];
    return ok(newline ? out + "\n" : out);
}

ToolResult runEnv(ToolContext& ctx, const Args&) { return ok(lines(ctx.env)); }

ToolResult runSleep(ToolContext& ctx, const Args& argv) {
    const bool busybox = ctx.flavor == Flavor::Busybox;
    if (argv.size() < 2) {
        if (busybox) return failure("BusyBox v1.36.1 multi-call binary.\n\nUsage: sleep [N]...\n", 1);
        return failure("sleep: missing operand\nTry 'sleep --help' for more information.\n", 1);
    }
    std::string bad;
    const auto d = core::parseSleepDuration(Args(argv.begin() + 1, argv.end()), &bad);
    if (!d) {
        if (busybox) return failure("sleep: invalid number '" + bad + "'\n", 1);
        return failure("sleep: invalid time interval '" + bad + "'\nTry 'sleep --help' for more information.\n", 1);
    }
    // `sleep infinity` in the foreground waits until interrupted; a script cannot press Ctrl-C,
    // so docknet ends it at once as an interrupt would (status 130), without waiting.
    if (d->forever) return failure({}, 130);
    auto& sched = ctx.kernel->scheduler();
    sched.runUntil(sched.now() + d->wait);
    return ok();
}

ToolResult runTrue(ToolContext&, const Args&) { return ok(); }

ToolResult runFalse(ToolContext&, const Args&) { return failure({}, 1); }

ToolResult runSysctl(ToolContext& ctx, const Args& argv) {
    bool valueOnly = false;
    bool write = false;
    std::vector<std::string> keys;
    std::string modelled;
    for (const auto& k : modelledSysctls()) modelled += (modelled.empty() ? "" : ", ") + k;
    for (std::size_t i = 1; i < argv.size(); ++i) {
        if (argv[i] == "-n") valueOnly = true;
        else if (argv[i] == "-w") write = true;
        else if (argv[i].starts_with("-") && argv[i].size() > 1)
            // -a would list every key of a real kernel; docknet has only the ones it models.
            return failure(argv[i] == "-a" || argv[i] == "--all"
                               ? "docknet: sysctl -a is not modelled (docknet models " + modelled + ")\n"
                               : "sysctl: invalid option -- '" + argv[i].substr(1, 1) + "'\n",
                           argv[i] == "-a" || argv[i] == "--all" ? 2 : 255);
        else keys.push_back(argv[i]);
    }
    ToolResult r;
    for (const auto& spec : keys) {
        const auto eq = spec.find('=');
        std::string key = spec.substr(0, eq);
        for (char& c : key)
            if (c == '/') c = '.';
        const bool writing = eq != std::string::npos || write;
        if (auto dir = sysctlDirectory(*ctx.kernel, key)) {
            // A directory lists the keys under it, in the kernel's (sorted) order; a write to it
            // fails to open the directory (UNCERTAIN: procps's wording, from its stat check).
            while (key.ends_with('.')) key.pop_back();
            if (writing) {
                r.err += ctx.flavor == Flavor::Busybox ? "sysctl: error setting key '" + key + "': Is a directory\n"
                                                       : "sysctl: setting key \"" + key + "\": Is a directory\n";
                r.exitCode = ctx.flavor == Flavor::Busybox ? 1 : 255;
                continue;
            }
            for (const auto& k : *dir) {
                const auto v = readSysctl(*ctx.kernel, ctx.ns, k);
                r.out += valueOnly ? *v + "\n" : k + " = " + *v + "\n";
            }
            continue;
        }
        if (isUnmodelledSysctlDirectory(key))
            return failure("docknet: sysctl " + key + " is not modelled (docknet models " + modelled + ")\n", 2);
        auto value = readSysctl(*ctx.kernel, ctx.ns, key);
        if (!value) {
            std::string path = "/proc/sys/" + key;
            for (char& c : path)
                if (c == '.') c = '/';
            r.err += "sysctl: cannot stat " + path + ": No such file or directory\n";
            r.exitCode = 255;
            continue;
        }
        if (writing) {
            // Docker mounts /proc/sys read-only in a container that is not --privileged, whatever
            // its capabilities: the open for writing fails with EROFS.
            if (!ctx.canWriteProcSys()) {
                r.err += ctx.flavor == Flavor::Busybox ? "sysctl: error setting key '" + key + "': Read-only file system\n"
                                                       : "sysctl: setting key \"" + key + "\": Read-only file system\n";
                r.exitCode = ctx.flavor == Flavor::Busybox ? 1 : 255;
                continue;
            }
            if (!ctx.isDockerHost && ctx.uid != 0) {  // root's 0644 files, once the mount allows writing
                r.err += ctx.flavor == Flavor::Busybox ? "sysctl: error setting key '" + key + "': Permission denied\n"
                                                       : "sysctl: permission denied on key '" + key + "'\n";
                r.exitCode = ctx.flavor == Flavor::Busybox ? 1 : 255;
                continue;
            }
            if (auto w = writeSysctl(*ctx.kernel, ctx.ns, key, eq == std::string::npos ? "" : spec.substr(eq + 1)); !w) {
                r.err += "sysctl: setting key \"" + key + "\": " + w.error().message + "\n";
                r.exitCode = 255;
                continue;
            }
            value = readSysctl(*ctx.kernel, ctx.ns, key);
        }
        r.out += valueOnly ? *value + "\n" : key + " = " + *value + "\n";
    }
    return r;
}

}  // namespace sim::tools
