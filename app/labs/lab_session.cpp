#include "labs/lab_session.hpp"

namespace docknet::labs {

LabSession::LabSession(LabDefinition lab, sim::cli::DockerHostOptions options)
    : m_lab(std::move(lab)),
      m_ownHost(std::make_unique<sim::cli::DockerHost>(options)),
      m_ownRunner(std::make_unique<sim::shell::ScriptRunner>(*m_ownHost)),
      m_host(m_ownHost.get()),
      m_runner(m_ownRunner.get()) {}

LabSession::LabSession(LabDefinition lab, sim::cli::DockerHost& host, sim::shell::ScriptRunner& runner)
    : m_lab(std::move(lab)), m_host(&host), m_runner(&runner) {}

sim::core::Result<void> LabSession::start() {
    for (const auto& command : m_lab.setup) {
        auto t = m_runner->run(command);
        if (!t) return sim::core::fail(t.error().code, "setup: " + command + ": " + t.error().message);
        for (const auto& s : t->steps)
            if (s.exitCode != 0) {
                std::string printed;
                for (const auto& [stream, text] : s.output.chunks) printed += text;
                return sim::core::fail(sim::core::ErrorCode::InvalidArgument,
                                       "setup: `" + s.command + "` exited with " + std::to_string(s.exitCode) + (printed.empty() ? "" : ": " + printed));
            }
    }
    return {};
}

sim::core::Result<sim::shell::Transcript> LabSession::run(const std::string& line) {
    auto t = m_runner->run(line);
    if (!t) return t;
    record(*t);
    return t;
}

void LabSession::record(const sim::shell::Transcript& t) {
    m_stepRuns.insert(m_stepRuns.end(), t.steps.begin(), t.steps.end());
}

std::vector<CheckResult> LabSession::evaluate(Language lang) const {
    std::vector<CheckResult> out;
    if (finished()) return out;
    for (const auto& c : step().checks) out.push_back(evaluateCheck(c, *m_host, m_stepRuns, lang));
    return out;
}

bool LabSession::stepPassed() const { return !finished() && allPassed(evaluate()); }

std::string LabSession::commandText(const std::string& command) const {
    if (auto expanded = expandPlaceholders(command, *m_host)) return *expanded;
    std::string shown = command;
    for (std::size_t i = shown.find('{'); i != std::string::npos; i = shown.find('{', i)) {
        const auto end = shown.find('}', i);
        if (end == std::string::npos) break;
        shown[i] = '<';
        shown[end] = '>';
    }
    return shown;
}

std::vector<sim::shell::TranscriptStep> LabSession::runStepCommands() {
    std::vector<sim::shell::TranscriptStep> ran;
    if (finished()) return ran;
    for (const auto& command : step().commands) {
        auto t = run(commandText(command));
        if (t) ran.insert(ran.end(), t->steps.begin(), t->steps.end());
    }
    return ran;
}

void LabSession::advance() {
    if (finished()) return;
    ++m_step;
    m_stepRuns.clear();
    m_answer.clear();
}

}  // namespace docknet::labs
