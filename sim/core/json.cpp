#include "sim/core/json.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <unordered_map>

#include "sim/core/utf8.hpp"

namespace sim::core {

namespace {

const std::string kEmptyString;
const JsonValue::Members kEmptyMembers;
const JsonValue::Array kEmptyArray;
const JsonValue kNull;

constexpr char kHex[] = "0123456789abcdef";

// ---- Go float formatting (strconv/ftoa.go) ----------------------------------------------

// A decimal digit string d1 d2 ... dn with the decimal point after `dp` digits
// (value = 0.d1d2...dn * 10^dp). Zero has no digits.
struct Decimal {
    std::string digits;
    int dp = 0;
    bool neg = false;
};

// Reads "-d.ddde+XX" as printed by to_chars/printf in scientific form.
Decimal fromScientific(std::string_view text) {
    Decimal d;
    std::size_t i = 0;
    if (i < text.size() && text[i] == '-') {
        d.neg = true;
        ++i;
    }
    for (; i < text.size() && text[i] != 'e' && text[i] != 'E'; ++i) {
        if (text[i] >= '0' && text[i] <= '9') d.digits.push_back(text[i]);
    }
    int exp = 0;
    if (i < text.size()) {
        ++i;
        bool negExp = false;
        if (i < text.size() && (text[i] == '+' || text[i] == '-')) negExp = text[i++] == '-';
        for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) exp = exp * 10 + (text[i] - '0');
        if (negExp) exp = -exp;
    }
    while (!d.digits.empty() && d.digits.back() == '0') d.digits.pop_back();
    d.dp = d.digits.empty() ? 0 : exp + 1;
    // Leading zeros cannot occur for a non-zero mantissa in scientific form.
    return d;
}

Decimal shortestDecimal(double v) {
    char buf[64];
    const auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific);
    return fromScientific(std::string_view(buf, static_cast<std::size_t>(r.ptr - buf)));
}

// `significant` (>= 1) correctly rounded significant digits, trailing zeros trimmed.
Decimal roundedDecimal(double v, int significant) {
    significant = std::clamp(significant, 1, 800);
    std::vector<char> buf(static_cast<std::size_t>(significant) + 32);
    const int n = std::snprintf(buf.data(), buf.size(), "%.*e", significant - 1, v);
    if (n < 0) return {};
    return fromScientific(std::string_view(buf.data(), std::min(buf.size() - 1, static_cast<std::size_t>(n))));
}

void fmtE(std::string& out, const Decimal& d, int prec, char expChar) {
    if (d.neg) out.push_back('-');
    const int nd = static_cast<int>(d.digits.size());
    out.push_back(nd != 0 ? d.digits[0] : '0');
    if (prec > 0) {
        out.push_back('.');
        int i = 1;
        const int m = std::min(nd, prec + 1);
        for (; i < m; ++i) out.push_back(d.digits[static_cast<std::size_t>(i)]);
        for (; i <= prec; ++i) out.push_back('0');
    }
    out.push_back(expChar);
    int exp = nd == 0 ? 0 : d.dp - 1;
    out.push_back(exp < 0 ? '-' : '+');
    if (exp < 0) exp = -exp;
    if (exp < 10) {
        out.push_back('0');
        out.push_back(static_cast<char>('0' + exp));
    } else {
        out += std::to_string(exp);
    }
}

void fmtF(std::string& out, const Decimal& d, int prec) {
    if (d.neg) out.push_back('-');
    const int nd = static_cast<int>(d.digits.size());
    if (d.dp > 0) {
        const int m = std::min(nd, d.dp);
        out.append(d.digits, 0, static_cast<std::size_t>(m));
        for (int i = m; i < d.dp; ++i) out.push_back('0');
    } else {
        out.push_back('0');
    }
    if (prec > 0) {
        out.push_back('.');
        for (int i = 0; i < prec; ++i) {
            const int j = d.dp + i;
            out.push_back(j >= 0 && j < nd ? d.digits[static_cast<std::size_t>(j)] : '0');
        }
    }
}

// ---- JSON writing -------------------------------------------------------------------------

std::string goJsonFloat(double v) {
    if (!std::isfinite(v)) return "null";
    const double a = std::fabs(v);
    const bool exponent = a != 0 && (a < 1e-6 || a >= 1e21);
    std::string s = formatGoFloat(v, exponent ? 'e' : 'f', -1);
    if (exponent) {
        // Go shortens "e-07" to "e-7".
        const std::size_t n = s.size();
        if (n >= 4 && s[n - 4] == 'e' && s[n - 3] == '-' && s[n - 2] == '0') {
            s[n - 2] = s[n - 1];
            s.pop_back();
        }
    }
    return s;
}

