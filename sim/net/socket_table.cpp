#include "sim/net/socket_table.hpp"

namespace sim::net {

std::string_view toString(Transport t) { return t == Transport::Tcp ? "tcp" : "udp"; }

core::Result<SocketId> SocketTable::bind(Transport t, wire::Ipv4Address address, std::uint16_t port, std::string owner,
                                         UdpReceiver receiver) {
    if (port == 0) return core::fail(core::ErrorCode::InvalidArgument, "Invalid argument");
    // Every socket on this transport and port: same address, or either side the wildcard.
    for (auto it = m_sockets.lower_bound(Key{t, port, wire::Ipv4Address::any()});
         it != m_sockets.end() && it->first.transport == t && it->first.port == port; ++it) {
        if (it->first.address == address || it->first.address.isAny() || address.isAny())
            return core::fail(core::ErrorCode::AddressInUse, "Address already in use");
    }
    const SocketId id(m_nextId++);
    m_sockets.emplace(Key{t, port, address}, SocketInfo{id, t, address, port, std::move(owner), 0});
    m_byId.emplace(id, Key{t, port, address});
    if (receiver) m_receivers.emplace(id, std::move(receiver));
    return id;
}

bool SocketTable::close(SocketId id) {
    auto it = m_byId.find(id);
    if (it == m_byId.end()) return false;
    m_sockets.erase(it->second);
    m_receivers.erase(id);
    m_byId.erase(it);
    return true;
}

const SocketInfo* SocketTable::lookup(Transport t, wire::Ipv4Address dst, std::uint16_t port) const {
    if (auto it = m_sockets.find(Key{t, port, dst}); it != m_sockets.end()) return &it->second;
    if (auto it = m_sockets.find(Key{t, port, wire::Ipv4Address::any()}); it != m_sockets.end()) return &it->second;
    return nullptr;
}

SocketInfo* SocketTable::lookupMutable(Transport t, wire::Ipv4Address dst, std::uint16_t port) {
    return const_cast<SocketInfo*>(lookup(t, dst, port));
}

const UdpReceiver* SocketTable::receiver(SocketId id) const {
    auto it = m_receivers.find(id);
    return it == m_receivers.end() ? nullptr : &it->second;
}

bool SocketTable::isPortUsed(Transport t, std::uint16_t port) const {
    auto it = m_sockets.lower_bound(Key{t, port, wire::Ipv4Address::any()});
    return it != m_sockets.end() && it->first.transport == t && it->first.port == port;
}

std::vector<SocketInfo> SocketTable::sockets() const {
    std::vector<SocketInfo> out;
    for (const auto& [k, s] : m_sockets) out.push_back(s);
    std::sort(out.begin(), out.end(), [](const SocketInfo& a, const SocketInfo& b) {
        if (a.transport != b.transport) return a.transport < b.transport;
        if (a.address != b.address) return a.address < b.address;
        return a.port < b.port;
    });
    return out;
}

}  // namespace sim::net
