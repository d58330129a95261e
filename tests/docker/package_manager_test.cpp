// The shared package managers (apt-get/apt, apk, microdnf) on a piece of software: what they
// print, what they install, and how they refuse options they do not simulate.
#include <catch2/catch.hpp>

#include "sim/docker/image_catalog.hpp"
#include "sim/docker/package_manager.hpp"

using namespace sim::docker;

namespace {

struct Printed {
    std::string out, err;
};

/// Runs one package-manager command line on `sw` as `distro`; its exit status and output.
struct Session {
    InstalledSoftware sw;
    std::string distro = "noble";
    bool tty = false;
    Printed last;
    int run(const std::vector<std::string>& argv) {
        last = {};
        PackageRun r{.distro = distro, .software = sw, .baseBytes = 78118336, .tty = tty,
                     .say = [this](std::string line, double, bool toStderr) { (toStderr ? last.err : last.out) += line + "\n"; }};
        if (argv[0] == "apk") return runApk(r, argv);
        if (argv[0] == "microdnf") return runMicrodnf(r, argv);
        return runAptGet(r, argv);
    }
};

Session ubuntu() {
    ImageCatalog c;
    Session s;
    s.sw = softwareOf(*c.find("ubuntu"));
    return s;
}

}  // namespace

TEST_CASE("apt-get install before apt-get update: the image ships no package lists") {
    Session s = ubuntu();
    REQUIRE(s.run({"apt-get", "install", "-y", "iputils-ping"}) == 100);
    REQUIRE(s.last.out == "Reading package lists...\nBuilding dependency tree...\nReading state information...\n");
    REQUIRE(s.last.err == "E: Unable to locate package iputils-ping\n");
    REQUIRE_FALSE(s.sw.tools.contains("ping"));
}

TEST_CASE("apt-get update then install: the package's executables appear") {
    Session s = ubuntu();
    REQUIRE(s.run({"apt-get", "update"}) == 0);
    REQUIRE(s.last.out.starts_with("Get:1 http://archive.ubuntu.com/ubuntu noble InRelease [270 kB]\n"));
    REQUIRE(s.last.out.ends_with("Fetched 24.8 MB in 3s (8316 kB/s)\nReading package lists...\n"));
    REQUIRE(s.sw.aptListsPresent);
    REQUIRE(s.run({"apt-get", "install", "-y", "iputils-ping"}) == 0);
    REQUIRE(s.last.out.find("The following additional packages will be installed:\n  libcap2-bin libpam-cap\n") !=
            std::string::npos);
    REQUIRE(s.last.out.find("Setting up iputils-ping (3:20240117-1build1) ...\n") != std::string::npos);
    REQUIRE(s.last.err == "debconf: delaying package configuration, since apt-utils is not installed\n");
    REQUIRE(s.sw.tools.contains("ping"));
    REQUIRE(s.sw.packages.contains("libcap2-bin"));
    // Again: nothing to do.
    REQUIRE(s.run({"apt-get", "install", "-y", "iputils-ping"}) == 0);
    REQUIRE(s.last.out.find("iputils-ping is already the newest version (3:20240117-1build1).\n") != std::string::npos);
}

TEST_CASE("apt-get update a second time hits every index and fetches nothing") {
    Session s = ubuntu();
    s.distro = "bookworm";
    REQUIRE(s.run({"apt-get", "update"}) == 0);
    REQUIRE(s.run({"apt-get", "update"}) == 0);
    REQUIRE(s.last.out == "Hit:1 http://deb.debian.org/debian bookworm InRelease\n"
                          "Hit:2 http://deb.debian.org/debian bookworm-updates InRelease\n"
                          "Hit:3 http://deb.debian.org/debian-security bookworm-security InRelease\n"
                          "Reading package lists...\n");
}

TEST_CASE("apt-get on a terminal ends its progress lines with Done, -qq prints errors only") {
    Session s = ubuntu();
    s.tty = true;
    s.run({"apt-get", "install", "-y", "curl"});
    REQUIRE(s.last.out == "Reading package lists... Done\nBuilding dependency tree... Done\nReading state information... Done\n");
    REQUIRE(s.run({"apt-get", "-qq", "update"}) == 0);
    REQUIRE(s.last.out.empty());
    REQUIRE(s.run({"apt-get", "install", "-qq", "nosuchpackage"}) == 100);
    REQUIRE(s.last.out.empty());
    REQUIRE(s.last.err == "E: Unable to locate package nosuchpackage\n");
    // dpkg still speaks: -qq quiets apt only.
    REQUIRE(s.run({"apt-get", "install", "-qq", "-y", "net-tools"}) == 0);
    REQUIRE(s.last.out.starts_with("Selecting previously unselected package net-tools.\n(Reading database ... "));
    REQUIRE(s.last.out.ends_with("Unpacking net-tools (2.10-0.1ubuntu4) ...\nSetting up net-tools (2.10-0.1ubuntu4) ...\n"));
}

