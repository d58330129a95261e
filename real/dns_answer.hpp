// The embedded DNS's answer to one query datagram, from a PlanResolver's records: A for a name it
// knows, PTR for an address it knows, NOERROR without records for another type of a known name
// (as Docker answers AAAA), NXDOMAIN for anything else. Pure: no socket, testable without root.
#pragma once

#include <optional>

#include "sim/plan/plan.hpp"
#include "sim/wire/bytes.hpp"

namespace docknet::real {

/// The reply datagram; nullopt for a datagram that is not a well-formed query (dropped).
std::optional<sim::wire::Bytes> answerQuery(const sim::plan::PlanResolver& records, sim::wire::ByteView query);

}  // namespace docknet::real
