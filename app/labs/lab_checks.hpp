// Evaluates a step's checks against the simulated state: docker's containers, the kernel's
// tables (the same ones the GUI's Inspector shows), the trace of the step's commands and what
// they printed. Read-only: evaluating a check sends nothing and changes nothing.
#pragma once

#include <regex>
#include <string>
#include <vector>

#include "labs/lab_definition.hpp"
#include "sim/cli/docker_host.hpp"
#include "sim/shell/script_runner.hpp"

namespace docknet::labs {

struct CheckResult {
    bool passed = false;
    std::string what;    // the check in words: "ping from db to 172.17.0.3 succeeds"
    std::string reason;  // why it failed: "the last ping exited 1", "no such container: web"
};

/// `steps` are the commands run in the current step so far, in order; the result's words are
/// in `lang`.
CheckResult evaluateCheck(const Check& check, const sim::cli::DockerHost& host,
                          const std::vector<sim::shell::TranscriptStep>& steps, Language lang = Language::English);

/// True when every check passed (and there is at least one).
bool allPassed(const std::vector<CheckResult>& results);

/// {ip|mac|veth:NAME[@NETWORK]}: group 1 the kind, 2 the container, 4 the network.
const std::regex& placeholderPattern();

/// The words of each simple command of `line` as the shell parses them (quotes removed); a
/// word that needs expansion ($x, $(...)) is kept as written. Empty when the line does not parse.
std::vector<std::vector<std::string>> commandWords(const std::string& line);

/// Replaces {ip:NAME}, {mac:NAME}, {veth:NAME} (optionally @NETWORK). On an unknown container,
/// network or a container that is not attached, returns the error text instead.
sim::core::Result<std::string> expandPlaceholders(const std::string& text, const sim::cli::DockerHost& host);

}  // namespace docknet::labs
