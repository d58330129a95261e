#include "sim/cli/system_info.hpp"

#include <set>

#include "sim/cli/docker_views.hpp"
#include "sim/docker/host_environment.hpp"

namespace sim::cli {

using core::JsonValue;

namespace {

JsonValue str(std::string s) { return JsonValue::string(std::move(s)); }
JsonValue boolean(bool b) { return JsonValue::boolean(b); }
template <class T>
JsonValue num(T v) {
    return JsonValue::number(v);
}

/// go-units BytesSize: binary units, "%.4g".
std::string bytesSize(double size) {
    static const char* kUnits[] = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};
    int i = 0;
    while (size >= 1024 && i < 5) size /= 1024, ++i;
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.4g%s", size, kUnits[i]);
    return buf;
}

}  // namespace

std::string joinWords(const std::vector<std::string>& words) {
    std::string s;
    for (const auto& w : words) s += (s.empty() ? "" : " ") + w;
    return s;
}

SystemInfo systemInfo(const docker::DockerEngine& engine) {
    SystemInfo i;
    i.cliPlugins = {{"buildx", "Docker Buildx", "Docker Inc.", "v0.17.1", "/usr/libexec/docker/cli-plugins/docker-buildx"},
                    {"compose", "Docker Compose", "Docker Inc.", "v2.29.7", "/usr/libexec/docker/cli-plugins/docker-compose"}};
    for (const docker::Container* c : engine.containers()) {
        ++i.containers;
        c->isRunning() ? ++i.running : ++i.stopped;
    }
    std::set<std::string> ids;
    for (const docker::ImageConfig* image : engine.images().list()) ids.insert(image->id);
    i.images = static_cast<int>(ids.size());
    i.driverStatus = {{"Backing Filesystem", "extfs"},
                      {"Supports d_type", "true"},
                      {"Using metacopy", "false"},
                      {"Native Overlay Diff", "true"},
                      {"userxattr", "false"}};
    i.volumePlugins = {"local"};
    i.networkPlugins = {"bridge", "host", "ipvlan", "macvlan", "null", "overlay"};
    i.logPlugins = {"awslogs", "fluentd", "gcplogs", "gelf", "journald", "json-file", "local", "splunk", "syslog"};
    // A Go map: the order varies between runs on a real host; docknet prints it sorted.
    i.runtimes = {"io.containerd.runc.v2", "runc"};
    i.containerdCommit = "7f7fdf5fed64eb6a7caf99b3e12efcf9d60e311c";  // containerd 1.7.22
    i.runcCommit = "v1.1.14-0-g2c9f560";
    i.initCommit = "de40ad0";
    i.kernelVersion = std::string(docker::HostEnvironment::kKernelRelease);
    i.operatingSystem = "Debian GNU/Linux 12 (bookworm)";
    i.osVersion = "12";
    i.memTotal = 4013676LL * 1024;  // MemTotal 4013676 kB, as ps's %MEM divides by
    i.totalMemoryHuman = bytesSize(static_cast<double>(i.memTotal));
    i.name = engine.config().hostName;
    i.id = engine.config().hostId;
    i.systemTime = engine.timestamp(engine.kernel().now());
    return i;
}

