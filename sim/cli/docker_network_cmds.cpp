// docker network create / rm / connect / disconnect / prune (ls and inspect are in
// docker_view_cmds.cpp, with the other commands that print views of the state).
#include <algorithm>

#include "sim/cli/docker_cli.hpp"
#include "sim/cli/docker_host.hpp"
#include "sim/cli/ipam_flags.hpp"
#include "sim/cli/network_filters.hpp"

namespace sim::cli {

namespace {

/// A refusal of docknet's own (something Docker would do that is not modelled), never dressed as
/// the daemon's words.
CommandResult notModelled(const std::string& message) {
    CommandResult r;
    r.output.err("docknet: " + message + "\n");
    r.exitCode = 1;
    return r;
}

CommandResult fail(const std::string& message, int code = 1) {
    CommandResult r;
    r.output.err(daemonError(message));
    r.exitCode = code;
    return r;
}

/// "k=v" list into a map; docker's opts.MapOpts says `invalid key value pair format: X` otherwise.
core::Result<std::map<std::string, std::string>> keyValues(const std::vector<std::string>& items, const char* flag) {
    std::map<std::string, std::string> out;
    for (const auto& kv : items) {
        const auto eq = kv.find('=');
        if (eq == std::string::npos && std::string(flag) == "opt")
            return core::fail(core::ErrorCode::InvalidArgument,
                              "invalid argument \"" + kv + "\" for \"-o, --opt\" flag: invalid key value pair format: " + kv);
        out[kv.substr(0, eq)] = eq == std::string::npos ? "" : kv.substr(eq + 1);
    }
    return out;
}

std::string trimSpace(const std::string& s) {
    const auto first = s.find_first_not_of(" \t\n\r\v\f");
    if (first == std::string::npos) return "";
    return s.substr(first, s.find_last_not_of(" \t\n\r\v\f") - first + 1);
}

}  // namespace

namespace {

/// The create flags docknet does not model, refused rather than accepted and ignored (an option
/// that does nothing would teach a wrong fact). nullopt when none is given.
std::optional<std::string> unmodelledCreateFlag(const ParsedFlags& f) {
    const std::string why = " is not modelled (one local Docker host, bridge networks, the default IPAM driver)";
    if (const std::string d = f.getString("driver"); d == "macvlan" || d == "ipvlan") return "the " + d + " driver" + why;
    if (f.getBool("ingress")) return "--ingress (a swarm routing-mesh network)" + why;
    if (f.getBool("config-only")) return "--config-only" + why;
    if (f.changed("config-from")) return "--config-from" + why;
    if (f.changed("ipam-driver") && f.getString("ipam-driver") != "default") return "--ipam-driver " + f.getString("ipam-driver") + why;
    if (!f.getList("ipam-opt").empty()) return "--ipam-opt" + why;
    if (f.changed("scope") && f.getString("scope") != "local") return "--scope " + f.getString("scope") + why;
    return std::nullopt;
}

}  // namespace

CommandResult filterFlagError(const std::vector<std::string>& values, const std::string& command) {
    CommandResult r;
    for (const auto& v : values) {
        if (v.empty() || v.find('=') != std::string::npos) continue;
        r.output.err("invalid argument \"" + v + "\" for \"" + (command == "docker network ls" || command == "docker ps" || command == "docker images" ? "-f, " : "") +
                     "--filter\" flag: bad format of filter (expected name=value)\nSee '" + command + " --help'.\n");
        break;
    }
    r.exitCode = 125;
    return r;
}

void DockerCli::defineNetworkCommands() {
    auto& engine = lab().engine();

    define(commandSpec("docker network create", "[OPTIONS] NETWORK", "Create a network", ArgCount::exactly(1),
                {FlagSpec::boolean("attachable", 0, "Enable manual container attachment"),
                 FlagSpec::list("aux-address", 0, "Auxiliary IPv4 or IPv6 addresses used by Network driver", "map"),
                 FlagSpec::string("config-from", 0, "The network from which to copy the configuration"),
                 FlagSpec::boolean("config-only", 0, "Create a configuration only network"),
                 FlagSpec::string("driver", 'd', "Driver to manage the Network", "bridge"),
                 FlagSpec::slice("gateway", 0, "IPv4 or IPv6 Gateway for the master subnet"),
                 FlagSpec::boolean("ingress", 0, "Create swarm routing-mesh network"),
                 FlagSpec::boolean("internal", 0, "Restrict external access to the network"),
                 FlagSpec::slice("ip-range", 0, "Allocate container ip from a sub-range"),
                 FlagSpec::string("ipam-driver", 0, "IP Address Management Driver", "default"),
                 FlagSpec::list("ipam-opt", 0, "Set IPAM driver specific options", "map"),
                 FlagSpec::boolean("ipv6", 0, "Enable or disable IPv6 networking"),
                 FlagSpec::list("label", 0, "Set metadata on a network"),
                 FlagSpec::list("opt", 'o', "Set driver specific options", "map"),
                 FlagSpec::string("scope", 0, "Control the network's scope"),
                 FlagSpec::slice("subnet", 0, "Subnet in CIDR format that represents a network segment")}),
           [&engine](const ParsedFlags& f, const std::string&, const ShellContext&) {
               docker::NetworkCreateOptions o;
               o.name = f.args[0];
               o.driver = f.getString("driver");
               o.internal = f.getBool("internal");
               o.attachable = f.getBool("attachable");
               auto opts = keyValues(f.getList("opt"), "opt");
               if (!opts) {
                   CommandResult r;
                   r.output.err(opts.error().message + "\nSee 'docker network create --help'.\n");
                   r.exitCode = 125;
                   return r;
               }
               o.options = *opts;
               o.labels = *keyValues(f.getList("label"), "label");
               for (const auto& l : f.getList("label")) {
                   // opts.ValidateLabel, as pflag sets the flag.
                   const std::string key = trimSpace(l.substr(0, l.find('=')));
                   std::string why;
                   if (key.empty()) why = "invalid label '" + l + "': empty name";
                   else if (key.find_first_of(" \t\n\r\v\f") != std::string::npos) why = "label '" + key + "' contains whitespaces";
                   if (!why.empty()) {
                       CommandResult r;
                       r.output.err("invalid argument \"" + l + "\" for \"--label\" flag: " + why +
                                    "\nSee 'docker network create --help'.\n");
                       r.exitCode = 125;
                       return r;
                   }
               }
               if (auto refused = unmodelledCreateFlag(f)) return notModelled(*refused);
               IpamFlags ipam;
               ipam.subnets = f.getList("subnet");
               ipam.ranges = f.getList("ip-range");
               ipam.gateways = f.getList("gateway");
               for (const auto& kv : f.getList("aux-address")) {
                   const auto eq = kv.find('=');
                   ipam.auxAddresses[kv.substr(0, eq)] = eq == std::string::npos ? "" : kv.substr(eq + 1);
               }
               if (auto cli = consolidateIpam(ipam); !cli) {
                   CommandResult r;
                   r.output.err(cli.error().message + "\n");
                   r.exitCode = 1;
                   return r;
               }
               if (const auto [v4, v6] = subnetFamilies(ipam); v4 > 1 || v6 > 1)
                   return notModelled("more than one IPv4 or IPv6 subnet per network is not modelled");
               if (hasIpv6AuxAddress(ipam)) return notModelled("IPv6 auxiliary addresses are not modelled");
               o.enableIpv6 = f.getBool("ipv6");
               auto valid = validateIpam(ipam, o.enableIpv6);
               if (!valid) return fail(valid.error().message);
               o.subnet = valid->subnet;
               o.gateway = valid->gateway;
               o.ipRange = valid->ipRange;
               o.auxAddresses = valid->auxAddresses;
               o.subnet6 = valid->subnet6;
               o.ipRange6 = valid->ipRange6;
               o.gateway6 = valid->gateway6;
               auto id = engine.createNetwork(o);
               if (!id) return fail(id.error().message);
               CommandResult r;
               r.output.out(*id + "\n");
               return r;
           });

    define(commandSpec("docker network rm", "NETWORK [NETWORK...]", "Remove one or more networks", ArgCount::atLeast(1),
                {FlagSpec::boolean("force", 'f', "Do not error if the network does not exist")},
                {"docker network rm", "docker network remove"}),
           [&engine](const ParsedFlags& f, const std::string&, const ShellContext&) {
               CommandResult r;
               for (const auto& ref : f.args) {
                   auto removed = engine.removeNetwork(ref);
                   if (removed) {
                       r.output.out(ref + "\n");
                   } else if (!(f.getBool("force") && removed.error().code == core::ErrorCode::NotFound)) {
                       r.output.err(daemonError(removed.error().message));
                       r.exitCode = 1;
                   }
               }
               return r;
           });

    define(commandSpec("docker network connect", "[OPTIONS] NETWORK CONTAINER", "Connect a container to a network", ArgCount::exactly(2),
                {FlagSpec::slice("alias", 0, "Add network-scoped alias for the container"),
                 FlagSpec::slice("driver-opt", 0, "driver options for the network"),
                 FlagSpec::string("ip", 0, "IPv4 address (e.g., \"172.30.100.104\")"),
                 FlagSpec::string("ip6", 0, "IPv6 address (e.g., \"2001:db8::33\")"),
                 FlagSpec::list("link", 0, "Add link to another container"),
                 FlagSpec::slice("link-local-ip", 0, "Add a link-local address for the container")}),
           [&engine](const ParsedFlags& f, const std::string&, const ShellContext&) {
               // opts.ValidateLink runs as pflag sets the flag: a usage error (125).
               for (const auto& l : f.getList("link")) {
                   std::string why;
                   if (l.empty()) why = "empty string specified for links";
                   else if (std::count(l.begin(), l.end(), ':') > 1) why = "bad format for links: " + l;
                   if (!why.empty()) {
                       CommandResult r;
                       r.output.err("invalid argument \"" + l + "\" for \"--link\" flag: " + why +
                                    "\nSee 'docker network connect --help'.\n");
                       r.exitCode = 125;
                       return r;
                   }
               }
               docker::EndpointRequest o;
               o.aliases = f.getList("alias");
               o.links = f.getList("link");
               o.ipv4Address = f.getString("ip");
               o.ipv6Address = f.getString("ip6");
               o.linkLocalIps = f.getList("link-local-ip");
               // convertDriverOpt: the CLI's own error, before any request.
               for (const auto& kv : f.getList("driver-opt")) {
                   const auto eq = kv.find('=');
                   const std::string key = trimSpace(kv.substr(0, eq));
                   if (eq == std::string::npos || key.empty()) {
                       CommandResult r;
                       r.output.err("invalid key/value pair format in driver options\n");
                       r.exitCode = 1;
                       return r;
                   }
                   o.driverOpts[key] = trimSpace(kv.substr(eq + 1));
               }
               auto done = engine.connect(f.args[0], f.args[1], o);
               if (!done) return fail(done.error().message);
               return CommandResult{};
           });

    define(commandSpec("docker network disconnect", "[OPTIONS] NETWORK CONTAINER", "Disconnect a container from a network",
                ArgCount::exactly(2), {FlagSpec::boolean("force", 'f', "Force the container to disconnect from a network")}),
           [&engine](const ParsedFlags& f, const std::string&, const ShellContext&) {
               auto done = engine.disconnect(f.args[0], f.args[1], f.getBool("force"));
               if (!done) return fail(done.error().message);
               return CommandResult{};
           });

    define(commandSpec("docker network prune", "[OPTIONS]", "Remove all unused networks", ArgCount::none(),
                {FlagSpec::list("filter", 0, "Provide filter values (e.g. \"until=<timestamp>\")", "filter"),
                 FlagSpec::boolean("force", 'f', "Do not prompt for confirmation")}),
           [&engine](const ParsedFlags& f, const std::string& stdinText, const ShellContext&) {
               CommandResult r;
               auto args = FilterArgs::parse(f.getList("filter"));
               if (!args) return filterFlagError(f.getList("filter"), "docker network prune");
               if (!f.getBool("force")) {
                   r.output.out(
                       "WARNING! This will remove all custom networks not used by at least one container.\n"
                       "Are you sure you want to continue? [y/N] ");
                   // A "no" is errdefs.Cancelled: docker exits 0 without a word.
                   if (stdinText.empty() || (stdinText[0] != 'y' && stdinText[0] != 'Y')) return r;
               }
               auto filter = networkPruneFilter(engine, *args);
               if (!filter) {
                   r.output.err(daemonError(filter.error().message));
                   r.exitCode = 1;
                   return r;
               }
               const auto removed = engine.pruneNetworks(
                   [&](const docker::Network& n) { return filter->selects(engine, n); });
               if (!removed.empty()) {
                   // fmt.Fprintln of "Deleted Networks:\n" + one name per line: a blank line ends it.
                   r.output.out("Deleted Networks:\n");
                   for (const auto& n : removed) r.output.out(n + "\n");
                   r.output.out("\n");
               }
               return r;
           });
}

}  // namespace sim::cli
