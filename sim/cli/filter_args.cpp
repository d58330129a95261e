#include "sim/cli/filter_args.hpp"

#include "sim/core/linear_regex.hpp"

#include <algorithm>
#include <cctype>

namespace sim::cli {

namespace {

std::string trimSpace(std::string_view s) {
    const auto isSpace = [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; };
    while (!s.empty() && isSpace(s.front())) s.remove_prefix(1);
    while (!s.empty() && isSpace(s.back())) s.remove_suffix(1);
    return std::string(s);
}

}  // namespace

core::Result<FilterArgs> FilterArgs::parse(const std::vector<std::string>& flagValues) {
    FilterArgs args;
    for (const auto& value : flagValues) {
        if (value.empty()) continue;
        const auto eq = value.find('=');
        if (eq == std::string::npos)
            return core::fail(core::ErrorCode::InvalidArgument, "bad format of filter (expected name=value)");
        std::string key = trimSpace(std::string_view(value).substr(0, eq));
        std::transform(key.begin(), key.end(), key.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        args.add(key, trimSpace(std::string_view(value).substr(eq + 1)));
    }
    return args;
}

std::vector<std::string> FilterArgs::get(std::string_view key) const {
    auto it = m_fields.find(key);
    if (it == m_fields.end()) return {};
    return {it->second.begin(), it->second.end()};
}

core::Result<void> FilterArgs::validate(const std::set<std::string, std::less<>>& accepted) const {
    for (const auto& [key, values] : m_fields)
        if (!accepted.contains(key)) return core::fail(core::ErrorCode::InvalidArgument, "invalid filter '" + key + "'");
    return {};
}

bool FilterArgs::exactMatch(std::string_view key, std::string_view source) const {
    auto it = m_fields.find(key);
    if (it == m_fields.end() || it->second.empty()) return true;
    return it->second.contains(std::string(source));
}

bool FilterArgs::match(std::string_view key, std::string_view source) const {
    if (exactMatch(key, source)) return true;
    auto it = m_fields.find(key);
    const std::string text(source);
    for (const auto& pattern : it->second) {
        // Go's regexp (RE2, linear time); a pattern that does not compile is skipped, as
        // regexp.MatchString's error makes the daemon skip it.
        if (auto re = core::LinearRegex::compile(pattern, core::LinearRegex::Syntax::Go); re && re->search(text)) return true;
    }
    return false;
}

bool FilterArgs::matchKVList(std::string_view key, const std::map<std::string, std::string>& labels) const {
    auto it = m_fields.find(key);
    if (it == m_fields.end() || it->second.empty()) return true;
    if (labels.empty()) return false;
    for (const auto& value : it->second) {
        const auto eq = value.find('=');
        const auto found = labels.find(value.substr(0, eq));
        if (found == labels.end()) return false;
        if (eq != std::string::npos && found->second != value.substr(eq + 1)) return false;
    }
    return true;
}

}  // namespace sim::cli
