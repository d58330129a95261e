// docker-style --help text: pflag's FlagUsagesWrapped and docker/cli's usage template.
#include "sim/cli/flag_parser.hpp"

#include <algorithm>

namespace sim::cli {
namespace {

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

std::string rightTrimmed(std::string s) {
    while (!s.empty() && (s.back() == ' ' || s.back() == '\n' || s.back() == '\t')) s.pop_back();
    return s;
}

}  // namespace

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

}  // namespace sim::cli
