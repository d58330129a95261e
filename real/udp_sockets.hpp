// Real UDP sockets in the calling thread's namespace: the plan's bound ones (docker-proxy's for a
// published UDP port, dnsmasq's, the embedded DNS) and verify's one-datagram exchange.
#pragma once

#include <cstdint>
#include <string>

#include "sim/core/error.hpp"

namespace docknet::real {

/// A non-blocking UDP socket bound to address:port; the kernel's own EADDRINUSE
/// (ErrorCode::AddressInUse) when the port is taken.
sim::core::Result<int> bindUdp(const std::string& address, std::uint16_t port);

/// A non-blocking UDP socket of the calling thread's namespace, connected to dst:port (so an
/// ICMP port unreachable comes back as ECONNREFUSED), not yet sent on.
sim::core::Result<int> connectedUdpHere(const std::string& dst, std::uint16_t port);

/// Sends one datagram on `fd` (from connectedUdpHere, any thread) and waits up to `timeoutMs`:
/// "answered", "port unreachable" (ECONNREFUSED) or "no answer".
sim::core::Result<std::string> exchangeUdp(int fd, const std::string& payload, int timeoutMs);

}  // namespace docknet::real
