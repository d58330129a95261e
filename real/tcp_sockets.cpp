#include "real/tcp_sockets.hpp"

#include <fcntl.h>
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

namespace {

std::string outcomeOf(int e) {
    if (e == 0) return "connected";
    if (e == ECONNREFUSED) return "refused";
    if (e == ETIMEDOUT) return "timed out";
    return "unreachable";  // EHOSTUNREACH, ENETUNREACH
}

}  // namespace

sim::core::Result<int> listenTcp(const std::string& address, std::uint16_t port) {
    auto a = ipv4SocketAddress(address, port);
    if (!a) return std::unexpected(a.error());
    const int s = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (s < 0) return fail(ErrorCode::Internal, std::string("socket: ") + std::strerror(errno));
    if (::bind(s, reinterpret_cast<sockaddr*>(&*a), sizeof *a) != 0 || ::listen(s, 128) != 0) {
        const int e = errno;
        ::close(s);
        return fail(e == EADDRINUSE ? ErrorCode::AddressInUse : ErrorCode::Internal,
                    "listen " + address + ":" + std::to_string(port) + ": " + std::strerror(e));
    }
    return s;
}

sim::core::Result<int> tcpSocketHere() {
    const int s = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (s < 0) return fail(ErrorCode::Internal, std::string("socket: ") + std::strerror(errno));
    return s;
}

sim::core::Result<void> connectSocket(int s, const std::string& dst, std::uint16_t port, int timeoutMs) {
    auto a = ipv4SocketAddress(dst, port);
    if (!a) return std::unexpected(a.error());
    int err = 0;
    if (::connect(s, reinterpret_cast<sockaddr*>(&*a), sizeof *a) != 0) {
        err = errno;
        if (err == EINPROGRESS) {
            pollfd p{s, POLLOUT, 0};
            if (::poll(&p, 1, timeoutMs) <= 0) {
                err = ETIMEDOUT;
            } else {
                socklen_t len = sizeof err;
                ::getsockopt(s, SOL_SOCKET, SO_ERROR, &err, &len);
            }
        }
    }
    if (err != 0) return fail(ErrorCode::Unreachable, dst + ":" + std::to_string(port) + " " + outcomeOf(err));
    ::fcntl(s, F_SETFL, ::fcntl(s, F_GETFL) & ~O_NONBLOCK);  // its user blocks on it
    return {};
}

sim::core::Result<int> openConnectedTcp(const std::string& dst, std::uint16_t port, int timeoutMs) {
    auto s = tcpSocketHere();
    if (!s) return s;
    if (auto c = connectSocket(*s, dst, port, timeoutMs); !c) {
        ::close(*s);
        return std::unexpected(c.error());
    }
    return s;
}

sim::core::Result<std::string> connectTcp(const std::string& dst, std::uint16_t port, int timeoutMs) {
    auto a = ipv4SocketAddress(dst, port);
    if (!a) return std::unexpected(a.error());
    const int s = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (s < 0) return fail(ErrorCode::Internal, std::string("socket: ") + std::strerror(errno));
    std::string outcome;
    if (::connect(s, reinterpret_cast<sockaddr*>(&*a), sizeof *a) == 0) {
        outcome = "connected";
    } else if (errno != EINPROGRESS) {
        outcome = outcomeOf(errno);
    } else {
        pollfd p{s, POLLOUT, 0};
        if (::poll(&p, 1, timeoutMs) <= 0) {
            outcome = "timed out";
        } else {
            int err = 0;
            socklen_t len = sizeof err;
            ::getsockopt(s, SOL_SOCKET, SO_ERROR, &err, &len);
            outcome = outcomeOf(err);
        }
    }
    ::close(s);
    return outcome;
}

}  // namespace docknet::real
