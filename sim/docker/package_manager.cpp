// apt-get/apt, apk and microdnf (package_manager.hpp): their options, their output, and what they
// install. Output wording follows apt 2.6 (bookworm) / 2.7 (noble), dpkg, apk-tools 2.14 and
// microdnf 3 as they print in a container (no terminal unless PackageRun::tty).
#include "sim/docker/package_manager.hpp"

#include <algorithm>
#include <cstdio>
#include <optional>
#include <string_view>

#include "sim/docker/image_catalog.hpp"
#include "sim/docker/package_tables.hpp"

namespace sim::docker {

InstalledSoftware softwareOf(const ImageConfig& image) {
    return InstalledSoftware{image.tools, image.packages, image.aptListsPresent};
}

namespace {

std::vector<std::string> words(std::string_view s) {
    std::vector<std::string> out;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && s[i] == ' ') ++i;
        const std::size_t start = i;
        while (i < s.size() && s[i] != ' ') ++i;
        if (i > start) out.emplace_back(s.substr(start, i - start));
    }
    return out;
}

std::string joined(const std::vector<std::string>& v) {
    std::string out;
    for (const auto& w : v) out += (out.empty() ? "" : " ") + w;
    return out;
}

/// apt's SizeToStr + "B": 243000 -> "243 kB", 55400 -> "55.4 kB", 9255000 -> "9255 kB".
std::string aptSize(double bytes) {
    static const char* units[] = {"", "k", "M", "G", "T"};
    int u = 0;
    while (true) {
        if (bytes < 100 && u != 0) {
            char b[32];
            std::snprintf(b, sizeof b, "%.1f %sB", bytes, units[u]);
            return b;
        }
        if (bytes < 10000 || u == 4) {
            char b[32];
            std::snprintf(b, sizeof b, "%.0f %sB", bytes, units[u]);
            return b;
        }
        bytes /= 1000.0;
        ++u;
    }
}

void addTools(InstalledSoftware& sw, const Pkg& p) {
    for (auto& t : words(p.tools)) sw.tools.insert(t);
}

void removeTools(InstalledSoftware& sw, const Pkg& p) {
    for (auto& t : words(p.tools)) sw.tools.erase(t);
}

// ---- apt ------------------------------------------------------------------------------------

struct AptDistro {
    std::vector<std::string> update;
    std::string getPrefix;  // "http://deb.debian.org/debian bookworm/main amd64"
};

AptDistro aptDistro(std::string_view distro) {
    if (distro == "jessie")
        return {{"Get:1 http://security.debian.org jessie/updates InRelease [44.9 kB]",
                 "Ign http://httpredir.debian.org jessie InRelease",
                 "Get:2 http://httpredir.debian.org jessie-updates InRelease [145 kB]",
                 "Get:3 http://httpredir.debian.org jessie Release.gpg [2373 B]",
                 "Get:4 http://httpredir.debian.org jessie Release [148 kB]",
                 "Get:5 http://security.debian.org jessie/updates/main amd64 Packages [445 kB]",
                 "Get:6 http://httpredir.debian.org jessie-updates/main amd64 Packages [17.6 kB]",
                 "Get:7 http://httpredir.debian.org jessie/main amd64 Packages [9032 kB]",
                 "Fetched 9835 kB in 3s (2707 kB/s)"},
                "http://httpredir.debian.org/debian/ jessie/main"};
    if (distro == "jammy" || distro == "noble") {
        const std::string d(distro);
        return {{"Get:1 http://archive.ubuntu.com/ubuntu " + d + " InRelease [270 kB]",
                 "Get:2 http://security.ubuntu.com/ubuntu " + d + "-security InRelease [129 kB]",
                 "Get:3 http://archive.ubuntu.com/ubuntu " + d + "-updates InRelease [128 kB]",
                 "Get:4 http://archive.ubuntu.com/ubuntu " + d + "-backports InRelease [127 kB]",
                 "Get:5 http://archive.ubuntu.com/ubuntu " + d + "/main amd64 Packages [1792 kB]",
                 "Get:6 http://archive.ubuntu.com/ubuntu " + d + "/universe amd64 Packages [17.5 MB]",
                 "Get:7 http://security.ubuntu.com/ubuntu " + d + "-security/main amd64 Packages [2273 kB]",
                 "Get:8 http://archive.ubuntu.com/ubuntu " + d + "-updates/main amd64 Packages [2560 kB]",
                 "Fetched 24.8 MB in 3s (8316 kB/s)"},
                "http://archive.ubuntu.com/ubuntu " + d + "/main amd64"};
    }
    return {{"Get:1 http://deb.debian.org/debian bookworm InRelease [151 kB]",
             "Get:2 http://deb.debian.org/debian bookworm-updates InRelease [55.4 kB]",
             "Get:3 http://deb.debian.org/debian-security bookworm-security InRelease [48.0 kB]",
             "Get:4 http://deb.debian.org/debian bookworm/main amd64 Packages [8789 kB]",
             "Get:5 http://deb.debian.org/debian bookworm-updates/main amd64 Packages [13.8 kB]",
             "Get:6 http://deb.debian.org/debian-security bookworm-security/main amd64 Packages [198 kB]",
             "Fetched 9255 kB in 1s (6743 kB/s)"},
            "http://deb.debian.org/debian bookworm/main amd64"};
}

