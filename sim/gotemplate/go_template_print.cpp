// Printing template values the way Go's fmt prints them: %v for {{.X}} and Sprint (strings raw,
// 1e+06 for doubles, <nil>, [a b c], map[k:v] with sorted keys), the other verbs and flags of
// printf, and Go's type names for %T and error messages.
#include "sim/gotemplate/go_template_internal.hpp"

#include <algorithm>

namespace sim::gotemplate::detail {

// Go's name of the dynamic type behind a value.
std::string goTypeName(const JsonValue& v) {
    switch (v.kind()) {
        case JsonValue::Kind::Null: return "interface {}";
        case JsonValue::Kind::Bool: return "bool";
        case JsonValue::Kind::Integer: return "int";
        case JsonValue::Kind::Double: return "float64";
        case JsonValue::Kind::String: return "string";
        case JsonValue::Kind::Array: return "[]interface {}";
        case JsonValue::Kind::Object: return "map[string]interface {}";
    }
    return "interface {}";
}

// Object members in Go's map order (sorted keys).
std::vector<const JsonValue::Member*> sortedMembers(const JsonValue& object) {
    std::vector<const JsonValue::Member*> members;
    members.reserve(object.size());
    for (const auto& m : object.items()) members.push_back(&m);
    if (!object.isSortedObject()) {
        std::stable_sort(members.begin(), members.end(), [](const auto* a, const auto* b) { return a->first < b->first; });
    }
    return members;
}

// ---- fmt ----------------------------------------------------------------------------------------

namespace {

void appendPadding(std::string& out, int n, char c) {
    if (n > 0) out.append(static_cast<std::size_t>(n), c);
}

// fmt.pad: width counts runes; '-' pads on the right, '0' pads with zeros on the left.
void pad(std::string& out, std::string_view s, const FmtFlags& f) {
    if (!f.widPresent || f.wid == 0) {
        out += s;
        return;
    }
    const int width = f.wid - static_cast<int>(utf8::runeCount(s));
    if (f.minus) {
        out += s;
        appendPadding(out, width, ' ');
    } else {
        appendPadding(out, width, f.zero ? '0' : ' ');
        out += s;
    }
}

void fmtInteger(std::string& out, std::int64_t value, int base, char verb, const FmtFlags& flags) {
    FmtFlags f = flags;
    const bool negative = value < 0;
    std::uint64_t u = negative ? 0 - static_cast<std::uint64_t>(value) : static_cast<std::uint64_t>(value);
    int prec = 0;
    if (f.precPresent) {
        prec = f.prec;
        if (prec == 0 && u == 0) {
            appendPadding(out, f.widPresent ? f.wid : 0, ' ');
            return;
        }
    } else if (f.zero && !f.minus && f.widPresent) {
        prec = f.wid;
        if (negative || f.plus || f.space) --prec;  // leave room for the sign
    }
    const char* digits = verb == 'X' ? kUpperHex : kLowerHex;
    std::string num;
    do {
        num.push_back(digits[u % static_cast<std::uint64_t>(base)]);
        u /= static_cast<std::uint64_t>(base);
    } while (u != 0);
    while (static_cast<int>(num.size()) < prec) num.push_back('0');
    if (f.sharp) {
        if (base == 2) num += "b0";
        if (base == 8 && num.back() != '0') num.push_back('0');
        if (base == 16) num += verb == 'X' ? "X0" : "x0";
    }
    if (verb == 'O') num += "o0";
    if (negative) num.push_back('-');
    else if (f.plus) num.push_back('+');
    else if (f.space) num.push_back(' ');
    std::reverse(num.begin(), num.end());
    f.zero = false;  // zero padding was handled as precision
    pad(out, num, f);
}

void fmtFloat(std::string& out, double v, char verb, int prec, const FmtFlags& f) {
    std::string num = core::formatGoFloat(v, verb, prec);
    if (num == "NaN" || num == "+Inf" || num == "-Inf") {
        std::string s = num;
        if (s[0] == '+' && !f.plus) s.erase(0, 1);
        if (s == "NaN" && f.plus) s = "+NaN";
        FmtFlags g = f;
        g.zero = false;
        pad(out, s, g);
        return;
    }
    std::string sign;
    if (!num.empty() && num[0] == '-') {
        sign = "-";
        num.erase(0, 1);
    } else if (f.plus) {
        sign = "+";
    } else if (f.space) {
        sign = " ";
    }
    if (f.zero && !f.minus && f.widPresent && f.wid > static_cast<int>(num.size() + sign.size())) {
        out += sign;
        appendPadding(out, f.wid - static_cast<int>(num.size() + sign.size()), '0');
        out += num;
        return;
    }
    FmtFlags g = f;
    g.zero = false;
    pad(out, sign + num, g);
}

void badVerb(std::string& out, const JsonValue* v, char32_t verb) {
    out += "%!";
    utf8::append(out, verb);
    out += '(';
    if (v == nullptr || v->isNull()) {
        out += "<nil>";
    } else {
        out += goTypeName(*v);
        out += '=';
        fmtValue(out, *v, 'v', FmtFlags{}, 0);
    }
    out += ')';
}

std::string hexString(std::string_view s, bool upper) {
    std::string out;
    const char* digits = upper ? kUpperHex : kLowerHex;
    for (char c : s) {
        const auto b = static_cast<unsigned char>(c);
        out.push_back(digits[b >> 4]);
        out.push_back(digits[b & 0xF]);
    }
    return out;
}

}  // namespace

// fmt's printValue for one value and verb (Sprint uses 'v').
void fmtValue(std::string& out, const JsonValue& v, char verb, const FmtFlags& f, int depth) {
    if (depth > 1000) {
        out += "...";
        return;
    }
    switch (v.kind()) {
        case JsonValue::Kind::Null:
            if (verb == 'v' || verb == 'T') {
                pad(out, "<nil>", f);
            } else {
                badVerb(out, nullptr, static_cast<unsigned char>(verb));
            }
            return;
        case JsonValue::Kind::Bool:
            if (verb == 't' || verb == 'v') {
                pad(out, v.asBool() ? "true" : "false", f);
            } else {
                badVerb(out, &v, static_cast<unsigned char>(verb));
            }
            return;
        case JsonValue::Kind::Integer: {
            const std::int64_t i = v.asInteger();
            switch (verb) {
                case 'v': case 'd': fmtInteger(out, i, 10, verb, f); return;
                case 'b': fmtInteger(out, i, 2, verb, f); return;
                case 'o': case 'O': fmtInteger(out, i, 8, verb, f); return;
                case 'x': case 'X': fmtInteger(out, i, 16, verb, f); return;
                case 'c': {
                    std::string s;
                    utf8::append(s, (i < 0 || i > 0x10FFFF) ? utf8::kRuneError : static_cast<char32_t>(i));
                    pad(out, s, f);
                    return;
                }
                case 'q': pad(out, goQuoteRune(i), f); return;
                case 'U': {
                    std::string s = (i < 0 || i > 0x10FFFF) ? "U+FFFD" : formatRuneU(static_cast<char32_t>(i));
                    if (!f.sharp) s = s.substr(0, s.find(' '));
                    pad(out, s, f);
                    return;
                }
                default: badVerb(out, &v, static_cast<unsigned char>(verb)); return;
            }
        }
        case JsonValue::Kind::Double: {
            const double d = v.asDouble();
            switch (verb) {
                case 'v': fmtFloat(out, d, 'g', f.precPresent ? f.prec : -1, f); return;
                case 'g': case 'G': fmtFloat(out, d, verb, f.precPresent ? f.prec : -1, f); return;
                case 'e': case 'E': case 'f': fmtFloat(out, d, verb, f.precPresent ? f.prec : 6, f); return;
                case 'F': fmtFloat(out, d, 'f', f.precPresent ? f.prec : 6, f); return;
                default: badVerb(out, &v, static_cast<unsigned char>(verb)); return;
            }
        }
        case JsonValue::Kind::String: {
            std::string_view s = v.asString();
            switch (verb) {
                case 'v':
                    if (f.sharp) {
                        pad(out, goQuote(s), f);
                        return;
                    }
                    [[fallthrough]];
                case 's': {
                    if (f.precPresent) {
                        std::size_t pos = 0;
                        for (int n = 0; n < f.prec && pos < s.size(); ++n) pos += utf8::decode(s, pos).width;
                        s = s.substr(0, pos);
                    }
                    pad(out, s, f);
                    return;
                }
                case 'q': pad(out, goQuote(s), f); return;
                case 'x': case 'X': pad(out, hexString(s, verb == 'X'), f); return;
                default: badVerb(out, &v, static_cast<unsigned char>(verb)); return;
            }
        }
        case JsonValue::Kind::Array: {
            out += '[';
            const auto& elements = v.elements();
            for (std::size_t i = 0; i < elements.size(); ++i) {
                if (i > 0) out += ' ';
                if (elements[i].isNull()) {
                    out += "<nil>";
                } else {
                    fmtValue(out, elements[i], verb, f, depth + 1);
                }
            }
            out += ']';
            return;
        }
        case JsonValue::Kind::Object: {
            out += "map[";
            bool first = true;
            for (const auto* m : sortedMembers(v)) {
                if (!first) out += ' ';
                first = false;
                fmtValue(out, JsonValue::string(m->first), verb, f, depth + 1);
                out += ':';
                if (m->second.isNull()) {
                    out += "<nil>";
                } else {
                    fmtValue(out, m->second, verb, f, depth + 1);
                }
            }
            out += ']';
            return;
        }
    }
}

// fmt.Sprint / Sprintln over template arguments (an invalid value prints as <nil>).
std::string sprint(const std::vector<Value>& args, bool ln) {
    std::string out;
    bool prevString = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const bool isString = args[i].valid() && args[i].json->isString();
        if (i > 0 && (ln || (!isString && !prevString))) out += ' ';
        if (!args[i].valid()) {
            out += "<nil>";
        } else {
            fmtValue(out, *args[i].json, 'v', FmtFlags{}, 0);
        }
        prevString = isString;
    }
    if (ln) out += '\n';
    return out;
}

