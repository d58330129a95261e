// The functions a template can call: Go's builtins (funcs.go: and, or, not, len, index, slice,
// print, printf, println, eq, ne, lt, le, gt, ge, html, js, urlquery, call) and Docker's
// (docker/cli templates: json, split, join, title, lower, upper, pad, truncate), with their
// signatures for the executor's argument checks.
#include "sim/gotemplate/go_template_internal.hpp"

#include <algorithm>

namespace sim::gotemplate::detail {

// ---- functions known to the parser -----------------------------------------------------------------

constexpr std::string_view kFunctionNames[] = {
    // Go's builtins
    "and", "call", "html", "index", "slice", "js", "len", "not", "or", "print", "printf", "println",
    "urlquery", "eq", "ge", "gt", "le", "lt", "ne",
    // Docker's (docker/cli templates.basicFunctions)
    "json", "split", "join", "title", "lower", "upper", "pad", "truncate",
};

bool hasFunction(std::string_view name) {
    return std::find(std::begin(kFunctionNames), std::end(kFunctionNames), name) != std::end(kFunctionNames);
}

// ---- builtins (funcs.go and docker/cli templates) ------------------------------------------------------

const Signature& signatureOf(std::string_view name) {
    using P = Param;
    static const Signature kAnyVariadic1{{P::Any}, true, P::Any};  // f(x, ...)
    static const Signature kVariadic{{}, true, P::Any};            // f(...)
    static const Signature kAny1{{P::Any}, false, P::Any};
    static const Signature kAny2{{P::Any, P::Any}, false, P::Any};
    static const Signature kString1{{P::String}, false, P::Any};
    static const Signature kPrintf{{P::String}, true, P::Any};
    static const Signature kSplit{{P::String, P::String}, false, P::Any};
    static const Signature kJoin{{P::StringSlice, P::String}, false, P::Any};
    static const Signature kPad{{P::String, P::Int, P::Int}, false, P::Any};
    static const Signature kTruncate{{P::String, P::Int}, false, P::Any};
    if (name == "and" || name == "or" || name == "index" || name == "slice" || name == "eq" || name == "call") return kAnyVariadic1;
    if (name == "print" || name == "println" || name == "html" || name == "js" || name == "urlquery") return kVariadic;
    if (name == "not" || name == "len" || name == "json") return kAny1;
    if (name == "ne" || name == "lt" || name == "le" || name == "gt" || name == "ge") return kAny2;
    if (name == "printf") return kPrintf;
    if (name == "split") return kSplit;
    if (name == "join") return kJoin;
    if (name == "pad") return kPad;
    if (name == "truncate") return kTruncate;
    return kString1;  // title, lower, upper
}

std::string_view paramTypeName(Param p) {
    switch (p) {
        case Param::Any: return "interface {}";
        case Param::String: return "string";
        case Param::Int: return "int";
        case Param::StringSlice: return "[]string";
    }
    return "interface {}";
}

namespace {

enum class Basic : std::uint8_t { Nil, Bool, Int, Float, String, Array, Object };

Basic basicKind(const Value& v) {
    if (v.isNil()) return Basic::Nil;
    switch (v.json->kind()) {
        case JsonValue::Kind::Bool: return Basic::Bool;
        case JsonValue::Kind::Integer: return Basic::Int;
        case JsonValue::Kind::Double: return Basic::Float;
        case JsonValue::Kind::String: return Basic::String;
        case JsonValue::Kind::Array: return Basic::Array;
        default: return Basic::Object;
    }
}

std::string fmtS(const JsonValue& v) {
    std::string out;
    fmtValue(out, v, 's', FmtFlags{}, 0);
    return out;
}

bool builtinEq(const Value& a1, const std::vector<Value>& rest) {
    if (rest.empty()) throw CallError{"missing argument for comparison"};
    const Basic k1 = basicKind(a1);
    for (const Value& a : rest) {
        const Basic k2 = basicKind(a);
        bool equal = false;
        const bool composite1 = k1 == Basic::Array || k1 == Basic::Object;
        const bool composite2 = k2 == Basic::Array || k2 == Basic::Object;
        if (composite1 && composite2) {
            if (k1 != k2) {
                throw CallError{"non-comparable types " + fmtS(*a1.json) + ": " + goTypeName(*a1.json) + ", " +
                                goTypeName(*a.json) + ": " + fmtS(*a.json)};
            }
            throw CallError{"non-comparable type " + fmtS(*a.json) + ": " + goTypeName(*a.json)};
        }
        if (k1 != k2) {
            // nil compares unequal to anything else; other mixes are errors.
            if (k1 != Basic::Nil && k2 != Basic::Nil) throw CallError{"incompatible types for comparison"};
        } else {
            switch (k1) {
                case Basic::Nil: equal = true; break;
                case Basic::Bool: equal = a1.json->asBool() == a.json->asBool(); break;
                case Basic::Int: equal = a1.json->asInteger() == a.json->asInteger(); break;
                case Basic::Float: equal = a1.json->asDouble() == a.json->asDouble(); break;
                case Basic::String: equal = a1.json->asString() == a.json->asString(); break;
                default: break;
            }
        }
        if (equal) return true;
    }
    return false;
}

bool builtinLt(const Value& a1, const Value& a2) {
    const Basic k1 = basicKind(a1);
    const Basic k2 = basicKind(a2);
    const auto basic = [](Basic k) { return k == Basic::Bool || k == Basic::Int || k == Basic::Float || k == Basic::String; };
    if (!basic(k1) || !basic(k2)) throw CallError{"invalid type for comparison"};
    if (k1 != k2) throw CallError{"incompatible types for comparison"};
    switch (k1) {
        case Basic::Int: return a1.json->asInteger() < a2.json->asInteger();
        case Basic::Float: return a1.json->asDouble() < a2.json->asDouble();
        case Basic::String: return a1.json->asString() < a2.json->asString();
        default: throw CallError{"invalid type for comparison"};
    }
}

// indexArg: an integer index within [0, cap].
std::size_t indexArg(const Value& index, std::size_t cap) {
    if (index.isNil()) throw CallError{"cannot index slice/array with nil"};
    if (!index.json->isInteger()) throw CallError{"cannot index slice/array with type " + goTypeName(*index.json)};
    const std::int64_t x = index.json->asInteger();
    if (x < 0 || static_cast<std::uint64_t>(x) > cap) throw CallError{"index out of range: " + std::to_string(x)};
    return static_cast<std::size_t>(x);
}

Value builtinIndex(const Value& item0, const std::vector<Value>& indexes) {
    if (item0.isNil()) throw CallError{"index of untyped nil"};
    Value item = item0;
    for (const Value& index : indexes) {
        if (item.isNil()) throw CallError{"index of nil pointer"};
        const JsonValue& j = *item.json;
        if (j.isArray() || j.isString()) {
            const std::size_t len = j.isArray() ? j.size() : j.asString().size();
            const std::size_t x = indexArg(index, len);
            if (x == len) throw CallError{"index out of range: " + std::to_string(x)};
            if (j.isArray()) {
                item = child(item, j[x]);
            } else {
                item = own(JsonValue::number(static_cast<unsigned char>(j.asString()[x])));
            }
        } else if (j.isObject()) {
            if (!index.valid()) throw CallError{"value is nil; should be of type string"};
            if (!index.json->isString()) throw CallError{"value has type " + goTypeName(*index.json) + "; should be string"};
            if (const JsonValue* found = j.find(index.json->asString())) {
                item = child(item, *found);
            } else {
                // The zero value of the map's element type: "" for string maps, nil otherwise.
                const bool stringMap = std::all_of(j.items().begin(), j.items().end(),
                                                   [](const auto& m) { return m.second.isString(); });
                item = stringMap ? own(JsonValue::string("")) : Value{own(JsonValue()).json, true};
            }
        } else {
            throw CallError{"can't index item of type " + goTypeName(j)};
        }
    }
    return item;
}

Value builtinSlice(const Value& item, const std::vector<Value>& indexes) {
    if (item.isNil()) throw CallError{"slice of untyped nil"};
    if (indexes.size() > 3) throw CallError{"too many slice indexes: " + std::to_string(indexes.size())};
    const JsonValue& j = *item.json;
    std::size_t cap = 0;
    if (j.isString()) {
        if (indexes.size() == 3) throw CallError{"cannot 3-index slice a string"};
        cap = j.asString().size();
    } else if (j.isArray()) {
        cap = j.size();
    } else {
        throw CallError{"can't slice item of type " + goTypeName(j)};
    }
    std::size_t idx[3] = {0, cap, cap};
    for (std::size_t k = 0; k < indexes.size(); ++k) idx[k] = indexArg(indexes[k], cap);
    if (idx[0] > idx[1]) throw CallError{"invalid slice index: " + std::to_string(idx[0]) + " > " + std::to_string(idx[1])};
    if (indexes.size() == 3 && idx[1] > idx[2]) {
        throw CallError{"invalid slice index: " + std::to_string(idx[1]) + " > " + std::to_string(idx[2])};
    }
    if (j.isString()) return own(JsonValue::string(j.asString().substr(idx[0], idx[1] - idx[0])));
    JsonValue::Array out(j.elements().begin() + static_cast<std::ptrdiff_t>(idx[0]),
                         j.elements().begin() + static_cast<std::ptrdiff_t>(idx[1]));
    return own(JsonValue::array(std::move(out)));
}

// evalArgs in funcs.go: the text html/js/urlquery escape.
std::string evalArgsText(const std::vector<Value>& args) {
    if (args.size() == 1 && args[0].valid() && args[0].json->isString()) return args[0].json->asString();
    std::vector<Value> printable = args;
    for (auto& a : printable) {
        if (!a.valid()) a = own(JsonValue::string("<no value>"));
    }
    return sprint(printable, false);
}

std::string htmlEscape(std::string_view s) {
    std::string out;
    for (char c : s) {
        switch (c) {
            case '\0': out += "\xEF\xBF\xBD"; break;
            case '"': out += "&#34;"; break;
            case '\'': out += "&#39;"; break;
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            default: out.push_back(c);
        }
    }
    return out;
}

std::string jsEscape(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            switch (c) {
                case '\\': out += "\\\\"; break;
                case '\'': out += "\\'"; break;
                case '"': out += "\\\""; break;
                case '<': out += "\\u003C"; break;
                case '>': out += "\\u003E"; break;
                case '&': out += "\\u0026"; break;
                case '=': out += "\\u003D"; break;
                default:
                    if (c < ' ') {
                        out += "\\u00";
                        out.push_back(kUpperHex[c >> 4]);
                        out.push_back(kUpperHex[c & 0xF]);
                    } else {
                        out.push_back(static_cast<char>(c));
                    }
            }
            ++i;
            continue;
        }
        const auto d = utf8::decode(s, i);
        if (isPrintRune(d.rune) && !(d.rune == utf8::kRuneError && d.width == 1)) {
            out += s.substr(i, d.width);
        } else {
            out += "\\u";
            for (int sh = 12; sh >= 0; sh -= 4) out.push_back(kUpperHex[(d.rune >> sh) & 0xF]);
        }
        i += d.width;
    }
    return out;
}

