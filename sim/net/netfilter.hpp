// Netfilter: the iptables hooks of one kernel, fed by each namespace's XtTables and Conntrack.
// NAT is decided on a connection's first packet only (the nat table is not consulted again) and
// recorded as a changed reply tuple; every packet after it is rewritten from the tuples, in
// both directions, exactly as nf_nat does. A namespace without any rule is not tracked at all,
// as the kernel registers conntrack hooks per namespace only when something needs them.
// Not modelled: RELATED translation of ICMP errors' quoted headers, helpers, NOTRACK, mangle/raw.
#pragma once

#include "sim/core/ids.hpp"
#include "sim/net/packet.hpp"

namespace sim::net {

class Kernel;
class NetNamespace;
struct PacketView;

class Netfilter {
public:
    explicit Netfilter(Kernel& kernel) : m_kernel(kernel) {}

    // Each hook may rewrite the packet; false means it was dropped (and the drop recorded).
    bool prerouting(core::NamespaceId ns, core::InterfaceId in, IpPacket& p);
    bool localOut(core::NamespaceId ns, core::InterfaceId out, IpPacket& p);
    bool input(core::NamespaceId ns, core::InterfaceId in, IpPacket& p);
    bool forward(core::NamespaceId ns, core::InterfaceId in, core::InterfaceId out, IpPacket& p);
    bool postrouting(core::NamespaceId ns, core::InterfaceId out, IpPacket& p);

private:
    bool track(core::NamespaceId ns, core::InterfaceId in, core::InterfaceId out, IpPacket& p, const char* natChain);
    /// Source manipulation of an established flow: SNAT forwards, undo DNAT on replies.
    void rewriteSource(core::NamespaceId ns, core::InterfaceId dev, IpPacket& p);
    bool filter(core::NamespaceId ns, const char* chain, core::InterfaceId in, core::InterfaceId out, IpPacket& p);
    PacketView viewOf(NetNamespace& n, const IpPacket& p, core::InterfaceId in, core::InterfaceId out) const;
    [[nodiscard]] static bool isTracking(const NetNamespace& n);

    Kernel& m_kernel;
};

}  // namespace sim::net
