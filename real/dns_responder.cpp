#include "real/dns_responder.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "real/dns_answer.hpp"

namespace docknet::real {

using sim::core::ErrorCode;
using sim::core::fail;
using sim::core::Result;

Result<int> bindDnsSocket() {
    const int fd = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (fd < 0) return fail(ErrorCode::Internal, std::string("socket: ") + std::strerror(errno));
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(53);
    a.sin_addr.s_addr = htonl(0x7f00000b);  // 127.0.0.11
    if (::bind(fd, reinterpret_cast<const sockaddr*>(&a), sizeof a) != 0) {
        const int e = errno;
        ::close(fd);
        return fail(ErrorCode::Internal, std::string("bind 127.0.0.11:53: ") + std::strerror(e) + " (is lo up?)");
    }
    return fd;
}

DnsResponder::DnsResponder() {
    m_epoll = ::epoll_create1(EPOLL_CLOEXEC);
    m_wake = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    epoll_event ev{};
    ev.events = EPOLLIN;
    ev.data.fd = m_wake;
    ::epoll_ctl(m_epoll, EPOLL_CTL_ADD, m_wake, &ev);
    m_thread = std::thread([this] { loop(); });
}

DnsResponder::~DnsResponder() {
    const std::uint64_t one = 1;
    (void)!::write(m_wake, &one, sizeof one);
    m_thread.join();
    closeAll();
    ::close(m_wake);
    ::close(m_epoll);
}

Result<void> DnsResponder::serve(int fd, sim::plan::PlanResolver records) {
    std::lock_guard lock(m_mutex);
    epoll_event ev{};
    ev.events = EPOLLIN;
    ev.data.fd = fd;
    if (::epoll_ctl(m_epoll, EPOLL_CTL_ADD, fd, &ev) != 0) {
        const int e = errno;
        ::close(fd);
        return fail(ErrorCode::Internal, std::string("epoll_ctl: ") + std::strerror(e));
    }
    m_sockets[fd] = std::move(records);
    return {};
}

void DnsResponder::closeAll() {
    std::lock_guard lock(m_mutex);
    for (const auto& [fd, _] : m_sockets) {
        ::epoll_ctl(m_epoll, EPOLL_CTL_DEL, fd, nullptr);
        ::close(fd);
    }
    m_sockets.clear();
}

void DnsResponder::loop() {
    epoll_event events[16];
    std::uint8_t buf[1500];
    for (;;) {
        const int n = ::epoll_wait(m_epoll, events, 16, -1);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return;
        for (int i = 0; i < n; ++i) {
            const int fd = events[i].data.fd;
            if (fd == m_wake) return;
            std::lock_guard lock(m_mutex);
            const auto it = m_sockets.find(fd);
            if (it == m_sockets.end()) continue;
            for (;;) {  // drain: glibc sends A and AAAA back to back
                sockaddr_in from{};
                socklen_t len = sizeof from;
                const ssize_t got = ::recvfrom(fd, buf, sizeof buf, 0, reinterpret_cast<sockaddr*>(&from), &len);
                if (got <= 0) break;
                const auto reply = answerQuery(it->second, sim::wire::ByteView(buf, static_cast<std::size_t>(got)));
                if (reply)
                    (void)::sendto(fd, reply->data(), reply->size(), 0, reinterpret_cast<const sockaddr*>(&from), len);
            }
        }
    }
}

}  // namespace docknet::real
