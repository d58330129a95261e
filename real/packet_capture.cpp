#include "real/packet_capture.hpp"

#include <pcap/pcap.h>
#include <poll.h>

#include <chrono>
#include <memory>

namespace docknet::real {

using sim::core::ErrorCode;
using sim::core::fail;
using sim::core::Result;

namespace {

struct PcapCloser {
    void operator()(pcap_t* p) const { pcap_close(p); }
};
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
    char err[PCAP_ERRBUF_SIZE] = {};
    std::unique_ptr<pcap_t, PcapCloser> handle(pcap_create(request.iface.c_str(), err));
    if (!handle) return fail(ErrorCode::Internal, "pcap " + request.iface + ": " + err);
    pcap_set_snaplen(handle.get(), 65535);
    pcap_set_promisc(handle.get(), 1);  // a bridge's frames between two ports are not addressed to it
    pcap_set_immediate_mode(handle.get(), 1);  // each frame at once, so the count stops it promptly
    if (const int rc = pcap_activate(handle.get()); rc < 0)
        return fail(rc == PCAP_ERROR_NO_SUCH_DEVICE ? ErrorCode::NotFound : ErrorCode::Internal,
                    request.ns + " " + request.iface + ": " + pcap_geterr(handle.get()));
    if (pcap_setnonblock(handle.get(), 1, err) != 0) return fail(ErrorCode::Internal, std::string("pcap: ") + err);
    const int fd = pcap_get_selectable_fd(handle.get());
    if (fd < 0) return fail(ErrorCode::Unsupported, "pcap: no selectable descriptor for " + request.iface);
    std::unique_ptr<pcap_dumper_t, DumperCloser> dumper(pcap_dump_open(handle.get(), request.outPath.c_str()));
    if (!dumper) return fail(ErrorCode::Internal, request.outPath + ": " + pcap_geterr(handle.get()));

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
        if (pcap_dispatch(handle.get(), wanted, dumpOne, reinterpret_cast<u_char*>(&state)) == PCAP_ERROR)
            return fail(ErrorCode::Internal, "pcap " + request.iface + ": " + pcap_geterr(handle.get()));
    }
    summary.packets = state.packets;
    if (pcap_dump_flush(dumper.get()) != 0) return fail(ErrorCode::Internal, request.outPath + ": write failed");
    return summary;
}

}  // namespace docknet::real
