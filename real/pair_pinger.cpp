#include "real/pair_pinger.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/ip_icmp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <deque>
#include <unordered_map>

#include "real/neighbour_eraser.hpp"

namespace docknet::real {

using sim::core::ErrorCode;
using sim::core::fail;
using sim::core::Result;
using Clock = std::chrono::steady_clock;

namespace {

constexpr std::size_t kFailuresKept = 10;

/// One namespace's socket as the loop sees it: the echo requests it has in flight, by sequence.
struct Sender {
    int fd = -1;
    std::uint16_t nextSeq = 1;
    std::unordered_map<std::uint16_t, std::size_t> inFlight;  // sequence -> flight
};

/// One echo request of a pair: direction 0 is a -> b, 1 is b -> a.
struct Flight {
    std::size_t pair = 0;
    int direction = 0;
    Sender* sender = nullptr;
    in_addr expectedFrom{};
    std::uint16_t seq = 0;
    Clock::time_point deadline;
    bool open = false;
};

/// One batch: sends, waits, matches replies, gives up on the late ones.
class Batch {
public:
    Batch(const std::vector<PingPair>& pairs, std::size_t first, std::size_t last, std::map<std::string, Sender*>& senders,
          int epollFd, const PairSweepOptions& options, PairSweepReport& report)
        : m_pairs(pairs), m_senders(senders), m_epoll(epollFd), m_timeout(options.timeoutMs),
          m_window(std::max<std::size_t>(1, options.window)), m_report(report) {
        m_flights.reserve(2 * (last - first));
        for (std::size_t p = first; p < last; ++p) m_queue.push_back({p, 0});
        pump();
    }

    Result<void> drain() {
        epoll_event events[256];
        while (m_open > 0 || !m_queue.empty()) {
            const auto now = Clock::now();
            auto earliest = Clock::time_point::max();
            for (const auto& f : m_flights)
                if (f.open) earliest = std::min(earliest, f.deadline);
            const auto waitMs = earliest <= now ? 0
                                                : std::chrono::duration_cast<std::chrono::milliseconds>(earliest - now).count() + 1;
            const int n = ::epoll_wait(m_epoll, events, 256, static_cast<int>(waitMs));
            if (n < 0 && errno != EINTR) return fail(ErrorCode::Internal, std::string("epoll_wait: ") + std::strerror(errno));
            for (int i = 0; i < n; ++i) receive(*static_cast<Sender*>(events[i].data.ptr));
            expire();
            pump();
        }
        return {};
    }

private:
    /// Sends queued pings while the window has room. A pair's second ping goes to the front:
    /// it runs as soon as its first is done, as in the sim.
    void pump() {
        while (m_open < m_window && !m_queue.empty()) {
            const auto [pair, direction] = m_queue.front();
            m_queue.pop_front();
            send(pair, direction);
        }
    }

    void send(std::size_t pair, int direction) {
        const PairEnd& from = direction == 0 ? m_pairs[pair].a : m_pairs[pair].b;
        const PairEnd& to = direction == 0 ? m_pairs[pair].b : m_pairs[pair].a;
        Sender* sender = m_senders.at(from.ns);
        Flight f;
        f.pair = pair;
        f.direction = direction;
        f.sender = sender;
        ::inet_pton(AF_INET, to.address.c_str(), &f.expectedFrom);  // checked by RealBackend::pingPairs
        f.seq = sender->nextSeq++;
        unsigned char packet[64] = {};  // 8 header bytes + 56 data bytes, as ping(8) sends
        auto* icmp = reinterpret_cast<icmphdr*>(packet);
        icmp->type = ICMP_ECHO;
        icmp->un.echo.sequence = htons(f.seq);  // the kernel fills in the id (the socket's port) and checksum
        for (std::size_t i = sizeof(icmphdr); i < sizeof packet; ++i) packet[i] = static_cast<unsigned char>(i);
        sockaddr_in dst{};
        dst.sin_family = AF_INET;
        dst.sin_addr = f.expectedFrom;
        ++m_report.sent;
        if (::sendto(sender->fd, packet, sizeof packet, 0, reinterpret_cast<sockaddr*>(&dst), sizeof dst) < 0) {
            const int e = errno;
            m_flights.push_back(f);
            failed(m_flights.size() - 1, std::string("sendto: ") + std::strerror(e));
            return;
        }
        f.deadline = Clock::now() + std::chrono::milliseconds(m_timeout);
        f.open = true;
        m_flights.push_back(f);
        sender->inFlight[f.seq] = m_flights.size() - 1;
        ++m_open;
    }

