// NetlinkSession: one NETLINK_ROUTE socket (libnl-route-3) bound to the network namespace of the
// thread that opens it. Open it after entering the namespace (NamespaceEntry) and drop it before
// leaving: a netlink socket keeps talking to the namespace it was created in.
#pragma once

#include <string>

#include "sim/core/error.hpp"

struct nl_sock;

namespace docknet::real {

class NetlinkSession {
public:
    static sim::core::Result<NetlinkSession> open();
    NetlinkSession(NetlinkSession&& other) noexcept : m_sock(other.m_sock) { other.m_sock = nullptr; }
    NetlinkSession& operator=(NetlinkSession&&) = delete;
    NetlinkSession(const NetlinkSession&) = delete;
    ~NetlinkSession();

    [[nodiscard]] nl_sock* sock() const { return m_sock; }

private:
    explicit NetlinkSession(nl_sock* s) : m_sock(s) {}
    nl_sock* m_sock = nullptr;
};

/// "RTNETLINK: <libnl's words for err>" with what was being done.
sim::core::Error netlinkError(const std::string& what, int err);

}  // namespace docknet::real
