// writePcap: the trace's frames as a capture file (libpcap, Ethernet link type) that tshark and
// Wireshark open: one packet per FrameTx record that carries an Ethernet frame — each hop's
// transmission, as a capture on "any" interface would see it — stamped with simulated time.
#pragma once

#include <cstddef>
#include <expected>
#include <string>

#include "sim/core/trace.hpp"

namespace docknet::exporting {

/// Records [begin, end) of `log`; returns how many packets were written, or libpcap's error.
std::expected<std::size_t, std::string> writePcap(const sim::core::TraceLog& log, std::size_t begin, std::size_t end,
                                                  const std::string& path);

}  // namespace docknet::exporting
