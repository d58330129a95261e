// SystemInfo: what `docker info` reports — the engine's counts and the simulated host's facts
// (one Debian 12 VM with docker-ce 27.3.1, the version `docker version` prints) — and the JSON
// docker/cli's dockerInfo serialises for --format: system.Info (v27 field order) with
// ClientInfo after it.
#pragma once

#include "sim/docker/host_environment.hpp"

#include <string>
#include <utility>
#include <vector>

#include "sim/core/json.hpp"
#include "sim/docker/docker_engine.hpp"

namespace sim::cli {

struct CliPlugin {
    std::string name, description, vendor, version, path;
};

struct SystemInfo {
    std::string clientPlatform = "Docker Engine - Community";
    std::string clientVersion = "27.3.1";
    std::vector<CliPlugin> cliPlugins;
    int containers = 0, running = 0, paused = 0, stopped = 0, images = 0;
    std::string serverVersion = "27.3.1";
    std::string storageDriver = "overlay2";
    std::vector<std::pair<std::string, std::string>> driverStatus;
    std::vector<std::string> volumePlugins, networkPlugins, logPlugins, runtimes;
    std::string containerdCommit, runcCommit, initCommit;
    std::string kernelVersion, operatingSystem, osVersion;
    int cpus = docker::HostEnvironment::kCpus;
    std::int64_t memTotal = 0;
    std::string totalMemoryHuman;
    std::string name;
    std::string id;
    std::string systemTime;
};

SystemInfo systemInfo(const docker::DockerEngine& engine);
core::JsonValue systemInfoJson(const SystemInfo& info);

/// Words joined by one space (strings.Join(list, " ")).
std::string joinWords(const std::vector<std::string>& words);

}  // namespace sim::cli
