// ScriptRunner: runs a tutorial script as if each line were typed on the Docker host, and keeps
// the transcript — each command echoed behind its prompt, then what it printed (stdout and
// stderr in order), its exit status and the packet trace it caused. Shell sessions opened by
// `docker exec -it C bash` or `docker run -it IMAGE sh` take the following lines until `exit`,
// shown behind the container's prompt (`root@3f2a1b4c5d6e:/# `, `/ # `).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "sim/cli/command_output.hpp"
#include "sim/shell/shell.hpp"
#include "sim/core/error.hpp"

namespace sim::cli {
class DockerHost;
struct DockerHostOptions;
}  // namespace sim::cli

namespace sim::shell {
using cli::DockerHost;
using cli::DockerHostOptions;

struct TranscriptStep {
    int line = 0;
    std::string prompt;   // "$ " on the host
    std::string command;  // the line as typed (continuations joined)
    /// What the terminal showed while typing it: the command, then any here-document body on
    /// "> " continuation lines, ending with its delimiter.
    std::string echo;
    Output output;
    int exitCode = 0;
    std::size_t traceBegin = 0;  // the kernel trace records this step caused: [traceBegin, traceEnd)
    std::size_t traceEnd = 0;
    /// Keys the terminal does not echo (the detach sequence): what follows shows on the
    /// prompt's own line ("/ # read escape sequence").
    bool keysOnly = false;
};

struct Transcript {
    std::vector<TranscriptStep> steps;
    std::vector<std::string> warnings;  // the parser's (unterminated here-documents)
};

class ScriptRunner {
public:
    explicit ScriptRunner(DockerHost& lab);
    ~ScriptRunner();

    Shell& shell() { return *m_shell; }
    /// The prompt for the current context: "$ " or the container shell's.
    [[nodiscard]] std::string prompt() const;
    [[nodiscard]] const ShellContext& context() const { return m_contexts.back(); }
    /// True when `text` holds the detach sequence of the terminal the next line goes to (an
    /// attached container's); such a line is not echoed.
    [[nodiscard]] bool isDetachLine(const std::string& text) const;

    /// Parses the whole script first: a line that does not parse is an error ("line 3: ...")
    /// and nothing runs. Otherwise every command runs and the transcript is returned.
    core::Result<Transcript> run(std::string_view script);
    /// Runs the commands of an already parsed script (the interactive shell's lines).
    void runParsed(const Script& script, Transcript& transcript);

    /// The transcript as text: "$ COMMAND" lines, output, and with `withTrace` the trace lines
    /// of each step indented below it.
    [[nodiscard]] std::string render(const Transcript& t, bool withTrace) const;

private:
    void afterCommand();
    /// A line holding the attached terminal's detach sequence: leaves the session (the process
    /// keeps running) as the docker client does; false when the line is a command.
    bool detachIfAsked(const AndOrList& list, TranscriptStep& step);
    /// A line typed while attached to a process that is not a shell: nothing runs it.
    bool swallowIfPassive(const AndOrList& list, TranscriptStep& step);

    DockerHost& m_lab;
    std::unique_ptr<Shell> m_shell;
    std::vector<ShellContext> m_contexts;
};

}  // namespace sim::shell
