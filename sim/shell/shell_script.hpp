// Shell text -> commands to run: the POSIX-sh subset that Docker tutorials use, with sh's
// semantics and (where reasonable) bash's error wording.
//
// Supported: comments, blank lines, '...' / "..." / \ quoting, \-newline continuations,
// `&&` `||` `;` `&` newline, pipelines `|` (with `!`), redirections (`>` `>>` `<` `>|` `<>`
// `n>&m` `n<&m` `&>` `&>>`, here-strings `<<<`), here-documents (`<<EOF`, `<<'EOF'`,
// `<<"EOF"`, `<<-EOF`), `NAME=value` assignments, `$NAME` `${NAME}` `${NAME:-word}`
// `${NAME-word}` `$?` and the other special parameters, `$(...)` and `` `...` ``.
// Not supported (reported as ErrorCode::Unsupported): compound commands (if/for/while/case,
// `{ }`, `( )`), functions, arithmetic `$((...))`, other `${...}` forms, here-documents inside
// a command substitution, two here-documents on one command. No globbing, no tilde expansion,
// IFS is always the default (space, tab, newline).
//
// Parsing and expansion are separate steps: parse once, then expand each command just before
// running it (its `$?` and `$(...)` results depend on what ran before).
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sim/core/error.hpp"

namespace sim::shell {

/// One piece of a word as written. Quote removal has already happened: `text` holds what the
/// piece stands for, not its source spelling (Word::raw keeps that).
struct WordPart {
    enum class Kind {
        Literal,              // unquoted text (also what a backslash escape outside quotes leaves, as SingleQuoted)
        SingleQuoted,         // '...' (and \c outside quotes): taken as is
        DoubleQuoted,         // literal text inside "...", escapes \" \\ \$ \` removed
        Variable,             // $NAME ${NAME} $? $1 ...: text = the name ("?", "HOME")
        CommandSubstitution,  // $(...) or `...`: text = the command text inside
    };
    Kind kind = Kind::Literal;
    std::string text;
    /// Variable / CommandSubstitution inside "...": the result is not split into fields.
    bool quoted = false;
    /// ${NAME-word} (hasFallback) and ${NAME:-word} (also fallbackIfEmpty): the word used
    /// when NAME is unset (or empty).
    bool hasFallback = false;
    bool fallbackIfEmpty = false;
    std::vector<WordPart> fallback;

    bool operator==(const WordPart&) const = default;
};

struct Word {
    std::vector<WordPart> parts;
    std::string raw;  // the source spelling, e.g. "'EOF'" or "$(docker ps -q)"
    int line = 0;

