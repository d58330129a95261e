// UdpResponder: every bound UDP socket of the lab, served from one EpollLoop. A socket with
// records answers DNS queries from them (answerQuery): the embedded DNS on 127.0.0.11:53 in a
// container's namespace, the LAN's dnsmasq in docknet-router. One without reads each datagram,
// counts it and answers nothing, as the sim's docker-proxy does with a published UDP port's
// datagrams. Each socket was opened inside its namespace (by the NamespaceWorker) and keeps it;
// replies go back to the query's source, which that namespace reaches.
#pragma once

#include <cstdint>
#include <map>
#include <optional>

#include "real/epoll_loop.hpp"
#include "sim/core/error.hpp"
#include "sim/plan/plan.hpp"

namespace docknet::real {

/// A UDP socket bound to 127.0.0.11:53 in the calling thread's namespace (lo must be up there).
sim::core::Result<int> bindDnsSocket();

class UdpResponder {
public:
    UdpResponder();
    ~UdpResponder();
    UdpResponder(const UdpResponder&) = delete;
    UdpResponder& operator=(const UdpResponder&) = delete;

    /// Takes ownership of `fd` (a bound UDP socket) until closeAll(): answers its queries from
    /// `records`, or without them reads and counts its datagrams.
    sim::core::Result<void> serve(int fd, std::optional<sim::plan::PlanResolver> records);
    /// The datagrams `fd` has received so far (0 for a socket not served).
    [[nodiscard]] std::uint64_t received(int fd);
    /// Closes every socket (the thread keeps running, idle).
    void closeAll();

private:
    struct Socket {
        std::optional<sim::plan::PlanResolver> records;
        std::uint64_t received = 0;
    };
    void onReady(int fd);

    std::map<int, Socket> m_sockets;
    EpollLoop m_loop;  // last: its thread stops before the map it reads goes
};

}  // namespace docknet::real
