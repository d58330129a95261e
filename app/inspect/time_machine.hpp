// The time machine: a place's tables as they were at a trace event, found by deterministic
// replay. A DockerHost is a function of its options and inputs, so replaying the session's inputs into
// a fresh DockerHost records the same trace; a TraceLog subscriber snapshots the tables the moment the
// wanted record is recorded (the kernel records an event after it made the change, so the
// snapshot includes that event and nothing later).
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "inspect/namespace_tables.hpp"
#include "sim/cli/docker_host.hpp"

namespace docknet::gui {

/// What the user did: the DockerHost's options and each complete input as typed (a command, or a
/// command with its here-document), run the way the GUI's controller runs them:
/// sim::shell::parseLine(input, 1), then ScriptRunner::runParsed.
struct Session {
    sim::cli::DockerHostOptions options;
    std::vector<std::string> inputs;
};

struct TablesAt {
    std::vector<Table> before;  // as of record recordIndex - 1 (for record 0: before its input ran)
    std::vector<Table> after;   // as of record recordIndex
};

/// A fresh DockerHost in the state the session left (for work that changes it, such as the
/// kernel check, which must not touch the controller's own host).
std::unique_ptr<sim::cli::DockerHost> replaySession(const Session& session);

/// Replays `session` and returns the target's tables around record `recordIndex`. An index
/// past the session's last record gives the final state as both (nothing changes there).
/// Inputs that do not parse, or need more lines, are skipped, as the controller never ran them.
TablesAt tablesAfterEvent(const Session& session, std::size_t recordIndex, const InspectTarget& target);

}  // namespace docknet::gui
