#include "real/real_backend.hpp"

#include <sched.h>
#include <unistd.h>

#include <algorithm>

#include "real/icmp_probe.hpp"
#include "real/ledger_teardown.hpp"
#include "real/neighbour_reader.hpp"
#include "real/netlink_session.hpp"
#include "real/netns_path.hpp"
#include "real/plan_applier.hpp"

namespace docknet::real {

using sim::core::ErrorCode;
using sim::core::fail;
using sim::core::Result;

RealBackend::RealBackend(RealOptions options) : m_options(std::move(options)), m_ledger(m_options.stateDir) {}

RealBackend::~RealBackend() = default;

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
    return m_worker.call([&] { return PlanApplier(m_ledger, m_options).apply(plan); });
}

Result<void> RealBackend::down() {
    if (auto l = m_ledger.lock(); !l) return l;
    auto records = m_ledger.load();
    if (!records) return std::unexpected(records.error());
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
