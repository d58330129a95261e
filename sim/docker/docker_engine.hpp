// DockerEngine: the simulated daemon, and the only thing that changes Docker state. It keeps the
// networks, endpoints and containers (libnetwork's Network / Endpoint / Sandbox) and realises them
// in the Kernel the way Docker <= 27 does on Linux: docker0 and br-<id> bridges, veth pairs,
// eth<N> in the container's namespace with 02:42+IPv4 MACs, iptables nat/filter rules
// (DOCKER, DOCKER-ISOLATION-STAGE-1/2, DOCKER-USER), docker-proxy listeners for published ports,
// the embedded DNS at 127.0.0.11 on user-defined networks, /etc/hosts and /etc/resolv.conf.
//
// Every operation validates before it changes anything: a failing call leaves the state as it was
// (a `docker run` whose start fails leaves the container Created, as Docker does).
// Error messages are the daemon's text (without the CLI's "Error response from daemon: ").
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "sim/core/error.hpp"
#include "sim/docker/container.hpp"
#include "sim/docker/docker_ids.hpp"
#include "sim/docker/endpoint.hpp"
#include "sim/docker/image_catalog.hpp"
#include "sim/docker/ipam.hpp"
#include "sim/docker/ipv6_ipam.hpp"
#include "sim/docker/network.hpp"
#include "sim/docker/port_allocator.hpp"
#include "sim/docker/ref_index.hpp"
#include "sim/net/kernel.hpp"

namespace sim::docker {

class HostEnvironment;
class EmbeddedDns;

/// The bridge driver's -o options (bridge_options.cpp): enable_icc, enable_ip_masquerade and
/// inhibit_ipv4 (Go booleans), name, host_binding_ipv4, driver.mtu, container_iface_prefix; others
/// are kept for inspect only, as the driver ignores unknown labels. Errors are the driver's:
/// `failed to parse KEY value: V (strconv.ParseBool: parsing "V": invalid syntax)`, `(nil ip)`,
/// `invalid MTU number: -1`.
/// How Docker transforms the host's resolv.conf for a sandbox (sandbox_dns_unix.go): not at all
/// (host networking), for a network with no internal resolver (the default bridge), or for the
/// embedded DNS at 127.0.0.11 (user-defined networks).
enum class ResolvTransform { None, Legacy, InternalResolver };

/// A container's /etc/resolv.conf as Docker 26-27 writes it from the host's one nameserver and
/// the --dns / --dns-search / --dns-option overrides: legacy (the servers themselves) or for the
/// internal resolver (127.0.0.11, the servers kept as ExtServers).
std::string generateResolvConf(const ContainerConfig& cfg, wire::Ipv4Address hostNameserver, ResolvTransform transform);

core::Result<void> applyBridgeOptions(Network& network, const std::map<std::string, std::string>& options);

struct NetworkCreateOptions {
    std::string name;
    std::string driver = "bridge";
    std::optional<wire::Ipv4Prefix> subnet;
    std::optional<wire::Ipv4Address> gateway;
    std::optional<wire::Ipv4Prefix> ipRange;                 // --ip-range (inside the subnet: the CLI checks)
    std::map<std::string, wire::Ipv4Address> auxAddresses;  // --aux-address
    bool enableIpv6 = false;                                  // --ipv6
    std::optional<wire::Ipv6Prefix> subnet6;                  // the IPv6 --subnet, --ip-range and --gateway
    std::optional<wire::Ipv6Prefix> ipRange6;
    std::optional<wire::Ipv6Address> gateway6;
    bool internal = false;
    bool attachable = false;
    std::map<std::string, std::string> options;  // -o
    std::map<std::string, std::string> labels;
};

/// `docker network connect`'s options: the endpoint settings it records for the network.
using ConnectOptions = EndpointSettings;

/// What a process run inside a container (the main process or `docker exec`) did.
struct ProcessResult {
    std::string out;
    std::string err;
    int exitCode = 0;
};

/// Runs a command line inside a container: the tools layer (ping, ip, curl, ...) implements it.
/// The engine uses it for main processes that are not services (`docker run alpine ping ...`).
using ProcessRunner = std::function<ProcessResult(const Container&, const std::vector<std::string>& argv)>;

struct DockerEngineConfig {
    std::string hostName = "docker-host";
    /// The engine ID (a UUID since v23, /var/lib/docker/engine-id), fixed for the simulated host:
    /// `docker info` prints it and the IPv6 ULA base network derives from it.
    std::string hostId = "4f8b2c1e-7d3a-4b6e-9c52-1a0e8f3d6b27";
    /// Wall-clock time of SimTime 0, for Created/StartedAt stamps: 2024-11-04T09:00:00Z (after
    /// the built-in images' dates, so `docker images` shows them weeks old).
    std::int64_t epochSeconds = 1730710800;
};

class DockerEngine {
public:
    DockerEngine(net::Kernel& kernel, DockerEngineConfig config = {});
    ~DockerEngine();
    DockerEngine(const DockerEngine&) = delete;
    DockerEngine& operator=(const DockerEngine&) = delete;

