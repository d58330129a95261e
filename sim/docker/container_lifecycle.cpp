// Container lifecycle: create (validation in the daemon's order), start (sandbox, endpoints,
// ports, DNS, files, main process), stop / kill / restart / rm / rename. Network connect and
// disconnect are in network_attach.cpp.
#include <algorithm>

#include "sim/docker/capabilities.hpp"
#include "sim/docker/docker_engine.hpp"
#include "sim/docker/docker_messages.hpp"
#include "sim/docker/embedded_dns.hpp"
#include "sim/docker/host_environment.hpp"
#include "sim/docker/image_users.hpp"
#include "sim/net/transport_layer.hpp"

namespace sim::docker {

using core::ErrorCode;
using core::fail;

namespace {

constexpr std::size_t kUtsNameMax = 64;  // the kernel's __NEW_UTS_LEN

/// ^/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$ (moby's RestrictedNamePattern), checked without a regex
/// engine so a 27,000-character name costs a loop, not a recursion.
bool isValidName(const std::string& name) {
    const std::string_view n = std::string_view(name).substr(name.starts_with('/') ? 1 : 0);
    auto alnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); };
    if (n.size() < 2 || !alnum(n[0])) return false;
    for (const char c : n.substr(1))
        if (!alnum(c) && c != '_' && c != '.' && c != '-') return false;
    return true;
}

std::string unusedNamespaceName(const net::Kernel& k, const std::string& base) {
    std::string name = base;
    for (int i = 2; k.findNamespace(name).isValid(); ++i) name = base + "-" + std::to_string(i);
    return name;
}

/// The image's USER, what the process runs as without --user.
std::string imageUser(const ImageCatalog& images, const Container& c) {
    const ImageConfig* image = images.find(c.config.image);
    return image ? image->user : "";
}

}  // namespace

