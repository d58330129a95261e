// The commands that print views of the state: ps, inspect, port, logs' cousins network ls and
// network inspect, and images. The views themselves are in docker_views.hpp.
#include <cctype>

#include "sim/cli/docker_cli.hpp"
#include "sim/cli/docker_views.hpp"
#include "sim/cli/filter_args.hpp"
#include "sim/gotemplate/go_template.hpp"
#include "sim/cli/docker_host.hpp"

namespace sim::cli {
using gotemplate::GoTemplate;
using gotemplate::TemplateOptions;

namespace {

CommandResult printed(const core::Result<std::string>& text) {
    CommandResult r;
    if (text) {
        r.output.out(*text);
    } else {
        r.output.err(text.error().message + "\n");
        r.exitCode = 1;
    }
    return r;
}

core::JsonValue imageInspect(const docker::ImageConfig& i) {
    using core::JsonValue;
    JsonValue exposed = JsonValue::sortedObject();
    for (const auto& [port, proto] : i.exposedPorts) exposed.set(docker::portKey(port, proto), JsonValue::object());
    JsonValue config = JsonValue::object();
    config.set("Hostname", JsonValue::string(""));
    config.set("ExposedPorts", i.exposedPorts.empty() ? JsonValue::null() : exposed);
    config.set("Env", JsonValue::stringArray(i.env));
    config.set("Cmd", i.cmd.empty() ? JsonValue::null() : JsonValue::stringArray(i.cmd));
    config.set("Entrypoint", i.entrypoint.empty() ? JsonValue::null() : JsonValue::stringArray(i.entrypoint));
    config.set("WorkingDir", JsonValue::string(i.workdir));
    JsonValue o = JsonValue::object();
    o.set("Id", JsonValue::string(i.id));
    o.set("RepoTags", i.isDangling() ? JsonValue::array() : JsonValue::stringArray({i.reference()}));
    o.set("RepoDigests", i.repoDigest.empty() ? JsonValue::array()
                                              : JsonValue::stringArray({i.repository + "@" + i.repoDigest}));
    o.set("Created", JsonValue::string(i.created));
    o.set("Config", std::move(config));
    o.set("Architecture", JsonValue::string("amd64"));
    o.set("Os", JsonValue::string("linux"));
    o.set("Size", JsonValue::number(i.sizeBytes));
    return o;
}

/// docker/cli's inspect.Inspect (v24-27) over elements already fetched: `format` empty prints the
/// indented JSON array ("[]" when nothing was found), "json" the compact one, a template each
/// element and a newline (just a newline when none); a template that does not parse is exit 64.
/// Lookup and execution errors (each ending in '\n') follow on stderr, exit 1.
CommandResult inspectElements(const std::vector<core::JsonValue>& objects, std::vector<std::string> errors,
                              const std::string& format) {
    CommandResult r;
    if (format.empty() || format == "json") {
        core::JsonValue array = core::JsonValue::array();
        for (const auto& o : objects) array.push(o);
        r.output.out((format.empty() ? array.toIndentedString() : array.toCompactString()) + "\n");
    } else {
        auto tpl = GoTemplate::parse(format);
        if (!tpl) {
            r.output.err("template parsing error: " + tpl.error().message + "\n");
            r.exitCode = 64;
            return r;
        }
        std::string text;
        for (const auto& o : objects) {
            auto one = tpl->execute(o);
            if (one) text += *one + "\n";
            else errors.push_back("template parsing error: " + one.error().message + "\n");
        }
        r.output.out(text.empty() ? "\n" : text);
    }
    for (const auto& e : errors) r.output.err(e);
    if (!errors.empty()) r.exitCode = 1;
    return r;
}

/// Whether a ps template reads .Size: by name, or through {{json .}} (ContainerContext's
/// MarshalJSON calls every field).
bool templateUsesSize(const std::string& format) {
    if (format.find(".Size") != std::string::npos) return true;
    for (auto at = format.find("json ."); at != std::string::npos; at = format.find("json .", at + 1)) {
        const char next = at + 6 < format.size() ? format[at + 6] : ' ';
        if (!std::isalnum(static_cast<unsigned char>(next)) && next != '_') return true;
    }
    return false;
}

}  // namespace

void DockerCli::defineViewCommands() {
    auto& engine = lab().engine();

    define(commandSpec("docker ps", "[OPTIONS]", "List containers", ArgCount::none(),
                {FlagSpec::boolean("all", 'a', "Show all containers (default shows just running)"),
                 FlagSpec::list("filter", 'f', "Filter output based on conditions provided", "filter"),
                 FlagSpec::string("format", 0, "Format output using a custom template"),
                 FlagSpec::integer("last", 'n', "Show n last created containers (includes all states)", "-1"),
                 FlagSpec::boolean("latest", 'l', "Show the latest created container (includes all states)"),
                 FlagSpec::boolean("no-trunc", 0, "Don't truncate output"),
                 FlagSpec::boolean("quiet", 'q', "Only display container IDs"),
                 FlagSpec::boolean("size", 's', "Display total file sizes")},
                {"docker container ls", "docker container list", "docker container ps", "docker ps"}),
           [&engine](const ParsedFlags& f, const std::string&, const ShellContext&) {
               PsOptions o;
               o.all = f.getBool("all");
               o.quiet = f.getBool("quiet");
               o.noTrunc = f.getBool("no-trunc");
               if (f.changed("format")) o.format = f.getString("format");
               o.size = f.getBool("size");
               // buildContainerListOptions: a template that uses .Size asks for the sizes too,
               // unless -q or an explicit --size=false (executing it on a ContainerContext marks
               // the fields used; {{json .}} calls every one of them).
               if (o.format && !o.quiet && !f.changed("size") && templateUsesSize(*o.format)) o.size = true;
               auto filters = FilterArgs::parse(f.getList("filter"));
               if (!filters) return filterFlagError(f.getList("filter"), "docker ps");
               o.filters = std::move(*filters);
               o.last = static_cast<int>(f.getInt("last"));
               if (f.getBool("latest") && o.last == -1) o.last = 1;  // docker/cli buildContainerListOptions
               CommandResult r;
               if (o.quiet && o.format) r.output.err("WARNING: Ignoring custom format, because both --format and --quiet are set.\n");
               CommandResult t = printed(psTable(engine, o));
               r.output.append(t.output);
               r.exitCode = t.exitCode;
               return r;
           });

    define(commandSpec("docker inspect", "[OPTIONS] NAME|ID [NAME|ID...]", "Return low-level information on Docker objects",
                ArgCount::atLeast(1),
                {FlagSpec::string("format", 'f', "Format output using a custom template"),
                 FlagSpec::boolean("size", 's', "Display total file sizes if the type is container"),
                 FlagSpec::string("type", 0, "Return JSON for specified type")}),
           [&engine](const ParsedFlags& f, const std::string&, const ShellContext&) {
               std::vector<core::JsonValue> objects;
               std::vector<std::string> missing;
               const std::string type = f.getString("type");
               for (const auto& ref : f.args) {
                   if (type.empty() || type == "container") {
                       if (const auto* c = engine.findContainer(ref)) {
                           objects.push_back(containerInspect(engine, *c, f.getBool("size")));
                           continue;
                       }
                   }
                   if (type.empty() || type == "image") {
                       if (const auto* i = engine.images().find(ref); i && (i->builtLocally || engine.images().isPulled(ref))) {
                           objects.push_back(imageInspect(*i));
                           continue;
                       }
                   }
                   if (type.empty() || type == "network") {
                       if (const auto* n = engine.findNetwork(ref)) {
                           objects.push_back(networkInspect(engine, *n));
                           continue;
                       }
                   }
                   missing.push_back(ref);
               }
               std::vector<std::string> errors;
               for (const auto& m : missing) errors.push_back("Error: No such object: " + m + "\n");
               return inspectElements(objects, std::move(errors), f.getString("format"));
           });

    define(commandSpec("docker port", "CONTAINER [PRIVATE_PORT[/PROTO]]", "List port mappings or a specific mapping for the container",
                ArgCount::range(1, 2), {}, {"docker container port", "docker port"}),
           [&engine](const ParsedFlags& f, const std::string&, const ShellContext&) {
               const auto* c = engine.findContainer(f.args[0]);
               if (!c) {
                   CommandResult r;
                   r.output.err(daemonError("No such container: " + f.args[0]));
                   r.exitCode = 1;
                   return r;
               }
               return printed(portLines(*c, f.args.size() > 1 ? std::optional(f.args[1]) : std::nullopt, f.args[0]));
           });

    define(commandSpec("docker network ls", "[OPTIONS]", "List networks", ArgCount::none(),
                {FlagSpec::list("filter", 'f', "Provide filter values (e.g. \"driver=bridge\")", "filter"),
                 FlagSpec::string("format", 0, "Format output using a custom template"),
                 FlagSpec::boolean("no-trunc", 0, "Do not truncate the output"),
                 FlagSpec::boolean("quiet", 'q', "Only display network IDs")},
                {"docker network ls", "docker network list"}),
           [&engine](const ParsedFlags& f, const std::string&, const ShellContext&) {
               NetworkLsOptions o;
               o.quiet = f.getBool("quiet");
               o.noTrunc = f.getBool("no-trunc");
               if (f.changed("format")) o.format = f.getString("format");
               auto filters = FilterArgs::parse(f.getList("filter"));
               if (!filters) return filterFlagError(f.getList("filter"), "docker network ls");
               o.filters = std::move(*filters);
               return printed(networkLsTable(engine, o));
           });

    define(commandSpec("docker network inspect", "[OPTIONS] NETWORK [NETWORK...]", "Display detailed information on one or more networks",
                ArgCount::atLeast(1),
                {FlagSpec::string("format", 'f', "Format output using a custom template"),
                 FlagSpec::boolean("verbose", 'v', "Verbose output for diagnostics")}),
           // --verbose asks the daemon for swarm details (Services, Peers), which are omitempty
           // and empty for local networks: the output is the same, as on a Docker host.
           [&engine](const ParsedFlags& f, const std::string&, const ShellContext&) {
               std::vector<core::JsonValue> objects;
               std::vector<std::string> errors;
               for (const auto& ref : f.args) {
                   auto n = engine.lookupNetwork(ref);
                   if (n) {
                       objects.push_back(networkInspect(engine, **n));
                   } else if (n.error().code == core::ErrorCode::NotFound) {
                       errors.push_back(daemonError(n.error().message));
                   } else {
                       // The router's own lookup words an ambiguous prefix as a wrapped error.
                       const std::string m = n.error().message;  // network X is ambiguous (N matches found based on ID prefix)
                       const auto open = m.find(" (");
                       errors.push_back(daemonError(m.substr(open + 2, m.size() - open - 3) + ": " + m.substr(0, open)));
                   }
               }
               return inspectElements(objects, errors, f.getString("format"));
           });

    define(commandSpec("docker images", "[OPTIONS] [REPOSITORY[:TAG]]", "List images", ArgCount::atMost(1),
                {FlagSpec::boolean("all", 'a', "Show all images (default hides intermediate images)"),
                 FlagSpec::boolean("digests", 0, "Show digests"),
                 FlagSpec::list("filter", 'f', "Filter output based on conditions provided", "filter"),
                 FlagSpec::string("format", 0, "Format output using a custom template"),
                 FlagSpec::boolean("no-trunc", 0, "Don't truncate output"),
                 FlagSpec::boolean("quiet", 'q', "Only show image IDs")},
                {"docker image ls", "docker image list", "docker images"}),
           [&engine](const ParsedFlags& f, const std::string&, const ShellContext&) {
               ImagesOptions o;
               o.all = f.getBool("all");
               o.quiet = f.getBool("quiet");
               o.noTrunc = f.getBool("no-trunc");
               o.digests = f.getBool("digests");
               if (f.changed("format")) o.format = f.getString("format");
               auto filters = FilterArgs::parse(f.getList("filter"));
               if (!filters) return filterFlagError(f.getList("filter"), "docker images");
               o.filters = std::move(*filters);
               if (!f.args.empty() && !f.args[0].empty()) o.filters.add("reference", f.args[0]);  // docker/cli runImages
               return printed(imagesTable(engine, o));
           });

    define(commandSpec("docker version", "[OPTIONS]", "Show the Docker version information", ArgCount::none(),
                {FlagSpec::string("format", 'f', "Format output using a custom template")}),
           [](const ParsedFlags&, const std::string&, const ShellContext&) {
               CommandResult r;
               r.output.out(
                   "Client: Docker Engine - Community\n Version:           27.3.1\n API version:       1.47\n"
                   " Go version:        go1.22.7\n Git commit:        ce12230\n Built:             Fri Sep 20 11:41:00 2024\n"
                   " OS/Arch:           linux/amd64\n Context:           default\n\n"
                   "Server: docknet (simulated Docker Engine, no daemon behind it)\n Engine:\n  Version:          27.3.1\n"
                   "  API version:      1.47 (minimum version 1.24)\n  OS/Arch:          linux/amd64\n");
               return r;
           });
}

}  // namespace sim::cli
