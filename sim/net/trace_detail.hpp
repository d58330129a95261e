// The kernel's side of the cheap trace records: the names a record refers to, interned once per
// interface (not built per record), and the renderer that makes a record's detail text from its
// frame when someone asks for it — the same text the kernel used to build while recording.
#pragma once

#include <string>
#include <vector>

#include "sim/core/ids.hpp"
#include "sim/core/trace.hpp"

#include <optional>
#include <span>

#include "sim/wire/bytes.hpp"
#include "sim/wire/ethernet_frame.hpp"
#include "sim/wire/ipv4_packet.hpp"

namespace sim::net {

class Kernel;

/// core::TraceLog::DetailRenderer for the kernel's records: FrameSummary, FrameWithMacs and
/// IpSummary decode the kept bytes; the bridge forms format the frame's MACs and the port names.
std::string renderTraceDetail(const core::TraceRecord& rec);

/// True when renderTraceDetail gives back exactly `summary()` / `summaryWithMacs()` of this
/// frame or packet from its encoded bytes: ARP and ICMP echo (the hot path). Others (TCP, UDP,
/// DNS, ICMP errors) keep their text literally.
bool rendersFromBytes(const wire::EthernetFrame& frame);
bool rendersFromBytes(const wire::Ipv4Packet& packet);

/// The bytes of the last frame and the last packet the trace encoded: one recorded again
/// unchanged (a flood's copies, FrameTx then FrameRx of the same frame) is compared, not
/// encoded again.
class TraceEncoder {
public:
    std::span<const std::uint8_t> encode(const wire::EthernetFrame& frame);
    std::span<const std::uint8_t> encode(const wire::Ipv4Packet& packet);

private:
    std::optional<wire::EthernetFrame> m_frame;
    wire::Bytes m_frameBytes;
    std::optional<wire::Ipv4Packet> m_packet;
    wire::Bytes m_packetBytes;
};

/// Per-interface and per-namespace text ids of a kernel's trace log ("ns/ifname", "ifname",
/// "ns"), checked against the live names on each use so a rename or a move is never stale.
class TraceNames {
public:
    /// "ns/ifname" (Kernel::describe), "?" for an unknown interface.
    core::TextId where(const Kernel& kernel, core::TraceLog& log, core::InterfaceId id);
    /// The interface's name, "?" when unknown.
    core::TextId name(const Kernel& kernel, core::TraceLog& log, core::InterfaceId id);
    /// The namespace's name, 0 when unknown.
    core::TextId place(const Kernel& kernel, core::TraceLog& log, core::NamespaceId id);

private:
    struct Entry {
        core::NamespaceId ns;
        core::TextId nsName = 0;
        core::TextId name = 0;
        core::TextId where = 0;
    };
    const Entry* fresh(const Kernel& kernel, core::TraceLog& log, core::InterfaceId id);

    std::vector<Entry> m_interfaces;       // index = InterfaceId
    std::vector<core::TextId> m_namespaces;  // index = NamespaceId (namespace names never change)
};

}  // namespace sim::net
