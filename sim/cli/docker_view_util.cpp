#include "sim/cli/docker_view_util.hpp"

#include <algorithm>

namespace sim::cli::views {

const docker::ImageConfig* imageOf(const docker::DockerEngine& engine, const docker::Container& c) {
    if (const auto* image = engine.images().find(c.imageId)) return image;
    return engine.images().find(c.config.image);
}

std::vector<std::pair<std::uint16_t, docker::PortProto>> exposedPorts(const docker::DockerEngine& engine,
                                                                      const docker::Container& c) {
    std::vector<std::pair<std::uint16_t, docker::PortProto>> out;
    if (const auto* image = imageOf(engine, c)) out = image->exposedPorts;
    out.insert(out.end(), c.config.expose.begin(), c.config.expose.end());
    for (const auto& b : c.config.publish) out.emplace_back(b.containerPort, b.proto);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

bool hasBridgeEndpoint(const docker::DockerEngine& engine, const docker::Container& c) {
    if (!c.isRunning() || c.config.network.isContainer()) return false;
    for (const auto& [netId, epId] : c.endpoints) {
        const docker::Network* n = engine.findNetwork(netId);
        if (n && n->driver == docker::DriverKind::Bridge) return true;
    }
    return false;
}

std::vector<PortMapEntry> portMap(const docker::DockerEngine& engine, const docker::Container& c) {
    std::vector<PortMapEntry> out;
    if (!hasBridgeEndpoint(engine, c)) return out;
    auto entryFor = [&](std::uint16_t port, docker::PortProto proto) -> PortMapEntry& {
        for (auto& e : out)
            if (e.port == port && e.proto == proto) return e;
        out.push_back(PortMapEntry{port, proto, {}});
        return out.back();
    };
    for (const auto& [port, proto] : exposedPorts(engine, c)) entryFor(port, proto);
    for (const auto& m : c.ports) {
        auto& bindings = entryFor(m.requested.containerPort, m.requested.proto).bindings;
        if (m.onIpv4) bindings.push_back(HostBinding{m.hostIp.toString(), std::to_string(m.hostPort)});
        if (m.onIpv6Any) bindings.push_back(HostBinding{"::", std::to_string(m.hostPort)});
    }
    std::sort(out.begin(), out.end(), [](const PortMapEntry& a, const PortMapEntry& b) { return a.key() < b.key(); });
    return out;
}

ContainerSizes containerSizes(const docker::DockerEngine& engine, const docker::Container& c) {
    ContainerSizes s;
    for (const auto& [path, content] : c.files) s.rw += static_cast<std::int64_t>(content.size());
    const docker::ImageConfig* image = imageOf(engine, c);
    s.rootFs = (image ? static_cast<std::int64_t>(image->sizeBytes) : 0) + s.rw;
    return s;
}

std::vector<std::string> mergedEnv(const docker::ImageConfig* image, const docker::ContainerConfig& config) {
    std::vector<std::string> env = config.env;
    if (!image) return env;
    auto keyOf = [](const std::string& kv) { return kv.substr(0, kv.find('=')); };
    for (const auto& imageVar : image->env) {
        const std::string key = keyOf(imageVar);
        const bool overridden =
            std::any_of(config.env.begin(), config.env.end(), [&](const std::string& u) { return keyOf(u) == key; });
        if (!overridden) env.push_back(imageVar);
    }
    return env;
}

std::map<std::string, std::string> containerLabels(const docker::ImageConfig* image, const docker::ContainerConfig& config) {
    std::map<std::string, std::string> labels = image ? image->labels : std::map<std::string, std::string>{};
    for (const auto& [k, v] : config.labels) labels[k] = v;
    return labels;
}

std::string networkName(const docker::DockerEngine& engine, const std::string& ref) {
    if (const docker::Network* n = engine.findNetwork(ref)) return n->name;
    return ref;
}

int pseudoPid(const docker::Container& c) {
    unsigned value = 0;
    for (std::size_t i = 0; i < 6 && i < c.id.size(); ++i) {
        const char ch = c.id[i];
        value = value * 16 + static_cast<unsigned>(ch >= 'a' ? ch - 'a' + 10 : ch - '0');
    }
    return 1000 + static_cast<int>(value % 30000);
}

}  // namespace sim::cli::views
