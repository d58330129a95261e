// The canvas's visual grammar in one place: fonts per text style, colours per network and per
// protocol (Packet Tracer's: ARP yellow, ICMP green, TCP blue, UDP/DNS purple, drops red).
#pragma once

#include <QColor>
#include <QFont>
#include <QString>

#include "event_motion.hpp"
#include "topology_layout.hpp"

namespace docknet::scene {

QFont fontFor(TextStyle style);
QColor networkColor(int index);
QColor protocolColor(Protocol p);
QString protocolName(Protocol p);
inline QString qs(const std::string& s) { return QString::fromStdString(s); }
/// Width of `text` in the scene's font for `style` (what the layout sizes cards with).
double measureText(const std::string& text, TextStyle style);

}  // namespace docknet::scene
