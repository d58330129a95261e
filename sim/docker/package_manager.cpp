// The package managers' shared part (package_manager.hpp): the software an image starts a
// container with, and the helpers apt_get.cpp, apk.cpp and microdnf.cpp share.
#include "sim/docker/package_manager.hpp"

#include <cstdio>

#include "sim/docker/image_catalog.hpp"
#include "sim/docker/package_manager_internal.hpp"

namespace sim::docker {

InstalledSoftware softwareOf(const ImageConfig& image) {
    return InstalledSoftware{image.tools, image.packages, image.aptListsPresent};
}

namespace pkg_detail {

std::vector<std::string> words(std::string_view s) {
    std::vector<std::string> out;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && s[i] == ' ') ++i;
        const std::size_t start = i;
        while (i < s.size() && s[i] != ' ') ++i;
        if (i > start) out.emplace_back(s.substr(start, i - start));
    }
    return out;
}

std::string joined(const std::vector<std::string>& v) {
    std::string out;
    for (const auto& w : v) out += (out.empty() ? "" : " ") + w;
    return out;
}

std::string aptSize(double bytes) {
    static const char* units[] = {"", "k", "M", "G", "T"};
    int u = 0;
    while (true) {
        if (bytes < 100 && u != 0) {
            char b[32];
            std::snprintf(b, sizeof b, "%.1f %sB", bytes, units[u]);
            return b;
        }
        if (bytes < 10000 || u == 4) {
            char b[32];
            std::snprintf(b, sizeof b, "%.0f %sB", bytes, units[u]);
            return b;
        }
        bytes /= 1000.0;
        ++u;
    }
}

void addTools(InstalledSoftware& sw, const Pkg& p) {
    for (auto& t : words(p.tools)) sw.tools.insert(t);
}

void removeTools(InstalledSoftware& sw, const Pkg& p) {
    for (auto& t : words(p.tools)) sw.tools.erase(t);
}

}  // namespace pkg_detail

}  // namespace sim::docker
