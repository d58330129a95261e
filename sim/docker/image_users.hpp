// The accounts of an image's /etc/passwd and /etc/group, as far as docknet models them, and the
// resolution of `--user NAME|UID[:GROUP|GID]` against them (runc's user.GetExecUser: a name must
// be in passwd; a numeric uid need not be, and then runs with gid 0).
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "sim/core/error.hpp"

namespace sim::docker {

struct ImageConfig;

/// Who a container's process runs as.
struct ProcessUser {
    int uid = 0;
    int gid = 0;
    std::string name = "root";   // empty: the uid has no passwd entry
    std::string group = "root";  // empty: the gid has no group entry
    std::string home = "/root";  // HOME: the passwd entry's directory, "/" without one
    /// The supplementary groups /etc/group gives the user (id's groups= after the primary one).
    std::vector<std::pair<int, std::string>> extraGroups;
};

/// The account a server image's entrypoint runs its server as: mysql, postgres, redis; "" for
/// nginx and httpd, whose master processes stay root, and for images without a server.
std::string serverUser(const ImageConfig& image);

/// The user `spec` names in `image` ("" = root). The error is runc's
/// `unable to find user NAME: no matching entries in passwd file` (or `... group NAME: no
/// matching entries in group file`).
core::Result<ProcessUser> resolveUser(const ImageConfig* image, const std::string& spec);

}  // namespace sim::docker
