// PacketCapture: libpcap on one interface of the namespace the calling thread is in, written to
// a pcap file. It must run on the NamespaceWorker after NamespaceEntry::enter: a packet socket
// binds to the namespace of the thread that creates it, so opened anywhere else it would see the
// machine's own interfaces. Always bounded: it stops after maxPackets or timeoutSeconds.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "sim/core/error.hpp"

namespace docknet::real {

struct CaptureRequest {
    std::string ns;              // a docknet-* namespace the ledger records
    std::string iface;           // an interface inside it (docker0, eth0, ...)
    std::string outPath;         // the pcap file written
    std::size_t maxPackets = 0;  // 0: until the timeout
    double timeoutSeconds = 10;  // never unbounded: > 0, at most an hour
    /// Called (on the worker thread) once the handle is live, so a caller can start traffic
    /// knowing none of it is missed.
    std::function<void()> onStarted;
};

struct CaptureSummary {
    std::size_t packets = 0;
    bool timedOut = false;  // stopped by the timeout rather than the packet count
};

/// One interface of a recording of several (docknet real capture --out): "docknet-host", "docker0".
struct RecordedInterface {
    std::string ns, iface;
};

struct RecordRequest {
    std::vector<RecordedInterface> interfaces;
    std::string outPath;  // pcapng
    double seconds = 0;   // 0: while the traffic runs, then 1 s; else at most an hour
};

/// Captures on request.iface in the calling thread's namespace (see above).
sim::core::Result<CaptureSummary> captureHere(const CaptureRequest& request);

}  // namespace docknet::real
