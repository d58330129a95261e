// The shell-script parser's internals, shared by its two halves: shell_lexer.cpp (characters to
// tokens, words, quotes, expansions and here-document bodies) and shell_parser.cpp (tokens to
// lists, pipelines, commands and redirections, and the texts of each list). Not a public
// interface: shell_script.hpp is.
#pragma once

#include <algorithm>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sim/shell/shell_script.hpp"

namespace sim::shell::detail {

using core::ErrorCode;

// Inside the parser, a failure unwinds with this (caught at the API functions below): deep
// recursive descent stays readable and nothing escapes the module.
struct ParseStop {
    core::Error error;
    Incomplete incomplete = Incomplete::None;  // set when more input would complete the text
};

inline bool isBlank(char c) { return c == ' ' || c == '\t'; }
inline bool isDigit(char c) { return c >= '0' && c <= '9'; }
inline bool isNameStart(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
inline bool isNameChar(char c) { return isNameStart(c) || isDigit(c); }
inline bool isSpecialParameter(char c) { return isDigit(c) || (c != '\0' && std::strchr("?$#!@*-", c) != nullptr); }
// Characters that end an unquoted word.
inline bool isMeta(char c) { return c != '\0' && std::strchr(" \t\n;&|<>()", c) != nullptr; }
inline bool isIfsSpace(char c) { return c == ' ' || c == '\t' || c == '\n'; }

const char* const kOperators[] = {"<<<", "<<-", "&>>", "<<", ">>", "&&", "||", ";;", "<&", ">&", "<>", ">|",
                                  "&>",  "<",   ">",   "&",  "|",  ";",  "(",  ")"};

inline bool isRedirectionOperator(const std::string& op) {
    return op == "<" || op == ">" || op == ">>" || op == "<<" || op == "<<-" || op == "<<<" || op == "<&" ||
           op == ">&" || op == "<>" || op == ">|" || op == "&>" || op == "&>>";
}

inline bool isReservedWord(const std::string& w) {
    static const char* const kWords[] = {"if",   "then",  "else",   "elif",     "fi", "do", "done", "case", "esac",
                                         "while", "until", "for",   "function", "select", "{", "}", "[[", "]]"};
    return std::any_of(std::begin(kWords), std::end(kWords), [&](const char* k) { return w == k; });
}

inline std::string trimBlanks(std::string_view s) {
    size_t b = 0;
    size_t e = s.size();
    while (b < e && isIfsSpace(s[b])) ++b;
    while (e > b && isIfsSpace(s[e - 1])) --e;
    return std::string(s.substr(b, e - b));
}

// Drops the '\r' of CRLF line ends (scripts edited on Windows).
inline std::string normalizeLineEnds(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;
        out += text[i];
    }
    return out;
}

// Appends a quote-removed text part, merging with the previous one of the same kind.
inline void appendText(std::vector<WordPart>& parts, WordPart::Kind kind, std::string_view text) {
    if (!parts.empty() && parts.back().kind == kind && kind != WordPart::Kind::Variable &&
        kind != WordPart::Kind::CommandSubstitution) {
        parts.back().text += text;
        return;
    }
    WordPart p;
    p.kind = kind;
    p.text = std::string(text);
    parts.push_back(std::move(p));
}

// A range of the source left out of AndOrList::text: a \-newline (soft: joins without a space
// unless a blank is next to it), a newline inside a list, a comment or a here-document body.
struct Elision {
    size_t begin = 0;
    size_t end = 0;
    bool soft = false;
};

struct Token {
    enum class Type { Word, IoNumber, Operator, Newline, End };
    Type type = Type::End;
    std::string op;  // Operator text, IoNumber digits
    Word word;
    size_t begin = 0;
    size_t end = 0;
    int line = 0;
};

struct PendingHereDoc {
    std::string delimiter;
    bool quoted = false;
    bool stripTabs = false;
    int line = 0;
};

struct ReadHereDoc {
    std::string text;
    Word body;
    bool terminated = true;
};

struct ListSpan {
    size_t begin = 0;
    size_t end = 0;
};


class Parser {
public:
    Parser(std::string text, int firstLine, bool interactive);

