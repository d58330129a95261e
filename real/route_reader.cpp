#include "real/route_reader.hpp"

#include <arpa/inet.h>
#include <linux/rtnetlink.h>
#include <netlink/addr.h>
#include <netlink/cache.h>
#include <netlink/route/route.h>
#include <sys/socket.h>

#include <cstring>
#include <map>

#include "real/link_reader.hpp"

namespace docknet::real {

namespace {

/// "172.17.0.0/16", "0.0.0.0/0": the sim's spelling (libnl's nl_addr2str says "none" or
/// "default" for an empty destination).
std::string prefixText(nl_addr* a) {
    in_addr ip{};
    unsigned length = 0;
    if (a && nl_addr_get_len(a) == sizeof ip) {
        std::memcpy(&ip, nl_addr_get_binary_addr(a), sizeof ip);
        length = nl_addr_get_prefixlen(a);
    }
    char buf[INET_ADDRSTRLEN] = "";
    ::inet_ntop(AF_INET, &ip, buf, sizeof buf);
    return std::string(buf) + "/" + std::to_string(length);
}

std::string addressText(nl_addr* a) {
    if (!a || nl_addr_get_len(a) != sizeof(in_addr)) return {};
    char buf[INET_ADDRSTRLEN] = "";
    ::inet_ntop(AF_INET, nl_addr_get_binary_addr(a), buf, sizeof buf);
    return buf;
}

}  // namespace

sim::core::Result<std::vector<sim::plan::RouteObservation>> readRoutes(const NetlinkSession& s, const std::string& ns) {
    auto names = linkNames(s);
    if (!names) return std::unexpected(names.error());
    nl_cache* cache = nullptr;
    if (const int err = rtnl_route_alloc_cache(s.sock(), AF_INET, 0, &cache); err < 0)
        return std::unexpected(netlinkError("route dump", err));
    std::vector<sim::plan::RouteObservation> out;
    for (nl_object* o = nl_cache_get_first(cache); o; o = nl_cache_get_next(o)) {
        auto* r = reinterpret_cast<rtnl_route*>(o);
        // The local table's local and broadcast routes are the kernel's bookkeeping for its own
        // addresses; the sim's routing table, like `ip route`, is the main one.
        if (rtnl_route_get_table(r) != RT_TABLE_MAIN || rtnl_route_get_type(r) != RTN_UNICAST) continue;
        const std::string destination = prefixText(rtnl_route_get_dst(r));
        for (int i = 0; i < rtnl_route_get_nnexthops(r); ++i) {
            rtnl_nexthop* nh = rtnl_route_nexthop_n(r, i);
            const int ifindex = rtnl_route_nh_get_ifindex(nh);
            const auto name = names->find(ifindex);
            out.push_back({ns, destination, addressText(rtnl_route_nh_get_gateway(nh)),
                           name == names->end() ? "if" + std::to_string(ifindex) : name->second});
        }
    }
    nl_cache_free(cache);
    return out;
}

}  // namespace docknet::real
