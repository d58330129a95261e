// SocketTable: one namespace's bound TCP listeners and UDP sockets, with bind(2)'s EADDRINUSE
// rule: a port is taken when bound on the same address, or when either binding is the wildcard
// 0.0.0.0 (no SO_REUSEADDR/SO_REUSEPORT modelled). Lookup prefers the exact address, as
// __inet_lookup_listener scores a specific bind above INADDR_ANY.
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

struct SocketInfo {
    SocketId id;
    Transport transport = Transport::Tcp;
    wire::Ipv4Address address;  // 0.0.0.0 = every address of the namespace
    std::uint16_t port = 0;
    std::string owner;          // the process, as `ss -p` would name it ("nginx", "docker-proxy")
    std::uint64_t accepted = 0; // TCP connections completed / UDP datagrams received
};

/// Called for every UDP datagram delivered to the socket: (source address, datagram).
using UdpReceiver = std::function<void(wire::Ipv4Address src, const wire::UdpDatagram&)>;

class SocketTable {
public:
    /// "Address already in use" (EADDRINUSE) on a clash; port 0 is not supported here (the
    /// caller picks ephemeral ports).
    core::Result<SocketId> bind(Transport t, wire::Ipv4Address address, std::uint16_t port, std::string owner,
                                UdpReceiver receiver = {});
    bool close(SocketId id);
    /// The socket that receives traffic to address:port, exact address first.
    [[nodiscard]] const SocketInfo* lookup(Transport t, wire::Ipv4Address dst, std::uint16_t port) const;
    [[nodiscard]] SocketInfo* lookupMutable(Transport t, wire::Ipv4Address dst, std::uint16_t port);
    [[nodiscard]] const UdpReceiver* receiver(SocketId id) const;
    [[nodiscard]] bool isPortUsed(Transport t, std::uint16_t port) const;
    /// Sorted by transport, address, port (what `ss -ltn` lists).
    [[nodiscard]] std::vector<SocketInfo> sockets() const;

private:
    struct Key {
        Transport transport;
        std::uint16_t port;
        wire::Ipv4Address address;
        auto operator<=>(const Key&) const = default;
    };
    std::map<Key, SocketInfo> m_sockets;
    std::map<SocketId, Key> m_byId;
    std::map<SocketId, UdpReceiver> m_receivers;
    std::uint32_t m_nextId = 1;
};

}  // namespace sim::net
