// dockerd's restart as the bridge driver of Docker <= 27 sees it (libnetwork drivers/bridge
// bridge_linux.go configure: removeIPChains then setupIPChains; setup_ip_tables_linux.go; the
// controller's arrangeUserFilterRule), with live-restore off (daemon.Shutdown stops every
// running container, daemon.restore starts again those their restart policy asks for). What a
// student who flushed Docker's rules types to get them back.
#include "sim/docker/docker_engine.hpp"

namespace sim::docker {

namespace {

net::XtRule jumpTo(const std::string& chain) { return net::XtRule{{}, net::target::Jump{chain}}; }
net::XtRule returnRule() { return net::XtRule{{}, net::target::Return{}}; }

/// The nat jumps to DOCKER (ProgramChain for the bridge): local destinations, from outside and,
/// off loopback, from the host itself.
std::pair<net::XtRule, net::XtRule> natJumps() {
    net::RuleMatch local;
    local.dstTypeLocal = true;
    net::RuleMatch out = local;
    out.dst = net::PrefixMatch{*wire::Ipv4Prefix::parse("127.0.0.0/8"), true};
    return {net::XtRule{local, net::target::Jump{"DOCKER"}}, net::XtRule{out, net::target::Jump{"DOCKER"}}};
}

/// EnsureJumpRule: deleted where it is, inserted first.
void jumpFirst(net::XtTable& filter, const std::string& chain) {
    const net::XtRule jump = jumpTo(chain);
    while (filter.contains("FORWARD", jump)) (void)filter.remove("FORWARD", jump);
    (void)filter.insert("FORWARD", 1, jump);
}

/// The isolation jump first, then DOCKER-USER above it (EnsureJumpRule, arrangeUserFilterRule).
void arrangeForwardJumps(net::XtTable& filter) {
    jumpFirst(filter, "DOCKER-ISOLATION-STAGE-1");
    jumpFirst(filter, "DOCKER-USER");
}

}  // namespace

void DockerEngine::setupIpChains() {
    auto& filter = m_kernel.ns(hostNamespace())->filter();
    auto& nat = m_kernel.ns(hostNamespace())->nat();
    // NewChain leaves an existing chain (and its rules) as it is.
    if (!nat.hasChain("DOCKER")) (void)nat.newChain("DOCKER");
    for (const char* chain : {"DOCKER", "DOCKER-ISOLATION-STAGE-1", "DOCKER-ISOLATION-STAGE-2"})
        if (!filter.hasChain(chain)) (void)filter.newChain(chain);
    // AddReturnRule: an isolation chain ends in RETURN unless it has one.
    for (const char* chain : {"DOCKER-ISOLATION-STAGE-1", "DOCKER-ISOLATION-STAGE-2"})
        if (!filter.contains(chain, returnRule())) (void)filter.append(chain, returnRule());
    const auto [prerouting, output] = natJumps();
    if (!nat.contains("PREROUTING", prerouting)) (void)nat.append("PREROUTING", prerouting);
    if (!nat.contains("OUTPUT", output)) (void)nat.append("OUTPUT", output);
    // The user's chain is made once, with its RETURN, and never emptied by the daemon.
    if (!filter.hasChain("DOCKER-USER")) {
        (void)filter.newChain("DOCKER-USER");
        (void)filter.append("DOCKER-USER", returnRule());
    }
    arrangeForwardJumps(filter);
}

std::vector<std::string> DockerEngine::restartDaemon() {
    std::vector<std::string> stopped;
    for (const auto& c : m_containers) {
        if (!c->isRunningOrRestarting()) continue;
        stopContainer(*c, StopCause::Shutdown);
        stopped.push_back(c->name);
    }
    // removeIPChains: the nat DOCKER chain with its jumps; the filter chains flushed, and
    // deleted where nothing jumps to them any more (errors ignored, as the driver does).
    auto& filter = m_kernel.ns(hostNamespace())->filter();
    auto& nat = m_kernel.ns(hostNamespace())->nat();
    const auto [prerouting, output] = natJumps();
    (void)nat.remove("PREROUTING", prerouting);
    (void)nat.remove("OUTPUT", output);
    (void)nat.flush("DOCKER");
    (void)nat.deleteChain("DOCKER");
    for (const char* chain : {"DOCKER", "DOCKER-ISOLATION-STAGE-1", "DOCKER-ISOLATION-STAGE-2"}) {
        (void)filter.flush(chain);
        (void)filter.deleteChain(chain);
    }
    setupIpChains();
    // The networks from the store, each set up again (only the rules that are missing).
    for (const auto& n : m_networks)
        if (n->driver == DriverKind::Bridge) programIptables(*n, true, true);
    arrangeForwardJumps(filter);  // the controller's, after the networks
    (void)restoreContainers();
    return stopped;
}

}  // namespace sim::docker
