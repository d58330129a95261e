// Packet: a frame with the uid that follows it across hops, so the trace (and the GUI animating
// it) can tell one packet's journey from another's. Copies made by a bridge flood share the uid.
#pragma once

#include <cstdint>

#include "sim/core/ids.hpp"
#include "sim/wire/ethernet_frame.hpp"
#include "sim/wire/ipv4_packet.hpp"

namespace sim::net {

struct Packet {
    core::PacketUid uid;
    wire::EthernetFrame frame;
};

/// An IPv4 packet waiting in the stack (for neighbour resolution), with its uid.
struct IpPacket {
    core::PacketUid uid;
    wire::Ipv4Packet ip;
    /// The conntrack entry this packet belongs to (skb->_nfct), 0 when untracked.
    std::uint64_t conn = 0;
    bool connReply = false;  // travelling in the reply direction
    bool connNew = false;    // first packet: NAT rules are consulted for it
};

}  // namespace sim::net
