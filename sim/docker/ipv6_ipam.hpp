// The default IPAM driver's IPv6 side (moby/moby libnetwork/ipams/defaultipam, v27): subnets for
// networks created with --ipv6, and addresses in them. A requested subnet must overlap no
// allocated one; without one, the next free /64 of the daemon's ULA base network, a /48 whose
// Global ID Docker 27 derives from the engine's host ID (moby c395a33, RFC 4193 3.2.2). Addresses
// are handed out from ::1 up (the gateway first), the subnet-router anycast address (::0) never;
// IPv6 has no broadcast address to reserve.
#pragma once

#include <map>
#include <optional>
#include <set>

#include "sim/core/error.hpp"
#include "sim/wire/ipv6_address.hpp"

namespace sim::docker {

class Ipv6Ipam {
public:
    /// `ulaBase`: the /48 whose /64s are handed out when no subnet is requested.
    explicit Ipv6Ipam(wire::Ipv6Prefix ulaBase);

    [[nodiscard]] const wire::Ipv6Prefix& ulaBase() const { return m_ulaBase; }

    /// The requested subnet (masked), or the lowest free /64 of the ULA base.
    ///   `invalid pool request: Pool overlaps with other one on this address space`
    ///   `all predefined address pools have been fully subnetted`
    core::Result<wire::Ipv6Prefix> allocatePool(std::optional<wire::Ipv6Prefix> requested);
    void releasePool(const wire::Ipv6Prefix& pool);

    /// `preferred` if free and inside, else the lowest free address of `range` (or the pool).
    ///   `Address already in use` / `no available addresses on this pool` /
    ///   `requested address is out of range`
    core::Result<wire::Ipv6Address> allocateAddress(const wire::Ipv6Prefix& pool, std::optional<wire::Ipv6Address> preferred = {},
                                                    std::optional<wire::Ipv6Prefix> range = {});
    void releaseAddress(const wire::Ipv6Prefix& pool, const wire::Ipv6Address& address);
    [[nodiscard]] bool isAllocated(const wire::Ipv6Prefix& pool, const wire::Ipv6Address& address) const;

private:
    wire::Ipv6Prefix m_ulaBase;
    std::map<wire::Ipv6Prefix, std::set<wire::Ipv6Address>> m_pools;  // keyed by network prefix
};

/// The ULA base network Docker 27 puts into default-address-pools: fd + a 40-bit Global ID taken
/// from a hash of the host ID, as a /48.
wire::Ipv6Prefix ulaBaseFor(std::string_view hostId);

}  // namespace sim::docker
