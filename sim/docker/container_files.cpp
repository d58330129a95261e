// The files a container's processes read and write through the shell: the bind-mounted
// /etc/hosts and /etc/resolv.conf (which the tools' resolver reads, so an edit changes name
// resolution), /etc/hostname, and the rest of the writable layer, kept per container.
#include "sim/docker/docker_engine.hpp"

namespace sim::docker {

namespace {

/// A relative path inside a container starts at its working directory: docker run -w, else the
/// image's WORKDIR, else / (docker exec -w is not applied to files).
std::string absolute(const ImageCatalog& images, const Container& c, const std::string& path) {
    if (!path.empty() && path.front() == '/') return path;
    std::string dir = c.config.workdir;
    if (dir.empty())
        if (const ImageConfig* image = images.find(c.config.image)) dir = image->workdir;
    if (dir.empty() || dir == "/") return "/" + path;
    return (dir.back() == '/' ? dir : dir + "/") + path;
}

}  // namespace

std::optional<std::string> DockerEngine::readContainerFile(const std::string& ref, const std::string& path) const {
    const Container* c = findContainer(ref);
    if (!c) return std::nullopt;
    const std::string p = absolute(m_images, *c, path);
    if (p == "/etc/hosts") return c->etcHosts;
    if (p == "/etc/resolv.conf") return c->resolvConf;
    if (p == "/etc/hostname") return c->hostname + "\n";
    if (auto it = c->files.find(p); it != c->files.end()) return it->second;
    // Below the writable layer, the image's own files (/etc/os-release, ...).
    if (const ImageConfig* image = m_images.find(c->config.image))
        if (auto it = image->files.find(p); it != image->files.end()) return it->second;
    return std::nullopt;
}

bool DockerEngine::writeContainerFile(const std::string& ref, const std::string& path, const std::string& content,
                                      bool append) {
    Container* c = mutableContainer(ref);
    if (!c) return false;
    const std::string p = absolute(m_images, *c, path);
    auto put = [&](std::string& file) { file = append ? file + content : content; };
    if (p == "/etc/hosts") {
        put(c->etcHosts);
        c->etcHostsUserModified = true;
    } else if (p == "/etc/resolv.conf") {
        put(c->resolvConf);
        c->resolvConfUserModified = true;  // resolvconf.UserModified: Docker stops rewriting it
    } else {
        put(c->files[p]);
    }
    return true;
}

}  // namespace sim::docker
