// A docker0-like topology built by hand, the way Docker's bridge driver would leave it:
// namespace "host" with bridge docker0 (172.17.0.1/16) and, per container, a namespace cN with
// eth0 (172.17.0.N+1/16, MAC 02:42 + the IPv4 bytes) on a veth whose host end is a docker0 port,
// and a default route via 172.17.0.1.
#pragma once

#include <string>
#include <vector>

#include "sim/net/kernel.hpp"

namespace flows {

using namespace sim;

inline wire::Ipv4Address ip(const char* s) { return *wire::Ipv4Address::parse(s); }
inline wire::Ipv4Prefix prefix(const char* s) { return *wire::Ipv4Prefix::parse(s); }
inline wire::MacAddress mac(const char* s) { return *wire::MacAddress::parse(s); }

struct Container {
    core::NamespaceId ns;
    core::InterfaceId eth0;
    core::InterfaceId hostVeth;
    wire::Ipv4Address address;
    wire::MacAddress mac;
};

struct Docker0Topology {
    explicit Docker0Topology(int containers, std::uint64_t seed = 1) : kernel(net::KernelConfig{seed}) {
        host = *kernel.createNamespace("host");
        (void)kernel.setUp(kernel.ns(host)->loopback(), true);
        docker0 = *kernel.createBridge(host, "docker0", mac("02:42:3f:c1:b7:07"));
        (void)kernel.addAddress(docker0, prefix("172.17.0.1/16"));
        (void)kernel.setUp(docker0, true);
        kernel.setIpForward(host, true);
        for (int i = 0; i < containers; ++i) add();
    }

    Container& add() {
        const int n = static_cast<int>(c.size()) + 1;
        const auto name = "c" + std::to_string(n);
        Container k;
        k.ns = *kernel.createNamespace(name);
        k.address = wire::Ipv4Address(172, 17, 0, static_cast<std::uint8_t>(n + 1));
        k.mac = wire::MacAddress({0x02, 0x42, 0xac, 0x11, 0x00, static_cast<std::uint8_t>(n + 1)});
        auto pair = *kernel.createVethPair(host, "veth" + std::to_string(n), host, "tmp" + std::to_string(n), std::nullopt, k.mac);
        k.hostVeth = pair.first;
        k.eth0 = pair.second;
        (void)kernel.moveToNamespace(k.eth0, k.ns);
        (void)kernel.rename(k.eth0, "eth0");
        (void)kernel.setMaster(k.hostVeth, docker0);
        (void)kernel.setUp(k.hostVeth, true);
        (void)kernel.setUp(kernel.ns(k.ns)->loopback(), true);
        (void)kernel.addAddress(k.eth0, wire::Ipv4Prefix(k.address, 16));
        (void)kernel.setUp(k.eth0, true);
        net::Route def;
        def.destination = prefix("0.0.0.0/0");
        def.gateway = ip("172.17.0.1");
        def.dev = k.eth0;
        (void)kernel.addRoute(k.ns, def);
        c.push_back(k);
        return c.back();
    }

    /// The trace from `from` on, one line per record.
    std::vector<std::string> traceLines(std::size_t from = 0) const {
        std::vector<std::string> out;
        const auto& recs = const_cast<net::Kernel&>(kernel).trace().records();
        for (std::size_t i = from; i < recs.size(); ++i) out.push_back(recs[i].toString());
        return out;
    }

    net::Kernel kernel;
    core::NamespaceId host;
    core::InterfaceId docker0;
    std::vector<Container> c;
};

}  // namespace flows
