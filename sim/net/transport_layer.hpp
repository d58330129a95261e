// TransportLayer: UDP and just enough TCP for connect checks. A SYN to a listener is answered
// SYN-ACK and the client's ACK completes the handshake (the listener counts it); a SYN to a
// closed port is answered RST-ACK; ICMP errors abort a pending connect. SYNs are retransmitted
// after 1, 2, 4, 8, 16 and 32 s (tcp_syn_retries = 6), so an unanswered connect times out after
// 127 s. UDP to a closed port gets ICMP port unreachable. No data transfer, no teardown.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <tuple>

#include "sim/core/error.hpp"
#include "sim/core/ids.hpp"
#include "sim/core/sim_time.hpp"
#include "sim/net/packet.hpp"
#include "sim/net/socket_table.hpp"
#include "sim/wire/icmp_message.hpp"

namespace sim::net {

class Kernel;

enum class ConnectOutcome : std::uint8_t {
    Connected,
    Refused,          // RST: "Connection refused" (ECONNREFUSED)
    HostUnreachable,  // ICMP host unreachable: "No route to host" (EHOSTUNREACH)
    NetUnreachable,   // ICMP net unreachable: "Network is unreachable" (ENETUNREACH)
    TimedOut,         // no answer to any SYN: "Connection timed out" (ETIMEDOUT)
};
std::string_view toString(ConnectOutcome outcome);

struct ConnectResult {
    ConnectOutcome outcome = ConnectOutcome::TimedOut;
    wire::Ipv4Address local;   // our address and port for the attempt
    std::uint16_t localPort = 0;
    core::Duration elapsed;
};
using ConnectHandler = std::function<void(const ConnectResult&)>;

class TransportLayer {
public:
    explicit TransportLayer(Kernel& kernel) : m_kernel(kernel) {}

    /// bind + listen (TCP) or bind (UDP) in `ns`. "Address already in use" on a clash.
    core::Result<SocketId> bind(core::NamespaceId ns, Transport t, wire::Ipv4Address address, std::uint16_t port,
                                std::string owner, UdpReceiver receiver = {});
    /// bind on [::] (SocketTable::bindIpv6Any): nothing arrives over IPv6, a dual-stack socket
    /// gets the IPv4 traffic no IPv4 socket takes.
    core::Result<SocketId> bindIpv6Any(core::NamespaceId ns, Transport t, std::uint16_t port, bool v6only,
                                       std::string owner);
    bool close(core::NamespaceId ns, SocketId id);

    /// Starts a TCP connect from `ns` to dst:port; `done` is called once with the outcome.
    /// Fails at once with "Network is unreachable" when there is no route.
    core::Result<void> connect(core::NamespaceId ns, wire::Ipv4Address dst, std::uint16_t port, ConnectHandler done);
    /// Sends one UDP datagram (srcPort 0 picks an ephemeral port).
    core::Result<void> sendUdp(core::NamespaceId ns, wire::Ipv4Address dst, std::uint16_t srcPort, std::uint16_t dstPort,
                               std::variant<wire::Bytes, wire::DnsMessage> payload,
                               std::optional<wire::Ipv4Address> src = std::nullopt);

    /// A TCP or UDP packet delivered to `ns`.
    void input(core::NamespaceId ns, core::InterfaceId in, IpPacket packet);
    /// An ICMP error quoting one of our TCP/UDP packets.
    void icmpError(core::NamespaceId ns, wire::Ipv4Address from, const wire::IcmpQuote& quote, wire::IcmpType type,
                   std::uint8_t code);

    /// A free ephemeral port in [32768, 60999] (ip_local_port_range), drawn from the Rng.
    std::uint16_t ephemeralPort(core::NamespaceId ns, Transport t);

private:
    struct PendingConnect {
        ConnectHandler done;
        wire::Ipv4Address local;
        core::SimTime started;
        std::uint32_t isn = 0;
        int retries = 0;
        core::EventId timer;
    };
    using ConnKey = std::tuple<std::uint32_t, std::uint16_t, std::uint32_t, std::uint16_t>;  // ns, lport, raddr, rport

    void sendSegment(core::NamespaceId ns, wire::Ipv4Address src, wire::Ipv4Address dst, wire::TcpSegment seg);
    void sendSyn(const ConnKey& key);
    void finish(const ConnKey& key, ConnectOutcome outcome);
    void tcpInput(core::NamespaceId ns, core::InterfaceId in, const IpPacket& packet);
    void udpInput(core::NamespaceId ns, core::InterfaceId in, const IpPacket& packet);

    Kernel& m_kernel;
    std::map<ConnKey, PendingConnect> m_pending;
};

}  // namespace sim::net
