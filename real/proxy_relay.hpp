// relayBothWays: docker-proxy's forwarding for one connection, on a thread of its own: bytes
// copied between the accepted client socket and the onward socket (made and connected inside
// the proxy's namespace by the caller) until both sides have closed or `stopFd` is readable.
// Closes both sockets. The sim's proxy does the same with a refused onward connect answered by a
// reset, which resetAndClose gives the client.
#pragma once

namespace docknet::real {

void relayBothWays(int client, int onward, int stopFd);
/// Closes `fd` with SO_LINGER 0: the peer gets a RST ("Connection reset by peer").
void resetAndClose(int fd);

}  // namespace docknet::real
