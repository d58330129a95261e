// dissectFrame: a trace record's bytes as a tree of protocol layers and header fields, the way
// Wireshark's packet details pane shows them, each field knowing where its bytes are so the
// GUI can highlight them in the hex view.
#pragma once

#include <cstdint>
#include <span>

#include <QList>
#include <QString>

#include "sim/core/trace.hpp"

namespace docknet::gui {

struct DissectedField {
    QString name;   // "Source", "Time to live", or a layer's title ("Ethernet II, Src: ..., Dst: ...")
    QString value;  // "02:42:ac:11:00:03", "64"; empty for layer titles
    int offset = -1;  // first byte inside the frame; -1 when the field has no bytes of its own
    int length = 0;
    QList<DissectedField> children;
};

/// One top node per layer (Ethernet II, ARP, IPv4, ICMP / UDP / TCP, DNS). A frame that ends
/// early keeps the fields that fit and gets a "[Truncated]" node; FrameLayer::None gives nothing.
QList<DissectedField> dissectFrame(sim::core::FrameLayer layer, std::span<const std::uint8_t> bytes);

}  // namespace docknet::gui
