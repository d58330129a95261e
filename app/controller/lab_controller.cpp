#include "lab_controller.hpp"

#include "../cli/completion.hpp"
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
    for (const auto& step : t.steps) {
        CommandOutcome o;
        o.prompt = qs(prompt);
        o.echo = qs(step.echo.empty() ? step.command : step.echo);
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
