// docker run / docker create: flags into a ContainerConfig, the image pulled when missing, the
// container created and (for run) started, attached output, and an interactive shell session
// for `-it ... sh`.
#include <algorithm>
#include <cctype>
#include <expected>
#include <functional>
#include <optional>

#include "sim/cli/detach_keys.hpp"
#include "sim/cli/docker_cli.hpp"
#include "sim/cli/docker_host.hpp"
#include "sim/cli/run_flag_values.hpp"
#include "sim/cli/unmodelled_run_flags.hpp"
#include "sim/docker/capabilities.hpp"
#include "sim/docker/image_users.hpp"
#include "sim/docker/restart_policy.hpp"

namespace sim::cli {

namespace {

std::vector<FlagSpec> containerConfigFlags() {
    std::vector<FlagSpec> f = {
        FlagSpec::list("add-host", 0, "Add a custom host-to-IP mapping (host:ip)"),
        FlagSpec::list("cap-add", 0, "Add Linux capabilities"),
        FlagSpec::list("cap-drop", 0, "Drop Linux capabilities"),
        FlagSpec::string("cpus", 0, "Number of CPUs"),  // typeName "decimal" below
        FlagSpec::list("dns", 0, "Set custom DNS servers"),
        FlagSpec::list("dns-option", 0, "Set DNS options"),
        FlagSpec::list("dns-search", 0, "Set custom DNS search domains"),
        FlagSpec::string("domainname", 0, "Container NIS domain name"),
        FlagSpec::string("entrypoint", 0, "Overwrite the default ENTRYPOINT of the image"),
        FlagSpec::list("env", 'e', "Set environment variables"),
        FlagSpec::list("env-file", 0, "Read in a file of environment variables"),
        FlagSpec::list("expose", 0, "Expose a port or a range of ports"),
        FlagSpec::string("hostname", 'h', "Container host name"),
        FlagSpec::boolean("init", 0, "Run an init inside the container that forwards signals and reaps processes"),
        FlagSpec::boolean("interactive", 'i', "Keep STDIN open even if not attached"),
        FlagSpec::string("ip", 0, "IPv4 address (e.g., 172.30.100.104)"),
        FlagSpec::string("ip6", 0, "IPv6 address (e.g., 2001:db8::33)"),
        FlagSpec::list("label", 'l', "Set meta data on a container"),
        FlagSpec::list("label-file", 0, "Read in a line delimited file of labels"),
        FlagSpec::list("link", 0, "Add link to another container"),
        FlagSpec::string("mac-address", 0, "Container MAC address (e.g., 92:d0:c6:0a:29:33)"),
        FlagSpec::string("memory", 'm', "Memory limit"),
        FlagSpec::list("mount", 0, "Attach a filesystem mount to the container", "mount"),
        FlagSpec::string("name", 0, "Assign a name to the container"),
        FlagSpec::string("network", 0, "Connect a container to a network"),
        FlagSpec::list("network-alias", 0, "Add network-scoped alias for the container"),
        FlagSpec::string("platform", 0, "Set platform if server is multi-platform capable"),
        FlagSpec::boolean("privileged", 0, "Give extended privileges to this container"),
        FlagSpec::list("publish", 'p', "Publish a container's port(s) to the host"),
        FlagSpec::boolean("publish-all", 'P', "Publish all exposed ports to random ports"),
        FlagSpec::string("pull", 0, "Pull image before creating (\"always\", \"missing\", \"never\")", "missing"),
        FlagSpec::boolean("read-only", 0, "Mount the container's root filesystem as read only"),
        FlagSpec::string("restart", 0, "Restart policy to apply when a container exits", "no"),
        FlagSpec::boolean("rm", 0, "Automatically remove the container and its associated anonymous volumes when it exits"),
        FlagSpec::boolean("tty", 't', "Allocate a pseudo-TTY"),
        FlagSpec::string("user", 'u', "Username or UID (format: <name|uid>[:<group|gid>])"),
        FlagSpec::list("volume", 'v', "Bind mount a volume"),
        FlagSpec::string("workdir", 'w', "Working directory inside the container"),
        FlagSpec::boolean("quiet", 'q', "Suppress the pull output"),
        // Skipped by default (DOCKER_CONTENT_TRUST is unset); =false would turn trust on.
        []() {
            FlagSpec t = FlagSpec::boolean("disable-content-trust", 0, "Skip image verification");
            t.defaultValue = "true";
            return t;
        }(),
    };
    for (auto& spec : unmodelledContainerFlags()) f.push_back(std::move(spec));
    auto named = [&f](std::string_view name) -> FlagSpec& {
        return *std::find_if(f.begin(), f.end(), [&](const FlagSpec& s) { return s.longName == name; });
    };
    named("cpus").typeName = "decimal";   // opts.NanoCPUs
    named("memory").typeName = "bytes";   // opts.MemBytes
    f.push_back(named("network").alias("net"));              // --net = --network
    f.push_back(named("network-alias").alias("net-alias"));  // --net-alias = --network-alias
    f.push_back(named("dns-option").alias("dns-opt"));       // hidden, as in docker/cli
    return f;
}

/// opts.ValidateDNSSearch (docker/cli): "." stands for no search domain; anything else must be
/// a domain name (a letter somewhere, labels of letters, digits and inner hyphens, a trailing dot
/// dropped, under 255 characters).
std::expected<std::string, std::string> validateDnsSearch(std::string val) {
    while (!val.empty() && val.front() == ' ') val.erase(val.begin());
    while (!val.empty() && val.back() == ' ') val.pop_back();
    if (val == ".") return val;
    const std::string invalid = val + " is not a valid domain";
    if (std::none_of(val.begin(), val.end(), [](unsigned char ch) { return std::isalpha(ch); })) return std::unexpected(invalid);
    std::string name = val;
    if (!name.empty() && name.back() == '.') name.pop_back();
    if (name.empty() || name.size() >= 255) return std::unexpected(invalid);
    std::size_t start = 0;
    while (start <= name.size()) {
        const auto dot = name.find('.', start);
        const std::string label = name.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
        const bool okChars = std::all_of(label.begin(), label.end(), [](unsigned char ch) { return std::isalnum(ch) || ch == '-'; });
        if (label.empty() || !okChars || label.front() == '-' || label.back() == '-') return std::unexpected(invalid);
        if (dot == std::string::npos) break;
        start = dot + 1;
    }
    return name;
}

/// The run/create flags docknet does not model, refused (exit 125, like the CLI's own flag
/// errors) rather than accepted and ignored. nullopt when none is given.
std::optional<std::string> unmodelledRunFlag(const ParsedFlags& f) {
    if (auto given = unmodelledContainerFlagGiven(f)) return given;
    if (f.changed("disable-content-trust") && !f.getBool("disable-content-trust"))
        return "--disable-content-trust=false (image signature verification) is not modelled";
    if (!f.getList("volume").empty())
        return "-v/--volume is not modelled (docknet simulates no volumes or bind mounts)";
    if (!f.getList("mount").empty()) return "--mount is not modelled (docknet simulates no volumes or bind mounts)";
    if (f.changed("platform")) {
        const std::string p = f.getString("platform");
        if (p != "linux/amd64" && p != "linux" && p != "amd64" && p != "linux/x86_64" && p != "x86_64")
            return "--platform " + p + " is not modelled (the simulated host runs linux/amd64 images only)";
    }
    if (f.getBool("sig-proxy") == false && f.changed("sig-proxy"))
        return "--sig-proxy=false is not modelled (docknet forwards no signals from docker run)";
    return std::nullopt;
}

}  // namespace

bool isInteractiveShell(const docker::Container& c) {
    std::vector<std::string> argv = c.path;
    auto base = [](const std::string& p) { return p.substr(p.rfind('/') == std::string::npos ? 0 : p.rfind('/') + 1); };
    if (!argv.empty() && base(argv[0]) == "docker-entrypoint.sh") argv.erase(argv.begin());
    if (argv.size() != 1) return false;
    const std::string b = base(argv[0]);
    return b == "sh" || b == "bash" || b == "ash" || b == "dash";
}

void DockerCli::defineRunCommands() {
    CommandSpec run;
    run.path = "docker run";
    run.use = "[OPTIONS] IMAGE [COMMAND] [ARG...]";
    run.description = "Create and run a new container from an image";
    run.aliases = {"docker container run", "docker run"};
    run.flags = containerConfigFlags();
    run.flags.push_back(FlagSpec::boolean("detach", 'd', "Run container in background and print container ID"));
    run.flags.push_back(FlagSpec::string("detach-keys", 0, "Override the key sequence for detaching a container"));
    run.flags.push_back(FlagSpec::boolean("sig-proxy", 0, "Proxy received signals to the process").alias("sig-proxy", 0, true));
    run.args = ArgCount::atLeast(1);
    run.interspersed = false;
    define(run, [this](const ParsedFlags& f, const std::string&, const ShellContext& ctx) { return runOrCreate(f, true, ctx); });

    CommandSpec create = run;
    create.path = "docker create";
    create.use = "[OPTIONS] IMAGE [COMMAND] [ARG...]";
    create.description = "Create a new container";
    create.aliases = {"docker container create", "docker create"};
    create.flags = containerConfigFlags();
    define(create, [this](const ParsedFlags& f, const std::string&, const ShellContext& ctx) { return runOrCreate(f, false, ctx); });
}

CommandResult DockerCli::runOrCreate(const ParsedFlags& f, bool start, const ShellContext&) {
    CommandResult r;
    const std::string command = start ? "docker run" : "docker create";
    auto cliError = [&](const std::string& msg) {
        // Client-side validation errors: "docker: MSG.\nSee 'docker run --help'." (exit 125).
        std::string m = msg;
        if (!m.empty() && m.back() == '.') m.pop_back();
        r.output.err("docker: " + m + ".\nSee '" + command + " --help'.\n");
        r.exitCode = 125;
        return r;
    };
    auto daemonCreateError = [&](const std::string& msg) {
        std::string m = msg;
        if (!m.empty() && m.back() == '.') m.pop_back();
        r.output.err("docker: Error response from daemon: " + m + ".\nSee '" + command + " --help'.\n");
        r.exitCode = 125;
        return r;
    };

    auto flagValueError = [&](const std::string& flag, const std::string& value, const std::string& why, const std::string& cmd) {
        r.output.err("invalid argument \"" + value + "\" for \"" + flag + "\" flag: " + why + "\nSee '" + cmd + " --help'.\n");
        r.exitCode = 125;
        return r;
    };
    auto notModelledRunFlag = [&](const std::string& what) {
        r.output.err("docknet: " + what + "\n");
        r.exitCode = 125;
        return r;
    };
    // The CLI's os.LookupEnv: the variables of the shell docker was typed in.
    const std::function<std::optional<std::string>(const std::string&)> shellVariable =
        [this](const std::string& name) -> std::optional<std::string> {
        const auto it = lab().env().find(name);
        if (it == lab().env().end()) return std::nullopt;
        return it->second;
    };
    // --env-file / --label-file name files of the simulated host; a bare KEY in an env file
    // takes the value of the shell's variable.
    auto readKeyValueFile = [&](const std::string& path, bool isEnv) -> core::Result<std::vector<std::string>> {
        auto content = lab().readFile(path);
        if (!content) return core::fail(core::ErrorCode::NotFound, "open " + path + ": no such file or directory");
        return parseKeyValueFile(*content, isEnv ? shellVariable : nullptr);
    };
    // pflag parses the value-typed flags first: their errors come before any other check.
    std::int64_t memory = 0, nanoCpus = 0;
    if (f.changed("memory")) {
        auto bytes = parseRamInBytes(f.getString("memory"));
        if (!bytes) return flagValueError("-m, --memory", f.getString("memory"), bytes.error().message, command);
        memory = *bytes;
    }
    if (f.changed("cpus")) {
        auto nano = parseNanoCpus(f.getString("cpus"));
        if (!nano) return flagValueError("--cpus", f.getString("cpus"), nano.error().message, command);
        nanoCpus = *nano;
    }
    // runRun's validatePullOpt, before the flags become a config.
    const std::string pull = f.getString("pull");
    if (pull != "always" && pull != "missing" && pull != "never" && !pull.empty())
        return cliError("invalid pull option: '" + pull + "': must be one of \"always\", \"missing\" or \"never\"");

    docker::ContainerConfig cfg;
    cfg.image = f.args[0];
    cfg.memory = memory;
    cfg.nanoCpus = nanoCpus;
    cfg.capAdd = f.getList("cap-add");
    cfg.capDrop = f.getList("cap-drop");
    cfg.privileged = f.getBool("privileged");
    cfg.readonlyRootfs = f.getBool("read-only");
    cfg.user = f.getString("user");
    cfg.workdir = f.getString("workdir");
    if (f.changed("init")) cfg.init = f.getBool("init");
    cfg.command.assign(f.args.begin() + 1, f.args.end());
    cfg.name = f.getString("name");
    for (const auto& e : f.getList("env")) {  // pflag runs ValidateEnv as each -e is parsed
        auto valid = validateEnv(e, shellVariable);
        if (!valid) return flagValueError("-e, --env", e, valid.error().message, command);
        cfg.env.push_back(*valid);
    }
    cfg.hostname = f.getString("hostname");
    cfg.domainname = f.getString("domainname");
    cfg.network = docker::NetworkMode::parse(f.getString("network"));
    cfg.links = f.getList("link");
    cfg.networkAliases = f.getList("network-alias");
    cfg.detach = f.getBool("detach");
    cfg.interactive = f.getBool("interactive");
    cfg.tty = f.getBool("tty");
    cfg.autoRemove = f.getBool("rm");
    cfg.publishAll = f.getBool("publish-all");
    if (f.changed("entrypoint")) cfg.entrypoint = f.getString("entrypoint");

    for (const auto& spec : f.getList("publish")) {
        auto bindings = docker::parsePortSpec(spec);
        if (!bindings) return cliError(bindings.error().message);
        cfg.publish.insert(cfg.publish.end(), bindings->begin(), bindings->end());
    }
    for (const auto& spec : f.getList("expose")) {
        auto ports = docker::parseExposedPorts(spec);
        if (!ports) return cliError(ports.error().message);
        cfg.expose.insert(cfg.expose.end(), ports->begin(), ports->end());
    }
    if (f.changed("mac-address")) {
        auto mac = wire::MacAddress::parse(f.getString("mac-address"));
        if (!mac) return cliError(f.getString("mac-address") + " is not a valid mac address");
        cfg.macAddress = *mac;
    }
    if (f.changed("ip")) {
        auto ip = wire::Ipv4Address::parse(f.getString("ip"));
        if (!ip) return cliError("invalid IPv4 address: " + f.getString("ip"));
        cfg.ip = *ip;
    }
    cfg.ip6 = f.getString("ip6");  // the daemon validates it (validateEndpointSettings)
    for (const auto& d : f.getList("dns")) {
        auto ip = wire::Ipv4Address::parse(d);
        if (!ip) {
            r.output.err("invalid argument \"" + d + "\" for \"--dns\" flag: " + d + " is not an ip address\nSee '" + command +
                         " --help'.\n");
            r.exitCode = 125;
            return r;
        }
        cfg.dns.push_back(*ip);
    }
    for (const auto& d : f.getList("dns-search")) {
        auto domain = validateDnsSearch(d);
        if (!domain) {
            r.output.err("invalid argument \"" + d + "\" for \"--dns-search\" flag: " + domain.error() + "\nSee '" +
                         command + " --help'.\n");
            r.exitCode = 125;
            return r;
        }
        cfg.dnsSearch.push_back(*domain);
    }
    cfg.dnsOptions = f.getList("dns-option");
    // opts.ReadKVEnvStrings / ReadKVStrings: the files' lines first, then the flags'. The files
    // are the simulated host's (relative to the shell's directory).
    std::vector<std::string> env;
    for (const auto& file : f.getList("env-file")) {
        auto lines = readKeyValueFile(file, true);
        if (!lines) return cliError(lines.error().message);
        env.insert(env.end(), lines->begin(), lines->end());
    }
    env.insert(env.end(), cfg.env.begin(), cfg.env.end());
    cfg.env = std::move(env);
    std::vector<std::string> labels;
    for (const auto& file : f.getList("label-file")) {
        auto lines = readKeyValueFile(file, false);
        if (!lines) return cliError(lines.error().message);
        labels.insert(labels.end(), lines->begin(), lines->end());
    }
    for (const auto& l : f.getList("label")) labels.push_back(l);
    for (const auto& l : labels) {  // opts.ConvertKVStringsToMap: a bare key has the value ""
        const auto eq = l.find('=');
        cfg.labels[l.substr(0, eq)] = eq == std::string::npos ? "" : l.substr(eq + 1);
    }
    for (const auto& h : f.getList("add-host")) {
        const auto colon = h.find(':');
        auto ip = colon == std::string::npos ? std::nullopt : std::optional(wire::Ipv4Address::parse(h.substr(colon + 1)));
        if (colon == std::string::npos || colon == 0 || !ip || !*ip) {
            r.output.err("invalid argument \"" + h + "\" for \"--add-host\" flag: bad format for add-host: \"" + h +
                         "\"\nSee '" + command + " --help'.\n");
            r.exitCode = 125;
            return r;
        }
        cfg.extraHosts.emplace_back(h.substr(0, colon), **ip);
    }
    for (const auto& l : cfg.links) {
        if (l.empty() || l.front() == ':' || l.back() == ':' || std::count(l.begin(), l.end(), ':') > 1) {
            r.output.err("invalid argument \"" + l + "\" for \"--link\" flag: bad format for links: " + l + "\nSee '" + command +
                         " --help'.\n");
            r.exitCode = 125;
            return r;
        }
    }
    // opts.ParseRestartPolicy, then the --rm conflict (container.RestartPolicy.IsNone: a name
    // the daemon would refuse is not "none" either), as parse() builds the HostConfig.
    auto restart = docker::parseRestartPolicyFlag(f.getString("restart"));
    if (!restart) return cliError(restart.error().message);
    if (cfg.autoRemove && !restart->isNone()) return cliError("conflicting options: cannot specify both --restart and --rm");
    // The CLI (>= 23, parseNetworkAttachmentOpt) rejects aliases on any network that is not
    // user-defined (default, bridge, host, none, container:X) before asking the daemon.
    if (!cfg.networkAliases.empty() &&
        (cfg.network.kind != docker::NetworkMode::Kind::Named || cfg.network.name == "bridge"))
        return cliError("network-scoped aliases are only supported for user-defined networks");

    // What docknet does not model is refused once the CLI's own checks passed, before the
    // daemon is asked anything: never accepted and ignored.
    if (auto refusal = unmodelledRunFlag(f)) return notModelledRunFlag(*refusal);

    // A server image's process as another user: whether nginx or httpd could still start (bind
    // port 80, write its cache and pid files) is not modelled. Its own account is (the
    // database images drop to it anyway).
    if (!cfg.user.empty())
        if (const docker::ImageConfig* image = lab().engine().images().find(cfg.image);
            image && image->service != docker::Service::None)
            if (auto who = docker::resolveUser(image, cfg.user); who && who->uid != 0 && who->name != docker::serverUser(*image))
                return notModelledRunFlag("--user " + cfg.user + " with the image's server is not modelled (docknet runs it as root" +
                                          (docker::serverUser(*image).empty() ? std::string() : " or " + docker::serverUser(*image)) + " only)");

    // validateHostConfig runs in the daemon before it looks for the image, the restart policy
    // before the capabilities: a bad value is refused without a pull.
    auto policy = docker::validateRestartPolicy(*restart);
    if (!policy) return daemonCreateError(policy.error().message);
    cfg.restartPolicy = *policy;
    if (auto caps = docker::validateCapabilities(cfg); !caps) return daemonCreateError(caps.error().message);

    // --quiet drops the pull's progress ("Unable to find image" included) when it succeeds.
    CommandResult pulled;
    if (!pullForRun(cfg.image, pull, pulled, command)) {
        r.output.append(pulled.output);
        if (r.exitCode == 0) r.exitCode = pulled.exitCode;
        return r;
    }
    if (!f.getBool("quiet")) r.output.append(pulled.output);

    std::vector<std::string> warnings;
    auto& engine = lab().engine();
    auto id = engine.create(cfg, warnings);
    if (!id) return daemonCreateError(id.error().message);
    for (const auto& w : warnings) r.output.err("WARNING: " + w + "\n");
    if (!start || cfg.detach) r.output.out(*id + "\n");
    if (!start) return r;

    const docker::Container* c = engine.findContainer(*id);
    const std::size_t logsBefore = c->logs.size();
    auto started = engine.start(*id);
    if (!started) {
        std::string m = started.error().message;
        if (!m.empty() && m.back() == '.') m.pop_back();
        r.output.err("docker: Error response from daemon: " + m + ".\n");
        r.exitCode = m.find("executable file not found") != std::string::npos ? 127 : 125;
        if (cfg.autoRemove) (void)engine.remove(*id, true);
        return r;
    }
    if (cfg.detach) return r;

    // Attached: what the main process wrote while it ran, then its exit status.
    c = engine.findContainer(*id);
    const std::vector<docker::LogLine>* logs = c ? &c->logs : nullptr;
    const auto* removed = engine.autoRemoved(*id);
    if (!logs && removed) logs = &removed->logs;
    if (logs)
        for (std::size_t i = logsBefore; i < logs->size(); ++i)
            ((*logs)[i].isStderr ? r.output.err((*logs)[i].text + "\n") : r.output.out((*logs)[i].text + "\n"));
    if (c && c->isRunning() && cfg.interactive && isInteractiveShell(*c)) {
        ShellContext session;
        session.kind = ShellContext::Kind::Container;
        session.containerId = c->id;
        session.shellName = Shell::shellOf(lab(), *c);
        session.isMainProcess = true;
        session.tty = cfg.tty;
        session.stdinTerminal = cfg.tty && cfg.interactive;
        // docker run -it detaches quietly (run.go returns nil on term.EscapeError).
        session.detachKeys = detachKeyBytes(f.getString("detach-keys")).value_or(kDefaultDetachKeys);
        session.detachQuietly = true;
        m_shell.openSession(session);
        return r;
    }
    if (c && !c->isRunning()) r.exitCode = c->exitCode;
    else if (!c && removed) r.exitCode = removed->exitCode;
    return r;
}

}  // namespace sim::cli
