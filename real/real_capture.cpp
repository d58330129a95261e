// RealBackend::capture and ::record: kept apart from real_backend.cpp, they are the entry points
// that open packet sockets.
#include <algorithm>
#include <chrono>
#include <thread>

#include "real/bridge_recorder.hpp"
#include "real/real_backend.hpp"

namespace docknet::real {

using sim::core::ErrorCode;
using sim::core::fail;
using sim::core::Result;

namespace {

/// Only a namespace this docknet made: a docknet-* name alone could be a student's own
/// `ip netns add`, and the machine's namespace is never listened on.
Result<void> recordedNamespace(const std::vector<LedgerRecord>& records, const std::string& ns, const std::string& ledgerPath) {
    const bool ours = std::any_of(records.begin(), records.end(),
                                  [&](const LedgerRecord& r) { return r.kind == "netns" && r.field(0) == ns; });
    if (!ours)
        return fail(ErrorCode::Forbidden, "refusing to capture in " + ns + ": the ledger (" + ledgerPath +
                                              ") does not record it as a namespace docknet made");
    return {};
}

}  // namespace

Result<CaptureSummary> RealBackend::capture(const CaptureRequest& request) {
    auto records = m_ledger.load();
    if (!records) return std::unexpected(records.error());
    if (auto ours = recordedNamespace(*records, request.ns, m_ledger.path()); !ours) return std::unexpected(ours.error());
    return m_worker.call([&]() -> Result<CaptureSummary> {
        auto entry = NamespaceEntry::enter(request.ns);
        if (!entry) return std::unexpected(entry.error());
        return captureHere(request);
    });
}

Result<std::vector<RecordedInterface>> RealBackend::recordedBridges() {
    auto records = m_ledger.load();
    if (!records) return std::unexpected(records.error());
    std::vector<RecordedInterface> out;
    for (const auto& r : *records)
        if (r.kind == "link") out.push_back({r.field(0), r.field(1)});
    return out;
}

Result<std::vector<std::size_t>> RealBackend::record(const RecordRequest& request, const std::function<void()>& whileRecording) {
    if (request.seconds < 0 || request.seconds > 3600)
        return fail(ErrorCode::InvalidArgument, "capture seconds must be between 0 and 3600");
    if (request.interfaces.empty()) return fail(ErrorCode::InvalidArgument, "nothing to capture: the lab has no bridge");
    auto records = m_ledger.load();
    if (!records) return std::unexpected(records.error());
    for (const auto& i : request.interfaces)
        if (auto ours = recordedNamespace(*records, i.ns, m_ledger.path()); !ours) return std::unexpected(ours.error());
    auto handles = m_worker.call([&]() -> Result<std::vector<PcapHandle>> {
        std::vector<PcapHandle> out;
        for (const auto& i : request.interfaces) {
            auto entry = NamespaceEntry::enter(i.ns);
            if (!entry) return std::unexpected(entry.error());
            auto h = openLiveHere(i.iface, i.ns);
            if (!h) return std::unexpected(h.error());
            out.push_back(std::move(*h));
        }
        return out;
    });
    if (!handles) return std::unexpected(handles.error());
    std::vector<PcapngInterface> described;
    for (const auto& i : request.interfaces) described.push_back({i.ns + "/" + i.iface});
    auto writer = PcapngWriter::create(request.outPath, described);
    if (!writer) return std::unexpected(writer.error());
    const auto started = std::chrono::steady_clock::now();
    auto recorder = BridgeRecorder::start(std::move(*handles), std::move(*writer));
    if (!recorder) return std::unexpected(recorder.error());
    whileRecording();
    // The last replies and the peers' late frames (a FIN, an ARP) still land in the file.
    using Clock = std::chrono::steady_clock;
    const auto until = request.seconds > 0
                           ? started + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(request.seconds))
                           : Clock::now() + std::chrono::seconds(1);
    std::this_thread::sleep_until(until);
    return (*recorder)->stop();
}

}  // namespace docknet::real
