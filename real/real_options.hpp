// What the real backend is told from outside (the CLI reads the environment; nothing here does).
#pragma once

#include <functional>
#include <string>

namespace docknet::real {

struct RealOptions {
    /// Where the ledger lives ($DOCKNET_REAL_STATE, else /run/docknet).
    std::string stateDir = "/run/docknet";
    /// For crash tests: _exit(137) right after this many objects were made (0: never), as a
    /// kill -9 in the middle of apply would.
    int crashAfter = 0;
    /// Told one line per object made ("netns docknet-host"), as it happens.
    std::function<void(const std::string&)> onMade;
};

}  // namespace docknet::real
