// One DNS query from the calling thread's namespace to its embedded DNS at 127.0.0.11:53 (never
// to any other address), in the words verify prints.
#pragma once

#include <string>

#include "sim/core/error.hpp"

namespace docknet::real {

/// The address (A) or name (PTR) answered, "NXDOMAIN", "no records", "rcode N" or "no answer".
sim::core::Result<std::string> queryEmbeddedDns(const std::string& name, bool pointer, int timeoutMs);

}  // namespace docknet::real