core::Result<void> DockerEngine::validateCreate(const ContainerConfig& cfg, std::vector<std::string>& warnings) const {
    // verifyContainerSettings (moby daemon/container.go), in its order: the config, the host
    // config (capabilities), then the platform's resources.
    if (!cfg.workdir.empty() && !cfg.workdir.starts_with('/'))
        return fail(ErrorCode::InvalidArgument,
                    "the working directory '" + cfg.workdir + "' is invalid, it needs to be an absolute path");
    // validateHostConfig: the policy itself is typed (validated where --restart was read).
    if (cfg.autoRemove && !cfg.restartPolicy.isNone())
        return fail(ErrorCode::InvalidArgument, "can't create 'AutoRemove' container with restart policy");
    if (auto caps = validateCapabilities(cfg); !caps) return caps;
    // verifyPlatformContainerResources (daemon_unix.go): linuxMinMemory is 6 MiB.
    if (cfg.memory != 0 && cfg.memory < 6 * 1024 * 1024)
        return fail(ErrorCode::InvalidArgument, "Minimum memory limit allowed is 6MB");
    if (cfg.nanoCpus < 0 || cfg.nanoCpus > std::int64_t{HostEnvironment::kCpus} * 1'000'000'000)
        return fail(ErrorCode::InvalidArgument, "Range of CPUs is from 0.01 to " + std::to_string(HostEnvironment::kCpus) +
                                                    ".00, as there are only " + std::to_string(HostEnvironment::kCpus) +
                                                    " CPUs available");
    const NetworkMode& mode = cfg.network;
    if (mode.isContainer()) {
        // validateNetContainerMode, in the daemon's order.
        if (mode.name.empty()) return fail(ErrorCode::InvalidArgument, msg::kContainerFormat);
        if (!cfg.hostname.empty()) return fail(ErrorCode::InvalidArgument, msg::kContainerHostname);
        if (!cfg.links.empty()) return fail(ErrorCode::InvalidArgument, msg::kContainerLinks);
        if (!cfg.dns.empty()) return fail(ErrorCode::InvalidArgument, msg::kContainerDns);
        if (!cfg.extraHosts.empty()) return fail(ErrorCode::InvalidArgument, msg::kContainerExtraHosts);
        if (!cfg.publish.empty() || cfg.publishAll) return fail(ErrorCode::InvalidArgument, msg::kContainerPublish);
        if (!cfg.expose.empty()) return fail(ErrorCode::InvalidArgument, msg::kContainerExpose);
    }
    if (mode.isHost()) {
        if (!cfg.links.empty()) return fail(ErrorCode::InvalidArgument, msg::kHostLinks);
        // daemon_unix.go warns on len(PortBindings) > 0 only: -P alone sets PublishAllPorts and
        // no binding, so `--network host -P` is silent (moby's TestContainerWarningHostAndPublishPorts).
        if (!cfg.publish.empty()) warnings.push_back(msg::kHostPortsDiscarded);
    }
    // validateNetworkingConfig (v25-27): the endpoint settings of the network the CLI names
    // ("default" without --network), checked against it when it exists, at create time, so a
    // refused --ip leaves no container.
    if (cfg.ip || !cfg.ip6.empty() || !cfg.networkAliases.empty()) {
        std::string key = "default";
        const Network* n = nullptr;
        switch (mode.kind) {
            case NetworkMode::Kind::Default: break;
            case NetworkMode::Kind::Named: key = mode.name; n = findNetwork(mode.name); break;
            case NetworkMode::Kind::Host: key = "host"; n = findNetwork("host"); break;
            case NetworkMode::Kind::None: key = "none"; n = findNetwork("none"); break;
            case NetworkMode::Kind::Container: key = "container:" + mode.name; break;
        }
        EndpointRequest request;
        request.aliases = cfg.networkAliases;
        if (cfg.ip) request.ipv4Address = cfg.ip->toString();
        request.ipv6Address = cfg.ip6;
        if (auto valid = validateEndpointRequest(n, key, request); !valid)
            return fail(ErrorCode::InvalidArgument, "invalid config for network " + key + ": " + valid.error().message);
    }
    // registerLinks (daemon.create): a legacy link on the default bridge must name a container
    // that exists now, so a missing one leaves no container behind. Its running state is checked
    // at start. On a user-defined network a --link is an endpoint alias, resolved at start.
    const Network* named = mode.kind == NetworkMode::Kind::Named ? findNetwork(mode.name) : nullptr;
    // A MAC address is an endpoint's: host, none and container modes have none to give it (the
    // check runconfig kept through v25; docs list --mac-address as unsupported there).
    if (cfg.macAddress && (mode.isHost() || mode.isContainer() || mode.kind == NetworkMode::Kind::None ||
                           (named && named->driver != DriverKind::Bridge)))
        return fail(ErrorCode::InvalidArgument, msg::kNetworkModeMac);
    if (mode.kind == NetworkMode::Kind::Default || (named && named->isDefaultBridge)) {
        for (const auto& link : cfg.links) {
            const std::string target = parseLink(link).target;
            const Container* t = findContainer(target);
            if (!t)
                return fail(ErrorCode::InvalidArgument, "could not get container for " + target + ": No such container: " + target);
            if (t->config.network.isHost()) return fail(ErrorCode::InvalidArgument, msg::kHostLinks);
        }
    }
    return {};
}

core::Result<std::string> DockerEngine::create(ContainerConfig cfg, std::vector<std::string>& warnings) {
    const ImageConfig* image = m_images.find(cfg.image);
    if (!image) return fail(ErrorCode::NotFound, "No such image: " + cfg.image);
    if (!cfg.name.empty()) {
        if (!isValidName(cfg.name))
            return fail(ErrorCode::InvalidArgument,
                        "Invalid container name (" + cfg.name + "), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed");
        if (cfg.name.front() == '/') cfg.name.erase(0, 1);
        if (const Container* c = m_containerIndex.byName(cfg.name)) return msg::nameInUse(cfg.name, c->id);
    }
    std::vector<std::string> localWarnings;
    if (auto r = validateCreate(cfg, localWarnings); !r) return std::unexpected(r.error());

    auto c = std::make_unique<Container>();
    c->id = m_ids.newId();
    if (cfg.name.empty()) {
        do {
            cfg.name = m_ids.randomName();
        } while (m_containerIndex.byName(cfg.name));
    }
    c->name = cfg.name;
    c->imageId = image->id;
    // newContainer: a given hostname is kept, also in host mode (the container has its own UTS
    // namespace); without one, the short id, or the host's name in host mode.
    c->hostname = !cfg.hostname.empty() ? cfg.hostname : cfg.network.isHost() ? m_host->hostName() : c->id.substr(0, 12);
    c->domainname = cfg.domainname;
    c->path = cfg.entrypoint ? std::vector<std::string>{*cfg.entrypoint} : image->entrypoint;
    // --entrypoint drops the image's CMD (Docker resets Cmd when the entrypoint is overridden).
    const auto& args = !cfg.command.empty() ? cfg.command : cfg.entrypoint ? std::vector<std::string>{} : image->cmd;
    for (const auto& a : args) c->path.push_back(a);
    c->createdAt = m_kernel.now();
    switch (cfg.network.kind) {
        case NetworkMode::Kind::Default:
            c->networks.push_back(findNetwork("bridge")->id);
            if (cfg.macAddress) c->endpointSettings[c->networks.back()].mac = cfg.macAddress;
            break;
        case NetworkMode::Kind::Named: {
            const Network* n = findNetwork(cfg.network.name);
            const std::string key = n ? n->id : cfg.network.name;  // an unknown network fails at start
            c->networks.push_back(key);
            // EndpointsConfig[network]: --ip, --network-alias, and --link, which on a user-defined
            // network is an endpoint option (on the default bridge it is a legacy link).
            EndpointSettings settings;
            settings.aliases = cfg.networkAliases;
            settings.ip = cfg.ip;
            if (auto ip6 = wire::Ipv6Address::parse(cfg.ip6)) settings.ip6 = *ip6;
            settings.mac = cfg.macAddress;
            if (!(n && n->isDefaultBridge)) settings.links = cfg.links;
            c->endpointSettings[key] = std::move(settings);
            break;
        }
        case NetworkMode::Kind::Host: c->networks.push_back(findNetwork("host")->id); break;
        case NetworkMode::Kind::None: c->networks.push_back(findNetwork("none")->id); break;
        case NetworkMode::Kind::Container: break;
    }
    c->config = std::move(cfg);
    warnings.insert(warnings.end(), localWarnings.begin(), localWarnings.end());
    const std::string id = c->id;
    m_containerIndex.add(c.get());
    m_containers.push_back(std::move(c));
    return id;
}

std::string DockerEngine::gatewayNetworkOf(const Container& c) const {
    // Endpoint.Less: a network that provides a gateway, non-internal first, then the smaller name.
    const Network* best = nullptr;
    for (const auto& [netId, epId] : c.endpoints) {
        const Network* n = findNetwork(netId);
        if (!n || n->driver != DriverKind::Bridge) continue;
        if (!best || (best->internal && !n->internal) || (best->internal == n->internal && n->name < best->name)) best = n;
    }
    return best ? best->id : std::string();
}

core::Result<void> DockerEngine::setupNetworking(Container& c) {
    const NetworkMode& mode = c.config.network;
    if (mode.isContainer()) {
        const Container* donor = findContainer(mode.name);
        if (!donor) return msg::noSuchContainer(mode.name);
        if (donor->id == c.id) return fail(ErrorCode::InvalidArgument, "cannot join own network");
        if (!donor->isRunning())
            return fail(ErrorCode::Conflict, "cannot join network of a non running container: " + mode.name);
        c.sandbox = donor->sandbox;
        c.sandboxId = donor->sandboxId;
        c.sandboxKey = donor->sandboxKey;
        c.hostname = donor->hostname;
        c.domainname = donor->domainname;
        c.etcHosts = donor->etcHosts;
        c.resolvConf = donor->resolvConf;
        return {};
    }
    if (mode.isHost()) {
        c.sandbox = hostNamespace();
        c.sandboxId = m_ids.newId();
        c.sandboxKey = "/var/run/docker/netns/default";
        Network* host = mutableNetwork("host");
        Endpoint ep = *createEndpoint(*host, c, {});
        host->endpointIds.push_back(ep.id);
        c.endpoints[host->id] = ep.id;
        m_endpoints.emplace(ep.id, std::move(ep));
        refreshEtcFiles(c);
        return {};
    }

    // Resolve the networks and links before creating anything.
    std::vector<Network*> nets;
    for (const auto& ref : c.networks) {
        Network* n = mutableNetwork(ref);
        if (!n) return msg::networkNotFound(ref);
        nets.push_back(n);
    }
    for (const auto& link : c.config.links) {
        const auto [target, alias] = parseLink(link);
        const Container* t = findContainer(target);
        if (!t) return fail(ErrorCode::NotFound, "could not get container for " + target + ": No such container: " + target);
        if (!t->isRunning())
            return fail(ErrorCode::Conflict, "Cannot link to a non running container: /" + t->name + " AS /" + c.name + "/" + alias);
    }

    auto ns = m_kernel.createNamespace(unusedNamespaceName(m_kernel, c.name));
    if (!ns) return std::unexpected(ns.error());
    c.sandbox = *ns;
    c.sandboxId = m_ids.newId();
    c.sandboxKey = "/var/run/docker/netns/" + c.sandboxId.substr(0, 12);
    // A new sandbox gets new files whatever was edited (setupDNS, buildHostsFile).
    c.resolvConfUserModified = false;
    c.etcHostsUserModified = false;
    (void)m_kernel.setUp(m_kernel.ns(*ns)->loopback(), true);

    for (std::size_t i = 0; i < nets.size(); ++i) {
        Network* n = nets[i];
        // The endpoint is built from the settings kept for this network (allocateNetwork).
        ConnectOptions opts;
        if (const EndpointSettings* kept = endpointSettings(c, c.networks[i]); kept && n->driver == DriverKind::Bridge) opts = *kept;
        auto ep = createEndpoint(*n, c, opts);
        if (!ep) {
            teardownNetworking(c);
            return std::unexpected(ep.error());
        }
        n->endpointIds.push_back(ep->id);
        c.endpoints[n->id] = ep->id;
        const std::string epId = ep->id;
        m_endpoints.emplace(epId, std::move(*ep));
    }
    const std::string gw = gatewayNetworkOf(c);
    for (Network* n : nets) {
        Endpoint& ep = m_endpoints.at(c.endpoints.at(n->id));
        ep.dnsNames = {c.name};
        for (const auto& a : ep.aliases) ep.dnsNames.push_back(a);
        ep.dnsNames.push_back(c.id.substr(0, 12));
        ep.dnsNames.push_back(c.hostname);
        std::vector<std::string> unique;
        for (const auto& d : ep.dnsNames)
            if (std::find(unique.begin(), unique.end(), d) == unique.end()) unique.push_back(d);
        ep.dnsNames = unique;
        if (auto r = joinEndpoint(*n, c, ep, n->id == gw); !r) {
            teardownNetworking(c);
            return r;
        }
    }
    if (!gw.empty()) {
        const Network* n = findNetwork(gw);
        if (!n->internal) {
            if (auto r = publishPorts(c, *n, m_endpoints.at(c.endpoints.at(gw))); !r) {
                teardownNetworking(c);
                return r;
            }
        }
    }
    m_dns->attach(c);
    refreshEtcFiles(c);
    return {};
}

void DockerEngine::teardownNetworking(Container& c) {
    unpublishPorts(c);
    m_dns->detach(c);
    for (auto it = c.endpoints.begin(); it != c.endpoints.end();) {
        const std::string netId = it->first, epId = it->second;
        ++it;
        if (Network* n = mutableNetwork(netId)) leaveEndpoint(*n, c, epId);
        else m_endpoints.erase(epId);
    }
    c.endpoints.clear();
    // Close what the main process had open; the namespace itself goes when nobody shares it.
    for (auto s : c.serviceSockets)
        if (c.sandbox.isValid()) (void)m_kernel.transport().close(c.sandbox, s);
    c.serviceSockets.clear();
    const bool ownSandbox = c.sandbox.isValid() && c.sandbox != hostNamespace() && !c.config.network.isContainer();
    if (ownSandbox) {
        bool shared = false;
        for (const auto& other : m_containers)
            if (other.get() != &c && other->isRunning() && other->sandbox == c.sandbox) shared = true;
        if (shared) {
            // Containers that joined this namespace keep it, with only lo left (moby#24935).
            for (auto id : m_kernel.interfacesOf(c.sandbox))
                if (!m_kernel.interface(id)->isLoopback()) (void)m_kernel.deleteInterface(id);
        } else {
            (void)m_kernel.deleteNamespace(c.sandbox);
        }
    }
    c.sandbox = {};
    // releaseNetwork forgets the sandbox: a stopped or failed container has none.
    c.sandboxId.clear();
    c.sandboxKey.clear();
}

core::Result<void> DockerEngine::start(const std::string& ref) {
    Container* c = mutableContainer(ref);
    if (!c) return msg::noSuchContainer(ref);
    // A restarting container counts as running: the policy's start is already on its way.
    if (c->isRunningOrRestarting()) return {};
    return startContainer(*c, true);
}

core::Result<void> DockerEngine::startContainer(Container& c, bool resetRestartManager) {
    // runc's init sets the UTS names (sethostname/setdomainname, at most __NEW_UTS_LEN = 64 bytes
    // each: EINVAL beyond), then resolves --user in the image's /etc/passwd, then looks for the
    // program. The daemon records exitUnknown (128) for a start error it cannot classify.
    for (const auto& [syscall, name] : {std::pair{"sethostname", &c.hostname}, std::pair{"setdomainname", &c.domainname}}) {
        if (name->size() <= kUtsNameMax) continue;
        c.exitCode = 128;
        return fail(ErrorCode::InvalidArgument,
                    std::string("failed to create task for container: failed to create shim task: OCI runtime create failed: "
                                "runc create failed: unable to start container process: error during container init: ") +
                        syscall + ": invalid argument: unknown");
    }
    // runc's init resolves --user in the image's /etc/passwd before it looks for the program.
    if (auto user = resolveUser(m_images.find(c.config.image), c.config.user.empty() ? imageUser(m_images, c) : c.config.user); !user) {
        c.exitCode = 128;  // UNCERTAIN: the daemon's exit code for a start failure that is neither 126 nor 127
        return fail(ErrorCode::InvalidArgument,
                    "failed to create task for container: failed to create shim task: OCI runtime create failed: runc create "
                    "failed: unable to start container process: error during container init: " + user.error().message +
                        ": unknown");
    }
    if (auto missing = missingExecutable(c)) {
        // runc fails before any networking exists; the container stays Created with code 127.
        c.exitCode = 127;
        return fail(ErrorCode::NotFound,
                    "failed to create task for container: failed to create shim task: OCI runtime create failed: runc create "
                    "failed: unable to start container process: exec: \"" + *missing +
                        "\": executable file not found in $PATH: unknown");
    }
    // A start that fails leaves the container Created and nothing of its networking: the ids and
    // veth names it drew are given back, so what runs next is what would have run without it.
    core::RngCheckpoint draws(m_kernel.rng());
    if (auto r = setupNetworking(c); !r) return r;
    draws.keep();
    // A user's start gets a new restart manager (containerStart's ResetRestartManager(true)): the
    // count, the backoff and the manual stop are forgotten; the policy's own start keeps them.
    if (resetRestartManager) {
        c.restartCount = 0;
        c.restartBackoff = {};
        c.manuallyStopped = false;
    }
    c.status = ContainerStatus::Running;
    c.startedAt = m_kernel.now();
    c.exitCode = 0;
    c.everStarted = true;
    startMainProcess(c);
    return {};
}

void DockerEngine::finishExit(Container& c, int code) {
    if (!c.isRunning()) return;
    stopMainProcess(c);
    teardownNetworking(c);
    c.status = ContainerStatus::Exited;
    c.exitCode = code;
    c.finishedAt = m_kernel.now();
    if (c.config.autoRemove) {
        const std::string id = c.id;
        m_autoRemoved[id] = ExitRecord{code, c.logs};
        m_containerIndex.remove(&c);
        std::erase_if(m_containers, [&](const auto& p) { return p->id == id; });
    }
}

const DockerEngine::ExitRecord* DockerEngine::autoRemoved(const std::string& id) const {
    auto it = m_autoRemoved.find(id);
    return it == m_autoRemoved.end() ? nullptr : &it->second;
}

core::Result<void> DockerEngine::stop(const std::string& ref) {
    Container* c = mutableContainer(ref);
    if (!c) return msg::noSuchContainer(ref);
    stopContainer(*c, StopCause::User);
    return {};
}

void DockerEngine::stopContainer(Container& c, StopCause cause) {
    if (!c.isRunningOrRestarting()) return;  // not modified: nothing is signalled
    // killWithSignal: ExitOnNext cancels the restart manager, and a stop that is not the
    // daemon's shutdown is a manual one (unless-stopped then stays down).
    c.restartBackoff.canceled = true;
    if (cause == StopCause::User) c.manuallyStopped = true;
    if (c.status == ContainerStatus::Restarting) {
        cancelPolicyRestart(c);
        return;
    }
    if (initHandlesTerm(c)) {
        finishExit(c, 0);
        return;
    }
    // PID 1 without a SIGTERM handler ignores it: Docker waits 10 s, then SIGKILL (exit 137).
    const std::string id = c.id;
    m_kernel.scheduler().runUntil(m_kernel.now() + core::seconds(10));
    if (Container* still = mutableContainer(id)) finishExit(*still, 137);
}

core::Result<void> DockerEngine::kill(const std::string& ref) {
    Container* c = mutableContainer(ref);
    if (!c) return msg::noSuchContainer(ref);
    if (!c->isRunningOrRestarting()) return msg::notRunning(c->id);
    c->restartBackoff.canceled = true;
    c->manuallyStopped = true;
    // A restarting container has no process to signal: cancelling the restart is enough.
    if (c->status == ContainerStatus::Restarting) cancelPolicyRestart(*c);
    else finishExit(*c, 137);
    return {};
}

core::Result<void> DockerEngine::restart(const std::string& ref) {
    Container* c = mutableContainer(ref);
    if (!c) return msg::noSuchContainer(ref);
    const std::string id = c->id;
    // moby's containerRestart: stop, then start with the restart manager reset, which sets
    // RestartCount to 0 (it counts restarts by a --restart policy, not by `docker restart`).
    // A failure is wrapped as ContainerRestart wraps it, with the name as the user gave it.
    auto wrap = [&ref](const core::Error& e) { return fail(e.code, "Cannot restart container " + ref + ": " + e.message); };
    if (auto r = stop(id); !r) return wrap(r.error());
    if (Container* again = mutableContainer(id)) {
        again->restartCount = 0;
        if (auto r = start(id); !r) return wrap(r.error());
    }
    return {};
}

core::Result<void> DockerEngine::remove(const std::string& ref, bool force) {
    Container* c = mutableContainer(ref);
    if (!c) return msg::noSuchContainer(ref);
    if (c->status == ContainerStatus::Restarting) {
        if (!force) return msg::removeRunning(c->name, "restarting");
        cancelPolicyRestart(*c);
    }
    if (c->isRunning()) {
        if (!force) return msg::removeRunning(c->name);
        const bool autoRemove = c->config.autoRemove;
        c->config.autoRemove = false;  // removed just below, once
        finishExit(*c, 137);
        c->config.autoRemove = autoRemove;
    }
    const std::string id = c->id;
    m_containerIndex.remove(c);
    std::erase_if(m_containers, [&](const auto& p) { return p->id == id; });
    return {};
}

core::Result<void> DockerEngine::rename(const std::string& ref, const std::string& newName) {
    Container* c = mutableContainer(ref);
    if (!c) return msg::noSuchContainer(ref);
    std::string name = newName;
    if (!name.empty() && name.front() == '/') name.erase(0, 1);
    if (!isValidName(name))
        return fail(ErrorCode::InvalidArgument, "Invalid container name (" + newName + "), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed");
    if (name == c->name)
        return fail(ErrorCode::InvalidArgument, "Renaming a container with the same name as its current name");
    if (const Container* o = m_containerIndex.byName(name)) return msg::nameInUse(name, o->id);
    const std::string old = c->name;
    m_containerIndex.rename(c, name);
    c->name = name;
    c->config.name = name;
    for (const auto& [netId, epId] : c->endpoints) {
        Endpoint& ep = m_endpoints.at(epId);
        ep.name = name;
        std::replace(ep.dnsNames.begin(), ep.dnsNames.end(), old, name);
    }
    return {};
}

}  // namespace sim::docker
