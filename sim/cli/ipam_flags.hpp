// The IPAM flags of `docker network create` (--subnet, --ip-range, --gateway, --aux-address), checked
// twice as on a Docker 27 host: first by the CLI (docker/cli network/create.go consolidateIpam,
// plain errors, exit 1), then by the daemon (api/types/network/ipam.go ValidateIPAM, errors
// "invalid network config:\n..." after "Error response from daemon: "). docknet models IPv4 and
// one subnet per network; the callers refuse the rest in their own words.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "sim/core/error.hpp"
#include "sim/wire/ipv4_address.hpp"

namespace sim::cli {

struct IpamFlags {
    std::vector<std::string> subnets;   // --subnet (comma-split)
    std::vector<std::string> ranges;    // --ip-range
    std::vector<std::string> gateways;  // --gateway
    std::map<std::string, std::string> auxAddresses;  // --aux-address NAME=IP (opts.MapOpts: the last value of a name wins)
};

/// consolidateIpam's refusals, in its order:
///   every ip-range or gateway must have a corresponding subnet
///   multiple overlapping subnet configuration is not supported
///   cannot configure multiple ranges (R2, R1) on the same subnet (S) / no matching subnet for range R
///   cannot configure multiple gateways (G2, G1) for the same subnet (S) / no matching subnet for gateway G
///   no matching subnet for aux-address A
///   invalid subnet: invalid CIDR address: S    (a subnet it had to compare, that does not parse)
core::Result<void> consolidateIpam(const IpamFlags& flags);

/// One IPv4 IPAM config as the daemon accepts it.
struct IpamRequest {
    std::optional<wire::Ipv4Prefix> subnet;
    std::optional<wire::Ipv4Prefix> ipRange;
    std::optional<wire::Ipv4Address> gateway;
    std::map<std::string, wire::Ipv4Address> auxAddresses;
};

/// ValidateIPAM for at most one subnet (every problem, joined as "* a\n* b" when several):
///   invalid subnet S: invalid CIDR block notation | invalid subnet S: it should be S'
///   invalid ip-range R: invalid CIDR block notation | ...: CIDR block is bigger than its parent
///     subnet S | ...: it should be R' | ...: parent subnet S doesn't contain ip-range
///   invalid gateway G: invalid address | ...: parent subnet S doesn't contain this address
///   invalid auxiliary address NAME: (the same two)
core::Result<IpamRequest> validateIpam(const IpamFlags& flags);

/// Whether any value of the flags is IPv6 text (docknet has no IPv6).
bool mentionsIpv6(const IpamFlags& flags);

}  // namespace sim::cli
