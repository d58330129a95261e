// Endpoint: a container's attachment to one network (libnetwork's Endpoint). On a bridge network
// it is a veth pair: the host end (veth<7 hex>) is a bridge port, the other end is eth<N> in the
// container's sandbox with the endpoint's address and MAC (02:42 + the IPv4 bytes, Docker <= 27).
#pragma once

#include <string>
#include <vector>

#include "sim/core/ids.hpp"
#include "sim/wire/ipv4_address.hpp"
#include "sim/wire/mac_address.hpp"

namespace sim::docker {

struct Endpoint {
    std::string id;            // 64 hex
    std::string name;          // the container's name (libnetwork names endpoints after them)
    std::string networkId;
    std::string containerId;
    wire::Ipv4Prefix address;  // 172.17.0.2/16 (bridge); unset on host/null
    wire::Ipv4Address gateway;
    wire::MacAddress mac;
    std::string ifName;        // eth0, eth1 ... inside the sandbox
    std::string hostVethName;  // veth + 7 hex
    core::InterfaceId containerIf;
    core::InterfaceId hostVeth;
    std::vector<std::string> aliases;     // --network-alias: names every container on the network resolves
    std::vector<std::string> linkAliases; // --link on a user-defined network: "target:alias", resolved by this container only
    std::vector<std::string> dnsNames;    // name, aliases, short id, hostname (buildEndpointDNSNames order)
};

}  // namespace sim::docker
