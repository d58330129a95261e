#include "sim/cli/network_filters.hpp"

#include <algorithm>
#include <cctype>

#include "sim/cli/docker_views.hpp"
#include "sim/cli/flag_parser.hpp"

namespace sim::cli {

using core::ErrorCode;
using core::fail;
using docker::DockerEngine;
using docker::Network;

namespace {

constexpr std::int64_t kNanosPerSecond = 1'000'000'000;

bool hasContainers(const DockerEngine& engine, const Network& n) {
    for (const auto& epId : n.endpointIds) {
        const docker::Endpoint* ep = engine.endpoint(epId);
        const docker::Container* c = ep ? engine.findContainer(ep->containerId) : nullptr;
        if (c && c->isRunning()) return true;
    }
    return false;
}

bool allDigits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

/// api/types/time parseTimestamp: "SECONDS" or "SECONDS.NANOS".
std::optional<std::int64_t> unixTimestamp(std::string_view value) {
    const auto dot = value.find('.');
    const std::string_view secs = value.substr(0, dot);
    if (!allDigits(secs) || secs.size() > 12) return std::nullopt;
    std::int64_t nanos = 0;
    if (dot != std::string_view::npos) {
        std::string frac(value.substr(dot + 1));
        if (!allDigits(frac) || frac.size() > 9) return std::nullopt;
        frac.resize(9, '0');
        nanos = std::stoll(frac);
    }
    return std::stoll(std::string(secs)) * kNanosPerSecond + nanos;
}

/// The layout GetTimestamp picks for a value (api/types/time/timestamp.go).
std::string goLayoutFor(std::string_view value) {
    const bool local = !(value.find_first_of("zZ+") != std::string_view::npos || std::count(value.begin(), value.end(), '-') == 3);
    if (value.find('.') != std::string_view::npos) return local ? "2006-01-02T15:04:05.999999999" : "2006-01-02T15:04:05.999999999Z07:00";
    if (value.find('T') != std::string_view::npos) {
        auto colons = std::count(value.begin(), value.end(), ':');
        if (!local && value.find_first_of("zZ") == std::string_view::npos && colons > 0) --colons;
        if (colons == 0) return local ? "2006-01-02T15" : "2006-01-02T15Z07:00";
        if (colons == 1) return local ? "2006-01-02T15:04" : "2006-01-02T15:04Z07:00";
        return local ? "2006-01-02T15:04:05" : "2006-01-02T15:04:05Z07:00";
    }
    return local ? "2006-01-02" : "2006-01-02Z07:00";
}

/// A date or date-time in one of GetTimestamp's layouts; a missing zone is the daemon's (UTC).
std::optional<std::int64_t> dateTime(std::string_view v) {
    std::string text(v);
    if (text.size() == 10) text += "T00:00:00";
    else if (text.size() == 13) text += ":00:00";
    else if (text.size() == 16) text += ":00";
    const bool zoned = text.size() > 19 && text.find_first_of("zZ+-", 19) != std::string::npos;
    if (!zoned) text += "Z";
    return parseRfc3339(text);
}

core::Result<std::int64_t> untilTimestamp(std::string_view value, std::int64_t nowNanos) {
    if (value != "0") {
        if (auto d = parseGoDuration(std::string(value))) return nowNanos - d->count();
    }
    if (auto t = dateTime(value)) return *t;
    if (value.find('-') != std::string_view::npos) {
        if (value.size() >= 7 && allDigits(value.substr(0, 4)) && value[4] == '-' && allDigits(value.substr(5, 2)) &&
            (std::stoi(std::string(value.substr(5, 2))) < 1 || std::stoi(std::string(value.substr(5, 2))) > 12))
            return fail(ErrorCode::InvalidArgument,
                        "parsing time \"" + std::string(value) + "\" as \"" + goLayoutFor(value) + "\": month out of range");
        return fail(ErrorCode::InvalidArgument, "parsing time \"" + std::string(value) + "\" as \"" + goLayoutFor(value) +
                                                    "\": cannot parse \"" + std::string(value) + "\" as \"2006\"");
    }
    if (auto t = unixTimestamp(value)) return *t;
    return fail(ErrorCode::InvalidArgument, "failed to parse value as time or duration: \"" + std::string(value) + "\"");
}

}  // namespace

core::Result<std::vector<const Network*>> filterNetworks(const DockerEngine& engine, std::vector<const Network*> networks,
                                                        const FilterArgs& filters) {
    static const std::set<std::string, std::less<>> kAccepted = {"dangling", "driver", "id", "label", "name", "scope", "type"};
    if (auto valid = filters.validate(kAccepted); !valid) return std::unexpected(valid.error());
    if (filters.empty()) return networks;

    std::vector<const Network*> shown;
    for (const Network* n : networks) {
        const std::string driver(docker::toString(n->driver));
        if (filters.contains("driver") && !filters.exactMatch("driver", driver)) continue;
        if (filters.contains("name") && !filters.match("name", n->name)) continue;
        if (filters.contains("id") && !filters.match("id", n->id)) continue;
        if (filters.contains("label") && !filters.matchKVList("label", n->labels)) continue;
        if (filters.contains("scope") && !filters.exactMatch("scope", "local")) continue;
        shown.push_back(n);
    }

    if (const auto values = filters.get("dangling"); !values.empty()) {
        if (values.size() > 1) return fail(ErrorCode::InvalidArgument, "got more than one value for filter key \"dangling\"");
        bool danglingOnly = false;
        if (values[0] == "1" || values[0] == "true") danglingOnly = true;
        else if (values[0] != "0" && values[0] != "false")
            return fail(ErrorCode::InvalidArgument,
                        "invalid value for filter 'dangling', must be \"true\" (or \"1\"), or \"false\" (or \"0\")");
        std::erase_if(shown, [&](const Network* n) {
            const bool used = n->predefined || hasContainers(engine, *n);
            return danglingOnly ? used : !used;
        });
    }

    if (filters.contains("type")) {
        std::vector<const Network*> typed;
        for (const auto& type : filters.get("type")) {
            if (type != "custom" && type != "builtin") return fail(ErrorCode::InvalidArgument, "invalid filter: 'type'='" + type + "'");
            for (const Network* n : shown)
                if (n->predefined == (type == "builtin")) typed.push_back(n);
        }
        shown = std::move(typed);
    }
    return shown;
}

core::Result<std::int64_t> untilTimestampNanos(std::string_view value, std::int64_t nowNanos) {
    return untilTimestamp(value, nowNanos);
}

bool NetworkPruneFilter::selects(const DockerEngine& engine, const Network& n) const {
    if (untilUnixNanos && wallClockNanos(engine, n.created) > *untilUnixNanos) return false;
    if (!args.matchKVList("label", n.labels)) return false;
    // MatchKVList is true for a key without values, hence the explicit contains (prune.go).
    if (args.contains("label!") && args.matchKVList("label!", n.labels)) return false;
    return true;
}

core::Result<NetworkPruneFilter> networkPruneFilter(const DockerEngine& engine, const FilterArgs& filters) {
    static const std::set<std::string, std::less<>> kAccepted = {"label", "label!", "until"};
    if (auto valid = filters.validate(kAccepted); !valid) return std::unexpected(valid.error());
    NetworkPruneFilter out;
    out.args = filters;
    if (filters.contains("until")) {
        const auto values = filters.get("until");
        if (values.size() > 1) return fail(ErrorCode::InvalidArgument, "more than one until filter specified");
        auto until = untilTimestamp(values.empty() ? "" : values[0], wallClockNanos(engine, engine.kernel().now()));
        if (!until) return std::unexpected(until.error());
        out.untilUnixNanos = *until;
    }
    return out;
}

}  // namespace sim::cli
