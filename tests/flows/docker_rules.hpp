// Docker's iptables rules for docker0 and one published port, as data (docker-facts.md §7.3),
// plus a LAN namespace "client" wired to the host's eth0 so traffic can come from outside.
#pragma once

#include "flows/docker0_topology.hpp"

namespace flows {

inline net::XtRule rule(net::RuleMatch m, net::RuleTarget t) { return net::XtRule{std::move(m), std::move(t)}; }

inline void addDockerNat(net::Kernel& k, core::NamespaceId host) {
    auto& nat = k.ns(host)->nat();
    REQUIRE(nat.newChain("DOCKER"));
    net::RuleMatch local;
    local.dstTypeLocal = true;
    REQUIRE(nat.append("PREROUTING", rule(local, net::target::Jump{"DOCKER"})));
    net::RuleMatch out = local;
    out.dst = net::PrefixMatch{prefix("127.0.0.0/8"), true};
    REQUIRE(nat.append("OUTPUT", rule(out, net::target::Jump{"DOCKER"})));
    net::RuleMatch masq;
    masq.src = net::PrefixMatch{prefix("172.17.0.0/16"), false};
    masq.out = net::IfaceMatch{"docker0", true};
    REQUIRE(nat.append("POSTROUTING", rule(masq, net::target::Masquerade{})));
    net::RuleMatch fromBridge;
    fromBridge.in = net::IfaceMatch{"docker0", false};
    REQUIRE(nat.append("DOCKER", rule(fromBridge, net::target::Return{})));
}

/// -A DOCKER ! -i docker0 -p tcp -m tcp --dport HOST -j DNAT --to-destination ADDR:PORT
inline void publish(net::Kernel& k, core::NamespaceId host, std::uint16_t hostPort, wire::Ipv4Address to, std::uint16_t port) {
    net::RuleMatch m;
    m.in = net::IfaceMatch{"docker0", true};
    m.protocol = wire::IpProtocol::Tcp;
    m.dport = hostPort;
    REQUIRE(k.ns(host)->nat().append("DOCKER", rule(m, net::target::Dnat{to, port})));
}

struct Lan {
    core::NamespaceId client;
    core::InterfaceId clientEth0;
    core::InterfaceId hostEth0;
};

/// host eth0 10.0.0.1/24 <-> client eth0 10.0.0.2/24; the client knows no 172.17 route.
inline Lan addLan(net::Kernel& k, core::NamespaceId host) {
    Lan lan;
    lan.client = *k.createNamespace("client");
    auto pair = *k.createVethPair(host, "eth0", lan.client, "eth0");
    lan.hostEth0 = pair.first;
    lan.clientEth0 = pair.second;
    REQUIRE(k.addAddress(lan.hostEth0, prefix("10.0.0.1/24")));
    REQUIRE(k.addAddress(lan.clientEth0, prefix("10.0.0.2/24")));
    REQUIRE(k.setUp(lan.hostEth0, true));
    REQUIRE(k.setUp(lan.clientEth0, true));
    REQUIRE(k.setUp(k.ns(lan.client)->loopback(), true));
    return lan;
}

}  // namespace flows
