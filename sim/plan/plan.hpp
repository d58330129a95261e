// KernelPlan: the desired kernel state of a simulated Docker host, as plain data a backend can
// build for real (real/ does it with libnl-route-3 and libnftables). Derived from the sim's kernel
// model namespace by namespace: sim "host" becomes docknet-host, "gateway" docknet-router and a
// container's sandbox docknet-<its namespace name>. Nothing here knows netlink.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "sim/core/error.hpp"

namespace sim::cli {
class DockerHost;
}

namespace sim::plan {

inline constexpr const char* kPrefix = "docknet-";

struct PlanNamespace {
    std::string name;     // docknet-host
    std::string simName;  // host
};

struct PlanBridge {
    std::string ns;
    std::string name;  // docker0, br-<12 hex>
    std::string mac;   // 02:42:...
    std::uint32_t mtu = 1500;
    bool up = true;
};

struct PlanVeth {
    std::string ns, name, mac;              // end A
    std::string peerNs, peerName, peerMac;  // end B
    std::uint32_t mtu = 1500;
    bool up = true, peerUp = true;
    std::string master;      // bridge of end A in ns (empty: none)
    std::string peerMaster;  // bridge of end B in peerNs
};

struct PlanAddress {
    std::string ns, dev;
    std::string prefix;  // "172.17.0.2/16"
};

struct PlanLoopback {
    std::string ns;
    bool up = true;
};

struct PlanRoute {
    std::string ns;
    std::string destination;  // "0.0.0.0/0"
    std::string gateway;      // empty: none
    std::string dev;
    std::string prefSrc;      // empty: none
    std::uint32_t metric = 0;
    bool scopeLink = false;
};

struct PlanSysctl {
    std::string ns;
    std::string key;    // "net/ipv4/ip_forward" (a path under /proc/sys)
    std::string value;  // "1"
    /// A kernel without this key already behaves as `value` asks, so apply may skip it there:
    /// bridge-nf-call-iptables=0 on a kernel without br_netfilter (nothing calls iptables for
    /// bridged frames). A key that is missing when it is false fails apply.
    bool absentMeansValue = false;
};

struct PlanRuleset {
    std::string ns;    // docknet-host
    std::string table; // docknet (family ip)
    std::string text;  // one nft script: "table ip docknet { ... }", applied atomically
};

struct PlanFile {
    std::string ns;       // docknet-nginx
    std::string name;     // hosts, resolv.conf (under /etc/netns/<ns>/)
    std::string content;
};

/// A TCP socket in LISTEN, as the sim's SocketTable has it (nginx on 0.0.0.0:80 in a
/// container, docker-proxy on the host). Held by the backend for as long as it lives.
struct PlanListener {
    std::string ns;
    std::string address;  // "0.0.0.0" for every address
    std::uint16_t port = 0;
    std::string owner;    // nginx, docker-proxy, mysqld
    /// docker-proxy: where it forwards ("172.17.0.3:80", the nat DOCKER chain's DNAT for the
    /// port, as the sim's proxy finds it); empty for the rest, or when no rule names the port.
    std::string forwardTo{};
};

/// One listen a container's main process makes (nginx binding 0.0.0.0:80), and what bind(2) gave
/// it in the sim. A host-mode nginx against a published :80 is "EADDRINUSE": verify asks the
/// kernel's own bind() the same question in the same namespace (docknet-host for host mode).
struct PlanBind {
    std::string ns;        // docknet-host
    std::string container; // nginx4
    std::string owner;     // nginx
    std::string address;   // "0.0.0.0"
    std::uint16_t port = 0;
    std::string simOutcome;  // "bound" or "EADDRINUSE"
    std::string holder;      // EADDRINUSE: who has the port in the sim (docker-proxy)
};

/// Docker's embedded DNS at 127.0.0.11:53 in one container's namespace, as the sim answers the
/// container that lives there: every name it resolves (lower case, no trailing dot) to an
/// address, and every address of its networks to "name.network" (the PTR answer). Anything else
/// is NXDOMAIN: the real responder never forwards, so no query leaves docknet's namespaces.
struct PlanResolver {
    std::string ns;         // docknet-nginx2
    std::string container;  // nginx2, the asker these answers are for
    std::map<std::string, std::string> addresses;  // "nginx3" -> "172.18.0.3"
    std::map<std::string, std::string> pointers;   // "172.18.0.3" -> "nginx3.mybridge"
    std::uint32_t ttl = 600;                       // of every answer (the LAN's dnsmasq: 300)
};

/// A bound UDP socket of the sim other than Docker's embedded DNS (a PlanResolver) and a tool's
/// own client socket: docker-proxy's for a published UDP port (`-p 5353:53/udp`), which in the
/// sim receives datagrams and neither answers nor forwards them, and the LAN's dnsmasq at
/// 10.0.2.3:53 in docknet-router, which answers from its zone. Held by the backend like the
/// TCP listeners, so a second bind of the port meets the kernel's own EADDRINUSE.
struct PlanUdpSocket {
    std::string ns;
    std::string address;  // "0.0.0.0" for every address
    std::uint16_t port = 0;
    std::string owner;    // docker-proxy, dnsmasq
    /// dnsmasq's answers (names of its zone; PTR and unknown names NXDOMAIN, TTL 300); empty
    /// when the socket only receives.
    std::optional<PlanResolver> answers{};
};

struct KernelPlan {
    std::vector<PlanNamespace> namespaces;
    std::vector<PlanSysctl> sysctls;
    std::vector<PlanLoopback> loopbacks;
    std::vector<PlanBridge> bridges;
    std::vector<PlanVeth> veths;
    std::vector<PlanAddress> addresses;
    std::vector<PlanRoute> routes;
    std::vector<PlanRuleset> rulesets;
    std::vector<PlanFile> files;
    std::vector<PlanListener> listeners;
    std::vector<PlanResolver> resolvers;
    std::vector<PlanUdpSocket> udpSockets;
    std::vector<PlanBind> binds;  // observations for verify; apply builds nothing from them

