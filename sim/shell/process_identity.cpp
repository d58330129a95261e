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
    return id;
}

}  // namespace sim::shell
