#include "real/real_backend.hpp"

#include <net/if.h>
#include <netinet/in.h>
#include <sched.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <cstdlib>
#include <map>

#include "real/dns_query.hpp"
#include "real/http_get.hpp"
#include "real/icmp_probe.hpp"
#include "real/ledger_teardown.hpp"
#include "real/link_reader.hpp"
#include "real/neighbour_eraser.hpp"
#include "real/neighbour_reader.hpp"
#include "real/nft_counters.hpp"
#include "real/route_reader.hpp"
#include "real/pair_pinger.hpp"
#include "real/netlink_session.hpp"
#include "real/netns_path.hpp"
#include "real/plan_applier.hpp"
#include "real/tcp_sockets.hpp"
#include "real/udp_sockets.hpp"

namespace docknet::real {

using sim::core::ErrorCode;
using sim::core::fail;
using sim::core::Result;

RealBackend::RealBackend(RealOptions options) : m_options(std::move(options)), m_ledger(m_options.stateDir) {}

RealBackend::~RealBackend() { closeListeners(); }

void RealBackend::closeListeners() {
    m_http.stopAll();  // before the listeners close: it must not accept on a reused fd number
    for (const int fd : m_listeners) ::close(fd);
    m_listeners.clear();
    m_listening.clear();
    m_udp.closeAll();
    m_udpHeld.clear();
    m_udpBound.clear();
}

Result<void> RealBackend::openUdpSockets(const sim::plan::KernelPlan& plan) {
    for (const auto& u : plan.udpSockets) {
        auto fd = m_worker.call([&]() -> Result<int> {
            auto entry = NamespaceEntry::enter(u.ns);
            if (!entry) return std::unexpected(entry.error());
            return bindUdp(u.address, u.port);
        });
        if (!fd) return fail(fd.error().code, u.ns + " (" + u.owner + "): " + fd.error().message);
        if (auto s = m_udp.serve(*fd, u.answers); !s) return s;
        m_udpHeld.push_back(HeldUdp{u, *fd});
        m_udpBound.insert(u.ns + " " + u.address + ":" + std::to_string(u.port) + " " + u.owner);
        if (m_options.onMade)
            m_options.onMade("udp " + u.ns + " " + u.address + ":" + std::to_string(u.port) + " (" + u.owner +
                             (u.answers ? ", answers DNS from its zone" : ", receives, answers nothing") + ", open while this docknet runs)");
    }
    return {};
}

Result<std::string> RealBackend::udpBindOutcome(const std::string& ns, const std::string& address, std::uint16_t port,
                                                const std::string& owner) {
    // As bindOutcome: the owner's own socket once, then the kernel's answer to a fresh bind().
    if (m_udpBound.erase(ns + " " + address + ":" + std::to_string(port) + " " + owner) == 1) return std::string("bound");
    return m_worker.call([&]() -> Result<std::string> {
        auto entry = NamespaceEntry::enter(ns);
        if (!entry) return std::unexpected(entry.error());
        auto fd = bindUdp(address, port);
        if (!fd) {
            if (fd.error().code == ErrorCode::AddressInUse) return std::string("EADDRINUSE");
            return std::unexpected(fd.error());
        }
        ::close(*fd);  // nothing is kept that the plan does not list
        return std::string("bound");
    });
}

Result<std::string> RealBackend::udpExchange(const std::string& ns, const std::string& dst, std::uint16_t port,
                                             const std::string& payload, int timeoutMs) {
    if (!m_labNamespaces.contains(ns)) return fail(ErrorCode::Forbidden, ns + " is not a namespace of the applied lab");
    if (!m_labAddresses.contains(dst) && !dst.starts_with("127."))
        return fail(ErrorCode::Forbidden, dst + " is not an address of the applied lab: docknet sends nothing else");
    // The receiving sockets that answer nothing: their counts tell a delivered datagram.
    auto counts = [&] {
        std::uint64_t n = 0;
        for (const auto& h : m_udpHeld)
            if (!h.socket.answers && h.socket.port == port) n += m_udp.received(h.fd);
        return n;
    };
    const std::uint64_t before = counts();
    auto fd = m_worker.call([&]() -> Result<int> {
        auto entry = NamespaceEntry::enter(ns);
        if (!entry) return std::unexpected(entry.error());
        return connectedUdpHere(dst, port);
    });
    if (!fd) return std::unexpected(fd.error());
    auto outcome = exchangeUdp(*fd, payload, timeoutMs);  // off the worker: a socket keeps its namespace
    ::close(*fd);
    if (outcome && *outcome == "no answer" && counts() > before) return std::string("delivered, no answer");
    return outcome;
}

Result<void> RealBackend::openResolvers(const sim::plan::KernelPlan& plan) {
    for (const auto& r : plan.resolvers) {
        auto fd = m_worker.call([&]() -> Result<int> {
            auto entry = NamespaceEntry::enter(r.ns);
            if (!entry) return std::unexpected(entry.error());
            return bindDnsSocket();
        });
        if (!fd) return fail(fd.error().code, r.ns + " (embedded DNS): " + fd.error().message);
        if (auto s = m_udp.serve(*fd, r); !s) return s;
        if (m_options.onMade)
            m_options.onMade("dns " + r.ns + " udp 127.0.0.11:53 (" + std::to_string(r.addresses.size()) + " names, open while this docknet runs)");
    }
    return {};
}

Result<std::string> RealBackend::bindOutcome(const std::string& ns, const std::string& address, std::uint16_t port,
                                             const std::string& owner) {
    // The owner's own socket, bound by apply, is the kernel's "bound" (apply fails on any other
    // outcome), once: a second service of the same owner on the port (two host-mode nginx) did
    // not get it, and a fresh bind() below runs into it, as it does into anyone else's socket.
    if (m_listening.erase(ns + " " + address + ":" + std::to_string(port) + " " + owner) == 1) return std::string("bound");
    return m_worker.call([&]() -> Result<std::string> {
        auto entry = NamespaceEntry::enter(ns);
        if (!entry) return std::unexpected(entry.error());
        auto fd = listenTcp(address, port);
        if (!fd) {
            if (fd.error().code == ErrorCode::AddressInUse) return std::string("EADDRINUSE");
            return std::unexpected(fd.error());
        }
        ::close(*fd);  // the kernel said yes; nothing is kept that the plan does not list
        return std::string("bound");
    });
}

Result<std::string> RealBackend::httpGet(const std::string& ns, const std::string& dst, std::uint16_t port,
                                         const std::string& path, int timeoutMs) {
    if (!m_labNamespaces.contains(ns)) return fail(ErrorCode::Forbidden, ns + " is not a namespace of the applied lab");
    if (!m_labAddresses.contains(dst) && !dst.starts_with("127."))
        return fail(ErrorCode::Forbidden, dst + " is not an address of the applied lab: docknet connects to nothing else");
    auto fd = m_worker.call([&]() -> Result<int> {
        auto entry = NamespaceEntry::enter(ns);
        if (!entry) return std::unexpected(entry.error());
        return tcpSocketHere();
    });
    if (!fd) return std::unexpected(fd.error());
    return httpGetOver(*fd, dst, port, path, timeoutMs);  // off the worker (see http_get.hpp)
}

Result<std::string> RealBackend::lookup(const std::string& ns, const std::string& name, bool pointer, int timeoutMs) {
    return m_worker.call([&]() -> Result<std::string> {
        auto entry = NamespaceEntry::enter(ns);
        if (!entry) return std::unexpected(entry.error());
        return queryEmbeddedDns(name, pointer, timeoutMs);
    });
}

std::optional<std::pair<std::string, std::uint16_t>> RealBackend::forwardTarget(const sim::plan::PlanListener& l) const {
    const auto colon = l.forwardTo.rfind(':');
    if (colon == std::string::npos) return std::nullopt;
    const std::string address = l.forwardTo.substr(0, colon);
    const int port = std::atoi(l.forwardTo.c_str() + colon + 1);
    if (!m_labAddresses.contains(address) || port <= 0 || port > 65535) return std::nullopt;
    return std::pair{address, static_cast<std::uint16_t>(port)};
}

Result<void> RealBackend::openListeners(const sim::plan::KernelPlan& plan) {
    return m_worker.call([&]() -> Result<void> {
        for (const auto& l : plan.listeners) {
            auto entry = NamespaceEntry::enter(l.ns);
            if (!entry) return std::unexpected(entry.error());
            auto fd = listenTcp(l.address, l.port);
            if (!fd) return fail(fd.error().code, l.ns + " (" + l.owner + "): " + fd.error().message);
            m_listeners.push_back(*fd);
            if (servesConnections(l.owner)) {
                if (auto h = m_http.serve(*fd, l.owner); !h) return fail(h.error().code, l.ns + " (" + l.owner + "): " + h.error().message);
            } else if (auto target = forwardTarget(l)) {
                // The onward leg is made on the worker inside the proxy's namespace, to an
                // address of the lab only.
                auto open = [this, ns = l.ns, target = *target]() -> Result<int> {
                    return m_worker.call([&]() -> Result<int> {
                        auto entry = NamespaceEntry::enter(ns);
                        if (!entry) return std::unexpected(entry.error());
                        return openConnectedTcp(target.first, target.second, 2000);
                    });
                };
                if (auto h = m_http.serveProxy(*fd, open); !h) return fail(h.error().code, l.ns + " (" + l.owner + "): " + h.error().message);
            }
            m_listening.insert(l.ns + " " + l.address + ":" + std::to_string(l.port) + " " + l.owner);
            if (m_options.onMade) m_options.onMade("listen " + l.ns + " tcp " + l.address + ":" + std::to_string(l.port) + " (" + l.owner +
                                                  (answersHttp(l.owner) ? ", answers HTTP" : servesConnections(l.owner) ? ", closes without a reply"
                                                   : forwardTarget(l) ? ", forwards to " + l.forwardTo : "") + ", open while this docknet runs)");
        }
        return {};
    });
}

Result<std::string> RealBackend::connect(const std::string& ns, const std::string& dst, std::uint16_t port, int timeoutMs) {
    return m_worker.call([&]() -> Result<std::string> {
        auto entry = NamespaceEntry::enter(ns);
        if (!entry) return std::unexpected(entry.error());
        return connectTcp(dst, port, timeoutMs);
    });
}

Result<void> RealBackend::checkPrivileges() {
    if (::geteuid() != 0)
        return fail(ErrorCode::Forbidden,
                    "docknet real needs root (CAP_NET_ADMIN and CAP_SYS_ADMIN to create network namespaces); run it with sudo");
    if (::access("/proc/self/ns/net", F_OK) != 0)
        return fail(ErrorCode::Unsupported, "this kernel has no network namespaces (/proc/self/ns/net is missing)");
    return {};
}

Result<void> RealBackend::apply(const sim::plan::KernelPlan& plan) {
    if (auto l = m_ledger.lock(); !l) return l;
    auto existing = m_ledger.load();
    if (!existing) return std::unexpected(existing.error());
    if (!existing->empty())
        return fail(ErrorCode::Conflict, "a lab is applied already (" + m_ledger.path() + "); run `docknet real down` first");
    for (const auto& n : plan.namespaces) m_labNamespaces.insert(n.name);
    for (const auto& a : plan.addresses) m_labAddresses.insert(a.prefix.substr(0, a.prefix.find('/')));
    for (const auto& r : plan.rulesets) m_labTables[r.ns] = r.table;
    if (auto r = m_worker.call([&] { return PlanApplier(m_ledger, m_options).apply(plan); }); !r) return r;
    if (auto l = openListeners(plan); !l) return l;
    if (auto u = openUdpSockets(plan); !u) return u;
    return openResolvers(plan);
}

Result<void> RealBackend::down() {
    if (auto l = m_ledger.lock(); !l) return l;
    auto records = m_ledger.load();
    if (!records) return std::unexpected(records.error());
    closeListeners();
    m_labNamespaces.clear();
    m_labAddresses.clear();
    m_labTables.clear();
    if (records->empty()) return {};
    std::vector<std::string> problems;
    auto left = m_worker.call([&] { return removeRecorded(*records, problems); });
    if (auto r = m_ledger.rewrite(left); !r) return r;
    if (!problems.empty()) {
        std::string msg = "could not remove everything:";
        for (const auto& p : problems) msg += "\n  " + p;
        return fail(ErrorCode::Internal, msg);
    }
    return {};
}

Result<sim::plan::BackendStatus> RealBackend::status() {
    auto records = m_ledger.load();
    if (!records) return std::unexpected(records.error());
    sim::plan::BackendStatus s;
    s.applied = !records->empty();
    m_worker.call([&] {
        for (const auto& r : *records) {
            s.ledger.push_back(r.toString());
            if (recordExists(r)) s.present.push_back(r.toString());
        }
        return 0;
    });
    return s;
}

Result<bool> RealBackend::ping(const std::string& ns, const std::string& dst, int timeoutMs) {
    return m_worker.call([&]() -> Result<bool> {
        auto entry = NamespaceEntry::enter(ns);
        if (!entry) return std::unexpected(entry.error());
        return pingOnce(dst, timeoutMs);
    });
}

Result<std::vector<sim::plan::NeighborObservation>> RealBackend::neighbors(const std::string& ns) {
    return m_worker.call([&]() -> Result<std::vector<sim::plan::NeighborObservation>> {
        auto entry = NamespaceEntry::enter(ns);
        if (!entry) return std::unexpected(entry.error());
        auto session = NetlinkSession::open();
        if (!session) return std::unexpected(session.error());
        return readNeighbours(*session, ns);
    });
}

Result<std::vector<sim::plan::FdbObservation>> RealBackend::fdb(const std::string& ns) {
    return m_worker.call([&]() -> Result<std::vector<sim::plan::FdbObservation>> {
        auto entry = NamespaceEntry::enter(ns);
        if (!entry) return std::unexpected(entry.error());
        auto session = NetlinkSession::open();
        if (!session) return std::unexpected(session.error());
        return readFdb(*session, ns);
    });
}

}  // namespace docknet::real

