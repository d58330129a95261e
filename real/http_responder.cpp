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

HttpResponder::HttpResponder() {
    m_epoll = ::epoll_create1(EPOLL_CLOEXEC);
    m_wake = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    m_stopRelays = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    epoll_event ev{};
    ev.events = EPOLLIN;
    ev.data.fd = m_wake;
    ::epoll_ctl(m_epoll, EPOLL_CTL_ADD, m_wake, &ev);
    m_thread = std::thread([this] { loop(); });
}

HttpResponder::~HttpResponder() {
    const std::uint64_t one = 1;
    (void)!::write(m_wake, &one, sizeof one);
    m_thread.join();
    stopAll();
    ::close(m_stopRelays);
    ::close(m_wake);
    ::close(m_epoll);
}

Result<void> HttpResponder::serve(int listener, std::string owner) {
    std::lock_guard lock(m_mutex);
    // Non-blocking, so a client gone between readiness and accept cannot stall the thread.
    if (::fcntl(listener, F_SETFL, ::fcntl(listener, F_GETFL) | O_NONBLOCK) != 0)
        return fail(ErrorCode::Internal, std::string("fcntl: ") + std::strerror(errno));
    epoll_event ev{};
    ev.events = EPOLLIN;
    ev.data.fd = listener;
    if (::epoll_ctl(m_epoll, EPOLL_CTL_ADD, listener, &ev) != 0)
        return fail(ErrorCode::Internal, std::string("epoll_ctl: ") + std::strerror(errno));
    m_listeners[listener] = std::move(owner);
    return {};
}

Result<void> HttpResponder::serveProxy(int listener, OnwardOpener openOnward) {
    std::lock_guard lock(m_mutex);
    epoll_event ev{};
    ev.events = EPOLLIN;
    ev.data.fd = listener;
    if (::fcntl(listener, F_SETFL, ::fcntl(listener, F_GETFL) | O_NONBLOCK) != 0 ||
        ::epoll_ctl(m_epoll, EPOLL_CTL_ADD, listener, &ev) != 0)
        return fail(ErrorCode::Internal, std::string("docker-proxy listener: ") + std::strerror(errno));
    m_proxies[listener] = std::move(openOnward);
    return {};
}

void HttpResponder::stopAll() {
    std::vector<std::thread> relays;
    {
        std::lock_guard lock(m_mutex);
        for (const auto& [fd, _] : m_listeners) ::epoll_ctl(m_epoll, EPOLL_CTL_DEL, fd, nullptr);
        for (const auto& [fd, _] : m_proxies) ::epoll_ctl(m_epoll, EPOLL_CTL_DEL, fd, nullptr);
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
    std::lock_guard lock(m_mutex);
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
        epoll_event ev{};
        ev.events = EPOLLIN;
        ev.data.fd = c;
        if (::epoll_ctl(m_epoll, EPOLL_CTL_ADD, c, &ev) != 0) {
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
            epoll_event ev{};
            ev.events = EPOLLOUT;  // the rest when the peer's window opens
            ev.data.fd = fd;
            ::epoll_ctl(m_epoll, EPOLL_CTL_MOD, fd, &ev);
            return;
        }
        c.pending.erase(0, static_cast<std::size_t>(put));
    }
    // One answer a connection, then the close (curl reads by Content-Length either way).
    dropConnection(fd);
}

void HttpResponder::loop() {
    epoll_event events[16];
    for (;;) {
        const int n = ::epoll_wait(m_epoll, events, 16, -1);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return;
        for (int i = 0; i < n; ++i) {
            const int fd = events[i].data.fd;
            if (fd == m_wake) return;
            std::lock_guard lock(m_mutex);
            if (auto l = m_listeners.find(fd); l != m_listeners.end()) {
                onListener(fd, l->second);
            } else if (auto p = m_proxies.find(fd); p != m_proxies.end()) {
                onProxyListener(fd, p->second);
            } else if (auto c = m_connections.find(fd); c != m_connections.end()) {
                onConnection(fd, c->second);
            }
        }
    }
}

}  // namespace docknet::real
