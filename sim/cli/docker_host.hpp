// DockerHost: one simulated Docker host — the Kernel, the DockerEngine on it, the files of the
// directory the user works in (where `cat > Dockerfile <<EOF` writes and `docker build .`
// reads), and the shell variables. Everything a script or the interactive shell changes lives
// here; two Labs with the same seed and the same input end in the same state.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>

#include "sim/shell/shell_script.hpp"
#include "sim/core/sim_time.hpp"
#include "sim/docker/docker_engine.hpp"
#include "sim/net/kernel.hpp"

namespace sim::cli {

struct DockerHostOptions {
    std::uint64_t seed = 1;
    /// Simulated time that passes before each command, as a person typing it would take.
    /// Timers (ARP ageing, FDB ageing, `Up 3 seconds`) run meanwhile.
    core::Duration thinkTime = core::seconds(1);
};

class DockerHost {
public:
    explicit DockerHost(DockerHostOptions options = {});
    ~DockerHost();
    DockerHost(const DockerHost&) = delete;
    DockerHost& operator=(const DockerHost&) = delete;

    net::Kernel& kernel() { return *m_kernel; }
    [[nodiscard]] const net::Kernel& kernel() const { return *m_kernel; }
    docker::DockerEngine& engine() { return *m_engine; }
    [[nodiscard]] const docker::DockerEngine& engine() const { return *m_engine; }
    [[nodiscard]] const DockerHostOptions& options() const { return m_options; }

    /// The working directory's files, by path relative to it ("Dockerfile", "web/Dockerfile").
    std::map<std::string, std::string>& files() { return m_files; }
    [[nodiscard]] const std::map<std::string, std::string>& files() const { return m_files; }
    [[nodiscard]] const std::string& workdir() const { return m_workdir; }
    /// "Dockerfile" and "./Dockerfile" and "/root/Dockerfile" all name the same file.
    [[nodiscard]] std::string normalizePath(const std::string& path) const;
    [[nodiscard]] std::optional<std::string> readFile(const std::string& path) const;
    void writeFile(const std::string& path, std::string content, bool append);

    shell::Environment& env() { return m_env; }
    [[nodiscard]] const shell::Environment& env() const { return m_env; }

    /// Lets simulated time pass (think time between commands).
    void pause(core::Duration d);

private:
    DockerHostOptions m_options;
    std::unique_ptr<net::Kernel> m_kernel;
    std::unique_ptr<docker::DockerEngine> m_engine;
    std::map<std::string, std::string> m_files;
    std::string m_workdir = "/root";
    shell::Environment m_env;
};

}  // namespace sim::cli
