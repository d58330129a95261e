// The value syntaxes of docker run's resource and file flags, as docker/cli parses them before
// anything reaches the daemon: --memory (go-units RAMInBytes), --cpus (opts.NanoCPUs, a
// big.Rat), and the key=value files of --env-file and --label-file (opts.parseKeyValueFile).
// Errors are the CLI's own texts.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "sim/core/error.hpp"

namespace sim::cli {

/// units.RAMInBytes: "512m", "1g", "1.5GiB", "100000" (bytes); binary multipliers.
/// Error: `invalid size: 'abc'`.
core::Result<std::int64_t> parseRamInBytes(const std::string& text);

/// opts.ParseCPUs: "1.5", "0.25", "3/2" times 1e9. Errors: `failed to parse abc as a rational
/// number`, `value is too precise`.
core::Result<std::int64_t> parseNanoCpus(const std::string& text);

/// opts.ValidateEnv, -e's value check: `KEY=VALUE` as given; a bare `KEY` takes the client's
/// variable (`lookup`) when it is set and stays bare otherwise. Error: `invalid environment
/// variable: =x` (an empty name).
core::Result<std::string> validateEnv(const std::string& value,
                                      const std::function<std::optional<std::string>(const std::string&)>& lookup);

/// opts.parseKeyValueFile over a file's content: blank and '#' lines skipped, leading blanks
/// trimmed, `KEY=VALUE` kept verbatim; a bare `KEY` is looked up with `lookup` (env files: the
/// client's environment) and dropped when absent or when there is no lookup (label files).
/// Errors: `poorly formatted environment: variable 'A B' contains whitespaces`,
/// `poorly formatted environment: no variable name on line '=x'`.
core::Result<std::vector<std::string>> parseKeyValueFile(
    const std::string& content, const std::function<std::optional<std::string>(const std::string&)>& lookup);

}  // namespace sim::cli
