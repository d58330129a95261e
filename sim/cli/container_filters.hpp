// The daemon's container list for `docker ps` (moby v27 daemon/list.go: foldFilter,
// filterByNameIDMatches, includeContainerInList). Errors are the daemon's words, without the
// CLI's "Error response from daemon: ".
#pragma once

#include <vector>

#include "sim/cli/filter_args.hpp"
#include "sim/core/error.hpp"
#include "sim/docker/docker_engine.hpp"

namespace sim::cli {

/// ContainerListOptions as the CLI sends them: -a, -n/-l (the limit; 0 or less is none) and the
/// --filter set.
struct ContainerListRequest {
    bool all = false;
    int limit = 0;
    FilterArgs filters;
};

/// The containers `docker ps` lists, newest first. Filter keys (each AND-ed with the others,
/// values of one key OR-ed unless said otherwise):
///   name     Match (exact, or a Go regexp found in the name, with or without its "/")
///   id       a unique prefix of a container's id (the daemon's fast path), then Match on the id
///   label    MatchKVList over the image's and --label's labels (values AND-ed)
///   status   a state word (created, restarting, running, removing, paused, exited, dead);
///            implies -a
///   exited   exit codes (strconv.Atoi) of containers that ran and stopped; does not imply -a
///   health   starting | healthy | unhealthy | none; docknet models no health checks, so every
///            container is "none"
///   before / since  a full container id or an exact name: the containers created before /
///            after it (one value: the last given wins, as the daemon's WalkValues keeps the last);
///            anything else: `no such container VALUE`
///   volume   a mount's name or destination; docknet models no mounts, so nothing matches
///   publish / expose  PORT[/PROTO] or START-END[/PROTO] (proto default tcp) against the ports
///            `docker ps` shows (a published port's host side / its container side); a container
///            matching either key is kept
///   network  a network name, or (once started) a network id prefix, of the networks the
///            container is configured on, running or not
///   ancestor the local image (a reference or an id) the container was created from
///   is-task  true: none (docknet runs no swarm tasks), false: all
///   isolation accepted; Linux containers all have the "default" isolation, so it matches all
///            (moby's excludeByIsolation is a no-op on Linux)
/// Any other key: `invalid filter 'KEY'`.
core::Result<std::vector<const docker::Container*>> listContainers(const docker::DockerEngine& engine,
                                                                  const ContainerListRequest& request);

}  // namespace sim::cli
