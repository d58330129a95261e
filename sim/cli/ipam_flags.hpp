// The IPAM flags of `docker network create` (--subnet, --ip-range, --gateway, --aux-address), checked
// twice as on a Docker 27 host: first by the CLI (docker/cli network/create.go consolidateIpam,
// plain errors, exit 1), then by the daemon (api/types/network/ipam.go ValidateIPAM, errors
// "invalid network config:\n..." after "Error response from daemon: "). docknet models one IPv4
// and one IPv6 subnet per network; the callers refuse more in their own words.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "sim/core/error.hpp"
#include "sim/wire/ipv4_address.hpp"
#include "sim/wire/ipv6_address.hpp"

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

/// The IPAM configs as the daemon accepts them: at most one IPv4 and one IPv6 subnet.
struct IpamRequest {
    std::optional<wire::Ipv4Prefix> subnet;
    std::optional<wire::Ipv4Prefix> ipRange;
    std::optional<wire::Ipv4Address> gateway;
    std::map<std::string, wire::Ipv4Address> auxAddresses;
    std::optional<wire::Ipv6Prefix> subnet6;  // as given (ValidateIPAM skips it without --ipv6)
    std::optional<wire::Ipv6Prefix> ipRange6;
    std::optional<wire::Ipv6Address> gateway6;
};

/// ValidateIPAM for at most one subnet per family (every problem, joined as "* a\n* b" when
/// several); IPv6 configs are checked only with --ipv6, as ValidateIPAM does:
///   invalid subnet S: invalid CIDR block notation | invalid subnet S: it should be S'
///   invalid ip-range R: invalid CIDR block notation | ...: CIDR block is bigger than its parent
///     subnet S | ...: it should be R' | ...: parent subnet S doesn't contain ip-range
///   invalid gateway G: invalid address | ...: parent subnet S doesn't contain this address
///   invalid auxiliary address NAME: (the same two)
core::Result<IpamRequest> validateIpam(const IpamFlags& flags, bool enableIpv6 = false);

/// How many of the subnets are IPv4 and how many IPv6 (text with a ':').
std::pair<int, int> subnetFamilies(const IpamFlags& flags);

/// An IPv6 auxiliary address (docknet does not reserve them: refused by the caller).
bool hasIpv6AuxAddress(const IpamFlags& flags);

}  // namespace sim::cli
