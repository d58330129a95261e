// The bridge driver's kernel side (libnetwork drivers/bridge, Docker <= 27): the Linux bridge
// of a network, its iptables rules, and the veth pair of each endpoint.
#include <algorithm>
#include <cstdio>
#include <string_view>

#include "sim/docker/docker_engine.hpp"
#include "sim/docker/docker_messages.hpp"

namespace sim::docker {

using core::ErrorCode;
using core::fail;
using net::IfaceMatch;
using net::PrefixMatch;
using net::RuleMatch;
using net::XtRule;

namespace {

std::string randomHex(core::Rng& rng, int digits) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string s;
    for (int i = 0; i < digits; ++i) s += kHex[rng.uniform(0, 15)];
    return s;
}

/// A kernel error as Go's syscall.Errno prints it: strerror's text in lower case, without the
/// tool's "RTNETLINK answers: " prefix.
std::string goErrnoText(const core::Error& e) {
    static constexpr std::string_view kPrefix = "RTNETLINK answers: ";
    std::string text = e.message.starts_with(kPrefix) ? e.message.substr(kPrefix.size()) : e.message;
    if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z') text[0] = static_cast<char>(text[0] - 'A' + 'a');
    return text;
}

IfaceMatch iface(const std::string& name, bool negate = false) { return IfaceMatch{name, negate}; }

/// The rules one bridge network adds, per table and chain, in the order Docker <= 27 adds them
/// (setupIPTables / setupInternalNetworkRules / setIcc / setupIPChains), with the position:
/// 0 = appended, N = inserted as rule N.
struct PlannedRule {
    bool nat = false;
    std::string chain;
    std::size_t position = 0;
    XtRule rule;
};

/// setIcc: ICC on inserts `-i BR -o BR -j ACCEPT` (`-I FORWARD`, which the later insertions
/// push below the bridge's other rules); ICC off appends `-j DROP` (`-A FORWARD`), so it lands
/// after every rule already in FORWARD, other networks' included.
PlannedRule iccRule(const RuleMatch& icc, bool enabled) {
    if (enabled) return {false, "FORWARD", 3, XtRule{icc, net::target::Accept{}}};
    return {false, "FORWARD", 0, XtRule{icc, net::target::Drop{}}};
}

std::vector<PlannedRule> bridgeRules(const Network& n) {
    const std::string& br = n.bridgeName;
    std::vector<PlannedRule> out;
    if (n.internal) {
        RuleMatch outDrop;
        outDrop.src = PrefixMatch{n.ipam->subnet, true};
        outDrop.out = iface(br);
        RuleMatch inDrop;
        inDrop.dst = PrefixMatch{n.ipam->subnet, true};
        inDrop.in = iface(br);
        out.push_back({false, "DOCKER-ISOLATION-STAGE-1", 1, XtRule{inDrop, net::target::Drop{}}});
        out.push_back({false, "DOCKER-ISOLATION-STAGE-1", 1, XtRule{outDrop, net::target::Drop{}}});
        RuleMatch icc;
        icc.in = iface(br);
        icc.out = iface(br);
        out.push_back(iccRule(icc, n.icc));
        return out;
    }
    if (n.masquerade) {
        RuleMatch masq;
        masq.src = PrefixMatch{n.ipam->subnet, false};
        masq.out = iface(br, true);
        out.push_back({true, "POSTROUTING", 1, XtRule{masq, net::target::Masquerade{}}});
    }
    RuleMatch skip;
    skip.in = iface(br);
    out.push_back({true, "DOCKER", 1, XtRule{skip, net::target::Return{}}});

    // FORWARD, in the order they end up (each inserted as rule 3, last first).
    RuleMatch ct;
    ct.out = iface(br);
    ct.ctstate = net::ct_state::Related | net::ct_state::Established;
    RuleMatch toDocker;
    toDocker.out = iface(br);
    RuleMatch outgoing;
    outgoing.in = iface(br);
    outgoing.out = iface(br, true);
    RuleMatch icc;
    icc.in = iface(br);
    icc.out = iface(br);
    out.push_back(iccRule(icc, n.icc));
    out.push_back({false, "FORWARD", 3, XtRule{outgoing, net::target::Accept{}}});
    out.push_back({false, "FORWARD", 3, XtRule{toDocker, net::target::Jump{"DOCKER"}}});
    out.push_back({false, "FORWARD", 3, XtRule{ct, net::target::Accept{}}});

    RuleMatch stage1;
    stage1.in = iface(br);
    stage1.out = iface(br, true);
    out.push_back({false, "DOCKER-ISOLATION-STAGE-1", 1, XtRule{stage1, net::target::Jump{"DOCKER-ISOLATION-STAGE-2"}}});
    RuleMatch stage2;
    stage2.out = iface(br);
    out.push_back({false, "DOCKER-ISOLATION-STAGE-2", 1, XtRule{stage2, net::target::Drop{}}});
    return out;
}

}  // namespace

