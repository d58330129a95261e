// The package managers inside a RUN: apt-get/apt (update, install, upgrade, remove, ...), apk
// (add, update, del) and microdnf (install, ...). Each prints what the real one prints, from the
// package tables, and installs the packages' executables into the image.
#include "sim/docker/dockerfile_internal.hpp"

#include <algorithm>
#include <cstdio>
#include <set>

namespace sim::docker::detail {

namespace {

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

struct AptDistro {
    std::vector<std::string> update;
    std::string getPrefix;  // "http://deb.debian.org/debian bookworm/main amd64"
    std::string fetched;    // "9255 kB in 1s (6743 kB/s)"
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
                 "Fetched 9835 kB in 3s (2707 kB/s)", "Reading package lists..."},
                "http://httpredir.debian.org/debian/ jessie/main",
                ""};
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
                 "Fetched 24.8 MB in 3s (8316 kB/s)", "Reading package lists..."},
                "http://archive.ubuntu.com/ubuntu " + d + "/main amd64",
                ""};
    }
    return {{"Get:1 http://deb.debian.org/debian bookworm InRelease [151 kB]",
             "Get:2 http://deb.debian.org/debian bookworm-updates InRelease [55.4 kB]",
             "Get:3 http://deb.debian.org/debian-security bookworm-security InRelease [48.0 kB]",
             "Get:4 http://deb.debian.org/debian bookworm/main amd64 Packages [8789 kB]",
             "Get:5 http://deb.debian.org/debian bookworm-updates/main amd64 Packages [13.8 kB]",
             "Get:6 http://deb.debian.org/debian-security bookworm-security/main amd64 Packages [198 kB]",
             "Fetched 9255 kB in 1s (6743 kB/s)", "Reading package lists..."},
            "http://deb.debian.org/debian bookworm/main amd64",
            ""};
}

std::string aptVersion(const ImageConfig& img, const Pkg& p) {
    if (const char* o = aptVersionOverride(img.distro, p.name)) return o;
    return p.version;
}

void addTools(ImageConfig& img, const Pkg& p) {
    for (auto& t : splitWs(p.tools)) img.tools.insert(t);
}

}  // namespace

