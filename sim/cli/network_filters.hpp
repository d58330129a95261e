// The daemon's filters for networks (moby v27): `docker network ls --filter` (daemon/network/
// filter.go FilterNetworks, keys validated by router/network) and `docker network prune --filter`
// (daemon/prune.go: until, label, label!). Errors are the daemon's words, without the CLI's
// "Error response from daemon: ".
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "sim/cli/filter_args.hpp"
#include "sim/core/error.hpp"
#include "sim/docker/docker_engine.hpp"

namespace sim::cli {

/// `docker network ls` filters, each key AND-ed with the others:
///   driver   exact driver name ("bridge", "host", "null"), values OR-ed
///   name     Match: exact, or a regexp found anywhere in the name ("net" matches "mynet")
///   id       Match on the full 64-hex id (so a prefix, or any part of it)
///   label    every value "k" / "k=v" must hold (MatchKVList: values AND-ed)
///   scope    exact ("local"; docknet has no swarm or global networks)
///   dangling true|1: custom networks without containers; false|0: builtin or with containers;
///            more than one value: `got more than one value for filter key "dangling"`; another
///            value: `invalid value for filter 'dangling', must be "true" (or "1"), or "false" (or "0")`
///   type     custom | builtin (bridge, host, none), values OR-ed; another value:
///            `invalid filter: 'type'='VALUE'`
/// Any other key: `invalid filter 'KEY'`. "Containers" means running containers' endpoints, as
/// `docker network inspect` counts them.
core::Result<std::vector<const docker::Network*>> filterNetworks(const docker::DockerEngine& engine,
                                                                std::vector<const docker::Network*> networks,
                                                                const FilterArgs& filters);

/// What `docker network prune --filter` selects (the engine still keeps predefined networks and
/// networks with endpoints).
struct NetworkPruneFilter {
    std::optional<std::int64_t> untilUnixNanos;  // only networks created at or before it
    FilterArgs args;                             // label and label! as given

    [[nodiscard]] bool selects(const docker::DockerEngine& engine, const docker::Network& n) const;
};

/// Validates prune filters: keys until, label, label! (else `invalid filter 'KEY'`); one until
/// at most (`more than one until filter specified`); until as Go's GetTimestamp reads it at the
/// engine's current wall-clock time: a duration ("24h", "10m" ago), Unix seconds
/// ("1730710800", "1730710800.5"), RFC 3339 ("2024-11-04T09:00:00Z"), or a date / date-time in
/// the daemon's zone (UTC here: "2024-11-04", "2024-11-04T09:00"). A value that is none of these:
/// `failed to parse value as time or duration: "VALUE"` (one with a '-' gets Go's time.Parse
/// error instead, e.g. `parsing time "2024-13-01" as "2006-01-02": month out of range`: docknet
/// words only that and the year-format case exactly).
core::Result<NetworkPruneFilter> networkPruneFilter(const docker::DockerEngine& engine, const FilterArgs& filters);

/// api/types/time GetTimestamp as the until filters read it (the forms above), in Unix
/// nanoseconds, at `nowNanos`.
core::Result<std::int64_t> untilTimestampNanos(std::string_view value, std::int64_t nowNanos);

}  // namespace sim::cli
