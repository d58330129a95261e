#include "inspect/time_machine.hpp"

#include <optional>

#include "sim/shell/script_runner.hpp"
#include "sim/shell/shell_script.hpp"

namespace docknet::gui {

std::unique_ptr<sim::cli::DockerHost> replaySession(const Session& session) {
    auto host = std::make_unique<sim::cli::DockerHost>(session.options);
    sim::shell::ScriptRunner runner(*host);
    sim::shell::Transcript transcript;
    for (const std::string& input : session.inputs) {
        auto parsed = sim::shell::parseLine(input, 1);
        if (!parsed || parsed->needsMore()) continue;
        runner.runParsed(parsed->script, transcript);
    }
    return host;
}

TablesAt tablesAfterEvent(const Session& session, std::size_t recordIndex, const InspectTarget& target) {
    sim::cli::DockerHost lab(session.options);
    sim::shell::ScriptRunner runner(lab);
    sim::core::TraceLog& trace = lab.kernel().trace();

    TablesAt out;
    bool done = false;
    // Counted here rather than read from trace.size(): subscribers are told before the record is
    // stored, and whether it is stored at all depends on the log's recording switch.
    std::size_t next = trace.size();
    if (recordIndex == 0 && next == 0) out.before = inspectTables(lab, target);
    const auto subscription = trace.subscribe([&](const sim::core::TraceRecord&) {
        const std::size_t index = next++;
        if (index + 1 == recordIndex) out.before = inspectTables(lab, target);
        if (index == recordIndex) {
            out.after = inspectTables(lab, target);
            done = true;
        }
    });

    sim::shell::Transcript transcript;
    for (const std::string& input : session.inputs) {
        if (done) break;
        // Record 0's "before" is the state just before the input that causes it.
        if (recordIndex == 0 && next == 0) out.before = inspectTables(lab, target);
        auto parsed = sim::shell::parseLine(input, 1);
        if (!parsed || parsed->needsMore()) continue;
        runner.runParsed(parsed->script, transcript);
    }
    trace.unsubscribe(subscription);
    if (!done) {
        out.after = inspectTables(lab, target);
        out.before = out.after;
    }
    return out;
}

}  // namespace docknet::gui
