// The parser's grammar half: lists, and-or lists, pipelines, simple commands, redirections,
// and the line texts each list is shown with.
#include "sim/shell/shell_parser_internal.hpp"

namespace sim::shell::detail {

Parser::Parser(std::string text, int firstLine, bool interactive) : m_src(std::move(text)), m_firstLine(firstLine), m_interactive(interactive) {
    for (size_t i = 0; i < m_src.size(); ++i)
        if (m_src[i] == '\n') m_newlines.push_back(i);
}

// The whole text as a script. Lists are appended to `out` as they complete, so a caller can
// keep them when a later line fails.
void Parser::parseScript(Script& out) {
    parseLists(out.lists, &m_spans);
    fillHereDocs(out);
    out.warnings.insert(out.warnings.end(), m_warnings.begin(), m_warnings.end());
    computeTexts(out);
}

// After a ParseStop: what was complete before it.
void Parser::finishPartial(Script& out) {
    m_spans.resize(std::min(m_spans.size(), out.lists.size()));
    out.lists.resize(m_spans.size());
    fillHereDocs(out);
    out.warnings.insert(out.warnings.end(), m_warnings.begin(), m_warnings.end());
    computeTexts(out);
}

// Parses the text as a command list, only to report syntax errors (backquote contents).
void Parser::validate() {
    std::vector<AndOrList> lists;
    parseLists(lists, nullptr);
    if (peek().type != Token::Type::End) syntaxError(peek());
}

// ---- errors -------------------------------------------------------------------------

[[noreturn]] void Parser::fail(ErrorCode code, int line, const std::string& what) const {
    throw ParseStop{core::Error{code, "line " + std::to_string(line) + ": " + what}, Incomplete::None};
}

// The text ended where more was needed: interactive input asks for another line.
[[noreturn]] void Parser::failAtEnd(Incomplete kind, int line, const std::string& what) const {
    if (m_interactive) throw ParseStop{core::Error{ErrorCode::InvalidArgument, what}, kind};
    fail(ErrorCode::InvalidArgument, line, what);
}

[[noreturn]] void Parser::syntaxError(const Token& t) const {
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

// ---- grammar ------------------------------------------------------------------------

// list (';' | '&' | newline) list ... up to the end, or up to ')' inside $( ).
void Parser::parseLists(std::vector<AndOrList>& out, std::vector<ListSpan>* spans) {
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

void Parser::parseAndOr(AndOrList& list, ListSpan& span) {
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

Pipeline Parser::parsePipeline(size_t& end) {
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
void Parser::skipNewlinesAfterOperator() {
    while (peek().type == Token::Type::Newline) {
        const Token t = next();
        elide(t.begin, t.end, false);
    }
}

bool Parser::isAssignment(const Word& w, std::string& name) {
    if (w.parts.empty() || w.parts.front().kind != WordPart::Kind::Literal) return false;
    const std::string& text = w.parts.front().text;
    const size_t eq = text.find('=');
    if (eq == std::string::npos || eq == 0 || !isNameStart(text[0])) return false;
    for (size_t i = 1; i < eq; ++i)
        if (!isNameChar(text[i])) return false;
    name = text.substr(0, eq);
    return true;
}

SimpleCommand Parser::parseSimpleCommand(size_t& end) {
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

Token Parser::expectRedirectionTarget() {
    const Token& t = peek();
    if (t.type == Token::Type::Word) return next();
    if (t.type == Token::Type::End)
        fail(ErrorCode::InvalidArgument, t.line, "syntax error near unexpected token 'newline'");
    syntaxError(t);
}

void Parser::parseRedirection(SimpleCommand& cmd, int fd, size_t& end) {
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
void Parser::fillHereDocs(Script& script) {
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
std::string Parser::buildText(size_t begin, size_t end) const {
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

void Parser::computeTexts(Script& script) {
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

}  // namespace sim::shell::detail
