// The IPv4 payload dissectors (ICMP, UDP, TCP), each appending its layer node(s) for the bytes
// [at, end) of the frame. UDP hands port-53 payloads on to the DNS dissector. Internal to app/trace.
#pragma once

#include <QList>

#include "trace/dissect_fields.hpp"

namespace docknet::gui::dissect {

void dissectIcmp(const FrameBytes& fb, std::size_t at, std::size_t end, QList<DissectedField>& layers);
void dissectUdp(const FrameBytes& fb, std::size_t at, std::size_t end, QList<DissectedField>& layers);
void dissectTcp(const FrameBytes& fb, std::size_t at, std::size_t end, QList<DissectedField>& layers);

}  // namespace docknet::gui::dissect
