// Pinger: one run of ping(8) from a namespace, as iputils does it: echo requests every
// `interval` (icmp_seq from 1), each answered by a reply or an ICMP error, until `count` were
// sent and all were answered, or the linger time after the last one (-W, default 10 s)
// passed. The report carries what ping prints; formatting it (iputils or busybox) is the
// tool's job, not the kernel's.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "sim/core/error.hpp"
#include "sim/core/ids.hpp"
#include "sim/core/sim_time.hpp"
#include "sim/net/icmp.hpp"
#include "sim/wire/ipv4_address.hpp"

namespace sim::net {

class Kernel;

struct PingOptions {
    wire::Ipv4Address dst;
    int count = 4;                               // -c
    core::Duration interval = core::seconds(1);  // -i
    core::Duration linger = core::seconds(10);   // -W: wait after the last request
    std::uint8_t ttl = 64;                       // -t
    std::uint16_t size = 56;                     // -s
};

struct PingEvent {
    std::uint16_t sequence = 0;
    wire::Ipv4Address from;
    bool isError = false;
    wire::IcmpType type = wire::IcmpType::EchoReply;
    std::uint8_t code = 0;
    std::uint8_t ttl = 0;
    std::uint16_t bytes = 0;  // ICMP length of the reply ("64 bytes from")
    core::Duration rtt;
    core::SimTime at;
};

struct PingReport {
    int transmitted = 0;
    int received = 0;
    int errors = 0;
    std::vector<PingEvent> events;  // in arrival order
    core::Duration elapsed;         // from the first request to the end (ping's "time")
    core::Duration rttMin, rttMax, rttAvg, rttMdev;
    int maxInFlight = 0;            // ping's "pipe N" when above 1
    bool finished = false;
};

class Pinger {
public:
    Pinger(Kernel& kernel, core::NamespaceId ns, PingOptions options);
    ~Pinger();
    Pinger(const Pinger&) = delete;
    Pinger& operator=(const Pinger&) = delete;

    /// Sends the first request now. "Network is unreachable" when there is no route at all
    /// (ping exits with "connect: Network is unreachable" before sending anything).
    core::Result<void> start();
    [[nodiscard]] bool isFinished() const { return m_report.finished; }
    [[nodiscard]] const PingReport& report() const { return m_report; }
    /// Convenience: start, then run the scheduler until the ping is over.
    static core::Result<PingReport> run(Kernel& kernel, core::NamespaceId ns, PingOptions options);

private:
    void sendNext();
    void onEvent(const EchoEvent& ev);
    void maybeFinish();
    void finish();

    Kernel& m_kernel;
    core::NamespaceId m_ns;
    PingOptions m_options;
    std::uint16_t m_id = 0;
    std::uint16_t m_nextSeq = 1;
    core::SimTime m_started;
    std::vector<std::optional<core::SimTime>> m_sentAt;  // by sequence
    std::vector<bool> m_answered;
    int m_inFlight = 0;  // sent, neither answered nor overwritten by a wrapped sequence
    core::EventId m_sendTimer;
    core::EventId m_lingerTimer;
    PingReport m_report;
};

}  // namespace sim::net
