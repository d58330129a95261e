#include "sim/cli/container_filters.hpp"

#include <algorithm>
#include <charconv>
#include <set>

#include "sim/cli/docker_view_util.hpp"

namespace sim::cli {

using core::ErrorCode;
using core::fail;
using docker::Container;
using docker::DockerEngine;

namespace {

/// strconv.ParseUint(s, 10, 16) and strconv.Atoi's error texts.
core::Result<std::uint64_t> parseUint16(const std::string& s) {
    std::uint64_t v = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    const bool digitsOnly = !s.empty() && end == s.data() + s.size() && s.find_first_not_of("0123456789") == std::string::npos;
    if (!digitsOnly) return fail(ErrorCode::InvalidArgument, "strconv.ParseUint: parsing \"" + s + "\": invalid syntax");
    if (ec == std::errc::result_out_of_range || v > 65535)
        return fail(ErrorCode::InvalidArgument, "strconv.ParseUint: parsing \"" + s + "\": value out of range");
    return v;
}

core::Result<int> parseAtoi(const std::string& s) {
    int v = 0;
    const char* first = s.data() + (s.starts_with('+') ? 1 : 0);
    const auto [end, ec] = std::from_chars(first, s.data() + s.size(), v);
    if (s.empty() || end != s.data() + s.size() || ec == std::errc::invalid_argument)
        return fail(ErrorCode::InvalidArgument, "strconv.Atoi: parsing \"" + s + "\": invalid syntax");
    if (ec == std::errc::result_out_of_range)
        return fail(ErrorCode::InvalidArgument, "strconv.Atoi: parsing \"" + s + "\": value out of range");
    return v;
}

/// One publish/expose value: ports start..end of one protocol.
struct PortRange {
    std::string proto;
    std::uint64_t start = 0, end = 0;
    [[nodiscard]] bool holds(std::uint16_t port, std::string_view type) const {
        return type == proto && port >= start && port <= end;
    }
};

/// portOp: nat.SplitProtoPort, then nat.ParsePortRange.
core::Result<PortRange> portFilter(const std::string& key, const std::string& value) {
    if (value.find(':') != std::string::npos)
        return fail(ErrorCode::InvalidArgument, "filter for '" + key + "' should not contain ':': " + value);
    std::string proto = "tcp", port = value;
    if (const auto slash = value.find('/'); slash != std::string::npos) {
        port = value.substr(0, slash);
        const std::string rest = value.substr(slash + 1);
        const std::string second = rest.substr(0, rest.find('/'));
        if (!second.empty()) proto = second;
    }
    if (port.empty()) proto.clear();  // SplitProtoPort gives ("", "") for an empty port
    auto lookupError = [&](const std::string& why) {
        return fail(ErrorCode::InvalidArgument, "error while looking up for " + key + " " + value + ": " + why);
    };
    if (port.empty()) return lookupError("empty string specified for ports");
    PortRange range{proto, 0, 0};
    const auto dash = port.find('-');
    auto start = parseUint16(port.substr(0, dash));
    if (!start) return lookupError(start.error().message);
    range.start = range.end = *start;
    if (dash != std::string::npos) {
        // ParsePortRange reads only the first two '-' separated parts.
        const std::string rest = port.substr(dash + 1);
        auto end = parseUint16(rest.substr(0, rest.find('-')));
        if (!end) return lookupError(end.error().message);
        if (*end < *start) return lookupError("invalid range specified for port: " + port);
        range.end = *end;
    }
    return range;
}

core::Result<std::vector<PortRange>> portFilters(const FilterArgs& filters, const std::string& key) {
    std::vector<PortRange> out;
    for (const auto& value : filters.get(key)) {
        auto r = portFilter(key, value);
        if (!r) return std::unexpected(r.error());
        out.push_back(*r);
    }
    return out;
}

/// idOrNameFilter: view.Get is an exact full-id lookup; then an exact name, "/" ignored.
core::Result<const Container*> idOrName(const std::vector<const Container*>& all, const std::string& value) {
    const std::string bare = value.starts_with('/') ? value.substr(1) : value;
    for (const Container* c : all)
        if (c->id == value) return c;
    for (const Container* c : all)
        if (c->name == bare) return c;
    return fail(ErrorCode::NotFound, "no such container " + value);
}

/// The last value in the daemon's walk order (sorted here) wins; every one must resolve.
core::Result<const Container*> containerAnchor(const std::vector<const Container*>& all, const FilterArgs& filters,
                                               const std::string& key) {
    const Container* anchor = nullptr;
    for (const auto& value : filters.get(key)) {
        auto c = idOrName(all, value);
        if (!c) return std::unexpected(c.error());
        anchor = *c;
    }
    return anchor;
}

std::string stateString(const Container& c) { return std::string(docker::toString(c.status)); }

/// NetworkSettings.Networks: the configured networks, stopped containers' too (keyed by name);
/// the NetworkID a prefix is matched against is set once the container has started. A
/// container-mode container has none.
bool onNetwork(const DockerEngine& engine, const Container& c, const FilterArgs& filters) {
    if (c.config.network.isContainer()) return false;
    for (const auto& value : filters.get("network")) {
        for (const auto& ref : c.networks) {
            const docker::Network* n = engine.findNetwork(ref);
            if ((n ? n->name : ref) == value) return true;
            if (n && c.everStarted && n->id.starts_with(value)) return true;
        }
    }
    return false;
}

/// The daemon resolves each value as an image (a reference or an id, of a local image; an
/// unknown one is only logged) and keeps containers created from it. Its children would match
/// too, but BuildKit, v27's builder, records no parent image, so no image has any.
bool fromAncestor(const DockerEngine& engine, const Container& c, const FilterArgs& filters) {
    const auto local = engine.images().list();
    for (const auto& value : filters.get("ancestor")) {
        const docker::ImageConfig* image = engine.images().find(value);
        if (image && std::find(local.begin(), local.end(), image) != local.end() && image->id == c.imageId) return true;
    }
    return false;
}

/// The ports `docker ps` shows (NetworkSettings.Ports): a published one by its host port, an
/// exposed-only one has host port 0, as the daemon's types.Port has.
bool matchesPorts(const DockerEngine& engine, const Container& c, const std::vector<PortRange>& publish,
                  const std::vector<PortRange>& expose) {
    auto any = [](const std::vector<PortRange>& ranges, std::uint16_t port, std::string_view type) {
        for (const auto& r : ranges)
            if (r.holds(port, type)) return true;
        return false;
    };
    for (const auto& e : views::portMap(engine, c)) {
        const std::string_view type = docker::toString(e.proto);
        std::vector<std::uint16_t> publicPorts;
        if (e.bindings.empty()) publicPorts.push_back(0);
        for (const auto& b : e.bindings) publicPorts.push_back(static_cast<std::uint16_t>(std::stoi(b.hostPort)));
        for (const auto publicPort : publicPorts)
            if (any(publish, publicPort, type) || any(expose, e.port, type)) return true;
    }
    return false;
}

/// filterByNameIDMatches: with id or name filters, only containers an id value names as a
/// unique prefix and (then) whose name matches; newest first either way.
std::vector<const Container*> candidates(const std::vector<const Container*>& all, const FilterArgs& filters) {
    std::vector<const Container*> newestFirst(all.rbegin(), all.rend());
    const auto ids = filters.get("id");
    const auto names = filters.get("name");
    if (ids.empty() && names.empty()) return newestFirst;
    std::set<const Container*> byId;
    for (const auto& prefix : ids) {
        if (prefix.empty()) continue;  // GetByPrefix refuses an empty prefix
        const Container* found = nullptr;
        int count = 0;
        for (const Container* c : all)
            if (c->id.starts_with(prefix)) found = c, ++count;
        if (count == 1) byId.insert(found);
    }
    std::vector<const Container*> out;
    for (const Container* c : newestFirst) {
        if (!ids.empty() && !byId.contains(c)) continue;
        if (!names.empty() && !filters.match("name", "/" + c->name) && !filters.match("name", c->name)) continue;
        out.push_back(c);
    }
    return out;
}

}  // namespace

core::Result<std::vector<const Container*>> listContainers(const DockerEngine& engine, const ContainerListRequest& request) {
    static const std::set<std::string, std::less<>> kAccepted = {"ancestor", "before", "exited", "expose",  "health",
                                                                 "id",       "is-task", "isolation", "label", "name",
                                                                 "network",  "publish", "since",  "status", "volume"};
    const FilterArgs& filters = request.filters;
    if (auto valid = filters.validate(kAccepted); !valid) return std::unexpected(valid.error());

    // foldFilter, in its order: the first bad value is the error.
    std::vector<int> exitAllowed;
    for (const auto& value : filters.get("exited")) {
        auto code = parseAtoi(value);
        if (!code) return std::unexpected(code.error());
        exitAllowed.push_back(*code);
    }
    bool all = request.all;
    static const std::set<std::string> kStates = {"created", "restarting", "running", "removing", "paused", "exited", "dead"};
    for (const auto& value : filters.get("status")) {
        if (!kStates.contains(value))
            return fail(ErrorCode::InvalidArgument, "invalid filter 'status=" + value + "': Invalid filter 'status=" + value + "'");
        all = true;
    }
    std::optional<bool> isTask;
    if (filters.contains("is-task")) {
        if (filters.exactMatch("is-task", "true")) isTask = true;
        else if (filters.exactMatch("is-task", "false")) isTask = false;
        else {
            std::string values;
            for (const auto& v : filters.get("is-task")) values += (values.empty() ? "" : " ") + v;
            return fail(ErrorCode::InvalidArgument, "Invalid filter 'is-task=[" + values + "]'");
        }
    }
    static const std::set<std::string> kHealth = {"starting", "healthy", "unhealthy", "none"};
    for (const auto& value : filters.get("health"))
        if (!kHealth.contains(value))
            return fail(ErrorCode::InvalidArgument, "Unrecognised filter value for health: " + value);
    const auto everyContainer = engine.containers();
    auto before = containerAnchor(everyContainer, filters, "before");
    if (!before) return std::unexpected(before.error());
    auto since = containerAnchor(everyContainer, filters, "since");
    if (!since) return std::unexpected(since.error());
    auto publish = portFilters(filters, "publish");
    if (!publish) return std::unexpected(publish.error());
    auto expose = portFilters(filters, "expose");
    if (!expose) return std::unexpected(expose.error());

    // includeContainerInList over the candidates, newest first.
    const Container* beforeAnchor = *before;
    std::vector<const Container*> shown;
    for (const Container* c : candidates(everyContainer, filters)) {
        if (beforeAnchor) {
            if (c == beforeAnchor) beforeAnchor = nullptr;
            continue;
        }
        if (*since && c == *since) break;
        if (!c->isRunningOrRestarting() && !all && request.limit <= 0) continue;
        if (!filters.match("name", "/" + c->name) && !filters.match("name", c->name)) continue;
        if (!filters.match("id", c->id)) continue;
        if (isTask && *isTask) continue;  // no container is a swarm task
        if (!filters.matchKVList("label", views::containerLabels(views::imageOf(engine, *c), c->config))) continue;
        if (request.limit > 0 && static_cast<int>(shown.size()) == request.limit) break;
        if (!exitAllowed.empty()) {
            const bool stopped = !c->isRunningOrRestarting() && c->everStarted;
            if (!stopped || std::find(exitAllowed.begin(), exitAllowed.end(), c->exitCode) == exitAllowed.end()) continue;
        }
        if (!filters.match("status", stateString(*c))) continue;
        if (!filters.exactMatch("health", "none")) continue;  // no health checks: every container is "none"
        if (filters.contains("volume")) continue;              // no mounts: no volume value names one
        if (filters.contains("ancestor") && !fromAncestor(engine, *c, filters)) continue;
        if (filters.contains("network") && !onNetwork(engine, *c, filters)) continue;
        if ((!publish->empty() || !expose->empty()) && !matchesPorts(engine, *c, *publish, *expose)) continue;
        shown.push_back(c);
    }
    return shown;
}

}  // namespace sim::cli
