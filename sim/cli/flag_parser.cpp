// pflag's parse: argv against a table of FlagSpecs, with pflag's syntax and error texts.
#include "sim/cli/flag_parser.hpp"
#include "sim/cli/flag_parser_internal.hpp"

#include <cstdio>

namespace sim::cli {
namespace {

using core::ErrorCode;
using flag_detail::parseGoBool;
using flag_detail::parseGoInt;

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

}  // namespace

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

}  // namespace sim::cli