void writeNewline(std::string& out, std::size_t depth) {
    out.push_back('\n');
    out.append(depth * 4, ' ');
}

void writeJson(std::string& out, const JsonValue& v, bool indent, std::size_t depth, bool escapeHtml) {
    switch (v.kind()) {
        case JsonValue::Kind::Null:
            out += "null";
            return;
        case JsonValue::Kind::Bool:
            out += v.asBool() ? "true" : "false";
            return;
        case JsonValue::Kind::Integer:
            out += std::to_string(v.asInteger());
            return;
        case JsonValue::Kind::Double:
            out += goJsonFloat(v.asDouble());
            return;
        case JsonValue::Kind::String:
            appendJsonQuoted(out, v.asString(), escapeHtml);
            return;
        case JsonValue::Kind::Array: {
            const auto& elements = v.elements();
            out.push_back('[');
            for (std::size_t i = 0; i < elements.size(); ++i) {
                if (i > 0) out.push_back(',');
                if (indent) writeNewline(out, depth + 1);
                writeJson(out, elements[i], indent, depth + 1, escapeHtml);
            }
            if (indent && !elements.empty()) writeNewline(out, depth);
            out.push_back(']');
            return;
        }
        case JsonValue::Kind::Object: {
            const auto& members = v.items();
            out.push_back('{');
            for (std::size_t i = 0; i < members.size(); ++i) {
                if (i > 0) out.push_back(',');
                if (indent) writeNewline(out, depth + 1);
                appendJsonQuoted(out, members[i].first, escapeHtml);
                out += indent ? ": " : ":";
                writeJson(out, members[i].second, indent, depth + 1, escapeHtml);
            }
            if (indent && !members.empty()) writeNewline(out, depth);
            out.push_back('}');
            return;
        }
    }
}

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

// ---- JsonValue -------------------------------------------------------------------------------

JsonValue JsonValue::boolean(bool b) {
    JsonValue v;
    v.m_value = b;
    return v;
}

JsonValue JsonValue::number(double d) {
    JsonValue v;
    v.m_value = d;
    return v;
}

JsonValue JsonValue::string(std::string s) {
    JsonValue v;
    v.m_value = std::move(s);
    return v;
}

JsonValue JsonValue::array() {
    JsonValue v;
    v.m_value = Array{};
    return v;
}

JsonValue JsonValue::array(Array elements) {
    JsonValue v;
    v.m_value = std::move(elements);
    return v;
}

JsonValue JsonValue::stringArray(const std::vector<std::string>& items) {
    Array elements;
    elements.reserve(items.size());
    for (const auto& s : items) elements.push_back(string(s));
    return array(std::move(elements));
}

JsonValue JsonValue::object() {
    JsonValue v;
    v.m_value = ObjectData{};
    return v;
}

JsonValue JsonValue::object(Members members) {
    // First pass over the untouched keys: where each member goes. Second pass: move.
    std::unordered_map<std::string_view, std::size_t> slotOf;
    slotOf.reserve(members.size());
    std::vector<std::size_t> slot(members.size());
    std::vector<bool> first(members.size());
    std::size_t count = 0;
    for (std::size_t i = 0; i < members.size(); ++i) {
        const auto [it, inserted] = slotOf.try_emplace(members[i].first, count);
        if (inserted) ++count;
        slot[i] = it->second;
        first[i] = inserted;
    }
    Members unique;
    unique.reserve(count);
    for (std::size_t i = 0; i < members.size(); ++i) {
        if (first[i]) {
            unique.push_back(std::move(members[i]));
        } else {
            unique[slot[i]].second = std::move(members[i].second);
        }
    }
    JsonValue v;
    v.m_value = ObjectData{std::move(unique), false};
    return v;
}

JsonValue JsonValue::sortedObject() {
    JsonValue v;
    v.m_value = ObjectData{{}, true};
    return v;
}

JsonValue::Kind JsonValue::kind() const {
    switch (m_value.index()) {
        case 1: return Kind::Bool;
        case 2: return Kind::Integer;
        case 3: return Kind::Double;
        case 4: return Kind::String;
        case 5: return Kind::Array;
        case 6: return Kind::Object;
        default: return Kind::Null;
    }
}

bool JsonValue::isSortedObject() const {
    const auto* o = std::get_if<ObjectData>(&m_value);
    return o != nullptr && o->sorted;
}

bool JsonValue::asBool() const {
    const auto* b = std::get_if<bool>(&m_value);
    return b != nullptr && *b;
}

