#include "sim/net/socket_table.hpp"

namespace sim::net {

std::string_view toString(Transport t) { return t == Transport::Tcp ? "tcp" : "udp"; }

template <typename Fn>
bool SocketTable::anyOnPort(Transport t, std::uint16_t port, Fn&& pred) const {
    for (auto it = m_sockets.lower_bound(Key{t, port, false, wire::Ipv4Address::any()});
         it != m_sockets.end() && it->first.transport == t && it->first.port == port; ++it)
        if (pred(it->second)) return true;
    return false;
}

core::Result<SocketId> SocketTable::insert(Key key, SocketInfo info, UdpReceiver receiver) {
    const SocketId id(m_nextId++);
    info.id = id;
    m_sockets.emplace(key, std::move(info));
    m_byId.emplace(id, key);
    if (receiver) m_receivers.emplace(id, std::move(receiver));
    return id;
}

core::Result<SocketId> SocketTable::bind(Transport t, wire::Ipv4Address address, std::uint16_t port, std::string owner,
                                         UdpReceiver receiver) {
    if (port == 0) return core::fail(core::ErrorCode::InvalidArgument, "Invalid argument");
    // Same address, either side the IPv4 wildcard, or a dual-stack [::] (it holds every IPv4 address).
    const bool clash = anyOnPort(t, port, [&](const SocketInfo& s) {
        if (s.family == SocketFamily::Inet6Only) return false;
        if (s.family == SocketFamily::Inet6DualStack) return true;
        return s.address == address || s.address.isAny() || address.isAny();
    });
    if (clash) return core::fail(core::ErrorCode::AddressInUse, "Address already in use");
    return insert(Key{t, port, false, address}, SocketInfo{{}, t, address, port, std::move(owner), 0, SocketFamily::Inet},
                  std::move(receiver));
}

core::Result<SocketId> SocketTable::bindIpv6Any(Transport t, std::uint16_t port, bool v6only, std::string owner) {
    if (port == 0) return core::fail(core::ErrorCode::InvalidArgument, "Invalid argument");
    // Another [::] always clashes; an IPv4 socket only when this one is dual-stack.
    const bool clash = anyOnPort(t, port, [&](const SocketInfo& s) { return s.isIpv6() || !v6only; });
    if (clash) return core::fail(core::ErrorCode::AddressInUse, "Address already in use");
    const SocketFamily family = v6only ? SocketFamily::Inet6Only : SocketFamily::Inet6DualStack;
    return insert(Key{t, port, true, wire::Ipv4Address::any()},
                  SocketInfo{{}, t, wire::Ipv4Address::any(), port, std::move(owner), 0, family}, {});
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
    if (auto it = m_sockets.find(Key{t, port, false, dst}); it != m_sockets.end()) return &it->second;
    if (auto it = m_sockets.find(Key{t, port, false, wire::Ipv4Address::any()}); it != m_sockets.end()) return &it->second;
    // IPv4 traffic reaches a dual-stack [::] socket as a v4-mapped peer.
    if (auto it = m_sockets.find(Key{t, port, true, wire::Ipv4Address::any()});
        it != m_sockets.end() && it->second.family == SocketFamily::Inet6DualStack)
        return &it->second;
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
    return anyOnPort(t, port, [](const SocketInfo&) { return true; });
}

std::vector<SocketInfo> SocketTable::sockets() const {
    std::vector<SocketInfo> out;
    for (const auto& [k, s] : m_sockets) out.push_back(s);
    std::sort(out.begin(), out.end(), [](const SocketInfo& a, const SocketInfo& b) {
        if (a.transport != b.transport) return a.transport < b.transport;
        if (a.isIpv6() != b.isIpv6()) return b.isIpv6();
        if (a.address != b.address) return a.address < b.address;
        return a.port < b.port;
    });
    return out;
}

}  // namespace sim::net
