#include "real/udp_sockets.hpp"

#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "real/socket_address.hpp"

namespace docknet::real {

using sim::core::ErrorCode;
using sim::core::fail;

sim::core::Result<int> bindUdp(const std::string& address, std::uint16_t port) {
    auto a = ipv4SocketAddress(address, port);
    if (!a) return std::unexpected(a.error());
    const int s = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (s < 0) return fail(ErrorCode::Internal, std::string("socket: ") + std::strerror(errno));
    if (::bind(s, reinterpret_cast<sockaddr*>(&*a), sizeof *a) != 0) {
        const int e = errno;
        ::close(s);
        return fail(e == EADDRINUSE ? ErrorCode::AddressInUse : ErrorCode::Internal,
                    "bind udp " + address + ":" + std::to_string(port) + ": " + std::strerror(e));
    }
    return s;
}

sim::core::Result<int> connectedUdpHere(const std::string& dst, std::uint16_t port) {
    auto a = ipv4SocketAddress(dst, port);
    if (!a) return std::unexpected(a.error());
    const int s = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (s < 0) return fail(ErrorCode::Internal, std::string("socket: ") + std::strerror(errno));
    if (::connect(s, reinterpret_cast<sockaddr*>(&*a), sizeof *a) != 0) {
        const int e = errno;
        ::close(s);
        return fail(ErrorCode::Unreachable, "udp " + dst + ":" + std::to_string(port) + ": " + std::strerror(e));
    }
    return s;
}

sim::core::Result<std::string> exchangeUdp(int fd, const std::string& payload, int timeoutMs) {
    if (::send(fd, payload.data(), payload.size(), 0) < 0) {
        if (errno == ECONNREFUSED) return std::string("port unreachable");
        return fail(ErrorCode::Internal, std::string("send: ") + std::strerror(errno));
    }
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, timeoutMs) <= 0) return std::string("no answer");
    char buf[1500];
    if (::recv(fd, buf, sizeof buf, 0) >= 0) return std::string("answered");
    return std::string(errno == ECONNREFUSED ? "port unreachable" : "no answer");
}

}  // namespace docknet::real