std::int64_t JsonValue::asInteger() const {
    if (const auto* i = std::get_if<std::int64_t>(&m_value)) return *i;
    return 0;
}

double JsonValue::asDouble() const {
    if (const auto* d = std::get_if<double>(&m_value)) return *d;
    if (const auto* i = std::get_if<std::int64_t>(&m_value)) return static_cast<double>(*i);
    return 0.0;
}

const std::string& JsonValue::asString() const {
    if (const auto* s = std::get_if<std::string>(&m_value)) return *s;
    return kEmptyString;
}

std::size_t JsonValue::size() const {
    if (const auto* a = std::get_if<Array>(&m_value)) return a->size();
    if (const auto* o = std::get_if<ObjectData>(&m_value)) return o->members.size();
    return 0;
}

JsonValue& JsonValue::set(std::string key, JsonValue value) & {
    if (isNull()) m_value = ObjectData{};
    auto* o = std::get_if<ObjectData>(&m_value);
    if (o == nullptr) return *this;
    std::erase_if(o->omitted, [&](const Member& m) { return m.first == key; });
    auto& members = o->members;
    if (o->sorted) {
        const auto it = std::lower_bound(members.begin(), members.end(), key,
                                         [](const Member& m, const std::string& k) { return m.first < k; });
        if (it != members.end() && it->first == key) {
            it->second = std::move(value);
        } else {
            members.emplace(it, std::move(key), std::move(value));
        }
        return *this;
    }
    for (auto& m : members) {
        if (m.first == key) {
            m.second = std::move(value);
            return *this;
        }
    }
    members.emplace_back(std::move(key), std::move(value));
    return *this;
}

JsonValue& JsonValue::setOmitted(std::string key, JsonValue goValue) & {
    if (isNull()) m_value = ObjectData{};
    auto* o = std::get_if<ObjectData>(&m_value);
    if (o == nullptr) return *this;
    std::erase_if(o->members, [&](const Member& m) { return m.first == key; });
    for (auto& m : o->omitted) {
        if (m.first == key) {
            m.second = std::move(goValue);
            return *this;
        }
    }
    o->omitted.emplace_back(std::move(key), std::move(goValue));
    return *this;
}

const JsonValue* JsonValue::findOmitted(std::string_view key) const {
    const auto* o = std::get_if<ObjectData>(&m_value);
    if (o == nullptr) return nullptr;
    for (const auto& m : o->omitted)
        if (m.first == key) return &m.second;
    return nullptr;
}

JsonValue& JsonValue::push(JsonValue value) & {
    if (isNull()) m_value = Array{};
    if (auto* a = std::get_if<Array>(&m_value)) a->push_back(std::move(value));
    return *this;
}

const JsonValue* JsonValue::find(std::string_view key) const {
    const auto* o = std::get_if<ObjectData>(&m_value);
    if (o == nullptr) return nullptr;
    if (o->sorted) {
        const auto it = std::lower_bound(o->members.begin(), o->members.end(), key,
                                         [](const Member& m, std::string_view k) { return m.first < k; });
        return it != o->members.end() && it->first == key ? &it->second : nullptr;
    }
    for (const auto& m : o->members) {
        if (m.first == key) return &m.second;
    }
    return nullptr;
}

JsonValue* JsonValue::find(std::string_view key) {
    return const_cast<JsonValue*>(std::as_const(*this).find(key));
}

bool JsonValue::remove(std::string_view key) {
    auto* o = std::get_if<ObjectData>(&m_value);
    if (o == nullptr) return false;
    const auto it = std::find_if(o->members.begin(), o->members.end(), [&](const Member& m) { return m.first == key; });
    if (it == o->members.end()) return false;
    o->members.erase(it);
    return true;
}

const JsonValue& JsonValue::operator[](std::size_t index) const {
    const auto* a = std::get_if<Array>(&m_value);
    if (a == nullptr || index >= a->size()) return kNull;
    return (*a)[index];
}

JsonValue* JsonValue::at(std::size_t index) {
    auto* a = std::get_if<Array>(&m_value);
    if (a == nullptr || index >= a->size()) return nullptr;
    return &(*a)[index];
}

const JsonValue::Members& JsonValue::items() const {
    const auto* o = std::get_if<ObjectData>(&m_value);
    return o != nullptr ? o->members : kEmptyMembers;
}

const JsonValue::Array& JsonValue::elements() const {
    const auto* a = std::get_if<Array>(&m_value);
    return a != nullptr ? *a : kEmptyArray;
}

JsonValue& JsonValue::sortKeys() & {
    auto* o = std::get_if<ObjectData>(&m_value);
    if (o == nullptr) return *this;
    std::stable_sort(o->members.begin(), o->members.end(),
                     [](const Member& a, const Member& b) { return a.first < b.first; });
    o->sorted = true;
    return *this;
}

