// Command-line flags the way the docker CLI parses them (spf13/pflag under spf13/cobra):
// a table of FlagSpecs per command, pflag's syntax and error texts, cobra's argument-count
// checks with docker/cli's messages (cli/required.go), and docker-style --help text.
//
// Syntax (pflag): --name web, --name=web, -p 80:80, -p80:80, -p=80:80, bool groups -itd,
// a value-taking shorthand at the end of a group (-dp 80:80), --rm / --rm=false (a bool never
// takes the next argument), `--` ends the flags, repeated list flags accumulate. With
// interspersed == false (docker run / exec) the first positional argument ends the flags:
// everything after IMAGE belongs to the container's command.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sim/core/error.hpp"

namespace sim::cli {

enum class FlagKind {
    Bool,
    String,
    StringList,   // repeatable, values kept as given (docker's opts.ListOpts, pflag stringArray): -e, -p, --link
    StringSlice,  // repeatable, each value also split on commas (pflag stringSlice): network create --subnet
    Int,          // Go strconv.ParseInt(s, 0, 64): 10, 0x1f, -3
    Duration,     // Go time.ParseDuration: 10s, 1m30s, 250ms
};

struct FlagSpec {
    std::string longName;  // "publish" for --publish
    char shortName = 0;    // 'p' for -p; 0 for none
    FlagKind kind = FlagKind::String;
    /// Initial value for Bool ("false"/"true"), String, Int ("0") and Duration ("0s"). For
    /// the list kinds it is only shown in help ("(default map[])"); the list starts empty.
    std::string defaultValue;
    bool hidden = false;  // parsed but left out of help (--net, --alias)
    std::string usage;    // help text; a `back-quoted` word becomes the value name, like pflag
    /// Which value this flag sets; empty means longName. Aliases are FlagSpecs sharing a key:
    /// --net sets "network", --alias sets "network-alias".
    std::string key;
    /// The value name in help ("list", "network", "map"); empty: from kind (string, list,
    /// strings, int, duration; none for bool).
    std::string typeName;

    [[nodiscard]] const std::string& valueKey() const { return key.empty() ? longName : key; }

    static FlagSpec boolean(std::string name, char shorthand, std::string usage);
    static FlagSpec string(std::string name, char shorthand, std::string usage, std::string defaultValue = {});
    static FlagSpec list(std::string name, char shorthand, std::string usage, std::string typeName = "list");
    static FlagSpec slice(std::string name, char shorthand, std::string usage);
    static FlagSpec integer(std::string name, char shorthand, std::string usage, std::string defaultValue = "0");
    static FlagSpec duration(std::string name, char shorthand, std::string usage, std::string defaultValue = "0s");
    /// Another spelling of this flag (same kind and key), hidden unless told otherwise.
    [[nodiscard]] FlagSpec alias(std::string name, char shorthand = 0, bool hiddenAlias = true) const;
    [[nodiscard]] FlagSpec asHidden() const;
};

struct FlagValue {
    FlagKind kind = FlagKind::String;
    bool changed = false;           // set on the command line
    std::string text;               // the scalar value as text (the default until set)
    bool boolean = false;
    std::int64_t integer = 0;
    std::chrono::nanoseconds duration{0};
    std::vector<std::string> list;  // list kinds
};

struct ParsedFlags {
    std::map<std::string, FlagValue, std::less<>> values;  // by value key, every flag of the table
    std::vector<std::string> args;                          // positional arguments, in order
    int argsLenAtDash = -1;  // how many args came before `--` (-1: there was no `--`)
    bool helpRequested = false;  // --help, or -h when the command has no -h of its own
    /// What pflag prints on stderr while parsing: "Flag shorthand -h has been deprecated, use --help".
    std::vector<std::string> notices;
    /// (key, value) of every flag as given, in command-line order.
    std::vector<std::pair<std::string, std::string>> occurrences;

