// The internals of `docker build` (dockerfile.hpp), shared by the files that implement it:
//
//   dockerfile_text.cpp    string helpers, and shell words: quotes and $VAR expansion
//   dockerfile_parser.cpp  Dockerfile text -> instructions, their checks, "did you mean"
//   package_install.cpp    RUN apt-get/apt, apk, microdnf: package_manager.hpp applied to the image
//   run_interpreter.cpp    RUN: the shell-script interpreter (&&, ||, ;, simple commands)
//   build_transcript.cpp   BuildKit's plain progress output, source snippets, made-up timings
//   dockerfile.cpp         the build itself: stages, applying instructions, exporting the image
//
// Private to those files; nothing else includes it.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "sim/core/error.hpp"
#include "sim/docker/dockerfile.hpp"
#include "sim/docker/image_catalog.hpp"
#include "sim/docker/package_tables.hpp"

namespace sim::docker::detail {

using core::ErrorCode;

// ---- text (dockerfile_text.cpp) -----------------------------------------------------------------

std::string upper(std::string_view s);
std::string lower(std::string_view s);
bool isSpace(char c);
std::string trim(std::string_view s);
std::vector<std::string> splitWs(std::string_view s);
std::vector<std::string> splitLines(std::string_view text);  // Go strings.Split(text, "\n")
std::string join(const std::vector<std::string>& v, std::string_view sep);
/// Shell-style word splitting with quotes ("a b" 'c d' e\ f), quotes removed.
std::vector<std::string> shellWords(std::string_view s);
/// $VAR, ${VAR}, ${VAR:-default}, ${VAR:+alt}; \$ stays a literal $. Single quotes protect.
std::string expandVars(std::string_view s, const std::map<std::string, std::string>& vars, bool honorSingleQuotes);

// ---- instructions (dockerfile_parser.cpp) -------------------------------------------------------

struct Instr {
    std::string keyword;  // upper case
    std::string written;  // as written ("run")
    std::string args;     // after the keyword, continuation lines joined
    int startLine = 0, endLine = 0;
    std::optional<std::vector<std::string>> json;  // exec form
    std::vector<std::string> flags;                // --from=x, --chown=y ... (COPY/ADD/FROM)
    std::vector<std::string> words;                // args split, flags removed
};

struct Failure {
    ErrorCode code = ErrorCode::InvalidArgument;
    std::string message;        // after "ERROR: failed to solve: "
    int startLine = 0, endLine = 0;  // source snippet; 0 = none
};

struct Parsed {
    std::vector<Instr> instrs;
};

const std::vector<std::string>& instructionNames();  // upper case
/// A JSON array of strings, or nullopt (then the instruction is in shell form).
std::optional<std::vector<std::string>> parseJsonArray(std::string_view s);
// The exec form printed back compactly: ["a","b"].
std::string jsonCompact(const std::vector<std::string>& v);
/// "k=v k2=\"v 2\"" or legacy "k v" (ENV/LABEL). legacy is set for the old form.
std::vector<std::pair<std::string, std::string>> parseKeyValues(std::string_view args, bool& legacy);
// The instructions of a Dockerfile (comments dropped, continuations joined), or why there are none.
std::variant<Parsed, Failure> parseDockerfile(std::string_view text);
/// instructions.Parse: unknown instructions, argument counts, and "no build stage".
std::optional<Failure> validate(const std::vector<Instr>& instrs);

// ---- RUN (run_interpreter.cpp, package_install.cpp) ---------------------------------------------

// One RUN instruction being interpreted: the image it changes and the lines it prints.
struct RunState {
    ImageConfig& img;
    std::map<std::string, std::string> vars;  // ENV + ARG, for $VAR expansion
    std::vector<std::pair<double, std::string>> out;
    double t = 0.2;
    std::uint64_t addedBytes = 0;
    std::string key;  // for deterministic timings

    void say(std::string line, double dt = 0.004) {
        t += dt;
        out.emplace_back(t, std::move(line));
    }
};

bool hasShell(const ImageConfig& i);
/// Always present where there is a shell: shell builtins and coreutils-level commands.
bool isBasicCommand(std::string_view c);
/// One simple command. Sets `exited` on `exit`.
int runSimple(RunState& st, std::vector<std::string> argv, bool& exited);
/// `a && b || c ; d | e`, quotes respected. Returns the last status.
int runScript(RunState& st, std::string_view script, bool& exited);

// The package managers, given their whole command line (argv[0] is the command); they return
// the exit status.
int runApt(RunState& st, const std::vector<std::string>& argv);       // apt-get and apt
int runApk(RunState& st, const std::vector<std::string>& argv);       // apk
int runMicrodnf(RunState& st, const std::vector<std::string>& argv);  // microdnf

// ---- transcript (build_transcript.cpp) ----------------------------------------------------------

std::string fmt3(double t);  // "%.3f"
std::string fmt1(double t);  // "%.1f"
/// A deterministic duration in [lo, hi] seconds, from `key`.
double fakeSeconds(std::string_view key, double lo, double hi);

// BuildKit's plain progress output: numbered vertices ("#5 [2/4] RUN ...") and their lines.
class Transcript {
public:
    std::string text = "#0 building with \"default\" instance using docker driver\n";
    int begin(const std::string& name);  // a new vertex; returns its number
    void line(int n, const std::string& s);
    void log(int n, double t, const std::string& s);  // an output line at `t` seconds
    void done(int n, double secs);
    void cached(int n);

private:
    int m_next = 1;
};

/// solver/errdefs Source.Print.
std::string sourceSnippet(std::string_view filename, std::string_view text, int startLine, int endLine);

}  // namespace sim::docker::detail
