// The image catalog's private declarations, shared by image_catalog.cpp and builtin_images.cpp.
#pragma once

#include <vector>

#include "sim/docker/image_catalog.hpp"

namespace sim::docker::catalog_detail {

/// The official images ImageCatalog starts with, in catalog order.
std::vector<ImageConfig> builtinImages();

}  // namespace sim::docker::catalog_detail
