// The JSON writers: Go's json.Marshal (compact) and json.Indent (inspect's layout), and Go's string quoting.
#include "sim/core/json.hpp"

#include <cmath>
#include <string>
#include <string_view>

#include "sim/core/utf8.hpp"

namespace sim::core {

namespace {

constexpr char kHex[] = "0123456789abcdef";

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

}  // namespace

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

}  // namespace sim::core
