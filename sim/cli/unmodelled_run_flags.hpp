// The docker run / docker create flags of Docker 27 that docknet does not model (cgroup limits
// other than --memory/--cpus, devices, health checks, logging, namespaces other than the
// network's, mounts, security options ...). They are in the flag table so that --help lists
// them as Docker's does and pflag parses them as Docker would; given, each is refused with
// "docknet: --NAME is not modelled" (exit 125), never accepted and ignored.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "sim/cli/flag_parser.hpp"

namespace sim::cli {

/// The specs, with docker/cli's usage texts and value types.
std::vector<FlagSpec> unmodelledContainerFlags();

/// The refusal for the first of them given on the command line (the table's order), if any.
std::optional<std::string> unmodelledContainerFlagGiven(const ParsedFlags& f);

}  // namespace sim::cli
