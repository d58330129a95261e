// A container's executables and installed packages (container_software.hpp), and the engine's
// handle on them for the package managers run in it.
#include "sim/docker/container_software.hpp"

#include "sim/docker/docker_engine.hpp"

namespace sim::docker {

const std::set<std::string>* containerTools(const ImageCatalog& images, const Container& c) {
    if (c.software) return &c.software->tools;
    const ImageConfig* image = images.find(c.config.image);
    return image ? &image->tools : nullptr;
}

bool containerHasTool(const ImageCatalog& images, const Container& c, std::string_view tool) {
    const auto* tools = containerTools(images, c);
    return !tools || tools->contains(std::string(tool));
}

InstalledSoftware* DockerEngine::containerSoftware(const std::string& ref) {
    Container* c = mutableContainer(ref);
    if (!c) return nullptr;
    if (!c->software) {
        const ImageConfig* image = m_images.find(c->config.image);
        if (!image) return nullptr;
        c->software = softwareOf(*image);
    }
    return &*c->software;
}

}  // namespace sim::docker
