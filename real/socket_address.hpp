// The sockaddr_in of a dotted IPv4 address and a port, for the lab's TCP and UDP sockets.
#pragma once

#include <netinet/in.h>

#include <cstdint>
#include <string>

#include "sim/core/error.hpp"

namespace docknet::real {

/// InvalidArgument for anything inet_pton does not read as IPv4.
sim::core::Result<sockaddr_in> ipv4SocketAddress(const std::string& address, std::uint16_t port);

}  // namespace docknet::real
