#include "real/icmp_probe.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/ip_icmp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>

namespace docknet::real {

using sim::core::ErrorCode;
using sim::core::fail;

sim::core::Result<bool> pingOnce(const std::string& dst, int timeoutMs) {
    sockaddr_in to{};
    to.sin_family = AF_INET;
    if (::inet_pton(AF_INET, dst.c_str(), &to.sin_addr) != 1) return fail(ErrorCode::InvalidArgument, "bad address " + dst);
    const int s = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, IPPROTO_ICMP);
    if (s < 0)
        return fail(ErrorCode::Forbidden, std::string("ICMP datagram socket: ") + std::strerror(errno) +
                                              " (is net.ipv4.ping_group_range set in this namespace?)");
    unsigned char packet[64] = {};  // 8 header bytes + 56 data bytes, as ping(8) sends
    auto* icmp = reinterpret_cast<icmphdr*>(packet);
    icmp->type = ICMP_ECHO;
    icmp->un.echo.sequence = htons(1);  // the kernel fills in the id (the socket's port) and checksum
    for (std::size_t i = sizeof(icmphdr); i < sizeof packet; ++i) packet[i] = static_cast<unsigned char>(i);
    if (::sendto(s, packet, sizeof packet, 0, reinterpret_cast<sockaddr*>(&to), sizeof to) < 0) {
        const int e = errno;
        ::close(s);
        // Unreachable network: the kernel says so at once; that is a "no".
        if (e == ENETUNREACH || e == EHOSTUNREACH) return false;
        return fail(ErrorCode::Internal, std::string("sendto ") + dst + ": " + std::strerror(e));
    }
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
    bool answered = false;
    for (;;) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()).count();
        if (left <= 0) break;
        pollfd p{s, POLLIN, 0};
        if (::poll(&p, 1, static_cast<int>(left)) <= 0) break;
        unsigned char reply[256];
        const ssize_t n = ::recv(s, reply, sizeof reply, 0);
        if (n < 0) break;  // an ICMP error (host unreachable) arrives as a socket error
        if (n >= static_cast<ssize_t>(sizeof(icmphdr))) {
            const auto* r = reinterpret_cast<const icmphdr*>(reply);
            if (r->type == ICMP_ECHOREPLY && r->un.echo.sequence == htons(1)) {
                answered = true;
                break;
            }
        }
    }
    ::close(s);
    return answered;
}

}  // namespace docknet::real
