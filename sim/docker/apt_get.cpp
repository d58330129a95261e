// apt-get and apt (package_manager.hpp): options, output and installs as apt 2.6 (bookworm) and
// 2.7 (noble) print them with dpkg, in a container (no terminal unless PackageRun::tty) or on the host.
#include <algorithm>
#include <cstdio>
#include <optional>
#include <set>
#include <string_view>

#include "sim/docker/package_manager_internal.hpp"

namespace sim::docker {

using namespace pkg_detail;

namespace {

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
    if (distro == "noble")  // a real run in ubuntu:24.04 (late 2024), in the order the fetches completed
        return {{"Get:1 http://security.ubuntu.com/ubuntu noble-security InRelease [126 kB]",
                 "Get:2 http://archive.ubuntu.com/ubuntu noble InRelease [256 kB]",
                 "Get:3 http://security.ubuntu.com/ubuntu noble-security/universe amd64 Packages [74.6 kB]",
                 "Get:4 http://archive.ubuntu.com/ubuntu noble-updates InRelease [126 kB]",
                 "Get:5 http://archive.ubuntu.com/ubuntu noble-backports InRelease [126 kB]",
                 "Get:6 http://security.ubuntu.com/ubuntu noble-security/main amd64 Packages [231 kB]",
                 "Get:7 http://archive.ubuntu.com/ubuntu noble/restricted amd64 Packages [117 kB]",
                 "Get:8 http://security.ubuntu.com/ubuntu noble-security/restricted amd64 Packages [168 kB]",
                 "Get:9 http://archive.ubuntu.com/ubuntu noble/universe amd64 Packages [19.3 MB]",
                 "Get:10 http://security.ubuntu.com/ubuntu noble-security/multiverse amd64 Packages [12.7 kB]",
                 "Get:11 http://archive.ubuntu.com/ubuntu noble/multiverse amd64 Packages [331 kB]",
                 "Get:12 http://archive.ubuntu.com/ubuntu noble/main amd64 Packages [1808 kB]",
                 "Get:13 http://archive.ubuntu.com/ubuntu noble-updates/main amd64 Packages [269 kB]",
                 "Get:14 http://archive.ubuntu.com/ubuntu noble-updates/universe amd64 Packages [137 kB]",
                 "Get:15 http://archive.ubuntu.com/ubuntu noble-updates/multiverse amd64 Packages [16.9 kB]",
                 "Get:16 http://archive.ubuntu.com/ubuntu noble-updates/restricted amd64 Packages [173 kB]",
                 "Get:17 http://archive.ubuntu.com/ubuntu noble-backports/universe amd64 Packages [9705 B]",
                 "Fetched 23.3 MB in 3s (8177 kB/s)"},
                "http://archive.ubuntu.com/ubuntu noble/main amd64"};
    if (distro == "jammy") {
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

/// The order apt downloads and unpacks a set of new packages in (its pkgOrderList), where it is
/// known from real runs; otherwise the NEW list's (alphabetical) order.
std::vector<std::string> aptUnpackOrder(const std::set<std::string>& all) {
    static const std::vector<std::vector<std::string>> kObserved = {
        {"libcap2-bin", "iputils-ping", "libpam-cap"},  // apt-get install iputils-ping (bookworm, jammy)
    };
    for (const auto& order : kObserved)
        if (std::set<std::string>(order.begin(), order.end()) == all) return order;
    return {all.begin(), all.end()};
}

/// dpkg names a Multi-Arch: same package with its architecture ("libpam-cap:amd64"). The
/// shared libraries are; the -bin, -common and -perl packages of the tables are not.
std::string dpkgName(const std::string& name) {
    const bool sameArch = name.starts_with("lib") && !name.ends_with("-bin") && !name.ends_with("-common") &&
                          !name.ends_with("-perl");
    return sameArch ? name + ":amd64" : name;
}

/// Packages whose configuration asks debconf, which in a container finds no usable frontend.
bool asksDebconf(std::string_view name) { return name == "libpam-cap"; }

/// Perl's @INC of the distro, as debconf's Readline frontend reports it missing Term::ReadLine.
std::string perlInc(std::string_view distro) {
    const std::string full = distro == "jammy" ? "5.34.0" : distro == "noble" ? "5.38.2" : "5.36.0";
    const std::string shortV = full.substr(0, 4);
    return "/etc/perl /usr/local/lib/x86_64-linux-gnu/perl/" + full + " /usr/local/share/perl/" + full +
           " /usr/lib/x86_64-linux-gnu/perl5/" + shortV + " /usr/share/perl5 /usr/lib/x86_64-linux-gnu/perl-base " +
           "/usr/lib/x86_64-linux-gnu/perl/" + shortV + " /usr/share/perl/" + shortV + " /usr/local/lib/site_perl";
}

/// The package's archive and installed sizes on `distro`.
std::pair<double, double> aptSizes(std::string_view distro, const Pkg& p) {
    if (const PkgSizes* o = aptSizeOverride(distro, p.name)) return {o->download, o->installed};
    return {p.download, p.installed};
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
            else if (name == "quiet") {
                const auto eq = a.find('=');
                const std::string level = eq == std::string::npos ? "" : a.substr(eq + 1);
                if (level.empty()) ++c.quiet;
                else if (level.size() == 1 && level[0] >= '0' && level[0] <= '9') c.quiet = level[0] - '0';  // --quiet=2
                else {
                    c.error = "E: Option --quiet requires an integer argument, not '" + level + "'";  // cmndline.cc
                    return c;
                }
            }
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

}  // namespace

int runAptGet(PackageRun& run, const std::vector<std::string>& argv) {
    InstalledSoftware& sw = run.software;
    // The question's prompt has no newline: what apt prints next follows it on the same line.
    std::string pendingPrompt;
    auto out = [&](std::string line, double dt = 0.004) {
        run.say(pendingPrompt + std::move(line), dt, false);
        pendingPrompt.clear();
    };
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
        std::vector<std::string> lines = unchanged ? aptUpdateUnchanged(repo.update) : repo.update;
        // The Docker host also has Docker's own repository (docs.docker.com/engine/install/debian).
        if (run.fullSystem && unchanged)
            lines.push_back("Hit:" + std::to_string(lines.size() + 1) + " https://download.docker.com/linux/debian bookworm InRelease");
        for (const auto& l : lines) {
            say(l, dt);
            dt = dt < 0.3 ? dt + 0.04 : 0.02;
        }
        say("Reading package lists..." + done, 0.02);
        if (isApt) {  // apt, unlike apt-get, then tells what could be upgraded (nothing, in this model)
            say("Building dependency tree..." + done, 0.1);
            say("Reading state information..." + done, 0.01);
            say("All packages are up to date.", 0.0);
        }
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
        if (name == "ping" && distro != "jessie") {
            // `apt-get install ping`: two packages provide ping, and apt will not choose.
            const char* inetutils = distro == "noble"   ? "2:2.5-3ubuntu4"
                                    : distro == "jammy" ? "2:2.2-2ubuntu0.1"
                                                        : "2:2.4-2+deb12u1";
            say("Package ping is a virtual package provided by:");
            say("  iputils-ping " + aptVersion(distro, *findPkg(aptPackages(), "iputils-ping")));
            say(std::string("  inetutils-ping ") + inetutils);
            say("You should explicitly select one to install.");
            say("");
            errors.push_back("E: Package 'ping' has no installation candidate");
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
            download += aptSizes(distro, *p).first;
            installed += aptSizes(distro, *p).second;
        }
    say("Need to get " + aptSize(download) + " of archives.", 0.0);
    say("After this operation, " + aptSize(installed) + " of additional disk space will be used.", 0.0);
    if (!extra.empty() && !cmd.yes) {
        // YnPrompt reads a line from stdin: Enter or a y/Y answer goes on, EOF or anything else
        // aborts. At a terminal docknet cannot type the answer for the student: it says so.
        const std::string ask = "Do you want to continue? [Y/n] ";
        if (!run.answers) {
            out(ask);
            err("docknet: " + argv[0] + " waits for an answer at the terminal; typing one is not modelled (run it again with -y)");
            return 1;
        }
        const std::string answer = run.answers->substr(0, run.answers->find('\n'));
        const bool yes = !run.answers->empty() && (answer.empty() || answer[0] == 'y' || answer[0] == 'Y');
        if (!yes) {
            say(ask + "Abort.", 0.0);
            return 1;
        }
        pendingPrompt = ask;
    }
    const std::vector<std::string> order = aptUnpackOrder(all);
    int n = 1;
    for (const auto& name : order) {
        const Pkg* p = findPkg(aptPackages(), name);
        const double bytes = aptSizes(distro, *p).first;
        say("Get:" + std::to_string(n++) + " " + repo.getPrefix + " " + name + " amd64 " + aptVersion(distro, *p) + " [" +
                aptSize(bytes) + "]",
            0.03 + bytes / 8.0e6);
    }
    // debconf's stderr line and apt's "Fetched" race: on a terminal (line-buffered) Fetched comes
    // first, through a pipe the unbuffered stderr line usually wins. Both orders are what apt prints.
    const bool debconfDelay = distro != "jessie" && !run.fullSystem;
    if (debconfDelay && !run.tty) err("debconf: delaying package configuration, since apt-utils is not installed", 0.05);
    const double secs = download / 6.0e6;
    say("Fetched " + aptSize(download) + " in " + std::to_string(int(secs)) + "s (" + aptSize(download / std::max(secs, 0.2)) +
            "/s)",
        0.01);
    if (debconfDelay && run.tty) err("debconf: delaying package configuration, since apt-utils is not installed", 0.05);
    // From 5 packages on apt hands dpkg a directory of numbered links (DPkg::Install::Recursive::Minimum).
    // dpkg's own lines: apt's -qq does not silence them.
    auto dpkg = [&](std::string line, double dt) { out(std::move(line), dt); };
    const bool many = all.size() >= 5;
    int idx = 0;
    bool first = true;
    for (const auto& name : order) {
        const Pkg* p = findPkg(aptPackages(), name);
        const std::string v = aptVersion(distro, *p);
        std::string file = v;
        if (const auto c = file.find(':'); c != std::string::npos) file.replace(c, 1, "%3a");
        dpkg("Selecting previously unselected package " + dpkgName(name) + ".", 0.01);
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
        dpkg("Unpacking " + dpkgName(name) + " (" + v + ") ...", 0.01);
    }
    // dpkg configures dependencies before what needs them: the extra packages, then those asked for.
    std::vector<std::string> configure;
    for (const auto& name : order)
        if (!requested.contains(name)) configure.push_back(name);
    for (const auto& name : order)
        if (requested.contains(name)) configure.push_back(name);
    for (const auto& name : configure) {
        const Pkg* p = findPkg(aptPackages(), name);
        dpkg("Setting up " + dpkgName(name) + " (" + aptVersion(distro, *p) + ") ...", 0.01);
        if (asksDebconf(name) && distro != "jessie" && !run.fullSystem) {
            // No dialog program, no Term::ReadLine in the image: debconf ends on its Teletype frontend.
            err("debconf: unable to initialize frontend: Dialog", 0.02);
            // Noble's debconf (1.5.86) and perl 5.38 word it a little differently from bookworm's and jammy's.
            const bool noble = distro == "noble";
            err(run.tty ? std::string("debconf: (No usable dialog-like program is installed, so the dialog based frontend "
                                      "cannot be used. at /usr/share/perl5/Debconf/FrontEnd/Dialog.pm line ") +
                              (noble ? "79" : "78") + ".)"
                        : "debconf: (TERM is not set, so the dialog frontend is not usable.)");
            err("debconf: falling back to frontend: Readline");
            err("debconf: unable to initialize frontend: Readline");
            err("debconf: (Can't locate Term/ReadLine.pm in @INC (you may need to install the Term::ReadLine module) (@INC " +
                std::string(noble ? "entries checked: " : "contains: ") + perlInc(distro) +
                ") at /usr/share/perl5/Debconf/FrontEnd/Readline.pm line " + (noble ? "8" : "7") + ".)");
            err("debconf: falling back to frontend: Teletype");
        }
        sw.packages.insert(name);
        addTools(sw, *p);
        run.addedBytes += std::uint64_t(aptSizes(distro, *p).second);
    }
    // ldconfig's trigger, for a new shared library in the linker's path (a PAM module is not).
    const bool newLibrary =
        std::any_of(all.begin(), all.end(), [](const std::string& n) { return dpkgName(n) != n && n != "libpam-cap"; });
    if (newLibrary && distro == "bookworm") dpkg("Processing triggers for libc-bin (2.36-9+deb12u8) ...", 0.02);
    if (run.fullSystem) dpkg("Processing triggers for man-db (2.11.2-2) ...", 0.3);
    return 0;
}

}  // namespace sim::docker