void DockerEngine::programIptables(Network& n, bool add, bool onlyMissing) {
    net::NetNamespace& host = *m_kernel.ns(hostNamespace());
    for (const auto& p : bridgeRules(n)) {
        net::XtTable& table = p.nat ? host.nat() : host.filter();
        if (add && onlyMissing && table.contains(p.chain, p.rule)) continue;  // libnetwork's "-C" check first
        if (add) {
            if (p.position == 0) (void)table.append(p.chain, p.rule);
            else (void)table.insert(p.chain, std::min(p.position, table.chain(p.chain)->rules.size() + 1), p.rule);
        } else {
            (void)table.remove(p.chain, p.rule);
        }
    }
}

core::Result<void> DockerEngine::setupBridge(Network& n) {
    const core::NamespaceId host = hostNamespace();
    if (m_kernel.findInterface(host, n.bridgeName).isValid())
        return fail(ErrorCode::Conflict, "bridge " + n.bridgeName + " already exists");
    // Docker <= 27 gives the bridge 02:42 + 4 random bytes (GenerateRandomMAC).
    wire::MacAddress::Bytes b{0x02, 0x42, 0, 0, 0, 0};
    const std::uint64_t r = m_kernel.rng().next();
    for (int i = 0; i < 4; ++i) b[2 + i] = static_cast<std::uint8_t>(r >> (8 * i));
    auto br = m_kernel.createBridge(host, n.bridgeName, wire::MacAddress(b));
    if (!br) return std::unexpected(br.error());
    n.bridgeIf = *br;
    // The driver's configure() modprobes bridge and br_netfilter when /proc/sys/net/bridge is
    // missing (bridge_linux.go), so it is loaded, its switch at 1, from the daemon's start.
    m_kernel.loadBrNetfilter();
    // setupBridgeNetFiltering, queued only when ICC is off: with forwarding on it turns
    // bridge-nf-call-iptables back on, else the DROP rule would never see bridged traffic.
    if (!n.icc && m_kernel.ns(host)->ipForward()) m_kernel.ns(host)->setBridgeNfCallIptables(true);
    // inhibit_ipv4: the gateway address stays off the bridge (another router owns it).
    if (!n.inhibitIpv4) (void)m_kernel.addAddress(*br, wire::Ipv4Prefix(n.ipam->gateway, n.ipam->subnet.length()));
    // An IPv6 network's gateway goes on the bridge as well, and the bridge's link-local address
    // is fe80::1/64 (setupBridgeIPv6: the daemon replaces the kernel's EUI-64 one since 26.1).
    if (n.ipv6) {
        (void)m_kernel.addAddress6(*br, wire::Ipv6Prefix(wire::Ipv6Address(0xfe80000000000000ull, 1), 64));
        (void)m_kernel.addAddress6(*br, wire::Ipv6Prefix(n.ipv6->gateway, n.ipv6->subnet.length()), true);
    }
    if (n.mtu != 0) (void)m_kernel.setMtu(*br, n.mtu);  // setupMTU
    (void)m_kernel.setUp(*br, true);
    programIptables(n, true);
    return {};
}

void DockerEngine::teardownBridge(Network& n) {
    programIptables(n, false);
    if (n.bridgeIf.isValid()) (void)m_kernel.deleteInterface(n.bridgeIf);
    n.bridgeIf = {};
}

core::Result<Endpoint> DockerEngine::createEndpoint(Network& n, Container& c, const ConnectOptions& options) {
    Endpoint ep;
    ep.id = m_ids.newId();
    ep.name = c.name;
    ep.networkId = n.id;
    ep.containerId = c.id;
    ep.aliases = options.aliases;
    ep.linkAliases = options.links;
    ep.linkLocalIps = options.linkLocalIps;
    if (n.driver != DriverKind::Bridge) return ep;

    auto ip = options.ip || !n.ipRange ? m_ipam.allocateAddress(n.ipam->subnet, options.ip)
                                       : m_ipam.allocateAddressIn(n.ipam->subnet, *n.ipRange);
    if (!ip) return std::unexpected(ip.error());
    ep.address = wire::Ipv4Prefix(*ip, n.ipam->subnet.length());
    ep.gateway = n.ipam->gateway;
    if (n.ipv6) {
        auto ip6 = m_ipam6.allocateAddress(n.ipv6->subnet, options.ip6, options.ip6 ? std::nullopt : n.ipv6RangeGiven);
        if (!ip6) {
            m_ipam.releaseAddress(n.ipam->subnet, *ip);
            return std::unexpected(ip6.error());
        }
        ep.address6 = wire::Ipv6Prefix(*ip6, n.ipv6->subnet.length());
        ep.gateway6 = n.ipv6->gateway;
    }
    // Docker <= 27: GenerateMACFromIP, 02:42 followed by the four address bytes, unless the
    // endpoint was given one (--mac-address).
    ep.mac = options.mac.value_or(wire::MacAddress({0x02, 0x42, ip->octet(0), ip->octet(1), ip->octet(2), ip->octet(3)}));
    // eth<N>: the lowest number not in use in the sandbox, nor by the container's endpoints that
    // are created but not joined yet (a start creates them all before it joins any).
    auto taken = [&](const std::string& name) {
        for (const auto& [netId, epId] : c.endpoints)
            if (auto it = m_endpoints.find(epId); it != m_endpoints.end() && it->second.ifName == name) return true;
        return false;
    };
    for (int i = 0;; ++i) {
        const std::string name = n.containerIfacePrefix + std::to_string(i);
        if (!m_kernel.findInterface(c.sandbox, name).isValid() && !taken(name)) {
            ep.ifName = name;
            break;
        }
    }
    do {
        ep.hostVethName = "veth" + randomHex(m_kernel.rng(), 7);
    } while (m_kernel.findInterface(hostNamespace(), ep.hostVethName).isValid());
    return ep;
}

