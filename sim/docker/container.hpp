// Container: what the daemon knows of one container — its configuration as `docker run` gave it,
// its state (Created / Up / Exited), the sandbox (network namespace) it runs in, its endpoints,
// its published ports, its generated /etc/hosts and /etc/resolv.conf, and its log.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sim/core/ids.hpp"
#include "sim/core/sim_time.hpp"
#include "sim/docker/endpoint.hpp"
#include "sim/docker/package_manager.hpp"
#include "sim/docker/port_spec.hpp"
#include "sim/docker/restart_policy.hpp"
#include "sim/net/socket_table.hpp"
#include "sim/wire/ipv4_address.hpp"

namespace sim::docker {

/// --network: bridge (default), a user-defined network, host, none, container:NAME|ID.
struct NetworkMode {
    enum class Kind { Default, Named, Host, None, Container };
    Kind kind = Kind::Default;
    std::string name;  // Named: the network; Container: the donor as given

    /// Parses --network's value as Docker does (empty and "default" mean the default bridge).
    static NetworkMode parse(const std::string& value);
    /// What inspect shows as HostConfig.NetworkMode: "default", "host", "none", "container:<id>", a name.
    [[nodiscard]] std::string toString() const;
    [[nodiscard]] bool isHost() const { return kind == Kind::Host; }
    [[nodiscard]] bool isNone() const { return kind == Kind::None; }
    [[nodiscard]] bool isContainer() const { return kind == Kind::Container; }
};

/// One `-p` binding as asked for, and once published, as allocated.
struct PortMapping {
    PortBinding requested;
    wire::Ipv4Address hostIp;    // 0.0.0.0 unless given
    std::uint16_t hostPort = 0;  // 0 until published
    /// Bound on [::] too, with the same host port: Docker 27's IPv6 binding of a -p without an
    /// address (docker ps: `0.0.0.0:8080->80/tcp, [::]:8080->80/tcp`), proxied by docker-proxy
    /// to the container's IPv4 address when it has no IPv6 one.
    bool onIpv6Any = false;
    /// False for a `-p [::]:...` binding: IPv6 only, no IPv4 side, no iptables rules.
    bool onIpv4 = true;
};

/// What `docker run`/`docker create` were told.
/// One `--link NAME[:ALIAS]` (opts.ParseLink): the alias is the name when none is given.
struct LinkSpec {
    std::string target;
    std::string alias;
};
inline LinkSpec parseLink(std::string_view link) {
    const auto colon = link.find(':');
    std::string target(link.substr(0, colon));
    std::string alias = colon == std::string_view::npos ? target : std::string(link.substr(colon + 1));
    return {std::move(target), std::move(alias)};
}

struct ContainerConfig {
    std::string name;                          // without the leading "/"; empty = generated
    std::string image;                         // as given: "nginx", "mysql-custom"
    std::vector<std::string> command;          // overrides the image CMD when not empty
    std::optional<std::string> entrypoint;
    std::vector<std::string> env;              // -e KEY=VALUE
    std::string hostname;                      // -h
    std::string domainname;                    // --domainname
    NetworkMode network;
    std::vector<PortBinding> publish;          // -p
    bool publishAll = false;                   // -P
    std::vector<std::pair<std::uint16_t, PortProto>> expose;  // --expose
    std::vector<std::string> links;            // --link NAME[:ALIAS]
    std::vector<std::string> networkAliases;   // --network-alias
    std::optional<wire::Ipv4Address> ip;      // --ip
    std::string ip6;                          // --ip6, as given: the daemon validates it
    std::optional<wire::MacAddress> macAddress;  // --mac-address (the first network's endpoint, API >= 1.44)
    std::vector<wire::Ipv4Address> dns;        // --dns
    std::vector<std::string> dnsSearch;        // --dns-search, as validated ("." = none)
    std::vector<std::string> dnsOptions;       // --dns-option / --dns-opt, verbatim
    std::vector<std::pair<std::string, wire::Ipv4Address>> extraHosts;  // --add-host NAME:IP
    bool detach = false;
    bool interactive = false;
    bool tty = false;
    bool autoRemove = false;                   // --rm
    RestartPolicy restartPolicy;               // --restart (HostConfig.RestartPolicy)
    std::vector<std::string> capAdd;           // --cap-add, as given (HostConfig.CapAdd)
    std::vector<std::string> capDrop;          // --cap-drop, as given
    bool privileged = false;                   // --privileged: every capability, /proc/sys writable
    std::map<std::string, std::string> labels; // --label / --label-file (Config.Labels, over the image's)
    std::string user;                          // --user NAME|UID[:GROUP|GID]; empty: the image's USER
    std::string workdir;                       // --workdir; empty: the image's WORKDIR
    bool readonlyRootfs = false;               // --read-only: only /etc/hosts & co and /dev/shm stay writable
    std::optional<bool> init;                  // --init (HostConfig.Init is null unless the flag was given)
    std::int64_t memory = 0;                   // --memory, bytes (HostConfig.Memory)
    std::int64_t nanoCpus = 0;                 // --cpus x 1e9 (HostConfig.NanoCpus)
};

/// Restarting: the main process ended and the restart policy starts it again after a wait; the
/// daemon counts it as running (State.Running) though it has no process and no endpoints.
enum class ContainerStatus { Created, Running, Restarting, Exited };
/// State.Status as the API words it: "created", "running", "restarting", "exited".
std::string_view toString(ContainerStatus s);

struct LogLine {
    core::SimTime at;
    bool isStderr = false;
    std::string text;
};

struct Container {
    std::string id;  // 64 hex
    std::string name;
    std::string imageId;
    ContainerConfig config;
    std::string hostname;  // -h, else the short id (the host's in host mode); the donor's in container mode
    std::string domainname;  // --domainname; the donor's in container mode
    std::vector<std::string> path;  // the process: entrypoint + cmd as Docker records it (Path + Args)

