// Parsing a Dockerfile the way BuildKit's dockerfile frontend does (frontend/dockerfile/parser
// and instructions, simplified): lines and continuations, the exec and shell forms, key=value
// arguments, the checks that make a parse error, and BuildKit's "did you mean" suggestion.
#include "sim/docker/dockerfile_internal.hpp"

#include <algorithm>

namespace sim::docker::detail {

const std::vector<std::string>& instructionNames() {
    static const std::vector<std::string> names = {"ADD",     "ARG",        "CMD",     "COPY",       "ENTRYPOINT", "ENV",
                                                    "EXPOSE",  "FROM",       "HEALTHCHECK", "LABEL", "MAINTAINER", "ONBUILD",
                                                    "RUN",     "SHELL",      "STOPSIGNAL", "USER",   "VOLUME",     "WORKDIR"};
    return names;
}

namespace {

int levenshtein(std::string_view a, std::string_view b) {
    std::vector<int> prev(b.size() + 1), cur(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = int(j);
    for (std::size_t i = 1; i <= a.size(); ++i) {
        cur[0] = int(i);
        for (std::size_t j = 1; j <= b.size(); ++j)
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

Failure parseError(const Instr& in, std::string what) {
    return Failure{ErrorCode::InvalidArgument, "dockerfile parse error on line " + std::to_string(in.startLine) + ": " + what,
                   in.startLine, in.endLine};
}

}  // namespace

/// A JSON array of strings, or nullopt (then the instruction is in shell form).
std::optional<std::vector<std::string>> parseJsonArray(std::string_view s) {
    std::size_t i = 0;
    auto ws = [&] {
        while (i < s.size() && isSpace(s[i])) ++i;
    };
    ws();
    if (i >= s.size() || s[i] != '[') return std::nullopt;
    ++i;
    std::vector<std::string> out;
    ws();
    if (i < s.size() && s[i] == ']') {
        ++i;
        ws();
        return i == s.size() ? std::optional(out) : std::nullopt;
    }
    while (true) {
        ws();
        if (i >= s.size() || s[i] != '"') return std::nullopt;
        ++i;
        std::string v;
        while (true) {
            if (i >= s.size()) return std::nullopt;
            char c = s[i++];
            if (c == '"') break;
            if (c == '\\') {
                if (i >= s.size()) return std::nullopt;
                char e = s[i++];
                switch (e) {
                case '"': v += '"'; break;
                case '\\': v += '\\'; break;
                case '/': v += '/'; break;
                case 'n': v += '\n'; break;
                case 't': v += '\t'; break;
                case 'r': v += '\r'; break;
                case 'b': v += '\b'; break;
                case 'f': v += '\f'; break;
                case 'u': {
                    if (i + 4 > s.size()) return std::nullopt;
                    const unsigned cp = unsigned(std::stoul(std::string(s.substr(i, 4)), nullptr, 16));
                    i += 4;
                    if (cp < 0x80) v += char(cp);
                    else if (cp < 0x800) {
                        v += char(0xC0 | (cp >> 6));
                        v += char(0x80 | (cp & 0x3F));
                    } else {
                        v += char(0xE0 | (cp >> 12));
                        v += char(0x80 | ((cp >> 6) & 0x3F));
                        v += char(0x80 | (cp & 0x3F));
                    }
                    break;
                }
                default: return std::nullopt;
                }
            } else {
                v += c;
            }
        }
        out.push_back(std::move(v));
        ws();
        if (i < s.size() && s[i] == ',') {
            ++i;
            continue;
        }
        if (i < s.size() && s[i] == ']') {
            ++i;
            ws();
            return i == s.size() ? std::optional(out) : std::nullopt;
        }
        return std::nullopt;
    }
}

std::string jsonCompact(const std::vector<std::string>& v) {
    std::string o = "[";
    for (std::size_t i = 0; i < v.size(); ++i) {
        if (i) o += ",";
        o += '"';
        for (char c : v[i]) {
            if (c == '"' || c == '\\') o += '\\';
            o += c;
        }
        o += '"';
    }
    return o + "]";
}

/// "k=v k2=\"v 2\"" or legacy "k v" (ENV/LABEL). legacy is set for the old form.
std::vector<std::pair<std::string, std::string>> parseKeyValues(std::string_view args, bool& legacy) {
    std::vector<std::pair<std::string, std::string>> out;
    const auto words = shellWords(args);
    legacy = false;
    if (words.empty()) return out;
    if (words[0].find('=') == std::string::npos) {
        legacy = true;
        const std::string a = trim(args);
        const auto sp = a.find_first_of(" \t");
        if (sp == std::string::npos) return {{a, ""}};
        std::string value = trim(a.substr(sp));
        const auto w = shellWords(value);
        if (w.size() == 1) value = w[0];
        out.emplace_back(a.substr(0, sp), value);
        return out;
    }
    for (const auto& w : words) {
        const auto eq = w.find('=');
        if (eq == std::string::npos) out.emplace_back(w, "");
        else out.emplace_back(w.substr(0, eq), w.substr(eq + 1));
    }
    return out;
}

std::variant<Parsed, Failure> parseDockerfile(std::string_view text) {
    if (text.empty()) return Failure{ErrorCode::InvalidArgument, "the Dockerfile cannot be empty"};
    const auto lines = splitLines(text);
    Parsed p;
    std::size_t i = 0;
    auto isCommentOrBlank = [](const std::string& l) {
        const std::string t = trim(l);
        return t.empty() || t[0] == '#';
    };
    auto continues = [](std::string& l) {  // strip a trailing "\" (plus whitespace after it)
        std::size_t e = l.size();
        while (e > 0 && (l[e - 1] == ' ' || l[e - 1] == '\t' || l[e - 1] == '\r')) --e;
        if (e > 0 && l[e - 1] == '\\') {
            l.resize(e - 1);
            return true;
        }
        return false;
    };
    while (i < lines.size()) {
        if (isCommentOrBlank(lines[i])) {
            ++i;
            continue;
        }
        Instr in;
        in.startLine = int(i) + 1;
        std::string cur = lines[i];
        if (!cur.empty() && cur.back() == '\r') cur.pop_back();
        std::size_t last = i;
        while (continues(cur)) {
            std::size_t j = last + 1;
            while (j < lines.size() && isCommentOrBlank(lines[j])) ++j;
            if (j >= lines.size()) break;
            std::string next = lines[j];
            if (!next.empty() && next.back() == '\r') next.pop_back();
            cur += next;
            last = j;
        }
        in.endLine = int(last) + 1;
        i = last + 1;
        const std::string t = trim(cur);
        const auto sp = t.find_first_of(" \t");
        in.written = sp == std::string::npos ? t : t.substr(0, sp);
        in.keyword = upper(in.written);
        in.args = sp == std::string::npos ? "" : trim(t.substr(sp));
        if (in.keyword == "RUN" || in.keyword == "CMD" || in.keyword == "ENTRYPOINT" || in.keyword == "SHELL")
            in.json = parseJsonArray(in.args);
        for (auto& w : splitWs(in.args)) {
            if ((in.keyword == "COPY" || in.keyword == "ADD" || in.keyword == "FROM" || in.keyword == "RUN") &&
                in.words.empty() && w.starts_with("--"))
                in.flags.push_back(w);
            else
                in.words.push_back(w);
        }
        if (in.keyword == "RUN" && !in.flags.empty()) {  // RUN --mount=... cmd: the flags are not the command
            std::string rest = in.args;
            for (std::size_t f = 0; f < in.flags.size(); ++f) rest = trim(std::string_view(rest).substr(rest.find(in.flags[f]) + in.flags[f].size()));
            in.args = rest;
            in.json = parseJsonArray(in.args);
        }
        p.instrs.push_back(std::move(in));
    }
    if (p.instrs.empty()) return Failure{ErrorCode::InvalidArgument, "file with no instructions"};
    return p;
}

/// instructions.Parse: unknown instructions, argument counts, and "no build stage".
std::optional<Failure> validate(const std::vector<Instr>& instrs) {
    const auto& names = instructionNames();
    bool inStage = false;
    for (const auto& in : instrs) {
        if (std::find(names.begin(), names.end(), in.keyword) == names.end()) {
            std::string msg = "unknown instruction: " + in.written;
            if (auto s = suggestInstruction(in.written); !s.empty()) msg += " (did you mean " + s + "?)";
            return parseError(in, msg);
        }
        const std::size_t n = in.words.size();
        if (in.keyword == "FROM" && n != 1 && n != 3) return parseError(in, "FROM requires either one or three arguments");
        if (in.keyword == "FROM" && n == 3 && lower(in.words[1]) != "as")
            return parseError(in, "FROM requires either one or three arguments");
        if ((in.keyword == "COPY" || in.keyword == "ADD") && n < 2)
            return parseError(in, in.keyword + " requires at least two arguments, but only one was provided. "
                                               "Destination could not be determined");
        if ((in.keyword == "RUN" || in.keyword == "EXPOSE" || in.keyword == "USER" || in.keyword == "WORKDIR" ||
             in.keyword == "ARG" || in.keyword == "ENV" || in.keyword == "LABEL" || in.keyword == "HEALTHCHECK" ||
             in.keyword == "STOPSIGNAL" || in.keyword == "VOLUME") &&
            n == 0 && in.flags.empty())
            return parseError(in, in.keyword + " requires at least one argument");
        if (in.keyword == "WORKDIR" && n > 1) return parseError(in, "WORKDIR requires exactly one argument");
        if (in.keyword == "ENV" && n == 1 && in.words[0].find('=') == std::string::npos)
            return parseError(in, "ENV must have two arguments");
        if (in.keyword == "FROM") inStage = true;
        else if (in.keyword != "ARG" && !inStage)
            return Failure{ErrorCode::InvalidArgument, "no build stage in current context", in.startLine, in.endLine};
    }
    if (!inStage) return Failure{ErrorCode::InvalidArgument, "dockerfile contains no stages to build"};
    return std::nullopt;
}

}  // namespace sim::docker::detail

namespace sim::docker {

using namespace detail;

std::string suggestInstruction(std::string_view word) {
    if (word.empty()) return {};
    const std::string val = lower(word);
    std::string match;
    int mindist = 3;  // same as hcl
    for (const auto& opt : instructionNames()) {
        const std::string o = lower(opt);
        if (val == o) return {};
        const int d = levenshtein(val, o);
        if (d < mindist) {
            mindist = d;
            const std::string orig(word);
            if (orig == lower(orig)) match = o;
            else if (orig == upper(orig)) match = upper(o);
            else match = o;
        }
    }
    return match;
}

}  // namespace sim::docker
