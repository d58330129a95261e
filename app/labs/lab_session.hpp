// LabSession: one run of a guided lab on a fresh simulated Docker host. It runs the setup,
// keeps which step the student is on and the commands run in it, evaluates the step's checks
// after every command and moves on when they all pass. The CLI and the GUI both drive it; the
// commands go through the same ScriptRunner as `docknet shell`, so a lab can run nothing else.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "labs/lab_checks.hpp"
#include "labs/lab_definition.hpp"
#include "sim/cli/docker_host.hpp"
#include "sim/shell/script_runner.hpp"

namespace docknet::labs {

class LabSession {
public:
    explicit LabSession(LabDefinition lab, sim::cli::DockerHostOptions options = {});
    /// A session on a host someone else owns and drives (the GUI's LabController, which must
    /// keep every input for replay): `host` and `runner` must outlive the session, and the
    /// owner runs the setup itself and hands every transcript to record().
    LabSession(LabDefinition lab, sim::cli::DockerHost& host, sim::shell::ScriptRunner& runner);

    /// Runs the setup commands. Fails (naming the command and what it printed) when one of them
    /// exits non-zero: a lab whose setup fails cannot be followed.
    sim::core::Result<void> start();

    [[nodiscard]] const LabDefinition& lab() const { return m_lab; }
    sim::cli::DockerHost& host() { return *m_host; }
    [[nodiscard]] const sim::cli::DockerHost& host() const { return *m_host; }
    sim::shell::ScriptRunner& runner() { return *m_runner; }
    /// Whether the step's question has been answered (and with which key): the GUI shows the
    /// explanation once, and moves on only after an answer.
    [[nodiscard]] const std::string& answerGiven() const { return m_answer; }
    void answer(const std::string& key) { m_answer = key; }

    [[nodiscard]] std::size_t stepIndex() const { return m_step; }
    [[nodiscard]] bool finished() const { return m_step >= m_lab.steps.size(); }
    [[nodiscard]] const LabStep& step() const { return m_lab.steps.at(m_step); }

    /// Runs one command line (here-documents included) as typed, records it in the step and
    /// returns what it did. A line that does not parse returns the shell's error.
    sim::core::Result<sim::shell::Transcript> run(const std::string& line);
    /// Records commands that ran elsewhere through runner() (the interactive shell's lines).
    void record(const sim::shell::Transcript& t);

    [[nodiscard]] std::vector<CheckResult> evaluate(Language lang = Language::English) const;
    [[nodiscard]] bool stepPassed() const;
    /// A step command as the student should type it now: placeholders ({ip:web}) replaced by
    /// their values, or shown as <ip:web> while the container does not exist yet.
    [[nodiscard]] std::string commandText(const std::string& command) const;
    /// The step's commands, run as if typed ("do it for me"), each expanded just before it runs.
    /// Returns what each printed.
    std::vector<sim::shell::TranscriptStep> runStepCommands();
    /// Goes to the next step; the commands of the finished one no longer count.
    void advance();
    [[nodiscard]] const std::vector<sim::shell::TranscriptStep>& stepCommands() const { return m_stepRuns; }

private:
    LabDefinition m_lab;
    std::unique_ptr<sim::cli::DockerHost> m_ownHost;
    std::unique_ptr<sim::shell::ScriptRunner> m_ownRunner;
    sim::cli::DockerHost* m_host;
    sim::shell::ScriptRunner* m_runner;
    std::size_t m_step = 0;
    std::string m_answer;
    std::vector<sim::shell::TranscriptStep> m_stepRuns;
};

}  // namespace docknet::labs