    ContainerStatus status = ContainerStatus::Created;
    int exitCode = 0;
    core::SimTime createdAt;
    core::SimTime startedAt;
    core::SimTime finishedAt;
    bool everStarted = false;
    int restartCount = 0;
    /// HasBeenManuallyStopped: a user's stop or kill (not the daemon's shutdown); unless-stopped
    /// then stays down, even across a daemon restart. A user's start clears it.
    bool manuallyStopped = false;
    RestartBackoff restartBackoff;
    core::EventId pendingRestart;  // the policy's restart, while Restarting

    /// The sandbox: the network namespace the container's processes live in (the host's for host
    /// mode, the donor's for container mode, its own otherwise). Invalid while not running.
    core::NamespaceId sandbox;
    std::string sandboxKey;  // /var/run/docker/netns/<12 hex>
    std::string sandboxId;   // 64 hex
    /// network id -> endpoint id, while running (endpoints exist only for running containers).
    std::map<std::string, std::string> endpoints;
    /// Networks the container is attached to when it starts (configured endpoints), in attach order.
    std::vector<std::string> networks;
    /// The endpoint settings configured for each of `networks` (same keys).
    std::map<std::string, EndpointSettings> endpointSettings;
    std::vector<PortMapping> ports;
    std::vector<net::SocketId> serviceSockets;  // the main process's listeners (in the sandbox)
    core::EventId pendingExit;                  // a main process that will end by itself
    std::vector<std::pair<core::NamespaceId, net::SocketId>> proxySockets;  // docker-proxy, host namespace

    std::string etcHosts;
    std::string resolvConf;
    /// Edited from inside (a shell redirection): Docker leaves a modified resolv.conf alone.
    bool resolvConfUserModified = false;
    /// Edited from inside: later changes add and delete their own lines (etchosts.Add/Delete)
    /// around the edits; `etcHostsGenerated` is what docknet generated last.
    bool etcHostsUserModified = false;
    std::string etcHostsGenerated;
    /// Other files written inside the container (absolute path -> content): its writable layer.
    std::map<std::string, std::string> files;
    /// The image's software plus what package managers installed in this container's writable
    /// layer (`docker exec c apt-get install ...`); unset until one ran: then it is the image's.
    std::optional<InstalledSoftware> software;
    std::vector<LogLine> logs;

    [[nodiscard]] bool isRunning() const { return status == ContainerStatus::Running; }
    /// State.Running as the daemon keeps it: true while restarting too (docker ps lists it, rm
    /// wants -f, prune leaves it).
    [[nodiscard]] bool isRunningOrRestarting() const { return isRunning() || status == ContainerStatus::Restarting; }
    [[nodiscard]] std::string shortId() const { return id.substr(0, 12); }
};

}  // namespace sim::docker
