// Reads every rule's counter of a lab nft table with libnftables (`list table ip T` as JSON), in
// the calling thread's namespace: the context is made here, after the worker entered it.
#pragma once

#include <string>
#include <vector>

#include "sim/core/error.hpp"
#include "sim/plan/plan.hpp"

namespace docknet::real {

/// Per chain, the rules in the table's order (1-based), with the packets their `counter` saw;
/// a rule without a counter is left out. `ns` only names the rows.
sim::core::Result<std::vector<sim::plan::CounterObservation>> readRuleCounters(const std::string& ns, const std::string& table);

/// The same from nft's JSON text (what readRuleCounters parses; testable without root).
sim::core::Result<std::vector<sim::plan::CounterObservation>> parseRuleCounters(const std::string& ns, const std::string& json);

}  // namespace docknet::real
