// Who a process in a container runs as and where it starts: the user (docker exec -u, else
// docker run -u, else the image's USER), the working directory (exec -w, run -w, the image's
// WORKDIR, else /), its capabilities (exec --privileged or the container's HostConfig) and
// whether /proc/sys is writable (a --privileged container only).
#pragma once

#include <optional>
#include <set>
#include <string>

#include "sim/core/error.hpp"
#include "sim/docker/image_users.hpp"
#include "sim/shell/shell.hpp"

namespace sim::docker {
class DockerEngine;
}

namespace sim::shell {

struct ProcessIdentity {
    docker::ProcessUser user;
    std::string workdir = "/";
    std::set<std::string> capabilities;
    bool procSysWritable = false;
    bool readonlyRootfs = false;  // docker run --read-only
};

/// Why `id` cannot write the file at absolute `path` in its container: "Read-only file system"
/// (EROFS, --read-only; the kernel checks it before the permission) or "Permission denied"
/// (EACCES: a user other than root outside the world-writable /tmp, /var/tmp and /dev/shm; the
/// bind-mounted /etc/hosts, /etc/resolv.conf and /etc/hostname are root's 0644 files but stay
/// writable under --read-only). nullopt: allowed. /proc/sys and /dev are not this function's.
std::optional<std::string> containerWriteError(const ProcessIdentity& id, const std::string& path);

/// errno's number for those texts, as apt prints it: 30 and 13.
int errnoOf(const std::string& text);

/// The identity of a process `exec` starts in `c`; the error is the user lookup's.
core::Result<ProcessIdentity> processIdentity(const docker::DockerEngine& engine, const docker::Container& c,
                                              const ExecOverrides& exec);

}  // namespace sim::shell
