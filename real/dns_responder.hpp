// DnsResponder: the real embedded DNS. Each container's UDP socket on 127.0.0.11:53 is opened
// inside its namespace (by the NamespaceWorker, so the socket belongs to that namespace); this
// class then serves all of them from one epoll thread, which never changes namespace: a socket
// keeps the namespace it was born in. Replies go back to the query's source, which can only be
// inside that namespace (127.0.0.11 is on its lo).
#pragma once

#include <map>

#include "real/epoll_loop.hpp"
#include "sim/core/error.hpp"
#include "sim/plan/plan.hpp"

namespace docknet::real {

/// A UDP socket bound to 127.0.0.11:53 in the calling thread's namespace (lo must be up there).
sim::core::Result<int> bindDnsSocket();

class DnsResponder {
public:
    DnsResponder();
    ~DnsResponder();
    DnsResponder(const DnsResponder&) = delete;
    DnsResponder& operator=(const DnsResponder&) = delete;

    /// Takes ownership of `fd` and answers its queries from `records` until close().
    sim::core::Result<void> serve(int fd, sim::plan::PlanResolver records);
    /// Closes every socket (the thread keeps running, idle).
    void closeAll();

private:
    void onReady(int fd);

    std::map<int, sim::plan::PlanResolver> m_sockets;
    EpollLoop m_loop;  // last: its thread stops before the map it reads goes
};

}  // namespace docknet::real