    void receive(Sender& s) {
        for (;;) {
            unsigned char reply[256];
            sockaddr_in src{};
            socklen_t len = sizeof src;
            const ssize_t n = ::recvfrom(s.fd, reply, sizeof reply, 0, reinterpret_cast<sockaddr*>(&src), &len);
            if (n < 0) {
                // EAGAIN: read all. Another error is an ICMP error reported on the socket (host
                // unreachable); reading clears it, and the ping it concerns times out.
                if (errno == EAGAIN || errno == EWOULDBLOCK) return;
                continue;
            }
            if (n < static_cast<ssize_t>(sizeof(icmphdr))) continue;
            const auto* r = reinterpret_cast<const icmphdr*>(reply);
            if (r->type != ICMP_ECHOREPLY) continue;
            const auto it = s.inFlight.find(ntohs(r->un.echo.sequence));
            if (it == s.inFlight.end()) continue;  // a late reply to a ping given up already
            Flight& f = m_flights[it->second];
            if (f.expectedFrom.s_addr != src.sin_addr.s_addr) continue;
            s.inFlight.erase(it);
            f.open = false;
            --m_open;
            ++m_report.replied;
            if (f.direction == 0) m_queue.push_front({f.pair, 1});
        }
    }

    void expire() {
        const auto now = Clock::now();
        for (std::size_t i = 0; i < m_flights.size(); ++i) {
            Flight& f = m_flights[i];
            if (!f.open || f.deadline > now) continue;
            f.sender->inFlight.erase(f.seq);
            f.open = false;
            --m_open;
            failed(i, "no reply within " + std::to_string(m_timeout) + " ms");
        }
    }

    /// Flight i is done without a reply; the pair's second ping still goes out.
    void failed(std::size_t i, const std::string& why) {
        const Flight f = m_flights[i];
        ++m_report.failed;
        if (m_report.failures.size() < kFailuresKept) {
            const PingPair& p = m_pairs[f.pair];
            const PairEnd& from = f.direction == 0 ? p.a : p.b;
            const PairEnd& to = f.direction == 0 ? p.b : p.a;
            m_report.failures.push_back(from.ns + " -> " + to.address + ": " + why);
        }
        if (f.direction == 0) m_queue.push_front({f.pair, 1});
    }

    const std::vector<PingPair>& m_pairs;
    std::map<std::string, Sender*>& m_senders;
    int m_epoll;
    int m_timeout;
    std::size_t m_window;
    PairSweepReport& m_report;
    std::deque<std::pair<std::size_t, int>> m_queue;  // (pair, direction) not sent yet
    std::vector<Flight> m_flights;
    std::size_t m_open = 0;
};

}  // namespace

Result<PairSweepReport> PairPinger::run(const std::vector<PingPair>& pairs, const PairSweepOptions& options) {
    if (options.batchPairs == 0) return fail(ErrorCode::InvalidArgument, "a batch needs at least one pair");
    const int epollFd = ::epoll_create1(EPOLL_CLOEXEC);
    if (epollFd < 0) return fail(ErrorCode::Internal, std::string("epoll_create1: ") + std::strerror(errno));
    std::vector<Sender> senders(m_probes.size());
    std::map<std::string, Sender*> byNs;
    std::size_t i = 0;
    for (auto& [ns, probe] : m_probes) {
        Sender& s = senders[i++];
        s.fd = probe.icmpSocket;
        byNs[ns] = &s;
        epoll_event ev{};
        ev.events = EPOLLIN;
        ev.data.ptr = &s;
        if (::epoll_ctl(epollFd, EPOLL_CTL_ADD, s.fd, &ev) < 0) {
            const int e = errno;
            ::close(epollFd);
            return fail(ErrorCode::Internal, ns + ": epoll_ctl: " + std::strerror(e));
        }
    }
    for (const auto& p : pairs)
        for (const PairEnd* end : {&p.a, &p.b})
            if (!byNs.contains(end->ns) || !m_probes.at(end->ns).ifindex.contains(end->dev)) {
                ::close(epollFd);
                return fail(ErrorCode::InvalidArgument, end->ns + " " + end->dev + " has no probe socket");
            }

    PairSweepReport report;
    Result<void> status;
    for (std::size_t first = 0; first < pairs.size() && status; first += options.batchPairs) {
        const std::size_t last = std::min(pairs.size(), first + options.batchPairs);
        const auto start = Clock::now();
        Batch batch(pairs, first, last, byNs, epollFd, options, report);
        status = batch.drain();
        report.pingSeconds += std::chrono::duration<double>(Clock::now() - start).count();
        ++report.batches;

        // Off the clock: the entries this batch made, a's for b and b's for a.
        const auto forgetStart = Clock::now();
        for (std::size_t p = first; p < last && status; ++p) {
            for (const auto& [self, other] : {std::pair{&pairs[p].a, &pairs[p].b}, std::pair{&pairs[p].b, &pairs[p].a}}) {
                const NamespaceProbe& probe = m_probes.at(self->ns);
                status = forgetNeighbour(*probe.netlink, probe.ifindex.at(self->dev), other->address);
                if (!status) {
                    status = fail(status.error().code, self->ns + ": " + status.error().message);
                    break;
                }
                ++report.forgotten;
            }
        }
        report.forgetSeconds += std::chrono::duration<double>(Clock::now() - forgetStart).count();
    }
    ::close(epollFd);
    if (!status) return std::unexpected(status.error());
    return report;
}

}  // namespace docknet::real
