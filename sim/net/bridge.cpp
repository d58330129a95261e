#include "sim/net/bridge.hpp"

#include <algorithm>

namespace sim::net {

void Bridge::addPort(core::InterfaceId port) {
    if (!hasPort(port)) m_ports.push_back(port);
}

void Bridge::removePort(core::InterfaceId port) {
    std::erase(m_ports, port);
    m_fdb.flushPort(port, /*includeLocal=*/true);
}

bool Bridge::hasPort(core::InterfaceId port) const {
    return std::find(m_ports.begin(), m_ports.end(), port) != m_ports.end();
}

}  // namespace sim::net
