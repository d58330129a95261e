#include "real/link_builder.hpp"

#include <linux/rtnetlink.h>
#include <net/if.h>
#include <netlink/addr.h>
#include <netlink/netlink.h>
#include <netlink/route/addr.h>
#include <netlink/route/link.h>
#include <netlink/route/link/veth.h>
#include <netlink/route/route.h>
#include <sys/socket.h>

#include <memory>

namespace docknet::real {

using sim::core::ErrorCode;
using sim::core::fail;

namespace {

struct LinkPut {
    void operator()(rtnl_link* l) const { rtnl_link_put(l); }
};
struct AddrPut {
    void operator()(nl_addr* a) const { nl_addr_put(a); }
};
struct RtAddrPut {
    void operator()(rtnl_addr* a) const { rtnl_addr_put(a); }
};
struct RoutePut {
    void operator()(rtnl_route* r) const { rtnl_route_put(r); }
};
using LinkPtr = std::unique_ptr<rtnl_link, LinkPut>;
using AddrPtr = std::unique_ptr<nl_addr, AddrPut>;

sim::core::Result<AddrPtr> parse(const std::string& text, int family) {
    nl_addr* a = nullptr;
    if (const int err = nl_addr_parse(text.c_str(), family, &a); err < 0)
        return fail(ErrorCode::InvalidArgument, "bad address " + text + ": " + nl_geterror(-err));
    return AddrPtr(a);
}

/// Name, MAC and MTU as the plan has them (the sim chose the MACs; verify compares them).
sim::core::Result<void> describe(rtnl_link* l, const std::string& name, const std::string& mac, std::uint32_t mtu) {
    rtnl_link_set_name(l, name.c_str());
    if (!mac.empty()) {
        auto a = parse(mac, AF_LLC);
        if (!a) return std::unexpected(a.error());
        rtnl_link_set_addr(l, a->get());
    }
    if (mtu) rtnl_link_set_mtu(l, mtu);
    return {};
}

}  // namespace

sim::core::Result<int> LinkBuilder::ifindex(const std::string& name) const {
    rtnl_link* l = nullptr;
    if (const int err = rtnl_link_get_kernel(m_session.sock(), 0, name.c_str(), &l); err < 0)
        return std::unexpected(netlinkError("link " + name, err));
    const int idx = rtnl_link_get_ifindex(l);
    rtnl_link_put(l);
    return idx;
}

sim::core::Result<void> LinkBuilder::addBridge(const sim::plan::PlanBridge& bridge) {
    LinkPtr l(rtnl_link_alloc());
    if (!l) return fail(ErrorCode::Internal, "netlink: out of memory");
    if (const int err = rtnl_link_set_type(l.get(), "bridge"); err < 0) return std::unexpected(netlinkError("bridge type", err));
    if (auto r = describe(l.get(), bridge.name, bridge.mac, bridge.mtu); !r) return r;
    if (const int err = rtnl_link_add(m_session.sock(), l.get(), NLM_F_CREATE | NLM_F_EXCL); err < 0)
        return std::unexpected(netlinkError("add bridge " + bridge.name, err));
    return {};
}

sim::core::Result<void> LinkBuilder::addVeth(const sim::plan::PlanVeth& veth, int peerNsFd) {
    LinkPtr l(rtnl_link_veth_alloc());
    if (!l) return fail(ErrorCode::Internal, "netlink: out of memory");
    if (auto r = describe(l.get(), veth.name, veth.mac, veth.mtu); !r) return r;
    LinkPtr peer(rtnl_link_veth_get_peer(l.get()));
    if (!peer) return fail(ErrorCode::Internal, "veth without a peer");
    if (auto r = describe(peer.get(), veth.peerName, veth.peerMac, veth.mtu); !r) return r;
    rtnl_link_set_ns_fd(peer.get(), peerNsFd);
    if (const int err = rtnl_link_add(m_session.sock(), l.get(), NLM_F_CREATE | NLM_F_EXCL); err < 0)
        return std::unexpected(netlinkError("add veth " + veth.name + " peer " + veth.peerName, err));
    return {};
}

sim::core::Result<void> LinkBuilder::configure(const std::string& name, const std::string& master, bool up) {
    rtnl_link* raw = nullptr;
    if (const int err = rtnl_link_get_kernel(m_session.sock(), 0, name.c_str(), &raw); err < 0)
        return std::unexpected(netlinkError("link " + name, err));
    LinkPtr current(raw);
    LinkPtr change(rtnl_link_alloc());
    if (!master.empty()) {
        auto m = ifindex(master);
        if (!m) return std::unexpected(m.error());
        rtnl_link_set_master(change.get(), *m);
    }
    if (up) rtnl_link_set_flags(change.get(), IFF_UP);
    else rtnl_link_unset_flags(change.get(), IFF_UP);
    if (const int err = rtnl_link_change(m_session.sock(), current.get(), change.get(), 0); err < 0)
        return std::unexpected(netlinkError("set link " + name, err));
    return {};
}

sim::core::Result<void> LinkBuilder::addAddress(const std::string& dev, const std::string& prefix) {
    auto idx = ifindex(dev);
    if (!idx) return std::unexpected(idx.error());
    auto local = parse(prefix, AF_INET);
    if (!local) return std::unexpected(local.error());
    std::unique_ptr<rtnl_addr, RtAddrPut> a(rtnl_addr_alloc());
    rtnl_addr_set_ifindex(a.get(), *idx);
    rtnl_addr_set_family(a.get(), AF_INET);
    if (const int err = rtnl_addr_set_local(a.get(), local->get()); err < 0)
        return std::unexpected(netlinkError("address " + prefix, err));
    rtnl_addr_set_prefixlen(a.get(), static_cast<int>(nl_addr_get_prefixlen(local->get())));
    if (const int err = rtnl_addr_add(m_session.sock(), a.get(), 0); err < 0)
        return std::unexpected(netlinkError("add address " + prefix + " dev " + dev, err));
    return {};
}

sim::core::Result<void> LinkBuilder::addRoute(const sim::plan::PlanRoute& route) {
    auto idx = ifindex(route.dev);
    if (!idx) return std::unexpected(idx.error());
    auto dst = parse(route.destination, AF_INET);
    if (!dst) return std::unexpected(dst.error());
    std::unique_ptr<rtnl_route, RoutePut> r(rtnl_route_alloc());
    rtnl_route_set_family(r.get(), AF_INET);
    rtnl_route_set_table(r.get(), RT_TABLE_MAIN);
    rtnl_route_set_protocol(r.get(), RTPROT_BOOT);
    rtnl_route_set_type(r.get(), RTN_UNICAST);
    rtnl_route_set_scope(r.get(), route.scopeLink ? RT_SCOPE_LINK : RT_SCOPE_UNIVERSE);
    if (const int err = rtnl_route_set_dst(r.get(), dst->get()); err < 0)
        return std::unexpected(netlinkError("route " + route.destination, err));
    if (route.metric) rtnl_route_set_priority(r.get(), route.metric);
    if (!route.prefSrc.empty()) {
        auto src = parse(route.prefSrc, AF_INET);
        if (!src) return std::unexpected(src.error());
        rtnl_route_set_pref_src(r.get(), src->get());
    }
    rtnl_nexthop* nh = rtnl_route_nh_alloc();  // owned by the route once added
    rtnl_route_nh_set_ifindex(nh, *idx);
    if (!route.gateway.empty()) {
        auto gw = parse(route.gateway, AF_INET);
        if (!gw) {
            rtnl_route_nh_free(nh);
            return std::unexpected(gw.error());
        }
        rtnl_route_nh_set_gateway(nh, gw->get());
    }
    rtnl_route_add_nexthop(r.get(), nh);
    if (const int err = rtnl_route_add(m_session.sock(), r.get(), NLM_F_CREATE | NLM_F_EXCL); err < 0)
        return std::unexpected(netlinkError("add route " + route.destination + " dev " + route.dev, err));
    return {};
}

}  // namespace docknet::real
