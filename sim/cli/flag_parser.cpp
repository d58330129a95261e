#include "sim/cli/flag_parser.hpp"
#include "sim/cli/strconv_quote.hpp"

#include <algorithm>
#include <cstdio>
#include <limits>

namespace sim::cli {
namespace {

using core::ErrorCode;

bool isDigit(char c) { return c >= '0' && c <= '9'; }

// Go's %q of a rune given as one byte: 'x', '\''.
std::string quoteRune(char c) {
    if (c == '\'') return "'\\''";
    if (c == '\\') return "'\\\\'";
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7f) {
        char buf[8];
        std::snprintf(buf, sizeof buf, "'\\x%02x'", u);
        return buf;
    }
    return std::string("'") + c + "'";
}

// ---- Go value parsers (the error texts are Go's) -----------------------------------------

core::Result<bool> parseGoBool(const std::string& s) {
    if (s == "1" || s == "t" || s == "T" || s == "TRUE" || s == "true" || s == "True") return true;
    if (s == "0" || s == "f" || s == "F" || s == "FALSE" || s == "false" || s == "False") return false;
    return core::fail(ErrorCode::InvalidArgument, "strconv.ParseBool: parsing " + goQuote(s) + ": invalid syntax");
}

// strconv.ParseInt(s, 0, 64).
core::Result<std::int64_t> parseGoInt(const std::string& s0) {
    auto syntax = [&] {
        return core::fail(ErrorCode::InvalidArgument, "strconv.ParseInt: parsing " + goQuote(s0) + ": invalid syntax");
    };
    auto range = [&] {
        return core::fail(ErrorCode::InvalidArgument, "strconv.ParseInt: parsing " + goQuote(s0) + ": value out of range");
    };
    std::string_view s = s0;
    if (s.empty()) return syntax();
    bool neg = false;
    if (s[0] == '+' || s[0] == '-') {
        neg = s[0] == '-';
        s.remove_prefix(1);
    }
    // Base 0: a 0x / 0b / 0o / 0 prefix picks the base; '_' may separate digits (and the
    // prefix from a digit), never lead, trail or double.
    int base = 10;
    bool prefixed = false;
    if (s.size() >= 2 && s[0] == '0') {
        const char b = char(s[1] | 0x20);
        prefixed = true;
        if (b == 'x') base = 16, s.remove_prefix(2);
        else if (b == 'b') base = 2, s.remove_prefix(2);
        else if (b == 'o') base = 8, s.remove_prefix(2);
        else base = 8, s.remove_prefix(1);
    }
    if (s.empty()) return syntax();
    constexpr std::uint64_t kLimit = std::uint64_t(1) << 63;  // |min int64|
    std::uint64_t v = 0;
    char previous = prefixed ? '0' : '\0';
    for (char c : s) {
        if (c == '_') {
            if (previous == '\0' || previous == '_') return syntax();
            previous = c;
            continue;
        }
        int d = 0;
        if (isDigit(c)) d = c - '0';
        else if (c >= 'a' && c <= 'z') d = c - 'a' + 10;
        else if (c >= 'A' && c <= 'Z') d = c - 'A' + 10;
        else return syntax();
        if (d >= base) return syntax();
        if (v > (std::numeric_limits<std::uint64_t>::max() - std::uint64_t(d)) / std::uint64_t(base)) return range();
        v = v * std::uint64_t(base) + std::uint64_t(d);
        previous = c;
    }
    if (previous == '_') return syntax();
    if (neg) {
        if (v > kLimit) return range();
        return v == kLimit ? std::numeric_limits<std::int64_t>::min() : -std::int64_t(v);
    }
    if (v > kLimit - 1) return range();
    return std::int64_t(v);
}

}  // namespace
// time.ParseDuration.
core::Result<std::chrono::nanoseconds> parseGoDuration(const std::string& orig) {
    auto invalid = [&] {
        return core::fail(ErrorCode::InvalidArgument, "time: invalid duration " + goQuote(orig));
    };
    constexpr std::uint64_t kLimit = std::uint64_t(1) << 63;
    std::string_view s = orig;
    bool neg = false;
    if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
        neg = s[0] == '-';
        s.remove_prefix(1);
    }
    if (s == "0") return std::chrono::nanoseconds(0);
    if (s.empty()) return invalid();
    std::uint64_t d = 0;
    while (!s.empty()) {
        if (!(s[0] == '.' || isDigit(s[0]))) return invalid();
        std::uint64_t v = 0;
        size_t before = s.size();
        while (!s.empty() && isDigit(s[0])) {
            if (v > kLimit / 10) return invalid();
            v = v * 10 + std::uint64_t(s[0] - '0');
            if (v > kLimit) return invalid();
            s.remove_prefix(1);
        }
        const bool pre = before != s.size();
        bool post = false;
        std::uint64_t f = 0;
        double scale = 1;
        if (!s.empty() && s[0] == '.') {
            s.remove_prefix(1);
            before = s.size();
            bool overflow = false;
            while (!s.empty() && isDigit(s[0])) {
                const std::uint64_t digit = std::uint64_t(s[0] - '0');
                s.remove_prefix(1);
                if (overflow) continue;
                if (f > (kLimit - 1) / 10) {
                    overflow = true;
                    continue;
                }
                const std::uint64_t y = f * 10 + digit;
                if (y > kLimit) {
                    overflow = true;
                    continue;
                }
                f = y;
                scale *= 10;
            }
            post = before != s.size();
        }
        if (!pre && !post) return invalid();
        size_t i = 0;
        while (i < s.size() && s[i] != '.' && !isDigit(s[i])) ++i;
        if (i == 0) return core::fail(ErrorCode::InvalidArgument, "time: missing unit in duration " + goQuote(orig));
        const std::string_view u = s.substr(0, i);
        s.remove_prefix(i);
        std::uint64_t unit = 0;
        if (u == "ns") unit = 1;
        else if (u == "us" || u == "\xC2\xB5s" || u == "\xCE\xBCs") unit = 1000;
        else if (u == "ms") unit = 1000000;
        else if (u == "s") unit = 1000000000ULL;
        else if (u == "m") unit = 60ULL * 1000000000ULL;
        else if (u == "h") unit = 3600ULL * 1000000000ULL;
        else
            return core::fail(ErrorCode::InvalidArgument,
                              "time: unknown unit " + goQuote(u) + " in duration " + goQuote(orig));
        if (v > kLimit / unit) return invalid();
        v *= unit;
        if (f > 0) {
            v += std::uint64_t(double(f) * (double(unit) / scale));
            if (v > kLimit) return invalid();
        }
        d += v;
        if (d > kLimit) return invalid();
    }
    if (neg) return std::chrono::nanoseconds(d == kLimit ? std::numeric_limits<std::int64_t>::min() : -std::int64_t(d));
    if (d > kLimit - 1) return invalid();
    return std::chrono::nanoseconds(std::int64_t(d));
}
namespace {

std::vector<std::string> splitCommas(const std::string& value) {
    std::vector<std::string> out;
    if (value.empty()) return out;
    size_t start = 0;
    for (;;) {
        const size_t comma = value.find(',', start);
        out.push_back(value.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    return out;
}

// "-c, --count" or "--count": how pflag names a flag in "invalid argument" errors.
std::string flagDisplayName(const FlagSpec& spec) {
    if (spec.shortName != 0) return std::string("-") + spec.shortName + ", --" + spec.longName;
    return "--" + spec.longName;
}

FlagValue initialValue(const FlagSpec& spec) {
    FlagValue v;
    v.kind = spec.kind;
    switch (spec.kind) {
    case FlagKind::Bool:
        v.text = spec.defaultValue.empty() ? "false" : spec.defaultValue;
        v.boolean = parseGoBool(v.text).value_or(false);
        break;
    case FlagKind::String:
        v.text = spec.defaultValue;
        break;
    case FlagKind::Int:
        v.text = spec.defaultValue.empty() ? "0" : spec.defaultValue;
        v.integer = parseGoInt(v.text).value_or(0);
        break;
    case FlagKind::Duration:
        v.text = spec.defaultValue.empty() ? "0s" : spec.defaultValue;
        v.duration = parseGoDuration(v.text).value_or(std::chrono::nanoseconds(0));
        break;
    case FlagKind::StringList:
    case FlagKind::StringSlice:
        break;
    }
    return v;
}

class FlagParser {
public:
    FlagParser(const std::vector<FlagSpec>& flags, bool interspersed) : m_flags(flags), m_interspersed(interspersed) {
        for (const FlagSpec& spec : flags)
            if (!m_out.values.contains(spec.valueKey())) m_out.values.emplace(spec.valueKey(), initialValue(spec));
    }

    core::Result<ParsedFlags> parse(const std::vector<std::string>& argv) {
        m_argv = &argv;
        while (m_next < argv.size()) {
            const std::string& s = argv[m_next++];
            if (s.size() < 2 || s[0] != '-') {
                m_out.args.push_back(s);
                if (!m_interspersed) {
                    m_out.args.insert(m_out.args.end(), argv.begin() + std::ptrdiff_t(m_next), argv.end());
                    break;
                }
                continue;
            }
            core::Result<void> r;
            if (s[1] == '-') {
                if (s.size() == 2) {  // "--" ends the flags
                    m_out.argsLenAtDash = int(m_out.args.size());
                    m_out.args.insert(m_out.args.end(), argv.begin() + std::ptrdiff_t(m_next), argv.end());
                    break;
                }
                r = parseLong(s);
            } else {
                r = parseShort(s);
            }
            if (!r) return std::unexpected(r.error());
        }
        return std::move(m_out);
    }

private:
    const FlagSpec* findLong(std::string_view name) const {
        for (const FlagSpec& f : m_flags)
            if (f.longName == name) return &f;
        return nullptr;
    }

    const FlagSpec* findShort(char c) const {
        for (const FlagSpec& f : m_flags)
            if (f.shortName == c) return &f;
        return nullptr;
    }

    core::Result<void> set(const FlagSpec& spec, const std::string& value) {
        FlagValue& v = m_out.values[spec.valueKey()];
        auto invalid = [&](const core::Error& cause) {
            return core::fail(ErrorCode::InvalidArgument, "invalid argument " + goQuote(value) + " for " +
                                                              goQuote(flagDisplayName(spec)) + " flag: " + cause.message);
        };
        switch (spec.kind) {
        case FlagKind::Bool: {
            auto b = parseGoBool(value);
            if (!b) return invalid(b.error());
            v.boolean = *b;
            break;
        }
        case FlagKind::String:
            break;
        case FlagKind::Int: {
            auto n = parseGoInt(value);
            if (!n) return invalid(n.error());
            v.integer = *n;
            break;
        }
        case FlagKind::Duration: {
            auto d = parseGoDuration(value);
            if (!d) return invalid(d.error());
            v.duration = *d;
            break;
        }
        case FlagKind::StringList:
            v.list.push_back(value);
            break;
        case FlagKind::StringSlice: {
            auto items = splitCommas(value);
            v.list.insert(v.list.end(), items.begin(), items.end());
            break;
        }
        }
        v.text = value;
        v.changed = true;
        m_out.occurrences.emplace_back(spec.valueKey(), value);
        return {};
    }

    bool hasMoreArgs() const { return m_next < m_argv->size(); }
    const std::string& takeArg() { return (*m_argv)[m_next++]; }

    core::Result<void> parseLong(const std::string& s) {
        std::string name = s.substr(2);
        if (name.empty() || name[0] == '-' || name[0] == '=')
            return core::fail(ErrorCode::InvalidArgument, "bad flag syntax: " + s);
        const size_t eq = name.find('=');
        const bool inlineValue = eq != std::string::npos;
        const std::string value = inlineValue ? name.substr(eq + 1) : std::string();
        if (inlineValue) name.resize(eq);
        const FlagSpec* spec = findLong(name);
        if (!spec) {
            if (name == "help") {  // cobra's own --help
                if (!inlineValue) {
                    m_out.helpRequested = true;
                    return {};
                }
                auto b = parseGoBool(value);
                if (!b)
                    return core::fail(ErrorCode::InvalidArgument, "invalid argument " + goQuote(value) +
                                                                      " for \"--help\" flag: " + b.error().message);
                m_out.helpRequested = *b;
                return {};
            }
            return core::fail(ErrorCode::InvalidArgument, "unknown flag: --" + name);
        }
        if (inlineValue) return set(*spec, value);
        if (spec->kind == FlagKind::Bool) return set(*spec, "true");
        if (hasMoreArgs()) return set(*spec, takeArg());
        return core::fail(ErrorCode::InvalidArgument, "flag needs an argument: " + s);
    }

    core::Result<void> parseShort(const std::string& s) {
        std::string shorthands = s.substr(1);
        while (!shorthands.empty()) {
            const char c = shorthands[0];
            std::string rest = shorthands.substr(1);
            const FlagSpec* spec = findShort(c);
            if (!spec) {
                if (c == 'h') {  // docker's root --help keeps a deprecated -h
                    m_out.notices.push_back("Flag shorthand -h has been deprecated, use --help");
                    m_out.helpRequested = true;
                    shorthands = rest;
                    continue;
                }
                return core::fail(ErrorCode::InvalidArgument,
                                  "unknown shorthand flag: " + quoteRune(c) + " in -" + shorthands);
            }
            core::Result<void> r;
            if (shorthands.size() > 2 && shorthands[1] == '=') {  // -p=80:80
                r = set(*spec, shorthands.substr(2));
                rest.clear();
            } else if (spec->kind == FlagKind::Bool) {  // -d (in a group: -itd)
                r = set(*spec, "true");
            } else if (shorthands.size() > 1) {  // -p80:80
                r = set(*spec, rest);
                rest.clear();
            } else if (hasMoreArgs()) {  // -p 80:80
                r = set(*spec, takeArg());
            } else {
                return core::fail(ErrorCode::InvalidArgument,
                                  "flag needs an argument: " + quoteRune(c) + " in -" + shorthands);
            }
            if (!r) return r;
            shorthands = rest;
        }
        return {};
    }

    const std::vector<FlagSpec>& m_flags;
    bool m_interspersed = true;
    const std::vector<std::string>* m_argv = nullptr;
    size_t m_next = 0;
    ParsedFlags m_out;
};

// ---- help text (pflag's FlagUsagesWrapped) -----------------------------------------------

std::string replaceNewlines(std::string_view s, std::string_view with) {
    std::string out;
    for (char c : s) {
        if (c == '\n') out += with;
        else out += c;
    }
    return out;
}

// pflag's wrapN: the first line (up to i bytes, or i + slop if that ends the text) and the rest.
std::pair<std::string, std::string> wrapN(size_t i, size_t slop, const std::string& s) {
    if (i + slop > s.size()) return {s, ""};
    const std::string head = s.substr(0, i);
    const size_t w = head.find_last_of(" \t\n");
    if (w == std::string::npos || w == 0) return {s, ""};
    const size_t nl = head.rfind('\n');
    if (nl != std::string::npos && nl > 0 && nl < w) return {s.substr(0, nl), s.substr(nl + 1)};
    return {s.substr(0, w), s.substr(w + 1)};
}

// pflag's wrap: `s` wrapped to width w, continuation lines indented by i.
std::string wrap(int i, int w, std::string s) {
    if (w == 0) return replaceNewlines(s, "\n" + std::string(size_t(i), ' '));
    int width = w - i;
    std::string r;
    if (width < 24) {
        i = 16;
        width = w - i;
        r += "\n" + std::string(size_t(i), ' ');
    }
    if (width < 24) return replaceNewlines(s, r);
    const int slop = 5;
    width -= slop;
    const std::string indent = "\n" + std::string(size_t(i), ' ');
    auto [line, rest] = wrapN(size_t(width), size_t(slop), s);
    r += replaceNewlines(line, indent);
    while (!rest.empty()) {
        auto [t, more] = wrapN(size_t(width), size_t(slop), rest);
        r += indent + replaceNewlines(t, indent);
        rest = std::move(more);
    }
    return r;
}

std::string defaultTypeName(FlagKind kind) {
    switch (kind) {
    case FlagKind::Bool: return "";
    case FlagKind::String: return "string";
    case FlagKind::StringList: return "stringArray";
    case FlagKind::StringSlice: return "strings";
    case FlagKind::Int: return "int";
    case FlagKind::Duration: return "duration";
    }
    return "";
}

// pflag's UnquoteUsage: the value name and the usage without its back quotes.
std::pair<std::string, std::string> unquoteUsage(const FlagSpec& f) {
    const size_t open = f.usage.find('`');
    if (open != std::string::npos) {
        const size_t close = f.usage.find('`', open + 1);
        if (close != std::string::npos) {
            std::string name = f.usage.substr(open + 1, close - open - 1);
            return {name, f.usage.substr(0, open) + name + f.usage.substr(close + 1)};
        }
    }
    return {f.typeName.empty() ? defaultTypeName(f.kind) : f.typeName, f.usage};
}

bool defaultIsZero(const FlagSpec& f) {
    const std::string& d = f.defaultValue;
    switch (f.kind) {
    case FlagKind::Bool: return d.empty() || d == "false";
    case FlagKind::Int: return d.empty() || d == "0";
    case FlagKind::Duration: return d.empty() || d == "0" || d == "0s";
    default: return d.empty();
    }
}

std::string pluralize(const char* word, int n) { return n == 1 ? word : std::string(word) + "s"; }

std::string firstWord(const std::string& s) { return s.substr(0, s.find(' ')); }

std::string rightTrimmed(std::string s) {
    while (!s.empty() && (s.back() == ' ' || s.back() == '\n' || s.back() == '\t')) s.pop_back();
    return s;
}

}  // namespace

// ---- FlagSpec ------------------------------------------------------------------------------

FlagSpec FlagSpec::boolean(std::string name, char shorthand, std::string usage) {
    FlagSpec f;
    f.longName = std::move(name);
    f.shortName = shorthand;
    f.kind = FlagKind::Bool;
    f.usage = std::move(usage);
    return f;
}

FlagSpec FlagSpec::string(std::string name, char shorthand, std::string usage, std::string defaultValue) {
    FlagSpec f;
    f.longName = std::move(name);
    f.shortName = shorthand;
    f.kind = FlagKind::String;
    f.usage = std::move(usage);
    f.defaultValue = std::move(defaultValue);
    return f;
}

FlagSpec FlagSpec::list(std::string name, char shorthand, std::string usage, std::string typeName) {
    FlagSpec f;
    f.longName = std::move(name);
    f.shortName = shorthand;
    f.kind = FlagKind::StringList;
    f.usage = std::move(usage);
    f.typeName = std::move(typeName);
    return f;
}

FlagSpec FlagSpec::slice(std::string name, char shorthand, std::string usage) {
    FlagSpec f;
    f.longName = std::move(name);
    f.shortName = shorthand;
    f.kind = FlagKind::StringSlice;
    f.usage = std::move(usage);
    return f;
}

FlagSpec FlagSpec::integer(std::string name, char shorthand, std::string usage, std::string defaultValue) {
    FlagSpec f;
    f.longName = std::move(name);
    f.shortName = shorthand;
    f.kind = FlagKind::Int;
    f.usage = std::move(usage);
    f.defaultValue = std::move(defaultValue);
    return f;
}

FlagSpec FlagSpec::duration(std::string name, char shorthand, std::string usage, std::string defaultValue) {
    FlagSpec f;
    f.longName = std::move(name);
    f.shortName = shorthand;
    f.kind = FlagKind::Duration;
    f.usage = std::move(usage);
    f.defaultValue = std::move(defaultValue);
    return f;
}

FlagSpec FlagSpec::alias(std::string name, char shorthand, bool hiddenAlias) const {
    FlagSpec f = *this;
    f.key = valueKey();
    f.longName = std::move(name);
    f.shortName = shorthand;
    f.hidden = hiddenAlias;
    return f;
}

FlagSpec FlagSpec::asHidden() const {
    FlagSpec f = *this;
    f.hidden = true;
    return f;
}

// ---- ParsedFlags ---------------------------------------------------------------------------

bool ParsedFlags::changed(std::string_view key) const {
    auto it = values.find(key);
    return it != values.end() && it->second.changed;
}

bool ParsedFlags::getBool(std::string_view key) const {
    auto it = values.find(key);
    return it != values.end() && it->second.boolean;
}

std::string ParsedFlags::getString(std::string_view key) const {
    auto it = values.find(key);
    return it == values.end() ? std::string() : it->second.text;
}

std::int64_t ParsedFlags::getInt(std::string_view key) const {
    auto it = values.find(key);
    return it == values.end() ? 0 : it->second.integer;
}

std::chrono::nanoseconds ParsedFlags::getDuration(std::string_view key) const {
    auto it = values.find(key);
    return it == values.end() ? std::chrono::nanoseconds(0) : it->second.duration;
}

std::vector<std::string> ParsedFlags::getList(std::string_view key) const {
    auto it = values.find(key);
    return it == values.end() ? std::vector<std::string>() : it->second.list;
}

// ---- parsing -------------------------------------------------------------------------------

core::Result<ParsedFlags> parseFlags(const std::vector<FlagSpec>& flags, const std::vector<std::string>& argv,
                                     bool interspersed) {
    return FlagParser(flags, interspersed).parse(argv);
}

core::Result<ParsedFlags> parseFlags(const CommandSpec& command, const std::vector<std::string>& argv) {
    return parseFlags(command.flags, argv, command.interspersed);
}

std::string flagErrorMessage(const CommandSpec& command, std::string_view pflagError, CliStyle style) {
    // docker/cli cli/cobra.go FlagErrorFunc.
    if (style == CliStyle::Legacy) return std::string(pflagError) + "\nSee '" + command.path + " --help'.";
    return std::string(pflagError) + "\n\nUsage:  " + command.usageLine() + "\n\nRun '" + command.path +
           " --help' for more information";
}

core::Result<void> checkArgCount(const CommandSpec& command, const std::vector<std::string>& args, CliStyle style) {
    const int n = int(args.size());
    const ArgCount& rule = command.args;
    bool ok = true;
    switch (rule.rule) {
    case ArgCount::Rule::Any: ok = true; break;
    case ArgCount::Rule::None: ok = n == 0; break;
    case ArgCount::Rule::Exact: ok = n == rule.min; break;
    case ArgCount::Rule::AtLeast: ok = n >= rule.min; break;
    case ArgCount::Rule::AtMost: ok = n <= rule.max; break;
    case ArgCount::Rule::Range: ok = n >= rule.min && n <= rule.max; break;
    }
    if (ok) return {};

    const std::string& path = command.path;
    std::string what;  // "requires exactly 1 argument"
    switch (rule.rule) {
    case ArgCount::Rule::None: what = "accepts no arguments"; break;
    case ArgCount::Rule::Exact:
        what = std::string(style == CliStyle::Legacy ? "requires exactly " : "requires ") + std::to_string(rule.min) +
               " " + pluralize("argument", rule.min);
        break;
    case ArgCount::Rule::AtLeast:
        what = "requires at least " + std::to_string(rule.min) + " " + pluralize("argument", rule.min);
        break;
    case ArgCount::Rule::AtMost:
        what = "requires at most " + std::to_string(rule.max) + " " + pluralize("argument", rule.max);
        break;
    case ArgCount::Rule::Range:
        what = "requires at least " + std::to_string(rule.min) + " and at most " + std::to_string(rule.max) + " " +
               pluralize("argument", rule.max);
        break;
    case ArgCount::Rule::Any: break;
    }

    std::string message;
    if (style == CliStyle::Legacy) {
        // docker/cli cli/required.go up to 27.x: "%q requires ... .\nSee '%s --help'.\n\nUsage:  %s\n\n%s"
        message = goQuote(path) + " " + what + ".\nSee '" + path + " --help'.\n\nUsage:  " + command.usageLine() +
                  "\n\n" + command.description;
    } else {
        // docker/cli cli/required.go 28.x, verbatim: RequiresMinArgs says "See ... for more
        // information" and RequiresMaxArgs has "SRun" in its source.
        std::string tail = "Run '";
        if (rule.rule == ArgCount::Rule::AtLeast) tail = "See '";
        if (rule.rule == ArgCount::Rule::AtMost) tail = "SRun '";
        message = firstWord(path) + ": '" + path + "' " + what + "\n\nUsage:  " + command.usageLine() + "\n\n" + tail +
                  path + " --help' for more information";
    }
    return core::fail(ErrorCode::InvalidArgument, std::move(message));
}

core::Result<ParsedFlags> parseCommandLine(const CommandSpec& command, const std::vector<std::string>& argv,
                                           CliStyle style) {
    auto parsed = parseFlags(command, argv);
    if (!parsed) return core::fail(ErrorCode::InvalidArgument, flagErrorMessage(command, parsed.error().message, style));
    if (parsed->helpRequested) return parsed;
    if (auto ok = checkArgCount(command, parsed->args, style); !ok) return std::unexpected(ok.error());
    return parsed;
}

// ---- help ----------------------------------------------------------------------------------

std::string flagUsages(const std::vector<FlagSpec>& flags, int columns) {
    std::vector<const FlagSpec*> visible;
    for (const FlagSpec& f : flags)
        if (!f.hidden) visible.push_back(&f);
    std::stable_sort(visible.begin(), visible.end(),
                     [](const FlagSpec* a, const FlagSpec* b) { return a->longName < b->longName; });

    std::vector<std::string> lines;
    size_t maxlen = 0;
    for (const FlagSpec* f : visible) {
        std::string line = f->shortName != 0 ? std::string("  -") + f->shortName + ", --" + f->longName
                                             : "      --" + f->longName;
        auto [varname, usage] = unquoteUsage(*f);
        if (!varname.empty()) line += " " + varname;
        line += '\0';
        maxlen = std::max(maxlen, line.size());
        line += usage;
        if (!defaultIsZero(*f)) {
            if (f->kind == FlagKind::String) line += " (default " + goQuote(f->defaultValue) + ")";
            else line += " (default " + f->defaultValue + ")";
        }
        lines.push_back(std::move(line));
    }

    std::string out;
    for (const std::string& line : lines) {
        const size_t sidx = line.find('\0');
        // Go's Fprintln puts a space between its three operands.
        out += line.substr(0, sidx) + " " + std::string(maxlen - sidx, ' ') + " " +
               wrap(int(maxlen) + 2, columns, line.substr(sidx + 1)) + "\n";
    }
    return out;
}

std::string helpText(const CommandSpec& command, int columns) {
    // docker/cli cli/cobra.go: helpTemplate "\n{{.UsageString}}" around usageTemplate.
    std::string out = "\nUsage:  " + command.usageLine() + "\n\n" + command.description;
    if (!command.aliases.empty()) {
        out += "\n\nAliases:\n  ";
        for (size_t i = 0; i < command.aliases.size(); ++i) out += (i ? ", " : "") + command.aliases[i];
    }
    const bool anyVisible =
        std::any_of(command.flags.begin(), command.flags.end(), [](const FlagSpec& f) { return !f.hidden; });
    if (anyVisible) out += "\n\nOptions:\n" + rightTrimmed(flagUsages(command.flags, columns));
    return out + "\n";
}

std::string goQuote(std::string_view s) { return strconvQuote(s); }

}  // namespace sim::cli