    /// Everything the plan will create, one object a line ("netns docknet-host", ...).
    [[nodiscard]] std::string describe() const;
    [[nodiscard]] const PlanNamespace* findNamespace(const std::string& name) const;
};

/// The plan for the host's current state. Every name it creates starts with "docknet-" (the
/// namespaces) or lives inside such a namespace (links, addresses, routes, the nft table).
KernelPlan derivePlan(const cli::DockerHost& host);

/// The kernel namespace name for a sim namespace name ("host" -> "docknet-host").
std::string kernelNamespaceName(const std::string& simName);

/// The nft chain an iptables chain becomes in the lab's table: "nat_DOCKER",
/// "filter_DOCKER_ISOLATION_STAGE_1".
std::string nftChainName(bool natTable, const std::string& chain);

/// Renders a namespace's iptables tables (filter, nat) of the sim as one nft table script, a
/// `counter` in every rule. Empty when the namespace has no rule and only ACCEPT policies.
std::string renderRuleset(const cli::DockerHost& host, const std::string& simNamespace, const std::string& table);

// --- observation, for verify -------------------------------------------------------------

/// One ping between two lab namespaces: sender namespace, target address.
struct PingProbe {
    std::string fromNs;     // docknet-a
    std::string fromLabel;  // a
    std::string toLabel;    // b
    std::string dst;        // 172.17.0.3
    std::string network;    // bridge
};

struct NeighborObservation {
    std::string ns, dev, ip, mac;
    bool valid = false;  // REACHABLE/STALE/DELAY/PROBE/PERMANENT (a MAC known); false: INCOMPLETE/FAILED
};

struct FdbObservation {
    std::string ns, bridge, port, mac;
};

/// An IPv4 route of a namespace's main table, as `ip route` lists it (kernel-made prefix
/// routes included): destination "172.17.0.0/16", gateway empty when there is none.
struct RouteObservation {
    std::string ns, destination, gateway, dev;
};

/// One rule's packet counter in a namespace's lab table: the nft chain ("nat_POSTROUTING"), the
/// rule's place in it (1-based, the order `add rule` gave it), the packets it matched.
struct CounterObservation {
    std::string ns, chain;
    std::size_t rule = 0;
    std::uint64_t packets = 0;
};

/// Every rule's packet counter of the sim's iptables tables (nat and filter), per namespace with
/// its kernel name, in the chains' nft names: what `iptables -L -v` shows as pkts.
std::vector<CounterObservation> simCounters(const cli::DockerHost& host);
/// iptables -Z on every table of every namespace: the counters of a freshly applied kernel.
void forgetCounters(cli::DockerHost& host);

/// A link as `ip link` shows it: name, MAC, administratively up, bridge master (empty: none).
struct LinkObservation {
    std::string ns, name, mac, master;
    bool up = false;
};

/// A TCP connect through a published port: from docknet-router (the LAN) to the host's
/// address and host port, which the nat table DNATs to the container.
struct TcpProbe {
    std::string fromNs;   // docknet-router
    std::string dst;      // 10.0.2.15
    std::uint16_t port = 0;
    std::string target;   // "172.17.0.3:80", the DNAT target, for the table
};

/// One probe per TCP DNAT rule of the host's nat table that any address of the host reaches
/// (rules bound to 127.0.0.1 and the like are left out: the LAN cannot reach them).
std::vector<TcpProbe> deriveTcpProbes(const cli::DockerHost& host);
/// The probe in the sim, one second to complete: "connected", "refused", "unreachable" or
/// "timed out" (the words verify prints for the kernel too).
std::string simConnect(cli::DockerHost& host, const TcpProbe& probe);

/// A TCP connect from one container to another on a network they share (derivePings' pairs):
/// every port the target's namespace listens on (at 0.0.0.0 or the target's address), and one
/// it does not (the lowest listened port + 1 that nobody listens on): "refused" in both worlds.
struct ContainerConnect {
    TcpProbe probe;    // fromNs: the client's namespace; dst: the target's address on the network
    std::string what;  // "alpine1 -> web 172.17.0.3:80 (nginx)", "... :81 (nothing listens)"
};
std::vector<ContainerConnect> deriveContainerConnects(const cli::DockerHost& host);

/// The embedded DNS of every running container on a user-defined bridge network (what
/// EmbeddedDns::resolve and reverse answer it), one per namespace.
std::vector<PlanResolver> deriveResolvers(const cli::DockerHost& host);

/// The TCP listens of every container whose image runs a service (its serviceListens), in the
/// container's namespace (the host's in host mode), with the sim's outcome. A listen the sim
/// neither bound nor refused (a container stopped for another reason) is left out.
std::vector<PlanBind> deriveBinds(const cli::DockerHost& host);

/// One name lookup verify makes: from a container's namespace to 127.0.0.11:53.
struct NameProbe {
    std::string fromNs;     // docknet-nginx2
    std::string fromLabel;  // nginx2
    std::string name;       // "nginx3", or a reverse name "3.0.18.172.in-addr.arpa" (PTR)
    bool pointer = false;   // a PTR query
    std::string simAnswer;  // "172.18.0.3", "nginx3.mybridge" or "NXDOMAIN"
};

/// For each resolver: every name it answers, every container name it does not (NXDOMAIN), and
/// the PTR of every address it knows, with the sim's answer.
std::vector<NameProbe> deriveNameProbes(const cli::DockerHost& host);

/// Each running container with its own namespace pings every other one sharing a bridge
/// network with it, at that network's address.
std::vector<PingProbe> derivePings(const cli::DockerHost& host);

/// Forgets every learned neighbour entry and bridge FDB entry (`ip neigh flush all` and a flush
/// of the bridges' learned entries, everywhere): the state of a freshly applied kernel, which has
/// seen none of the script's traffic. verify calls it before the derived pings so both sides
/// start alike.
void forgetLearned(cli::DockerHost& host);
/// Forgets every neighbour entry of the given lab namespaces (kernel names, docknet-*), FDBs
/// kept: what verify does in both worlds between two batches of pings.
void forgetNeighbours(cli::DockerHost& host, const std::set<std::string>& namespaces);

/// Runs one probe in the sim (ping -c 1 -W 1); true when a reply came back.
bool simPing(cli::DockerHost& host, const PingProbe& probe);
std::vector<NeighborObservation> simNeighbors(const cli::DockerHost& host);
/// Learned (not local) entries of every bridge.
std::vector<FdbObservation> simFdb(const cli::DockerHost& host);
/// Every namespace's IPv4 routes (the main table: kernel prefix routes and the others).
std::vector<RouteObservation> simRoutes(const cli::DockerHost& host);

// --- the backend interface ------------------------------------------------------------------

struct BackendStatus {
    bool applied = false;
    std::vector<std::string> ledger;   // the ledger's entries, in creation order
    std::vector<std::string> present;  // of those, the ones that exist now
};

class KernelBackend {
public:
    virtual ~KernelBackend() = default;
    /// Builds the plan; every object goes into the ledger before it is created.
    virtual core::Result<void> apply(const KernelPlan& plan) = 0;
    /// Removes exactly the ledger's objects, newest first. Idempotent.
    virtual core::Result<void> down() = 0;
    virtual core::Result<BackendStatus> status() = 0;
    /// ping -c 1 from a namespace with an ICMP datagram socket; true when answered.
    virtual core::Result<bool> ping(const std::string& ns, const std::string& dst, int timeoutMs) = 0;
    virtual core::Result<std::vector<NeighborObservation>> neighbors(const std::string& ns) = 0;
    virtual core::Result<std::vector<FdbObservation>> fdb(const std::string& ns) = 0;
    /// The namespace's links except lo.
    virtual core::Result<std::vector<LinkObservation>> links(const std::string& ns) = 0;
    /// A TCP connect from a namespace; the words of simConnect.
    virtual core::Result<std::string> connect(const std::string& ns, const std::string& dst, std::uint16_t port,
                                              int timeoutMs) = 0;
    /// A DNS query (A, or PTR when `pointer`) sent from inside a namespace to 127.0.0.11:53: the
    /// address or PTR target answered, "NXDOMAIN", "no records" or "no answer" (timed out).
    /// Not pure, so older backends (and test fakes) keep compiling.
    /// bind(2) + listen(2) on address:port inside a namespace, as `owner`'s process would:
    /// "bound" (the plan's listener of that owner, bound by apply, or a socket it could bind now,
    /// closed again at once) or "EADDRINUSE". Not pure, like lookup.
    virtual core::Result<std::string> bindOutcome(const std::string& ns, const std::string& address, std::uint16_t port,
                                                  const std::string& owner) {
        (void)ns, (void)address, (void)port, (void)owner;
        return core::fail(core::ErrorCode::Unsupported, "this backend makes no bind checks");
    }
    /// bind(2) of a UDP address:port inside a namespace: "bound" (the plan's UDP socket of that
    /// owner, bound by apply, once; or a socket it could bind now, closed again at once) or
    /// "EADDRINUSE". Not pure, like lookup.
    virtual core::Result<std::string> udpBindOutcome(const std::string& ns, const std::string& address, std::uint16_t port,
                                                     const std::string& owner) {
        (void)ns, (void)address, (void)port, (void)owner;
        return core::fail(core::ErrorCode::Unsupported, "this backend makes no UDP bind checks");
    }
    /// One datagram (`payload`) from a namespace to dst:port, waiting `timeoutMs`: "answered",
    /// "delivered, no answer" (a socket of the plan that answers nothing got it), "port
    /// unreachable" or "no answer". Not pure, like lookup.
    virtual core::Result<std::string> udpExchange(const std::string& ns, const std::string& dst, std::uint16_t port,
                                                  const std::string& payload, int timeoutMs) {
        (void)ns, (void)dst, (void)port, (void)payload, (void)timeoutMs;
        return core::fail(core::ErrorCode::Unsupported, "this backend sends no UDP");
    }
    /// An HTTP GET of `path` from a namespace (capture's replay of a script's curl): the status
    /// line and the body's size ("HTTP/1.1 200 OK, 615 bytes"), "empty reply" when the server
    /// closed without one, or the connect's words (refused, ...). Not pure, like lookup.
    virtual core::Result<std::string> httpGet(const std::string& ns, const std::string& dst, std::uint16_t port,
                                              const std::string& path, int timeoutMs) {
        (void)ns, (void)dst, (void)port, (void)path, (void)timeoutMs;
        return core::fail(core::ErrorCode::Unsupported, "this backend makes no HTTP requests");
    }
    virtual core::Result<std::string> lookup(const std::string& ns, const std::string& name, bool pointer, int timeoutMs) {
        (void)ns, (void)name, (void)pointer, (void)timeoutMs;
        return core::fail(core::ErrorCode::Unsupported, "this backend makes no name lookups");
    }
    /// The namespace's IPv4 routes of the main table. Not pure, like lookup; verify reports
    /// a backend without it as an error, never as agreement.
    virtual core::Result<std::vector<RouteObservation>> routes(const std::string& ns) {
        (void)ns;
        return core::fail(core::ErrorCode::Unsupported, "this backend reads no routes");
    }
    /// Every rule's packet counter of the lab's nft table in `ns` (all its chains). Not pure,
    /// like lookup; verify reports a backend without it as an error.
    virtual core::Result<std::vector<CounterObservation>> counters(const std::string& ns) {
        (void)ns;
        return core::fail(core::ErrorCode::Unsupported, "this backend reads no counters");
    }
    /// Deletes every learned IPv4 neighbour entry of the namespace (`ip neigh flush all`);
    /// how many it deleted. verify calls it between batches of pings to keep the kernel's
    /// neighbour table, which all namespaces share, under its cap. Not pure, like lookup.
    virtual core::Result<std::size_t> forgetNeighbours(const std::string& ns) {
        (void)ns;
        return core::fail(core::ErrorCode::Unsupported, "this backend forgets no neighbours");
    }
};

}  // namespace sim::plan
