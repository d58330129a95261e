// Read-only views of the Docker state, as the `docker` CLI prints them (Docker 27, the ≤27
// profile of /work/shared/docs/docker-facts.md). Every function here is a pure function of a
// `const DockerEngine&` (and of its clock, engine.kernel().now()): nothing is changed, so the
// same state always prints the same text.
//
//   * networkInspect / containerInspect: the objects `docker network inspect` / `docker inspect`
//     print (the CLI prints a JSON array of them, each through JsonValue::toIndentedString();
//     wrapping in the array is the caller's job).
//   * psTable / networkLsTable / imagesTable: `docker ps`, `docker network ls`, `docker images`
//     with -q, --no-trunc and --format (Go templates over the per-row fields Docker's formatter
//     offers, the `table` prefix, `json`), rendered with the Go tabwriter Docker uses.
//   * portLines: `docker port`.
//   * labState: everything the simulation holds, for `docknet run --json` and for the property
//     test that checks that a failing command changes nothing.
//
// docknet simulates IPv4 only. Where Docker 27 would print an IPv6 twin of an IPv4 entry (the
// "::" HostIp binding in NetworkSettings.Ports, ":::8080->80/tcp" in PORTS, "80/tcp -> [::]:8080"
// in `docker port`), only the IPv4 entry is printed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sim/cli/filter_args.hpp"
#include "sim/core/error.hpp"
#include "sim/cli/strconv_quote.hpp"
#include "sim/core/json.hpp"
#include "sim/core/sim_time.hpp"
#include "sim/docker/container.hpp"
#include "sim/docker/docker_engine.hpp"
#include "sim/docker/network.hpp"

