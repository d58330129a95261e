// parseJson(): the strict RFC 8259 parser with Go's error wording and a nesting limit.
#include "sim/core/json.hpp"

#include <charconv>
#include <cmath>
#include <string>
#include <string_view>

#include "sim/core/utf8.hpp"

namespace sim::core {

namespace {

constexpr char kHex[] = "0123456789abcdef";

// ---- JSON parsing --------------------------------------------------------------------------

// Go's quoteChar (encoding/json/scanner.go): the offending byte as a Go character literal.
std::string quoteChar(unsigned char c) {
    if (c == '\'') return "'\\''";
    if (c == '"') return "'\"'";
    std::string s = "'";
    switch (c) {
        case '\a': s += "\\a"; break;
        case '\b': s += "\\b"; break;
        case '\f': s += "\\f"; break;
        case '\n': s += "\\n"; break;
        case '\r': s += "\\r"; break;
        case '\t': s += "\\t"; break;
        case '\v': s += "\\v"; break;
        case '\\': s += "\\\\"; break;
        default:
            if (c < 0x20 || c == 0x7f) {
                s += "\\x";
                s.push_back(kHex[c >> 4]);
                s.push_back(kHex[c & 0xF]);
            } else if (c < 0x80) {
                s.push_back(static_cast<char>(c));
            } else if (c < 0xA1 || c == 0xAD) {
                // string(byte) is the Latin-1 rune; these are not printable in Go.
                s += "\\u00";
                s.push_back(kHex[c >> 4]);
                s.push_back(kHex[c & 0xF]);
            } else {
                utf8::append(s, c);
            }
    }
    s += "'";
    return s;
}

class JsonParser {
public:
    JsonParser(std::string_view text, std::size_t maxDepth) : m_text(text), m_maxDepth(maxDepth) {}

    Result<JsonValue> run() {
        JsonValue value;
        skipSpace();
        if (!parseValue(value, 0)) return failure();
        skipSpace();
        if (m_pos < m_text.size()) {
            setError(quoted("after top-level value"));
            return failure();
        }
        return value;
    }

private:
    std::string_view m_text;
    std::size_t m_maxDepth;
    std::size_t m_pos = 0;
    std::string m_error;
    std::size_t m_errorPos = 0;

    Unexpected failure() const {
        return fail(ErrorCode::InvalidArgument, m_error + " (offset " + std::to_string(m_errorPos) + ")");
    }
    void setError(std::string message) {
        if (m_error.empty()) {
            m_error = std::move(message);
            m_errorPos = m_pos;
        }
    }
    // "invalid character 'x' <context>" for the byte at m_pos, or the EOF message.
    std::string quoted(std::string_view context) const {
        if (m_pos >= m_text.size()) return "unexpected end of JSON input";
        return "invalid character " + quoteChar(static_cast<unsigned char>(m_text[m_pos])) + " " +
               std::string(context);
    }
    bool invalid(std::string_view context) {
        setError(quoted(context));
        return false;
    }
    [[nodiscard]] bool atEnd() const { return m_pos >= m_text.size(); }
    [[nodiscard]] char peek() const { return m_pos < m_text.size() ? m_text[m_pos] : '\0'; }
    void skipSpace() {
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos];
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') break;
            ++m_pos;
        }
    }

    bool parseValue(JsonValue& out, std::size_t depth) {
        if (atEnd()) return invalid("looking for beginning of value");
        switch (peek()) {
            case '{':
                if (depth >= m_maxDepth) return invalid("exceeded max depth");
                return parseObject(out, depth + 1);
            case '[':
                if (depth >= m_maxDepth) return invalid("exceeded max depth");
                return parseArray(out, depth + 1);
            case '"': {
                std::string s;
                if (!parseString(s)) return false;
                out = JsonValue::string(std::move(s));
                return true;
            }
            case 't':
                out = JsonValue::boolean(true);
                return parseLiteral("true");
            case 'f':
                out = JsonValue::boolean(false);
                return parseLiteral("false");
            case 'n':
                out = JsonValue::null();
                return parseLiteral("null");
            default: {
                const char c = peek();
                if (c == '-' || (c >= '0' && c <= '9')) return parseNumber(out);
                return invalid("looking for beginning of value");
            }
        }
    }