int runApt(RunState& st, const std::vector<std::string>& argv) {
    ImageConfig& img = st.img;
    const bool isApt = argv[0] == "apt";
    bool yes = false;
    std::string sub;
    std::vector<std::string> pkgs;
    for (std::size_t i = 1; i < argv.size(); ++i) {
        const std::string& a = argv[i];
        if (a == "-o" || a == "-c" || a == "-t") {
            ++i;
            continue;
        }
        if (a == "--yes" || a == "--assume-yes") yes = true;
        else if (a.starts_with("--")) continue;
        else if (a.starts_with("-")) {
            if (a.find('y') != std::string::npos) yes = true;
        } else if (sub.empty()) sub = a;
        else pkgs.push_back(a.substr(0, a.find('=')));
    }
    if (isApt) {
        st.say("");
        st.say("WARNING: apt does not have a stable CLI interface. Use with caution in scripts.");
        st.say("");
    }
    auto readingLines = [&] {
        st.say("Reading package lists...", 0.08);
        st.say("Building dependency tree...", 0.3);
        st.say("Reading state information...", 0.01);
    };
    const AptDistro distro = aptDistro(img.distro);
    if (sub == "update") {
        double dt = 0.05;
        for (const auto& l : distro.update) {
            st.say(l, dt);
            dt = dt < 0.3 ? dt + 0.04 : 0.02;
        }
        img.aptListsPresent = true;
        return 0;
    }
    if (sub == "upgrade" || sub == "dist-upgrade" || sub == "full-upgrade" || sub == "autoremove") {
        readingLines();
        if (sub != "autoremove") st.say("Calculating upgrade...", 0.02);
        st.say("0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.");
        return 0;
    }
    if (sub == "clean" || sub == "autoclean") return 0;
    if (sub == "remove" || sub == "purge") {
        readingLines();
        int removed = 0;
        for (const auto& name : pkgs) {
            if (!img.packages.contains(name)) {
                st.say("Package '" + name + "' is not installed, so not removed");
                continue;
            }
            img.packages.erase(name);
            if (const Pkg* p = findPkg(aptPackages(), name))
                for (auto& tool : splitWs(p->tools)) img.tools.erase(tool);
            ++removed;
        }
        st.say("0 upgraded, 0 newly installed, " + std::to_string(removed) + " to remove and 0 not upgraded.");
        return 0;
    }
    if (sub != "install") {
        if (sub.empty()) return 100;
        st.say("E: Invalid operation " + sub);
        return 100;
    }

    readingLines();
    std::vector<const Pkg*> wanted;
    std::vector<std::string> errors;
    const bool virtualNetcat = img.distro == "bookworm" || img.distro == "noble";
    for (const auto& name : pkgs) {
        if (img.packages.contains(name)) {
            const Pkg* p = findPkg(aptPackages(), name);
            st.say(name + " is already the newest version (" + (p ? aptVersion(img, *p) : std::string("1.0")) + ").");
            continue;
        }
        if (!img.aptListsPresent) {
            errors.push_back("E: Unable to locate package " + name);
            continue;
        }
        if (name == "netcat" && virtualNetcat) {
            st.say("Package netcat is a virtual package provided by:");
            st.say("  netcat-traditional 1.10-47");
            st.say("  netcat-openbsd 1.219-1");
            st.say("You should explicitly select one to install.");
            st.say("");
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
        for (auto& e : errors) st.say(e, 0.001);
        return 100;
    }
    // Everything new: the wanted packages plus their missing dependencies.
    std::set<std::string> requested, all;
    for (const Pkg* p : wanted) {
        requested.insert(p->name);
        all.insert(p->name);
        for (auto& d : splitWs(p->deps))
            if (!img.packages.contains(d) && !(img.distro == "jessie" && d == "libpam-cap")) all.insert(d);
    }
    if (all.empty()) {
        st.say("0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.");
        return 0;
    }
    std::vector<std::string> extra;
    for (const auto& n : all)
        if (!requested.contains(n)) extra.push_back(n);
    if (!extra.empty()) {
        st.say("The following additional packages will be installed:", 0.02);
        st.say("  " + join(extra, " "), 0.0);
    }
    st.say("The following NEW packages will be installed:", 0.01);
    st.say("  " + join(std::vector<std::string>(all.begin(), all.end()), " "), 0.0);
    st.say("0 upgraded, " + std::to_string(all.size()) + " newly installed, 0 to remove and 0 not upgraded.", 0.02);
    double download = 0, installed = 0;
    for (const auto& n : all)
        if (const Pkg* p = findPkg(aptPackages(), n)) {
            download += p->download;
            installed += p->installed;
        }
    st.say("Need to get " + aptSize(download) + " of archives.", 0.0);
    st.say("After this operation, " + aptSize(installed) + " of additional disk space will be used.", 0.0);
    if (!extra.empty() && !yes) {
        st.say("Do you want to continue? [Y/n] Abort.", 0.0);
        return 1;
    }
    int n = 1;
    for (const auto& name : all) {
        const Pkg* p = findPkg(aptPackages(), name);
        st.say("Get:" + std::to_string(n++) + " " + distro.getPrefix + " " + name + " amd64 " + aptVersion(img, *p) + " [" +
                   aptSize(p->download) + "]",
               0.03 + double(p->download) / 8.0e6);
    }
    if (img.distro != "jessie") st.say("debconf: delaying package configuration, since apt-utils is not installed", 0.05);
    const double secs = download / 6.0e6;
    st.say("Fetched " + aptSize(download) + " in " + std::to_string(int(secs)) + "s (" + aptSize(download / std::max(secs, 0.2)) +
               "/s)",
           0.01);
    const bool many = all.size() > 1;
    int idx = 0;
    bool first = true;
    for (const auto& name : all) {
        const Pkg* p = findPkg(aptPackages(), name);
        const std::string v = aptVersion(img, *p);
        std::string file = v;
        if (const auto c = file.find(':'); c != std::string::npos) file.replace(c, 1, "%3a");
        st.say("Selecting previously unselected package " + name + ".", 0.01);
        if (first) {
            st.say("(Reading database ... " + std::to_string(6000 + int(img.sizeBytes % 4000)) +
                       " files and directories currently installed.)",
                   0.01);
            first = false;
        }
        char num[16];
        std::snprintf(num, sizeof num, "%02d-", idx++ % 100);
        st.say("Preparing to unpack .../" + (many ? std::string(num) : std::string()) + name + "_" + file + "_amd64.deb ...", 0.002);
        st.say("Unpacking " + name + " (" + v + ") ...", 0.01);
    }
    for (const auto& name : all) {
        const Pkg* p = findPkg(aptPackages(), name);
        st.say("Setting up " + name + " (" + aptVersion(img, *p) + ") ...", 0.01);
        img.packages.insert(name);
        addTools(img, *p);
        st.addedBytes += p->installed;
    }
    if (all.size() > 1 && img.distro == "bookworm") st.say("Processing triggers for libc-bin (2.36-9+deb12u8) ...", 0.02);
    return 0;
}

int runApk(RunState& st, const std::vector<std::string>& argv) {
    ImageConfig& img = st.img;
    std::string sub;
    std::vector<std::string> pkgs;
    for (std::size_t i = 1; i < argv.size(); ++i) {
        const std::string& a = argv[i];
        if (a.starts_with("-")) continue;
        if (sub.empty()) sub = a;
        else pkgs.push_back(a.substr(0, a.find_first_of("=<>~")));
    }
    auto fetch = [&] {
        st.say("fetch https://dl-cdn.alpinelinux.org/alpine/v3.20/main/x86_64/APKINDEX.tar.gz", 0.05);
        st.say("fetch https://dl-cdn.alpinelinux.org/alpine/v3.20/community/x86_64/APKINDEX.tar.gz", 0.3);
    };
    auto okLine = [&] {
        const std::uint64_t total = img.sizeBytes + st.addedBytes;
        st.say("OK: " + std::to_string((total + 524288) / 1048576) + " MiB in " + std::to_string(14 + img.packages.size()) +
                   " packages",
               0.03);
    };
    if (sub == "update") {
        fetch();
        st.say("v3.20.3-221-g2a6c3e0e5f0 [https://dl-cdn.alpinelinux.org/alpine/v3.20/main]", 0.3);
        st.say("v3.20.3-222-g6e4a1c8ea34 [https://dl-cdn.alpinelinux.org/alpine/v3.20/community]", 0.0);
        st.say("OK: 24166 distinct packages available", 0.01);
        return 0;
    }
    if (sub == "del") {
        int n = 0;
        for (const auto& name : pkgs)
            if (img.packages.erase(name)) {
                const Pkg* p = findPkg(apkPackages(), name);
                st.say("(" + std::to_string(++n) + "/" + std::to_string(pkgs.size()) + ") Purging " + name + " (" +
                           (p ? p->version : "") + ")",
                       0.01);
                if (p)
                    for (auto& t : splitWs(p->tools)) img.tools.erase(t);
            }
        okLine();
        return 0;
    }
    if (sub != "add") {
        st.say("apk-tools 2.14.4, compiled for x86_64.");
        return 1;
    }
    fetch();
    std::vector<std::string> unknown;
    std::vector<std::string> order;  // dependencies first, then the package
    std::set<std::string> seen;
    for (const auto& name : pkgs) {
        const Pkg* p = findPkg(apkPackages(), name);
        if (!p) {
            unknown.push_back(name);
            continue;
        }
        for (auto& d : splitWs(p->deps))
            if (!img.packages.contains(d) && seen.insert(d).second) order.push_back(d);
        if (!img.packages.contains(name) && seen.insert(name).second) order.push_back(name);
    }
    if (!unknown.empty()) {
        st.say("ERROR: unable to select packages:", 0.1);
        for (const auto& u : unknown) {
            st.say("  " + u + " (no such package):", 0.0);
            st.say("    required by: world[" + u + "]", 0.0);
        }
        return 1;
    }
    const std::size_t n = order.size();
    for (std::size_t i = 0; i < n; ++i) {
        const Pkg* p = findPkg(apkPackages(), order[i]);
        st.say("(" + std::to_string(i + 1) + "/" + std::to_string(n) + ") Installing " + order[i] + " (" + p->version + ")", 0.02);
        img.packages.insert(order[i]);
        addTools(img, *p);
        st.addedBytes += p->installed;
    }
    if (n) st.say("Executing busybox-1.36.1-r29.trigger", 0.01);
    if (seen.contains("ca-certificates")) st.say("Executing ca-certificates-20240705-r0.trigger", 0.02);
    okLine();
    return 0;
}

int runMicrodnf(RunState& st, const std::vector<std::string>& argv) {
    ImageConfig& img = st.img;
    std::string sub;
    std::vector<std::string> pkgs;
    for (std::size_t i = 1; i < argv.size(); ++i) {
        const std::string& a = argv[i];
        if (a.starts_with("-")) continue;
        if (sub.empty()) sub = a;
        else pkgs.push_back(a);
    }
    if (sub == "clean" || sub == "makecache") {
        if (sub == "clean") st.say("Complete.", 0.05);
        return 0;
    }
    if (sub == "update" || sub == "upgrade") {
        st.say("Downloading metadata...", 0.8);
        st.say("Complete.", 0.05);
        return 0;
    }
    if (sub != "install") {
        st.say("error: unknown command: " + sub);
        return 1;
    }
    st.say("Downloading metadata...", 0.9);
    std::vector<std::string> order;
    std::set<std::string> seen;
    for (const auto& name : pkgs) {
        const Pkg* p = findPkg(dnfPackages(), name);
        if (!p) {
            st.say("error: No package matches '" + name + "'", 0.3);
            return 1;
        }
        for (auto& d : splitWs(p->deps))
            if (!img.packages.contains(d) && seen.insert(d).second) order.push_back(d);
        if (!img.packages.contains(name) && seen.insert(name).second) order.push_back(name);
    }
    st.say("Package                                         Repository            Size", 0.2);
    st.say("Installing:                                                               ", 0.0);
    for (const auto& name : order) {
        const Pkg* p = findPkg(dnfPackages(), name);
        std::string v = p->version;
        if (const auto c = v.find(':'); c != std::string::npos) v = v.substr(c + 1);
        st.say(" " + name + "-" + v + ".x86_64 ol9_baseos_latest " + aptSize(p->download), 0.0);
    }
    st.say("Transaction Summary:", 0.0);
    st.say(" Installing:       " + std::to_string(order.size()) + " packages", 0.0);
    st.say(" Reinstalling:     0 packages", 0.0);
    st.say(" Upgrading:        0 packages", 0.0);
    st.say(" Obsoleting:       0 packages", 0.0);
    st.say(" Removing:         0 packages", 0.0);
    st.say(" Downgrading:      0 packages", 0.0);
    st.say("Downloading packages...", 0.1);
    st.say("Running transaction test...", 0.4);
    for (const auto& name : order) {
        const Pkg* p = findPkg(dnfPackages(), name);
        std::string v = p->version;
        if (const auto c = v.find(':'); c != std::string::npos) v = v.substr(c + 1);
        st.say("Installing: " + name + ";" + v + ";x86_64;ol9_baseos_latest", 0.05);
        img.packages.insert(name);
        addTools(img, *p);
        st.addedBytes += p->installed;
    }
    st.say("Complete.", 0.05);
    return 0;
}

}  // namespace sim::docker::detail
