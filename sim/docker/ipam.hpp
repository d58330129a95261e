// libnetwork's default IPAM driver, local address space, IPv4 (moby/moby:
// libnetwork/ipams/defaultipam/{allocator,address_space}.go as of v27, read for this file).
//
// Subnets: a requested subnet must not overlap any allocated one; otherwise the LOWEST free
// predefined subnet is taken (27's allocatePredefinedPool; <=26 was round-robin and is not
// modelled), so a removed network's subnet is reused at once. The predefined local pools are
// docker-facts 1.1: 172.17-19.0.0/16, 172.20/14, 172.24/14, 172.28/14 split into /16s, then
// 192.168.0.0/16 split into /20s.
//
// Addresses: the network address and (for prefixes shorter than /31) the broadcast address are
// never handed out; otherwise the lowest free address from .1 up (non-serial allocation, as for
// every local network), or the preferred one. The gateway is simply the caller's first request.
// Bookkeeping is a lazily grown bitmap plus a lowest-free hint per pool, so allocating 10,000
// addresses in a /16 is linear overall (no rescan from .1 per allocation).
//
// Error messages (verified in moby unless noted):
//   allocatePool, overlap          `invalid pool request: Pool overlaps with other one on this address space` (27)
//   allocatePool, none left        `all predefined address pools have been fully subnetted`
//   allocateAddress, taken         `Address already in use` (ipamapi.ErrIPAlreadyAllocated)
//   allocateAddress, outside pool  `no configured subnet or ip-range contain the IP address 172.19.0.5`
//                                  (the 25-27 daemon check that runs before IPAM; IPAM itself would
//                                  say `requested address is out of range`)
//   allocateAddress, pool full     `no available addresses on this pool` (ipamapi.ErrNoAvailableIPs,
//                                  code Exhausted). The user never sees this one: libnetwork's
//                                  endpoint code replaces it with noAvailableAddressesMessage().
//   allocateAddress, unknown pool  `cannot find address pool for poolID:172.18.0.0/16/invalid Prefix`
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sim/core/error.hpp"
#include "sim/wire/ipv4_address.hpp"

namespace sim::docker {

/// `no available IPv4 addresses on this network's address pools: NAME (ID)` — what the user sees
/// when a network runs out of addresses (libnetwork endpoint.go ipamAllocateVersion; verified).
/// <=27 passes the full 64-hex network ID (n.ID()).
std::string noAvailableAddressesMessage(std::string_view networkName, std::string_view networkId);

class Ipam {
public:
    /// One entry of the daemon's default-address-pools: `base` is split into /`size` subnets.
    struct PredefinedPool {
        wire::Ipv4Prefix base;
        int size = 16;
    };
    /// docker-facts 1.1, in order.
    static std::vector<PredefinedPool> defaultLocalPools();

    Ipam();  // the default local pools
    /// Custom pools (dockerd --default-address-pool). Sorted by address; a pool overlapping an
    /// earlier one is dropped, as newAddrSpace does.
    explicit Ipam(std::vector<PredefinedPool> pools);

    /// Reserves a subnet: the requested one (masked to its network), or the lowest free
    /// predefined one that overlaps neither an allocated subnet nor `reserved` (prefixes in use
    /// on the host, libnetwork's Exclude list).
    core::Result<wire::Ipv4Prefix> allocatePool(std::optional<wire::Ipv4Prefix> requested,
                                                const std::vector<wire::Ipv4Prefix>& reserved = {});
    /// Frees the subnet and every address in it. Unknown pools are ignored.
    void releasePool(const wire::Ipv4Prefix& pool);
    [[nodiscard]] bool hasPool(const wire::Ipv4Prefix& pool) const;
    /// Allocated subnets in address order.
    [[nodiscard]] std::vector<wire::Ipv4Prefix> pools() const;

    /// An address of `pool`: `preferred` if given, else the lowest free one from .1 up.
    core::Result<wire::Ipv4Address> allocateAddress(const wire::Ipv4Prefix& pool,
                                                    std::optional<wire::Ipv4Address> preferred = {});
    /// The lowest free address of `range`, a part of `pool` (--ip-range: getAddress over the child
    /// subnet). Only the pool's own network and broadcast addresses are reserved, so a range that
    /// starts inside the pool hands out its first address, ".0" included (docker/for-linux#170).
    core::Result<wire::Ipv4Address> allocateAddressIn(const wire::Ipv4Prefix& pool, const wire::Ipv4Prefix& range);
    /// No-op for an address that is not allocated, outside the pool, or reserved.
    void releaseAddress(const wire::Ipv4Prefix& pool, wire::Ipv4Address address);
    [[nodiscard]] bool isAllocated(const wire::Ipv4Prefix& pool, wire::Ipv4Address address) const;
    /// Addresses handed out in the pool (the reserved network/broadcast addresses not counted).
    [[nodiscard]] std::uint64_t allocatedCount(const wire::Ipv4Prefix& pool) const;

private:
    struct PoolData {
        std::uint32_t base = 0;
        std::uint64_t size = 0;         // addresses in the prefix
        bool reserveEnds = true;        // network + broadcast reserved (prefix shorter than /31)
        std::vector<std::uint64_t> words;  // bit i = base + i allocated; grown on demand
        std::uint64_t hint = 0;         // no free index below this one
        std::uint64_t count = 0;

        [[nodiscard]] bool reserved(std::uint64_t idx) const { return reserveEnds && (idx == 0 || idx == size - 1); }
        [[nodiscard]] bool test(std::uint64_t idx) const;
        void set(std::uint64_t idx);
        void clear(std::uint64_t idx);
        [[nodiscard]] std::optional<std::uint64_t> lowestFree() const;
    };

    [[nodiscard]] const PoolData* find(const wire::Ipv4Prefix& pool) const;
    [[nodiscard]] bool overlapsAllocated(const wire::Ipv4Prefix& p) const;
    void addPool(const wire::Ipv4Prefix& p);

    std::vector<PredefinedPool> m_predefined;
    std::map<wire::Ipv4Prefix, PoolData> m_pools;  // keyed by network prefix
};

}  // namespace sim::docker
