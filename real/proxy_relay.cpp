#include "real/proxy_relay.hpp"

#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>

namespace docknet::real {

namespace {

/// Writes all of buf (the sockets are blocking); false when the peer is gone.
bool sendAll(int fd, const char* buf, ssize_t n) {
    while (n > 0) {
        const ssize_t put = ::send(fd, buf, static_cast<std::size_t>(n), MSG_NOSIGNAL);
        if (put < 0 && errno == EINTR) continue;
        if (put <= 0) return false;
        buf += put;
        n -= put;
    }
    return true;
}

}  // namespace

void resetAndClose(int fd) {
    const linger l{1, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &l, sizeof l);
    ::close(fd);
}

void relayBothWays(int client, int onward, int stopFd) {
    const int ends[2] = {client, onward};
    bool open[2] = {true, true};  // still reading from ends[i]
    char buf[16384];
    while (open[0] || open[1]) {
        pollfd p[3] = {{open[0] ? client : -1, POLLIN, 0}, {open[1] ? onward : -1, POLLIN, 0}, {stopFd, POLLIN, 0}};
        if (::poll(p, 3, -1) < 0) {
            if (errno == EINTR) continue;
            break;
        }
        if (p[2].revents & POLLIN) break;
        bool failed = false;
        for (int i = 0; i < 2 && !failed; ++i) {
            if (!open[i] || !(p[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
            const ssize_t got = ::recv(ends[i], buf, sizeof buf, 0);
            if (got < 0 && errno == EINTR) continue;
            if (got <= 0) {
                open[i] = false;
                ::shutdown(ends[1 - i], SHUT_WR);  // pass the FIN on
                if (got < 0) failed = true;
            } else if (!sendAll(ends[1 - i], buf, got)) {
                failed = true;
            }
        }
        if (failed) break;
    }
    ::close(client);
    ::close(onward);
}

}  // namespace docknet::real