// url.QueryEscape
std::string queryEscape(std::string_view s) {
    std::string out;
    for (char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '~') {
            out.push_back(static_cast<char>(c));
        } else if (c == ' ') {
            out.push_back('+');
        } else {
            out.push_back('%');
            out.push_back(kUpperHex[c >> 4]);
            out.push_back(kUpperHex[c & 0xF]);
        }
    }
    return out;
}

// strings.Map over runes; invalid UTF-8 bytes come out as U+FFFD, as in Go.
template <class F>
std::string mapRunes(std::string_view s, F&& mapping) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        const auto d = utf8::decode(s, i);
        utf8::append(out, mapping(d.rune));
        i += d.width;
    }
    return out;
}

bool isAscii(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

std::string goToUpper(std::string_view s) {
    if (isAscii(s)) {
        std::string out(s);
        for (char& c : out) {
            if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
        }
        return out;
    }
    return mapRunes(s, toUpperRune);
}

std::string goToLower(std::string_view s) {
    if (isAscii(s)) {
        std::string out(s);
        for (char& c : out) {
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
        }
        return out;
    }
    return mapRunes(s, toLowerRune);
}

// strings.Title: upper-case the first letter of each word.
std::string goTitle(std::string_view s) {
    const auto isSeparator = [](char32_t r) {
        if (r <= 0x7F) {
            return !((r >= '0' && r <= '9') || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || r == '_');
        }
        if (isLetterOrDigitRune(r)) return false;
        return isUnicodeSpace(r);
    };
    char32_t prev = ' ';
    return mapRunes(s, [&](char32_t r) {
        const bool start = isSeparator(prev);
        prev = r;
        return start ? toUpperRune(r) : r;
    });
}

// strings.Split
JsonValue goSplit(std::string_view s, std::string_view sep) {
    JsonValue::Array parts;
    if (sep.empty()) {
        for (std::size_t i = 0; i < s.size();) {
            const auto d = utf8::decode(s, i);
            parts.push_back(JsonValue::string(std::string(s.substr(i, d.width))));
            i += d.width;
        }
        return JsonValue::array(std::move(parts));
    }
    std::size_t start = 0;
    while (true) {
        const std::size_t at = s.find(sep, start);
        if (at == std::string_view::npos) break;
        parts.push_back(JsonValue::string(std::string(s.substr(start, at - start))));
        start = at + sep.size();
    }
    parts.push_back(JsonValue::string(std::string(s.substr(start))));
    return JsonValue::array(std::move(parts));
}

}  // namespace

