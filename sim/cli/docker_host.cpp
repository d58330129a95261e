#include "sim/cli/docker_host.hpp"

namespace sim::cli {

DockerHost::DockerHost(DockerHostOptions options) : m_options(options) {
    m_kernel = std::make_unique<net::Kernel>(net::KernelConfig{options.seed});
    m_engine = std::make_unique<docker::DockerEngine>(*m_kernel);
    m_env = {{"HOME", "/root"}, {"PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"},
             {"PWD", m_workdir}, {"USER", "root"}, {"HOSTNAME", m_engine->config().hostName}};
}

DockerHost::~DockerHost() = default;

std::string DockerHost::normalizePath(const std::string& path) const {
    std::string p = path;
    if (p.starts_with(m_workdir + "/")) p = p.substr(m_workdir.size() + 1);
    while (p.starts_with("./")) p = p.substr(2);
    if (p == ".") p.clear();
    return p;
}

std::optional<std::string> DockerHost::readFile(const std::string& path) const {
    auto it = m_files.find(normalizePath(path));
    if (it == m_files.end()) return std::nullopt;
    return it->second;
}

void DockerHost::writeFile(const std::string& path, std::string content, bool append) {
    std::string& f = m_files[normalizePath(path)];
    if (append) f += content;
    else f = std::move(content);
}

void DockerHost::pause(core::Duration d) { m_kernel->scheduler().runUntil(m_kernel->now() + d); }

}  // namespace sim::cli
