// Go's strconv for GoTemplate: quoting (Quote, QuoteRune, fmt's %#U) and the literal syntax of
// strings, characters and integers (Unquote, UnquoteChar, ParseUint with base prefixes and '_').
#include "sim/gotemplate/go_template_internal.hpp"

#include <limits>

namespace sim::gotemplate::detail {

// ---- Go quoting -------------------------------------------------------------------------------

namespace {

// strconv.Quote (quote '"') or strconv.QuoteRune-style escaping (quote '\'').
void appendQuotedRune(std::string& out, char32_t r, char quote) {
    if (r == static_cast<char32_t>(quote) || r == '\\') {
        out.push_back('\\');
        out.push_back(static_cast<char>(r));
        return;
    }
    if (isPrintRune(r)) {
        utf8::append(out, r);
        return;
    }
    switch (r) {
        case '\a': out += "\\a"; return;
        case '\b': out += "\\b"; return;
        case '\f': out += "\\f"; return;
        case '\n': out += "\\n"; return;
        case '\r': out += "\\r"; return;
        case '\t': out += "\\t"; return;
        case '\v': out += "\\v"; return;
        default: break;
    }
    if (r < ' ' || r == 0x7F) {
        out += "\\x";
        out.push_back(kLowerHex[(r >> 4) & 0xF]);
        out.push_back(kLowerHex[r & 0xF]);
    } else {
        if (r > 0x10FFFF || inRange(r, 0xD800, 0xDFFF)) r = utf8::kRuneError;
        const int digits = r < 0x10000 ? 4 : 8;
        out += digits == 4 ? "\\u" : "\\U";
        for (int s = (digits - 1) * 4; s >= 0; s -= 4) out.push_back(kLowerHex[(r >> s) & 0xF]);
    }
}

}  // namespace

std::string goQuote(std::string_view s) {
    std::string out = "\"";
    for (std::size_t i = 0; i < s.size();) {
        const auto d = utf8::decode(s, i);
        if (d.rune == utf8::kRuneError && d.width == 1) {
            const auto b = static_cast<unsigned char>(s[i]);
            out += "\\x";
            out.push_back(kLowerHex[b >> 4]);
            out.push_back(kLowerHex[b & 0xF]);
        } else {
            appendQuotedRune(out, d.rune, '"');
        }
        i += d.width;
    }
    out.push_back('"');
    return out;
}

std::string goQuoteRune(std::int64_t r) {
    char32_t rune = (r < 0 || r > 0x10FFFF || (r >= 0xD800 && r <= 0xDFFF)) ? utf8::kRuneError : static_cast<char32_t>(r);
    std::string out = "'";
    appendQuotedRune(out, rune, '\'');
    out.push_back('\'');
    return out;
}

// fmt's %#U: "U+0041 'A'" (the character only when printable).
std::string formatRuneU(char32_t r) {
    std::string hex;
    for (char32_t v = r; v != 0; v >>= 4) hex.insert(hex.begin(), kUpperHex[v & 0xF]);
    while (hex.size() < 4) hex.insert(hex.begin(), '0');
    std::string out = "U+" + hex;
    if (isPrintRune(r)) {
        out += " '";
        utf8::append(out, r);
        out += "'";
    }
    return out;
}

// ---- literals (strconv) --------------------------------------------------------------------------

namespace {

int hexDigit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

}  // namespace

// strconv.UnquoteChar: decodes one character of a quoted literal body, advancing `s`.
// Returns the value and whether it is a rune (to be UTF-8 encoded) rather than a byte.
std::pair<char32_t, bool> unquoteChar(std::string_view& s, char quote) {
    if (s.empty()) throw SyntaxError{};
    const auto c = static_cast<unsigned char>(s[0]);
    if (c == static_cast<unsigned char>(quote) && (quote == '\'' || quote == '"')) throw SyntaxError{};
    if (c >= 0x80) {
        const auto d = utf8::decode(s, 0);
        s.remove_prefix(d.width);
        return {d.rune, true};
    }
    if (c != '\\') {
        s.remove_prefix(1);
        return {c, false};
    }
    if (s.size() <= 1) throw SyntaxError{};
    const char e = s[1];
    s.remove_prefix(2);
    switch (e) {
        case 'a': return {'\a', false};
        case 'b': return {'\b', false};
        case 'f': return {'\f', false};
        case 'n': return {'\n', false};
        case 'r': return {'\r', false};
        case 't': return {'\t', false};
        case 'v': return {'\v', false};
        case 'x': case 'u': case 'U': {
            const std::size_t n = e == 'x' ? 2 : e == 'u' ? 4 : 8;
            if (s.size() < n) throw SyntaxError{};
            char32_t v = 0;
            for (std::size_t j = 0; j < n; ++j) {
                const int h = hexDigit(s[j]);
                if (h < 0) throw SyntaxError{};
                v = (v << 4) | static_cast<char32_t>(h);
            }
            s.remove_prefix(n);
            if (e == 'x') return {v, false};
            if (v > 0x10FFFF || inRange(v, 0xD800, 0xDFFF)) throw SyntaxError{};
            return {v, true};
        }
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
            char32_t v = static_cast<char32_t>(e - '0');
            if (s.size() < 2) throw SyntaxError{};
            for (std::size_t j = 0; j < 2; ++j) {
                const int x = s[j] - '0';
                if (x < 0 || x > 7) throw SyntaxError{};
                v = (v << 3) | static_cast<char32_t>(x);
            }
            s.remove_prefix(2);
            if (v > 255) throw SyntaxError{};
            return {v, false};
        }
        case '\\': return {'\\', false};
        case '\'': case '"':
            if (e != quote) throw SyntaxError{};
            return {static_cast<char32_t>(e), false};
        default:
            throw SyntaxError{};
    }
}

