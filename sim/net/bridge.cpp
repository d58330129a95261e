#include "sim/net/bridge.hpp"

#include <algorithm>

namespace sim::net {

void Bridge::addPort(core::InterfaceId port) {
    if (m_portSet.insert(port).second) m_ports.push_back(port);
}

void Bridge::removePort(core::InterfaceId port) {
    if (m_portSet.erase(port) == 0) return;
    std::erase(m_ports, port);
    m_fdb.flushPort(port, /*includeLocal=*/true);
}

bool Bridge::hasPort(core::InterfaceId port) const {
    return m_portSet.contains(port);
}

}  // namespace sim::net
