// String helpers for `docker build`, and the shell's word syntax shared by Dockerfile
// instructions and the RUN interpreter: quotes, backslashes and $VAR / ${VAR:-default} expansion.
#include "sim/docker/dockerfile_internal.hpp"

#include <cctype>

namespace sim::docker::detail {

std::string upper(std::string_view s) {
    std::string o(s);
    for (char& c : o) c = char(std::toupper(static_cast<unsigned char>(c)));
    return o;
}

std::string lower(std::string_view s) {
    std::string o(s);
    for (char& c : o) c = char(std::tolower(static_cast<unsigned char>(c)));
    return o;
}

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f'; }

std::string trim(std::string_view s) {
    std::size_t a = 0, b = s.size();
    while (a < b && isSpace(s[a])) ++a;
    while (b > a && isSpace(s[b - 1])) --b;
    return std::string(s.substr(a, b - a));
}

std::vector<std::string> splitWs(std::string_view s) {
    std::vector<std::string> out;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && isSpace(s[i])) ++i;
        std::size_t j = i;
        while (j < s.size() && !isSpace(s[j])) ++j;
        if (j > i) out.emplace_back(s.substr(i, j - i));
        i = j;
    }
    return out;
}

std::vector<std::string> splitLines(std::string_view text) {  // Go strings.Split(text, "\n")
    std::vector<std::string> out;
    std::size_t from = 0;
    while (true) {
        const auto at = text.find('\n', from);
        if (at == std::string_view::npos) {
            out.emplace_back(text.substr(from));
            return out;
        }
        out.emplace_back(text.substr(from, at - from));
        from = at + 1;
    }
}

std::string join(const std::vector<std::string>& v, std::string_view sep) {
    std::string o;
    for (std::size_t i = 0; i < v.size(); ++i) {
        if (i) o += sep;
        o += v[i];
    }
    return o;
}

/// Shell-style word splitting with quotes ("a b" 'c d' e\ f), quotes removed.
std::vector<std::string> shellWords(std::string_view s) {
    std::vector<std::string> out;
    std::string cur;
    bool in = false;
    char quote = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (quote) {
            if (c == quote) quote = 0;
            else if (c == '\\' && quote == '"' && i + 1 < s.size()) cur += s[++i];
            else cur += c;
            continue;
        }
        if (c == '"' || c == '\'') {
            quote = c;
            in = true;
        } else if (c == '\\' && i + 1 < s.size()) {
            cur += s[++i];
            in = true;
        } else if (isSpace(c)) {
            if (in) out.push_back(std::move(cur));
            cur.clear();
            in = false;
        } else {
            cur += c;
            in = true;
        }
    }
    if (in) out.push_back(std::move(cur));
    return out;
}

/// $VAR, ${VAR}, ${VAR:-default}, ${VAR:+alt}; \$ stays a literal $. Single quotes protect.
std::string expandVars(std::string_view s, const std::map<std::string, std::string>& vars, bool honorSingleQuotes) {
    std::string o;
    bool single = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (honorSingleQuotes && c == '\'') {
            single = !single;
            o += c;
            continue;
        }
        if (c == '\\' && i + 1 < s.size() && s[i + 1] == '$') {
            o += '$';
            ++i;
            continue;
        }
        if (c != '$' || single || i + 1 >= s.size()) {
            o += c;
            continue;
        }
        auto lookup = [&](const std::string& name) -> std::optional<std::string> {
            auto it = vars.find(name);
            if (it == vars.end()) return std::nullopt;
            return it->second;
        };
        if (s[i + 1] == '{') {
            const auto close = s.find('}', i + 2);
            if (close == std::string_view::npos) {
                o += c;
                continue;
            }
            std::string inner(s.substr(i + 2, close - i - 2));
            std::string name = inner, word;
            char op = 0;
            if (const auto p = inner.find(":-"); p != std::string::npos) {
                name = inner.substr(0, p);
                word = inner.substr(p + 2);
                op = '-';
            } else if (const auto q = inner.find(":+"); q != std::string::npos) {
                name = inner.substr(0, q);
                word = inner.substr(q + 2);
                op = '+';
            }
            const auto v = lookup(name);
            if (op == '-') o += (v && !v->empty()) ? *v : word;
            else if (op == '+') o += (v && !v->empty()) ? word : "";
            else o += v.value_or("");
            i = close;
            continue;
        }
        std::size_t j = i + 1;
        while (j < s.size() && (std::isalnum(static_cast<unsigned char>(s[j])) || s[j] == '_')) ++j;
        if (j == i + 1) {
            o += c;
            continue;
        }
        o += lookup(std::string(s.substr(i + 1, j - i - 1))).value_or("");
        i = j - 1;
    }
    return o;
}

}  // namespace sim::docker::detail
