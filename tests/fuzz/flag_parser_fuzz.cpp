// The flag parser (sim/cli/flag_parser): the first line names a docker command (by its index in
// the docker client's real command table), the other lines are its argv. Parsing either
// succeeds or gives pflag's/cobra's message, in both CLI styles; durations parse or fail.
#include "fuzz_input.hpp"
#include "sim/cli/docker_cli.hpp"
#include "sim/cli/docker_host.hpp"
#include "sim/cli/flag_parser.hpp"
#include "sim/shell/script_runner.hpp"

#include <map>
#include <string>
#include <vector>

namespace {

/// The docker client's command table, read once from a simulated host (built, then read only).
const std::vector<sim::cli::CommandSpec>& dockerCommands() {
    static const std::vector<sim::cli::CommandSpec> specs = [] {
        sim::cli::DockerHost host;
        sim::shell::ScriptRunner runner(host);
        std::vector<sim::cli::CommandSpec> out;
        for (const auto& [path, spec] : runner.shell().docker().commands()) out.push_back(spec);
        return out;
    }();
    return specs;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::vector<std::string> argv = fuzz::lines(fuzz::asText(data, size));
    const auto& specs = dockerCommands();
    const std::size_t which = argv.front().empty() ? 0 : static_cast<unsigned char>(argv.front()[0]);
    const sim::cli::CommandSpec& spec = specs[which % specs.size()];
    argv.erase(argv.begin());

    auto parsed = sim::cli::parseCommandLine(spec, argv, sim::cli::CliStyle::Legacy);
    (void)sim::cli::parseCommandLine(spec, argv, sim::cli::CliStyle::Current);
    (void)sim::cli::parseFlags(spec.flags, argv, !spec.interspersed);
    if (parsed) {
        for (const auto& flag : spec.flags) {
            (void)parsed->getList(flag.valueKey());
            (void)parsed->getString(flag.valueKey());
        }
    }
    for (const auto& arg : argv) {
        (void)sim::cli::parseGoDuration(arg);
        (void)sim::cli::goQuote(arg);
    }
    (void)sim::cli::helpText(spec, static_cast<int>(argv.size() % 100));
    return 0;
}
