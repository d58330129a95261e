#include "sim/shell/script_runner.hpp"

#include "sim/cli/docker_host.hpp"
#include "sim/shell/process_identity.hpp"

namespace sim::shell {

ScriptRunner::ScriptRunner(DockerHost& lab) : m_lab(lab), m_shell(std::make_unique<Shell>(lab)) {
    m_contexts.push_back(ShellContext::host());
}

ScriptRunner::~ScriptRunner() = default;

std::string ScriptRunner::prompt() const {
    const ShellContext& ctx = m_contexts.back();
    if (ctx.onHost()) return "$ ";
    if (ctx.passive) return "";  // no shell prints a prompt
    const docker::Container* c = m_lab.engine().findContainer(ctx.containerId);
    const std::string host = c ? c->hostname : ctx.containerId.substr(0, 12);
    // Each shell's default prompt shows the user's kind (# for root, $ otherwise); bash's and
    // ash's show the directory too (\w: ~ for root's home).
    std::string user = "root", dir = "/";
    bool root = true;
    if (c)
        if (auto id = processIdentity(m_lab.engine(), *c, ctx.exec)) {
            user = id->user.name.empty() ? "I have no name!" : id->user.name;
            dir = id->workdir;
            root = id->user.uid == 0;
        }
    const std::string mark = root ? "#" : "$";
    if (ctx.shellName == "ash") return dir + " " + mark + " ";
    if (ctx.shellName == "sh") return mark + " ";
    return user + "@" + host + ":" + (root && dir == "/root" ? "~" : dir) + mark + " ";
}

core::Result<Transcript> ScriptRunner::run(std::string_view script) {
    auto parsed = parseScript(script);
    if (!parsed) return std::unexpected(parsed.error());
    Transcript t;
    t.warnings = parsed->warnings;
    runParsed(*parsed, t);
    return t;
}

void ScriptRunner::runParsed(const Script& script, Transcript& transcript) {
    for (const auto& list : script.lists) {
        m_lab.pause(m_lab.options().thinkTime);
        afterCommand();  // a session whose container ended meanwhile is over
        TranscriptStep step;
        step.line = list.line;
        step.prompt = prompt();
        step.command = list.text;
        step.echo = list.text;
        for (const auto& item : list.items)
            for (const auto& cmd : item.pipeline.commands)
                if (cmd.hereDoc) {
                    std::size_t start = 0;
                    const std::string& body = cmd.hereDoc->text;
                    while (start < body.size()) {
                        auto nl = body.find('\n', start);
                        if (nl == std::string::npos) nl = body.size();
                        step.echo += "\n> " + body.substr(start, nl - start);
                        start = nl + 1;
                    }
                    if (cmd.hereDoc->terminated) step.echo += "\n> " + cmd.hereDoc->delimiter;
                }
        step.traceBegin = m_lab.kernel().trace().size();
        if (detachIfAsked(list, step) || swallowIfPassive(list, step)) {
            step.traceEnd = step.traceBegin;
            transcript.steps.push_back(std::move(step));
            continue;
        }
        CommandResult r = m_shell->runList(list, m_contexts.back());
        step.output = std::move(r.output);
        step.exitCode = r.exitCode;
        step.traceEnd = m_lab.kernel().trace().size();
        transcript.steps.push_back(std::move(step));

        int code = 0;
        if (m_shell->takeExitRequest(code) && m_contexts.size() > 1) {
            const ShellContext left = m_contexts.back();
            m_contexts.pop_back();
            // The container's main process was this shell: leaving it stops the container.
            if (left.isMainProcess) m_lab.engine().processExited(left.containerId, code);
        }
        if (auto session = m_shell->takeSession()) {
            if (const docker::Container* c = m_lab.engine().findContainer(session->containerId))
                session->containerStartedAt = c->startedAt;
            m_contexts.push_back(*session);
        }
        afterCommand();
    }
}

bool ScriptRunner::isDetachLine(const std::string& text) const {
    const ShellContext& ctx = m_contexts.back();
    return !ctx.onHost() && !ctx.detachKeys.empty() && text.find(ctx.detachKeys) != std::string::npos;
}

bool ScriptRunner::detachIfAsked(const AndOrList& list, TranscriptStep& step) {
    if (!isDetachLine(list.text)) return false;
    const ShellContext& ctx = m_contexts.back();
    // The escape proxy swallows the keys (and the unfinished line before them) and the client
    // returns term.EscapeError: docker run says nothing, attach and exec print the error.
    step.echo.clear();
    step.keysOnly = true;
    if (!ctx.detachQuietly) {
        step.output.err("read escape sequence\n");
        step.exitCode = 1;
    }
    m_shell->setLastStatus(step.exitCode);
    m_contexts.pop_back();
    return true;
}

bool ScriptRunner::swallowIfPassive(const AndOrList& list, TranscriptStep& step) {
    const ShellContext ctx = m_contexts.back();
    if (!ctx.passive) return false;
    if (list.text.find('\x03') == std::string::npos) return true;
    // Ctrl-C: a terminal (-t) hands it to PID 1 as SIGINT, and so does the client's signal
    // proxy without one. The official images' servers exit on it; a PID 1 without a handler
    // ignores it and the client stays attached. With --sig-proxy=false and no terminal the
    // client itself dies of SIGINT (status 130), the container running on.
    step.echo = "^C";
    const docker::Container* c = m_lab.engine().findContainer(ctx.containerId);
    if (!c) return true;
    if (!c->config.tty && !ctx.sigProxy) {
        step.exitCode = 130;
    } else {
        const docker::ImageConfig* image = m_lab.engine().images().find(c->config.image);
        const bool handlesInt = image && image->service != docker::Service::None && c->config.command.empty();
        if (!handlesInt) return true;
        (void)m_lab.engine().stop(ctx.containerId);
        c = m_lab.engine().findContainer(ctx.containerId);
        step.exitCode = c ? c->exitCode : 0;
    }
    m_shell->setLastStatus(step.exitCode);
    m_contexts.pop_back();
    return true;
}

void ScriptRunner::afterCommand() {
    while (m_contexts.size() > 1) {
        const docker::Container* c = m_lab.engine().findContainer(m_contexts.back().containerId);
        if (c && c->isRunning() && c->startedAt == m_contexts.back().containerStartedAt) break;
        m_contexts.pop_back();
    }
}

std::string ScriptRunner::render(const Transcript& t, bool withTrace) const {
    std::string out;
    for (const auto& w : t.warnings) out += "warning: " + w + "\n";
    const auto& records = m_lab.kernel().trace().records();
    for (const auto& s : t.steps) {
        out += s.prompt + (s.keysOnly ? std::string() : s.echo + "\n");
        out += s.output.combined();
        if (withTrace) {
            for (std::size_t i = s.traceBegin; i < s.traceEnd && i < records.size(); ++i)
                out += "    | " + records[i].toString() + "\n";
        }
    }
    return out;
}

}  // namespace sim::shell
