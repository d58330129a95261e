// LinkLayer: how frames move between interfaces.
//   transmit: a frame leaves an interface. A veth hands it to its peer after the veth latency;
//   a bridge device sends it into its own forwarding (as the host does through docker0);
//   lo loops it back to its own namespace.
//   receive: a frame arrives. A bridge port gives it to its bridge (learn, forward, flood,
//   deliver up); any other interface accepts frames to its MAC, broadcast or multicast and
//   passes them to ARP or IPv4 (eth_type_trans + __netif_receive_skb).
#pragma once

#include "sim/core/ids.hpp"
#include "sim/net/packet.hpp"

namespace sim::net {

class Kernel;

class LinkLayer {
public:
    explicit LinkLayer(Kernel& kernel) : m_kernel(kernel) {}

    /// The frame leaves `out`. Records FrameTx (or a Drop when `out` cannot send).
    void transmit(core::InterfaceId out, Packet packet);

private:
    void receive(core::InterfaceId in, Packet packet);
    void bridgeInput(core::InterfaceId bridgeId, core::InterfaceId ingress, Packet packet);
    /// br_netfilter: a bridged IPv4 frame through PREROUTING, FORWARD and POSTROUTING with the
    /// bridge device as -i and -o. False when a rule dropped it.
    bool bridgedIptables(core::InterfaceId bridgeId, Packet& packet);
    void deliverUp(core::InterfaceId in, Packet packet);

    Kernel& m_kernel;
};

}  // namespace sim::net
