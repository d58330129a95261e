// EmbeddedDns: Docker's resolver at 127.0.0.11 in every container attached to a user-defined
// network (libnetwork resolver.go, sandbox_dns_unix.go). It answers A and AAAA queries for container
// names, --network-alias names, short ids and hostnames of the containers on the asker's
// user-defined networks (also as NAME.NETWORK), and --link aliases declared by the asker, and
// PTR queries for their addresses with NAME.NETWORK (what ping prints per reply); anything else is forwarded to the host's upstream resolver from the container's namespace,
// and answered SERVFAIL when there is no way out (an --internal network).
// The default bridge has no embedded DNS: its containers use the host's resolvers.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "sim/net/socket_table.hpp"
#include "sim/wire/dns_message.hpp"
#include "sim/wire/ipv4_address.hpp"

namespace sim::docker {

class DockerEngine;
struct Container;

class EmbeddedDns {
public:
    static constexpr wire::Ipv4Address kAddress{127, 0, 0, 11};

    explicit EmbeddedDns(DockerEngine& engine) : m_engine(engine) {}

    /// Starts answering in the container's sandbox when it is on a user-defined network.
    void attach(const Container& c);
    void detach(const Container& c);
    [[nodiscard]] bool isServing(const Container& c) const;

    /// What a name stands for: its IPv4 address, and its IPv6 one on an --ipv6 network (an AAAA
    /// query for a name without one gets an empty NOERROR, ResolveName's ipv6Miss).
    struct Addresses {
        wire::Ipv4Address v4;
        std::optional<wire::Ipv6Address> v6;
    };
    /// Sandbox.ResolveName for `asker`: the addresses `name` stands for, if any.
    [[nodiscard]] std::optional<Addresses> resolve(const Container& asker, std::string name) const;
    /// Sandbox.ResolveIP: "name.network" for an address on one of the asker's networks.
    [[nodiscard]] std::optional<std::string> reverse(const Container& asker, wire::Ipv4Address address) const;

private:
    void onQuery(const std::string& containerId, wire::Ipv4Address src, const wire::UdpDatagram& udp);

    DockerEngine& m_engine;
    std::map<std::string, net::SocketId> m_sockets;  // container id -> its 127.0.0.11:53 socket
};

}  // namespace sim::docker