namespace docknet::real {

Result<std::vector<sim::plan::LinkObservation>> RealBackend::links(const std::string& ns) {
    return m_worker.call([&]() -> Result<std::vector<sim::plan::LinkObservation>> {
        auto entry = NamespaceEntry::enter(ns);
        if (!entry) return std::unexpected(entry.error());
        auto session = NetlinkSession::open();
        if (!session) return std::unexpected(session.error());
        return readLinks(*session, ns);
    });
}

Result<std::vector<sim::plan::RouteObservation>> RealBackend::routes(const std::string& ns) {
    return m_worker.call([&]() -> Result<std::vector<sim::plan::RouteObservation>> {
        auto entry = NamespaceEntry::enter(ns);
        if (!entry) return std::unexpected(entry.error());
        auto session = NetlinkSession::open();
        if (!session) return std::unexpected(session.error());
        return readRoutes(*session, ns);
    });
}

Result<std::size_t> RealBackend::forgetNeighbours(const std::string& ns) {
    // Only the applied lab's namespaces: a docknet-* name alone could be someone else's.
    if (!m_labNamespaces.contains(ns)) return fail(ErrorCode::Forbidden, ns + " is not a namespace of the applied lab");
    return m_worker.call([&]() -> Result<std::size_t> {
        auto entry = NamespaceEntry::enter(ns);
        if (!entry) return std::unexpected(entry.error());
        auto session = NetlinkSession::open();
        if (!session) return std::unexpected(session.error());
        return forgetAllNeighbours(*session);
    });
}

Result<std::vector<sim::plan::CounterObservation>> RealBackend::counters(const std::string& ns) {
    const auto table = m_labTables.find(ns);
    if (table == m_labTables.end()) return fail(ErrorCode::NotFound, ns + " has no nft table of the applied lab");
    return m_worker.call([&]() -> Result<std::vector<sim::plan::CounterObservation>> {
        auto entry = NamespaceEntry::enter(ns);
        if (!entry) return std::unexpected(entry.error());
        return readRuleCounters(ns, table->second);
    });
}

}  // namespace docknet::real

