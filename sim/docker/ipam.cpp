// Ipam: libnetwork's default IPAM (27), with a bitmap per pool. See ipam.hpp for the rules and
// the message sources.
#include "sim/docker/ipam.hpp"

#include <algorithm>
#include <bit>

namespace sim::docker {

namespace {
using core::ErrorCode;
using core::fail;

wire::Ipv4Prefix prefix(std::uint8_t a, std::uint8_t b, std::uint8_t c, std::uint8_t d, int len) {
    return wire::Ipv4Prefix(wire::Ipv4Address(a, b, c, d), len);
}
}  // namespace

std::string noAvailableAddressesMessage(std::string_view networkName, std::string_view networkId) {
    return "no available IPv4 addresses on this network's address pools: " + std::string(networkName) + " (" +
           std::string(networkId) + ")";
}

// ---- PoolData -----------------------------------------------------------------------------

bool Ipam::PoolData::test(std::uint64_t idx) const {
    const std::uint64_t w = idx / 64;
    return w < words.size() && ((words[w] >> (idx % 64)) & 1u);
}

void Ipam::PoolData::set(std::uint64_t idx) {
    const std::uint64_t w = idx / 64;
    if (w >= words.size()) words.resize(w + 1, 0);
    words[w] |= std::uint64_t(1) << (idx % 64);
}

void Ipam::PoolData::clear(std::uint64_t idx) {
    const std::uint64_t w = idx / 64;
    if (w < words.size()) words[w] &= ~(std::uint64_t(1) << (idx % 64));
}

std::optional<std::uint64_t> Ipam::PoolData::lowestFree() const {
    std::uint64_t idx = hint;
    while (idx < size) {
        if (reserved(idx)) {
            ++idx;
            continue;
        }
        const std::uint64_t w = idx / 64;
        if (w >= words.size()) return idx;  // nothing stored this far up: free
        const std::uint64_t below = (std::uint64_t(1) << (idx % 64)) - 1;
        const std::uint64_t word = words[w] | below;
        if (word == ~std::uint64_t(0)) {
            idx = (w + 1) * 64;
            continue;
        }
        idx = w * 64 + std::uint64_t(std::countr_one(word));
        if (idx >= size) return std::nullopt;
        if (reserved(idx)) {
            ++idx;
            continue;
        }
        return idx;
    }
    return std::nullopt;
}

// ---- Ipam ---------------------------------------------------------------------------------

std::vector<Ipam::PredefinedPool> Ipam::defaultLocalPools() {
    return {
        {prefix(172, 17, 0, 0, 16), 16}, {prefix(172, 18, 0, 0, 16), 16}, {prefix(172, 19, 0, 0, 16), 16},
        {prefix(172, 20, 0, 0, 14), 16}, {prefix(172, 24, 0, 0, 14), 16}, {prefix(172, 28, 0, 0, 14), 16},
        {prefix(192, 168, 0, 0, 16), 20},
    };
}

Ipam::Ipam() : Ipam(defaultLocalPools()) {}

Ipam::Ipam(std::vector<PredefinedPool> pools) {
    for (auto& p : pools) {
        p.base = p.base.network();
        p.size = std::clamp(p.size, p.base.length(), 32);
    }
    std::stable_sort(pools.begin(), pools.end(), [](const PredefinedPool& a, const PredefinedPool& b) {
        if (a.base.address() != b.base.address()) return a.base.address() < b.base.address();
        return a.base.length() < b.base.length();
    });
    for (const auto& p : pools)
        if (m_predefined.empty() || !m_predefined.back().base.overlaps(p.base)) m_predefined.push_back(p);
}

const Ipam::PoolData* Ipam::find(const wire::Ipv4Prefix& pool) const {
    auto it = m_pools.find(pool.network());
    return it == m_pools.end() ? nullptr : &it->second;
}

bool Ipam::overlapsAllocated(const wire::Ipv4Prefix& p) const {
    for (const auto& [net, data] : m_pools)
        if (net.overlaps(p)) return true;
    return false;
}

void Ipam::addPool(const wire::Ipv4Prefix& p) {
    PoolData d;
    d.base = p.networkAddress().value();
    d.size = p.size();
    d.reserveEnds = p.length() < 31;  // RFC 3021: /31 (and /32) keep both addresses
    m_pools.emplace(p, std::move(d));
}

core::Result<wire::Ipv4Prefix> Ipam::allocatePool(std::optional<wire::Ipv4Prefix> requested,
                                                  const std::vector<wire::Ipv4Prefix>& reserved) {
    if (requested) {
        const wire::Ipv4Prefix net = requested->network();
        if (overlapsAllocated(net))
            return fail(ErrorCode::Conflict, "invalid pool request: Pool overlaps with other one on this address space");
        addPool(net);
        return net;
    }
    auto taken = [&](const wire::Ipv4Prefix& candidate) {
        if (overlapsAllocated(candidate)) return true;
        return std::any_of(reserved.begin(), reserved.end(),
                           [&](const wire::Ipv4Prefix& r) { return r.network().overlaps(candidate); });
    };
    for (const auto& pool : m_predefined) {
        const std::uint64_t step = std::uint64_t(1) << (32 - pool.size);
        const std::uint64_t count = std::uint64_t(1) << (pool.size - pool.base.length());
        const std::uint64_t base = pool.base.networkAddress().value();
        for (std::uint64_t i = 0; i < count; ++i) {
            const wire::Ipv4Prefix candidate(wire::Ipv4Address(std::uint32_t(base + i * step)), pool.size);
            if (!taken(candidate)) {
                addPool(candidate);
                return candidate;
            }
        }
    }
    return fail(ErrorCode::Exhausted, "all predefined address pools have been fully subnetted");
}

void Ipam::releasePool(const wire::Ipv4Prefix& pool) { m_pools.erase(pool.network()); }

bool Ipam::hasPool(const wire::Ipv4Prefix& pool) const { return find(pool) != nullptr; }

std::vector<wire::Ipv4Prefix> Ipam::pools() const {
    std::vector<wire::Ipv4Prefix> out;
    out.reserve(m_pools.size());
    for (const auto& [net, data] : m_pools) out.push_back(net);
    return out;
}

core::Result<wire::Ipv4Address> Ipam::allocateAddress(const wire::Ipv4Prefix& pool,
                                                      std::optional<wire::Ipv4Address> preferred) {
    auto it = m_pools.find(pool.network());
    if (it == m_pools.end())
        return fail(ErrorCode::NotFound,
                    "cannot find address pool for poolID:" + pool.network().toString() + "/invalid Prefix");
    PoolData& d = it->second;
    if (preferred) {
        if (!pool.network().contains(*preferred))
            return fail(ErrorCode::InvalidArgument,
                        "no configured subnet or ip-range contain the IP address " + preferred->toString());
        const std::uint64_t idx = preferred->value() - d.base;
        if (d.reserved(idx) || d.test(idx)) return fail(ErrorCode::AddressInUse, "Address already in use");
        d.set(idx);
        ++d.count;
        return *preferred;
    }
    auto idx = d.lowestFree();
    if (!idx) return fail(ErrorCode::Exhausted, "no available addresses on this pool");
    d.set(*idx);
    ++d.count;
    d.hint = *idx + 1;  // idx was the lowest free one
    return wire::Ipv4Address(std::uint32_t(d.base + *idx));
}

core::Result<wire::Ipv4Address> Ipam::allocateAddressIn(const wire::Ipv4Prefix& pool, const wire::Ipv4Prefix& range) {
    auto it = m_pools.find(pool.network());
    if (it == m_pools.end())
        return fail(ErrorCode::NotFound,
                    "cannot find address pool for poolID:" + pool.network().toString() + "/invalid Prefix");
    PoolData& d = it->second;
    const std::uint64_t first = range.networkAddress().value() - d.base;
    const std::uint64_t count = std::uint64_t{1} << (32 - range.length());
    for (std::uint64_t idx = first; idx < first + count && idx < d.size; ++idx) {
        if (d.reserved(idx) || d.test(idx)) continue;
        d.set(idx);
        ++d.count;
        return wire::Ipv4Address(std::uint32_t(d.base + idx));
    }
    return fail(ErrorCode::Exhausted, "no available addresses on this pool");
}

void Ipam::releaseAddress(const wire::Ipv4Prefix& pool, wire::Ipv4Address address) {
    auto it = m_pools.find(pool.network());
    if (it == m_pools.end() || !pool.network().contains(address)) return;
    PoolData& d = it->second;
    const std::uint64_t idx = address.value() - d.base;
    if (d.reserved(idx) || !d.test(idx)) return;
    d.clear(idx);
    --d.count;
    d.hint = std::min(d.hint, idx);
}

bool Ipam::isAllocated(const wire::Ipv4Prefix& pool, wire::Ipv4Address address) const {
    const PoolData* d = find(pool);
    if (!d || !pool.network().contains(address)) return false;
    return d->test(address.value() - d->base);
}

std::uint64_t Ipam::allocatedCount(const wire::Ipv4Prefix& pool) const {
    const PoolData* d = find(pool);
    return d ? d->count : 0;
}

}  // namespace sim::docker