/// A second `apt-get update` finds every index unchanged: "Hit:N ... InRelease", nothing fetched.
std::vector<std::string> aptUpdateUnchanged(const std::vector<std::string>& update) {
    std::vector<std::string> out;
    int n = 0;
    for (const auto& l : update) {
        if (!l.starts_with("Get:") || l.find(" InRelease [") == std::string::npos) continue;
        const auto space = l.find(' ');
        out.push_back("Hit:" + std::to_string(++n) + l.substr(space, l.find(" [") - space));
    }
    return out;
}

std::string aptVersion(std::string_view distro, const Pkg& p) {
    if (const char* o = aptVersionOverride(distro, p.name)) return o;
    return p.version;
}

struct AptCommand {
    bool yes = false;
    int quiet = 0;
    std::string sub;
    std::vector<std::string> pkgs;
    std::string error;  // set: print it on stderr and exit 100
};

/// apt-pkg's CommandLine: the options it knows, the few docknet simulates, its own errors for the rest.
AptCommand parseAptArgs(const std::vector<std::string>& argv) {
    AptCommand c;
    const std::string tool = argv[0];
    // Options apt-get knows that change what it does in ways the model does not simulate.
    static const char* kUnmodelledLong[] = {
        "no-install-recommends", "install-recommends", "no-install-suggests", "install-suggests", "fix-missing",
        "fix-broken", "ignore-missing", "allow-unauthenticated", "allow-downgrades", "allow-remove-essential",
        "allow-change-held-packages", "purge", "reinstall", "download-only", "simulate", "dry-run", "just-print",
        "recon", "no-act", "force-yes", "no-upgrade", "only-upgrade", "upgrade", "auto-remove", "autoremove",
        "target-release", "default-release", "print-uris", "show-progress", "assume-no", "help", "version",
        "config-file", "option", "no-download", "build", "compile", "show-upgraded", "verbose-versions",
        "trivial-only", "no-remove", "list-cleanup", "no-list-cleanup", "arch-only", "indep-only", "host-architecture",
        "ignore-hold", "with-new-pkgs", "mark-auto", "fix-policy", "solver", "audit", "no-allow-insecure-repositories",
        "allow-insecure-repositories", "allow-releaseinfo-change"};
    static const std::string_view kUnmodelledShort = "hvsdfmbuVcotaDFRS";
    for (std::size_t i = 1; i < argv.size(); ++i) {
        const std::string& a = argv[i];
        if (a == "--") continue;
        if (a.starts_with("--")) {
            const std::string name = a.substr(2, a.find('=') == std::string::npos ? std::string::npos : a.find('=') - 2);
            if (name == "yes" || name == "assume-yes") c.yes = true;
            else if (name == "quiet" && a.find('=') == std::string::npos) ++c.quiet;
            else if (std::find(std::begin(kUnmodelledLong), std::end(kUnmodelledLong), name) != std::end(kUnmodelledLong)) {
                c.error = "docknet: " + tool + ": option --" + name + " is not modelled by the simulator";
                return c;
            } else {
                c.error = "E: Command line option " + a + " is not understood in combination with the other options";
                return c;
            }
            continue;
        }
        if (a.size() > 1 && a[0] == '-') {
            for (std::size_t k = 1; k < a.size(); ++k) {
                const char o = a[k];
                if (o == 'y') c.yes = true;
                else if (o == 'q') ++c.quiet;
                else if (kUnmodelledShort.find(o) != std::string_view::npos) {
                    c.error = std::string("docknet: ") + tool + ": option -" + o + " is not modelled by the simulator";
                    return c;
                } else {
                    c.error = std::string("E: Command line option '") + o + "' [from " + a + "] is not known.";
                    return c;
                }
            }
            continue;
        }
        if (c.sub.empty()) c.sub = a;
        else c.pkgs.push_back(a.substr(0, a.find('=')));
    }
    return c;
}

