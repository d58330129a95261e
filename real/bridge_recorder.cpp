#include "real/bridge_recorder.hpp"

#include <pcap/pcap.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace docknet::real {

using sim::core::ErrorCode;
using sim::core::fail;
using sim::core::Result;

namespace {

struct DispatchState {
    PcapngWriter* writer;
    std::uint32_t index;
    std::size_t* packets;
    std::string* error;
};

void writeOne(u_char* user, const pcap_pkthdr* h, const u_char* bytes) {
    auto* s = reinterpret_cast<DispatchState*>(user);
    if (auto w = s->writer->write(s->index, h->ts.tv_sec, h->ts.tv_usec, bytes, h->caplen, h->len); !w) {
        if (s->error->empty()) *s->error = w.error().message;
        return;
    }
    ++*s->packets;
}

}  // namespace

Result<std::unique_ptr<BridgeRecorder>> BridgeRecorder::start(std::vector<PcapHandle> handles, PcapngWriter writer) {
    const int wake = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (wake < 0) return fail(ErrorCode::Internal, std::string("eventfd: ") + std::strerror(errno));
    std::unique_ptr<BridgeRecorder> r(new BridgeRecorder(std::move(handles), std::move(writer), wake));
    r->m_thread = std::thread([p = r.get()] { p->loop(); });
    return r;
}

BridgeRecorder::BridgeRecorder(std::vector<PcapHandle> handles, PcapngWriter writer, int wake)
    : m_handles(std::move(handles)), m_writer(std::move(writer)), m_wake(wake), m_packets(m_handles.size(), 0) {}

BridgeRecorder::~BridgeRecorder() {
    if (!m_stopped) (void)stop();
    if (m_wake >= 0) ::close(m_wake);
}

void BridgeRecorder::drain(std::size_t index) {
    DispatchState state{&m_writer, static_cast<std::uint32_t>(index), &m_packets[index], &m_error};
    if (pcap_dispatch(m_handles[index].get(), -1, writeOne, reinterpret_cast<u_char*>(&state)) == PCAP_ERROR && m_error.empty())
        m_error = std::string("pcap: ") + pcap_geterr(m_handles[index].get());
}

void BridgeRecorder::loop() {
    std::vector<pollfd> fds;
    for (const auto& h : m_handles) fds.push_back({pcap_get_selectable_fd(h.get()), POLLIN, 0});
    fds.push_back({m_wake, POLLIN, 0});
    for (;;) {
        if (::poll(fds.data(), fds.size(), -1) < 0) {
            if (errno == EINTR) continue;
            m_error = std::string("poll: ") + std::strerror(errno);
            return;
        }
        for (std::size_t i = 0; i < m_handles.size(); ++i)
            if (fds[i].revents & POLLIN) drain(i);
        if (fds.back().revents & POLLIN) break;
    }
    // Frames that arrived with the stop: each handle once more (non-blocking).
    for (std::size_t i = 0; i < m_handles.size(); ++i) drain(i);
}

Result<std::vector<std::size_t>> BridgeRecorder::stop() {
    if (m_stopped) return m_packets;
    m_stopped = true;
    const std::uint64_t one = 1;
    if (::write(m_wake, &one, sizeof one) != sizeof one) return fail(ErrorCode::Internal, "eventfd write failed");
    m_thread.join();
    m_handles.clear();
    if (auto c = m_writer.close(); !c && m_error.empty()) m_error = c.error().message;
    if (!m_error.empty()) return fail(ErrorCode::Internal, m_error);
    return m_packets;
}

}  // namespace docknet::real
