// microdnf (package_manager.hpp): Oracle Linux 9's, in the mysql images.
#include <set>

#include "sim/docker/package_manager_internal.hpp"

namespace sim::docker {

using namespace pkg_detail;

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
        err("docknet: microdnf: '" + sub + "' is not modelled by the simulator");
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
