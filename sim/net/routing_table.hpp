// RoutingTable: one namespace's main table. Longest-prefix match, then lowest metric. Connected
// routes ("proto kernel scope link") appear when an address is added, as in Linux. The local
// table (the namespace's own addresses) is answered by NetNamespace::isLocalAddress instead.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sim/core/error.hpp"
#include "sim/core/ids.hpp"
#include "sim/wire/ipv4_address.hpp"

namespace sim::net {

enum class RouteProtocol : std::uint8_t { Kernel, Boot, Static };
enum class RouteScope : std::uint8_t { Universe, Link, Host };

struct Route {
    wire::Ipv4Prefix destination;              // always in network form (host bits cleared)
    std::optional<wire::Ipv4Address> gateway;  // "via"
    core::InterfaceId dev;
    std::optional<wire::Ipv4Address> prefSrc;  // "src"
    RouteProtocol protocol = RouteProtocol::Boot;
    RouteScope scope = RouteScope::Universe;
    std::uint32_t metric = 0;

    /// `default via GATEWAY dev DEV`.
    static Route defaultVia(wire::Ipv4Address gateway, core::InterfaceId dev) {
        Route r;
        r.destination = wire::Ipv4Prefix(wire::Ipv4Address::any(), 0);
        r.gateway = gateway;
        r.dev = dev;
        return r;
    }

    bool operator==(const Route&) const = default;
};

class RoutingTable {
public:
    /// Errors as `ip route add` prints them: "RTNETLINK answers: File exists".
    core::Result<void> add(Route route);
    /// Removes the route with this destination and metric (any metric when nullopt).
    /// "RTNETLINK answers: No such process" when there is none.
    core::Result<void> remove(const wire::Ipv4Prefix& destination, std::optional<std::uint32_t> metric = std::nullopt);
    /// Drops every route through `dev` (the interface went down or away).
    void removeForInterface(core::InterfaceId dev);
    /// Drops the connected route for `prefix` on `dev` (its address was removed).
    void removeConnected(const wire::Ipv4Prefix& prefix, core::InterfaceId dev);

    /// Longest prefix first, then lowest metric, then the earlier route.
    [[nodiscard]] std::optional<Route> lookup(wire::Ipv4Address dst) const;
    /// In `ip route` order: default first, then by destination.
    [[nodiscard]] std::vector<Route> routes() const;
    [[nodiscard]] std::size_t size() const { return m_routes.size(); }

private:
    // Kept sorted by (length desc, metric asc, insertion); lookups scan until the first match,
    // so a namespace with a handful of routes answers in a few comparisons.
    std::vector<Route> m_routes;
};

}  // namespace sim::net
