// `docknet real apply --detach`: the lab's listeners and embedded DNS kept by a process of their
// own, so `ip netns exec docknet-web curl ...` and `getent hosts` keep working after the command
// returns. The holder is docknet itself, forked before any thread exists (its threads are made
// after), in a session of its own; it records "PID STARTTIME" in the state directory's `holder`
// file, and `docknet real down` (or the next apply) stops exactly that process: a PID the
// kernel has since given to another program has another start time and is never signalled.
#pragma once

#include <functional>
#include <string>

namespace docknet::cli {

/// Runs `apply` in a detached child. `apply` gets a callback to call once the lab is built and
/// its services are up: the child then records itself, tells the parent, and lets go of the
/// terminal. The parent prints what the child printed until then and returns 0 when the child
/// holds, else the child's exit status.
int runDetached(const std::function<int(const std::function<void()>& holding)>& apply, const std::string& stateDir);

/// The holder recorded in `stateDir`, if that process still runs: its PID, else 0.
int liveHolder(const std::string& stateDir);

/// Stops the recorded holder (SIGTERM, then waits up to 10 s for it to let go) and forgets it.
/// False when it would not stop.
bool stopHolder(const std::string& stateDir);

/// Forgets the holder record if it names this process (a holder letting go).
void forgetHolder(const std::string& stateDir);

}  // namespace docknet::cli
