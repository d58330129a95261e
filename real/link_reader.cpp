#include "real/link_reader.hpp"

#include <net/if.h>
#include <netlink/addr.h>
#include <netlink/cache.h>
#include <netlink/route/link.h>
#include <sys/socket.h>

#include <map>

namespace docknet::real {

namespace {

std::map<int, std::string> namesIn(nl_cache* cache) {
    std::map<int, std::string> names;
    for (nl_object* o = nl_cache_get_first(cache); o; o = nl_cache_get_next(o)) {
        auto* l = reinterpret_cast<rtnl_link*>(o);
        names[rtnl_link_get_ifindex(l)] = rtnl_link_get_name(l);
    }
    return names;
}

}  // namespace

sim::core::Result<std::map<int, std::string>> linkNames(const NetlinkSession& s) {
    nl_cache* cache = nullptr;
    if (const int err = rtnl_link_alloc_cache(s.sock(), AF_UNSPEC, &cache); err < 0)
        return std::unexpected(netlinkError("link dump", err));
    auto names = namesIn(cache);
    nl_cache_free(cache);
    return names;
}

sim::core::Result<std::vector<sim::plan::LinkObservation>> readLinks(const NetlinkSession& s, const std::string& ns) {
    nl_cache* cache = nullptr;
    if (const int err = rtnl_link_alloc_cache(s.sock(), AF_UNSPEC, &cache); err < 0)
        return std::unexpected(netlinkError("link dump", err));
    std::map<int, std::string> names = namesIn(cache);
    std::vector<sim::plan::LinkObservation> out;
    for (nl_object* o = nl_cache_get_first(cache); o; o = nl_cache_get_next(o)) {
        auto* l = reinterpret_cast<rtnl_link*>(o);
        if (rtnl_link_get_flags(l) & IFF_LOOPBACK) continue;
        char mac[64] = "";
        if (nl_addr* a = rtnl_link_get_addr(l)) nl_addr2str(a, mac, sizeof mac);
        const int master = rtnl_link_get_master(l);
        out.push_back({ns, rtnl_link_get_name(l), mac, master ? names[master] : std::string(), (rtnl_link_get_flags(l) & IFF_UP) != 0});
    }
    nl_cache_free(cache);
    return out;
}

}  // namespace docknet::real