    bool parseLiteral(std::string_view word) {
        ++m_pos;  // first letter already matched
        for (std::size_t i = 1; i < word.size(); ++i, ++m_pos) {
            if (atEnd()) return invalid("");
            if (m_text[m_pos] != word[i]) {
                return invalid("in literal " + std::string(word) + " (expecting '" + std::string(1, word[i]) + "')");
            }
        }
        return true;
    }

    bool parseNumber(JsonValue& out) {
        const std::size_t start = m_pos;
        bool integral = true;
        if (peek() == '-') {
            ++m_pos;
            if (atEnd()) return invalid("");
            if (!(peek() >= '0' && peek() <= '9')) return invalid("in numeric literal");
        }
        if (peek() == '0') {
            ++m_pos;
        } else {
            while (!atEnd() && peek() >= '0' && peek() <= '9') ++m_pos;
        }
        if (peek() == '.' && !atEnd()) {
            integral = false;
            ++m_pos;
            if (atEnd()) return invalid("");
            if (!(peek() >= '0' && peek() <= '9')) return invalid("after decimal point in numeric literal");
            while (!atEnd() && peek() >= '0' && peek() <= '9') ++m_pos;
        }
        if (!atEnd() && (peek() == 'e' || peek() == 'E')) {
            integral = false;
            ++m_pos;
            if (!atEnd() && (peek() == '+' || peek() == '-')) ++m_pos;
            if (atEnd()) return invalid("");
            if (!(peek() >= '0' && peek() <= '9')) return invalid("in exponent of numeric literal");
            while (!atEnd() && peek() >= '0' && peek() <= '9') ++m_pos;
        }
        const std::string_view text = m_text.substr(start, m_pos - start);
        // "-0" is Go's float64 negative zero and prints back as "-0"; an Integer would drop the sign.
        if (integral && text != "-0") {
            std::int64_t i = 0;
            const auto r = std::from_chars(text.data(), text.data() + text.size(), i);
            if (r.ec == std::errc() && r.ptr == text.data() + text.size()) {
                out = JsonValue::number(i);
                return true;
            }
        }
        double d = 0;
        const auto r = std::from_chars(text.data(), text.data() + text.size(), d);
        if (r.ec != std::errc() || r.ptr != text.data() + text.size() || !std::isfinite(d)) {
            m_pos = start;
            setError("json: cannot unmarshal number " + std::string(text) + " into Go value of type float64");
            return false;
        }
        out = JsonValue::number(d);
        return true;
    }

    static int hexValue(char c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }

    // Four hex digits after "\u"; -1 on error (error already set).
    int parseHex4() {
        int v = 0;
        for (int k = 0; k < 4; ++k) {
            if (atEnd()) {
                invalid("");
                return -1;
            }
            const int h = hexValue(peek());
            if (h < 0) {
                invalid("in \\u hexadecimal character escape");
                return -1;
            }
            v = v * 16 + h;
            ++m_pos;
        }
        return v;
    }

