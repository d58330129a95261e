// Docker's `-p/--publish` and `--expose`/EXPOSE port syntax, parsed the way the CLI does it
// (go-connections nat.ParsePortSpec as vendored by docker/cli, read for this file; ">=25"
// wording: "invalid hostPort: abc", not the <=24 "Invalid hostPort: abc"). Errors are
// CLI-side: the caller prints them as `docker: <message>.` and exits 125. The checks run in the
// current go-connections order (empty container port, protocol, IP, container range, host
// range); v0.5.0 (docker/cli 25-27) checked the protocol first, which only matters for
// malformed input such as "80:" ("invalid proto: " there; docker-facts 7.1 records the
// "no port specified: 80:<empty>" used here).
//
// docknet models IPv4 only, so a bracketed or bare IPv6 host address is refused with a
// docknet-specific message (Docker itself would accept it).
//
// Container port 0: the CLI (nat.ParsePortRange) accepts "0" and the <=27 daemon's
// validatePortBindings (nat.ParsePort) lets it through too; 29 rejects it with
// `invalid port specification: "0/tcp"`. docknet keeps parsePortSpec faithful to the CLI and
// offers validatePortBindings() below for the daemon side, which rejects container port 0 with
// the 29 wording (the <=27 behaviour, a mapping to port 0, is not worth modelling).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sim/core/error.hpp"
#include "sim/wire/ipv4_address.hpp"

namespace sim::docker {

enum class PortProto : std::uint8_t { Tcp, Udp, Sctp };

/// "tcp", "udp", "sctp" (the suffix in "80/tcp").
std::string_view toString(PortProto p);
/// "tcp"/"udp"/"sctp", case-insensitive as the CLI lower-cases it first.
std::optional<PortProto> parsePortProto(std::string_view text);

/// One container port -> one host binding.
struct PortBinding {
    std::optional<wire::Ipv4Address> hostIp;  // nullopt = all addresses (0.0.0.0, and [::])
    bool hostIpv6Any = false;                  // `[::]:8080:80`: IPv6's wildcard only
    std::uint16_t hostPortStart = 0;           // 0 = pick a free ephemeral port
    std::uint16_t hostPortEnd = 0;             // == start unless a host range "8000-9000:80"
    std::uint16_t containerPort = 0;
    PortProto proto = PortProto::Tcp;
    bool operator==(const PortBinding&) const = default;
};

/// Parses one `-p` value: `80`, `8080:80`, `127.0.0.1:8080:80`, `127.0.0.1::80`, `8080:80/udp`,
/// `8000-8002:80-82` (three bindings), `8000-9000:80` (one binding with a host range), `80-82`
/// (three bindings on random host ports). Errors, exactly as docker/cli 25-27 prints them after
/// "docker: ": `invalid hostPort: abc`, `invalid containerPort: abc`, `invalid proto: xyz`,
/// `invalid IP address: 1.2.3`, `no port specified: 80:<empty>`,
/// `invalid ranges specified for container and host Ports: 80-81 and 8000-8002`,
/// `invalid hostPort: 70000` (out of range). `[::]:8080:80` binds IPv6's wildcard only; another
/// IPv6 host address (`[::1]:8080:80`, Docker takes it) is refused in docknet's words.
core::Result<std::vector<PortBinding>> parsePortSpec(std::string_view spec);

/// `--expose` values: "80", "53/udp", "8000-8002/tcp" (a range expands). Errors in docker/cli's
/// wording (cli/command/container/opts.go): `invalid port format for --expose: 80:80`,
/// `invalid range format for --expose: abc, error: strconv.ParseUint: parsing "abc": invalid syntax`;
/// plus `invalid proto: xyz` (the CLI itself does not check the protocol; docknet does).
/// A Dockerfile EXPOSE goes through parsePortSpec instead (BuildKit uses nat.ParsePortSpecs).
core::Result<std::vector<std::pair<std::uint16_t, PortProto>>> parseExposedPorts(std::string_view spec);
/// A single port ("80", "53/udp"). A range is refused with the docknet message
/// `port ranges are not supported here: 80-81` — use parseExposedPorts for ranges.
core::Result<std::pair<std::uint16_t, PortProto>> parseExposedPort(std::string_view spec);

/// The daemon-side check (moby daemon/container.go validatePortBindings) that the CLI parser
/// does not do: container port 0 -> `invalid port specification: "0/tcp"` (29 wording; see the
/// file comment).
core::Result<void> validatePortBindings(const std::vector<PortBinding>& bindings);

/// "80/tcp" — how `docker ps`/`docker port` name a container port.
std::string portKey(std::uint16_t port, PortProto proto);

}  // namespace sim::docker
