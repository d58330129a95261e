// The text filters tutorials pipe docker output through: grep (-i -v -c -n -w -E -F -o, -A/-B
// are not modelled), head/tail (-n N, -N), wc (-l -w -c), sort (-r -n -u), uniq, cut (-d -f),
// tr (a set to a set, -d), tee. Their input is stdin or the files named, read through `read`.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "sim/cli/command_output.hpp"

namespace sim::shell {
using cli::CommandResult;


using FileReader = std::function<std::optional<std::string>(const std::string& path)>;

/// nullopt when argv[0] is not one of the filters.
std::optional<CommandResult> runTextFilter(const std::vector<std::string>& argv, const std::string& stdinText,
                                           const FileReader& read);

}  // namespace sim::shell
