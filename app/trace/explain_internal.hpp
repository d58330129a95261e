// What the explainers share: the record with its decoded frame, and names for the places it
// mentions. Internal to app/trace.
#pragma once

#include <optional>

#include <QCoreApplication>
#include <QStringList>

#include "sim/core/trace.hpp"
#include "sim/net/kernel.hpp"
#include "sim/wire/ethernet_frame.hpp"

namespace docknet::gui::explain {

struct EventContext {
    const sim::core::TraceRecord& rec;
    const sim::net::Kernel& kernel;
    std::optional<sim::wire::EthernetFrame> ethernet;  // Ethernet-layer records
    std::optional<sim::wire::Ipv4Packet> ip;           // the frame's IPv4 packet or the record's own

    /// The namespace's owner as a sentence names it: "nginx", "the host".
    [[nodiscard]] QString place() const;
    /// The interface's name; for the record's own interface, the name it had when recorded.
    [[nodiscard]] QString interfaceName(sim::core::InterfaceId id) const;
    [[nodiscard]] QString recordInterface() const { return interfaceName(rec.iface); }
    /// The frame's tcpdump summary when it decodes, else the record's detail.
    [[nodiscard]] QString summary() const;
    /// The detail's words ("02:42:ac:11:00:02", "on", "veth1"), for records without fields.
    [[nodiscard]] QStringList detailWords() const;
};

/// "the host" for the host namespace, else the namespace name (a container's name).
QString placeName(const sim::net::Kernel& kernel, sim::core::NamespaceId ns);

QStringList explainFrameTx(const EventContext& c);
QStringList explainFrameRx(const EventContext& c);
QStringList explainBridge(const EventContext& c);  // FdbLearn, FdbExpire, BridgeForward, BridgeFlood
QStringList explainArp(const EventContext& c);     // ArpRequest, ArpReply
QStringList explainNeighbor(const EventContext& c);
QStringList explainRoute(const EventContext& c);
QStringList explainNat(const EventContext& c);
QStringList explainDeliver(const EventContext& c);
QStringList explainDrop(const EventContext& c);

}  // namespace docknet::gui::explain