    net::Kernel& kernel() { return m_kernel; }
    [[nodiscard]] const net::Kernel& kernel() const { return m_kernel; }
    ImageCatalog& images() { return m_images; }
    [[nodiscard]] const ImageCatalog& images() const { return m_images; }
    /// Docker's resolver at 127.0.0.11 (what a lab's `resolves` check asks, without a packet).
    [[nodiscard]] const EmbeddedDns& embeddedDns() const { return *m_dns; }
    HostEnvironment& host() { return *m_host; }
    [[nodiscard]] const HostEnvironment& host() const { return *m_host; }
    [[nodiscard]] core::NamespaceId hostNamespace() const;
    [[nodiscard]] const DockerEngineConfig& config() const { return m_config; }
    void setProcessRunner(ProcessRunner runner) { m_runner = std::move(runner); }

    /// RFC 3339 with nanoseconds, as inspect prints "Created".
    [[nodiscard]] std::string timestamp(core::SimTime t) const;

    // --- networks ---------------------------------------------------------------------------
    core::Result<std::string> createNetwork(const NetworkCreateOptions& options);
    /// Removes by name, id or unique id prefix; returns the name removed.
    core::Result<std::string> removeNetwork(const std::string& ref);
    /// Removes every user-defined network without endpoints (a stopped container's network goes
    /// too, as in Docker: its next start fails with "network ID not found") that `selected`
    /// accepts (all when empty); returns their names in creation order.
    std::vector<std::string> pruneNetworks(const std::function<bool(const Network&)>& selected = {});
    /// ConnectContainerToNetwork (v27): the container first, then validateEndpointSettings, then
    /// the network-mode conflicts. A running container joins at once; a created or exited one
    /// only records the settings (even for a network that does not exist: its start fails).
    core::Result<void> connect(const std::string& networkRef, const std::string& containerRef, const EndpointRequest& request);
    /// The endpoint settings a container keeps for a network (id, or name if unknown); null if none.
    [[nodiscard]] const EndpointSettings* endpointSettings(const Container& c, const std::string& networkRef) const;
    /// DisconnectContainerFromNetwork (v27). A created or exited container forgets the network
    /// (even one that no longer exists); a running one leaves it. `force` matters where Docker's
    /// does: an unknown network of a running container is looked up among its configured ones,
    /// an unknown container becomes "endpoint NAME not found" style errors of the network.
    core::Result<void> disconnect(const std::string& networkRef, const std::string& containerRef, bool force);
    /// Exact name, then full id, then a unique id prefix (Docker's lookup order).
    [[nodiscard]] const Network* findNetwork(const std::string& ref) const;
    /// The daemon's FindNetwork (v27): full id, then name, then id prefix; the errors
    /// `network X not found` and `network X is ambiguous (N matches found based on ID prefix)`.
    [[nodiscard]] core::Result<const Network*> lookupNetwork(const std::string& ref) const;
    [[nodiscard]] std::vector<const Network*> networks() const;
    [[nodiscard]] const Endpoint* endpoint(const std::string& id) const;
    /// The interfaces the daemon made and points at (network bridges, both ends of every
    /// endpoint's veth) and the host's uplink eth0: a tool may change them, not delete them.
    [[nodiscard]] std::set<core::InterfaceId> managedInterfaces() const;

