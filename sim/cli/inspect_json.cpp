// `docker network inspect` and `docker inspect` (containers), Docker 27.
//
// Field order is the Go structs' order (moby api/types: network.Inspect; ContainerJSONBase +
// Mounts, Config, NetworkSettings; container.HostConfig with the embedded Resources;
// container.Config; NetworkSettingsBase + DefaultNetworkSettings + Networks;
// network.EndpointSettings). Go maps (Containers, Options, Labels, Ports, PortBindings,
// ExposedPorts, Networks, GraphDriver.Data) are sorted objects.
//
// What docknet does not model is printed as a Docker 27 daemon prints it for a container made
// by a plain `docker run` on a cgroup-v2 Ubuntu host: LogConfig json-file,
// CgroupnsMode/IpcMode "private", ShmSize 64 MiB, Runtime "runc", the default MaskedPaths and
// ReadonlyPaths, zero resources, no mounts, AppArmorProfile "docker-default" once started.
// Values that are docknet's own choice (marked UNCERTAIN below where Docker's exact answer was
// not checked against a real 27 output): State.Pid (a stable pseudo PID), ConsoleSize, the
// overlay2 directory names, and the empty ResolvConfPath/HostnamePath/HostsPath/LogPath of a
// container that never started.
#include <algorithm>

#include "sim/cli/docker_view_util.hpp"
#include "sim/cli/docker_views.hpp"

