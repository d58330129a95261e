// PcapngWriter: one pcapng file with one Interface Description Block per recorded interface
// ("docknet-host/docker0"), so Wireshark shows which bridge each frame crossed. libpcap's dumper
// writes classic pcap only, one link per file; the format's three blocks are written here.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "sim/core/error.hpp"

namespace docknet::real {

struct PcapngInterface {
    std::string name;            // if_name option: "docknet-host/docker0"
    std::uint16_t linkType = 1;  // LINKTYPE_ETHERNET
    std::uint32_t snapLen = 65535;
};

class PcapngWriter {
public:
    /// Creates `path` and writes the section header and every interface's description.
    static sim::core::Result<PcapngWriter> create(const std::string& path, const std::vector<PcapngInterface>& interfaces);
    PcapngWriter(PcapngWriter&& other) noexcept;
    PcapngWriter& operator=(PcapngWriter&&) = delete;
    PcapngWriter(const PcapngWriter&) = delete;
    ~PcapngWriter();

    /// An Enhanced Packet Block on interface `index` (its place in create's list); microseconds.
    sim::core::Result<void> write(std::uint32_t index, std::int64_t seconds, std::int64_t micros,
                                  const std::uint8_t* data, std::uint32_t capturedLength, std::uint32_t originalLength);
    /// Flushes and closes; errors a full disk would cause.
    sim::core::Result<void> close();

private:
    PcapngWriter(std::FILE* file, std::string path) : m_file(file), m_path(std::move(path)) {}
    std::FILE* m_file = nullptr;
    std::string m_path;
};

}  // namespace docknet::real
