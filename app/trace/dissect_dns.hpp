// The DNS dissector: header, flags, counts, questions and answers (A and PTR), following name
// compression pointers for the names while giving each record the bytes it occupies itself.
// Internal to app/trace.
#pragma once

#include "trace/dissect_fields.hpp"

namespace docknet::gui::dissect {

/// The DNS message in bytes [at, end) of the frame.
DissectedField dissectDns(const FrameBytes& fb, std::size_t at, std::size_t end);

}  // namespace docknet::gui::dissect
