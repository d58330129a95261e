// explainEvent: what one trace record means, as a teacher would say it — one plain sentence per
// decision the kernel took ("docker0 has not learned ff:ff:ff:ff:ff:ff (a broadcast), so it
// floods the frame to every other port: veth1, veth2."). It reads the record's structured
// fields and its decoded frame, and falls back to the record's detail text when the kernel did
// not fill a field. Every sentence goes through QCoreApplication::translate("EventExplainer").
#pragma once

#include <cstddef>

#include <QStringList>

#include "sim/core/trace.hpp"
#include "sim/net/kernel.hpp"

namespace docknet::gui {

/// The sentences for record `index` of `log`; empty when there is no such record. `kernel`
/// names namespaces and interfaces (the record's own "ns/if" text is used for any gone since).
QStringList explainEvent(const sim::core::TraceLog& log, std::size_t index, const sim::net::Kernel& kernel);

}  // namespace docknet::gui
