#include "real/epoll_loop.hpp"

#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

namespace docknet::real {

using sim::core::ErrorCode;
using sim::core::fail;
using sim::core::Result;

EpollLoop::EpollLoop(OnReady onReady) : m_onReady(std::move(onReady)) {
    m_epoll = ::epoll_create1(EPOLL_CLOEXEC);
    m_wake = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    epoll_event ev{};
    ev.events = EPOLLIN;
    ev.data.fd = m_wake;
    ::epoll_ctl(m_epoll, EPOLL_CTL_ADD, m_wake, &ev);
    m_thread = std::thread([this] { loop(); });
}

EpollLoop::~EpollLoop() {
    stop();
    ::close(m_wake);
    ::close(m_epoll);
}

void EpollLoop::stop() {
    if (!m_thread.joinable()) return;
    const std::uint64_t one = 1;
    (void)!::write(m_wake, &one, sizeof one);
    m_thread.join();
}

Result<void> EpollLoop::watch(int fd, std::uint32_t events) {
    epoll_event ev{};
    ev.events = events;
    ev.data.fd = fd;
    if (::epoll_ctl(m_epoll, EPOLL_CTL_ADD, fd, &ev) != 0)
        return fail(ErrorCode::Internal, std::string("epoll_ctl: ") + std::strerror(errno));
    return {};
}

void EpollLoop::rewatch(int fd, std::uint32_t events) {
    epoll_event ev{};
    ev.events = events;
    ev.data.fd = fd;
    ::epoll_ctl(m_epoll, EPOLL_CTL_MOD, fd, &ev);
}

void EpollLoop::unwatch(int fd) { ::epoll_ctl(m_epoll, EPOLL_CTL_DEL, fd, nullptr); }

void EpollLoop::loop() {
    epoll_event events[16];
    for (;;) {
        const int n = ::epoll_wait(m_epoll, events, 16, -1);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return;
        for (int i = 0; i < n; ++i) {
            if (events[i].data.fd == m_wake) return;
            std::lock_guard lock(m_mutex);
            m_onReady(events[i].data.fd, events[i].events);
        }
    }
}

}  // namespace docknet::real
