#include "run_command.hpp"

#include <cmath>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "export/pcap_writer.hpp"
#include "sim/cli/docker_views.hpp"
#include "sim/cli/docker_host.hpp"
#include "sim/shell/script_runner.hpp"
#include "sim/shell/shell_script.hpp"
#include "sim/core/json.hpp"

namespace docknet::cli {

using sim::core::JsonValue;

namespace {

JsonValue stepsJson(const sim::shell::Transcript& t, sim::cli::DockerHost& lab, bool withTrace) {
    JsonValue steps = JsonValue::array();
    const auto& records = lab.kernel().trace().records();
    for (const auto& s : t.steps) {
        JsonValue step = JsonValue::object();
        step.set("line", JsonValue::number(s.line));
        step.set("command", JsonValue::string(s.command));
        step.set("stdout", JsonValue::string(s.output.stdoutText()));
        step.set("stderr", JsonValue::string(s.output.stderrText()));
        step.set("exitCode", JsonValue::number(s.exitCode));
        if (withTrace) {
            JsonValue trace = JsonValue::array();
            for (std::size_t i = s.traceBegin; i < s.traceEnd && i < records.size(); ++i)
                trace.push(JsonValue::string(records[i].toString()));
            step.set("trace", std::move(trace));
        }
        steps.push(std::move(step));
    }
    return steps;
}

/// Writes the whole run's frames to `path`; false (with a message) when libpcap cannot.
bool exportPcap(const sim::cli::DockerHost& lab, const std::string& path) {
    const auto& log = lab.kernel().trace();
    auto written = docknet::exporting::writePcap(log, 0, log.size(), path);
    if (!written) {
        std::cerr << "docknet: " << path << ": " << written.error() << "\n";
        return false;
    }
    return true;
}

/// The transcript as it happens: each command's step (and with --trace its records) is printed
/// once the command has run, instead of after the whole script. The bytes are those of the whole
/// transcript printed at the end. The records stay in the log: `ifconfig`'s counters and --pcap
/// read them back.
int streamScript(const std::string& text, const RunOptions& options, sim::cli::DockerHost& lab,
                 sim::shell::ScriptRunner& runner) {
    auto script = sim::shell::parseScript(text);
    if (!script) {
        std::cerr << "docknet: " << (options.script == "-" ? std::string("stdin") : options.script) << ": "
                  << script.error().message << "\n";
        return 2;
    }
    // The transcript interleaves stdout and stderr as a terminal would; both go to stdout so
    // that one file keeps the order (echoed commands included).
    for (const auto& w : script->warnings) std::cout << "warning: " << w << "\n";
    const auto& log = lab.kernel().trace();
    sim::shell::Transcript transcript;
    sim::shell::Script one;
    for (auto& list : script->lists) {
        one.lists.assign(1, std::move(list));
        const std::size_t printed = transcript.steps.size();
        runner.runParsed(one, transcript);
        for (std::size_t k = printed; k < transcript.steps.size(); ++k) {
            const auto& s = transcript.steps[k];
            std::cout << s.prompt << s.echo << "\n";
            std::cout << s.output.combined();
            if (options.trace)
                for (std::size_t i = s.traceBegin; i < s.traceEnd; ++i)
                    if (const auto* r = log.at(i)) std::cout << "    | " << r->toString() << "\n";
        }
    }
    std::cout.flush();
    return options.pcap.empty() || exportPcap(lab, options.pcap) ? 0 : 1;
}

}  // namespace

int runScript(const RunOptions& options) {
    std::string text;
    if (options.script == "-") {
        text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    } else {
        std::ifstream in(options.script, std::ios::binary);
        if (!in) {
            std::cerr << "docknet: cannot read " << options.script << ": No such file or directory\n";
            return 2;
        }
        text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    sim::cli::DockerHostOptions labOptions;
    labOptions.seed = options.seed;
    labOptions.thinkTime = sim::core::micros(static_cast<std::int64_t>(std::llround(options.thinkSeconds * 1e6)));
    sim::cli::DockerHost lab(labOptions);
    sim::shell::ScriptRunner runner(lab);
    if (!options.json) return streamScript(text, options, lab, runner);
    auto transcript = runner.run(text);
    if (!transcript) {
        std::cerr << "docknet: " << (options.script == "-" ? std::string("stdin") : options.script) << ": "
                  << transcript.error().message << "\n";
        return 2;
    }
    JsonValue doc = JsonValue::object();
    doc.set("steps", stepsJson(*transcript, lab, options.trace));
    doc.set("state", sim::cli::labState(lab.engine()));
    std::cout << doc.toIndentedString() << "\n";
    return options.pcap.empty() || exportPcap(lab, options.pcap) ? 0 : 1;
}

}  // namespace docknet::cli
