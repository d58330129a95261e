#include "real/http_responder.hpp"

#include <fcntl.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ctime>

#include "real/proxy_relay.hpp"
#include "sim/tools/tcp_probe.hpp"

namespace docknet::real {

using sim::core::ErrorCode;
using sim::core::fail;
using sim::core::Result;

namespace {

// A request larger than this is answered as it stands: the answer does not depend on it.
constexpr std::size_t kMaxRequest = 16 * 1024;

}  // namespace

bool servesConnections(const std::string& owner) { return owner != "docker-proxy"; }

bool answersHttp(const std::string& owner) { return sim::tools::httpReplyOf(owner).kind == sim::tools::HttpReply::Page; }

std::string httpAnswer(const std::string& owner, std::string_view request, std::int64_t unixSeconds) {
    const auto reply = sim::tools::httpReplyOf(owner);
    if (reply.kind != sim::tools::HttpReply::Page) return {};
    const std::string headers = sim::tools::httpResponseHeaders(reply, unixSeconds);
    return request.starts_with("HEAD ") ? headers : headers + reply.body;
}

HttpResponder::HttpResponder() : m_loop([this](int fd, std::uint32_t) { onReady(fd); }) {
    m_stopRelays = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
}

HttpResponder::~HttpResponder() {
    m_loop.stop();
    stopAll();
    ::close(m_stopRelays);
}

Result<void> HttpResponder::serve(int listener, std::string owner) {
    std::lock_guard lock(m_loop.mutex());
    // Non-blocking, so a client gone between readiness and accept cannot stall the thread.
    if (::fcntl(listener, F_SETFL, ::fcntl(listener, F_GETFL) | O_NONBLOCK) != 0)
        return fail(ErrorCode::Internal, std::string("fcntl: ") + std::strerror(errno));
    if (auto w = m_loop.watch(listener, EPOLLIN); !w) return w;
    m_listeners[listener] = std::move(owner);
    return {};
}

Result<void> HttpResponder::serveProxy(int listener, OnwardOpener openOnward) {
    std::lock_guard lock(m_loop.mutex());
    if (::fcntl(listener, F_SETFL, ::fcntl(listener, F_GETFL) | O_NONBLOCK) != 0)
        return fail(ErrorCode::Internal, std::string("docker-proxy listener: ") + std::strerror(errno));
    if (auto w = m_loop.watch(listener, EPOLLIN); !w)
        return fail(ErrorCode::Internal, "docker-proxy listener: " + w.error().message);
    m_proxies[listener] = std::move(openOnward);
    return {};
}

void HttpResponder::stopAll() {
    std::vector<std::thread> relays;
    {
        std::lock_guard lock(m_loop.mutex());
        for (const auto& [fd, _] : m_listeners) m_loop.unwatch(fd);
        for (const auto& [fd, _] : m_proxies) m_loop.unwatch(fd);
        m_listeners.clear();
        m_proxies.clear();
        relays.swap(m_relays);
    }
    // Outside the lock: a relay may still be waiting for its onward socket.
    const std::uint64_t one = 1;
    (void)!::write(m_stopRelays, &one, sizeof one);
    for (auto& t : relays) t.join();
    std::uint64_t drained = 0;
    (void)!::read(m_stopRelays, &drained, sizeof drained);  // later relays run again
    std::lock_guard lock(m_loop.mutex());
    for (const auto& [fd, _] : m_connections) ::close(fd);  // closing removes it from epoll
    m_connections.clear();
}

void HttpResponder::dropConnection(int fd) {
    ::close(fd);
    m_connections.erase(fd);
}

void HttpResponder::onListener(int fd, const std::string& owner) {
    for (;;) {
        const int c = ::accept4(fd, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (c < 0) return;  // EAGAIN: all taken
        if (!m_loop.watch(c, EPOLLIN)) {
            ::close(c);
            continue;
        }
        m_connections[c] = Connection{owner, {}, {}};
    }
}

void HttpResponder::onProxyListener(int fd, const OnwardOpener& openOnward) {
    for (;;) {
        const int client = ::accept4(fd, nullptr, nullptr, SOCK_CLOEXEC);  // blocking: the relay waits on it
        if (client < 0) return;
        m_relays.emplace_back([client, openOnward, stop = m_stopRelays] {
            auto onward = openOnward();
            if (!onward) return resetAndClose(client);
            relayBothWays(client, *onward, stop);
        });
    }
}

void HttpResponder::onConnection(int fd, Connection& c) {
    if (c.pending.empty()) {
        char buf[4096];
        for (;;) {
            const ssize_t got = ::read(fd, buf, sizeof buf);
            if (got == 0) return dropConnection(fd);  // the client left before asking
            if (got < 0) {
                if (errno == EAGAIN || errno == EWOULDBLOCK) break;
                return dropConnection(fd);
            }
            c.request.append(buf, static_cast<std::size_t>(got));
        }
        if (c.request.find("\r\n\r\n") == std::string::npos && c.request.size() < kMaxRequest) return;  // more to come
        c.pending = httpAnswer(c.owner, c.request, static_cast<std::int64_t>(std::time(nullptr)));
        if (c.pending.empty()) return dropConnection(fd);  // the sim's non-HTTP services: no reply
    }
    while (!c.pending.empty()) {
        const ssize_t put = ::send(fd, c.pending.data(), c.pending.size(), MSG_NOSIGNAL);
        if (put < 0) {
            if (errno != EAGAIN && errno != EWOULDBLOCK) return dropConnection(fd);
            m_loop.rewatch(fd, EPOLLOUT);  // the rest when the peer's window opens
            return;
        }
        c.pending.erase(0, static_cast<std::size_t>(put));
    }
    // One answer a connection, then the close (curl reads by Content-Length either way).
    dropConnection(fd);
}

void HttpResponder::onReady(int fd) {
    if (auto l = m_listeners.find(fd); l != m_listeners.end()) {
        onListener(fd, l->second);
    } else if (auto p = m_proxies.find(fd); p != m_proxies.end()) {
        onProxyListener(fd, p->second);
    } else if (auto c = m_connections.find(fd); c != m_connections.end()) {
        onConnection(fd, c->second);
    }
}

}  // namespace docknet::real
