// httpGetOver: one HTTP/1.1 GET, as the sim's curl sends it, for capture's replay of a script's
// curl lines: the answer summed up in a few words. It runs on any thread over a socket made in
// the asker's namespace (tcpSocketHere on the NamespaceWorker), so the worker stays free for
// what the answer needs: docker-proxy's onward leg is made there too.
#pragma once

#include <cstdint>
#include <string>

#include "sim/core/error.hpp"

namespace docknet::real {

/// Takes `socketFd` (unconnected, closed when done): "HTTP/1.1 200 OK, 615 bytes", "empty
/// reply", "reset", or the failed connect's words ("172.17.0.3:81 refused"); never longer than
/// timeoutMs per step (connect, each read).
sim::core::Result<std::string> httpGetOver(int socketFd, const std::string& dst, std::uint16_t port, const std::string& path,
                                           int timeoutMs);

}  // namespace docknet::real
