// `docknet lab list|run|check`: the guided labs in the terminal.
#pragma once

#include <cstdint>
#include <string>

namespace docknet::cli {

struct LabOptions {
    std::string name;  // run: the lab's name; check: a file
    std::string lang = "en";
    bool autoRun = false;
    bool trace = false;
    std::string dir;  // where the labs are; empty: labs::defaultScenarioDir()
    std::uint64_t seed = 1;
};

/// Lists every lab with its steps and the user's progress; 1 when a lab file does not load.
int listLabs(const LabOptions& options);
/// Interactive, or with --auto every step, check and question; 0 only when all passed.
int runLab(const LabOptions& options);
/// Validates a lab file without running it: 0 when valid, 1 with `file:line:col: ...` when not.
int checkLab(const LabOptions& options);

}  // namespace docknet::cli
