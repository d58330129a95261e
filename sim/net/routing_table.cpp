#include "sim/net/routing_table.hpp"

#include <algorithm>

namespace sim::net {

core::Result<void> RoutingTable::add(Route route) {
    route.destination = route.destination.network();
    for (const auto& r : m_routes)
        if (r.destination == route.destination && r.metric == route.metric)
            return core::fail(core::ErrorCode::AlreadyExists, "RTNETLINK answers: File exists");
    auto pos = std::find_if(m_routes.begin(), m_routes.end(), [&](const Route& r) {
        if (r.destination.length() != route.destination.length()) return r.destination.length() < route.destination.length();
        return r.metric > route.metric;
    });
    m_routes.insert(pos, std::move(route));
    return {};
}

core::Result<void> RoutingTable::remove(const wire::Ipv4Prefix& destination, std::optional<std::uint32_t> metric) {
    const auto net = destination.network();
    auto it = std::find_if(m_routes.begin(), m_routes.end(), [&](const Route& r) {
        return r.destination == net && (!metric || r.metric == *metric);
    });
    if (it == m_routes.end()) return core::fail(core::ErrorCode::NotFound, "RTNETLINK answers: No such process");
    m_routes.erase(it);
    return {};
}

void RoutingTable::removeForInterface(core::InterfaceId dev) {
    std::erase_if(m_routes, [&](const Route& r) { return r.dev == dev; });
}

void RoutingTable::removeConnected(const wire::Ipv4Prefix& prefix, core::InterfaceId dev) {
    const auto net = prefix.network();
    std::erase_if(m_routes, [&](const Route& r) {
        return r.dev == dev && r.destination == net && r.protocol == RouteProtocol::Kernel;
    });
}

std::optional<Route> RoutingTable::lookup(wire::Ipv4Address dst) const {
    for (const auto& r : m_routes)
        if (r.destination.contains(dst)) return r;
    return std::nullopt;
}

std::vector<Route> RoutingTable::routes() const {
    std::vector<Route> out = m_routes;
    std::stable_sort(out.begin(), out.end(), [](const Route& a, const Route& b) {
        if (a.destination.length() == 0 || b.destination.length() == 0)
            return a.destination.length() == 0 && b.destination.length() != 0;
        if (a.destination.networkAddress() != b.destination.networkAddress())
            return a.destination.networkAddress() < b.destination.networkAddress();
        return a.destination.length() < b.destination.length();
    });
    return out;
}

}  // namespace sim::net
