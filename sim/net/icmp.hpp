// Icmp: the ICMP of one kernel. Answers echo requests (not those sent to a broadcast address,
// icmp_echo_ignore_broadcasts = 1), sends errors the way icmp_send does (never about an ICMP
// error, a broadcast, or a packet from 0.0.0.0), and hands echo replies and errors to ping
// sockets keyed by echo id, or errors about TCP/UDP to the transport layer.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <utility>

#include "sim/core/error.hpp"
#include "sim/core/ids.hpp"
#include "sim/core/sim_time.hpp"
#include "sim/net/packet.hpp"
#include "sim/wire/icmp_message.hpp"

namespace sim::net {

class Kernel;

/// What a ping socket receives.
struct EchoEvent {
    enum class Kind { Reply, Error };
    Kind kind = Kind::Reply;
    wire::Ipv4Address from;
    std::uint16_t sequence = 0;
    std::uint8_t ttl = 0;            // of the reply
    std::uint16_t dataLength = 0;    // echo payload size of the reply
    wire::IcmpType type = wire::IcmpType::EchoReply;
    std::uint8_t code = 0;
    core::SimTime at;
};

using EchoHandler = std::function<void(const EchoEvent&)>;

struct EchoRequest {
    wire::Ipv4Address dst;
    std::uint16_t id = 0;
    std::uint16_t sequence = 0;
    std::uint8_t ttl = 64;
    std::uint16_t dataLength = 56;
    std::optional<wire::Ipv4Address> src;  // ping -I ADDR
};

class Icmp {
public:
    explicit Icmp(Kernel& kernel) : m_kernel(kernel) {}

    /// A ping socket in `ns`: its echo id (drawn from the kernel's seeded Rng, like a pid).
    std::uint16_t openEchoSocket(core::NamespaceId ns, EchoHandler handler);
    void closeEchoSocket(core::NamespaceId ns, std::uint16_t id);
    /// Sends one echo request. "Network is unreachable" when there is no route.
    core::Result<void> sendEcho(core::NamespaceId ns, const EchoRequest& request);

    /// An ICMP message delivered to `ns`.
    void input(core::NamespaceId ns, core::InterfaceId in, IpPacket packet);
    /// icmp_send: an error about `original`, which arrived on (or was to leave through) `dev`.
    void sendError(core::NamespaceId ns, core::InterfaceId dev, const wire::Ipv4Packet& original, wire::IcmpType type,
                   std::uint8_t code);

    /// The quote an ICMP error carries about `p`.
    static wire::IcmpQuote quoteOf(const wire::Ipv4Packet& p);

private:
    Kernel& m_kernel;
    std::map<std::pair<std::uint32_t, std::uint16_t>, EchoHandler> m_sockets;  // (ns, id)
};

}  // namespace sim::net
