#include "sim/cli/image_filters.hpp"

#include <algorithm>
#include <optional>
#include <set>

#include "sim/cli/docker_views.hpp"
#include "sim/cli/network_filters.hpp"

namespace sim::cli {

using core::ErrorCode;
using core::fail;
using docker::ImageConfig;

namespace {

// Go's path.Match, byte-wise (image references are ASCII): the pattern in chunks of literal
// text, each after an optional run of stars.
struct BadPattern {};

void scanChunk(std::string_view& pattern, bool& star, std::string_view& chunk) {
    star = false;
    while (!pattern.empty() && pattern.front() == '*') {
        pattern.remove_prefix(1);
        star = true;
    }
    bool inRange = false;
    std::size_t i = 0;
    for (; i < pattern.size(); ++i) {
        const char c = pattern[i];
        if (c == '\\') {
            if (i + 1 < pattern.size()) ++i;
        } else if (c == '[') {
            inRange = true;
        } else if (c == ']') {
            inRange = false;
        } else if (c == '*' && !inRange) {
            break;
        }
    }
    chunk = pattern.substr(0, i);
    pattern.remove_prefix(i);
}

/// getEsc: one class character, unescaped; throws nothing, reports a bad pattern.
std::optional<char> classChar(std::string_view& chunk) {
    if (chunk.empty() || chunk.front() == '-' || chunk.front() == ']') return std::nullopt;
    if (chunk.front() == '\\') {
        chunk.remove_prefix(1);
        if (chunk.empty()) return std::nullopt;
    }
    const char c = chunk.front();
    chunk.remove_prefix(1);
    if (chunk.empty()) return std::nullopt;
    return c;
}

/// matchChunk: the rest of `s` after `chunk` matched its start, nullopt when it does not;
/// BadPattern (as an error) when the chunk is malformed, even after a mismatch.
core::Result<std::optional<std::string_view>> matchChunk(std::string_view chunk, std::string_view s) {
    const auto bad = [] { return fail(ErrorCode::InvalidArgument, "syntax error in pattern"); };
    bool failed = false;
    while (!chunk.empty()) {
        if (!failed && s.empty()) failed = true;
        const char c = chunk.front();
        if (c == '[') {
            char r = 0;
            if (!failed) {
                r = s.front();
                s.remove_prefix(1);
            }
            chunk.remove_prefix(1);
            bool negated = false;
            if (!chunk.empty() && chunk.front() == '^') {
                negated = true;
                chunk.remove_prefix(1);
            }
            bool match = false;
            int ranges = 0;
            for (;;) {
                if (!chunk.empty() && chunk.front() == ']' && ranges > 0) {
                    chunk.remove_prefix(1);
                    break;
                }
                const auto lo = classChar(chunk);
                if (!lo) return bad();
                char hi = *lo;
                if (chunk.front() == '-') {
                    chunk.remove_prefix(1);
                    const auto h = classChar(chunk);
                    if (!h) return bad();
                    hi = *h;
                }
                if (*lo <= r && r <= hi) match = true;
                ++ranges;
            }
            if (match == negated) failed = true;
        } else if (c == '?') {
            if (!failed) {
                if (s.front() == '/') failed = true;
                s.remove_prefix(1);
            }
            chunk.remove_prefix(1);
        } else {
            if (c == '\\') {
                chunk.remove_prefix(1);
                if (chunk.empty()) return bad();
            }
            if (!failed) {
                if (chunk.front() != s.front()) failed = true;
                s.remove_prefix(1);
            }
            chunk.remove_prefix(1);
        }
    }
    if (failed) return std::optional<std::string_view>{};
    return std::optional<std::string_view>{s};
}

/// ErrImageDoesNotExist: the reference with its tag ("redis:latest"), or the value as given.
std::string noSuchImage(const std::string& value) {
    auto ref = docker::parseImageReference(value);
    return "No such image: " + (ref ? ref->familiar() : value);
}

}  // namespace

core::Result<bool> goPathMatch(std::string_view pattern, std::string_view name) {
    while (!pattern.empty()) {
        bool star = false;
        std::string_view chunk;
        scanChunk(pattern, star, chunk);
        if (star && chunk.empty()) return name.find('/') == std::string_view::npos;  // a trailing * stops at '/'
        auto here = matchChunk(chunk, name);
        if (!here) return std::unexpected(here.error());
        if (*here && ((*here)->empty() || !pattern.empty())) {
            name = **here;
            continue;
        }
        bool advanced = false;
        if (star) {
            for (std::size_t i = 0; i < name.size() && name[i] != '/'; ++i) {
                auto later = matchChunk(chunk, name.substr(i + 1));
                if (!later) return std::unexpected(later.error());
                if (*later) {
                    if (pattern.empty() && !(*later)->empty()) continue;  // the last chunk must end the name
                    name = **later;
                    advanced = true;
                    break;
                }
            }
        }
        if (advanced) continue;
        // No match: the rest of the pattern must still be well formed.
        while (!pattern.empty()) {
            scanChunk(pattern, star, chunk);
            if (auto check = matchChunk(chunk, ""); !check) return std::unexpected(check.error());
        }
        return false;
    }
    return name.empty();
}

core::Result<std::vector<const ImageConfig*>> listImages(const docker::DockerEngine& engine, const FilterArgs& filters) {
    static const std::set<std::string, std::less<>> kAccepted = {"before", "dangling", "label", "reference", "since", "until"};
    if (auto valid = filters.validate(kAccepted); !valid) return std::unexpected(valid.error());
    const auto local = engine.images().list();

    std::optional<bool> danglingOnly;
    if (filters.contains("dangling")) {
        if (filters.exactMatch("dangling", "true")) danglingOnly = true;
        else if (filters.exactMatch("dangling", "false")) danglingOnly = false;
        else {
            std::string values;
            for (const auto& v : filters.get("dangling")) values += (values.empty() ? "" : " ") + v;
            return fail(ErrorCode::InvalidArgument, "invalid filter 'dangling=[" + values + "]'");
        }
    }
    // before/since: the named image's creation time (the last value walked wins).
    auto anchorTime = [&](const std::string& key) -> core::Result<std::optional<std::int64_t>> {
        std::optional<std::int64_t> at;
        for (const auto& value : filters.get(key)) {
            const ImageConfig* image = engine.images().find(value);
            if (!image || std::find(local.begin(), local.end(), image) == local.end())
                return fail(ErrorCode::NotFound, noSuchImage(value));
            at = parseRfc3339(image->created);
        }
        return at;
    };
    auto before = anchorTime("before");
    if (!before) return std::unexpected(before.error());
    auto since = anchorTime("since");
    if (!since) return std::unexpected(since.error());
    std::optional<std::int64_t> until;
    for (const auto& value : filters.get("until")) {
        auto t = untilTimestampNanos(value, wallClockNanos(engine, engine.kernel().now()));
        if (!t) return std::unexpected(t.error());
        until = *t;
    }

    std::vector<const ImageConfig*> shown;
    for (const ImageConfig* image : local) {
        const auto created = parseRfc3339(image->created);
        if (*before && !(created && *created < **before)) continue;
        if (*since && !(created && *created > **since)) continue;
        if (until && !(created && *created < *until)) continue;
        if (!filters.matchKVList("label", image->labels)) continue;
        if (filters.contains("reference")) {
            if (image->isDangling()) continue;  // no reference to match
            bool found = false;
            for (const auto& pattern : filters.get("reference")) {
                auto full = goPathMatch(pattern, image->reference());
                if (!full) return std::unexpected(full.error());
                found = *full || *goPathMatch(pattern, image->repository);
                if (found) break;
            }
            if (!found) continue;
        }
        if (danglingOnly && *danglingOnly != image->isDangling()) continue;
        shown.push_back(image);
    }
    return shown;
}

}  // namespace sim::cli
