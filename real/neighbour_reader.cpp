#include "real/neighbour_reader.hpp"

#include "real/link_reader.hpp"

#include <linux/neighbour.h>
#include <linux/rtnetlink.h>
#include <netlink/msg.h>
#include <netlink/netlink.h>
#include <netlink/object.h>
#include <netlink/route/link.h>
#include <netlink/route/neighbour.h>
#include <sys/socket.h>

#include <map>

namespace docknet::real {

namespace {

struct Row {
    int family = 0, ifindex = 0, master = 0, state = 0;
    unsigned flags = 0;
    std::string dst, lladdr;
};

std::string text(nl_addr* a) {
    if (!a) return {};
    char buf[128];
    nl_addr2str(a, buf, sizeof buf);
    return buf;
}

void collect(nl_object* obj, void* arg) {
    auto* rows = static_cast<std::vector<Row>*>(arg);
    auto* n = reinterpret_cast<rtnl_neigh*>(obj);
    Row r;
    r.family = rtnl_neigh_get_family(n);
    r.ifindex = rtnl_neigh_get_ifindex(n);
    r.master = rtnl_neigh_get_master(n);
    r.state = rtnl_neigh_get_state(n);
    r.flags = rtnl_neigh_get_flags(n);
    r.dst = text(rtnl_neigh_get_dst(n));
    r.lladdr = text(rtnl_neigh_get_lladdr(n));
    rows->push_back(std::move(r));
}

int onMessage(nl_msg* msg, void* arg) {
    nl_msg_parse(msg, collect, arg);
    return NL_OK;
}

/// RTM_GETNEIGH dump of one family, parsed by libnl's neighbour object.
sim::core::Result<std::vector<Row>> dump(const NetlinkSession& s, int family) {
    std::vector<Row> rows;
    ndmsg req{};
    req.ndm_family = static_cast<unsigned char>(family);
    if (const int err = nl_send_simple(s.sock(), RTM_GETNEIGH, NLM_F_DUMP, &req, sizeof req); err < 0)
        return std::unexpected(netlinkError("neighbour dump", err));
    nl_cb* cb = nl_cb_alloc(NL_CB_DEFAULT);
    nl_cb_set(cb, NL_CB_VALID, NL_CB_CUSTOM, onMessage, &rows);
    const int err = nl_recvmsgs(s.sock(), cb);
    nl_cb_put(cb);
    if (err < 0) return std::unexpected(netlinkError("neighbour dump", err));
    return rows;
}

}  // namespace

sim::core::Result<std::vector<sim::plan::NeighborObservation>> readNeighbours(const NetlinkSession& s, const std::string& ns) {
    auto names = linkNames(s);
    if (!names) return std::unexpected(names.error());
    auto rows = dump(s, AF_INET);
    if (!rows) return std::unexpected(rows.error());
    std::vector<sim::plan::NeighborObservation> out;
    for (const auto& r : *rows) {
        if (r.family != AF_INET || (r.state & NUD_NOARP)) continue;
        const bool valid = !r.lladdr.empty() && (r.state & (NUD_REACHABLE | NUD_STALE | NUD_DELAY | NUD_PROBE | NUD_PERMANENT));
        out.push_back({ns, (*names)[r.ifindex], r.dst, r.lladdr, valid});
    }
    return out;
}

sim::core::Result<std::vector<sim::plan::FdbObservation>> readFdb(const NetlinkSession& s, const std::string& ns) {
    auto names = linkNames(s);
    if (!names) return std::unexpected(names.error());
    auto rows = dump(s, AF_BRIDGE);
    if (!rows) return std::unexpected(rows.error());
    std::vector<sim::plan::FdbObservation> out;
    for (const auto& r : *rows) {
        // Learned by a bridge: NDA_MASTER names it; permanent ones are the ports' own MACs.
        if (r.family != AF_BRIDGE || r.master == 0 || (r.state & NUD_PERMANENT)) continue;
        out.push_back({ns, (*names)[r.master], (*names)[r.ifindex], r.lladdr});
    }
    return out;
}

}  // namespace docknet::real
