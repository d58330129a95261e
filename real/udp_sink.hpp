// UdpSink: the UDP sockets that receive and answer nothing, as the sim's docker-proxy does with a
// published UDP port's datagrams (it neither answers nor forwards them): one EpollLoop reads
// them off and counts them, so verify can tell a datagram was delivered.
#pragma once

#include <cstdint>
#include <map>

#include "real/epoll_loop.hpp"
#include "sim/core/error.hpp"

namespace docknet::real {

class UdpSink {
public:
    UdpSink();
    ~UdpSink();
    UdpSink(const UdpSink&) = delete;
    UdpSink& operator=(const UdpSink&) = delete;

    /// Takes ownership of `fd` (a bound UDP socket) and reads every datagram it gets.
    sim::core::Result<void> serve(int fd);
    /// The datagrams `fd` has received so far (0 for a socket not served).
    [[nodiscard]] std::uint64_t received(int fd);
    /// Closes every socket (the thread keeps running, idle).
    void closeAll();

private:
    void onReady(int fd);

    std::map<int, std::uint64_t> m_received;  // fd -> datagrams
    EpollLoop m_loop;  // last: its thread stops before the map it reads goes
};

}  // namespace docknet::real
