// Linux capabilities of a container's processes, as the daemon computes them from
// HostConfig.CapAdd / CapDrop / Privileged (moby oci/caps: NormalizeLegacyCapabilities,
// TweakCapabilities, DefaultCapabilities). The tools ask this set whether they may change the
// network (CAP_NET_ADMIN) instead of assuming "container means unprivileged".
#pragma once

#include <set>
#include <string>
#include <vector>

#include "sim/core/error.hpp"

namespace sim::docker {

struct ContainerConfig;

/// Every capability name the kernel knows, with the CAP_ prefix (CAP_CHOWN ... CAP_CHECKPOINT_RESTORE).
const std::vector<std::string>& allCapabilities();

/// The 14 capabilities a container gets when nothing is added or dropped (moby oci/caps/defaults.go).
const std::vector<std::string>& defaultCapabilities();

/// NormalizeLegacyCapabilities: upper-case, CAP_ prefixed, "ALL" kept as is. An unknown name is
/// the daemon's `unknown capability: "CAP_FOO"` (InvalidArgument).
core::Result<std::vector<std::string>> normalizeCapabilities(const std::vector<std::string>& caps);

/// validateCapabilities (moby daemon/container.go): `invalid CapAdd: unknown capability: "CAP_FOO"`,
/// then the same for CapDrop.
core::Result<void> validateCapabilities(const ContainerConfig& cfg);

/// TweakCapabilities: the set the container's processes hold (privileged: all of them; ALL in
/// CapAdd: all but the dropped ones; ALL in CapDrop: only the added ones).
std::set<std::string> effectiveCapabilities(const ContainerConfig& cfg);

}  // namespace sim::docker
