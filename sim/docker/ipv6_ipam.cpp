#include "sim/docker/ipv6_ipam.hpp"

#include <string_view>

namespace sim::docker {

using core::ErrorCode;
using core::fail;
using wire::Ipv6Address;
using wire::Ipv6Prefix;

Ipv6Ipam::Ipv6Ipam(Ipv6Prefix ulaBase) : m_ulaBase(ulaBase.network()) {}

core::Result<Ipv6Prefix> Ipv6Ipam::allocatePool(std::optional<Ipv6Prefix> requested) {
    auto overlaps = [&](const Ipv6Prefix& p) {
        for (const auto& [pool, unused] : m_pools)
            if (pool.overlaps(p)) return true;
        return false;
    };
    if (requested) {
        const Ipv6Prefix p = requested->network();
        if (overlaps(p)) return fail(ErrorCode::Conflict, "invalid pool request: Pool overlaps with other one on this address space");
        m_pools[p];
        return p;
    }
    // The /48 holds 65,536 /64s: the 16 bits after it number them.
    for (std::uint64_t n = 0; n < 65536; ++n) {
        const Ipv6Prefix p(Ipv6Address(m_ulaBase.address().high() | n, 0), 64);
        if (overlaps(p)) continue;
        m_pools[p];
        return p;
    }
    return fail(ErrorCode::Exhausted, "all predefined address pools have been fully subnetted");
}

void Ipv6Ipam::releasePool(const Ipv6Prefix& pool) { m_pools.erase(pool.network()); }

core::Result<Ipv6Address> Ipv6Ipam::allocateAddress(const Ipv6Prefix& pool, std::optional<Ipv6Address> preferred,
                                                    std::optional<Ipv6Prefix> range) {
    auto it = m_pools.find(pool.network());
    if (it == m_pools.end()) return fail(ErrorCode::NotFound, "cannot find address pool for poolID:" + pool.network().toString());
    auto& used = it->second;
    const Ipv6Address anycast = pool.network().address();
    if (preferred) {
        if (!pool.contains(*preferred) || *preferred == anycast) return fail(ErrorCode::InvalidArgument, "requested address is out of range");
        if (!used.insert(*preferred).second) return fail(ErrorCode::AddressInUse, "Address already in use");
        return *preferred;
    }
    const Ipv6Prefix where = range ? range->network() : pool.network();
    // Addresses are taken in order, so the first gap after the range's start is the lowest free
    // one; a /64 is never exhausted in practice, but a /126 is.
    Ipv6Address candidate = where.address() == anycast ? anycast.plus(1) : where.address();
    for (auto u = used.lower_bound(candidate); u != used.end() && *u == candidate; ++u) candidate = candidate.plus(1);
    if (!where.contains(candidate) || candidate == anycast)
        return fail(ErrorCode::Exhausted, "no available addresses on this pool");
    used.insert(candidate);
    return candidate;
}

void Ipv6Ipam::releaseAddress(const Ipv6Prefix& pool, const Ipv6Address& address) {
    if (auto it = m_pools.find(pool.network()); it != m_pools.end()) it->second.erase(address);
}

bool Ipv6Ipam::isAllocated(const Ipv6Prefix& pool, const Ipv6Address& address) const {
    auto it = m_pools.find(pool.network());
    return it != m_pools.end() && it->second.contains(address);
}

Ipv6Prefix ulaBaseFor(std::string_view hostId) {
    // FNV-1a over the host ID: docknet's stand-in for Docker's hash, stable per host as Docker's is.
    std::uint64_t h = 0xcbf29ce484222325ull;
    for (const char c : hostId) {
        h ^= static_cast<unsigned char>(c);
        h *= 0x100000001b3ull;
    }
    const std::uint64_t globalId = h & 0xffffffffffull;  // 40 bits
    return Ipv6Prefix(Ipv6Address((0xfdull << 56) | (globalId << 16), 0), 48);
}

}  // namespace sim::docker
