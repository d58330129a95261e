// `docknet shell`: an interactive prompt on the simulated Docker host, with line editing,
// history and tab completion (GNU readline), `> ` continuation lines for open quotes,
// trailing `\`, `&&` and here-documents, and container shells after `docker exec -it C bash`.
#pragma once

#include <cstdint>

namespace docknet::cli {

struct ShellOptions {
    std::uint64_t seed = 1;
    bool trace = false;
};

int runInteractiveShell(const ShellOptions& options);

}  // namespace docknet::cli
