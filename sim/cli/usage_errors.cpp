// docker's usage errors: pflag errors and cobra's argument-count check in docker/cli's wording.
#include "sim/cli/flag_parser.hpp"

namespace sim::cli {
namespace {

using core::ErrorCode;

std::string pluralize(const char* word, int n) { return n == 1 ? word : std::string(word) + "s"; }

std::string firstWord(const std::string& s) { return s.substr(0, s.find(' ')); }

}  // namespace

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

}  // namespace sim::cli