// fmt.Sprintf: flags, width, precision (also '*'), verbs v s d q t x X o O b c U e E f F g G T %.
std::string sprintf(std::string_view format, const std::vector<Value>& args) {
    std::string out;
    std::size_t argNum = 0;
    std::size_t i = 0;
    const auto argAt = [&](std::size_t n) -> const JsonValue* {
        static const JsonValue kNull;
        return args[n].valid() ? args[n].json.get() : &kNull;
    };
    const auto intArg = [&](int& into) -> bool {
        if (argNum >= args.size()) return false;
        const JsonValue* a = argAt(argNum++);
        if (!a->isInteger()) return false;
        const std::int64_t v = a->asInteger();
        if (v < -1000000 || v > 1000000) return false;
        into = static_cast<int>(v);
        return true;
    };
    while (i < format.size()) {
        const std::size_t pct = format.find('%', i);
        if (pct == std::string_view::npos) {
            out += format.substr(i);
            break;
        }
        out += format.substr(i, pct - i);
        i = pct + 1;
        FmtFlags f;
        for (; i < format.size(); ++i) {
            const char c = format[i];
            if (c == '#') f.sharp = true;
            else if (c == '0') f.zero = !f.minus;
            else if (c == '+') f.plus = true;
            else if (c == '-') f.minus = true, f.zero = false;
            else if (c == ' ') f.space = true;
            else break;
        }
        // width
        if (i < format.size() && format[i] == '*') {
            ++i;
            f.widPresent = intArg(f.wid);
            if (!f.widPresent) out += "%!(BADWIDTH)";
            if (f.wid < 0) {
                f.wid = -f.wid;
                f.minus = true;
                f.zero = false;
            }
        } else {
            while (i < format.size() && format[i] >= '0' && format[i] <= '9') {
                f.wid = std::min(f.wid * 10 + (format[i] - '0'), 1000000);
                f.widPresent = true;
                ++i;
            }
        }
        // precision
        if (i < format.size() && format[i] == '.') {
            ++i;
            f.precPresent = true;
            if (i < format.size() && format[i] == '*') {
                ++i;
                f.precPresent = intArg(f.prec);
                if (f.prec < 0) {
                    f.prec = 0;
                    f.precPresent = false;
                }
                if (!f.precPresent) out += "%!(BADPREC)";
            } else {
                while (i < format.size() && format[i] >= '0' && format[i] <= '9') {
                    f.prec = std::min(f.prec * 10 + (format[i] - '0'), 1000000);
                    ++i;
                }
            }
        }
        if (i >= format.size()) {
            out += "%!(NOVERB)";
            break;
        }
        const auto d = utf8::decode(format, i);
        i += d.width;
        const char32_t verb = d.rune;
        if (verb == '%') {
            out += '%';
            continue;
        }
        if (argNum >= args.size()) {
            out += "%!";
            utf8::append(out, verb);
            out += "(MISSING)";
            continue;
        }
        const JsonValue* arg = argAt(argNum++);
        if (verb == 'T') {
            pad(out, arg->isNull() ? "<nil>" : goTypeName(*arg), f);
            continue;
        }
        if (verb >= 0x80) {
            badVerb(out, arg, verb);
            continue;
        }
        fmtValue(out, *arg, static_cast<char>(verb), f, 0);
    }
    if (argNum < args.size()) {
        out += "%!(EXTRA ";
        for (std::size_t k = argNum; k < args.size(); ++k) {
            if (k > argNum) out += ", ";
            const JsonValue* a = argAt(k);
            if (a->isNull()) {
                out += "<nil>";
            } else {
                out += goTypeName(*a);
                out += '=';
                fmtValue(out, *a, 'v', FmtFlags{}, 0);
            }
        }
        out += ')';
    }
    return out;
}

}  // namespace sim::gotemplate::detail
