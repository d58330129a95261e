#include "completion.hpp"

#include <algorithm>
#include <set>
#include <sstream>

#include "sim/cli/docker_cli.hpp"
#include "sim/cli/docker_host.hpp"
#include "sim/shell/script_runner.hpp"

namespace docknet::cli {

namespace {

std::vector<std::string> words(const std::string& line) {
    std::istringstream in(line);
    std::vector<std::string> out;
    std::string w;
    while (in >> w) out.push_back(w);
    if (!line.empty() && (line.back() == ' ' || line.back() == '\t')) out.emplace_back();
    if (out.empty()) out.emplace_back();
    return out;
}

}  // namespace

std::vector<std::string> completions(const sim::cli::DockerHost& lab, sim::shell::ScriptRunner& runner, const std::string& line) {
    const auto w = words(line);
    const std::string& current = w.back();
    std::set<std::string> candidates;
    const auto& specs = runner.shell().docker().commands();

    if (w.size() == 1) {
        for (const char* c : {"docker", "ping", "ip", "ifconfig", "arp", "route", "ss", "netstat", "curl", "wget", "nc",
                              "brctl", "bridge", "iptables", "conntrack", "sysctl", "hostname", "getent", "nslookup", "cat",
                              "echo", "sleep", "grep", "head", "tail", "wc", "ls", "exit"})
            candidates.insert(c);
    } else if (w[0] == "docker") {
        // The command path typed so far: "docker", "docker network".
        std::string path = "docker";
        std::size_t i = 1;
        for (; i + 1 < w.size(); ++i) {
            const std::string next = path + " " + w[i];
            bool prefix = false;
            for (const auto& [p, spec] : specs) prefix |= p == next || p.starts_with(next + " ");
            if (!prefix) break;
            path = next;
        }
        const bool atSubcommand = i + 1 == w.size();
        if (atSubcommand && !current.starts_with("-")) {
            for (const auto& [p, spec] : specs) {
                if (!p.starts_with(path + " ")) continue;
                const std::string rest = p.substr(path.size() + 1);
                candidates.insert(rest.substr(0, rest.find(' ')));
            }
            for (const char* group : {"network", "container", "image"})
                if (path == "docker") candidates.insert(group);
        }
        if (auto it = specs.find(path); it != specs.end()) {
            if (current.starts_with("-")) {
                for (const auto& f : it->second.flags) {
                    if (f.hidden) continue;
                    candidates.insert("--" + f.longName);
                    if (f.shortName) candidates.insert(std::string("-") + f.shortName);
                }
            } else {
                for (const auto* c : lab.engine().containers()) candidates.insert(c->name);
                if (path.starts_with("docker network") || path == "docker run" || path == "docker create")
                    for (const auto* n : lab.engine().networks()) candidates.insert(n->name);
                if (path == "docker run" || path == "docker create" || path == "docker pull")
                    for (const auto* img : lab.engine().images().all())
                        if (!img->isDangling()) candidates.insert(img->repository);
            }
        }
    } else {
        for (const auto* c : lab.engine().containers()) candidates.insert(c->name);
    }
    std::vector<std::string> out;
    for (const auto& c : candidates)
        if (c.starts_with(current)) out.push_back(c);
    return out;
}

}  // namespace docknet::cli
