#include "interactive_shell.hpp"

#include <readline/history.h>
#include <readline/readline.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include "completion.hpp"
#include "sim/cli/docker_host.hpp"
#include "sim/shell/script_runner.hpp"

namespace docknet::cli {

namespace {

// readline's completion callbacks are plain C functions: they reach the session through this
// pointer, set only while runInteractiveShell runs.
struct Session {
    sim::cli::DockerHost* lab = nullptr;
    sim::shell::ScriptRunner* runner = nullptr;
    std::vector<std::string> matches;
};
Session* g_session = nullptr;

char* completionGenerator(const char*, int state) {
    if (!g_session || state >= static_cast<int>(g_session->matches.size())) return nullptr;
    return strdup(g_session->matches[static_cast<std::size_t>(state)].c_str());
}

char** complete(const char*, int, int end) {
    rl_attempted_completion_over = 1;
    if (!g_session) return nullptr;
    const std::string line(rl_line_buffer, static_cast<std::size_t>(end));
    g_session->matches = completions(*g_session->lab, *g_session->runner, line);
    return rl_completion_matches("", completionGenerator);
}

// Ctrl-p Ctrl-q, docker's detach keys: readline would take Ctrl-p for history, so the pair is
// bound to end the line as the bytes themselves (the line a script writes), unechoed.
bool g_detachTyped = false;
int detachKeys(int, int) {
    g_detachTyped = true;
    rl_replace_line("", 0);
    rl_done = 1;
    return 0;
}

bool readLine(bool tty, const std::string& prompt, std::string& out) {
    if (tty) {
        g_detachTyped = false;
        char* raw = readline(prompt.c_str());
        if (!raw) return false;
        out = g_detachTyped ? std::string("\x10\x11") : std::string(raw);
        std::free(raw);
        return true;
    }
    return static_cast<bool>(std::getline(std::cin, out));
}

}  // namespace

int runInteractiveShell(const ShellOptions& options) {
    sim::cli::DockerHostOptions labOptions;
    labOptions.seed = options.seed;
    sim::cli::DockerHost lab(labOptions);
    sim::shell::ScriptRunner runner(lab);
    ShellHooks hooks;
    hooks.banner = std::string("docknet ") + DOCKNET_VERSION + " — a simulated Docker host. Type Docker tutorial commands; `exit` or Ctrl-D leaves.\n";
    return runShellLoop(lab, runner, options, hooks);
}

int runShellLoop(sim::cli::DockerHost& lab, sim::shell::ScriptRunner& runner, const ShellOptions& options, const ShellHooks& hooks) {
    Session session{&lab, &runner, {}};
    g_session = &session;
    const bool tty = isatty(STDIN_FILENO) != 0;
    if (tty) {
        rl_attempted_completion_function = complete;
        rl_completer_word_break_characters = const_cast<char*>(" \t\n\"'|&;");
        rl_bind_keyseq("\\C-p\\C-q", detachKeys);
        std::cout << hooks.banner << std::flush;
    }
    if (hooks.readLine) *hooks.readLine = [tty](const std::string& prompt, std::string& out) {
        if (!readLine(tty, prompt, out)) return false;
        if (!tty) std::cout << prompt << out << "\n";
        return true;
    };

    std::string pending;
    int lineNo = 1;
    int startLine = 1;
    for (;;) {
        if (hooks.done && pending.empty() && hooks.done()) break;
        const std::string prompt = pending.empty() ? runner.prompt() : "> ";
        std::string line;
        if (!readLine(tty, prompt, line)) break;
        if (pending.empty()) startLine = lineNo;
        ++lineNo;
        pending += (pending.empty() ? "" : "\n") + line;
        auto parsed = sim::shell::parseLine(pending, startLine);
        if (!parsed) {
            std::cerr << "bash: " << parsed.error().message << "\n";
            pending.clear();
            continue;
        }
        if (parsed->needsMore()) continue;
        if (tty && !pending.empty()) add_history(pending.c_str());
        // Detach keys are not echoed: what the client prints follows the prompt.
        if (!tty) std::cout << prompt << (runner.isDetachLine(pending) ? std::string() : pending + "\n");
        // `exit` on the host leaves docknet.
        if (runner.context().onHost() && (pending == "exit" || pending.starts_with("exit "))) break;
        if (hooks.intercept && runner.context().onHost() && hooks.intercept(pending)) {
            pending.clear();
            continue;
        }
        pending.clear();
        sim::shell::Transcript t;
        runner.runParsed(parsed->script, t);
        const auto& records = lab.kernel().trace().records();
        for (const auto& step : t.steps) {
            for (const auto& [stream, text] : step.output.chunks)
                (stream == sim::cli::Stream::Out ? std::cout : std::cerr) << text << std::flush;
            if (options.trace)
                for (std::size_t i = step.traceBegin; i < step.traceEnd && i < records.size(); ++i)
                    std::cout << "    | " << records[i].toString() << "\n";
        }
        if (hooks.afterCommand) hooks.afterCommand(t);
    }
    if (tty) std::cout << "\n";
    if (hooks.readLine) *hooks.readLine = nullptr;
    g_session = nullptr;
    return 0;
}

}  // namespace docknet::cli
