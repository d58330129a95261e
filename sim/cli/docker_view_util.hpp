// Shared pieces of the Docker views (docker_views.hpp): how the daemon derives a container's
// port map, exposed ports, environment and network names from what the engine records.
// Internal to sim/cli's view files.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "sim/docker/docker_engine.hpp"

namespace sim::cli::views {

struct HostBinding {
    std::string hostIp;    // "0.0.0.0", "127.0.0.1", "::"
    std::string hostPort;  // "8080"
};

/// Go's net.JoinHostPort: an IPv6 host in brackets ("[::]:8080"), what the CLI ≥27.2 prints.
inline std::string joinHostPort(const std::string& host, const std::string& port) {
    return host.find(':') == std::string::npos ? host + ":" + port : "[" + host + "]:" + port;
}

/// One key of NetworkSettings.Ports ("80/tcp"): its bindings, none for an exposed port that is
/// not published (inspect prints null for it).
struct PortMapEntry {
    std::uint16_t port = 0;
    docker::PortProto proto = docker::PortProto::Tcp;
    std::vector<HostBinding> bindings;
    [[nodiscard]] std::string key() const { return docker::portKey(port, proto); }
};

/// The image of a container (by its image ID, so a re-tagged name does not matter); may be null.
const docker::ImageConfig* imageOf(const docker::DockerEngine& engine, const docker::Container& c);

/// Config.ExposedPorts: the image's EXPOSE, --expose and the container ports of -p, sorted by
/// port then protocol, without duplicates.
std::vector<std::pair<std::uint16_t, docker::PortProto>> exposedPorts(const docker::DockerEngine& engine,
                                                                      const docker::Container& c);

/// True while the container runs with at least one endpoint on a bridge network (only then does
/// the daemon report ports: the bridge driver is what knows them).
bool hasBridgeEndpoint(const docker::DockerEngine& engine, const docker::Container& c);

/// NetworkSettings.Ports: exposed ports with their bindings (in the order they were published),
/// ordered by key as Go prints a map; empty unless hasBridgeEndpoint().
std::vector<PortMapEntry> portMap(const docker::DockerEngine& engine, const docker::Container& c);

/// GetContainerLayerSize: SizeRw, the bytes of the container's writable layer (the files written
/// in it; UNCERTAIN: overlay2 counts what the image's own processes wrote too, and packages
/// installed at run time are not counted), and SizeRootFs, its image's size plus SizeRw.
struct ContainerSizes {
    std::int64_t rw = 0;
    std::int64_t rootFs = 0;
};
ContainerSizes containerSizes(const docker::DockerEngine& engine, const docker::Container& c);

/// The container's environment as the daemon merges it: the -e values, then every image
/// variable whose name -e did not set.
std::vector<std::string> mergedEnv(const docker::ImageConfig* image, const docker::ContainerConfig& config);

/// Config.Labels as the daemon merges them: the image's labels, then --label's over them.
std::map<std::string, std::string> containerLabels(const docker::ImageConfig* image, const docker::ContainerConfig& config);

/// The network's name for an id (or name) the container records; the reference itself when the
/// network no longer exists.
std::string networkName(const docker::DockerEngine& engine, const std::string& ref);

/// A stable pseudo PID for a running container's main process (docknet has no host PIDs).
int pseudoPid(const docker::Container& c);

}  // namespace sim::cli::views
