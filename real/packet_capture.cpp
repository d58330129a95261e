#include "real/packet_capture.hpp"

#include "real/live_capture.hpp"

#include <pcap/pcap.h>
#include <poll.h>

#include <chrono>
#include <memory>

namespace docknet::real {

using sim::core::ErrorCode;
using sim::core::fail;
using sim::core::Result;

namespace {

struct DumperCloser {
    void operator()(pcap_dumper_t* d) const { pcap_dump_close(d); }
};

struct DumpState {
    pcap_dumper_t* dumper = nullptr;
    std::size_t packets = 0;
};

void dumpOne(u_char* user, const pcap_pkthdr* header, const u_char* bytes) {
    auto* state = reinterpret_cast<DumpState*>(user);
    pcap_dump(reinterpret_cast<u_char*>(state->dumper), header, bytes);
    ++state->packets;
}

}  // namespace

Result<CaptureSummary> captureHere(const CaptureRequest& request) {
    if (!(request.timeoutSeconds > 0) || request.timeoutSeconds > 3600)
        return fail(ErrorCode::InvalidArgument, "capture timeout must be more than 0 and at most 3600 seconds");
    auto handle = openLiveHere(request.iface, request.ns);
    if (!handle) return std::unexpected(handle.error());
    const int fd = pcap_get_selectable_fd(handle->get());
    std::unique_ptr<pcap_dumper_t, DumperCloser> dumper(pcap_dump_open(handle->get(), request.outPath.c_str()));
    if (!dumper) return fail(ErrorCode::Internal, request.outPath + ": " + pcap_geterr(handle->get()));

    DumpState state{dumper.get(), 0};
    if (request.onStarted) request.onStarted();
    using Clock = std::chrono::steady_clock;
    const auto deadline = Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                             std::chrono::duration<double>(request.timeoutSeconds));
    CaptureSummary summary;
    while (request.maxPackets == 0 || state.packets < request.maxPackets) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
        if (left <= 0) {
            summary.timedOut = true;
            break;
        }
        pollfd p{fd, POLLIN, 0};
        if (::poll(&p, 1, static_cast<int>(left)) <= 0) continue;  // timeout (or EINTR): the deadline decides
        const int wanted = request.maxPackets == 0 ? -1 : static_cast<int>(request.maxPackets - state.packets);
        if (pcap_dispatch(handle->get(), wanted, dumpOne, reinterpret_cast<u_char*>(&state)) == PCAP_ERROR)
            return fail(ErrorCode::Internal, "pcap " + request.iface + ": " + pcap_geterr(handle->get()));
    }
    summary.packets = state.packets;
    if (pcap_dump_flush(dumper.get()) != 0) return fail(ErrorCode::Internal, request.outPath + ": write failed");
    return summary;
}

}  // namespace docknet::real
