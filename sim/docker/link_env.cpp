// The environment variables a legacy --link gives the recipient on the default bridge
// (daemon/links/links.go ToEnv, Docker <= 28): ALIAS_PORT, per exposed port
// ALIAS_PORT_N_PROTO (+ _ADDR, _PORT, _PROTO), ALIAS_NAME, and ALIAS_ENV_* for the linked
// container's own variables except HOME and PATH.
#include <algorithm>
#include <cctype>

#include "sim/docker/docker_engine.hpp"

namespace sim::docker {

std::vector<std::string> DockerEngine::linkEnvironment(const Container& c) const {
    std::vector<std::string> env;
    const Network* bridge = findNetwork("bridge");
    if (!bridge || !c.endpoints.contains(bridge->id)) return env;
    for (const auto& link : c.config.links) {
        const auto [target, alias] = parseLink(link);
        const Container* t = findContainer(target);
        if (!t) continue;
        auto ip = addressOn(*t, bridge->id);
        if (!ip) continue;
        std::string prefix;
        for (char ch : alias) prefix += ch == '-' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));

        std::vector<std::pair<std::uint16_t, PortProto>> ports = t->config.expose;
        if (const ImageConfig* image = m_images.find(t->config.image))
            ports.insert(ports.end(), image->exposedPorts.begin(), image->exposedPorts.end());
        for (const auto& b : t->config.publish) ports.emplace_back(b.containerPort, b.proto);
        std::sort(ports.begin(), ports.end());
        ports.erase(std::unique(ports.begin(), ports.end()), ports.end());
        if (!ports.empty()) {
            // The lowest port, TCP preferred.
            auto first = std::find_if(ports.begin(), ports.end(), [](const auto& p) { return p.second == PortProto::Tcp; });
            if (first == ports.end()) first = ports.begin();
            env.push_back(prefix + "_PORT=" + std::string(toString(first->second)) + "://" + ip->toString() + ":" +
                          std::to_string(first->first));
        }
        for (const auto& [port, proto] : ports) {
            std::string proto_ = std::string(toString(proto));
            std::string upper = proto_;
            for (auto& ch : upper) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
            const std::string key = prefix + "_PORT_" + std::to_string(port) + "_" + upper;
            env.push_back(key + "=" + proto_ + "://" + ip->toString() + ":" + std::to_string(port));
            env.push_back(key + "_ADDR=" + ip->toString());
            env.push_back(key + "_PORT=" + std::to_string(port));
            env.push_back(key + "_PROTO=" + proto_);
        }
        env.push_back(prefix + "_NAME=/" + c.name + "/" + alias);
        std::vector<std::string> childEnv;
        if (const ImageConfig* image = m_images.find(t->config.image)) childEnv = image->env;
        childEnv.insert(childEnv.end(), t->config.env.begin(), t->config.env.end());
        for (const auto& kv : childEnv) {
            const std::string name = kv.substr(0, kv.find('='));
            if (name == "HOME" || name == "PATH") continue;
            env.push_back(prefix + "_ENV_" + kv);
        }
    }
    return env;
}

}  // namespace sim::docker
