#include "real/netlink_session.hpp"

#include <netlink/errno.h>
#include <netlink/netlink.h>
#include <netlink/socket.h>

namespace docknet::real {

using sim::core::ErrorCode;

sim::core::Error netlinkError(const std::string& what, int err) {
    const int e = err < 0 ? -err : err;
    const ErrorCode code = e == NLE_EXIST ? ErrorCode::AlreadyExists
                           : e == NLE_OBJ_NOTFOUND || e == NLE_NODEV ? ErrorCode::NotFound
                           : e == NLE_PERM ? ErrorCode::Forbidden
                                                                     : ErrorCode::Internal;
    return {code, what + ": " + nl_geterror(e)};
}

sim::core::Result<NetlinkSession> NetlinkSession::open() {
    nl_sock* s = nl_socket_alloc();
    if (!s) return sim::core::fail(ErrorCode::Internal, "netlink: out of memory");
    if (const int err = nl_connect(s, NETLINK_ROUTE); err < 0) {
        nl_socket_free(s);
        return std::unexpected(netlinkError("netlink connect", err));
    }
    return NetlinkSession(s);
}

NetlinkSession::~NetlinkSession() {
    if (m_sock) nl_socket_free(m_sock);
}

}  // namespace docknet::real
