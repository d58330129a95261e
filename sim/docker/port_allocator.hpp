// libnetwork's portallocator (moby/moby:libnetwork/portallocator/portallocator.go, read at the
// v27 code): the daemon's in-memory book of host ports handed to published container ports,
// per (protocol, host IP).
//
// - A fixed port is that port or `Bind for 0.0.0.0:8080 failed: port is already allocated`
//   (ErrPortAlreadyAllocated; the IP is the one asked for, 0.0.0.0 when none).
// - Port 0 means "any": the next free port after the last one handed out in the ephemeral range
//   32768-60999 (the kernel's ip_local_port_range default; libnetwork reads that file), so the
//   first is 32768, then 32769, ... wrapping to the start. A released port is not reused until
//   the cursor comes round again — that is libnetwork's `last` cursor, not lowest-free.
// - A host range "8000-9000" has its own cursor, starting at the range start.
// - Exhaustion: `all ports are allocated` (ErrAllPortsAllocated, verified). An invalid range
//   (start > end): `invalid port range: 9000-8000`.
//
// Address conflicts. Real libnetwork keys its maps by the IP *string*, so 0.0.0.0:8080 and
// 127.0.0.1:8080 do not collide in the allocator; on <=27 the second container then fails when
// its docker-proxy cannot bind (`Error starting userland proxy: listen tcp4 127.0.0.1:8080:
// bind: address already in use`). Mode::Wildcard (the default, as the engine asked for) makes
// 0.0.0.0 conflict with every specific IP and vice versa inside the allocator, reported as
// `Bind for 127.0.0.1:8080 failed: port is already allocated`, and makes the "any port"
// searches skip such ports. Mode::PerAddress is libnetwork's exact behaviour, for an engine that
// lets the proxy's bind() report the cross-address clash.
//
// IPv6: a -p without an address is also bound on [::] with the same port (Docker 27's
// RequestPortsInRange over both addresses: a fixed port must be free on both, a range search
// skips ports taken on either, the IPv4 range's cursor leads). [::] has its own book, so an
// IPv4-only binding never blocks it; a clash there reads `Bind for :::8080 failed: ...`, the
// IP string as libnetwork formats it.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <tuple>

#include "sim/core/error.hpp"
#include "sim/docker/port_spec.hpp"
#include "sim/wire/ipv4_address.hpp"

namespace sim::docker {

class PortAllocator {
public:
    static constexpr std::uint16_t kEphemeralStart = 32768, kEphemeralEnd = 60999;

    enum class Mode : std::uint8_t {
        Wildcard,    // 0.0.0.0 conflicts with every specific address (default)
        PerAddress,  // libnetwork: each address string has its own book
    };

    explicit PortAllocator(Mode mode = Mode::Wildcard, std::uint16_t ephemeralStart = kEphemeralStart,
                           std::uint16_t ephemeralEnd = kEphemeralEnd);

    /// start == end == 0: any ephemeral port; start < end: the next free port of that host range;
    /// start == end > 0: exactly that port. hostIp 0.0.0.0 = all addresses.
    /// Error codes: AddressInUse for "port is already allocated", Exhausted for "all ports are
    /// allocated", InvalidArgument for a bad range.
    /// `withIpv6Any`: the same port on [::] too; `onIpv4` false: [::] only (`-p [::]:8080:80`,
    /// hostIp unused), with its own range cursor.
    core::Result<std::uint16_t> allocate(PortProto proto, wire::Ipv4Address hostIp, std::uint16_t start,
                                         std::uint16_t end, bool withIpv6Any = false, bool onIpv4 = true);
    /// Releasing a port that is not allocated is a no-op (as in libnetwork).
    void release(PortProto proto, wire::Ipv4Address hostIp, std::uint16_t port, bool withIpv6Any = false,
                 bool onIpv4 = true);
    /// True when [::] holds the port.
    [[nodiscard]] bool isAllocatedOnIpv6Any(PortProto proto, std::uint16_t port) const;
    /// True when exactly (proto, hostIp) holds the port.
    [[nodiscard]] bool isAllocated(PortProto proto, wire::Ipv4Address hostIp, std::uint16_t port) const;
    /// True when a fixed-port request for (proto, hostIp, port) would succeed now (applies the
    /// wildcard rule in Mode::Wildcard).
    [[nodiscard]] bool isAvailable(PortProto proto, wire::Ipv4Address hostIp, std::uint16_t port) const;
    /// Forget everything (ReleaseAll).
    void releaseAll();

    [[nodiscard]] Mode mode() const { return m_mode; }

private:
    using Book = std::set<std::uint16_t>;
    using BookKey = std::pair<PortProto, std::uint32_t>;                                // proto, host ip
    using CursorKey = std::tuple<PortProto, bool, std::uint32_t, std::uint16_t, std::uint16_t>;  // + [::] only, range

    [[nodiscard]] bool conflicts(PortProto proto, wire::Ipv4Address hostIp, std::uint16_t port) const;
    /// The address whose allocation blocks (proto, hostIp, port): hostIp itself, or in Wildcard
    /// mode the wildcard / a specific address.
    [[nodiscard]] bool heldExactly(PortProto proto, std::uint32_t ip, std::uint16_t port) const;
    [[nodiscard]] bool heldOnIpv6Any(PortProto proto, std::uint16_t port) const;

    Mode m_mode;
    std::uint16_t m_begin, m_end;
    std::map<BookKey, Book> m_books;
    std::map<PortProto, Book> m_ipv6Any;  // the [::] bindings
    std::map<CursorKey, std::uint16_t> m_last;  // libnetwork portRange.last
};

}  // namespace sim::docker