    /// The word's value when it needs no expansion (quotes removed); nullopt when it has a
    /// variable or a command substitution.
    [[nodiscard]] std::optional<std::string> literal() const;
    [[nodiscard]] bool hasExpansions() const { return !literal().has_value(); }
    bool operator==(const Word&) const = default;
};

enum class RedirectionKind {
    Output,           // n>file (n = 1 by default), also >|
    Append,           // n>>file
    Input,            // n<file (n = 0 by default)
    ReadWrite,        // n<>file
    DuplicateOutput,  // n>&m: target is "m" (or "-" to close)
    DuplicateInput,   // n<&m
    OutputAndError,   // &>file: fd is 1, stderr follows
    AppendOutputAndError,  // &>>file
    HereString,       // n<<<word: the word's value plus a newline on fd n (0)
};

struct Redirection {
    int fd = 1;
    RedirectionKind kind = RedirectionKind::Output;
    Word target;
    bool operator==(const Redirection&) const = default;
};

/// `cat > Dockerfile <<'EOF'` ... `EOF`.
struct HereDoc {
    int fd = 0;
    std::string delimiter;   // quote-removed: "EOF"
    bool quoted = false;     // <<'EOF', <<"EOF", <<\EOF: no expansion in the body
    bool stripTabs = false;  // <<-EOF: leading tabs removed from body lines and delimiter line
    int line = 0;            // the line of the << operator
    std::string text;        // the body as written (tabs stripped for <<-), each line ending in '\n'
    Word body;               // text as parts: one literal part when quoted, else $ / ` / \ expansions
    bool terminated = true;  // false: ended by end-of-file (a warning, like bash)
    bool operator==(const HereDoc&) const = default;
};

/// `NAME=value` before the command words (or alone: a shell variable assignment).
struct Assignment {
    std::string name;
    Word value;
    bool operator==(const Assignment&) const = default;
};

struct SimpleCommand {
    int line = 0;
    std::vector<Assignment> assignments;
    std::vector<Word> words;
    std::vector<Redirection> redirections;
    std::optional<HereDoc> hereDoc;
    bool operator==(const SimpleCommand&) const = default;
};

/// `a | b | c`; `! a | b` negates the exit status.
struct Pipeline {
    bool negated = false;
    std::vector<SimpleCommand> commands;
    bool operator==(const Pipeline&) const = default;
};

/// How a pipeline is joined to the one before it in an and-or list.
enum class Connector {
    First,  // the first pipeline of the list
    And,    // &&: run when the previous status is 0
    Or,     // ||: run when the previous status is not 0
};

struct AndOrItem {
    Connector connector = Connector::First;
    Pipeline pipeline;
    bool operator==(const AndOrItem&) const = default;
};

/// `a && b || c`, ended by `;`, `&`, a newline or the end of the text.
struct AndOrList {
    int line = 0;  // 1-based line of its first token
    /// The list's own source text on one line: continuations joined, newlines after && / || / |
    /// joined, comments and here-document bodies left out. For echoing `$ docker run ...`.
    std::string text;
    /// The whole logical line this list is on, in the same form: "a; b" for both lists of
    /// `a; b`. startsLine is true for the first list of each logical line, so a transcript can
    /// echo each typed line once.
    std::string lineText;
    bool startsLine = true;
    bool background = false;  // ended by `&`
    std::vector<AndOrItem> items;
    bool operator==(const AndOrList&) const = default;
};

struct Script {
    std::vector<AndOrList> lists;
    /// Non-fatal problems, e.g. "here-document at line 7 delimited by end-of-file (wanted 'EOF')"
    /// (bash prints them as "warning: ..." and still runs the command).
    std::vector<std::string> warnings;
    bool operator==(const Script&) const = default;
};

/// Parse a whole script. Errors (ErrorCode::InvalidArgument; Unsupported for constructs
/// docknet does not model) carry bash's wording with a line number:
///   "line 3: unexpected EOF while looking for matching '''"
///   "line 5: syntax error near unexpected token '&&'"
///   "line 9: syntax error: unexpected end of file"
/// firstLine numbers the first line of `text`.
core::Result<Script> parseScript(std::string_view text, int firstLine = 1);

/// Like parseScript, but keeps the lists that were complete before a syntax error, the way
/// bash runs a script up to the line with the error.
struct PartialScript {
    Script script;
    std::optional<core::Error> error;
};
PartialScript parseScriptUntilError(std::string_view text, int firstLine = 1);

/// Why an interactive line needs more input (the shell prints the `> ` prompt).
enum class Incomplete {
    None,
    Quote,         // an open '...' or "..."
    Continuation,  // a trailing backslash
    Operator,      // a trailing &&, || or |
    HereDoc,       // a here-document whose delimiter line has not been typed yet
    Substitution,  // an open $( , ` or ${
};

struct LineParse {
    Incomplete incomplete = Incomplete::None;
    Script script;  // complete only when incomplete == None
    [[nodiscard]] bool needsMore() const { return incomplete != Incomplete::None; }
};

/// For the interactive shell: `text` is everything typed since the last complete command, the
/// lines joined with '\n' (a final '\n' is optional). Returns needsMore() instead of the
/// end-of-file errors and warnings parseScript would give.
core::Result<LineParse> parseLine(std::string_view text, int firstLine = 1);

// ---- expansion ----------------------------------------------------------------------------

using Environment = std::map<std::string, std::string, std::less<>>;

/// Runs the text of a `$(...)` and returns its standard output.
using SubstitutionRunner = std::function<core::Result<std::string>(const std::string& commandText)>;

struct ExpansionContext {
    const Environment& env;  // unset names expand to ""
    int lastStatus = 0;      // $?
    SubstitutionRunner runSubstitution = {};  // empty: a $(...) is an ErrorCode::Unsupported error
};

/// A word after parameter expansion, command substitution (trailing newlines stripped), field
/// splitting of unquoted results on spaces, tabs and newlines, and quote removal: zero or more
/// fields ("$EMPTY" gives one empty field, unquoted $EMPTY none).
core::Result<std::vector<std::string>> expandWord(const Word& word, const ExpansionContext& ctx);

/// A word expanded without field splitting (assignment values, here-document bodies).
core::Result<std::string> expandWordToString(const Word& word, const ExpansionContext& ctx);

struct ExpandedRedirection {
    int fd = 1;
    RedirectionKind kind = RedirectionKind::Output;
    std::string target;
    bool operator==(const ExpandedRedirection&) const = default;
};

struct ExpandedCommand {
    int line = 0;
    std::vector<std::pair<std::string, std::string>> assignments;
    std::vector<std::string> argv;
    std::vector<ExpandedRedirection> redirections;
    std::optional<std::string> hereDoc;  // the body, expanded unless the delimiter was quoted
    int hereDocFd = 0;
};

/// Expands words (left to right, so $(...) runs in source order), then redirection targets
/// ("line 4: $OUT: ambiguous redirect" unless one field), then the here-document, then the
/// assignment values.
core::Result<ExpandedCommand> expandCommand(const SimpleCommand& command, const ExpansionContext& ctx);

}  // namespace sim::shell
