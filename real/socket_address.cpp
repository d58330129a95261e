#include "real/socket_address.hpp"

#include <arpa/inet.h>

namespace docknet::real {

sim::core::Result<sockaddr_in> ipv4SocketAddress(const std::string& address, std::uint16_t port) {
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(port);
    if (::inet_pton(AF_INET, address.c_str(), &a.sin_addr) != 1)
        return sim::core::fail(sim::core::ErrorCode::InvalidArgument, "bad address " + address);
    return a;
}

}  // namespace docknet::real
