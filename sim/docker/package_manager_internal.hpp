// Shared by the package managers' files (apt_get.cpp, apk.cpp, microdnf.cpp); private to them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "sim/docker/package_manager.hpp"
#include "sim/docker/package_tables.hpp"

namespace sim::docker::pkg_detail {

/// Space-separated words ("a b c" -> {a, b, c}): the tables' deps and tools lists.
std::vector<std::string> words(std::string_view s);
/// Words joined by single spaces.
std::string joined(const std::vector<std::string>& v);
/// apt's SizeToStr + "B": 243000 -> "243 kB", 55400 -> "55.4 kB", 9255000 -> "9255 kB".
std::string aptSize(double bytes);
/// The package's executables appear in (or vanish from) the software.
void addTools(InstalledSoftware& sw, const Pkg& p);
void removeTools(InstalledSoftware& sw, const Pkg& p);

}  // namespace sim::docker::pkg_detail
