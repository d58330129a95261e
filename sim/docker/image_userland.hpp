// What the built-in images' base systems contain: the executables of their userland (GNU
// coreutils and friends on Debian/Ubuntu, busybox applets on Alpine/Busybox, the slim Oracle
// Linux 9 of the mysql image) and the release files (/etc/os-release, ...) they ship. Private to
// builtin_images.cpp; the "why" for each list is next to it in image_userland.cpp.
#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>

namespace sim::docker::userland {

/// Debian (bookworm, jessie) and Ubuntu (jammy, noble) base images: Priority required +
/// essential packages (coreutils, bash, dash, grep, sed, findutils, util-linux, apt, dpkg, ...).
std::set<std::string> debianTools();
/// busybox applets: `alpine` = Alpine's busybox 1.36 (plus apk, musl-utils), else the busybox
/// image's 1.37 glibc build (which also has httpd and telnet).
std::set<std::string> busyboxTools(bool alpine);
/// mysql's Oracle Linux 9 slim base: coreutils-single, bash, grep, sed, findutils, microdnf, rpm.
std::set<std::string> oracleSlimTools();
/// The release files of a distro ("bookworm", "jessie", "jammy", "noble", "alpine3.20", "el9"):
/// path -> content. Empty for busybox, which has none.
std::map<std::string, std::string> releaseFiles(std::string_view distro);

}  // namespace sim::docker::userland