// ---- apk ------------------------------------------------------------------------------------

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
        else if (a == "-U" || a == "--update-cache") c.updateCache = true;
        else if (a.starts_with("-")) {
            c.error = "docknet: apk: option " + a + " is not modelled by the simulator";
            return c;
        } else if (c.sub.empty()) c.sub = a;
        else c.pkgs.push_back(a.substr(0, a.find_first_of("=<>~")));
    }
    return c;
}

}  // namespace

int runAptGet(PackageRun& run, const std::vector<std::string>& argv) {
    InstalledSoftware& sw = run.software;
    auto out = [&](std::string line, double dt = 0.004) { run.say(std::move(line), dt, false); };
    auto err = [&](std::string line, double dt = 0.001) { run.say(std::move(line), dt, true); };
    const bool isApt = argv[0] == "apt";
    const AptCommand cmd = parseAptArgs(argv);
    if (!cmd.error.empty()) {
        err(cmd.error);
        return 100;
    }
    if (cmd.sub.empty()) {
        err("docknet: " + argv[0] + ": its help text is not modelled by the simulator");
        return 1;
    }
    // -qq prints errors only; -q (or no terminal) leaves the progress lines without " Done".
    auto say = [&](std::string line, double dt = 0.004) {
        if (cmd.quiet < 2) out(std::move(line), dt);
    };
    const std::string done = run.tty && cmd.quiet == 0 ? " Done" : "";
    if (isApt && !run.tty) {  // apt warns only when its output is not a terminal
        err("");
        err("WARNING: apt does not have a stable CLI interface. Use with caution in scripts.");
        err("");
    }
    auto readingLines = [&] {
        say("Reading package lists..." + done, 0.08);
        say("Building dependency tree..." + done, 0.3);
        say("Reading state information..." + done, 0.01);
    };
    const std::string& distro = run.distro;
    const AptDistro repo = aptDistro(distro);
    const std::string& sub = cmd.sub;
    const auto& pkgs = cmd.pkgs;
    if (sub == "update") {
        const bool unchanged = sw.aptListsPresent && distro != "jessie";
        double dt = 0.05;
        for (const auto& l : unchanged ? aptUpdateUnchanged(repo.update) : repo.update) {
            say(l, dt);
            dt = dt < 0.3 ? dt + 0.04 : 0.02;
        }
        say("Reading package lists..." + done, 0.02);
        sw.aptListsPresent = true;
        return 0;
    }
    if (sub == "upgrade" || sub == "dist-upgrade" || (isApt && sub == "full-upgrade") || sub == "autoremove") {
        readingLines();
        if (sub != "autoremove") say("Calculating upgrade..." + done, 0.02);
        say("0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.");
        return 0;
    }
    if (sub == "clean" || sub == "autoclean") return 0;
    if (sub == "remove" || sub == "purge") {
        readingLines();
        int removed = 0;
        for (const auto& name : pkgs) {
            if (!sw.packages.contains(name)) {
                say("Package '" + name + "' is not installed, so not removed");
                continue;
            }
            sw.packages.erase(name);
            if (const Pkg* p = findPkg(aptPackages(), name)) removeTools(sw, *p);
            ++removed;
        }
        say("0 upgraded, 0 newly installed, " + std::to_string(removed) + " to remove and 0 not upgraded.");
        return 0;
    }
    if (sub != "install") {
        static const char* kKnown[] = {"check", "source", "build-dep", "download", "changelog", "satisfy", "indextargets",
                                       "markauto", "unmarkauto", "dselect-upgrade", "moo", "list", "search", "show",
                                       "showsrc", "edit-sources", "depends", "rdepends", "policy", "reinstall"};
        if (std::find(std::begin(kKnown), std::end(kKnown), sub) != std::end(kKnown))
            err("docknet: " + argv[0] + ": '" + sub + "' is not modelled by the simulator");
        else
            err("E: Invalid operation " + sub);
        return 100;
    }

    readingLines();
    std::vector<const Pkg*> wanted;
    std::vector<std::string> errors;
    const bool virtualNetcat = distro == "bookworm" || distro == "noble";
    for (const auto& name : pkgs) {
        if (sw.packages.contains(name)) {
            const Pkg* p = findPkg(aptPackages(), name);
            say(name + " is already the newest version (" + (p ? aptVersion(distro, *p) : std::string("1.0")) + ").");
            continue;
        }
        if (!sw.aptListsPresent) {
            errors.push_back("E: Unable to locate package " + name);
            continue;
        }
        if (name == "netcat" && virtualNetcat) {
            say("Package netcat is a virtual package provided by:");
            say("  netcat-traditional 1.10-47");
            say("  netcat-openbsd 1.219-1");
            say("You should explicitly select one to install.");
            say("");
            errors.push_back("E: Package 'netcat' has no installation candidate");
            continue;
        }
        const Pkg* p = findPkg(aptPackages(), name == "netcat" ? "netcat-traditional" : name);
        if (!p) {
            errors.push_back("E: Unable to locate package " + name);
            continue;
        }
        wanted.push_back(p);
    }
    if (!errors.empty()) {
        for (auto& e : errors) err(e);
        return 100;
    }
    // Everything new: the wanted packages plus their missing dependencies.
    std::set<std::string> requested, all;
    for (const Pkg* p : wanted) {
        requested.insert(p->name);
        all.insert(p->name);
        for (auto& d : words(p->deps))
            if (!sw.packages.contains(d) && !(distro == "jessie" && d == "libpam-cap")) all.insert(d);
    }
    if (all.empty()) {
        say("0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.");
        return 0;
    }
    std::vector<std::string> extra;
    for (const auto& n : all)
        if (!requested.contains(n)) extra.push_back(n);
    if (!extra.empty()) {
        say("The following additional packages will be installed:", 0.02);
        say("  " + joined(extra), 0.0);
    }
    say("The following NEW packages will be installed:", 0.01);
    say("  " + joined(std::vector<std::string>(all.begin(), all.end())), 0.0);
    say("0 upgraded, " + std::to_string(all.size()) + " newly installed, 0 to remove and 0 not upgraded.", 0.02);
    double download = 0, installed = 0;
    for (const auto& n : all)
        if (const Pkg* p = findPkg(aptPackages(), n)) {
            download += p->download;
            installed += p->installed;
        }
    say("Need to get " + aptSize(download) + " of archives.", 0.0);
    say("After this operation, " + aptSize(installed) + " of additional disk space will be used.", 0.0);
    if (!extra.empty() && !cmd.yes) {
        // apt asks; with no answer on stdin (EOF) it aborts.
        say("Do you want to continue? [Y/n] Abort.", 0.0);
        return 1;
    }
    int n = 1;
    for (const auto& name : all) {
        const Pkg* p = findPkg(aptPackages(), name);
        say("Get:" + std::to_string(n++) + " " + repo.getPrefix + " " + name + " amd64 " + aptVersion(distro, *p) + " [" +
                aptSize(p->download) + "]",
            0.03 + double(p->download) / 8.0e6);
    }
    if (distro != "jessie" && !run.fullSystem) err("debconf: delaying package configuration, since apt-utils is not installed", 0.05);
    const double secs = download / 6.0e6;
    say("Fetched " + aptSize(download) + " in " + std::to_string(int(secs)) + "s (" + aptSize(download / std::max(secs, 0.2)) +
            "/s)",
        0.01);
    // From 5 packages on apt hands dpkg a directory of numbered links (DPkg::Install::Recursive::Minimum).
    // dpkg's own lines: apt's -qq does not silence them.
    auto dpkg = [&](std::string line, double dt) { out(std::move(line), dt); };
    const bool many = all.size() >= 5;
    int idx = 0;
    bool first = true;
    for (const auto& name : all) {
        const Pkg* p = findPkg(aptPackages(), name);
        const std::string v = aptVersion(distro, *p);
        std::string file = v;
        if (const auto c = file.find(':'); c != std::string::npos) file.replace(c, 1, "%3a");
        dpkg("Selecting previously unselected package " + name + ".", 0.01);
        if (first) {
            const int files = run.dpkgFiles ? run.dpkgFiles : 6000 + int(run.baseBytes % 4000);
            dpkg("(Reading database ... " + std::to_string(files) +
                    " files and directories currently installed.)",
                0.01);
            first = false;
        }
        char num[16];
        std::snprintf(num, sizeof num, "%02d-", idx++ % 100);
        dpkg("Preparing to unpack .../" + (many ? std::string(num) : std::string()) + name + "_" + file + "_amd64.deb ...", 0.002);
        dpkg("Unpacking " + name + " (" + v + ") ...", 0.01);
    }
    for (const auto& name : all) {
        const Pkg* p = findPkg(aptPackages(), name);
        dpkg("Setting up " + name + " (" + aptVersion(distro, *p) + ") ...", 0.01);
        sw.packages.insert(name);
        addTools(sw, *p);
        run.addedBytes += p->installed;
    }
    if (all.size() > 1 && distro == "bookworm") dpkg("Processing triggers for libc-bin (2.36-9+deb12u8) ...", 0.02);
    if (run.fullSystem) dpkg("Processing triggers for man-db (2.11.2-2) ...", 0.3);
    return 0;
}

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
        say("apk-tools 2.14.4, compiled for x86_64.");
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