JsonValue systemInfoJson(const SystemInfo& i) {
    JsonValue driverStatus = JsonValue::array();
    for (const auto& [k, v] : i.driverStatus) driverStatus.push(JsonValue::array().push(str(k)).push(str(v)));
    JsonValue runtimes = JsonValue::sortedObject();
    for (const auto& r : i.runtimes) runtimes.set(r, JsonValue::object().set("path", str("runc")));
    JsonValue plugins = JsonValue::array();
    for (const auto& p : i.cliPlugins)
        plugins.push(JsonValue::object()
                         .set("SchemaVersion", str("0.1.0"))
                         .set("Vendor", str(p.vendor))
                         .set("Version", str(p.version))
                         .set("ShortDescription", str(p.description))
                         .set("Name", str(p.name))
                         .set("Path", str(p.path)));
    JsonValue indexConfigs = JsonValue::sortedObject();
    indexConfigs.set("docker.io", JsonValue::object()
                                      .set("Name", str("docker.io"))
                                      .set("Mirrors", JsonValue::array())
                                      .set("Secure", boolean(true))
                                      .set("Official", boolean(true)));
    auto commit = [](const std::string& id) { return JsonValue::object().set("ID", str(id)).set("Expected", str(id)); };
    return JsonValue::object()
        .set("ID", str(i.id))
        .set("Containers", num(i.containers))
        .set("ContainersRunning", num(i.running))
        .set("ContainersPaused", num(i.paused))
        .set("ContainersStopped", num(i.stopped))
        .set("Images", num(i.images))
        .set("Driver", str(i.storageDriver))
        .set("DriverStatus", std::move(driverStatus))
        .set("Plugins", JsonValue::object()
                            .set("Volume", JsonValue::stringArray(i.volumePlugins))
                            .set("Network", JsonValue::stringArray(i.networkPlugins))
                            .set("Authorization", JsonValue::null())
                            .set("Log", JsonValue::stringArray(i.logPlugins)))
        .set("MemoryLimit", boolean(true))
        .set("SwapLimit", boolean(true))
        .set("CpuCfsPeriod", boolean(true))
        .set("CpuCfsQuota", boolean(true))
        .set("CPUShares", boolean(true))
        .set("CPUSet", boolean(true))
        .set("PidsLimit", boolean(true))
        .set("IPv4Forwarding", boolean(true))
        .set("BridgeNfIptables", boolean(true))
        .set("BridgeNfIp6tables", boolean(true))
        .set("Debug", boolean(false))
        .set("NFd", num(29))
        .set("OomKillDisable", boolean(false))
        .set("NGoroutines", num(45))
        .set("SystemTime", str(i.systemTime))
        .set("LoggingDriver", str("json-file"))
        .set("CgroupDriver", str("systemd"))
        .set("CgroupVersion", str("2"))
        .set("NEventsListener", num(0))
        .set("KernelVersion", str(i.kernelVersion))
        .set("OperatingSystem", str(i.operatingSystem))
        .set("OSVersion", str(i.osVersion))
        .set("OSType", str("linux"))
        .set("Architecture", str("x86_64"))
        .set("IndexServerAddress", str("https://index.docker.io/v1/"))
        .set("RegistryConfig", JsonValue::object()
                                   .set("InsecureRegistryCIDRs", JsonValue::stringArray({"127.0.0.0/8"}))
                                   .set("IndexConfigs", std::move(indexConfigs))
                                   .set("Mirrors", JsonValue::null()))
        .set("NCPU", num(i.cpus))
        .set("MemTotal", num(i.memTotal))
        .set("GenericResources", JsonValue::null())
        .set("DockerRootDir", str("/var/lib/docker"))
        .set("HttpProxy", str(""))
        .set("HttpsProxy", str(""))
        .set("NoProxy", str(""))
        .set("Name", str(i.name))
        .set("Labels", JsonValue::array())
        .set("ExperimentalBuild", boolean(false))
        .set("ServerVersion", str(i.serverVersion))
        .set("Runtimes", std::move(runtimes))
        .set("DefaultRuntime", str("runc"))
        .set("Swarm", JsonValue::object()
                          .set("NodeID", str(""))
                          .set("NodeAddr", str(""))
                          .set("LocalNodeState", str("inactive"))
                          .set("ControlAvailable", boolean(false))
                          .set("Error", str(""))
                          .set("RemoteManagers", JsonValue::null()))
        .set("LiveRestoreEnabled", boolean(false))
        .set("Isolation", str(""))
        .set("InitBinary", str("docker-init"))
        .set("ContainerdCommit", commit(i.containerdCommit))
        .set("RuncCommit", commit(i.runcCommit))
        .set("InitCommit", commit(i.initCommit))
        .set("SecurityOptions", JsonValue::stringArray({"name=apparmor", "name=seccomp,profile=builtin", "name=cgroupns"}))
        .set("CDISpecDirs", JsonValue::array())
        .set("Containerd", JsonValue::object()
                               .set("Address", str("/run/containerd/containerd.sock"))
                               .set("Namespaces", JsonValue::object().set("Containers", str("moby")).set("Plugins",
                                                                                                          str("plugindata"))))
        .set("Warnings", JsonValue::null())
        .set("ClientInfo", JsonValue::object()
                               .set("Debug", boolean(false))
                               .set("Platform", JsonValue::object().set("Name", str(i.clientPlatform)))
                               .set("Version", str(i.clientVersion))
                               .set("ApiVersion", str("1.47"))
                               .set("DefaultAPIVersion", str("1.47"))
                               .set("GitCommit", str("ce12230"))
                               .set("GoVersion", str("go1.22.7"))
                               .set("Os", str("linux"))
                               .set("Arch", str("amd64"))
                               .set("BuildTime", str("Fri Sep 20 11:41:00 2024"))
                               .set("Context", str("default"))
                               .set("Plugins", std::move(plugins))
                               .set("Warnings", JsonValue::null()));
}

}  // namespace sim::cli
