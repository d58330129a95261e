// validateEndpointSettings and the address checks of api/types/network/endpoint.go (moby v25-27).
#include "sim/docker/endpoint.hpp"
#include "sim/docker/network.hpp"

namespace sim::docker {

using core::ErrorCode;
using core::fail;

namespace {

/// containertypes.NetworkMode(name).IsUserDefined(): anything but the predefined names and
/// container:<x>.
bool isUserDefinedName(const std::string& name) {
    return name != "default" && name != "bridge" && name != "host" && name != "none" && !name.starts_with("container:");
}

}  // namespace

core::Result<EndpointSettings> validateEndpointRequest(const Network* n, const std::string& nwName, const EndpointRequest& r) {
    std::vector<std::string> errs;
    if (!isUserDefinedName(nwName)) {
        if (!r.ipv4Address.empty() || !r.ipv6Address.empty())
            errs.emplace_back("user specified IP address is supported on user defined networks only");
        if (!r.aliases.empty()) errs.emplace_back("network-scoped alias is supported only for containers in user defined networks");
    }
    EndpointSettings out;
    out.aliases = r.aliases;
    out.links = r.links;
    out.driverOpts = r.driverOpts;
    // EndpointIPAMConfig.Validate
    if (!r.ipv4Address.empty()) {
        auto ip = wire::Ipv4Address::parse(r.ipv4Address);
        if (!ip || ip->isAny()) errs.push_back("invalid IPv4 address: " + r.ipv4Address);
        else out.ip = *ip;
    }
    if (!r.ipv6Address.empty()) {
        // Go's To4() is non-nil for a v4-mapped address, which is then no IPv6 address here.
        auto ip6 = wire::Ipv6Address::parse(r.ipv6Address);
        if (!ip6 || ip6->isV4Mapped() || ip6->isUnspecified()) errs.push_back("invalid IPv6 address: " + r.ipv6Address);
        else out.ip6 = *ip6;
    }
    for (const auto& ll : r.linkLocalIps) {
        auto ip = wire::Ipv4Address::parse(ll);
        if (ip && !ip->isAny()) out.linkLocalIps.push_back(*ip);
        else if (auto ll6 = wire::Ipv6Address::parse(ll); ip || !ll6 || ll6->isUnspecified())
            errs.push_back("invalid link-local IP address: " + ll);
        else out.linkLocalIpv6.push_back(ll);
    }
    // EndpointIPAMConfig.IsInRange over the network's configured subnets.
    if (n) {
        const bool staticV4 = n->ipam && n->staticSubnet;
        if (!r.ipv4Address.empty()) {
            const auto ip = wire::Ipv4Address::parse(r.ipv4Address);
            // IpamConf.Contains: the ip-range when there is one, else the subnet.
            const wire::Ipv4Prefix allowed = n->ipRange ? *n->ipRange : n->ipam->subnet;
            if (staticV4 && !(ip && allowed.contains(*ip)))
                errs.push_back("no configured subnet or ip-range contain the IP address " + r.ipv4Address);
            else if (!staticV4)
                errs.emplace_back("user specified IP address is supported only when connecting to networks with user configured subnets");
        }
        if (!r.ipv6Address.empty()) {
            const auto ip6 = wire::Ipv6Address::parse(r.ipv6Address);
            const auto allowed = n->ipv6RangeGiven ? n->ipv6RangeGiven : n->ipv6SubnetGiven;
            if (allowed && !(ip6 && allowed->contains(*ip6)))
                errs.push_back("no configured subnet or ip-range contain the IP address " + r.ipv6Address);
            else if (!allowed)
                errs.emplace_back("user specified IP address is supported only when connecting to networks with user configured subnets");
        }
    }
    if (errs.empty()) return out;
    std::string text = "invalid endpoint settings:\n";
    if (errs.size() == 1) {
        text += errs[0];
    } else {
        for (std::size_t i = 0; i < errs.size(); ++i) text += (i ? "\n* " : "* ") + errs[i];
    }
    return fail(ErrorCode::InvalidArgument, text);
}

}  // namespace sim::docker
