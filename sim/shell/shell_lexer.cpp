// The parser's lexing half: tokens, words, quoting, $-expansions, here-document bodies.
#include "sim/shell/shell_parser_internal.hpp"

namespace sim::shell::detail {

// The whole text as the body of an unquoted here-document.
std::vector<WordPart> Parser::lexHereDocBody() {
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

// ---- positions ----------------------------------------------------------------------

int Parser::lineOf(size_t pos) const {
    const auto before = std::lower_bound(m_newlines.begin(), m_newlines.end(), pos) - m_newlines.begin();
    return m_firstLine + int(before);
}

// ---- lexer --------------------------------------------------------------------------

Token& Parser::peek() {
    if (!m_ahead) m_ahead = lex();
    return *m_ahead;
}

Token Parser::next() {
    Token t = std::move(peek());
    m_ahead.reset();
    return t;
}

// A \-newline at m_pos: skipped. At the very end, interactive input wants the next line.
void Parser::skipContinuation() {
    elide(m_pos, m_pos + 2, true);
    m_pos += 2;
    if (m_pos >= m_src.size() && m_interactive)
        failAtEnd(Incomplete::Continuation, lineOf(m_pos), "unexpected end of file after '\\'");
}

void Parser::skipBlanksAndComments() {
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

Token Parser::lex() {
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

Word Parser::lexWord() {
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
std::string Parser::rawText(size_t begin, size_t end) const {
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
void Parser::lexDoubleQuoted(std::vector<WordPart>& parts) {
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
std::optional<WordPart> Parser::lexDollar(bool quoted) {
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
WordPart Parser::lexCommandSubstitution(bool quoted) {
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
WordPart Parser::lexBraceParameter(bool quoted) {
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
std::vector<WordPart> Parser::lexFallback(bool quoted, int line) {
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
WordPart Parser::lexBackquote(bool quoted) {
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
void Parser::readHereDocs() {
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

}  // namespace sim::shell::detail
