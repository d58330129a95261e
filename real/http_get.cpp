#include "real/http_get.hpp"

#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstdlib>

#include "real/tcp_sockets.hpp"

namespace docknet::real {

namespace {

/// The Content-Length header's value, or -1.
long contentLength(const std::string& headers) {
    for (std::size_t at = headers.find("\r\n"); at != std::string::npos; at = headers.find("\r\n", at + 2)) {
        static const std::string key = "content-length:";
        std::string line = headers.substr(at + 2, key.size());
        for (auto& ch : line) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        if (line == key) return std::atol(headers.c_str() + at + 2 + key.size());
    }
    return -1;
}

}  // namespace

sim::core::Result<std::string> httpGetOver(int socketFd, const std::string& dst, std::uint16_t port, const std::string& path,
                                           int timeoutMs) {
    if (auto c = connectSocket(socketFd, dst, port, timeoutMs); !c) {
        ::close(socketFd);
        return c.error().message;
    }
    const std::string host = port == 80 ? dst : dst + ":" + std::to_string(port);
    const std::string request = "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nUser-Agent: curl/7.88.1\r\nAccept: */*\r\n\r\n";
    std::string reply;
    bool reset = false;
    if (::send(socketFd, request.data(), request.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(request.size())) {
        char buf[4096];
        for (;;) {
            if (const auto end = reply.find("\r\n\r\n"); end != std::string::npos) {
                const long length = contentLength(reply.substr(0, end + 2));
                if (length >= 0 && reply.size() >= end + 4 + static_cast<std::size_t>(length)) break;
            }
            pollfd p{socketFd, POLLIN, 0};
            if (::poll(&p, 1, timeoutMs) <= 0) break;  // the rest did not come in time
            const ssize_t got = ::recv(socketFd, buf, sizeof buf, 0);
            if (got < 0) reset = errno == ECONNRESET;
            if (got <= 0) break;
            reply.append(buf, static_cast<std::size_t>(got));
        }
    }
    ::close(socketFd);
    if (reply.empty()) return std::string(reset ? "reset" : "empty reply");
    const auto end = reply.find("\r\n\r\n");
    const std::string status = reply.substr(0, reply.find("\r\n"));
    const std::size_t body = end == std::string::npos ? 0 : reply.size() - end - 4;
    return status + ", " + std::to_string(body) + " bytes";
}

}  // namespace docknet::real