TEST_CASE("apt-get without -y aborts when it would install more than asked") {
    Session s = ubuntu();
    s.run({"apt-get", "update"});
    REQUIRE(s.run({"apt-get", "install", "iputils-ping"}) == 1);
    REQUIRE(s.last.out.ends_with("Do you want to continue? [Y/n] Abort.\n"));
    REQUIRE_FALSE(s.sw.tools.contains("ping"));
}

TEST_CASE("apt-get options: its own errors for unknown ones, docknet's for unsimulated ones") {
    Session s = ubuntu();
    REQUIRE(s.run({"apt-get", "--frobnicate", "update"}) == 100);
    REQUIRE(s.last.err == "E: Command line option --frobnicate is not understood in combination with the other options\n");
    REQUIRE(s.run({"apt-get", "-Z", "update"}) == 100);
    REQUIRE(s.last.err == "E: Command line option 'Z' [from -Z] is not known.\n");
    REQUIRE(s.run({"apt-get", "install", "--no-install-recommends", "iputils-ping"}) == 100);
    REQUIRE(s.last.err == "docknet: apt-get: option --no-install-recommends is not modelled by the simulator\n");
    REQUIRE(s.run({"apt-get", "install", "-f"}) == 100);
    REQUIRE(s.last.err.starts_with("docknet: apt-get: option -f is not modelled"));
    REQUIRE(s.run({"apt-get", "frobnicate"}) == 100);
    REQUIRE(s.last.err == "E: Invalid operation frobnicate\n");
    REQUIRE(s.run({"apt-get", "source", "bash"}) == 100);
    REQUIRE(s.last.err.starts_with("docknet: "));
    REQUIRE(s.run({"apt-get"}) == 1);
    REQUIRE(s.last.err.starts_with("docknet: "));
    REQUIRE(s.last.out.empty());
}

TEST_CASE("apt warns on stderr that its CLI is not stable, unless on a terminal") {
    Session s = ubuntu();
    s.run({"apt", "update"});
    REQUIRE(s.last.err == "\nWARNING: apt does not have a stable CLI interface. Use with caution in scripts.\n\n");
    s.tty = true;
    s.run({"apt", "update"});
    REQUIRE(s.last.err.empty());
}

TEST_CASE("apk add fetches the index, installs with dependencies, refuses unknown options") {
    ImageCatalog c;
    Session s;
    s.sw = softwareOf(*c.find("alpine"));
    s.distro = "alpine3.20";
    REQUIRE(s.run({"apk", "add", "iputils-ping"}) == 0);
    REQUIRE(s.last.out.starts_with("fetch https://dl-cdn.alpinelinux.org/alpine/v3.20/main/x86_64/APKINDEX.tar.gz\n"));
    REQUIRE(s.last.out.find("(1/1) Installing iputils-ping (20240117-r0)\n") != std::string::npos);
    REQUIRE(s.run({"apk", "add", "--no-cache", "nosuch"}) == 1);
    REQUIRE(s.last.err == "ERROR: unable to select packages:\n  nosuch (no such package):\n    required by: world[nosuch]\n");
    REQUIRE(s.run({"apk", "add", "--virtual", ".deps", "curl"}) == 1);
    REQUIRE(s.last.err == "docknet: apk: option --virtual is not modelled by the simulator\n");
    // After `apk update` the cached index serves `apk add`.
    REQUIRE(s.run({"apk", "update"}) == 0);
    REQUIRE(s.run({"apk", "add", "curl"}) == 0);
    REQUIRE(s.last.out.starts_with("(1/10) Installing"));
    REQUIRE(s.sw.tools.contains("curl"));
}

TEST_CASE("microdnf refuses options it does not simulate") {
    Session s;
    s.distro = "el9";
    REQUIRE(s.run({"microdnf", "install", "-y", "iputils"}) == 0);
    REQUIRE(s.sw.tools.contains("ping"));
    REQUIRE(s.run({"microdnf", "--enablerepo=x", "install", "iputils"}) == 1);
    REQUIRE(s.last.err.starts_with("docknet: microdnf: option --enablerepo=x"));
}
