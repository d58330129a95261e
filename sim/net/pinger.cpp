#include "sim/net/pinger.hpp"

#include <algorithm>

#include <cmath>

#include "sim/net/ipv4_layer.hpp"
#include "sim/net/kernel.hpp"

namespace sim::net {

Pinger::Pinger(Kernel& kernel, core::NamespaceId ns, PingOptions options)
    : m_kernel(kernel), m_ns(ns), m_options(options) {}

Pinger::~Pinger() {
    m_kernel.scheduler().cancel(m_sendTimer);
    m_kernel.scheduler().cancel(m_lingerTimer);
    if (m_id != 0) m_kernel.icmp().closeEchoSocket(m_ns, m_id);
}

core::Result<void> Pinger::start() {
    if (auto rd = m_kernel.ipv4().route(m_ns, m_options.dst); !rd) return std::unexpected(rd.error());
    m_id = m_kernel.icmp().openEchoSocket(m_ns, [this](const EchoEvent& ev) { onEvent(ev); });
    m_started = m_kernel.now();
    sendNext();
    return {};
}

void Pinger::sendNext() {
    m_sendTimer = {};
    const std::uint16_t seq = m_nextSeq++;
    if (m_sentAt.size() <= seq) {
        m_sentAt.resize(seq + 1);
        m_answered.resize(seq + 1, false);
    }
    // The sequence is 16 bits: after 65,536 requests it wraps, and the slot is cleared for the new
    // request, as iputils clears its received bit (rcvd_clear) before sending.
    if (m_sentAt[seq] && !m_answered[seq]) --m_inFlight;
    m_sentAt[seq] = m_kernel.now();
    m_answered[seq] = false;
    ++m_inFlight;
    ++m_report.transmitted;
    EchoRequest req{m_options.dst, m_id, seq, m_options.ttl, m_options.size, std::nullopt};
    (void)m_kernel.icmp().sendEcho(m_ns, req);  // a route lost mid-run just goes unanswered

    m_report.maxInFlight = std::max(m_report.maxInFlight, m_inFlight);

    if (m_options.count <= 0 || m_report.transmitted < m_options.count) {
        // A process cannot send two requests at one instant: -i 0 sends them back to back, 1 µs
        // apart (else a burst of more than 65,536 would wrap the sequence before any reply).
        const core::Duration gap = std::max(m_options.interval, core::micros(1));
        m_sendTimer = m_kernel.scheduler().schedule(gap, [this] { sendNext(); });
    } else {
        m_lingerTimer = m_kernel.scheduler().schedule(m_options.linger, [this] { finish(); });
        maybeFinish();
    }
}

void Pinger::onEvent(const EchoEvent& ev) {
    if (m_report.finished || ev.sequence >= m_sentAt.size() || !m_sentAt[ev.sequence]) return;
    PingEvent pe;
    pe.sequence = ev.sequence;
    pe.from = ev.from;
    pe.isError = ev.kind == EchoEvent::Kind::Error;
    pe.type = ev.type;
    pe.code = ev.code;
    pe.ttl = ev.ttl;
    pe.bytes = static_cast<std::uint16_t>(ev.dataLength + 8);
    pe.rtt = ev.at - *m_sentAt[ev.sequence];
    pe.at = ev.at;
    if (pe.isError) {
        ++m_report.errors;
    } else {
        if (m_answered[ev.sequence]) return;  // a duplicate (DUP!) is not counted again
        ++m_report.received;
    }
    if (!m_answered[ev.sequence]) --m_inFlight;
    m_answered[ev.sequence] = true;
    m_report.events.push_back(pe);
    maybeFinish();
}

void Pinger::maybeFinish() {
    if (m_options.count > 0 && m_report.transmitted >= m_options.count &&
        m_report.received + m_report.errors >= m_options.count)
        finish();
}

void Pinger::finish() {
    if (m_report.finished) return;
    m_report.finished = true;
    m_kernel.scheduler().cancel(m_sendTimer);
    m_kernel.scheduler().cancel(m_lingerTimer);
    m_report.elapsed = m_kernel.now() - m_started;
    // iputils: min/avg/max and mdev = sqrt(E[rtt^2] - E[rtt]^2) over the replies.
    double sum = 0, sum2 = 0;
    std::int64_t mn = INT64_MAX, mx = 0;
    int n = 0;
    for (const auto& e : m_report.events) {
        if (e.isError) continue;
        const double us = static_cast<double>(e.rtt.micros());
        sum += us;
        sum2 += us * us;
        mn = std::min(mn, e.rtt.micros());
        mx = std::max(mx, e.rtt.micros());
        ++n;
    }
    if (n > 0) {
        const double avg = sum / n;
        m_report.rttMin = core::micros(mn);
        m_report.rttMax = core::micros(mx);
        m_report.rttAvg = core::micros(static_cast<std::int64_t>(std::llround(avg)));
        m_report.rttMdev = core::micros(static_cast<std::int64_t>(std::llround(std::sqrt(std::max(0.0, sum2 / n - avg * avg)))));
    }
    m_kernel.icmp().closeEchoSocket(m_ns, m_id);
    m_id = 0;
}

core::Result<PingReport> Pinger::run(Kernel& kernel, core::NamespaceId ns, PingOptions options) {
    Pinger p(kernel, ns, options);
    if (auto r = p.start(); !r) return std::unexpected(r.error());
    while (!p.isFinished() && kernel.scheduler().step()) {
    }
    return p.report();
}

}  // namespace sim::net
