// The whole interpreter: the bytes run as a docknet script on a fresh simulated Docker host
// (shell, docker client and daemon, tools, kernel), as `docknet run` runs one. Scripts are
// kept short (-max_len, and the bound below) so that one input stays a bounded amount of work.
#include "fuzz_input.hpp"
#include "sim/cli/docker_host.hpp"
#include "sim/shell/script_runner.hpp"

namespace {
constexpr std::size_t kMaxScriptBytes = 2048;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size > kMaxScriptBytes) return -1;  // not kept in the corpus
    sim::cli::DockerHost host(sim::cli::DockerHostOptions{1, sim::core::SimTime::zero()});
    sim::shell::ScriptRunner runner(host);
    auto transcript = runner.run(fuzz::asText(data, size));
    if (transcript) (void)runner.render(*transcript, true);
    return 0;
}
