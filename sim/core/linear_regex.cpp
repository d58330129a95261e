#include "sim/core/linear_regex.hpp"

#include <re2/re2.h>

namespace sim::core {

namespace {

RE2::Options optionsFor(LinearRegex::Syntax syntax, bool ignoreCase) {
    RE2::Options o;
    o.set_log_errors(false);
    o.set_case_sensitive(!ignoreCase);
    o.set_max_mem(16 << 20);  // a bound on what a pattern may cost to compile
    if (syntax != LinearRegex::Syntax::Go) {
        // POSIX: leftmost-longest, with GNU's \b \w \s \d extensions that grep users type.
        o.set_posix_syntax(true);
        o.set_longest_match(true);
        o.set_perl_classes(true);
        o.set_word_boundary(true);
    }
    return o;
}

bool hasBackReference(std::string_view p) {
    for (std::size_t i = 0; i + 1 < p.size(); ++i) {
        if (p[i] != '\\') continue;
        if (p[i + 1] >= '1' && p[i + 1] <= '9') return true;
        ++i;
    }
    return false;
}

std::string prepared(std::string_view pattern, LinearRegex::Syntax syntax) {
    return syntax == LinearRegex::Syntax::PosixBasic ? LinearRegex::basicToExtended(pattern) : std::string(pattern);
}

}  // namespace

std::string LinearRegex::basicToExtended(std::string_view b) {
    std::string e;
    bool inBracket = false;
    for (std::size_t i = 0; i < b.size(); ++i) {
        const char c = b[i];
        if (inBracket) {
            e += c;
            // "[]" and "[^]" put a literal ] first; [:class:] holds no ].
            if (c == '[' && i + 1 < b.size() && (b[i + 1] == ':' || b[i + 1] == '.' || b[i + 1] == '=')) {
                const char kind = b[i + 1];
                const auto close = b.find(std::string{kind, ']'}, i + 2);
                if (close != std::string_view::npos) {
                    e.append(b.substr(i + 1, close + 2 - (i + 1)));
                    i = close + 1;
                }
            } else if (c == ']') {
                inBracket = false;
            }
            continue;
        }
        if (c == '[') {
            inBracket = true;
            e += c;
            if (i + 1 < b.size() && b[i + 1] == '^') e += b[++i];
            if (i + 1 < b.size() && b[i + 1] == ']') e += b[++i];
            continue;
        }
        if (c == '\\' && i + 1 < b.size()) {
            const char n = b[++i];
            if (std::string_view("(){}|+?").find(n) != std::string_view::npos) e += n;  // the operators
            else e += std::string{'\\', n};
            continue;
        }
        if (std::string_view("(){}|+?").find(c) != std::string_view::npos) {
            e += std::string{'\\', c};  // literal in basic syntax
            continue;
        }
        // A * that starts the pattern (or a group, or follows ^) is literal.
        if (c == '*' && (e.empty() || e == "^" || e.back() == '(' || e.ends_with("^") || e.ends_with("|"))) {
            e += "\\*";
            continue;
        }
        e += c;
    }
    return e;
}

std::string LinearRegex::quote(std::string_view text) { return RE2::QuoteMeta(re2::StringPiece(text.data(), text.size())); }

LinearRegex::Problem LinearRegex::compileProblem(std::string_view pattern, Syntax syntax) {
    if (hasBackReference(pattern)) return Problem::BackReference;
    const std::string p = prepared(pattern, syntax);
    RE2 re(p, optionsFor(syntax, false));
    switch (re.error_code()) {
        case RE2::NoError: return Problem::None;
        case RE2::ErrorMissingParen:
        case RE2::ErrorUnexpectedParen: return Problem::UnmatchedParen;
        case RE2::ErrorMissingBracket: return Problem::UnmatchedBracket;
        case RE2::ErrorPatternTooLarge: return Problem::TooBig;
        default: return Problem::Other;
    }
}

Result<LinearRegex> LinearRegex::compile(std::string_view pattern, Syntax syntax, bool ignoreCase) {
    if (hasBackReference(pattern))
        return fail(ErrorCode::InvalidArgument, "back-references (\\1 ... \\9) are not supported: docknet matches in linear time");
    auto re = std::make_shared<const RE2>(prepared(pattern, syntax), optionsFor(syntax, ignoreCase));
    if (!re->ok()) return fail(ErrorCode::InvalidArgument, re->error());
    LinearRegex out;
    out.m_re = std::move(re);
    return out;
}

bool LinearRegex::search(std::string_view text) const {
    return m_re && RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), *m_re);
}

std::vector<std::pair<std::size_t, std::size_t>> LinearRegex::findAll(std::string_view text) const {
    std::vector<std::pair<std::size_t, std::size_t>> out;
    if (!m_re) return out;
    const re2::StringPiece all(text.data(), text.size());
    std::size_t at = 0;
    while (at <= text.size()) {
        re2::StringPiece m;
        if (!m_re->Match(all, at, text.size(), RE2::UNANCHORED, &m, 1)) break;
        const std::size_t begin = static_cast<std::size_t>(m.data() - text.data());
        const std::size_t end = begin + m.size();
        // grep -o prints no empty matches; an empty one moves the search on by one.
        if (end > begin) out.emplace_back(begin, end);
        at = end > begin ? end : begin + 1;
    }
    return out;
}

}  // namespace sim::core
