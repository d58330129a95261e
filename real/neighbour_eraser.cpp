#include "real/neighbour_eraser.hpp"

#include <netlink/addr.h>
#include <netlink/errno.h>
#include <netlink/netlink.h>
#include <netlink/route/neighbour.h>
#include <sys/socket.h>

#include <map>
#include <memory>

#include "real/link_reader.hpp"
#include "real/neighbour_reader.hpp"

namespace docknet::real {

namespace {

struct NeighPut {
    void operator()(rtnl_neigh* n) const { rtnl_neigh_put(n); }
};
struct AddrPut {
    void operator()(nl_addr* a) const { nl_addr_put(a); }
};

}  // namespace

sim::core::Result<void> forgetNeighbour(const NetlinkSession& session, int ifindex, const std::string& ip) {
    nl_addr* raw = nullptr;
    if (const int err = nl_addr_parse(ip.c_str(), AF_INET, &raw); err < 0)
        return sim::core::fail(sim::core::ErrorCode::InvalidArgument, "bad address " + ip + ": " + nl_geterror(-err));
    const std::unique_ptr<nl_addr, AddrPut> dst(raw);
    const std::unique_ptr<rtnl_neigh, NeighPut> n(rtnl_neigh_alloc());
    if (!n) return sim::core::fail(sim::core::ErrorCode::Internal, "netlink: out of memory");
    rtnl_neigh_set_family(n.get(), AF_INET);
    rtnl_neigh_set_ifindex(n.get(), ifindex);
    if (const int err = rtnl_neigh_set_dst(n.get(), dst.get()); err < 0)
        return std::unexpected(netlinkError("neighbour " + ip, err));
    const int err = rtnl_neigh_delete(session.sock(), n.get(), 0);  // waits for the kernel's ack
    if (err < 0 && -err != NLE_OBJ_NOTFOUND && -err != NLE_NOADDR) return std::unexpected(netlinkError("delete neighbour " + ip, err));
    return {};
}

sim::core::Result<std::size_t> forgetAllNeighbours(const NetlinkSession& session) {
    auto names = linkNames(session);
    if (!names) return std::unexpected(names.error());
    std::map<std::string, int> index;
    for (const auto& [i, name] : *names) index[name] = i;
    auto entries = readNeighbours(session, "");
    if (!entries) return std::unexpected(entries.error());
    for (const auto& e : *entries) {
        const auto i = index.find(e.dev);
        if (i == index.end()) continue;  // its link went away, and the entry with it
        if (auto f = forgetNeighbour(session, i->second, e.ip); !f) return std::unexpected(f.error());
    }
    return entries->size();
}

}  // namespace docknet::real
