#include "sim/shell/shell_script.hpp"

#include "sim/shell/shell_parser_internal.hpp"

namespace sim::shell {
namespace {

using core::ErrorCode;
using detail::Parser;
using detail::ParseStop;
using detail::isIfsSpace;
using detail::normalizeLineEnds;


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
