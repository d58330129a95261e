#include "sim/shell/shell_script.hpp"

#include <algorithm>
#include <cstring>
#include <optional>

namespace sim::shell {
namespace {

using core::ErrorCode;

// Inside the parser, a failure unwinds with this (caught at the API functions below): deep
// recursive descent stays readable and nothing escapes the module.
struct ParseStop {
    core::Error error;
    Incomplete incomplete = Incomplete::None;  // set when more input would complete the text
};

bool isBlank(char c) { return c == ' ' || c == '\t'; }
bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isNameStart(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool isNameChar(char c) { return isNameStart(c) || isDigit(c); }
bool isSpecialParameter(char c) { return isDigit(c) || (c != '\0' && std::strchr("?$#!@*-", c) != nullptr); }
// Characters that end an unquoted word.
bool isMeta(char c) { return c != '\0' && std::strchr(" \t\n;&|<>()", c) != nullptr; }
bool isIfsSpace(char c) { return c == ' ' || c == '\t' || c == '\n'; }

const char* const kOperators[] = {"<<<", "<<-", "&>>", "<<", ">>", "&&", "||", ";;", "<&", ">&", "<>", ">|",
                                  "&>",  "<",   ">",   "&",  "|",  ";",  "(",  ")"};

bool isRedirectionOperator(const std::string& op) {
    return op == "<" || op == ">" || op == ">>" || op == "<<" || op == "<<-" || op == "<<<" || op == "<&" ||
           op == ">&" || op == "<>" || op == ">|" || op == "&>" || op == "&>>";
}

bool isReservedWord(const std::string& w) {
    static const char* const kWords[] = {"if",   "then",  "else",   "elif",     "fi", "do", "done", "case", "esac",
                                         "while", "until", "for",   "function", "select", "{", "}", "[[", "]]"};
    return std::any_of(std::begin(kWords), std::end(kWords), [&](const char* k) { return w == k; });
}

std::string trimBlanks(std::string_view s) {
    size_t b = 0;
    size_t e = s.size();
    while (b < e && isIfsSpace(s[b])) ++b;
    while (e > b && isIfsSpace(s[e - 1])) --e;
    return std::string(s.substr(b, e - b));
}

// Drops the '\r' of CRLF line ends (scripts edited on Windows).
std::string normalizeLineEnds(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;
        out += text[i];
    }
    return out;
}

// Appends a quote-removed text part, merging with the previous one of the same kind.
void appendText(std::vector<WordPart>& parts, WordPart::Kind kind, std::string_view text) {
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
    Parser(std::string text, int firstLine, bool interactive)
        : m_src(std::move(text)), m_firstLine(firstLine), m_interactive(interactive) {
        for (size_t i = 0; i < m_src.size(); ++i)
            if (m_src[i] == '\n') m_newlines.push_back(i);
    }

    // The whole text as a script. Lists are appended to `out` as they complete, so a caller can
    // keep them when a later line fails.
    void parseScript(Script& out) {
        parseLists(out.lists, &m_spans);
        fillHereDocs(out);
        out.warnings.insert(out.warnings.end(), m_warnings.begin(), m_warnings.end());
        computeTexts(out);
    }

    // After a ParseStop: what was complete before it.
    void finishPartial(Script& out) {
        m_spans.resize(std::min(m_spans.size(), out.lists.size()));
        out.lists.resize(m_spans.size());
        fillHereDocs(out);
        out.warnings.insert(out.warnings.end(), m_warnings.begin(), m_warnings.end());
        computeTexts(out);
    }

    // The whole text as the body of an unquoted here-document.
    std::vector<WordPart> lexHereDocBody() {
        std::vector<WordPart> parts;
        std::string lit;
        auto flush = [&] {
            if (!lit.empty()) appendText(parts, WordPart::Kind::Literal, lit);
            lit.clear();
        };
        while (m_pos < m_src.size()) {
            const char c = m_src[m_pos];
            if (c == '\\' && m_pos + 1 < m_src.size()) {
                const char n = m_src[m_pos + 1];
                if (n == '$' || n == '`' || n == '\\') {
                    lit += n;
                    m_pos += 2;
                    continue;
                }
                if (n == '\n') {
                    m_pos += 2;
                    continue;
                }
                lit += c;
                ++m_pos;
            } else if (c == '$') {
                if (auto p = lexDollar(true)) {
                    flush();
                    parts.push_back(std::move(*p));
                } else {
                    lit += c;
                    ++m_pos;
                }
            } else if (c == '`') {
                flush();
                parts.push_back(lexBackquote(true));
            } else {
                lit += c;
                ++m_pos;
            }
        }
        flush();
        return parts;
    }

    // Parses the text as a command list, only to report syntax errors (backquote contents).
    void validate() {
        std::vector<AndOrList> lists;
        parseLists(lists, nullptr);
        if (peek().type != Token::Type::End) syntaxError(peek());
    }

private:
    // ---- errors -------------------------------------------------------------------------

    [[noreturn]] void fail(ErrorCode code, int line, const std::string& what) const {
        throw ParseStop{core::Error{code, "line " + std::to_string(line) + ": " + what}, Incomplete::None};
    }

    // The text ended where more was needed: interactive input asks for another line.
    [[noreturn]] void failAtEnd(Incomplete kind, int line, const std::string& what) const {
        if (m_interactive) throw ParseStop{core::Error{ErrorCode::InvalidArgument, what}, kind};
        fail(ErrorCode::InvalidArgument, line, what);
    }

    [[noreturn]] void syntaxError(const Token& t) const {
        switch (t.type) {
        case Token::Type::End:
            failAtEnd(Incomplete::Operator, t.line, "syntax error: unexpected end of file");
        case Token::Type::Newline:
            fail(ErrorCode::InvalidArgument, t.line, "syntax error near unexpected token 'newline'");
        case Token::Type::Operator:
        case Token::Type::IoNumber:
            fail(ErrorCode::InvalidArgument, t.line, "syntax error near unexpected token '" + t.op + "'");
        case Token::Type::Word:
            fail(ErrorCode::InvalidArgument, t.line, "syntax error near unexpected token '" + t.word.raw + "'");
        }
        fail(ErrorCode::InvalidArgument, t.line, "syntax error");
    }

    // ---- positions ----------------------------------------------------------------------

    int lineOf(size_t pos) const {
        const auto before = std::lower_bound(m_newlines.begin(), m_newlines.end(), pos) - m_newlines.begin();
        return m_firstLine + int(before);
    }

    bool at(size_t pos, char c) const { return pos < m_src.size() && m_src[pos] == c; }

    void elide(size_t begin, size_t end, bool soft) { m_elisions.push_back(Elision{begin, end, soft}); }

    // ---- lexer --------------------------------------------------------------------------

    Token& peek() {
        if (!m_ahead) m_ahead = lex();
        return *m_ahead;
    }

    Token next() {
        Token t = std::move(peek());
        m_ahead.reset();
        return t;
    }

    // A \-newline at m_pos: skipped. At the very end, interactive input wants the next line.
    void skipContinuation() {
        elide(m_pos, m_pos + 2, true);
        m_pos += 2;
        if (m_pos >= m_src.size() && m_interactive)
            failAtEnd(Incomplete::Continuation, lineOf(m_pos), "unexpected end of file after '\\'");
    }

    void skipBlanksAndComments() {
        while (m_pos < m_src.size()) {
            const char c = m_src[m_pos];
            if (isBlank(c)) {
                ++m_pos;
            } else if (c == '\\' && at(m_pos + 1, '\n')) {
                skipContinuation();
            } else if (c == '\\' && m_pos + 1 == m_src.size() && m_interactive) {
                failAtEnd(Incomplete::Continuation, lineOf(m_pos), "unexpected end of file after '\\'");
            } else if (c == '#') {
                const size_t begin = m_pos;
                while (m_pos < m_src.size() && m_src[m_pos] != '\n') ++m_pos;
                elide(begin, m_pos, false);
            } else {
                break;
            }
        }
    }

    Token lex() {
        skipBlanksAndComments();
        Token t;
        t.begin = m_pos;
        t.line = lineOf(m_pos);
        if (m_pos >= m_src.size()) {
            if (!m_pending.empty()) readHereDocs();
            t.type = Token::Type::End;
            t.end = m_pos;
            return t;
        }
        const char c = m_src[m_pos];
        if (c == '\n') {
            ++m_pos;
            t.type = Token::Type::Newline;
            t.end = m_pos;
            if (!m_pending.empty() && m_substDepth == 0) readHereDocs();
            return t;
        }
        if (isDigit(c)) {
            size_t p = m_pos;
            while (p < m_src.size() && isDigit(m_src[p])) ++p;
            if (at(p, '<') || at(p, '>')) {
                t.type = Token::Type::IoNumber;
                t.op = m_src.substr(m_pos, p - m_pos);
                m_pos = p;
                t.end = p;
                return t;
            }
        }
        if (isMeta(c)) {
            for (const char* op : kOperators) {
                const size_t n = std::strlen(op);
                if (m_src.compare(m_pos, n, op) == 0) {
                    t.type = Token::Type::Operator;
                    t.op = op;
                    m_pos += n;
                    t.end = m_pos;
                    return t;
                }
            }
        }
        t.type = Token::Type::Word;
        t.word = lexWord();
        t.end = m_pos;
        return t;
    }

    Word lexWord() {
        Word w;
        const size_t begin = m_pos;
        w.line = lineOf(m_pos);
        std::string lit;
        auto flush = [&] {
            if (!lit.empty()) appendText(w.parts, WordPart::Kind::Literal, lit);
            lit.clear();
        };
        while (m_pos < m_src.size()) {
            const char c = m_src[m_pos];
            if (isMeta(c)) break;
            if (c == '\\') {
                if (m_pos + 1 >= m_src.size()) {
                    if (m_interactive)
                        failAtEnd(Incomplete::Continuation, lineOf(m_pos), "unexpected end of file after '\\'");
                    lit += c;
                    ++m_pos;
                } else if (m_src[m_pos + 1] == '\n') {
                    skipContinuation();
                } else {
                    flush();
                    appendText(w.parts, WordPart::Kind::SingleQuoted, std::string_view(&m_src[m_pos + 1], 1));
                    m_pos += 2;
                }
            } else if (c == '\'') {
                flush();
                const int line = lineOf(m_pos);
                const size_t close = m_src.find('\'', m_pos + 1);
                if (close == std::string::npos)
                    failAtEnd(Incomplete::Quote, line, "unexpected EOF while looking for matching '''");
                WordPart p;
                p.kind = WordPart::Kind::SingleQuoted;
                p.text = m_src.substr(m_pos + 1, close - m_pos - 1);
                w.parts.push_back(std::move(p));
                m_pos = close + 1;
            } else if (c == '"') {
                flush();
                lexDoubleQuoted(w.parts);
            } else if (c == '$') {
                if (auto p = lexDollar(false)) {
                    flush();
                    w.parts.push_back(std::move(*p));
                } else {
                    lit += c;
                    ++m_pos;
                }
            } else if (c == '`') {
                flush();
                w.parts.push_back(lexBackquote(false));
            } else {
                lit += c;
                ++m_pos;
            }
        }
        flush();
        w.raw = rawText(begin, m_pos);
        return w;
    }

    // The source between begin and end without its \-newlines.
    std::string rawText(size_t begin, size_t end) const {
        std::string raw;
        for (size_t i = begin; i < end; ++i) {
            if (m_src[i] == '\\' && i + 1 < end && m_src[i + 1] == '\n') {
                ++i;
                continue;
            }
            raw += m_src[i];
        }
        return raw;
    }

    // "..." at m_pos.
    void lexDoubleQuoted(std::vector<WordPart>& parts) {
        const int line = lineOf(m_pos);
        const size_t partsBefore = parts.size();
        ++m_pos;
        std::string lit;
        auto flush = [&] {
            if (!lit.empty()) appendText(parts, WordPart::Kind::DoubleQuoted, lit);
            lit.clear();
        };
        for (;;) {
            if (m_pos >= m_src.size())
                failAtEnd(Incomplete::Quote, line, "unexpected EOF while looking for matching '\"'");
            const char c = m_src[m_pos];
            if (c == '"') {
                ++m_pos;
                break;
            }
            if (c == '\\' && m_pos + 1 < m_src.size()) {
                const char n = m_src[m_pos + 1];
                if (n == '$' || n == '`' || n == '"' || n == '\\') {
                    lit += n;
                    m_pos += 2;
                } else if (n == '\n') {
                    elide(m_pos, m_pos + 2, true);
                    m_pos += 2;
                } else {
                    lit += c;
                    ++m_pos;
                }
            } else if (c == '$') {
                if (auto p = lexDollar(true)) {
                    flush();
                    parts.push_back(std::move(*p));
                } else {
                    lit += c;
                    ++m_pos;
                }
            } else if (c == '`') {
                flush();
                parts.push_back(lexBackquote(true));
            } else {
                lit += c;
                ++m_pos;
            }
        }
        flush();
        if (parts.size() == partsBefore) {  // "": still an (empty) field
            WordPart p;
            p.kind = WordPart::Kind::DoubleQuoted;
            parts.push_back(std::move(p));
        }
    }

    // A $ at m_pos: the expansion, or nullopt when the $ is literal ("$", "a$ b", "$%").
    std::optional<WordPart> lexDollar(bool quoted) {
        if (m_pos + 1 >= m_src.size()) return std::nullopt;
        // $( and ${ nest by recursion: a bound keeps ${x:-${x:-...}} 10,000 deep from overflowing
        // the stack (the limit is far beyond any script a person writes).
        struct Nesting {
            int& depth;
            explicit Nesting(int& d) : depth(++d) {}
            ~Nesting() { --depth; }
        } nesting(m_expansionDepth);
        if (m_expansionDepth > kMaxExpansionDepth)
            fail(ErrorCode::Unsupported, lineOf(m_pos),
                 "expansions nested more than " + std::to_string(kMaxExpansionDepth) + " deep");
        const char n = m_src[m_pos + 1];
        WordPart p;
        p.quoted = quoted;
        if (n == '(') {
            if (at(m_pos + 2, '('))
                fail(ErrorCode::Unsupported, lineOf(m_pos), "arithmetic expansion $((...)) is not supported");
            return lexCommandSubstitution(quoted);
        }
        if (n == '{') return lexBraceParameter(quoted);
        p.kind = WordPart::Kind::Variable;
        if (isNameStart(n)) {
            size_t e = m_pos + 1;
            while (e < m_src.size() && isNameChar(m_src[e])) ++e;
            p.text = m_src.substr(m_pos + 1, e - m_pos - 1);
            m_pos = e;
            return p;
        }
        if (isSpecialParameter(n)) {
            p.text = std::string(1, n);
            m_pos += 2;
            return p;
        }
        return std::nullopt;
    }

    // $( ... ) at m_pos: parsed with this parser (so quotes, nesting and errors work), kept as text.
    WordPart lexCommandSubstitution(bool quoted) {
        const int line = lineOf(m_pos);
        const size_t innerBegin = m_pos + 2;
        m_pos = innerBegin;
        // peek() is mid-lex here, so no token is buffered.
        ++m_substDepth;
        std::vector<AndOrList> inner;
        parseLists(inner, nullptr);
        Token close = next();
        if (close.type == Token::Type::End)
            failAtEnd(Incomplete::Substitution, line, "unexpected EOF while looking for matching ')'");
        if (close.type != Token::Type::Operator || close.op != ")") syntaxError(close);
        --m_substDepth;
        WordPart p;
        p.kind = WordPart::Kind::CommandSubstitution;
        p.quoted = quoted;
        p.text = trimBlanks(rawText(innerBegin, close.begin));
        return p;
    }

    // ${...} at m_pos.
    WordPart lexBraceParameter(bool quoted) {
        const int line = lineOf(m_pos);
        size_t p = m_pos + 2;
        WordPart part;
        part.kind = WordPart::Kind::Variable;
        part.quoted = quoted;
        auto badSubstitution = [&]() {
            const size_t close = m_src.find('}', m_pos);
            if (close == std::string::npos)
                failAtEnd(Incomplete::Substitution, line, "unexpected EOF while looking for matching '}'");
            fail(ErrorCode::Unsupported, line, m_src.substr(m_pos, close + 1 - m_pos) + ": bad substitution");
        };
        if (p < m_src.size() && isNameStart(m_src[p])) {
            const size_t b = p;
            while (p < m_src.size() && isNameChar(m_src[p])) ++p;
            part.text = m_src.substr(b, p - b);
        } else if (p < m_src.size() && isSpecialParameter(m_src[p]) && m_src[p] != '#') {
            part.text = std::string(1, m_src[p]);
            ++p;
        } else if (p < m_src.size() && m_src[p] == '#' && at(p + 1, '}')) {
            part.text = "#";
            ++p;
        } else {
            badSubstitution();
        }
        if (p >= m_src.size())
            failAtEnd(Incomplete::Substitution, line, "unexpected EOF while looking for matching '}'");
        if (m_src[p] == '}') {
            m_pos = p + 1;
            return part;
        }
        if (m_src.compare(p, 2, ":-") == 0) {
            part.fallbackIfEmpty = true;
            p += 2;
        } else if (m_src[p] == '-') {
            p += 1;
        } else {
            badSubstitution();
        }
        part.hasFallback = true;
        m_pos = p;
        part.fallback = lexFallback(quoted, line);
        return part;
    }

    // The word of ${NAME:-word}, up to the closing brace.
    std::vector<WordPart> lexFallback(bool quoted, int line) {
        std::vector<WordPart> parts;
        std::string lit;
        const auto litKind = quoted ? WordPart::Kind::DoubleQuoted : WordPart::Kind::Literal;
        auto flush = [&] {
            if (!lit.empty()) appendText(parts, litKind, lit);
            lit.clear();
        };
        for (;;) {
            if (m_pos >= m_src.size())
                failAtEnd(Incomplete::Substitution, line, "unexpected EOF while looking for matching '}'");
            const char c = m_src[m_pos];
            if (c == '}') {
                ++m_pos;
                break;
            }
            if (c == '\\' && m_pos + 1 < m_src.size()) {
                const char n = m_src[m_pos + 1];
                if (n == '\n') {
                    m_pos += 2;
                } else if (!quoted || n == '$' || n == '`' || n == '"' || n == '\\' || n == '}') {
                    flush();
                    appendText(parts, WordPart::Kind::SingleQuoted, std::string_view(&m_src[m_pos + 1], 1));
                    m_pos += 2;
                } else {
                    lit += c;
                    ++m_pos;
                }
            } else if (c == '\'' && !quoted) {
                flush();
                const size_t close = m_src.find('\'', m_pos + 1);
                if (close == std::string::npos)
                    failAtEnd(Incomplete::Quote, lineOf(m_pos), "unexpected EOF while looking for matching '''");
                appendText(parts, WordPart::Kind::SingleQuoted, std::string_view(m_src).substr(m_pos + 1, close - m_pos - 1));
                m_pos = close + 1;
            } else if (c == '"') {
                flush();
                lexDoubleQuoted(parts);
            } else if (c == '$') {
                if (auto p = lexDollar(quoted)) {
                    flush();
                    parts.push_back(std::move(*p));
                } else {
                    lit += c;
                    ++m_pos;
                }
            } else if (c == '`') {
                flush();
                parts.push_back(lexBackquote(quoted));
            } else {
                lit += c;
                ++m_pos;
            }
        }
        flush();
        return parts;
    }

    // `...` at m_pos: \` \\ \$ unescaped, the result checked as a command list.
    WordPart lexBackquote(bool quoted) {
        const int line = lineOf(m_pos);
        size_t p = m_pos + 1;
        std::string inner;
        for (;;) {
            if (p >= m_src.size())
                failAtEnd(Incomplete::Substitution, line, "unexpected EOF while looking for matching '`'");
            const char c = m_src[p];
            if (c == '`') break;
            if (c == '\\' && p + 1 < m_src.size()) {
                const char n = m_src[p + 1];
                if (n == '`' || n == '\\' || n == '$' || (quoted && n == '"')) {
                    inner += n;
                    p += 2;
                    continue;
                }
            }
            inner += c;
            ++p;
        }
        m_pos = p + 1;
        Parser check(inner, line, false);
        check.m_substDepth = 1;  // no here-documents in there either
        check.validate();
        WordPart part;
        part.kind = WordPart::Kind::CommandSubstitution;
        part.quoted = quoted;
        part.text = trimBlanks(inner);
        return part;
    }

    // At a newline (or the end) with here-documents pending: their bodies are the next lines.
    void readHereDocs() {
        for (const PendingHereDoc& h : m_pending) {
            const size_t bodyBegin = m_pos;
            const int bodyLine = lineOf(m_pos);
            ReadHereDoc doc;
            for (;;) {
                if (m_pos >= m_src.size()) {
                    if (m_interactive)
                        failAtEnd(Incomplete::HereDoc, h.line, "here-document delimited by end-of-file");
                    m_warnings.push_back("here-document at line " + std::to_string(h.line) +
                                         " delimited by end-of-file (wanted '" + h.delimiter + "')");
                    doc.terminated = false;
                    break;
                }
                size_t lineEnd = m_src.find('\n', m_pos);
                if (lineEnd == std::string::npos) lineEnd = m_src.size();
                std::string_view line(m_src.data() + m_pos, lineEnd - m_pos);
                if (h.stripTabs) {
                    while (!line.empty() && line.front() == '\t') line.remove_prefix(1);
                }
                m_pos = std::min(lineEnd + 1, m_src.size());
                if (line == h.delimiter) break;
                doc.text.append(line);
                doc.text += '\n';
            }
            elide(bodyBegin, m_pos, false);
            doc.body.raw = doc.text;
            doc.body.line = bodyLine;
            if (h.quoted) {
                if (!doc.text.empty()) appendText(doc.body.parts, WordPart::Kind::SingleQuoted, doc.text);
            } else {
                Parser body(doc.text, bodyLine, false);
                body.m_substDepth = 1;
                doc.body.parts = body.lexHereDocBody();
            }
            m_bodies.push_back(std::move(doc));
        }
        m_pending.clear();
    }

    // ---- grammar ------------------------------------------------------------------------

    // list (';' | '&' | newline) list ... up to the end, or up to ')' inside $( ).
    void parseLists(std::vector<AndOrList>& out, std::vector<ListSpan>* spans) {
        for (;;) {
            while (peek().type == Token::Type::Newline) next();
            const Token& t = peek();
            if (t.type == Token::Type::End) return;
            if (t.type == Token::Type::Operator && t.op == ")" && m_substDepth > 0) return;
            AndOrList list;
            ListSpan span;
            parseAndOr(list, span);
            const Token& after = peek();
            if (after.type == Token::Type::Operator && after.op == ";") {
                next();
            } else if (after.type == Token::Type::Operator && after.op == "&") {
                list.background = true;
                span.end = after.end;
                next();
            } else if (after.type == Token::Type::Newline) {
                next();
            } else if (after.type == Token::Type::End) {
            } else if (after.type == Token::Type::Operator && after.op == ")" && m_substDepth > 0) {
            } else {
                syntaxError(after);
            }
            out.push_back(std::move(list));
            if (spans) spans->push_back(span);
        }
    }

    void parseAndOr(AndOrList& list, ListSpan& span) {
        span.begin = peek().begin;
        list.line = peek().line;
        list.items.push_back(AndOrItem{Connector::First, parsePipeline(span.end)});
        for (;;) {
            const Token& t = peek();
            if (t.type != Token::Type::Operator || (t.op != "&&" && t.op != "||")) break;
            const Connector connector = t.op == "&&" ? Connector::And : Connector::Or;
            next();
            skipNewlinesAfterOperator();
            list.items.push_back(AndOrItem{connector, parsePipeline(span.end)});
        }
    }

    Pipeline parsePipeline(size_t& end) {
        Pipeline p;
        const Token& t = peek();
        if (t.type == Token::Type::Word && t.word.raw == "!") {
            p.negated = true;
            next();
        }
        p.commands.push_back(parseSimpleCommand(end));
        while (peek().type == Token::Type::Operator && peek().op == "|") {
            next();
            skipNewlinesAfterOperator();
            p.commands.push_back(parseSimpleCommand(end));
        }
        return p;
    }

    // After && || |, newlines (and comments) may come before the next command.
    void skipNewlinesAfterOperator() {
        while (peek().type == Token::Type::Newline) {
            const Token t = next();
            elide(t.begin, t.end, false);
        }
    }

    static bool isAssignment(const Word& w, std::string& name) {
        if (w.parts.empty() || w.parts.front().kind != WordPart::Kind::Literal) return false;
        const std::string& text = w.parts.front().text;
        const size_t eq = text.find('=');
        if (eq == std::string::npos || eq == 0 || !isNameStart(text[0])) return false;
        for (size_t i = 1; i < eq; ++i)
            if (!isNameChar(text[i])) return false;
        name = text.substr(0, eq);
        return true;
    }

    SimpleCommand parseSimpleCommand(size_t& end) {
        SimpleCommand cmd;
        {
            const Token& t = peek();
            cmd.line = t.line;
            if (t.type == Token::Type::End) syntaxError(t);
            if (t.type == Token::Type::Newline) syntaxError(t);
            if (t.type == Token::Type::Operator && !isRedirectionOperator(t.op)) {
                if (t.op == "(")
                    fail(ErrorCode::Unsupported, t.line, "subshells ( ... ) are not supported");
                syntaxError(t);
            }
        }
        for (;;) {
            Token& t = peek();
            if (t.type == Token::Type::Word) {
                std::string name;
                if (cmd.words.empty() && isAssignment(t.word, name)) {
                    Assignment a;
                    a.name = name;
                    a.value = t.word;
                    a.value.raw = t.word.raw.substr(t.word.raw.find('=') + 1);
                    WordPart& first = a.value.parts.front();
                    first.text.erase(0, name.size() + 1);
                    if (first.text.empty()) a.value.parts.erase(a.value.parts.begin());
                    cmd.assignments.push_back(std::move(a));
                } else {
                    if (cmd.words.empty() && cmd.assignments.empty() && t.word.parts.size() == 1 &&
                        t.word.parts[0].kind == WordPart::Kind::Literal && isReservedWord(t.word.parts[0].text)) {
                        fail(ErrorCode::Unsupported, t.line,
                             "'" + t.word.parts[0].text +
                                 "': compound commands are not supported (docknet runs simple commands, pipelines "
                                 "and && / || lists)");
                    }
                    cmd.words.push_back(t.word);
                }
                end = t.end;
                next();
            } else if (t.type == Token::Type::IoNumber) {
                const int fd = std::stoi(t.op.size() > 4 ? std::string("9999") : t.op);
                next();
                parseRedirection(cmd, fd, end);
            } else if (t.type == Token::Type::Operator && isRedirectionOperator(t.op)) {
                parseRedirection(cmd, -1, end);
            } else {
                break;
            }
        }
        return cmd;
    }

    Token expectRedirectionTarget() {
        const Token& t = peek();
        if (t.type == Token::Type::Word) return next();
        if (t.type == Token::Type::End)
            fail(ErrorCode::InvalidArgument, t.line, "syntax error near unexpected token 'newline'");
        syntaxError(t);
    }

    void parseRedirection(SimpleCommand& cmd, int fd, size_t& end) {
        const Token op = next();
        if (op.op == "<<" || op.op == "<<-") {
            if (m_substDepth > 0)
                fail(ErrorCode::Unsupported, op.line, "here-documents inside $(...) are not supported");
            if (cmd.hereDoc)
                fail(ErrorCode::Unsupported, op.line, "only one here-document per command is supported");
            const Token target = expectRedirectionTarget();
            HereDoc doc;
            doc.fd = fd < 0 ? 0 : fd;
            doc.stripTabs = op.op == "<<-";
            doc.line = op.line;
            const std::string& raw = target.word.raw;
            for (size_t i = 0; i < raw.size(); ++i) {
                if (raw[i] == '\'' || raw[i] == '"') {
                    doc.quoted = true;
                } else if (raw[i] == '\\' && i + 1 < raw.size()) {
                    doc.quoted = true;
                    doc.delimiter += raw[++i];
                } else {
                    doc.delimiter += raw[i];
                }
            }
            m_pending.push_back(PendingHereDoc{doc.delimiter, doc.quoted, doc.stripTabs, doc.line});
            cmd.hereDoc = std::move(doc);
            end = target.end;
            return;
        }
        Redirection r;
        if (op.op == ">" || op.op == ">|") {
            r.kind = RedirectionKind::Output;
        } else if (op.op == ">>") {
            r.kind = RedirectionKind::Append;
        } else if (op.op == "<") {
            r.kind = RedirectionKind::Input;
        } else if (op.op == "<>") {
            r.kind = RedirectionKind::ReadWrite;
        } else if (op.op == ">&") {
            r.kind = RedirectionKind::DuplicateOutput;
        } else if (op.op == "<&") {
            r.kind = RedirectionKind::DuplicateInput;
        } else if (op.op == "&>") {
            r.kind = RedirectionKind::OutputAndError;
        } else if (op.op == "&>>") {
            r.kind = RedirectionKind::AppendOutputAndError;
        } else {
            r.kind = RedirectionKind::HereString;
        }
        const bool input = r.kind == RedirectionKind::Input || r.kind == RedirectionKind::ReadWrite ||
                           r.kind == RedirectionKind::DuplicateInput || r.kind == RedirectionKind::HereString;
        r.fd = fd >= 0 ? fd : (input ? 0 : 1);
        Token target = expectRedirectionTarget();
        r.target = std::move(target.word);
        end = target.end;
        cmd.redirections.push_back(std::move(r));
    }

    // ---- after parsing ------------------------------------------------------------------

    // Bodies were read in source order, one per command with a here-document.
    void fillHereDocs(Script& script) {
        size_t k = 0;
        for (AndOrList& list : script.lists)
            for (AndOrItem& item : list.items)
                for (SimpleCommand& cmd : item.pipeline.commands) {
                    if (!cmd.hereDoc || k >= m_bodies.size()) continue;
                    ReadHereDoc& doc = m_bodies[k++];
                    cmd.hereDoc->text = std::move(doc.text);
                    cmd.hereDoc->body = std::move(doc.body);
                    cmd.hereDoc->terminated = doc.terminated;
                }
    }

    // The source in [begin, end) on one line: elided ranges become one space (or nothing, for a
    // \-newline between two non-blanks).
    std::string buildText(size_t begin, size_t end) const {
        std::string out;
        size_t pos = begin;
        bool pendingSpace = false;
        auto append = [&](size_t from, size_t to) {
            if (from >= to) return;
            if (pendingSpace && !out.empty()) out += ' ';
            pendingSpace = false;
            out.append(m_src, from, to - from);
        };
        for (const Elision& e : m_elisions) {
            if (e.end <= pos || e.begin >= end) continue;
            append(pos, std::max(pos, e.begin));
            pos = std::max(pos, std::min(e.end, end));
            const bool blankBefore = !out.empty() && isBlank(out.back());
            const bool blankAfter = pos < end && isBlank(m_src[pos]);
            if (!e.soft || blankBefore || blankAfter || pendingSpace) {
                while (!out.empty() && isBlank(out.back())) out.pop_back();
                while (pos < end && isBlank(m_src[pos])) ++pos;
                pendingSpace = true;
            }
        }
        append(pos, end);
        return trimBlanks(out);
    }

    void computeTexts(Script& script) {
        std::sort(m_elisions.begin(), m_elisions.end(),
                  [](const Elision& a, const Elision& b) { return a.begin < b.begin; });
        const size_t n = std::min(script.lists.size(), m_spans.size());
        size_t groupStart = 0;
        for (size_t i = 0; i < n; ++i) {
            script.lists[i].text = buildText(m_spans[i].begin, m_spans[i].end);
            script.lists[i].startsLine =
                i == 0 || lineOf(m_spans[i].begin) != lineOf(m_spans[i - 1].end == 0 ? 0 : m_spans[i - 1].end - 1);
            if (script.lists[i].startsLine) groupStart = i;
            const bool groupEnds =
                i + 1 == n || lineOf(m_spans[i + 1].begin) != lineOf(m_spans[i].end == 0 ? 0 : m_spans[i].end - 1);
            if (groupEnds) {
                const std::string lineText = buildText(m_spans[groupStart].begin, m_spans[i].end);
                for (size_t j = groupStart; j <= i; ++j) script.lists[j].lineText = lineText;
            }
        }
    }

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

// ---- expansion helpers ------------------------------------------------------------------

core::Result<std::string> expandPartsToString(const std::vector<WordPart>& parts, const ExpansionContext& ctx);

// The value of a $NAME / $(...) part (fallbacks applied, trailing newlines of $(...) stripped).
core::Result<std::string> partValue(const WordPart& p, const ExpansionContext& ctx) {
    if (p.kind == WordPart::Kind::CommandSubstitution) {
        if (!ctx.runSubstitution)
            return core::fail(ErrorCode::Unsupported, "command substitution $(" + p.text + ") is not available here");
        auto out = ctx.runSubstitution(p.text);
        if (!out) return std::unexpected(out.error());
        std::string s = std::move(*out);
        while (!s.empty() && s.back() == '\n') s.pop_back();
        return s;
    }
    std::optional<std::string> value;
    if (p.text == "?") {
        value = std::to_string(ctx.lastStatus);
    } else if (auto it = ctx.env.find(p.text); it != ctx.env.end()) {
        value = it->second;
    }
    if (p.hasFallback && (!value || (p.fallbackIfEmpty && value->empty())))
        return expandPartsToString(p.fallback, ctx);
    return value.value_or(std::string());
}

core::Result<std::string> expandPartsToString(const std::vector<WordPart>& parts, const ExpansionContext& ctx) {
    std::string out;
    for (const WordPart& p : parts) {
        if (p.kind == WordPart::Kind::Variable || p.kind == WordPart::Kind::CommandSubstitution) {
            auto v = partValue(p, ctx);
            if (!v) return v;
            out += *v;
        } else {
            out += p.text;
        }
    }
    return out;
}

}  // namespace

std::optional<std::string> Word::literal() const {
    std::string out;
    for (const WordPart& p : parts) {
        if (p.kind == WordPart::Kind::Variable || p.kind == WordPart::Kind::CommandSubstitution) return std::nullopt;
        out += p.text;
    }
    return out;
}

core::Result<Script> parseScript(std::string_view text, int firstLine) {
    PartialScript partial = parseScriptUntilError(text, firstLine);
    if (partial.error) return std::unexpected(*partial.error);
    return std::move(partial.script);
}

PartialScript parseScriptUntilError(std::string_view text, int firstLine) {
    PartialScript result;
    Parser parser(normalizeLineEnds(text), firstLine, false);
    try {
        parser.parseScript(result.script);
    } catch (const ParseStop& stop) {
        result.error = stop.error;
        parser.finishPartial(result.script);
    }
    return result;
}

core::Result<LineParse> parseLine(std::string_view text, int firstLine) {
    LineParse result;
    Parser parser(normalizeLineEnds(text), firstLine, true);
    try {
        parser.parseScript(result.script);
    } catch (const ParseStop& stop) {
        if (stop.incomplete == Incomplete::None) return std::unexpected(stop.error);
        result.incomplete = stop.incomplete;
        result.script = Script{};
    }
    return result;
}

core::Result<std::vector<std::string>> expandWord(const Word& word, const ExpansionContext& ctx) {
    std::vector<std::string> fields;
    std::string current;
    bool exists = false;  // a quoted part or some text makes the current field real
    auto flush = [&] {
        if (exists) fields.push_back(current);
        current.clear();
        exists = false;
    };
    for (const WordPart& p : word.parts) {
        const bool expansion = p.kind == WordPart::Kind::Variable || p.kind == WordPart::Kind::CommandSubstitution;
        if (!expansion) {
            current += p.text;
            exists = true;
            continue;
        }
        auto value = partValue(p, ctx);
        if (!value) return std::unexpected(value.error());
        if (p.quoted) {
            current += *value;
            exists = true;
            continue;
        }
        // Unquoted: split on IFS whitespace; the first and last pieces join the text around.
        for (char c : *value) {
            if (isIfsSpace(c)) {
                flush();
            } else {
                current += c;
                exists = true;
            }
        }
    }
    flush();
    return fields;
}

core::Result<std::string> expandWordToString(const Word& word, const ExpansionContext& ctx) {
    return expandPartsToString(word.parts, ctx);
}

core::Result<ExpandedCommand> expandCommand(const SimpleCommand& command, const ExpansionContext& ctx) {
    ExpandedCommand out;
    out.line = command.line;
    for (const Word& w : command.words) {
        auto fields = expandWord(w, ctx);
        if (!fields) return std::unexpected(fields.error());
        out.argv.insert(out.argv.end(), fields->begin(), fields->end());
    }
    for (const Redirection& r : command.redirections) {
        ExpandedRedirection e;
        e.fd = r.fd;
        e.kind = r.kind;
        if (r.kind == RedirectionKind::HereString) {
            auto s = expandWordToString(r.target, ctx);
            if (!s) return std::unexpected(s.error());
            e.target = std::move(*s);
        } else {
            auto fields = expandWord(r.target, ctx);
            if (!fields) return std::unexpected(fields.error());
            if (fields->size() != 1)
                return core::fail(ErrorCode::InvalidArgument,
                                  "line " + std::to_string(command.line) + ": " + r.target.raw + ": ambiguous redirect");
            e.target = std::move(fields->front());
        }
        out.redirections.push_back(std::move(e));
    }
    if (command.hereDoc) {
        out.hereDocFd = command.hereDoc->fd;
        if (command.hereDoc->quoted) {
            out.hereDoc = command.hereDoc->text;
        } else {
            auto body = expandWordToString(command.hereDoc->body, ctx);
            if (!body) return std::unexpected(body.error());
            out.hereDoc = std::move(*body);
        }
    }
    for (const Assignment& a : command.assignments) {
        auto v = expandWordToString(a.value, ctx);
        if (!v) return std::unexpected(v.error());
        out.assignments.emplace_back(a.name, std::move(*v));
    }
    return out;
}

}  // namespace sim::shell