    // --- containers -------------------------------------------------------------------------
    /// `docker create`: validates, names, records. Warnings (host mode + -p) go to `warnings`.
    core::Result<std::string> create(ContainerConfig config, std::vector<std::string>& warnings);
    /// `docker start`: sandbox, endpoints, ports, DNS, main process. On failure the container
    /// stays Created and nothing of its networking remains.
    core::Result<void> start(const std::string& ref);
    /// `docker stop`: SIGTERM, and SIGKILL after 10 s for a process that ignores it.
    core::Result<void> stop(const std::string& ref);
    core::Result<void> kill(const std::string& ref);
    core::Result<void> restart(const std::string& ref);
    /// `systemctl restart docker` (daemon_restart.cpp), live-restore off: every running
    /// container is stopped as dockerd's shutdown does (not a manual stop), then the bridge
    /// driver's removeIPChains and setupIPChains rebuild Docker's chains (DOCKER-USER keeps the
    /// user's rules) and every network's rules are programmed again; then restore starts the
    /// containers their restart policy brings back (container_exit.cpp). Returns the names of
    /// the containers it stopped.
    std::vector<std::string> restartDaemon();
    core::Result<void> remove(const std::string& ref, bool force);
    core::Result<void> rename(const std::string& ref, const std::string& newName);
    /// `docker update --restart` (container.UpdateContainer): the new policy from the next exit
    /// on; the count and the backoff stay. Refused for a --rm container.
    core::Result<void> updateRestartPolicy(const std::string& ref, const RestartPolicy& policy);
    /// The main process ended by itself with `code` (a service that failed, a command that
    /// finished, the attached shell's `exit`): handleContainerExit (container_exit.cpp). The
    /// restart policy may start it again after its backoff (Restarting meanwhile); otherwise the
    /// container exits, and is removed when it was run with --rm.
    void processExited(const std::string& id, int code);
    /// A signal to a running container's init from outside Docker (`kill -9 PID` on the host,
    /// State.Pid): SIGKILL ends it (137); SIGTERM and SIGINT end a service, which handles them
    /// (0), and are dropped for an init without a handler (the kernel's rule for a PID
    /// namespace's init). Not a manual stop: the restart policy applies (container_exit.cpp).
    enum class InitSignal { Kill, Term, Int };
    void signalInit(const std::string& id, InitSignal signal);

    /// What was left of a container that --rm removed when it exited: its status and log, for the
    /// client that was attached to it.
    struct ExitRecord {
        int exitCode = 0;
        std::vector<LogLine> logs;
    };
    [[nodiscard]] const ExitRecord* autoRemoved(const std::string& id) const;

    /// Exact name (with or without "/"), then full id, then a unique id prefix.
    [[nodiscard]] const Container* findContainer(const std::string& ref) const;
    /// In creation order (docker ps lists newest first: the caller reverses).
    [[nodiscard]] std::vector<const Container*> containers() const;
    void appendLog(const std::string& id, bool isStderr, const std::string& text);

    /// A file as a process in the container reads it: /etc/hosts, /etc/resolv.conf and
    /// /etc/hostname as Docker wrote them (or as edited since), else what was written inside.
    [[nodiscard]] std::optional<std::string> readContainerFile(const std::string& ref, const std::string& path) const;
    /// A write from inside the container (a shell redirection). /etc/hosts and /etc/resolv.conf
    /// are the bind-mounted files name resolution reads; other paths go to its writable layer.
    /// False when there is no such container.
    bool writeContainerFile(const std::string& ref, const std::string& path, const std::string& content, bool append);
    /// The container's software for a package manager to change (copied from its image on first
    /// use: other containers of the image keep theirs); nullptr when there is no such container
    /// or its image is unknown. container_software.cpp.
    InstalledSoftware* containerSoftware(const std::string& ref);

    /// Runs argv in the container through the ProcessRunner (docker exec).
    core::Result<ProcessResult> exec(const std::string& ref, const std::vector<std::string>& argv);

