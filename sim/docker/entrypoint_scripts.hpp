// What the official images' entrypoint scripts finally exec. Docker records the process as
// Path + Args (entrypoint + cmd: "docker-entrypoint.sh --appendonly yes"); the script then
// rewrites its arguments before `exec "$@"`, each image its own way:
//   redis    (docker-library/redis docker-entrypoint.sh): a first argument starting with '-' or
//            ending in ".conf" gets `redis-server` in front ("${1#-}" != "$1" || "${1%.conf}" != "$1");
//   postgres (docker-library/postgres): a first argument starting with '-' gets `postgres`;
//   mysql    (docker-library/mysql, also the 2015 /entrypoint.sh of 5.7.8): '-' gets `mysqld`;
//   nginx    (nginxinc/docker-nginx /docker-entrypoint.sh): nothing; it runs its configuration
//            scripts only when $1 is nginx or nginx-debug, then execs its arguments as given.
#pragma once

#include <string>
#include <vector>

#include "sim/docker/image_catalog.hpp"

namespace sim::docker {

/// The command the container's entrypoint ends up running: `path` without the entrypoint script,
/// as that script rewrites it. `path` unchanged when its first word is no entrypoint script
/// (or it has no arguments to hand over).
std::vector<std::string> entrypointExec(const ImageConfig* image, const std::vector<std::string>& path);

}  // namespace sim::docker
