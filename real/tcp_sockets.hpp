// Real TCP sockets in the calling thread's namespace: the plan's listeners (bound and listening;
// the kernel completes handshakes into the backlog, so nothing needs to accept for a connect
// check) and a connect with a timeout, in simConnect's words.
#pragma once

#include <cstdint>
#include <string>

#include "sim/core/error.hpp"

namespace docknet::real {

/// The listening socket's fd; the kernel's own EADDRINUSE when the port is taken.
sim::core::Result<int> listenTcp(const std::string& address, std::uint16_t port);
/// A non-blocking TCP socket of the calling thread's namespace, not yet connected.
sim::core::Result<int> tcpSocketHere();
/// Connects `fd` (from tcpSocketHere, any thread) to dst:port and makes it blocking; the
/// outcome's words as the error message when it does not connect ("172.17.0.3:81 refused").
sim::core::Result<void> connectSocket(int fd, const std::string& dst, std::uint16_t port, int timeoutMs);
/// A blocking socket connected to dst:port (docker-proxy's onward leg); the outcome's words as
/// the error message when it does not connect.
sim::core::Result<int> openConnectedTcp(const std::string& dst, std::uint16_t port, int timeoutMs);
/// "connected", "refused", "unreachable" or "timed out".
sim::core::Result<std::string> connectTcp(const std::string& dst, std::uint16_t port, int timeoutMs);

}  // namespace docknet::real
