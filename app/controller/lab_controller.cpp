#include "lab_controller.hpp"

#include "../cli/completion.hpp"
#include "labs/lab_session.hpp"
#include "sim/shell/script_runner.hpp"
#include "sim/shell/shell_script.hpp"

namespace docknet::gui {

struct ParsedInput {
    sim::shell::Script script;
};

namespace {
QString qs(const std::string& s) { return QString::fromStdString(s); }
}  // namespace

LabController::LabController(sim::cli::DockerHostOptions options, QObject* parent)
    : QObject(parent),
      m_options(options),
      m_lab(std::make_unique<sim::cli::DockerHost>(options)),
      m_runner(std::make_unique<sim::shell::ScriptRunner>(*m_lab)) {}

LabController::~LabController() = default;

QString LabController::prompt() const { return m_pending.empty() ? qs(m_runner->prompt()) : QStringLiteral("> "); }

LabController::InputState LabController::submitLine(const QString& line, QString* error) {
    const std::string text = line.toStdString();
    std::string candidate = m_pending.empty() ? text : m_pending + "\n" + text;
    auto parsed = sim::shell::parseLine(candidate, 1);
    if (!parsed) {
        m_pending.clear();
        if (error) *error = QStringLiteral("bash: ") + qs(parsed.error().message);
        return InputState::ParseError;
    }
    if (parsed->needsMore()) {
        m_pending = std::move(candidate);
        return InputState::NeedsMore;
    }
    m_pending.clear();
    if (candidate.find_first_not_of(" \t\n") == std::string::npos) return InputState::Ran;
    if (m_runner->context().onHost() && (candidate == "exit" || candidate.starts_with("exit "))) return InputState::Exit;
    runInput(candidate, ParsedInput{std::move(parsed->script)});
    return InputState::Ran;
}

void LabController::runInput(const std::string& input, const ParsedInput& parsed) {
    const std::string prompt = m_runner->prompt();
    sim::shell::Transcript t;
    m_runner->runParsed(parsed.script, t);
    m_inputs.push_back(input);
    if (m_session) m_session->record(t);
    for (const auto& step : t.steps) {
        CommandOutcome o;
        o.prompt = qs(prompt);
        // Detach keys are not echoed: "read escape sequence" follows the prompt.
        o.echo = step.keysOnly ? QString() : qs(step.echo.empty() ? step.command : step.echo);
        for (const auto& [stream, chunk] : step.output.chunks) {
            o.output += qs(chunk);
            if (stream == sim::cli::Stream::Err) o.errors += qs(chunk);
        }
        o.exitCode = step.exitCode;
        o.traceBegin = step.traceBegin;
        o.traceEnd = step.traceEnd;
        m_outcomes.push_back(o);
        emit commandRan(o);
    }
    emit stateChanged();
}

bool LabController::runScript(const QString& script, QString* error) {
    const QStringList lines = script.split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (i == lines.size() - 1 && lines[i].isEmpty()) break;
        QString message;
        const InputState s = submitLine(lines[i], &message);
        if (s == InputState::ParseError) {
            if (error) *error = QStringLiteral("line %1: %2").arg(i + 1).arg(message);
            return false;
        }
        if (s == InputState::Exit) break;
    }
    return true;
}

bool LabController::runText(const std::string& text, QString* error) {
    auto parsed = sim::shell::parseLine(text, 1);
    if (!parsed || parsed->needsMore()) {
        if (error) *error = QStringLiteral("bash: ") + (parsed ? QStringLiteral("unexpected end of file") : qs(parsed.error().message));
        return false;
    }
    runInput(text, ParsedInput{std::move(parsed->script)});
    return true;
}

void LabController::restart() {
    m_session.reset();
    m_runner.reset();
    m_lab = std::make_unique<sim::cli::DockerHost>(m_options);
    m_runner = std::make_unique<sim::shell::ScriptRunner>(*m_lab);
    m_pending.clear();
    m_inputs.clear();
    m_outcomes.clear();
    emit restarted();
    emit stateChanged();
    emit labChanged();
}

bool LabController::startLab(labs::LabDefinition lab, QString* error) {
    restart();
    for (const auto& command : lab.setup) {
        const std::size_t before = m_outcomes.size();
        QString message;
        bool ok = runText(command, &message);
        for (std::size_t i = before; ok && i < m_outcomes.size(); ++i)
            if (m_outcomes[i].exitCode != 0) {
                ok = false;
                message = QStringLiteral("`%1` exited with %2: %3")
                              .arg(m_outcomes[i].echo)
                              .arg(m_outcomes[i].exitCode)
                              .arg(m_outcomes[i].output.trimmed());
            }
        if (!ok) {
            if (error) *error = QStringLiteral("setup: ") + message;
            restart();
            return false;
        }
    }
    m_session = std::make_unique<labs::LabSession>(std::move(lab), *m_lab, *m_runner);
    emit labChanged();
    return true;
}

void LabController::stopLab() {
    m_session.reset();
    emit labChanged();
}

void LabController::runLabStep() {
    if (!m_session || m_session->finished()) return;
    // Copied: running a command may not change the step, but the text must outlive the call.
    const std::vector<std::string> commands = m_session->step().commands;
    for (const auto& command : commands) runText(m_session->commandText(command));
}

void LabController::answerLabQuestion(const QString& key) {
    if (!m_session || m_session->finished()) return;
    m_session->answer(key.toStdString());
    emit labChanged();
}

void LabController::advanceLab() {
    if (!m_session || m_session->finished()) return;
    m_session->advance();
    emit labChanged();
}

QStringList LabController::completions(const QString& line) const {
    QStringList out;
    for (const auto& c : docknet::cli::completions(*m_lab, *m_runner, line.toStdString())) out << qs(c);
    return out;
}

QString LabController::sessionScript() const {
    QString s = QStringLiteral("# docknet session: replay with `docknet run FILE`\n");
    for (const auto& in : m_inputs) s += qs(in) + QLatin1Char('\n');
    return s;
}

}  // namespace docknet::gui
