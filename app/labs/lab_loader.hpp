// Reads and validates lab files. Every mistake is reported as `file:line:column: what was
// expected`, and a file with a mistake gives no lab at all.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "labs/lab_definition.hpp"
#include "sim/core/error.hpp"

namespace docknet::labs {

/// Parses `text` (the contents of `fileName`, used in messages only).
sim::core::Result<LabDefinition> parseLab(std::string_view text, const std::string& fileName);
/// Reads and parses one file.
sim::core::Result<LabDefinition> loadLabFile(const std::filesystem::path& path);

struct LabCatalog {
    std::vector<LabDefinition> labs;   // by `order`, then name
    std::vector<std::string> errors;   // files that did not load, with their messages
    [[nodiscard]] const LabDefinition* find(const std::string& name) const;
};

/// Every *.yaml file of `dir`.
LabCatalog loadLabDirectory(const std::filesystem::path& dir);

/// Where the labs are: $DOCKNET_SCENARIOS, else the source tree's scenarios/ (compiled in),
/// else scenarios/ next to the binary's parent directory.
std::filesystem::path defaultScenarioDir();

}  // namespace docknet::labs
