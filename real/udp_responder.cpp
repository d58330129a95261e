#include "real/udp_responder.hpp"

#include <netinet/in.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include "real/dns_answer.hpp"
#include "real/udp_sockets.hpp"

namespace docknet::real {

using sim::core::fail;
using sim::core::Result;

Result<int> bindDnsSocket() {
    auto fd = bindUdp("127.0.0.11", 53);
    if (!fd) return fail(fd.error().code, fd.error().message + " (is lo up?)");
    return fd;
}

UdpResponder::UdpResponder() : m_loop([this](int fd, std::uint32_t) { onReady(fd); }) {}

UdpResponder::~UdpResponder() {
    m_loop.stop();
    closeAll();
}

Result<void> UdpResponder::serve(int fd, std::optional<sim::plan::PlanResolver> records) {
    std::lock_guard lock(m_loop.mutex());
    if (auto w = m_loop.watch(fd, EPOLLIN); !w) {
        ::close(fd);
        return w;
    }
    m_sockets[fd] = Socket{std::move(records), 0};
    return {};
}

std::uint64_t UdpResponder::received(int fd) {
    std::lock_guard lock(m_loop.mutex());
    const auto it = m_sockets.find(fd);
    return it == m_sockets.end() ? 0 : it->second.received;
}

void UdpResponder::closeAll() {
    std::lock_guard lock(m_loop.mutex());
    for (const auto& [fd, _] : m_sockets) {
        m_loop.unwatch(fd);
        ::close(fd);
    }
    m_sockets.clear();
}

void UdpResponder::onReady(int fd) {
    const auto it = m_sockets.find(fd);
    if (it == m_sockets.end()) return;
    Socket& s = it->second;
    std::uint8_t buf[65536];
    for (;;) {  // drain: glibc sends A and AAAA back to back
        sockaddr_in from{};
        socklen_t len = sizeof from;
        const ssize_t got = ::recvfrom(fd, buf, sizeof buf, 0, reinterpret_cast<sockaddr*>(&from), &len);
        if (got < 0) break;  // EAGAIN: all read
        ++s.received;
        if (!s.records) continue;  // docker-proxy's: no answer, as in the sim
        const auto reply = answerQuery(*s.records, sim::wire::ByteView(buf, static_cast<std::size_t>(got)));
        if (reply) (void)::sendto(fd, reply->data(), reply->size(), 0, reinterpret_cast<const sockaddr*>(&from), len);
    }
}

}  // namespace docknet::real
