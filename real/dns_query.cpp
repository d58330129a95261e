#include "real/dns_query.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "sim/wire/dns_message.hpp"

namespace docknet::real {

using sim::core::ErrorCode;
using sim::core::fail;

sim::core::Result<std::string> queryEmbeddedDns(const std::string& name, bool pointer, int timeoutMs) {
    using namespace sim::wire;
    const int fd = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return fail(ErrorCode::Internal, std::string("socket: ") + std::strerror(errno));
    struct Closer {
        int fd;
        ~Closer() { ::close(fd); }
    } closer{fd};
    sockaddr_in to{};
    to.sin_family = AF_INET;
    to.sin_port = htons(53);
    to.sin_addr.s_addr = htonl(0x7f00000b);  // 127.0.0.11: the only destination, on this namespace's lo
    if (::connect(fd, reinterpret_cast<const sockaddr*>(&to), sizeof to) != 0)
        return fail(ErrorCode::Internal, std::string("connect 127.0.0.11:53: ") + std::strerror(errno));
    const std::uint16_t id = static_cast<std::uint16_t>(::getpid() ^ static_cast<int>(name.size() * 7919));
    const Bytes query = DnsMessage::query(id, name, pointer ? kDnsTypePtr : kDnsTypeA).encode();
    if (::send(fd, query.data(), query.size(), 0) < 0)
        return fail(ErrorCode::Internal, std::string("send: ") + std::strerror(errno));
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, timeoutMs) <= 0) return std::string("no answer");
    std::uint8_t buf[1500];
    const ssize_t got = ::recv(fd, buf, sizeof buf, 0);
    if (got < 0) return errno == ECONNREFUSED ? std::string("refused (no resolver)") : std::string("no answer");
    auto reply = DnsMessage::decode(ByteView(buf, static_cast<std::size_t>(got)));
    if (!reply) return std::string("garbled answer: ") + reply.error().message;
    if (reply->id != id) return std::string("answer to another query");
    if (reply->rcode == DnsRcode::NxDomain) return std::string("NXDOMAIN");
    if (reply->rcode != DnsRcode::NoError) return "rcode " + std::to_string(static_cast<int>(reply->rcode));
    for (const auto& a : reply->answers) {
        if (pointer && a.type == kDnsTypePtr) return a.target;
        if (!pointer && a.type == kDnsTypeA) return a.address.toString();
    }
    return std::string("no records");
}

}  // namespace docknet::real