namespace docknet::real {

Result<PairSweepReport> RealBackend::pingPairs(const std::vector<PingPair>& pairs, const PairSweepOptions& options) {
    std::map<std::string, std::set<std::string>> devs;  // namespace -> interfaces the pairs use
    for (const auto& p : pairs)
        for (const PairEnd* end : {&p.a, &p.b}) {
            if (!m_labNamespaces.contains(end->ns)) return fail(ErrorCode::Forbidden, end->ns + " is not a namespace of the applied lab");
            if (!m_labAddresses.contains(end->address))
                return fail(ErrorCode::Forbidden, end->address + " is not an address of the applied lab: docknet pings nothing else");
            devs[end->ns].insert(end->dev);
        }
    std::map<std::string, NamespaceProbe> probes;
    auto closeAll = [&] {
        for (auto& [ns, probe] : probes)
            if (probe.icmpSocket >= 0) ::close(probe.icmpSocket);
        // The netlink sessions were opened on the worker; libnl's sockets may be freed anywhere.
        probes.clear();
    };
    auto opened = m_worker.call([&]() -> Result<void> {
        for (const auto& [ns, names] : devs) {
            auto entry = NamespaceEntry::enter(ns);
            if (!entry) return std::unexpected(entry.error());
            NamespaceProbe& probe = probes[ns];
            probe.icmpSocket = ::socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, IPPROTO_ICMP);
            if (probe.icmpSocket < 0)
                return fail(ErrorCode::Forbidden, ns + ": ICMP datagram socket: " + std::strerror(errno) +
                                                      " (is net.ipv4.ping_group_range set in this namespace?)");
            auto session = NetlinkSession::open();
            if (!session) return std::unexpected(session.error());
            probe.netlink.emplace(std::move(*session));
            for (const auto& dev : names) {
                const unsigned idx = ::if_nametoindex(dev.c_str());  // in the namespace just entered
                if (idx == 0) return fail(ErrorCode::NotFound, ns + ": no interface " + dev);
                probe.ifindex[dev] = static_cast<int>(idx);
            }
        }
        return {};
    });
    if (!opened) {
        closeAll();
        return std::unexpected(opened.error());
    }
    auto report = PairPinger(probes).run(pairs, options);
    closeAll();
    return report;
}

}  // namespace docknet::real
