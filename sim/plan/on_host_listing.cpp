#include "sim/plan/on_host_listing.hpp"

namespace sim::plan {

OnHostListing describeOnHost(const KernelPlan& plan) {
    const std::string host = kernelNamespaceName("host");
    const std::string router = kernelNamespaceName("gateway");
    OnHostListing l;
    auto place = [&](const std::string& ns, const std::string& what) {
        if (ns == router) l.leftOut.push_back(what + "   (docknet-router: the machine's real network stands for it)");
        else if (ns == host) l.inRootNamespace.push_back(what);
        else l.inLabNamespaces.push_back(what);
    };
    // The host's uplink (eth0 to docknet-router) is the machine's own eth0: nothing is made for it.
    auto isUplink = [&](const std::string& ns, const std::string& dev) { return ns == host && dev == "eth0"; };
    for (const auto& n : plan.namespaces)
        if (n.name != host) place(n.name, "netns " + n.name);
    for (const auto& b : plan.bridges) place(b.ns, "bridge " + b.name + " " + b.mac + (b.up ? " up" : ""));
    for (const auto& v : plan.veths) {
        const std::string text = "veth " + v.name + " " + v.mac + (v.master.empty() ? "" : " master " + v.master) + " <-> " +
                                 v.peerNs + " " + v.peerName + " " + v.peerMac + (v.peerMaster.empty() ? "" : " master " + v.peerMaster);
        if (isUplink(v.ns, v.name) || isUplink(v.peerNs, v.peerName) || v.ns == router || v.peerNs == router)
            l.leftOut.push_back(text + "   (the uplink: the machine's own eth0)");
        else if (v.ns == host || v.peerNs == host)
            l.inRootNamespace.push_back(text + "   (the end in " + (v.ns == host ? v.ns : v.peerNs) + " goes into the root namespace)");
        else
            l.inLabNamespaces.push_back("veth " + v.ns + " " + text);
    }
    for (const auto& a : plan.addresses) {
        const std::string text = "addr " + a.prefix + " dev " + a.dev;
        if (isUplink(a.ns, a.dev)) l.leftOut.push_back(text + "   (the machine's eth0 keeps its own address)");
        else place(a.ns, a.ns == host ? text : "addr " + a.ns + " " + a.prefix + " dev " + a.dev);
    }
    for (const auto& r : plan.routes) {
        const std::string text = "route " + r.destination + (r.gateway.empty() ? "" : " via " + r.gateway) + " dev " + r.dev;
        if (isUplink(r.ns, r.dev)) l.leftOut.push_back(text + "   (the machine's routes stay as they are)");
        else place(r.ns, r.ns == host ? text : "route " + r.ns + " " + text.substr(6));
    }
    for (const auto& s : plan.sysctls) place(s.ns, "sysctl " + (s.ns == host ? "" : s.ns + " ") + s.key + "=" + s.value);
    for (const auto& r : plan.rulesets) place(r.ns, "nft table ip " + r.table + (r.ns == host ? "" : " in " + r.ns));
    for (const auto& f : plan.files) place(f.ns, "file /etc/netns/" + f.ns + "/" + f.name);
    for (const auto& s : plan.listeners)
        place(s.ns, "listen tcp " + s.address + ":" + std::to_string(s.port) + " (" + s.owner + ")" + (s.ns == host ? "" : " in " + s.ns));
    for (const auto& u : plan.udpSockets)
        place(u.ns, "bind udp " + u.address + ":" + std::to_string(u.port) + " (" + u.owner + ")" + (u.ns == host ? "" : " in " + u.ns));
    for (const auto& r : plan.resolvers) place(r.ns, "dns " + r.ns + " udp 127.0.0.11:53");
    return l;
}

}  // namespace sim::plan
