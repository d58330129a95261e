// RealBackend::capture: kept apart from real_backend.cpp, it is the one entry point that opens a
// packet socket.
#include <algorithm>

#include "real/real_backend.hpp"

namespace docknet::real {

using sim::core::ErrorCode;
using sim::core::fail;
using sim::core::Result;

Result<CaptureSummary> RealBackend::capture(const CaptureRequest& request) {
    // Only a namespace this docknet made: a docknet-* name alone could be a student's own
    // `ip netns add`, and the machine's namespace is never listened on.
    auto records = m_ledger.load();
    if (!records) return std::unexpected(records.error());
    const bool ours = std::any_of(records->begin(), records->end(),
                                  [&](const LedgerRecord& r) { return r.kind == "netns" && r.field(0) == request.ns; });
    if (!ours)
        return fail(ErrorCode::Forbidden, "refusing to capture in " + request.ns + ": the ledger (" + m_ledger.path() +
                                              ") does not record it as a namespace docknet made");
    return m_worker.call([&]() -> Result<CaptureSummary> {
        auto entry = NamespaceEntry::enter(request.ns);
        if (!entry) return std::unexpected(entry.error());
        return captureHere(request);
    });
}

}  // namespace docknet::real