std::string JsonValue::toIndentedString() const {
    std::string out;
    writeJson(out, *this, true, 0, true);
    return out;
}

std::string JsonValue::toCompactString(bool escapeHtml) const {
    std::string out;
    writeJson(out, *this, false, 0, escapeHtml);
    return out;
}

bool JsonValue::operator==(const JsonValue& other) const {
    if (m_value.index() != other.m_value.index()) return false;
    if (const auto* o = std::get_if<ObjectData>(&m_value)) {
        return o->members == std::get<ObjectData>(other.m_value).members;
    }
    return m_value == other.m_value;
}

// ---- free functions ---------------------------------------------------------------------------

Result<JsonValue> parseJson(std::string_view text, std::size_t maxDepth) {
    return JsonParser(text, maxDepth).run();
}

void appendJsonQuoted(std::string& out, std::string_view text, bool escapeHtml) {
    out.push_back('"');
    std::size_t i = 0;
    while (i < text.size()) {
        const auto b = static_cast<unsigned char>(text[i]);
        if (b < 0x80) {
            const bool html = b == '<' || b == '>' || b == '&';
            if (b >= 0x20 && b != '"' && b != '\\' && !(html && escapeHtml)) {
                out.push_back(static_cast<char>(b));
                ++i;
                continue;
            }
            switch (b) {
                case '"': out += "\\\""; break;
                case '\\': out += "\\\\"; break;
                case '\n': out += "\\n"; break;
                case '\r': out += "\\r"; break;
                case '\t': out += "\\t"; break;
                default:
                    out += "\\u00";
                    out.push_back(kHex[b >> 4]);
                    out.push_back(kHex[b & 0xF]);
            }
            ++i;
            continue;
        }
        const auto d = utf8::decode(text, i);
        if (d.rune == utf8::kRuneError && d.width == 1) {
            out += "\\ufffd";
        } else if (d.rune == 0x2028 || d.rune == 0x2029) {
            out += "\\u202";
            out.push_back(kHex[d.rune & 0xF]);
        } else {
            out.append(text.substr(i, d.width));
        }
        i += d.width;
    }
    out.push_back('"');
}

std::string jsonQuote(std::string_view text, bool escapeHtml) {
    std::string out;
    out.reserve(text.size() + 2);
    appendJsonQuoted(out, text, escapeHtml);
    return out;
}

std::string formatGoFloat(double v, char format, int precision) {
    if (std::isnan(v)) return "NaN";
    if (std::isinf(v)) return v > 0 ? "+Inf" : "-Inf";
    const bool upper = format == 'E' || format == 'G';
    const char lower = upper ? static_cast<char>(format - 'A' + 'a') : format;
    const char expChar = upper ? 'E' : 'e';
    std::string out;
    if (lower == 'f' && precision >= 0) {
        precision = std::min(precision, 1000);
        const int n = std::snprintf(nullptr, 0, "%.*f", precision, v);
        if (n <= 0) return out;
        std::vector<char> buf(static_cast<std::size_t>(n) + 1);
        std::snprintf(buf.data(), buf.size(), "%.*f", precision, v);
        return std::string(buf.data(), static_cast<std::size_t>(n));
    }
    const bool shortest = precision < 0;
    Decimal d;
    if (shortest) {
        d = shortestDecimal(v);
    } else {
        precision = std::min(precision, 1000);
        if (lower == 'e') {
            d = roundedDecimal(v, precision + 1);
        } else {
            if (precision == 0) precision = 1;
            d = roundedDecimal(v, precision);
        }
    }
    const int nd = static_cast<int>(d.digits.size());
    switch (lower) {
        case 'e':
            fmtE(out, d, shortest ? std::max(nd - 1, 0) : precision, expChar);
            return out;
        case 'f':  // shortest only; the fixed case returned above
            fmtF(out, d, std::max(nd - d.dp, 0));
            return out;
        case 'g': {
            int prec = shortest ? nd : precision;
            int eprec = prec;
            if (eprec > nd && nd >= d.dp) eprec = nd;
            if (shortest) eprec = 6;
            const int exp = d.dp - 1;
            if (exp < -4 || exp >= eprec) {
                if (prec > nd) prec = nd;
                fmtE(out, d, prec - 1, expChar);
                return out;
            }
            if (prec > d.dp) prec = nd;
            fmtF(out, d, std::max(prec - d.dp, 0));
            return out;
        }
        default:
            return "%" + std::string(1, format);
    }
}

}  // namespace sim::core
