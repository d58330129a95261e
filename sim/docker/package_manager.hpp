// The package managers: apt-get/apt (Debian, Ubuntu), apk (Alpine) and microdnf (Oracle Linux),
// given their whole command line. Each prints what the real one prints, from the package tables
// (package_tables.hpp), and changes the software it runs on: an image being built (`RUN apt-get
// install ...`), one container's writable layer (`docker exec c apt-get install ...`) or the
// Docker host. Options the model does not simulate are refused ("docknet: ..."), never ignored.
// apt_get.cpp, apk.cpp and microdnf.cpp implement one each; package_manager.cpp the shared part.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace sim::docker {

struct ImageConfig;

/// What a package manager changes: the executables present, the installed packages, and whether
/// apt has package lists (the official images delete /var/lib/apt/lists: install needs update).
struct InstalledSoftware {
    std::set<std::string> tools;
    std::set<std::string> packages;
    bool aptListsPresent = false;
};

/// The image's own software, as a new container (or a build stage) starts with it.
InstalledSoftware softwareOf(const ImageConfig& image);

/// One run of a package manager.
struct PackageRun {
    std::string distro;             // "bookworm", "jessie", "jammy", "noble", "alpine3.20", "el9"
    InstalledSoftware& software;
    std::uint64_t baseBytes = 0;    // the image's size (apk's "OK: N MiB in M packages")
    std::uint64_t addedBytes = 0;   // installed on top of baseBytes so far (this run adds to it)
    bool tty = false;               // stdout is a terminal (docker exec -t): apt ends its progress lines with " Done"
    /// What apt's question reads: the command's stdin ("y\n" from `echo y |`; "" when none is
    /// attached, EOF), nullopt when stdin is the terminal of an interactive session.
    std::optional<std::string> answers = std::string();
    /// A full system (the Docker host), not an image: apt-utils is there (no debconf warning),
    /// man-db runs its trigger, and dpkg's database is that big.
    bool fullSystem = false;
    int dpkgFiles = 0;              // "(Reading database ... N files and directories ...)"; 0: derived from baseBytes
    /// One output line; `dt` is how long it took (build transcripts time their lines).
    std::function<void(std::string line, double dt, bool toStderr)> say;
};

/// `apt-get ...` and `apt ...` (argv[0] says which); returns the exit status (100 on apt errors).
int runAptGet(PackageRun& run, const std::vector<std::string>& argv);
/// `apk ...`; returns the exit status.
int runApk(PackageRun& run, const std::vector<std::string>& argv);
/// `microdnf ...`; returns the exit status.
int runMicrodnf(PackageRun& run, const std::vector<std::string>& argv);

}  // namespace sim::docker