Value callBuiltin(const std::string& name, std::vector<Value>& argv, const TemplateOptions& options) {
    const auto checkSize = [&](std::size_t bytes) { checkOutputSize(bytes, options); };
    const auto stringResult = [&](std::string s) {
        checkSize(s.size());
        return own(JsonValue::string(std::move(s)));
    };
    const auto str = [&](std::size_t k) -> const std::string& { return argv[k].json->asString(); };
    if (name == "not") return own(JsonValue::boolean(!truth(argv[0])));
    if (name == "len") {
        const Value& v = argv[0];
        if (!v.valid()) throw CallError{"reflect: call of reflect.Value.Type on zero Value"};
        const JsonValue& j = *v.json;
        if (j.isNull()) return own(JsonValue::number(0));  // a nil slice or map
        if (j.isString()) return own(JsonValue::number(j.asString().size()));
        if (j.isArray() || j.isObject()) return own(JsonValue::number(j.size()));
        throw CallError{"len of type " + goTypeName(j)};
    }
    if (name == "index") return builtinIndex(argv[0], std::vector<Value>(argv.begin() + 1, argv.end()));
    if (name == "slice") return builtinSlice(argv[0], std::vector<Value>(argv.begin() + 1, argv.end()));
    if (name == "print" || name == "println") {
        std::string s = sprint(argv, name == "println");
        return stringResult(std::move(s));
    }
    if (name == "printf") {
        // Bound the work before formatting: widths and precisions are capped inside sprintf.
        std::string s = sprintf(str(0), std::vector<Value>(argv.begin() + 1, argv.end()));
        return stringResult(std::move(s));
    }
    if (name == "eq") return own(JsonValue::boolean(builtinEq(argv[0], std::vector<Value>(argv.begin() + 1, argv.end()))));
    if (name == "ne") return own(JsonValue::boolean(!builtinEq(argv[0], {argv[1]})));
    if (name == "lt") return own(JsonValue::boolean(builtinLt(argv[0], argv[1])));
    if (name == "le") return own(JsonValue::boolean(builtinLt(argv[0], argv[1]) || builtinEq(argv[0], {argv[1]})));
    if (name == "gt") return own(JsonValue::boolean(!(builtinLt(argv[0], argv[1]) || builtinEq(argv[0], {argv[1]}))));
    if (name == "ge") return own(JsonValue::boolean(!builtinLt(argv[0], argv[1])));
    if (name == "html") return stringResult(htmlEscape(evalArgsText(argv)));
    if (name == "js") return stringResult(jsEscape(evalArgsText(argv)));
    if (name == "urlquery") return stringResult(queryEscape(evalArgsText(argv)));
    if (name == "call") {
        if (argv[0].isNil()) throw CallError{"call of nil"};
        throw CallError{"non-function of type " + goTypeName(*argv[0].json)};
    }
    if (name == "json") {
        if (!argv[0].valid()) return own(JsonValue::string("null"));
        return stringResult(argv[0].json->toCompactString(false));
    }
    if (name == "split") {
        JsonValue parts = goSplit(str(0), str(1));
        return own(std::move(parts));
    }
    if (name == "join") {
        const auto& elements = argv[0].json->elements();
        const std::string& sep = str(1);
        std::size_t total = elements.empty() ? 0 : sep.size() * (elements.size() - 1);
        for (const auto& e : elements) total += e.asString().size();
        checkSize(total);
        std::string out;
        out.reserve(total);
        for (std::size_t k = 0; k < elements.size(); ++k) {
            if (k > 0) out += sep;
            out += elements[k].asString();
        }
        return own(JsonValue::string(std::move(out)));
    }
    if (name == "title") return stringResult(goTitle(str(0)));
    if (name == "lower") return stringResult(goToLower(str(0)));
    if (name == "upper") return stringResult(goToUpper(str(0)));
    if (name == "pad") {
        const std::string& source = str(0);
        if (source.empty()) return argv[0];
        const std::int64_t prefix = argv[1].json->asInteger();
        const std::int64_t suffix = argv[2].json->asInteger();
        if (prefix < 0 || suffix < 0) throw CallError{"strings: negative Repeat count"};
        const auto limit = static_cast<std::int64_t>(options.maxOutputBytes);
        if (prefix > limit || suffix > limit) checkSize(options.maxOutputBytes + 1);
        checkSize(source.size() + static_cast<std::size_t>(prefix) + static_cast<std::size_t>(suffix));
        return own(JsonValue::string(std::string(static_cast<std::size_t>(prefix), ' ') + source +
                                     std::string(static_cast<std::size_t>(suffix), ' ')));
    }
    if (name == "truncate") {
        const std::string& source = str(0);
        const std::int64_t length = argv[1].json->asInteger();
        if (static_cast<std::int64_t>(source.size()) < length) return argv[0];
        if (length < 0) throw CallError{"runtime error: slice bounds out of range [:" + std::to_string(length) + "]"};
        return own(JsonValue::string(source.substr(0, static_cast<std::size_t>(length))));
    }
    throw CallError{"function not implemented"};
}

}  // namespace sim::gotemplate::detail
