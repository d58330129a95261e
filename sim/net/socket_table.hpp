// SocketTable: one namespace's bound TCP listeners and UDP sockets, with bind(2)'s EADDRINUSE
// rule: a port is taken when bound on the same address, or when either binding is the wildcard
// 0.0.0.0 (no SO_REUSEADDR/SO_REUSEPORT modelled). Lookup prefers the exact address, as
// __inet_lookup_listener scores a specific bind above INADDR_ANY.
//
// IPv6 sockets are the wildcard [::] only (no IPv6 traffic is modelled; they are there for what
// `ss`, `netstat` and bind(2) show). One with IPV6_V6ONLY (nginx's `listen [::]:80`, Go's
// "tcp6" listeners in docker-proxy) clashes only with another [::] socket; a dual-stack one
// (httpd's `Listen 80`, mysqld's `bind-address=*`) also holds the port on every IPv4 address
// and receives the IPv4 traffic no IPv4 socket takes (inet6_bind, ipv6_rcv_saddr_equal).
#pragma once

#include <cstdint>
#include <functional>
#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "sim/core/error.hpp"
#include "sim/core/ids.hpp"
#include "sim/wire/ipv4_address.hpp"
#include "sim/wire/ipv4_packet.hpp"

namespace sim::net {

struct SocketTag {};
using SocketId = core::StrongId<SocketTag>;

enum class Transport : std::uint8_t { Tcp, Udp };
std::string_view toString(Transport t);

/// AF_INET, or AF_INET6 bound on [::] (with or without IPV6_V6ONLY).
enum class SocketFamily : std::uint8_t { Inet, Inet6Only, Inet6DualStack };

struct SocketInfo {
    SocketId id;
    Transport transport = Transport::Tcp;
    wire::Ipv4Address address;  // 0.0.0.0 = every address of the namespace; unused for IPv6
    std::uint16_t port = 0;
    std::string owner;          // the process, as `ss -p` would name it ("nginx", "docker-proxy")
    std::uint64_t accepted = 0; // TCP connections completed / UDP datagrams received
    SocketFamily family = SocketFamily::Inet;

    [[nodiscard]] bool isIpv6() const { return family != SocketFamily::Inet; }
    /// The local address as ss prints it: "0.0.0.0", "10.0.0.1", "[::]".
    [[nodiscard]] std::string addressText() const { return isIpv6() ? "[::]" : address.toString(); }
};

/// Called for every UDP datagram delivered to the socket: (source address, datagram).
using UdpReceiver = std::function<void(wire::Ipv4Address src, const wire::UdpDatagram&)>;

class SocketTable {
public:
    /// "Address already in use" (EADDRINUSE) on a clash; port 0 is not supported here (the
    /// caller picks ephemeral ports).
    core::Result<SocketId> bind(Transport t, wire::Ipv4Address address, std::uint16_t port, std::string owner,
                                UdpReceiver receiver = {});
    /// An AF_INET6 socket bound on [::]: `v6only` as IPV6_V6ONLY sets it.
    core::Result<SocketId> bindIpv6Any(Transport t, std::uint16_t port, bool v6only, std::string owner);
    bool close(SocketId id);
    /// The socket that receives traffic to address:port, exact address first.
    [[nodiscard]] const SocketInfo* lookup(Transport t, wire::Ipv4Address dst, std::uint16_t port) const;
    [[nodiscard]] SocketInfo* lookupMutable(Transport t, wire::Ipv4Address dst, std::uint16_t port);
    [[nodiscard]] const UdpReceiver* receiver(SocketId id) const;
    [[nodiscard]] bool isPortUsed(Transport t, std::uint16_t port) const;
    /// Sorted by transport, family (IPv4 first), address, port (what `ss -ltn` lists).
    [[nodiscard]] std::vector<SocketInfo> sockets() const;

private:
    struct Key {
        Transport transport;
        std::uint16_t port;
        bool ipv6;
        wire::Ipv4Address address;
        auto operator<=>(const Key&) const = default;
    };
    core::Result<SocketId> insert(Key key, SocketInfo info, UdpReceiver receiver);
    /// The sockets of this transport and port, both families.
    template <typename Fn>
    bool anyOnPort(Transport t, std::uint16_t port, Fn&& pred) const;
    std::map<Key, SocketInfo> m_sockets;
    std::map<SocketId, Key> m_byId;
    std::map<SocketId, UdpReceiver> m_receivers;
    std::uint32_t m_nextId = 1;
};

}  // namespace sim::net
