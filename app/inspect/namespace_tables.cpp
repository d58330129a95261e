#include "inspect/namespace_tables.hpp"

#include "inspect/kernel_tables.hpp"
#include "sim/docker/host_environment.hpp"

namespace docknet::gui {

namespace {

void addNamespaceTables(const sim::net::Kernel& k, sim::core::NamespaceId id, bool withNetfilter, std::vector<Table>& out) {
    const sim::net::NetNamespace* ns = k.ns(id);
    if (!ns) return;
    out.push_back(tables::interfaces(k, id));
    out.push_back(tables::neighbours(k, *ns));
    out.push_back(tables::routes(k, *ns));
    if (withNetfilter) {
        out.push_back(tables::iptables(ns->nat(), "nat"));
        out.push_back(tables::iptables(ns->filter(), "filter"));
    }
    out.push_back(tables::sockets(*ns));
    if (withNetfilter) out.push_back(tables::conntrack(k, *ns));
}

/// The bridge named `name`, looked for in the host's namespace first.
const sim::net::Bridge* findBridge(const sim::cli::DockerHost& lab, const std::string& name) {
    const sim::net::Kernel& k = lab.kernel();
    std::vector<sim::core::NamespaceId> order{lab.engine().hostNamespace()};
    for (auto id : k.namespaces())
        if (id != order.front()) order.push_back(id);
    for (auto ns : order) {
        const auto id = k.findInterface(ns, name);
        if (const sim::net::Bridge* br = id.isValid() ? k.bridge(id) : nullptr) return br;
    }
    return nullptr;
}

}  // namespace

std::vector<Table> inspectTables(const sim::cli::DockerHost& lab, const InspectTarget& target) {
    const sim::net::Kernel& k = lab.kernel();
    std::vector<Table> out;
    switch (target.kind) {
        case InspectTarget::Kind::Host: {
            const auto& host = lab.engine().host();
            addNamespaceTables(k, lab.engine().hostNamespace(), true, out);
            out.push_back(tables::fileLines("hosts", host.etcHosts()));
            out.push_back(tables::fileLines("resolv", host.resolvConf()));
            break;
        }
        case InspectTarget::Kind::Bridge:
            if (const sim::net::Bridge* br = findBridge(lab, target.name)) {
                out.push_back(tables::bridgePorts(k, *br));
                out.push_back(tables::fdb(k, *br));
            }
            break;
        case InspectTarget::Kind::Container: {
            const sim::docker::Container* c = lab.engine().findContainer(target.name);
            if (!c) break;
            // The sandbox is the host's namespace in host mode and the donor's in container mode;
            // netfilter tables belong to the host view, a container's are empty.
            if (c->sandbox.isValid()) addNamespaceTables(k, c->sandbox, c->sandbox == lab.engine().hostNamespace(), out);
            out.push_back(tables::fileLines("hosts", c->etcHosts));
            out.push_back(tables::fileLines("resolv", c->resolvConf));
            break;
        }
    }
    return out;
}

}  // namespace docknet::gui
