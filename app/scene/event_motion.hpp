// EventMotion: what the canvas shows for one trace event — envelopes travelling along links
// (one per egress port for a flood), a drop mark where the packet died, or the shape where
// the event happened. Plain C++ over the layout, so tests can check it without a scene.
#pragma once

#include <string>
#include <vector>

#include "sim/core/trace.hpp"
#include "topology_layout.hpp"

namespace docknet::scene {

enum class Protocol { Arp, Icmp, Tcp, Udp, Dns, Other };

/// ARP, ICMP, TCP, UDP or DNS, from the record's frame (or its text when it has none).
Protocol protocolOf(const sim::core::TraceLog& log, const sim::core::TraceRecord& rec);

struct Motion {
    std::string linkId;    // the link an envelope travels along; empty for a mark
    bool forward = true;   // from path.front() to path.back()
    std::string nodeId;    // the shape marked (where it happened / was dropped)
    bool drop = false;
};

struct EventMotion {
    Protocol protocol = Protocol::Other;
    std::vector<Motion> motions;
    std::string label;     // short text beside the envelope
};

EventMotion motionFor(const sim::core::TraceLog& log, std::size_t index, const Layout& layout,
                      const TopologySnapshot& snapshot);

}  // namespace docknet::scene
