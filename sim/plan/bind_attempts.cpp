// deriveBinds: which TCP ports each container's service binds, and whether the sim's bind(2)
// gave them the port, so verify can ask the real kernel's bind() the same question.
#include <algorithm>

#include "sim/cli/docker_host.hpp"
#include "sim/docker/container.hpp"
#include "sim/docker/docker_engine.hpp"
#include "sim/docker/image_catalog.hpp"
#include "sim/docker/port_spec.hpp"
#include "sim/net/kernel.hpp"
#include "sim/net/socket_table.hpp"
#include "sim/plan/plan.hpp"

namespace sim::plan {

std::vector<PlanBind> deriveBinds(const cli::DockerHost& host) {
    std::vector<PlanBind> out;
    const auto& engine = host.engine();
    const auto& k = host.kernel();
    for (const auto* c : engine.containers()) {
        const docker::ImageConfig* image = engine.images().find(c->config.image);
        if (!image || image->service == docker::Service::None) continue;
        // A stopped host-mode container still tells which namespace it bound in: the host's.
        const core::NamespaceId nsId = c->config.network.isHost() ? engine.hostNamespace() : c->sandbox;
        const auto* ns = nsId.isValid() ? k.ns(nsId) : nullptr;
        if (!ns) continue;
        const auto sockets = ns->sockets().sockets();
        for (const auto& [port, proto] : image->serviceListens) {
            if (proto != docker::PortProto::Tcp) continue;
            PlanBind b{kernelNamespaceName(ns->name()), c->name, "", "0.0.0.0", port, "", ""};
            // The IPv4 side only, as the backend binds it (a V6ONLY [::] has none).
            const auto onPort = [&](const net::SocketInfo& s) {
                return s.transport == net::Transport::Tcp && s.port == port && s.family != net::SocketFamily::Inet6Only;
            };
            const auto mine = std::find_if(sockets.begin(), sockets.end(), [&](const net::SocketInfo& s) {
                return onPort(s) && std::find(c->serviceSockets.begin(), c->serviceSockets.end(), s.id) != c->serviceSockets.end();
            });
            const auto any = std::find_if(sockets.begin(), sockets.end(), onPort);
            if (mine != sockets.end()) {
                b.owner = mine->owner;
                b.simOutcome = "bound";
            } else if (any != sockets.end()) {
                b.owner = image->repository;
                b.simOutcome = "EADDRINUSE";
                b.holder = any->owner;
            } else {
                continue;
            }
            out.push_back(std::move(b));
        }
    }
    return out;
}

}  // namespace sim::plan
