// The daemon's image list for `docker images` (moby v27 daemon/images/images.go Images): the
// --filter keys and the CLI's REPOSITORY[:TAG] argument (sent as a reference filter). Errors
// are the daemon's words, without the CLI's "Error response from daemon: ".
#pragma once

#include <string_view>
#include <vector>

#include "sim/cli/filter_args.hpp"
#include "sim/core/error.hpp"
#include "sim/docker/docker_engine.hpp"

namespace sim::cli {

/// Go's path.Match: `*` any run of non-'/' bytes, `?` one, `[a-z]`/`[^...]` classes, `\` escapes;
/// a malformed pattern is `syntax error in pattern`.
core::Result<bool> goPathMatch(std::string_view pattern, std::string_view name);

/// The local images `docker images` lists (the catalog's order), filtered:
///   reference  reference.FamiliarMatch: the pattern against "repo:tag", then "repo" (values OR-ed);
///              untagged images never match
///   dangling   true: untagged images only; false: tagged only; else `invalid filter 'dangling=[x]'`
///   label      MatchKVList over the image's labels
///   before / since  images created before / after the named image (`No such image: x:latest`)
///   until      images created before a timestamp or duration ago (as network prune reads it)
/// Any other key: `invalid filter 'KEY'`.
core::Result<std::vector<const docker::ImageConfig*>> listImages(const docker::DockerEngine& engine, const FilterArgs& filters);

}  // namespace sim::cli