namespace sim::cli {

using core::JsonValue;
using docker::Container;
using docker::DockerEngine;
using docker::DriverKind;
using docker::Network;

namespace {

constexpr const char* kZeroTime = "0001-01-01T00:00:00Z";

JsonValue str(std::string s) { return JsonValue::string(std::move(s)); }
JsonValue boolean(bool b) { return JsonValue::boolean(b); }
template <class T>
JsonValue num(T v) {
    return JsonValue::number(v);
}
JsonValue stringsOrNull(const std::vector<std::string>& v) { return v.empty() ? JsonValue::null() : JsonValue::stringArray(v); }

JsonValue sortedStrings(const std::map<std::string, std::string>& m) {
    JsonValue o = JsonValue::sortedObject();
    for (const auto& [k, v] : m) o.set(k, str(v));
    return o;
}

}  // namespace

// ---- docker network inspect -----------------------------------------------------------------

JsonValue networkInspect(const DockerEngine& engine, const Network& n) {
    JsonValue ipamConfig = JsonValue::array();
    if (n.driver == DriverKind::Bridge && n.ipam) {
        // buildIpamResources: a configured subnet prints as configured (IPRange, Gateway and
        // AuxiliaryAddresses omitempty, so a --subnet without --gateway shows no gateway); a
        // subnet from the default pools prints with the gateway IPAM allocated.
        JsonValue cfg = JsonValue::object().set("Subnet", str(n.ipam->subnet.toString()));
        if (n.ipRange) cfg.set("IPRange", str(n.ipRange->toString()));
        if (!n.staticSubnet || n.gatewayGiven || n.isDefaultBridge) cfg.set("Gateway", str(n.ipam->gateway.toString()));
        if (!n.auxAddresses.empty()) {
            JsonValue aux = JsonValue::sortedObject();
            for (const auto& [name, ip] : n.auxAddresses) aux.set(name, str(ip.toString()));
            cfg.set("AuxiliaryAddresses", std::move(aux));
        }
        ipamConfig.push(std::move(cfg));
    }
    // The IPv6 config after the IPv4 one: as given (kept even without --ipv6), or what IPAM
    // allocated from the ULA base when --ipv6 came without a subnet.
    if (n.ipv6SubnetGiven) {
        JsonValue cfg = JsonValue::object().set("Subnet", str(n.ipv6SubnetGiven->toString()));
        if (n.ipv6RangeGiven) cfg.set("IPRange", str(n.ipv6RangeGiven->toString()));
        if (n.ipv6GatewayGiven) cfg.set("Gateway", str(n.ipv6GatewayGiven->toString()));
        ipamConfig.push(std::move(cfg));
    } else if (n.ipv6) {
        ipamConfig.push(JsonValue::object().set("Subnet", str(n.ipv6->subnet.toString())).set("Gateway", str(n.ipv6->gateway.toString())));
    }
    JsonValue ipam = JsonValue::object()
                         .set("Driver", str("default"))
                         .set("Options", n.userIpamOptions ? JsonValue::sortedObject() : JsonValue::null())
                         .set("Config", std::move(ipamConfig));

    JsonValue containers = JsonValue::sortedObject();
    for (const auto& epId : n.endpointIds) {
        const docker::Endpoint* ep = engine.endpoint(epId);
        if (!ep) continue;
        const Container* c = engine.findContainer(ep->containerId);
        if (!c || !c->isRunning()) continue;
        const bool bridge = n.driver == DriverKind::Bridge;
        containers.set(c->id, JsonValue::object()
                                  .set("Name", str(ep->name))
                                  .set("EndpointID", str(ep->id))
                                  .set("MacAddress", str(bridge ? ep->mac.toString() : ""))
                                  .set("IPv4Address", str(bridge ? ep->address.toString() : ""))
                                  .set("IPv6Address", str(bridge && ep->address6 ? ep->address6->toString() : "")));
    }

    return JsonValue::object()
        .set("Name", str(n.name))
        .set("Id", str(n.id))
        .set("Created", str(engine.timestamp(n.created)))
        .set("Scope", str("local"))
        .set("Driver", str(std::string(docker::toString(n.driver))))
        .set("EnableIPv6", boolean(n.enableIpv6))
        .set("IPAM", std::move(ipam))
        .set("Internal", boolean(n.internal))
        .set("Attachable", boolean(n.attachable))
        .set("Ingress", boolean(false))
        .set("ConfigFrom", JsonValue::object().set("Network", str("")))
        .set("ConfigOnly", boolean(false))
        .set("Containers", std::move(containers))
        .set("Options", sortedStrings(n.options))
        .set("Labels", sortedStrings(n.labels));
}

// ---- docker inspect (container) -----------------------------------------------------------

namespace {

JsonValue stateJson(const DockerEngine& engine, const Container& c) {
    std::string status = "created";
    if (c.status == docker::ContainerStatus::Running) status = "running";
    else if (c.status == docker::ContainerStatus::Restarting) status = "restarting";
    else if (c.status == docker::ContainerStatus::Exited) status = "exited";
    // FinishedAt: set once the container has exited; a restarted container keeps its last one.
    // (docknet has no "never finished" flag: a running container that finished at SimTime 0
    // prints the zero time.)
    const bool finished = c.status == docker::ContainerStatus::Exited || c.status == docker::ContainerStatus::Restarting ||
                          (c.status == docker::ContainerStatus::Running && c.finishedAt.micros() > 0);
    return JsonValue::object()
        .set("Status", str(status))
        .set("Running", boolean(c.isRunningOrRestarting()))
        .set("Paused", boolean(false))
        .set("Restarting", boolean(c.status == docker::ContainerStatus::Restarting))
        .set("OOMKilled", boolean(false))
        .set("Dead", boolean(false))
        .set("Pid", num(c.isRunning() ? views::pseudoPid(c) : 0))  // UNCERTAIN value: docknet has no host PIDs
        .set("ExitCode", num(c.exitCode))
        // Docker keeps the start error here ("failed to create task ..."); the engine does not.
        .set("Error", str(""))
        .set("StartedAt", str(c.everStarted ? engine.timestamp(c.startedAt) : kZeroTime))
        .set("FinishedAt", str(finished ? engine.timestamp(c.finishedAt) : kZeroTime))
        .setOmitted("Health", JsonValue::null());  // *Health, omitempty: no health checks are modelled
}

JsonValue portBindingsJson(const Container& c) {
    JsonValue out = JsonValue::sortedObject();
    for (const auto& b : c.config.publish) {
        const std::string key = docker::portKey(b.containerPort, b.proto);
        std::string hostPort;
        if (b.hostPortStart != 0) {
            hostPort = std::to_string(b.hostPortStart);
            if (b.hostPortEnd > b.hostPortStart) hostPort += "-" + std::to_string(b.hostPortEnd);
        }
        JsonValue binding = JsonValue::object()
                                .set("HostIp", str(b.hostIpv6Any ? std::string("::") : b.hostIp ? b.hostIp->toString() : ""))
                                .set("HostPort", str(hostPort));
        if (JsonValue* existing = out.find(key)) existing->push(std::move(binding));
        else out.set(key, JsonValue::array().push(std::move(binding)));
    }
    return out;
}

/// HostConfig.Links: the legacy links of a default-bridge container, "/child:/parent/alias",
/// sorted; null when there are none (user-defined networks keep --link in the endpoint).
JsonValue legacyLinksJson(const DockerEngine& engine, const Container& c) {
    const auto& mode = c.config.network;
    const bool defaultBridge = mode.kind == docker::NetworkMode::Kind::Default ||
                               (mode.kind == docker::NetworkMode::Kind::Named && mode.name == "bridge");
    if (!defaultBridge || c.config.links.empty()) return JsonValue::null();
    std::vector<std::string> links;
    for (const auto& link : c.config.links) {
        const auto colon = link.find(':');
        const std::string target = link.substr(0, colon);
        const std::string alias = colon == std::string::npos ? target : link.substr(colon + 1);
        const Container* child = engine.findContainer(target);
        links.push_back("/" + (child ? child->name : target) + ":/" + c.name + "/" + alias);
    }
    std::sort(links.begin(), links.end());
    return JsonValue::stringArray(links);
}

JsonValue hostConfigJson(const DockerEngine& engine, const Container& c) {
    const auto& cfg = c.config;
    std::vector<std::string> dns;
    for (const auto& a : cfg.dns) dns.push_back(a.toString());
    std::vector<std::string> extraHosts;
    for (const auto& [name, ip] : cfg.extraHosts) extraHosts.push_back(name + ":" + ip.toString());
    const bool defaultMode = cfg.network.kind == docker::NetworkMode::Kind::Default;
    auto emptyArray = [] { return JsonValue::array(); };
    // UNCERTAIN: the CLI sends the terminal size only for -t; [0, 0] otherwise.
    JsonValue consoleSize = JsonValue::array().push(num(cfg.tty ? 24 : 0)).push(num(cfg.tty ? 80 : 0));
    JsonValue out = JsonValue::object();
    out
        .set("Binds", JsonValue::null())
        .set("ContainerIDFile", str(""))
        .set("LogConfig", JsonValue::object().set("Type", str("json-file")).set("Config", JsonValue::sortedObject()))
        // Docker 26+ records the default network mode as "bridge" (it was "default" before).
        .set("NetworkMode", str(defaultMode ? "bridge" : cfg.network.toString()))
        .set("PortBindings", portBindingsJson(c))
        .set("RestartPolicy", JsonValue::object()
                                  .set("Name", str(cfg.restartPolicy.nameText()))
                                  .set("MaximumRetryCount", num(cfg.restartPolicy.maximumRetryCount)))
        .set("AutoRemove", boolean(cfg.autoRemove))
        .set("VolumeDriver", str(""))
        .set("VolumesFrom", JsonValue::null())
        .set("ConsoleSize", std::move(consoleSize))
        // As the CLI sent them (the daemon normalises only the OCI spec); null when not given.
        .set("CapAdd", cfg.capAdd.empty() ? JsonValue::null() : JsonValue::stringArray(cfg.capAdd))
        .set("CapDrop", cfg.capDrop.empty() ? JsonValue::null() : JsonValue::stringArray(cfg.capDrop))
        .set("CgroupnsMode", str("private"))
        .set("Dns", JsonValue::stringArray(dns))
        .set("DnsOptions", JsonValue::stringArray(cfg.dnsOptions))
        .set("DnsSearch", JsonValue::stringArray(cfg.dnsSearch))
        .set("ExtraHosts", stringsOrNull(extraHosts))
        .set("GroupAdd", JsonValue::null())
        .set("IpcMode", str("private"))
        .set("Cgroup", str(""))
        .set("Links", legacyLinksJson(engine, c))
        .set("OomScoreAdj", num(0))
        .set("PidMode", str(""))
        .set("Privileged", boolean(cfg.privileged))
        .set("PublishAllPorts", boolean(cfg.publishAll))
        .set("ReadonlyRootfs", boolean(cfg.readonlyRootfs))
        .set("SecurityOpt", JsonValue::null())
        .set("UTSMode", str(""))
        .set("UsernsMode", str(""))
        .set("ShmSize", num(67108864))
        .set("Runtime", str("runc"))
        .set("Isolation", str(""))
        // Resources (embedded struct); KernelMemory and KernelMemoryTCP are omitempty.
        .set("CpuShares", num(0))
        .set("Memory", num(cfg.memory))
        .set("NanoCpus", num(cfg.nanoCpus))
        .set("CgroupParent", str(""))
        .set("BlkioWeight", num(0))
        .set("BlkioWeightDevice", emptyArray())
        .set("BlkioDeviceReadBps", emptyArray())
        .set("BlkioDeviceWriteBps", emptyArray())
        .set("BlkioDeviceReadIOps", emptyArray())
        .set("BlkioDeviceWriteIOps", emptyArray())
        .set("CpuPeriod", num(0))
        .set("CpuQuota", num(0))
        .set("CpuRealtimePeriod", num(0))
        .set("CpuRealtimeRuntime", num(0))
        .set("CpusetCpus", str(""))
        .set("CpusetMems", str(""))
        .set("Devices", emptyArray())
        .set("DeviceCgroupRules", JsonValue::null())
        .set("DeviceRequests", JsonValue::null())
        .set("MemoryReservation", num(0))
        // adaptContainerSettings: a memory limit without --memory-swap allows as much swap again.
        .set("MemorySwap", num(cfg.memory > 0 ? cfg.memory * 2 : 0))
        .set("MemorySwappiness", JsonValue::null())
        // The CLI always sends false; on cgroup v2 the daemon drops it (sysInfo.OomKillDisable is
        // false there, verifyPlatformContainerResources), so it is stored as nil.
        .set("OomKillDisable", JsonValue::null())
        .set("PidsLimit", JsonValue::null())
        .set("Ulimits", JsonValue::null())
        .set("CpuCount", num(0))
        .set("CpuPercent", num(0))
        .set("IOMaximumIOps", num(0))
        .set("IOMaximumBandwidth", num(0))
        // A privileged container keeps none masked or read-only (daemon/create.go leaves them null).
        .set("MaskedPaths", cfg.privileged ? JsonValue::null()
                                           : JsonValue::stringArray({"/proc/asound", "/proc/acpi", "/proc/kcore", "/proc/keys",
                                                                     "/proc/latency_stats", "/proc/timer_list", "/proc/timer_stats",
                                                                     "/proc/sched_debug", "/proc/scsi", "/sys/firmware",
                                                                     "/sys/devices/virtual/powercap"}))
        .set("ReadonlyPaths", cfg.privileged ? JsonValue::null()
                                             : JsonValue::stringArray({"/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys",
                                                                       "/proc/sysrq-trigger"}));
    // HostConfig.Init is a *bool with omitempty: present only when --init was given (a template
    // still reads the nil pointer as <nil>). The other omitempty fields of HostConfig and its
    // Resources, with their Go zero values.
    if (cfg.init) out.set("Init", boolean(*cfg.init));
    else out.setOmitted("Init", JsonValue::null());
    out.setOmitted("KernelMemory", num(0))
        .setOmitted("KernelMemoryTCP", num(0))
        .setOmitted("Mounts", JsonValue::array())
        .setOmitted("StorageOpt", JsonValue::sortedObject())
        .setOmitted("Tmpfs", JsonValue::sortedObject())
        .setOmitted("Sysctls", JsonValue::sortedObject())
        .setOmitted("Annotations", JsonValue::sortedObject());
    return out;
}

JsonValue graphDriverJson(const Container& c, const docker::ImageConfig* image) {
    const std::string root = "/var/lib/docker/overlay2/";
    const std::string dir = docker::digestHex("overlay2 " + c.id);  // UNCERTAIN: overlay2's directory names are random
    std::string lower = root + dir + "-init/diff";
    if (image)
        for (auto it = image->layers.rbegin(); it != image->layers.rend(); ++it)
            lower += ":" + root + docker::digestHex("overlay2 layer " + *it) + "/diff";
    JsonValue data = JsonValue::sortedObject()
                         .set("LowerDir", str(lower))
                         .set("MergedDir", str(root + dir + "/merged"))
                         .set("UpperDir", str(root + dir + "/diff"))
                         .set("WorkDir", str(root + dir + "/work"));
    return JsonValue::object().set("Data", std::move(data)).set("Name", str("overlay2"));
}

JsonValue configJson(const DockerEngine& engine, const Container& c, const docker::ImageConfig* image) {
    const auto& cfg = c.config;
    const bool attached = !cfg.detach;
    JsonValue exposed = JsonValue::sortedObject();
    for (const auto& [port, proto] : views::exposedPorts(engine, c))
        exposed.set(docker::portKey(port, proto), JsonValue::sortedObject());

    JsonValue cmd;
    if (!cfg.command.empty()) cmd = JsonValue::stringArray(cfg.command);
    else if (!cfg.entrypoint && image && !image->cmd.empty()) cmd = JsonValue::stringArray(image->cmd);
    JsonValue entrypoint;
    if (cfg.entrypoint) entrypoint = JsonValue::stringArray({*cfg.entrypoint});
    else if (image && !image->entrypoint.empty()) entrypoint = JsonValue::stringArray(image->entrypoint);

    JsonValue out = JsonValue::object()
                        .set("Hostname", str(c.hostname))
                        .set("Domainname", str(c.domainname))
                        .set("User", str(!cfg.user.empty() ? cfg.user : image ? image->user : ""))
                        .set("AttachStdin", boolean(attached && cfg.interactive))
                        .set("AttachStdout", boolean(attached))
                        .set("AttachStderr", boolean(attached));
    if (!exposed.empty()) out.set("ExposedPorts", std::move(exposed));  // omitempty
    else out.setOmitted("ExposedPorts", JsonValue::sortedObject());
    out.set("Tty", boolean(cfg.tty))
        .set("OpenStdin", boolean(cfg.interactive))
        .set("StdinOnce", boolean(attached && cfg.interactive))
        .set("Env", JsonValue::stringArray(views::mergedEnv(image, cfg)))
        .set("Cmd", std::move(cmd))
        .set("Image", str(cfg.image))
        .set("Volumes", JsonValue::null())
        .set("WorkingDir", str(!cfg.workdir.empty() ? cfg.workdir : image ? image->workdir : ""))
        .set("Entrypoint", std::move(entrypoint))
        .set("OnBuild", JsonValue::null())
        .set("Labels", sortedStrings(views::containerLabels(image, cfg)));
    if (image && !image->stopSignal.empty()) out.set("StopSignal", str(image->stopSignal));  // omitempty
    else out.setOmitted("StopSignal", str(""));
    // The other omitempty fields of container.Config, with their Go zero values (Healthcheck and
    // StopTimeout are nil pointers: no health checks or --stop-timeout are modelled).
    out.setOmitted("ArgsEscaped", boolean(false))
        .setOmitted("NetworkDisabled", boolean(false))
        .setOmitted("MacAddress", str(""))
        .setOmitted("Healthcheck", JsonValue::null())
        .setOmitted("StopTimeout", JsonValue::null())
        .setOmitted("Shell", JsonValue::array());
    return out;
}

struct EndpointView {
    std::string name;  // the network's name (the key of Networks)
    JsonValue json;
    bool isDefaultBridge = false;
    const docker::Endpoint* live = nullptr;
};

/// network.EndpointSettings of one configured network. Running: the endpoint's operational data.
/// Not running: Docker's cleanOperationalData leaves NetworkID (once started) and the
/// configuration (IPAMConfig, Links, Aliases, DNSNames) and empties the rest.
EndpointView endpointJson(const DockerEngine& engine, const Container& c, const std::string& netRef) {
    EndpointView v;
    const Network* n = engine.findNetwork(netRef);
    v.name = n ? n->name : netRef;
    v.isDefaultBridge = n && n->isDefaultBridge;
    const bool bridge = n && n->driver == DriverKind::Bridge;
    const bool userDefined = bridge && !n->isDefaultBridge;
    if (c.isRunning()) {
        if (auto it = c.endpoints.find(n ? n->id : netRef); it != c.endpoints.end()) v.live = engine.endpoint(it->second);
    }
    const docker::Endpoint* ep = v.live;
    // The endpoint settings kept for this network (docker run's --network or network connect).
    const docker::EndpointSettings* kept = engine.endpointSettings(c, netRef);
    const bool connected = kept && kept->viaConnect;

    JsonValue ipamConfig;
    if (kept && (connected || kept->ip || kept->ip6 || !kept->linkLocalIps.empty() || !kept->linkLocalIpv6.empty())) {
        // EndpointIPAMConfig: every field omitempty.
        ipamConfig = JsonValue::object();
        if (kept->ip) ipamConfig.set("IPv4Address", str(kept->ip->toString()));
        if (kept->ip6) ipamConfig.set("IPv6Address", str(kept->ip6->toString()));
        std::vector<std::string> linkLocal;
        for (const auto& ll : kept->linkLocalIps) linkLocal.push_back(ll.toString());
        linkLocal.insert(linkLocal.end(), kept->linkLocalIpv6.begin(), kept->linkLocalIpv6.end());
        if (!linkLocal.empty()) ipamConfig.set("LinkLocalIPs", JsonValue::stringArray(linkLocal));
    }
    std::vector<std::string> links, aliases;
    if (ep) {
        links = ep->linkAliases;
        aliases = ep->aliases;
    } else if (kept) {
        links = kept->links;
        aliases = kept->aliases;
    }
    JsonValue driverOpts;
    if (kept && (connected || !kept->driverOpts.empty())) driverOpts = sortedStrings(kept->driverOpts);
    JsonValue dnsNames;
    if (userDefined) {
        if (ep) {
            dnsNames = JsonValue::stringArray(ep->dnsNames);
        } else if (c.everStarted) {
            // buildEndpointDNSNames, kept after the stop: name, aliases, short id, hostname.
            std::vector<std::string> names{c.name};
            names.insert(names.end(), aliases.begin(), aliases.end());
            names.push_back(c.shortId());
            names.push_back(c.hostname);
            std::vector<std::string> unique;
            for (const auto& s : names)
                if (std::find(unique.begin(), unique.end(), s) == unique.end()) unique.push_back(s);
            dnsNames = JsonValue::stringArray(unique);
        }
    }
    const bool withAddress = ep && bridge;
    const bool withGateway = withAddress && !n->internal;  // the bridge driver gives internal networks none
    v.json = JsonValue::object()
                 .set("IPAMConfig", std::move(ipamConfig))
                 .set("Links", stringsOrNull(links))
                 .set("Aliases", connected && aliases.empty() ? JsonValue::array() : stringsOrNull(aliases))
                 .set("MacAddress", str(withAddress ? ep->mac.toString() : ""))
                 .set("DriverOpts", std::move(driverOpts))
                 .set("NetworkID", str(n && (ep || c.everStarted) ? n->id : ""))
                 .set("EndpointID", str(ep ? ep->id : ""))
                 .set("Gateway", str(withGateway ? ep->gateway.toString() : ""))
                 .set("IPAddress", str(withAddress ? ep->address.address().toString() : ""))
                 .set("IPPrefixLen", num(withAddress ? ep->address.length() : 0))
                 .set("IPv6Gateway", str(withGateway && ep->gateway6 ? ep->gateway6->toString() : ""))
                 .set("GlobalIPv6Address", str(withAddress && ep->address6 ? ep->address6->address().toString() : ""))
                 .set("GlobalIPv6PrefixLen", num(withAddress && ep->address6 ? ep->address6->length() : 0))
                 .set("DNSNames", std::move(dnsNames));
    return v;
}

JsonValue networkSettingsJson(const DockerEngine& engine, const Container& c) {
    const bool containerMode = c.config.network.isContainer();
    const bool ownSandbox = c.isRunning() && !containerMode;  // UNCERTAIN: container mode shows no sandbox of its own

    JsonValue ports = JsonValue::sortedObject();
    for (const auto& entry : views::portMap(engine, c)) {
        if (entry.bindings.empty()) {
            ports.set(entry.key(), JsonValue::null());
            continue;
        }
        JsonValue list = JsonValue::array();
        for (const auto& b : entry.bindings)
            list.push(JsonValue::object().set("HostIp", str(b.hostIp)).set("HostPort", str(b.hostPort)));
        ports.set(entry.key(), std::move(list));
    }

    JsonValue networks = JsonValue::sortedObject();
    const docker::Endpoint* defaultBridge = nullptr;
    const Network* defaultBridgeNet = nullptr;
    if (!containerMode) {
        for (const auto& ref : c.networks) {
            EndpointView v = endpointJson(engine, c, ref);
            if (v.isDefaultBridge && v.live) {
                defaultBridge = v.live;
                defaultBridgeNet = engine.findNetwork(ref);
            }
            networks.set(v.name, std::move(v.json));
        }
    }

    // DefaultNetworkSettings: the default bridge's endpoint only.
    const auto* ep = defaultBridge;
    const bool gw = ep && defaultBridgeNet && !defaultBridgeNet->internal;
    return JsonValue::object()
        .set("Bridge", str(""))
        .set("SandboxID", str(ownSandbox ? c.sandboxId : ""))
        .set("SandboxKey", str(ownSandbox ? c.sandboxKey : ""))
        .set("Ports", std::move(ports))
        .set("HairpinMode", boolean(false))
        .set("LinkLocalIPv6Address", str(""))
        .set("LinkLocalIPv6PrefixLen", num(0))
        .set("SecondaryIPAddresses", JsonValue::null())
        .set("SecondaryIPv6Addresses", JsonValue::null())
        .set("EndpointID", str(ep ? ep->id : ""))
        .set("Gateway", str(gw ? ep->gateway.toString() : ""))
        .set("GlobalIPv6Address", str(""))
        .set("GlobalIPv6PrefixLen", num(0))
        .set("IPAddress", str(ep ? ep->address.address().toString() : ""))
        .set("IPPrefixLen", num(ep ? ep->address.length() : 0))
        .set("IPv6Gateway", str(""))
        .set("MacAddress", str(ep ? ep->mac.toString() : ""))
        .set("Networks", std::move(networks));
}

}  // namespace

JsonValue containerInspect(const DockerEngine& engine, const Container& c, bool withSize) {
    const docker::ImageConfig* image = views::imageOf(engine, c);
    // The files exist from the first start on. In container mode they are the donor's.
    std::string dir = "/var/lib/docker/containers/" + c.id + "/";
    std::string filesDir = dir;
    if (c.config.network.isContainer())
        if (const Container* donor = engine.findContainer(c.config.network.name))
            filesDir = "/var/lib/docker/containers/" + donor->id + "/";
    const bool started = c.everStarted;  // UNCERTAIN: a never-started container shows "" paths
    JsonValue args = JsonValue::array();
    for (std::size_t i = 1; i < c.path.size(); ++i) args.push(str(c.path[i]));

    JsonValue out = JsonValue::object();
    out.set("Id", str(c.id))
        .set("Created", str(engine.timestamp(c.createdAt)))
        .set("Path", str(c.path.empty() ? "" : c.path.front()))
        .set("Args", std::move(args))
        .set("State", stateJson(engine, c))
        .set("Image", str(c.imageId))
        .set("ResolvConfPath", str(started ? filesDir + "resolv.conf" : ""))
        .set("HostnamePath", str(started ? filesDir + "hostname" : ""))
        .set("HostsPath", str(started ? filesDir + "hosts" : ""))
        .set("LogPath", str(started ? dir + c.id + "-json.log" : ""))
        .set("Name", str("/" + c.name))
        .set("RestartCount", num(c.restartCount))
        .set("Driver", str("overlay2"))
        .set("Platform", str("linux"))
        .set("MountLabel", str(""))
        .set("ProcessLabel", str(""))
        .set("AppArmorProfile", str(started ? "docker-default" : ""))
        .set("ExecIDs", JsonValue::null())
        .set("HostConfig", hostConfigJson(engine, c))
        .set("GraphDriver", graphDriverJson(c, image));
    // ContainerJSONBase's omitempty pointers: Node (classic swarm) always nil, the sizes unless
    // asked for (--size).
    out.setOmitted("Node", JsonValue::null());
    if (withSize) {
        const auto sizes = views::containerSizes(engine, c);
        out.set("SizeRw", num(sizes.rw)).set("SizeRootFs", num(sizes.rootFs));
    } else {
        out.setOmitted("SizeRw", JsonValue::null()).setOmitted("SizeRootFs", JsonValue::null());
    }
    out.set("Mounts", JsonValue::array())
        .set("Config", configJson(engine, c, image))
        .set("NetworkSettings", networkSettingsJson(engine, c));
    return out;
}

}  // namespace sim::cli
