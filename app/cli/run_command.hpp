// `docknet run SCRIPT|-`: runs a script of commands as if typed on the Docker host and prints the
// transcript (or, with --json, the steps and the final state).
#pragma once

#include <cstdint>
#include <string>

namespace docknet::cli {

struct RunOptions {
    std::string script;  // a path, or "-" for stdin
    bool json = false;
    bool trace = false;
    std::string pcap;  // when set, every frame of the run is written there as a pcap capture
    std::uint64_t seed = 1;
    double thinkSeconds = 1.0;
};

/// 0 when the script ran (failed commands are part of the transcript); 2 when it could not be
/// read or a line does not parse; 1 when the pcap file cannot be written.
int runScript(const RunOptions& options);

}  // namespace docknet::cli