// strconv.Unquote for "..." and `...` literals.
std::string unquote(std::string_view text) {
    if (text.size() < 2 || text.front() != text.back()) throw SyntaxError{};
    const char quote = text.front();
    std::string_view body = text.substr(1, text.size() - 2);
    std::string out;
    if (quote == '`') {
        if (body.find('`') != std::string_view::npos) throw SyntaxError{};
        for (char c : body) {
            if (c != '\r') out.push_back(c);
        }
        return out;
    }
    if (quote != '"' || body.find('\n') != std::string_view::npos) throw SyntaxError{};
    while (!body.empty()) {
        const auto [value, multibyte] = unquoteChar(body, '"');
        if (value < 0x80 || !multibyte) {
            out.push_back(static_cast<char>(value));
        } else {
            utf8::append(out, value);
        }
    }
    return out;
}

namespace {

// strconv's underscoreOK: '_' only between digits (or after a base prefix).
bool underscoreOk(std::string_view s) {
    char saw = '^';
    std::size_t i = 0;
    if (!s.empty() && (s[0] == '-' || s[0] == '+')) s.remove_prefix(1);
    bool hex = false;
    if (s.size() >= 2 && s[0] == '0') {
        const char b = static_cast<char>(s[1] | 0x20);
        if (b == 'x' || b == 'o' || b == 'b') {
            hex = b == 'x';
            i = 2;
            saw = '0';
        }
    }
    for (; i < s.size(); ++i) {
        const char c = s[i];
        const char lower = static_cast<char>(c | 0x20);
        if ((c >= '0' && c <= '9') || (hex && lower >= 'a' && lower <= 'f')) {
            saw = '0';
            continue;
        }
        if (c == '_') {
            if (saw != '0') return false;
            saw = '_';
            continue;
        }
        if (saw == '_') return false;
        saw = '!';
    }
    return saw != '_';
}

}  // namespace

// strconv.ParseUint(s, 0, 64) on the magnitude; nullopt on syntax error or overflow.
std::optional<std::uint64_t> parseMagnitude(std::string_view s) {
    if (s.empty()) return std::nullopt;
    int base = 10;
    std::size_t i = 0;
    if (s.size() >= 2 && s[0] == '0') {
        const char b = static_cast<char>(s[1] | 0x20);
        if (b == 'x') base = 16, i = 2;
        else if (b == 'o') base = 8, i = 2;
        else if (b == 'b') base = 2, i = 2;
        else base = 8, i = 1;
    }
    if (s.find('_') != std::string_view::npos && !underscoreOk(s)) return std::nullopt;
    std::uint64_t v = 0;
    bool any = base == 8 && i == 1;  // "0" alone, or "0..." octal
    for (; i < s.size(); ++i) {
        if (s[i] == '_') continue;
        const int d = hexDigit(s[i]);
        if (d < 0 || d >= base) return std::nullopt;
        if (v > (std::numeric_limits<std::uint64_t>::max() - static_cast<std::uint64_t>(d)) / static_cast<std::uint64_t>(base)) {
            return std::nullopt;
        }
        v = v * static_cast<std::uint64_t>(base) + static_cast<std::uint64_t>(d);
        any = true;
    }
    if (!any) return std::nullopt;
    return v;
}

}  // namespace sim::gotemplate::detail
