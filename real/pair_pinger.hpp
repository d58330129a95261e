// PairPinger: all-pairs pings in the kernel from one thread, without a process per ping. Each
// namespace has one ICMP datagram socket (opened inside it by the NamespaceWorker: a socket stays
// in the namespace it was born in), all of them polled by one epoll set; a window of pairs is in
// flight at once. A pair is "a pings b, then b pings a", the order the sim's all-pairs loop meets
// them in: the first ping pays for the ARP exchange, the second finds the entry b learned from
// a's request, as in the sim.
//
// The kernel's neighbour table is one for all namespaces and capped by
// net.ipv4.neigh.default.gc_thresh3 (writable only in the machine's own namespace, which docknet
// never touches): 250 containers on one bridge would need 62,250 entries at once. So pairs run in
// batches and, between batches (off the clock), the two entries each pair made are deleted over
// netlink in their namespaces. The entries a batch needs stay at 2 per pair in it.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "real/netlink_session.hpp"

namespace docknet::real {

/// One end of a pair: its namespace, the interface that faces the other end, its address there.
struct PairEnd {
    std::string ns;       // docknet-c0
    std::string dev;      // eth0
    std::string address;  // 172.17.0.2
};

/// a pings b, then (once a's ping is answered or given up) b pings a.
struct PingPair {
    PairEnd a, b;
};

struct PairSweepOptions {
    /// Pairs per batch: every one in flight at once, 2 neighbour entries each. 128 keeps the
    /// 256 entries under gc_thresh2 (512), where the kernel's forced garbage collection starts.
    std::size_t batchPairs = 128;
    /// Echo requests in flight at once. Each first ping of a pair floods an ARP request to every
    /// bridge port, and those copies queue in the CPU's backlog (netdev_max_backlog, 1000):
    /// too many at once and the kernel drops ARP requests, which costs a 1 s retransmission.
    std::size_t window = 16;
    int timeoutMs = 2000;  // per ping, from its send (an ARP retransmission takes 1 s)
};

struct PairSweepReport {
    std::size_t sent = 0;     // echo requests handed to the kernel, or refused by sendto
    std::size_t replied = 0;  // answered in time: the only pings that count as done
    std::size_t failed = 0;   // refused by sendto, or no reply within timeoutMs
    std::size_t batches = 0;
    double pingSeconds = 0;    // sum over batches of first send to last answer or give-up
    double forgetSeconds = 0;  // the neighbour deletions between batches, off the clock
    std::size_t forgotten = 0;                 // delete requests the kernel acknowledged
    std::vector<std::string> failures;         // the first few, "docknet-c0 -> 172.17.0.3: no reply within 1000 ms"
};

/// What PairPinger needs of one namespace, opened inside it (see RealBackend::pingPairs).
struct NamespaceProbe {
    int icmpSocket = -1;                  // non-blocking ICMP datagram socket, owned
    std::optional<NetlinkSession> netlink;
    std::map<std::string, int> ifindex;   // dev -> index, in this namespace
};

class PairPinger {
public:
    /// `probes` must hold every namespace the pairs name; their sockets stay owned by the caller.
    explicit PairPinger(std::map<std::string, NamespaceProbe>& probes) : m_probes(probes) {}

    sim::core::Result<PairSweepReport> run(const std::vector<PingPair>& pairs, const PairSweepOptions& options);

private:
    std::map<std::string, NamespaceProbe>& m_probes;
};

}  // namespace docknet::real
