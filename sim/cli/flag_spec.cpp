// FlagSpec's constructors: how the commands' flag tables are written.
#include "sim/cli/flag_parser.hpp"

#include <utility>

namespace sim::cli {

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

}  // namespace sim::cli
