#include "sim/shell/process_identity.hpp"

#include "sim/docker/capabilities.hpp"
#include "sim/docker/docker_engine.hpp"

namespace sim::shell {

core::Result<ProcessIdentity> processIdentity(const docker::DockerEngine& engine, const docker::Container& c,
                                              const ExecOverrides& exec) {
    const docker::ImageConfig* image = engine.images().find(c.config.image);
    const std::string userSpec = !exec.user.empty()          ? exec.user
                                 : !c.config.user.empty()    ? c.config.user
                                 : image                     ? image->user
                                                             : std::string();
    auto user = docker::resolveUser(image, userSpec);
    if (!user) return std::unexpected(user.error());
    ProcessIdentity id;
    id.user = *user;
    id.workdir = !exec.workdir.empty()       ? exec.workdir
                 : !c.config.workdir.empty() ? c.config.workdir
                 : image && !image->workdir.empty() ? image->workdir
                                                    : "/";
    if (exec.privileged) {
        const auto& all = docker::allCapabilities();
        id.capabilities = {all.begin(), all.end()};
    } else {
        id.capabilities = docker::effectiveCapabilities(c.config);
    }
    // A process not running as root keeps no capability in its effective set.
    if (id.user.uid != 0) id.capabilities.clear();
    id.procSysWritable = c.config.privileged;
    id.readonlyRootfs = c.config.readonlyRootfs;
    return id;
}

std::optional<std::string> containerWriteError(const ProcessIdentity& id, const std::string& path) {
    auto under = [&](const char* dir) { return path.starts_with(dir); };
    if (under("/proc/") || (under("/dev/") && !under("/dev/shm/"))) return std::nullopt;
    const bool root = id.user.uid == 0;
    if (path == "/etc/hosts" || path == "/etc/resolv.conf" || path == "/etc/hostname")
        return root ? std::nullopt : std::optional<std::string>("Permission denied");
    if (under("/dev/shm/")) return std::nullopt;  // a tmpfs of its own, 1777
    if (id.readonlyRootfs) return "Read-only file system";
    if (root || under("/tmp/") || under("/var/tmp/")) return std::nullopt;
    return "Permission denied";
}

int errnoOf(const std::string& text) { return text == "Read-only file system" ? 30 : 13; }

}  // namespace sim::shell
