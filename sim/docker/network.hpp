// Network: one libnetwork network, i.e. one driver instance (bridge, host or null). Bridge networks
// own a Linux bridge in the host namespace (docker0 or br-<12 hex>), an IPAM subnet and gateway,
// and their NAT/filter rules; host and null networks own nothing but their endpoints' records.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "sim/core/ids.hpp"
#include "sim/core/sim_time.hpp"
#include "sim/wire/ipv4_address.hpp"
#include "sim/wire/ipv6_address.hpp"

namespace sim::docker {

enum class DriverKind { Bridge, Host, Null };
std::string_view toString(DriverKind kind);  // "bridge", "host", "null"

struct IpamConfig {
    wire::Ipv4Prefix subnet;     // network form: 172.18.0.0/16
    wire::Ipv4Address gateway;   // 172.18.0.1
};

/// The IPv6 side of a dual-stack network (--ipv6): its subnet and gateway as allocated.
struct Ipv6IpamConfig {
    wire::Ipv6Prefix subnet;    // network form: 2001:db8::/64
    wire::Ipv6Address gateway;  // 2001:db8::1
};

struct Network {
    std::string id;              // 64 hex
    std::string name;
    DriverKind driver = DriverKind::Bridge;
    core::SimTime created;
    bool predefined = false;     // bridge, host, none
    bool isDefaultBridge = false;
    bool internal = false;
    bool attachable = false;
    bool userIpamOptions = false;  // user-defined networks show "Options": {} in IPAM, predefined null
    std::optional<IpamConfig> ipam;  // bridge networks only
    /// The subnet was the user's (--subnet) or the daemon's configured one (docker0): only then
    /// may an endpoint ask for an address (IpamConf.IsStatic, PreferredPool set).
    bool staticSubnet = false;
    bool gatewayGiven = false;                 // --gateway (inspect omits a gateway the user did not give)
    std::optional<wire::Ipv4Prefix> ipRange;   // --ip-range: where containers' addresses come from
    std::map<std::string, wire::Ipv4Address> auxAddresses;  // --aux-address NAME=IP, reserved when in the range
    bool enableIpv6 = false;                    // --ipv6
    std::optional<Ipv6IpamConfig> ipv6;         // allocated when enableIpv6
    // The IPv6 --subnet/--ip-range/--gateway as given: libnetwork keeps them (inspect shows them)
    // even on a network without --ipv6, which allocates nothing from them.
    std::optional<wire::Ipv6Prefix> ipv6SubnetGiven;
    std::optional<wire::Ipv6Prefix> ipv6RangeGiven;
    std::optional<wire::Ipv6Address> ipv6GatewayGiven;
    std::map<std::string, std::string> options;  // the -o driver options as given (inspect "Options")
    std::map<std::string, std::string> labels;
    std::string bridgeName;      // docker0 / br-<12 hex>
    core::InterfaceId bridgeIf;  // the Linux bridge in the host namespace
    bool icc = true;
    bool masquerade = true;
    // -o com.docker.network.driver.mtu (0: the kernel's 1500), ...container_iface_prefix,
    // ...bridge.host_binding_ipv4 (the host address of a -p without one), ...bridge.inhibit_ipv4
    // (no gateway address on the bridge).
    std::uint32_t mtu = 0;
    std::string containerIfacePrefix = "eth";
    wire::Ipv4Address hostBindingIpv4;
    bool inhibitIpv4 = false;
    std::vector<std::string> endpointIds;  // in join order
};

}  // namespace sim::docker
