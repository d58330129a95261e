// apk (package_manager.hpp): apk-tools 2.14 of Alpine 3.20 — index fetches, installs in
// dependency order, triggers, the "OK:" summary.
#include <algorithm>
#include <cstdio>
#include <optional>
#include <set>
#include <string_view>

#include "sim/docker/package_manager_internal.hpp"

namespace sim::docker {

using namespace pkg_detail;

namespace {

struct ApkCommand {
    bool noCache = false;
    bool updateCache = false;
    std::string sub;
    std::vector<std::string> pkgs;
    std::string error;
};

ApkCommand parseApkArgs(const std::vector<std::string>& argv) {
    ApkCommand c;
    for (std::size_t i = 1; i < argv.size(); ++i) {
        const std::string& a = argv[i];
        if (a == "--no-cache") c.noCache = true;
        // getopt_long takes a unique prefix: Dockerfiles' `apk --update add` is --update-cache.
        else if (a == "-U" || a == "--update-cache" || a == "--update") c.updateCache = true;
        else if (a.starts_with("-")) {
            c.error = "docknet: apk: option " + a + " is not modelled by the simulator";
            return c;
        } else if (c.sub.empty()) c.sub = a;
        else c.pkgs.push_back(a.substr(0, a.find_first_of("=<>~")));
    }
    return c;
}

}  // namespace

int runApk(PackageRun& run, const std::vector<std::string>& argv) {
    InstalledSoftware& sw = run.software;
    auto say = [&](std::string line, double dt = 0.004) { run.say(std::move(line), dt, false); };
    auto err = [&](std::string line, double dt = 0.001) { run.say(std::move(line), dt, true); };
    const ApkCommand cmd = parseApkArgs(argv);
    if (!cmd.error.empty()) {
        err(cmd.error);
        return 1;
    }
    const std::string& sub = cmd.sub;
    const auto& pkgs = cmd.pkgs;
    auto fetch = [&] {
        say("fetch https://dl-cdn.alpinelinux.org/alpine/v3.20/main/x86_64/APKINDEX.tar.gz", 0.05);
        say("fetch https://dl-cdn.alpinelinux.org/alpine/v3.20/community/x86_64/APKINDEX.tar.gz", 0.3);
    };
    auto okLine = [&] {
        const std::uint64_t total = run.baseBytes + run.addedBytes;
        say("OK: " + std::to_string((total + 524288) / 1048576) + " MiB in " + std::to_string(14 + sw.packages.size()) +
                " packages",
            0.03);
    };
    auto indexLines = [&] {
        say("v3.20.3-221-g2a6c3e0e5f0 [https://dl-cdn.alpinelinux.org/alpine/v3.20/main]", 0.3);
        say("v3.20.3-222-g6e4a1c8ea34 [https://dl-cdn.alpinelinux.org/alpine/v3.20/community]", 0.0);
        say("OK: 24166 distinct packages available", 0.01);
    };
    if (sub == "update") {
        fetch();
        indexLines();
        if (!cmd.noCache) sw.aptListsPresent = true;
        return 0;
    }
    if (sub == "del") {
        int n = 0;
        for (const auto& name : pkgs)
            if (sw.packages.erase(name)) {
                const Pkg* p = findPkg(apkPackages(), name);
                say("(" + std::to_string(++n) + "/" + std::to_string(pkgs.size()) + ") Purging " + name + " (" +
                        (p ? p->version : "") + ")",
                    0.01);
                if (p) removeTools(sw, *p);
            }
        okLine();
        return 0;
    }
    if (sub != "add") {
        static const char* kKnown[] = {"info", "search", "upgrade", "fix", "cache", "version", "stats", "policy", "fetch",
                                       "manifest", "audit", "index", "verify", "dot", "list"};
        if (std::find(std::begin(kKnown), std::end(kKnown), sub) != std::end(kKnown)) {
            err("docknet: apk: '" + sub + "' is not modelled by the simulator");
            return 1;
        }
        // apk prints its version and its whole usage text here, which docknet does not carry.
        err(sub.empty() ? std::string("docknet: apk: its usage text is not modelled by the simulator")
                        : "docknet: apk: '" + sub + "' is not an apk command, and apk's usage text is not modelled by the simulator");
        return 1;
    }
    // The index is fetched unless `apk update` left one in /var/cache/apk (and --no-cache ignores it).
    if (cmd.noCache || cmd.updateCache || !sw.aptListsPresent) fetch();
    if (cmd.updateCache && !cmd.noCache) sw.aptListsPresent = true;
    std::vector<std::string> unknown;
    std::vector<std::string> order;  // dependencies first, then the package
    std::set<std::string> seen;
    for (const auto& name : pkgs) {
        const Pkg* p = findPkg(apkPackages(), name);
        if (!p) {
            unknown.push_back(name);
            continue;
        }
        for (auto& d : words(p->deps))
            if (!sw.packages.contains(d) && seen.insert(d).second) order.push_back(d);
        if (!sw.packages.contains(name) && seen.insert(name).second) order.push_back(name);
    }
    if (!unknown.empty()) {
        err("ERROR: unable to select packages:", 0.1);
        for (const auto& u : unknown) {
            err("  " + u + " (no such package):", 0.0);
            err("    required by: world[" + u + "]", 0.0);
        }
        return 1;
    }
    const std::size_t n = order.size();
    for (std::size_t i = 0; i < n; ++i) {
        const Pkg* p = findPkg(apkPackages(), order[i]);
        say("(" + std::to_string(i + 1) + "/" + std::to_string(n) + ") Installing " + order[i] + " (" + p->version + ")", 0.02);
        sw.packages.insert(order[i]);
        addTools(sw, *p);
        run.addedBytes += p->installed;
    }
    if (n) say("Executing busybox-1.36.1-r29.trigger", 0.01);
    if (seen.contains("ca-certificates")) say("Executing ca-certificates-20240705-r0.trigger", 0.02);
    okLine();
    return 0;
}

}  // namespace sim::docker