    /// Unknown keys read as unset defaults (false, "", 0, empty list).
    [[nodiscard]] bool changed(std::string_view key) const;
    [[nodiscard]] bool getBool(std::string_view key) const;
    [[nodiscard]] std::string getString(std::string_view key) const;
    [[nodiscard]] std::int64_t getInt(std::string_view key) const;
    [[nodiscard]] std::chrono::nanoseconds getDuration(std::string_view key) const;
    [[nodiscard]] std::vector<std::string> getList(std::string_view key) const;
};

/// pflag's parse. Errors (ErrorCode::InvalidArgument) are pflag's texts:
///   unknown flag: --foo                      unknown shorthand flag: 'x' in -x
///   flag needs an argument: --name           flag needs an argument: 'p' in -p
///   bad flag syntax: ---x
///   invalid argument "abc" for "-c, --count" flag: strconv.ParseInt: parsing "abc": invalid syntax
/// docker prints them through flagErrorMessage (exit status 125).
core::Result<ParsedFlags> parseFlags(const std::vector<FlagSpec>& flags, const std::vector<std::string>& argv,
                                     bool interspersed = true);

/// How many positional arguments a command takes (docker/cli cli/required.go).
struct ArgCount {
    enum class Rule { Any, None, Exact, AtLeast, AtMost, Range };
    Rule rule = Rule::Any;
    int min = 0;
    int max = 0;

    static ArgCount any() { return {}; }
    static ArgCount none() { return {Rule::None, 0, 0}; }
    static ArgCount exactly(int n) { return {Rule::Exact, n, n}; }
    static ArgCount atLeast(int n) { return {Rule::AtLeast, n, 0}; }
    static ArgCount atMost(int n) { return {Rule::AtMost, 0, n}; }
    static ArgCount range(int lo, int hi) { return {Rule::Range, lo, hi}; }
};

struct CommandSpec {
    std::string path;         // "docker network create"
    std::string use;          // "[OPTIONS] NETWORK": the usage line after the path
    std::string description;  // cobra's Short: "Create a network"
    /// Shown under "Aliases:" in help, e.g. {"docker container run", "docker run"}; empty: none.
    std::vector<std::string> aliases;
    std::vector<FlagSpec> flags;
    ArgCount args;
    bool interspersed = true;  // false: the first positional argument ends the flags (run, exec)

    [[nodiscard]] std::string usageLine() const { return use.empty() ? path : path + " " + use; }
};

/// Which docker CLI's wording to use for usage errors.
enum class CliStyle {
    Legacy,   // docker CLI up to 27: "\"docker network create\" requires exactly 1 argument.\nSee '...'."
    Current,  // docker CLI 28+: "docker: 'docker network create' requires 1 argument\n\nUsage: ..."
};

core::Result<ParsedFlags> parseFlags(const CommandSpec& command, const std::vector<std::string>& argv);

/// A pflag error as docker prints it (after it, docker exits 125):
///   Legacy:  "unknown flag: --foo\nSee 'docker run --help'."
///   Current: "unknown flag: --foo\n\nUsage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nRun 'docker run --help' for more information"
std::string flagErrorMessage(const CommandSpec& command, std::string_view pflagError, CliStyle style = CliStyle::Legacy);

/// cobra's argument check with docker/cli's messages (docker exits 1 on these), e.g. Legacy:
///   "docker network create" requires exactly 1 argument.
///   See 'docker network create --help'.
///
///   Usage:  docker network create [OPTIONS] NETWORK
///
///   Create a network
core::Result<void> checkArgCount(const CommandSpec& command, const std::vector<std::string>& args,
                                 CliStyle style = CliStyle::Legacy);

/// parseFlags, then (unless --help was given) checkArgCount; errors in docker's final wording
/// (flagErrorMessage for flag errors).
core::Result<ParsedFlags> parseCommandLine(const CommandSpec& command, const std::vector<std::string>& argv,
                                           CliStyle style = CliStyle::Legacy);

/// pflag's FlagUsagesWrapped: one line per visible flag, sorted by name, wrapped to `columns`
/// (docker uses the terminal width - 1; 79 when not a terminal; 0: no wrapping).
std::string flagUsages(const std::vector<FlagSpec>& flags, int columns = 79);

/// What `docker <command> --help` prints on stdout (docker's usage template): a blank line,
/// "Usage:  <usage line>", the description, "Aliases:" and "Options:" sections.
std::string helpText(const CommandSpec& command, int columns = 79);

/// Go's time.ParseDuration ("24h", "1h30m", "1.5s", "-2m"); the error is Go's
/// `time: invalid duration "x"`.
core::Result<std::chrono::nanoseconds> parseGoDuration(const std::string& text);

/// Go's strconv.Quote for the texts above: "a\"b" -> "\"a\\\"b\"".
std::string goQuote(std::string_view s);

}  // namespace sim::cli