namespace sim::cli {

// ---- Go library behaviour the views are built from (human_format.cpp) -----------------------

/// go-units HumanDuration: "Less than a second" (also for negative durations), "1 second",
/// "N seconds" (< 60 s), "About a minute" (1 min), "N minutes" (< 60 min), "About an hour"
/// (hours rounded, == 1), "N hours" (< 48 h), "N days" (< 14 d), "N weeks" (< 60 d),
/// "N months" (30-day months, < 2 years), "N years". Truncation and rounding as in Go.
std::string humanDuration(std::int64_t nanoseconds);
std::string humanDuration(core::Duration d);

/// fvbommel/sortorder NaturalLess: digit runs compare as numbers ("net2" < "net10"), digits
/// sort before other bytes, other bytes compare byte-wise.
bool naturalLess(std::string_view a, std::string_view b);

/// strconv.Quote: "\"...\"" with Go's escapes (\", \\, \n, \t, \x00, \u00ad ...); printable
/// non-ASCII characters are kept, invalid UTF-8 bytes become \xNN.
// strconvQuote: see strconv_quote.hpp.

/// docker/cli formatter.Ellipsis: at most `maxDisplayWidth` columns, the last one "…" when cut.
std::string ellipsis(std::string_view s, std::size_t maxDisplayWidth);

/// stringid.TruncateID: drops an "algo:" prefix, keeps at most 12 characters.
std::string truncateId(std::string_view id);

/// RFC 3339 ("2024-10-02T17:55:35Z", "2024-06-01T09:00:00.000000417+02:00") to nanoseconds
/// since the Unix epoch; nullopt when malformed.
std::optional<std::int64_t> parseRfc3339(std::string_view text);

/// Go's time.Time.String() for a UTC instant: "2024-06-01 09:00:00 +0000 UTC",
/// "2024-06-01 09:00:00.000000417 +0000 UTC" (fraction trimmed of trailing zeros).
std::string goTimeString(std::int64_t unixNanos);

/// The engine's wall clock for a simulated instant, in Unix nanoseconds (engine.timestamp(t)).
std::int64_t wallClockNanos(const docker::DockerEngine& engine, core::SimTime t);

// ---- inspect (inspect_json.cpp) ----------------------------------------------------------

/// `docker network inspect NET` (one element of the printed array), ≤27 field order:
/// Name, Id, Created, Scope, Driver, EnableIPv6, IPAM {Driver, Options (null predefined / {}
/// user-defined), Config}, Internal, Attachable, Ingress, ConfigFrom, ConfigOnly, Containers
/// (running containers' endpoints, keyed by container id), Options, Labels.
core::JsonValue networkInspect(const docker::DockerEngine& engine, const docker::Network& network);

/// `docker inspect CONTAINER` (one element of the printed array), Docker 27 field order
/// (api/types ContainerJSONBase + Mounts, Config, NetworkSettings). See inspect_json.cpp for the
/// values docknet does not model and what it prints for them.
/// `withSize` (docker inspect -s): SizeRw and SizeRootFs after GraphDriver, as the daemon adds
/// them; otherwise they are omitted.
core::JsonValue containerInspect(const docker::DockerEngine& engine, const docker::Container& container,
                                 bool withSize = false);

// ---- tables (docker_tables.cpp) ----------------------------------------------------------
//
// Formats. `format` empty or "table": the default table. "table TEMPLATE": the template per row
// with a header row (each field's header, e.g. {{.ID}} -> "CONTAINER ID"), aligned by the
// tabwriter. "json": {{json .}}. "raw": docker/cli's raw block ("container_id: ..." lines).
// Anything else: the template per row, no alignment. As docker/cli does, the two-character
// sequences \t and \n in a format become a tab and a newline, and every row ends with '\n'.
// quiet wins over a custom format (the CLI prints "WARNING: Ignoring custom format, because both
// --format and --quiet are set." to stderr: the caller's job). The header row is the template
// run over a map of field -> header; docker/cli's header functions, which return the header
// unchanged whatever the function (`{{json .ID}}` -> CONTAINER ID), are not modelled.
// Errors are template errors, prefixed as docker/cli prints them: "template parsing error: ...".
// A template that names a field the formatter does not have fails with Go's map wording
// (`map has no entry for key "Foo"`) rather than the struct wording docker/cli prints.

struct PsOptions {
    bool all = false;      // -a: also created and exited containers
    bool quiet = false;    // -q
    bool noTrunc = false;  // --no-trunc
    bool size = false;     // -s, or a --format using .Size: the daemon computes the sizes
    std::optional<std::string> format;
    /// --filter KEY=VALUE, as the daemon filters (container_filters.hpp: listContainers).
    FilterArgs filters;
    int last = -1;  // -n N / -l: the N most recently created, whatever their state (0 or less: no limit)
};

/// `docker ps`: CONTAINER ID, IMAGE, COMMAND, CREATED, STATUS, PORTS, NAMES; newest first.
core::Result<std::string> psTable(const docker::DockerEngine& engine, const PsOptions& options);

/// The fields `docker ps --format` offers for one container (a Go map, keys sorted, as
/// `{{json .}}` prints it): Command, CreatedAt, ID, Image, Labels, LocalVolumes, Mounts, Names,
/// Networks, Ports, RunningFor, Size, State, Status.
/// Size is "0B" unless `withSize`: then "RW (virtual ROOTFS)" (formatter.ContainerContext.Size).
core::JsonValue psFields(const docker::DockerEngine& engine, const docker::Container& container, bool truncate,
                         bool withSize = false);

/// The PORTS cell (docker/cli DisplayablePorts): "0.0.0.0:8080->80/tcp", unpublished exposed
/// ports as "80/tcp", consecutive ports grouped ("3300-3310/tcp"); empty unless running with a
/// bridge endpoint (host, none and container modes show nothing, as Docker does).
std::string displayablePorts(const docker::DockerEngine& engine, const docker::Container& container);

/// `docker ps`'s STATUS: "Up 12 minutes", "Up Less than a second", "Exited (1) 2 minutes ago",
/// "Created".
std::string containerStatus(const docker::DockerEngine& engine, const docker::Container& container);

struct NetworkLsOptions {
    bool quiet = false;    // -q: {{.ID}}, unless --format names a template (docker/cli NewFormat)
    bool noTrunc = false;  // --no-trunc: 64-hex IDs
    std::optional<std::string> format;
    FilterArgs filters;    // --filter: see filterNetworks (network_filters.hpp)
};

/// `docker network ls`: NETWORK ID, NAME, DRIVER, SCOPE; rows in natural order of the name.
/// Format fields: ID, Name, Driver, Scope, IPv6, Internal, Labels, CreatedAt, and the method
/// {{.Label "KEY"}} (the label's value, "" when absent). A filter the daemon refuses is the
/// error "Error response from daemon: invalid filter 'KEY'" (and the like).
core::Result<std::string> networkLsTable(const docker::DockerEngine& engine, const NetworkLsOptions& options);

struct ImagesOptions {
    bool all = false;      // -a (docknet has no intermediate images: the same list)
    bool quiet = false;    // -q
    bool noTrunc = false;  // --no-trunc: "sha256:<64 hex>" IDs
    bool digests = false;  // --digests: a DIGEST column
    std::optional<std::string> format;
    /// --filter, and REPOSITORY[:TAG] as a reference filter (image_filters.hpp: listImages).
    FilterArgs filters;
};

/// `docker images`: REPOSITORY, TAG, IMAGE ID, CREATED, SIZE; local images, newest first.
/// CREATED is humanDuration(wall clock - the image's created date) + " ago"; SIZE humanSize.
/// Format fields: Containers, CreatedAt, CreatedSince, Digest, ID, Repository, SharedSize,
/// Size, Tag, UniqueSize, VirtualSize.
core::Result<std::string> imagesTable(const docker::DockerEngine& engine, const ImagesOptions& options);

/// `docker port CONTAINER [PRIVATE_PORT[/PROTO]]` (docker/cli 23-27): every binding as
/// "80/tcp -> 0.0.0.0:8080" in natural order, or for one port its bindings "0.0.0.0:8080"; each
/// line ends with '\n', nothing at all when there is nothing to print. `containerRef` is the
/// container as the user typed it (the error names it; defaults to the container's name).
/// Errors (CLI-side, exit 1), Docker 27 wording: "Error: No public port '81' published for web";
/// a port that is not a number: `Error: invalid port (abc): strconv.ParseUint: parsing "abc":
/// invalid syntax`. (The "no public port ..." wording without "Error: " is docker/cli 28+.)
core::Result<std::string> portLines(const docker::Container& container, const std::optional<std::string>& privatePort,
                                    std::string_view containerRef = {});

// ---- the whole state (lab_state_json.cpp) -------------------------------------------------

/// Everything a command could change, deterministically ordered (creation order, or sorted):
///   time {micros, wallClock};
///   images: the local images (reference, id, created, size), newest first;
///   networks: name, id, driver, created, internal, attachable, subnet, gateway, bridge,
///     options, labels, endpoints (container, endpoint id) in join order;
///   containers: name, id, image, imageId, status, running, exitCode, restartCount, created /
///     started / finished, networkMode, hostname, sandbox (namespace name, key, id), networks
///     (configured), endpoints {network, endpointId, ip "172.17.0.2/16", gateway, mac, ifName,
///     hostVeth, aliases, linkAliases, dnsNames}, published ports {containerPort, proto, hostIp,
///     hostPort}, etcHosts, resolvConf, logs;
///   kernel: namespaces (name, ipForward, interfaces {ifindex, name, kind, mac, mtu, up,
///     operUp, addresses, master, peer "ns/ifname"}, routes, neighbours {ip, dev, lladdr, state},
///     sockets {proto, address, port, owner}, iptables {filter, nat} as `iptables -S` lines,
///     conntrack), bridges {namespace, name, ports, fdb {mac, port, local, ageing}}.
/// Not visible through the engine's interface and therefore absent: the port allocator's and
/// the IPAM's books (their effect shows in the containers' ports and endpoints), the Rng state.
core::JsonValue labState(const docker::DockerEngine& engine);

}  // namespace sim::cli
