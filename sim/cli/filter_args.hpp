// FilterArgs: the `--filter KEY=VALUE` set of the docker CLI as the daemon receives it
// (moby api/types/filters.Args, v23-27): a map from key to a set of values, with Args' matching
// rules. Filters of one key are OR-ed by each rule below (except MatchKVList, which wants all of
// them), filters of different keys are AND-ed by the caller, as the daemon's list code does.
#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "sim/core/error.hpp"

namespace sim::cli {

class FilterArgs {
public:
    /// The CLI's opts.FilterOpt.Set for each --filter value, in order: the key is lower-cased and
    /// both halves trimmed; an empty value is skipped. Without '=' the CLI refuses the flag:
    /// `bad format of filter (expected name=value)` (the caller words it as pflag does).
    static core::Result<FilterArgs> parse(const std::vector<std::string>& flagValues);

    void add(const std::string& key, const std::string& value) { m_fields[key].insert(value); }
    [[nodiscard]] bool empty() const { return m_fields.empty(); }
    [[nodiscard]] bool contains(std::string_view key) const { return m_fields.find(key) != m_fields.end(); }
    /// The values of `key`, sorted (Go's map order is random; sorted is one of its orders).
    [[nodiscard]] std::vector<std::string> get(std::string_view key) const;

    /// Validate(accepted): the first unknown key (in sorted order) as the daemon's error
    /// `invalid filter 'KEY'` (filters/errors.go, v23-27).
    [[nodiscard]] core::Result<void> validate(const std::set<std::string, std::less<>>& accepted) const;

    /// ExactMatch: true when `key` has no values or one of them equals `source`.
    [[nodiscard]] bool exactMatch(std::string_view key, std::string_view source) const;
    /// Match: exactMatch, or one of the values, as a Go regexp (RE2, unanchored), matches `source`.
    /// A value that is not a valid expression matches nothing.
    [[nodiscard]] bool match(std::string_view key, std::string_view source) const;
    /// MatchKVList: every value "k" names a key of `labels`, every "k=v" a key with that value;
    /// true when `key` has no values, false when `labels` is empty.
    [[nodiscard]] bool matchKVList(std::string_view key, const std::map<std::string, std::string>& labels) const;

private:
    std::map<std::string, std::set<std::string>, std::less<>> m_fields;
};

}  // namespace sim::cli