    /// What a legacy --link puts into the recipient's environment (links.go ToEnv).
    [[nodiscard]] std::vector<std::string> linkEnvironment(const Container& c) const;

    /// The container's IP on `networkId`, if it has an endpoint there.
    [[nodiscard]] std::optional<wire::Ipv4Address> addressOn(const Container& c, const std::string& networkId) const;

private:
    friend class EmbeddedDns;

    Container* mutableContainer(const std::string& ref);
    Network* mutableNetwork(const std::string& ref);
    void createPredefinedNetworks();
    core::Result<void> validateCreate(const ContainerConfig& config, std::vector<std::string>& warnings) const;

    // Bridge driver: the kernel side of a bridge network (bridge_driver.cpp).
    core::Result<void> setupBridge(Network& n);
    void teardownBridge(Network& n);
    core::Result<Endpoint> createEndpoint(Network& n, Container& c, const ConnectOptions& options);
    core::Result<void> joinEndpoint(Network& n, Container& c, Endpoint& ep, bool setGateway);
    void leaveEndpoint(Network& n, Container& c, const std::string& endpointId);
    /// The network's rules (bridge_driver.cpp); `onlyMissing`: as the daemon re-programs them
    /// at its start, adding only the rules that are not there.
    void programIptables(Network& n, bool add, bool onlyMissing = false);
    /// setupIPChains and the FORWARD jumps (daemon_restart.cpp): Docker's chains made where they
    /// are missing, the RETURN rules ensured, DOCKER-ISOLATION-STAGE-1 then DOCKER-USER jumped to
    /// first in FORWARD (EnsureJumpRule, arrangeUserFilterRule).
    void setupIpChains();

    // Ports (port_publisher.cpp).
    core::Result<void> publishPorts(Container& c, const Network& n, const Endpoint& ep);
    void unpublishPorts(Container& c);

    // Start / stop pieces (container_lifecycle.cpp).
    core::Result<void> setupNetworking(Container& c);
    void teardownNetworking(Container& c);
    void startMainProcess(Container& c);
    /// The program a start would exec, when the image does not have it.
    [[nodiscard]] std::optional<std::string> missingExecutable(const Container& c) const;
    void stopMainProcess(Container& c);
    /// The image's server (nginx, redis ...) exits cleanly on SIGTERM; a bare PID 1 ignores it.
    [[nodiscard]] bool initHandlesTerm(const Container& c) const;
    void finishExit(Container& c, int code);
    /// containerStart: `resetRestartManager` for a user's start (and the daemon's restore), not
    /// for the restart policy's own.
    core::Result<void> startContainer(Container& c, bool resetRestartManager);
    /// A stop by the user is a manual one; the daemon's shutdown stop is not.
    enum class StopCause { User, Shutdown };
    void stopContainer(Container& c, StopCause cause);
    // The restart policy (container_exit.cpp).
    void restartByPolicy(const std::string& id);
    /// A restart that was waiting is dropped: the container is Exited with the code it exited with.
    void cancelPolicyRestart(Container& c);
    /// daemon.restore: the containers the policy brings back when the daemon starts; their names.
    std::vector<std::string> restoreContainers();
    void refreshEtcFiles(Container& c);
    [[nodiscard]] std::string gatewayNetworkOf(const Container& c) const;

    net::Kernel& m_kernel;
    DockerEngineConfig m_config;
    IdGenerator m_ids;
    ImageCatalog m_images;
    Ipam m_ipam;
    Ipv6Ipam m_ipam6;
    PortAllocator m_ports;
    std::unique_ptr<HostEnvironment> m_host;
    std::unique_ptr<EmbeddedDns> m_dns;
    ProcessRunner m_runner;

    std::vector<std::unique_ptr<Network>> m_networks;       // creation order
    std::map<std::string, Endpoint> m_endpoints;            // by id
    std::vector<std::unique_ptr<Container>> m_containers;   // creation order
    RefIndex<Container> m_containerIndex;                    // the same, by name and by id
    std::map<std::string, ExitRecord> m_autoRemoved;         // by container id
};

}  // namespace sim::docker
