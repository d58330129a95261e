#include "pcap_writer.hpp"

#include <pcap/pcap.h>

#include <algorithm>
#include <memory>

namespace docknet::exporting {

std::expected<std::size_t, std::string> writePcap(const sim::core::TraceLog& log, std::size_t begin, std::size_t end,
                                                  const std::string& path) {
    std::unique_ptr<pcap_t, decltype(&pcap_close)> dead(pcap_open_dead(DLT_EN10MB, 65535), &pcap_close);
    if (!dead) return std::unexpected(std::string("pcap_open_dead failed"));
    std::unique_ptr<pcap_dumper_t, decltype(&pcap_dump_close)> out(pcap_dump_open(dead.get(), path.c_str()), &pcap_dump_close);
    if (!out) return std::unexpected(std::string(pcap_geterr(dead.get())));
    const auto& records = log.records();
    std::size_t written = 0;
    for (std::size_t i = begin; i < std::min(end, records.size()); ++i) {
        const auto& rec = records[i];
        if (rec.kind != sim::core::TraceKind::FrameTx || rec.frame.layer != sim::core::FrameLayer::Ethernet) continue;
        const auto bytes = log.frameBytes(rec.frame);
        pcap_pkthdr hdr{};
        const std::int64_t us = rec.time.micros();
        hdr.ts.tv_sec = static_cast<time_t>(us / 1'000'000);
        hdr.ts.tv_usec = static_cast<suseconds_t>(us % 1'000'000);
        hdr.caplen = hdr.len = static_cast<bpf_u_int32>(bytes.size());
        pcap_dump(reinterpret_cast<u_char*>(out.get()), &hdr, bytes.data());
        ++written;
    }
    if (pcap_dump_flush(out.get()) != 0) return std::unexpected(std::string("could not write ") + path);
    return written;
}

}  // namespace docknet::exporting
