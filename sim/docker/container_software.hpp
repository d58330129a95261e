// Which executables a container has: its image's, changed by what package managers installed or
// removed in the container since (Container::software). Two containers of one image differ once
// one of them ran `apt-get install`; a new container starts with the image's again.
#pragma once

#include <set>
#include <string>
#include <string_view>

#include "sim/docker/container.hpp"
#include "sim/docker/image_catalog.hpp"

namespace sim::docker {

/// The container's executables; nullptr when its image is unknown (then anything may run).
const std::set<std::string>* containerTools(const ImageCatalog& images, const Container& c);
/// True when `tool` exists in the container (or its image is unknown).
bool containerHasTool(const ImageCatalog& images, const Container& c, std::string_view tool);

}  // namespace sim::docker
