// Endpoint: a container's attachment to one network (libnetwork's Endpoint). On a bridge network
// it is a veth pair: the host end (veth<7 hex>) is a bridge port, the other end is eth<N> in the
// container's sandbox with the endpoint's address and MAC (02:42 + the IPv4 bytes, Docker <= 27).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sim/core/error.hpp"
#include "sim/core/ids.hpp"
#include "sim/wire/ipv4_address.hpp"
#include "sim/wire/ipv6_address.hpp"
#include "sim/wire/mac_address.hpp"

namespace sim::docker {

/// network.EndpointSettings as configured for one network of a container: what `docker run`
/// gave for its --network (--ip, --network-alias, --link) or `docker network connect` for the
/// network it names. The daemon keeps it in the container's NetworkSettings and builds the
/// endpoint from it at every start (allocateNetwork), so it survives stop/start.
struct EndpointSettings {
    std::vector<std::string> aliases;               // --alias / --network-alias
    std::optional<wire::Ipv4Address> ip;            // --ip (IPAMConfig.IPv4Address)
    std::optional<wire::Ipv6Address> ip6;           // --ip6 (IPAMConfig.IPv6Address)
    std::optional<wire::MacAddress> mac;            // --mac-address (MacAddress; else derived from the IP)
    std::vector<std::string> links;                 // --link NAME[:ALIAS]
    std::vector<wire::Ipv4Address> linkLocalIps;    // --link-local-ip (IPAMConfig.LinkLocalIPs), IPv4 ones
    std::vector<std::string> linkLocalIpv6;         // IPv6 ones: recorded and shown; docknet's kernel carries no IPv6
    std::map<std::string, std::string> driverOpts;  // --driver-opt (the bridge driver reads none of them)
    /// Set by `docker network connect`, whose CLI always sends IPAMConfig {}, Aliases [] and
    /// DriverOpts {} (docker run sends null for what it was not given): inspect shows them so.
    bool viaConnect = false;
};

/// What a client asks for one network, as the API carries it (EndpointSettings with the
/// IPAMConfig addresses still text): the daemon validates it into EndpointSettings.
struct EndpointRequest {
    std::vector<std::string> aliases;
    std::string ipv4Address;                   // --ip
    std::string ipv6Address;                   // --ip6
    std::vector<std::string> linkLocalIps;     // --link-local-ip
    std::vector<std::string> links;            // --link
    std::map<std::string, std::string> driverOpts;
};

struct Network;

/// The daemon's validateEndpointSettings (daemon/container_operations.go, v25-27) for `network`
/// (null when it does not exist; `networkName` as the client named it). Every problem is
/// collected and reported as
///   "invalid endpoint settings:\n" + the one error, or "* e1\n* e2" for several (multierror):
///   user specified IP address is supported on user defined networks only        (bridge, host, none + --ip/--ip6)
///   network-scoped alias is supported only for containers in user defined networks (same, + --alias)
///   invalid IPv4 address: X / invalid IPv6 address: X / invalid link-local IP address: X
///   no configured subnet or ip-range contain the IP address X      (outside a configured subnet)
///   user specified IP address is supported only when connecting to networks with user configured subnets
/// --ip6 is checked against the network's IPv6 --subnet (or --ip-range) the same way.
core::Result<EndpointSettings> validateEndpointRequest(const Network* network, const std::string& networkName,
                                                       const EndpointRequest& request);


struct Endpoint {
    std::string id;            // 64 hex
    std::string name;          // the container's name (libnetwork names endpoints after them)
    std::string networkId;
    std::string containerId;
    wire::Ipv4Prefix address;  // 172.17.0.2/16 (bridge); unset on host/null
    wire::Ipv4Address gateway;
    std::optional<wire::Ipv6Prefix> address6;  // 2001:db8::2/64 on an --ipv6 network
    std::optional<wire::Ipv6Address> gateway6;
    wire::MacAddress mac;
    std::string ifName;        // eth0, eth1 ... inside the sandbox
    std::string hostVethName;  // veth + 7 hex
    core::InterfaceId containerIf;
    core::InterfaceId hostVeth;
    std::vector<std::string> aliases;     // --network-alias: names every container on the network resolves
    std::vector<std::string> linkAliases; // --link on a user-defined network: "target:alias", resolved by this container only
    std::vector<std::string> dnsNames;    // name, aliases, short id, hostname (buildEndpointDNSNames order)
    std::vector<wire::Ipv4Address> linkLocalIps;  // extra /16 addresses on the interface (--link-local-ip)
};

}  // namespace sim::docker
