#include "sim/cli/lab.hpp"

namespace sim::cli {

Lab::Lab(LabOptions options) : m_options(options) {
    m_kernel = std::make_unique<net::Kernel>(net::KernelConfig{options.seed});
    m_engine = std::make_unique<docker::DockerEngine>(*m_kernel);
    m_env = {{"HOME", "/root"}, {"PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"},
             {"PWD", m_workdir}, {"USER", "root"}, {"HOSTNAME", m_engine->config().hostName}};
}

Lab::~Lab() = default;

std::string Lab::normalizePath(const std::string& path) const {
    std::string p = path;
    if (p.starts_with(m_workdir + "/")) p = p.substr(m_workdir.size() + 1);
    while (p.starts_with("./")) p = p.substr(2);
    if (p == ".") p.clear();
    return p;
}

std::optional<std::string> Lab::readFile(const std::string& path) const {
    auto it = m_files.find(normalizePath(path));
    if (it == m_files.end()) return std::nullopt;
    return it->second;
}

void Lab::writeFile(const std::string& path, std::string content, bool append) {
    std::string& f = m_files[normalizePath(path)];
    if (append) f += content;
    else f = std::move(content);
}

void Lab::pause(core::Duration d) { m_kernel->scheduler().runUntil(m_kernel->now() + d); }

}  // namespace sim::cli
