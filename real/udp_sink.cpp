#include "real/udp_sink.hpp"

#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace docknet::real {

UdpSink::UdpSink() : m_loop([this](int fd, std::uint32_t) { onReady(fd); }) {}

UdpSink::~UdpSink() {
    m_loop.stop();
    closeAll();
}

sim::core::Result<void> UdpSink::serve(int fd) {
    std::lock_guard lock(m_loop.mutex());
    if (auto w = m_loop.watch(fd, EPOLLIN); !w) {
        ::close(fd);
        return w;
    }
    m_received[fd] = 0;
    return {};
}

std::uint64_t UdpSink::received(int fd) {
    std::lock_guard lock(m_loop.mutex());
    const auto it = m_received.find(fd);
    return it == m_received.end() ? 0 : it->second;
}

void UdpSink::closeAll() {
    std::lock_guard lock(m_loop.mutex());
    for (const auto& [fd, _] : m_received) {
        m_loop.unwatch(fd);
        ::close(fd);
    }
    m_received.clear();
}

void UdpSink::onReady(int fd) {
    const auto it = m_received.find(fd);
    if (it == m_received.end()) return;
    char buf[65536];
    while (::recv(fd, buf, sizeof buf, 0) >= 0) ++it->second;  // until EAGAIN
}

}  // namespace docknet::real
