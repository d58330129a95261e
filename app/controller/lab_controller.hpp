// LabController: the one object that changes the simulation. The console, the first-start
// script, `--script`, a guided lab's setup and its "do it for me" all submit their input here;
// it runs it through the same interpreter as `docknet shell`, keeps the session (every input,
// so the state at any trace event can be replayed and the session exported as a script), hands
// each command to the running lab's checks and tells the views.
#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>
#include <string>
#include <vector>

#include "sim/cli/docker_host.hpp"

namespace sim::shell {
class ScriptRunner;
}

namespace docknet::labs {
class LabSession;
struct LabDefinition;
}

namespace docknet::gui {

struct ParsedInput;

struct CommandOutcome {
    QString prompt;          // "$ " or the container shell's
    QString echo;            // the input as the terminal showed it
    QString output;          // stdout and stderr as printed, in order
    QString errors;          // stderr alone (for Explain)
    int exitCode = 0;
    std::size_t traceBegin = 0;
    std::size_t traceEnd = 0;
};

class LabController : public QObject {
    Q_OBJECT

public:
    enum class InputState { Ran, NeedsMore, ParseError, Exit };

    explicit LabController(sim::cli::DockerHostOptions options = {}, QObject* parent = nullptr);
    ~LabController() override;

    /// One line as typed; lines accumulate until they form a complete input (continuations,
    /// open quotes, here-documents). `error` gets bash's message for a line that does not parse.
    InputState submitLine(const QString& line, QString* error = nullptr);
    /// A whole script, line by line, as if typed. Returns false (and the message) when a line
    /// does not parse; the lines before it have run.
    bool runScript(const QString& script, QString* error = nullptr);

    [[nodiscard]] const sim::cli::DockerHost& lab() const { return *m_lab; }
    [[nodiscard]] const sim::cli::DockerHostOptions& options() const { return m_options; }
    [[nodiscard]] QString prompt() const;
    [[nodiscard]] bool hasPendingInput() const { return !m_pending.empty(); }
    [[nodiscard]] QStringList completions(const QString& line) const;
    /// Every complete input run so far, as typed: replaying them gives the same state and trace.
    [[nodiscard]] const std::vector<std::string>& inputs() const { return m_inputs; }
    /// The session as a script that `docknet run` replays.
    [[nodiscard]] QString sessionScript() const;
    [[nodiscard]] const std::vector<CommandOutcome>& outcomes() const { return m_outcomes; }

    /// Throws the simulated host away and starts a fresh one with no lab; the views re-read
    /// everything (restarted()).
    void restart();
    /// Starts `lab` on a fresh host: its setup runs as if typed (so the console, replay and the
    /// exported session show it), then every command counts for the current step. A setup
    /// command that fails leaves a fresh host with no lab and returns false with its message.
    bool startLab(labs::LabDefinition lab, QString* error = nullptr);
    /// Leaves the lab; the host stays as it is (free play from here).
    void stopLab();
    [[nodiscard]] const labs::LabSession* labSession() const { return m_session.get(); }
    /// "Do it for me": the current step's commands, placeholders expanded, run as if typed.
    void runLabStep();
    /// Records the answer to the step's question (shown with its explanation).
    void answerLabQuestion(const QString& key);
    /// Goes to the next step (or past the last: the lab is finished).
    void advanceLab();

signals:
    void commandRan(const docknet::gui::CommandOutcome& outcome);
    void stateChanged();
    /// The host was replaced: models holding its trace must re-read it.
    void restarted();
    /// A lab started, stopped, answered or moved to another step.
    void labChanged();

private:
    void runInput(const std::string& input, const ParsedInput& parsed);
    /// A whole input (here-documents included), as if typed; false when it does not parse.
    bool runText(const std::string& text, QString* error = nullptr);

    sim::cli::DockerHostOptions m_options;
    std::unique_ptr<sim::cli::DockerHost> m_lab;
    std::unique_ptr<sim::shell::ScriptRunner> m_runner;
    std::string m_pending;
    std::vector<std::string> m_inputs;
    std::vector<CommandOutcome> m_outcomes;
    std::unique_ptr<labs::LabSession> m_session;  // borrows m_lab and m_runner
};

}  // namespace docknet::gui
