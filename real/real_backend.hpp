// RealBackend: the sim::plan::KernelBackend that builds a KernelPlan in real network namespaces
// (all named docknet-*, none of them the machine's own), records every object in the Ledger
// before making it, and removes exactly the ledger's objects on down. All namespace work runs
// on its NamespaceWorker thread.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <utility>
#include <set>
#include <vector>

#include "real/http_responder.hpp"
#include "real/ledger.hpp"
#include "real/namespace_worker.hpp"
#include "real/packet_capture.hpp"
#include "real/pair_pinger.hpp"
#include "real/real_options.hpp"
#include "real/udp_responder.hpp"
#include "sim/plan/plan.hpp"

namespace docknet::real {

class RealBackend final : public sim::plan::KernelBackend {
public:
    explicit RealBackend(RealOptions options);
    ~RealBackend() override;

    /// Root (CAP_NET_ADMIN, CAP_SYS_ADMIN) and network namespaces available; else what is missing.
    static sim::core::Result<void> checkPrivileges();

    sim::core::Result<void> apply(const sim::plan::KernelPlan& plan) override;
    sim::core::Result<void> down() override;
    sim::core::Result<sim::plan::BackendStatus> status() override;
    sim::core::Result<bool> ping(const std::string& ns, const std::string& dst, int timeoutMs) override;
    sim::core::Result<std::vector<sim::plan::NeighborObservation>> neighbors(const std::string& ns) override;
    sim::core::Result<std::vector<sim::plan::FdbObservation>> fdb(const std::string& ns) override;
    sim::core::Result<std::vector<sim::plan::LinkObservation>> links(const std::string& ns) override;
    sim::core::Result<std::string> connect(const std::string& ns, const std::string& dst, std::uint16_t port,
                                           int timeoutMs) override;
    sim::core::Result<std::string> bindOutcome(const std::string& ns, const std::string& address,
                                               std::uint16_t port, const std::string& owner) override;
    sim::core::Result<std::string> udpBindOutcome(const std::string& ns, const std::string& address,
                                                  std::uint16_t port, const std::string& owner) override;
    /// Only to an address of the applied lab, or loopback inside `ns`.
    sim::core::Result<std::string> udpExchange(const std::string& ns, const std::string& dst, std::uint16_t port,
                                               const std::string& payload, int timeoutMs) override;
    /// Only to an address of the applied lab, or loopback inside `ns`.
    sim::core::Result<std::string> httpGet(const std::string& ns, const std::string& dst, std::uint16_t port,
                                           const std::string& path, int timeoutMs) override;
    sim::core::Result<std::string> lookup(const std::string& ns, const std::string& name, bool pointer,
                                          int timeoutMs) override;
    sim::core::Result<std::vector<sim::plan::RouteObservation>> routes(const std::string& ns) override;
    sim::core::Result<std::size_t> forgetNeighbours(const std::string& ns) override;
    /// The rule counters of the applied plan's nft table in `ns` (libnftables, on the worker).
    sim::core::Result<std::vector<sim::plan::CounterObservation>> counters(const std::string& ns) override;

    /// All `pairs` pinged in the kernel (see PairPinger): one ICMP datagram socket and one
    /// netlink socket per namespace, opened inside it on the worker, then the pings sent and
    /// received from the calling thread. Only namespaces and addresses of the applied plan.
    sim::core::Result<PairSweepReport> pingPairs(const std::vector<PingPair>& pairs, const PairSweepOptions& options);

    /// Records request.iface inside request.ns into a pcap file, on the worker thread (see
    /// PacketCapture). Refuses a namespace the ledger does not record as docknet's own.
    sim::core::Result<CaptureSummary> capture(const CaptureRequest& request);

    /// Records every interface of `request` at once into one pcapng file (one interface block
    /// each) while `whileRecording` runs on the calling thread (it may use this backend's probes),
    /// then for the rest of request.seconds, or 1 s more when that is 0. Only namespaces the
    /// ledger records. Frames per interface, in request order.
    sim::core::Result<std::vector<std::size_t>> record(const RecordRequest& request, const std::function<void()>& whileRecording);
    /// The bridges the ledger records (link entries: docker0, br-*), as (namespace, name).
    sim::core::Result<std::vector<RecordedInterface>> recordedBridges();

    [[nodiscard]] const Ledger& ledger() const { return m_ledger; }

private:
    /// The plan's TCP listeners, bound inside their namespaces. They live as long as this
    /// backend (the process): not in the ledger, since the kernel closes them at exit.
    sim::core::Result<void> openListeners(const sim::plan::KernelPlan& plan);
    void closeListeners();
    /// A docker-proxy listener's target, when it is an address of the applied lab.
    [[nodiscard]] std::optional<std::pair<std::string, std::uint16_t>> forwardTarget(const sim::plan::PlanListener& l) const;
    /// The plan's embedded DNS: a 127.0.0.11:53 socket per resolver, answered by m_udp.
    sim::core::Result<void> openResolvers(const sim::plan::KernelPlan& plan);
    /// The plan's UDP sockets, served by m_udp: dnsmasq's answered from its zone, the rest read.
    sim::core::Result<void> openUdpSockets(const sim::plan::KernelPlan& plan);

    RealOptions m_options;
    std::vector<int> m_listeners;
    std::set<std::string> m_labNamespaces;  // of the plan applied: where pingPairs may send from
    std::set<std::string> m_labAddresses;   // and to (no packet leaves docknet's namespaces)
    std::map<std::string, std::string> m_labTables;  // namespace -> the nft table apply made there
    // "docknet-host 0.0.0.0:80 docker-proxy": what m_listeners hold, not yet claimed by a bind check
    std::set<std::string> m_listening;
    struct HeldUdp {
        sim::plan::PlanUdpSocket socket;
        int fd = -1;  // served by m_udp
    };
    std::vector<HeldUdp> m_udpHeld;
    // "docknet-host 0.0.0.0:5353 docker-proxy": the UDP sockets apply bound, not yet claimed by a bind check
    std::set<std::string> m_udpBound;
    UdpResponder m_udp;  // the embedded DNS, dnsmasq, docker-proxy's UDP sockets (read, counted, never answered)
    HttpResponder m_http;  // answers on the service listeners of m_listeners, relays docker-proxy's
    Ledger m_ledger;
    NamespaceWorker m_worker;  // last: its thread stops before the rest goes
};

}  // namespace docknet::real