core::Result<void> DockerEngine::joinEndpoint(Network& n, Container& c, Endpoint& ep, bool setGateway) {
    if (n.driver != DriverKind::Bridge) return {};
    const core::NamespaceId host = hostNamespace();
    std::string tmpName;
    do {
        tmpName = "veth" + randomHex(m_kernel.rng(), 7);
    } while (m_kernel.findInterface(host, tmpName).isValid() || tmpName == ep.hostVethName);
    auto pair = m_kernel.createVethPair(host, ep.hostVethName, host, tmpName);
    if (!pair) return std::unexpected(pair.error());
    ep.hostVeth = pair->first;
    ep.containerIf = pair->second;
    if (n.mtu != 0) {  // the veth pair is created with the network's MTU
        (void)m_kernel.setMtu(ep.hostVeth, n.mtu);
        (void)m_kernel.setMtu(ep.containerIf, n.mtu);
    }
    if (auto r = m_kernel.setMaster(ep.hostVeth, n.bridgeIf); !r) {
        // libnetwork's CreateEndpoint wraps addToBridge's errno, which Go prints in lower case
        // ("exchange full" once the bridge has its 1,023 ports).
        return fail(r.error().code, "failed to create endpoint " + ep.name + " on network " + n.name +
                                        ": adding interface " + ep.hostVethName + " to bridge " + n.bridgeName +
                                        " failed: " + goErrnoText(r.error()));
    }
    (void)m_kernel.setUp(ep.hostVeth, true);
    (void)m_kernel.moveToNamespace(ep.containerIf, c.sandbox);
    (void)m_kernel.rename(ep.containerIf, ep.ifName);
    (void)m_kernel.setMac(ep.containerIf, ep.mac);
    (void)m_kernel.addAddress(ep.containerIf, ep.address);
    // --link-local-ip: libnetwork adds each one with the link-local mask (/16 for IPv4).
    for (const auto& ll : ep.linkLocalIps) (void)m_kernel.addAddress(ep.containerIf, wire::Ipv4Prefix(ll, 16));
    if (ep.address6) {
        // IPv6 is enabled on the interface only when it gets an address (26.1+): then the kernel
        // adds its EUI-64 link-local address when the link comes up, and lo has ::1.
        (void)m_kernel.addAddress6(ep.containerIf, *ep.address6, true);
        (void)m_kernel.addAddress6(ep.containerIf, wire::Ipv6Prefix(wire::Ipv6Address::linkLocalFor(ep.mac), 64));
        const core::InterfaceId lo = m_kernel.ns(c.sandbox)->loopback();
        if (const net::Interface* l = m_kernel.interface(lo); l && l->addresses6.empty())
            (void)m_kernel.addAddress6(lo, wire::Ipv6Prefix(wire::Ipv6Address::loopback(), 128));
    }
    (void)m_kernel.setUp(ep.containerIf, true);
    if (setGateway && !n.internal) {
        (void)m_kernel.removeRoute(c.sandbox, *wire::Ipv4Prefix::parse("0.0.0.0/0"));
        (void)m_kernel.addRoute(c.sandbox, net::Route::defaultVia(ep.gateway, ep.containerIf));
        m_kernel.ns(c.sandbox)->setIpv6DefaultRoute(
            ep.gateway6 ? std::optional(net::NetNamespace::Ipv6DefaultRoute{*ep.gateway6, ep.containerIf}) : std::nullopt);
    }
    return {};
}

void DockerEngine::leaveEndpoint(Network& n, Container& c, const std::string& endpointId) {
    auto it = m_endpoints.find(endpointId);
    if (it == m_endpoints.end()) return;
    Endpoint& ep = it->second;
    if (ep.hostVeth.isValid()) (void)m_kernel.deleteInterface(ep.hostVeth);  // the peer goes with it
    else if (ep.containerIf.isValid()) (void)m_kernel.deleteInterface(ep.containerIf);
    if (n.ipam && !ep.address.address().isAny()) m_ipam.releaseAddress(n.ipam->subnet, ep.address.address());
    if (n.ipv6 && ep.address6) m_ipam6.releaseAddress(n.ipv6->subnet, ep.address6->address());
    std::erase(n.endpointIds, endpointId);
    c.endpoints.erase(n.id);
    m_endpoints.erase(it);
}

}  // namespace sim::docker
