// The packages docknet knows for apt (Debian/Ubuntu), apk (Alpine) and microdnf (Oracle Linux):
// name, version, sizes, the dependencies installed with it and the executables it provides.
// Shared by `docker build` RUN lines and by package managers run in a container or on the host.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace sim::docker {

struct Pkg {
    const char* name;
    const char* version;
    std::uint32_t download;   // bytes
    std::uint32_t installed;  // bytes
    const char* deps;         // space-separated, newly installed with it when missing
    const char* tools;        // executables it provides
};

/// Debian bookworm; reused for jessie/jammy/noble except aptVersionOverride.
const std::vector<Pkg>& aptPackages();
/// Per-distro version overrides (the tutorial's packages and a few others).
const char* aptVersionOverride(std::string_view distro, std::string_view pkg);
/// Alpine 3.20.
const std::vector<Pkg>& apkPackages();
/// Oracle Linux 9 (mysql:8.0 / mysql:latest), microdnf.
const std::vector<Pkg>& dnfPackages();
/// The package called `name` in `table`, or nullptr.
const Pkg* findPkg(const std::vector<Pkg>& table, std::string_view name);

}  // namespace sim::docker
