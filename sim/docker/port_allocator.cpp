// PortAllocator: libnetwork's RequestPortInRange / findPort / ReleasePort, with an optional
// wildcard-conflict rule (see the header).
#include "sim/docker/port_allocator.hpp"

#include <string>

namespace sim::docker {

PortAllocator::PortAllocator(Mode mode, std::uint16_t ephemeralStart, std::uint16_t ephemeralEnd)
    : m_mode(mode), m_begin(ephemeralStart), m_end(ephemeralEnd) {}

bool PortAllocator::heldExactly(PortProto proto, std::uint32_t ip, std::uint16_t port) const {
    auto it = m_books.find({proto, ip});
    return it != m_books.end() && it->second.contains(port);
}

bool PortAllocator::heldOnIpv6Any(PortProto proto, std::uint16_t port) const {
    auto it = m_ipv6Any.find(proto);
    return it != m_ipv6Any.end() && it->second.contains(port);
}

bool PortAllocator::conflicts(PortProto proto, wire::Ipv4Address hostIp, std::uint16_t port) const {
    if (heldExactly(proto, hostIp.value(), port)) return true;
    if (m_mode == Mode::PerAddress) return false;
    if (!hostIp.isAny()) return heldExactly(proto, 0, port);
    for (const auto& [key, book] : m_books)
        if (key.first == proto && book.contains(port)) return true;
    return false;
}

core::Result<std::uint16_t> PortAllocator::allocate(PortProto proto, wire::Ipv4Address hostIp, std::uint16_t start,
                                                    std::uint16_t end, bool withIpv6Any, bool onIpv4) {
    auto take = [&](std::uint16_t port) {
        if (onIpv4) m_books[{proto, hostIp.value()}].insert(port);
        if (withIpv6Any) m_ipv6Any[proto].insert(port);
    };
    auto heldOnAsked = [&](std::uint16_t port) {
        return (onIpv4 && conflicts(proto, hostIp, port)) || (withIpv6Any && heldOnIpv6Any(proto, port));
    };
    // A specific port: the first address that holds it is the one named.
    if (start > 0 && start == end) {
        auto taken = [&](const std::string& ip) {
            return core::fail(core::ErrorCode::AddressInUse,
                              "Bind for " + ip + ":" + std::to_string(start) + " failed: port is already allocated");
        };
        if (onIpv4 && conflicts(proto, hostIp, start)) return taken(hostIp.toString());
        if (withIpv6Any && heldOnIpv6Any(proto, start)) return taken("::");
        take(start);
        return start;
    }
    // A range: the default ephemeral one, or the caller's.
    std::uint16_t begin = m_begin, last = m_end;
    if (!(start == 0 && end == 0)) {
        if (start == 0 || end == 0 || end < start)
            return core::fail(core::ErrorCode::InvalidArgument,
                              "invalid port range: " + std::to_string(start) + "-" + std::to_string(end));
        begin = start;
        last = end;
    }
    const CursorKey cursorKey{proto, !onIpv4, onIpv4 ? hostIp.value() : 0u, begin, last};
    auto cursorIt = m_last.try_emplace(cursorKey, last).first;  // newPortRange: last = end
    std::uint32_t port = cursorIt->second;
    const std::uint32_t span = std::uint32_t(last) - begin + 1;
    for (std::uint32_t i = 0; i < span; ++i) {
        ++port;
        if (port > last) port = begin;
        if (!heldOnAsked(std::uint16_t(port))) {
            take(std::uint16_t(port));
            cursorIt->second = std::uint16_t(port);
            return std::uint16_t(port);
        }
    }
    return core::fail(core::ErrorCode::Exhausted, "all ports are allocated");
}

void PortAllocator::release(PortProto proto, wire::Ipv4Address hostIp, std::uint16_t port, bool withIpv6Any,
                            bool onIpv4) {
    auto it = onIpv4 ? m_books.find({proto, hostIp.value()}) : m_books.end();
    if (it != m_books.end()) it->second.erase(port);
    if (withIpv6Any) m_ipv6Any[proto].erase(port);
}

bool PortAllocator::isAllocatedOnIpv6Any(PortProto proto, std::uint16_t port) const { return heldOnIpv6Any(proto, port); }

bool PortAllocator::isAllocated(PortProto proto, wire::Ipv4Address hostIp, std::uint16_t port) const {
    return heldExactly(proto, hostIp.value(), port);
}

bool PortAllocator::isAvailable(PortProto proto, wire::Ipv4Address hostIp, std::uint16_t port) const {
    return port != 0 && !conflicts(proto, hostIp, port);
}

void PortAllocator::releaseAll() {
    m_books.clear();
    m_ipv6Any.clear();
    m_last.clear();
}

}  // namespace sim::docker