int runMicrodnf(PackageRun& run, const std::vector<std::string>& argv) {
    InstalledSoftware& sw = run.software;
    auto say = [&](std::string line, double dt = 0.004) { run.say(std::move(line), dt, false); };
    auto err = [&](std::string line, double dt = 0.001) { run.say(std::move(line), dt, true); };
    std::string sub;
    std::vector<std::string> pkgs;
    for (std::size_t i = 1; i < argv.size(); ++i) {
        const std::string& a = argv[i];
        // -y answers the prompt microdnf shows only on a terminal; --nodocs changes no output.
        if (a == "-y" || a == "--assumeyes" || a == "--nodocs") continue;
        if (a.starts_with("-")) {
            err("docknet: microdnf: option " + a + " is not modelled by the simulator");
            return 1;
        }
        if (sub.empty()) sub = a;
        else pkgs.push_back(a);
    }
    if (sub == "clean" || sub == "makecache") {
        if (sub == "clean") say("Complete.", 0.05);
        return 0;
    }
    if (sub == "update" || sub == "upgrade") {
        say("Downloading metadata...", 0.8);
        say("Complete.", 0.05);
        return 0;
    }
    if (sub != "install") {
        err("error: unknown command: " + sub);
        return 1;
    }
    say("Downloading metadata...", 0.9);
    std::vector<std::string> order;
    std::set<std::string> seen;
    for (const auto& name : pkgs) {
        const Pkg* p = findPkg(dnfPackages(), name);
        if (!p) {
            err("error: No package matches '" + name + "'", 0.3);
            return 1;
        }
        for (auto& d : words(p->deps))
            if (!sw.packages.contains(d) && seen.insert(d).second) order.push_back(d);
        if (!sw.packages.contains(name) && seen.insert(name).second) order.push_back(name);
    }
    say("Package                                         Repository            Size", 0.2);
    say("Installing:                                                               ", 0.0);
    for (const auto& name : order) {
        const Pkg* p = findPkg(dnfPackages(), name);
        std::string v = p->version;
        if (const auto c = v.find(':'); c != std::string::npos) v = v.substr(c + 1);
        say(" " + name + "-" + v + ".x86_64 ol9_baseos_latest " + aptSize(p->download), 0.0);
    }
    say("Transaction Summary:", 0.0);
    say(" Installing:       " + std::to_string(order.size()) + " packages", 0.0);
    say(" Reinstalling:     0 packages", 0.0);
    say(" Upgrading:        0 packages", 0.0);
    say(" Obsoleting:       0 packages", 0.0);
    say(" Removing:         0 packages", 0.0);
    say(" Downgrading:      0 packages", 0.0);
    say("Downloading packages...", 0.1);
    say("Running transaction test...", 0.4);
    for (const auto& name : order) {
        const Pkg* p = findPkg(dnfPackages(), name);
        std::string v = p->version;
        if (const auto c = v.find(':'); c != std::string::npos) v = v.substr(c + 1);
        say("Installing: " + name + ";" + v + ";x86_64;ol9_baseos_latest", 0.05);
        sw.packages.insert(name);
        addTools(sw, *p);
        run.addedBytes += p->installed;
    }
    say("Complete.", 0.05);
    return 0;
}

}  // namespace sim::docker
