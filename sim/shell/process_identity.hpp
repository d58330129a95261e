// Who a process in a container runs as and where it starts: the user (docker exec -u, else
// docker run -u, else the image's USER), the working directory (exec -w, run -w, the image's
// WORKDIR, else /), its capabilities (exec --privileged or the container's HostConfig) and
// whether /proc/sys is writable (a --privileged container only).
#pragma once

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
};

/// The identity of a process `exec` starts in `c`; the error is the user lookup's.
core::Result<ProcessIdentity> processIdentity(const docker::DockerEngine& engine, const docker::Container& c,
                                              const ExecOverrides& exec);

}  // namespace sim::shell