    // The whole text as a script. Lists are appended to `out` as they complete, so a caller can
    // keep them when a later line fails.
    void parseScript(Script& out);

    // After a ParseStop: what was complete before it.
    void finishPartial(Script& out);

    // The whole text as the body of an unquoted here-document.
    std::vector<WordPart> lexHereDocBody();

    // Parses the text as a command list, only to report syntax errors (backquote contents).
    void validate();

private:
    // ---- errors -------------------------------------------------------------------------

    [[noreturn]] void fail(ErrorCode code, int line, const std::string& what) const;

    // The text ended where more was needed: interactive input asks for another line.
    [[noreturn]] void failAtEnd(Incomplete kind, int line, const std::string& what) const;

    [[noreturn]] void syntaxError(const Token& t) const;

    // ---- positions ----------------------------------------------------------------------

    int lineOf(size_t pos) const;

    bool at(size_t pos, char c) const { return pos < m_src.size() && m_src[pos] == c; }

    void elide(size_t begin, size_t end, bool soft) { m_elisions.push_back(Elision{begin, end, soft}); }

    // ---- lexer --------------------------------------------------------------------------

    Token& peek();

    Token next();

    // A \-newline at m_pos: skipped. At the very end, interactive input wants the next line.
    void skipContinuation();

    void skipBlanksAndComments();

    Token lex();

    Word lexWord();

    // The source between begin and end without its \-newlines.
    std::string rawText(size_t begin, size_t end) const;

    // "..." at m_pos.
    void lexDoubleQuoted(std::vector<WordPart>& parts);

    // A $ at m_pos: the expansion, or nullopt when the $ is literal ("$", "a$ b", "$%").
    std::optional<WordPart> lexDollar(bool quoted);

    // $( ... ) at m_pos: parsed with this parser (so quotes, nesting and errors work), kept as text.
    WordPart lexCommandSubstitution(bool quoted);

    // ${...} at m_pos.
    WordPart lexBraceParameter(bool quoted);

    // The word of ${NAME:-word}, up to the closing brace.
    std::vector<WordPart> lexFallback(bool quoted, int line);

    // `...` at m_pos: \` \\ \$ unescaped, the result checked as a command list.
    WordPart lexBackquote(bool quoted);

    // At a newline (or the end) with here-documents pending: their bodies are the next lines.
    void readHereDocs();

    // ---- grammar ------------------------------------------------------------------------

    // list (';' | '&' | newline) list ... up to the end, or up to ')' inside $( ).
    void parseLists(std::vector<AndOrList>& out, std::vector<ListSpan>* spans);

    void parseAndOr(AndOrList& list, ListSpan& span);

    Pipeline parsePipeline(size_t& end);

    // After && || |, newlines (and comments) may come before the next command.
    void skipNewlinesAfterOperator();

    static bool isAssignment(const Word& w, std::string& name);

    SimpleCommand parseSimpleCommand(size_t& end);

    Token expectRedirectionTarget();

    void parseRedirection(SimpleCommand& cmd, int fd, size_t& end);

    // ---- after parsing ------------------------------------------------------------------

    // Bodies were read in source order, one per command with a here-document.
    void fillHereDocs(Script& script);

    // The source in [begin, end) on one line: elided ranges become one space (or nothing, for a
    // \-newline between two non-blanks).
    std::string buildText(size_t begin, size_t end) const;

    void computeTexts(Script& script);

    std::string m_src;
    int m_firstLine = 1;
    bool m_interactive = false;
    std::vector<size_t> m_newlines;
    size_t m_pos = 0;
    std::optional<Token> m_ahead;
    int m_substDepth = 0;
    int m_expansionDepth = 0;
    static constexpr int kMaxExpansionDepth = 500;
    std::vector<PendingHereDoc> m_pending;
    std::vector<ReadHereDoc> m_bodies;
    std::vector<Elision> m_elisions;
    std::vector<ListSpan> m_spans;
    std::vector<std::string> m_warnings;
};

}  // namespace sim::shell::detail