    bool parseString(std::string& out) {
        ++m_pos;  // opening quote
        while (true) {
            if (atEnd()) return invalid("");
            const auto c = static_cast<unsigned char>(m_text[m_pos]);
            if (c == '"') {
                ++m_pos;
                return true;
            }
            if (c < 0x20) return invalid("in string literal");
            if (c == '\\') {
                ++m_pos;
                if (atEnd()) return invalid("");
                const char e = m_text[m_pos];
                switch (e) {
                    case '"': out.push_back('"'); break;
                    case '\\': out.push_back('\\'); break;
                    case '/': out.push_back('/'); break;
                    case 'b': out.push_back('\b'); break;
                    case 'f': out.push_back('\f'); break;
                    case 'n': out.push_back('\n'); break;
                    case 'r': out.push_back('\r'); break;
                    case 't': out.push_back('\t'); break;
                    case 'u': {
                        ++m_pos;
                        const int first = parseHex4();
                        if (first < 0) return false;
                        char32_t rune = static_cast<char32_t>(first);
                        if (rune >= 0xD800 && rune < 0xDC00) {
                            // A high surrogate must be followed by "\uDC00".."\uDFFF"; otherwise it
                            // decodes as U+FFFD and what follows is read on its own (Go's unquote).
                            if (m_pos + 1 < m_text.size() && m_text[m_pos] == '\\' && m_text[m_pos + 1] == 'u') {
                                const std::size_t save = m_pos;
                                m_pos += 2;
                                const int second = parseHex4();
                                if (second < 0) return false;
                                if (second >= 0xDC00 && second < 0xE000) {
                                    rune = 0x10000 + ((rune - 0xD800) << 10) + (static_cast<char32_t>(second) - 0xDC00);
                                } else {
                                    rune = utf8::kRuneError;
                                    m_pos = save;
                                }
                            } else {
                                rune = utf8::kRuneError;
                            }
                        } else if (rune >= 0xDC00 && rune < 0xE000) {
                            rune = utf8::kRuneError;
                        }
                        utf8::append(out, rune);
                        continue;  // m_pos already past the escape
                    }
                    default:
                        return invalid("in string escape code");
                }
                ++m_pos;
                continue;
            }
            if (c < 0x80) {
                out.push_back(static_cast<char>(c));
                ++m_pos;
                continue;
            }
            const auto d = utf8::decode(m_text, m_pos);
            if (d.rune == utf8::kRuneError && d.width == 1) {
                utf8::append(out, utf8::kRuneError);
            } else {
                out.append(m_text.substr(m_pos, d.width));
            }
            m_pos += d.width;
        }
    }

    bool parseArray(JsonValue& out, std::size_t depth) {
        ++m_pos;  // '['
        JsonValue::Array elements;
        skipSpace();
        if (peek() == ']' && !atEnd()) {
            ++m_pos;
            out = JsonValue::array();
            return true;
        }
        while (true) {
            skipSpace();
            JsonValue element;
            if (!parseValue(element, depth)) return false;
            elements.push_back(std::move(element));
            skipSpace();
            if (atEnd()) return invalid("");
            if (peek() == ',') {
                ++m_pos;
                continue;
            }
            if (peek() == ']') {
                ++m_pos;
                out = JsonValue::array(std::move(elements));
                return true;
            }
            return invalid("after array element");
        }
    }

    bool parseObject(JsonValue& out, std::size_t depth) {
        ++m_pos;  // '{'
        skipSpace();
        if (peek() == '}' && !atEnd()) {
            out = JsonValue::object();
            ++m_pos;
            return true;
        }
        JsonValue::Members members;
        while (true) {
            skipSpace();
            if (atEnd()) return invalid("");
            if (peek() != '"') return invalid("looking for beginning of object key string");
            std::string key;
            if (!parseString(key)) return false;
            skipSpace();
            if (atEnd()) return invalid("");
            if (peek() != ':') return invalid("after object key");
            ++m_pos;
            skipSpace();
            JsonValue value;
            if (!parseValue(value, depth)) return false;
            members.emplace_back(std::move(key), std::move(value));
            skipSpace();
            if (atEnd()) return invalid("");
            if (peek() == ',') {
                ++m_pos;
                continue;
            }
            if (peek() == '}') {
                ++m_pos;
                out = JsonValue::object(std::move(members));  // de-duplicates in linear time
                return true;
            }
            return invalid("after object key:value pair");
        }
    }
};

}  // namespace

Result<JsonValue> parseJson(std::string_view text, std::size_t maxDepth) {
    return JsonParser(text, maxDepth).run();
}

}  // namespace sim::core
