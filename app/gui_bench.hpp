// docknet-gui --bench: scene build and first paint for 1,000 containers over 20 networks,
// frames per second with 200 envelopes in flight, and peak memory. Run it from a Release
// build (cmake --preset release); the figures go to docs/PERFORMANCE.md.
#pragma once

namespace docknet::gui {

/// Prints the figures; returns the process exit status.
int runGuiBench();

}  // namespace docknet::gui
