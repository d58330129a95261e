// `docker ps`, `docker network ls`, `docker images` and `docker port`, as docker/cli 27 prints
// them: the formatter contexts' fields (cli/command/formatter: container.go, network's
// formatter.go, image.go), their table headers, the `table`/`json`/custom --format handling of
// formatter.Context, and the tabwriter (10, 1, 3, ' ', 0).
#include <algorithm>

#include "sim/cli/container_filters.hpp"
#include "sim/cli/docker_view_util.hpp"
#include "sim/cli/image_filters.hpp"
#include "sim/cli/network_filters.hpp"
#include "sim/cli/docker_views.hpp"
#include "sim/gotemplate/go_template.hpp"
#include "sim/cli/tab_writer.hpp"

namespace sim::cli {
using gotemplate::GoTemplate;
using gotemplate::TemplateOptions;
using gotemplate::MissingKey;

using core::JsonValue;
using docker::Container;
using docker::DockerEngine;

namespace {

constexpr std::int64_t kNanosPerSecond = 1'000'000'000;

JsonValue str(std::string s) { return JsonValue::string(std::move(s)); }

std::string join(const std::vector<std::string>& items, std::string_view sep) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i) out += sep;
        out += items[i];
    }
    return out;
}

std::string joinLabels(const std::map<std::string, std::string>& labels) {
    std::vector<std::string> kv;
    for (const auto& [k, v] : labels) kv.push_back(k + "=" + v);
    return join(kv, ",");
}

/// time.Unix(created, 0): the API reports creation times in whole seconds.
std::int64_t floorToSecond(std::int64_t nanos) {
    std::int64_t s = nanos / kNanosPerSecond;
    if (nanos % kNanosPerSecond < 0) --s;
    return s * kNanosPerSecond;
}

std::int64_t nowNanos(const DockerEngine& engine) { return wallClockNanos(engine, engine.kernel().now()); }

// ---- formatter.Context ---------------------------------------------------------------------

struct FormatChoice {
    std::optional<std::string> format;  // as given
    bool quiet = false;
    std::string defaultTable;           // "table {{.ID}}\t..."
    std::string quietFormat = "{{.ID}}";
    std::string rawFormat;              // --format raw
    std::string rawQuietFormat;         // --format raw -q
    /// docker ps prints {{.ID}} for -q whatever the format; network ls only for the table
    /// and raw formats (its NewFormat): a custom template wins over -q there.
    bool quietOverridesTemplate = true;
};

using RowMethods = std::map<std::string, gotemplate::TemplateMethod, std::less<>>;

/// Renders rows the way formatter.Context.Write does; `headers` maps field names to headers.
/// `methods`, when given, holds each row's methods (index-aligned with `rows`).
core::Result<std::string> render(const FormatChoice& choice, const JsonValue& headers, const std::vector<JsonValue>& rows,
                                 const std::vector<RowMethods>& methods = {}) {
    std::string source = choice.format.value_or("");
    if (source.empty() || source == "table") source = choice.quiet ? choice.quietFormat : choice.defaultTable;
    else if (source == "raw" && !choice.rawFormat.empty()) source = choice.quiet ? choice.rawQuietFormat : choice.rawFormat;
    else if (choice.quiet && choice.quietOverridesTemplate) source = choice.quietFormat;

    bool table = false;
    std::string text = source;
    if (text == "json") {
        text = "{{json .}}";
    } else if (text.starts_with("table")) {
        table = true;
        text = text.substr(5);
    }
    // preFormat: trim spaces, then the two-character escapes \t and \n.
    const auto first = text.find_first_not_of(' ');
    const auto last = text.find_last_not_of(' ');
    text = first == std::string::npos ? std::string() : text.substr(first, last - first + 1);
    std::string unescaped;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\\' && i + 1 < text.size() && (text[i + 1] == 't' || text[i + 1] == 'n')) {
            unescaped += text[i + 1] == 't' ? '\t' : '\n';
            ++i;
        } else {
            unescaped += text[i];
        }
    }

    auto tmpl = GoTemplate::parse(unescaped);
    if (!tmpl) return core::fail(tmpl.error().code, "template parsing error: " + tmpl.error().message);
    TemplateOptions rowOptions;
    rowOptions.missingKey = MissingKey::Error;  // a formatter context has no such field
    std::string body;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const JsonValue& row = rows[i];
        if (i < methods.size()) rowOptions.methods = methods[i];
        auto out = tmpl->execute(row, rowOptions);
        if (!out) return core::fail(out.error().code, "template parsing error: " + out.error().message);
        body += *out;
        body += '\n';
    }
    if (!table) return body;
    // The header: the same template over the field -> header map. docker/cli ignores errors here
    // and keeps what Go's Execute had written ({{.Label "k"}} fails on the header map).
    const std::string header = tmpl->executeKeepingPartial(headers);
    return tabwrite(header + "\n" + body);
}

JsonValue headerMap(std::initializer_list<std::pair<const char*, const char*>> items) {
    JsonValue m = JsonValue::sortedObject();
    for (const auto& [field, header] : items) m.set(field, str(header));
    return m;
}

// ---- docker ps -----------------------------------------------------------------------------

/// The daemon's Command for the list: Path, then the Args with the ones holding a space quoted.
std::string commandLine(const Container& c) {
    if (c.path.empty()) return "";
    std::string out = c.path.front();
    for (std::size_t i = 1; i < c.path.size(); ++i) {
        const std::string& a = c.path[i];
        out += ' ';
        out += a.find(' ') != std::string::npos ? "'" + a + "'" : a;
    }
    return out;
}

/// ContainerContext.Image: the image as the container was created from it, in familiar form
/// (digest dropped when truncating); the image ID once that name points at another image.
std::string imageColumn(const DockerEngine& engine, const Container& c, bool truncate) {
    std::string image = c.config.image;
    const docker::ImageConfig* now = engine.images().find(image);
    if (!now || now->id != c.imageId) image = c.imageId;  // the daemon's fallback
    if (image.empty()) return "<no image>";
    if (!truncate) return image;
    if (truncateId(c.imageId) == truncateId(image)) return truncateId(image);
    auto ref = docker::parseImageReference(image);
    if (!ref) return image;
    return ref->repository + (ref->tagGiven ? ":" + ref->tag : "");
}

std::string stateWord(const Container& c) { return std::string(docker::toString(c.status)); }

std::vector<std::string> containerNames(const DockerEngine& engine, const Container& c) {
    // Legacy links add "/parent/alias" names to the linked container (default bridge only).
    std::vector<std::string> linkNames;
    for (const Container* parent : engine.containers()) {
        const auto& mode = parent->config.network;
        const bool defaultBridge = mode.kind == docker::NetworkMode::Kind::Default ||
                                   (mode.kind == docker::NetworkMode::Kind::Named && mode.name == "bridge");
        if (!defaultBridge) continue;
        for (const auto& link : parent->config.links) {
            const auto colon = link.find(':');
            const std::string target = link.substr(0, colon);
            if (engine.findContainer(target) != &c) continue;
            linkNames.push_back(parent->name + "/" + (colon == std::string::npos ? target : link.substr(colon + 1)));
        }
    }
    std::sort(linkNames.begin(), linkNames.end());
    std::vector<std::string> names{c.name};
    names.insert(names.end(), linkNames.begin(), linkNames.end());
    return names;
}

}  // namespace

std::string containerStatus(const DockerEngine& engine, const Container& c) {
    const std::int64_t now = nowNanos(engine);
    if (c.isRunning()) return "Up " + humanDuration(now - wallClockNanos(engine, c.startedAt));
    // State.String: while the policy waits, the exit code and the time since the exit.
    if (c.status == docker::ContainerStatus::Restarting)
        return "Restarting (" + std::to_string(c.exitCode) + ") " + humanDuration(now - wallClockNanos(engine, c.finishedAt)) +
               " ago";
    if (!c.everStarted) return "Created";
    if (c.status != docker::ContainerStatus::Exited) return "";
    return "Exited (" + std::to_string(c.exitCode) + ") " + humanDuration(now - wallClockNanos(engine, c.finishedAt)) +
           " ago";
}

std::string displayablePorts(const DockerEngine& engine, const Container& c) {
    struct Port {
        std::string ip;
        std::uint16_t privatePort = 0;
        std::uint16_t publicPort = 0;
        std::string type;
    };
    std::vector<Port> ports;
    for (const auto& e : views::portMap(engine, c)) {
        const std::string type(docker::toString(e.proto));
        if (e.bindings.empty()) ports.push_back(Port{"", e.port, 0, type});
        for (const auto& b : e.bindings)
            ports.push_back(Port{b.hostIp, e.port, static_cast<std::uint16_t>(std::stoi(b.hostPort)), type});
    }
    std::stable_sort(ports.begin(), ports.end(), [](const Port& a, const Port& b) {
        if (a.privatePort != b.privatePort) return a.privatePort < b.privatePort;
        if (a.ip != b.ip) return a.ip < b.ip;
        if (a.publicPort != b.publicPort) return a.publicPort < b.publicPort;
        return a.type < b.type;
    });
    struct Group {
        std::uint16_t first, last;
    };
    std::vector<std::pair<std::string, Group>> groups;  // in creation order of their keys
    std::vector<std::string> result, hostMappings;
    auto formGroup = [](const std::string& key, std::uint16_t start, std::uint16_t last) {
        std::string ip, type = key;
        if (const auto slash = key.find('/'); slash != std::string::npos) {
            ip = key.substr(0, slash);
            type = key.substr(slash + 1);
        }
        std::string group = std::to_string(start);
        if (start != last) group += "-" + std::to_string(last);
        if (!ip.empty()) group = views::joinHostPort(ip, group) + "->" + group;
        return group + "/" + type;
    };
    for (const auto& p : ports) {
        std::string key = p.type;
        if (!p.ip.empty()) {
            if (p.publicPort != p.privatePort) {
                hostMappings.push_back(views::joinHostPort(p.ip, std::to_string(p.publicPort)) + "->" +
                                       std::to_string(p.privatePort) + "/" + p.type);
                continue;
            }
            key = p.ip + "/" + p.type;
        }
        auto it = std::find_if(groups.begin(), groups.end(), [&](const auto& g) { return g.first == key; });
        if (it == groups.end()) {
            groups.emplace_back(key, Group{p.privatePort, p.privatePort});
            continue;
        }
        if (p.privatePort == it->second.last + 1) {
            it->second.last = p.privatePort;
            continue;
        }
        result.push_back(formGroup(key, it->second.first, it->second.last));
        it->second = Group{p.privatePort, p.privatePort};
    }
    for (const auto& [key, g] : groups) result.push_back(formGroup(key, g.first, g.last));
    result.insert(result.end(), hostMappings.begin(), hostMappings.end());
    return join(result, ", ");
}

JsonValue psFields(const DockerEngine& engine, const Container& c, bool truncate, bool withSize) {
    const std::int64_t created = floorToSecond(wallClockNanos(engine, c.createdAt));
    const docker::ImageConfig* image = views::imageOf(engine, c);
    std::vector<std::string> networks;
    if (!c.config.network.isContainer())
        for (const auto& ref : c.networks) networks.push_back(views::networkName(engine, ref));
    std::sort(networks.begin(), networks.end());
    const std::vector<std::string> names = containerNames(engine, c);
    const std::string command = commandLine(c);
    return JsonValue::sortedObject()
        .set("Command", str(strconvQuote(truncate ? ellipsis(command, 20) : command)))
        .set("CreatedAt", str(goTimeString(created)))
        .set("ID", str(truncate ? c.shortId() : c.id))
        .set("Image", str(imageColumn(engine, c, truncate)))
        .set("Labels", str(joinLabels(views::containerLabels(image, c.config))))
        .set("LocalVolumes", str("0"))
        .set("Mounts", str(""))
        .set("Names", str(truncate ? names.front() : join(names, ",")))
        .set("Networks", str(join(networks, ",")))
        .set("Ports", str(displayablePorts(engine, c)))
        .set("RunningFor", str(humanDuration(nowNanos(engine) - created) + " ago"))
        .set("Size", str([&] {
            if (!withSize) return std::string("0B");  // sizes not asked for: both are zero
            const auto sizes = views::containerSizes(engine, c);
            std::string size = docker::humanSize(static_cast<double>(sizes.rw));
            if (sizes.rootFs > 0) size += " (virtual " + docker::humanSize(static_cast<double>(sizes.rootFs)) + ")";
            return size;
        }()))
        .set("State", str(stateWord(c)))
        .set("Status", str(containerStatus(engine, c)));
}

core::Result<std::string> psTable(const DockerEngine& engine, const PsOptions& options) {
    std::vector<JsonValue> rows;
    std::vector<RowMethods> methods;
    auto listed = listContainers(engine, ContainerListRequest{options.all, options.last, options.filters});
    if (!listed) return core::fail(listed.error().code, "Error response from daemon: " + listed.error().message);
    for (auto it = listed->begin(); it != listed->end(); ++it) {
        rows.push_back(psFields(engine, **it, !options.noTrunc, options.size));
        // {{.Label "KEY"}}: the label's value, "" when absent (formatter.ContainerContext.Label).
        RowMethods m;
        m["Label"] = gotemplate::TemplateMethod{
            1, [labels = views::containerLabels(views::imageOf(engine, **it), (*it)->config)](const std::vector<std::string>& args) {
                auto found = labels.find(args.at(0));
                return str(found == labels.end() ? "" : found->second);
            }};
        methods.push_back(std::move(m));
    }
    FormatChoice choice;
    choice.format = options.format;
    choice.quiet = options.quiet;
    // NewContainerFormat: -s adds the SIZE column (and the raw format's size line).
    choice.defaultTable = "table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}";
    if (options.size) choice.defaultTable += "\t{{.Size}}";
    choice.rawFormat =
        "container_id: {{.ID}}\nimage: {{.Image}}\ncommand: {{.Command}}\ncreated_at: {{.CreatedAt}}\n"
        "state: {{- pad .State 1 0}}\nstatus: {{- pad .Status 1 0}}\nnames: {{.Names}}\nlabels: {{- pad .Labels 1 0}}\n"
        "ports: {{- pad .Ports 1 0}}\n";
    if (options.size) choice.rawFormat += "size: {{.Size}}\n";
    choice.rawQuietFormat = "container_id: {{.ID}}";
    const JsonValue headers = headerMap({{"ID", "CONTAINER ID"},
                                         {"Names", "NAMES"},
                                         {"Image", "IMAGE"},
                                         {"Command", "COMMAND"},
                                         {"CreatedAt", "CREATED AT"},
                                         {"RunningFor", "CREATED"},
                                         {"Ports", "PORTS"},
                                         {"State", "STATE"},
                                         {"Status", "STATUS"},
                                         {"Size", "SIZE"},
                                         {"Labels", "LABELS"},
                                         {"Mounts", "MOUNTS"},
                                         {"LocalVolumes", "LOCAL VOLUMES"},
                                         {"Networks", "NETWORKS"}});
    return render(choice, headers, rows, methods);
}

// ---- docker network ls ---------------------------------------------------------------------

core::Result<std::string> networkLsTable(const DockerEngine& engine, const NetworkLsOptions& options) {
    auto filtered = filterNetworks(engine, engine.networks(), options.filters);
    if (!filtered) return core::fail(filtered.error().code, "Error response from daemon: " + filtered.error().message);
    auto networks = std::move(*filtered);
    std::stable_sort(networks.begin(), networks.end(),
                     [](const docker::Network* a, const docker::Network* b) { return naturalLess(a->name, b->name); });
    std::vector<JsonValue> rows;
    std::vector<RowMethods> methods;
    for (const docker::Network* n : networks) {
        RowMethods m;
        m["Label"] = gotemplate::TemplateMethod{1, [labels = n->labels](const std::vector<std::string>& args) {
                                                    auto it = labels.find(args.at(0));
                                                    return str(it == labels.end() ? "" : it->second);
                                                }};
        methods.push_back(std::move(m));
        rows.push_back(JsonValue::sortedObject()
                           .set("CreatedAt", str(goTimeString(wallClockNanos(engine, n->created))))
                           .set("Driver", str(std::string(docker::toString(n->driver))))
                           .set("ID", str(options.noTrunc ? n->id : truncateId(n->id)))
                           .set("IPv6", str(n->enableIpv6 ? "true" : "false"))
                           .set("Internal", str(n->internal ? "true" : "false"))
                           .set("Labels", str(joinLabels(n->labels)))
                           .set("Name", str(n->name))
                           .set("Scope", str("local")));
    }
    FormatChoice choice;
    choice.format = options.format;
    choice.quiet = options.quiet;
    choice.defaultTable = "table {{.ID}}\t{{.Name}}\t{{.Driver}}\t{{.Scope}}";
    choice.rawFormat = "network_id: {{.ID}}\nname: {{.Name}}\ndriver: {{.Driver}}\nscope: {{.Scope}}\n";
    choice.rawQuietFormat = "network_id: {{.ID}}";
    choice.quietOverridesTemplate = false;
    const JsonValue headers = headerMap({{"ID", "NETWORK ID"},
                                         {"Name", "NAME"},
                                         {"Driver", "DRIVER"},
                                         {"Scope", "SCOPE"},
                                         {"IPv6", "IPV6"},
                                         {"Internal", "INTERNAL"},
                                         {"Labels", "LABELS"},
                                         {"CreatedAt", "CREATED AT"}});
    return render(choice, headers, rows, methods);
}

// ---- docker images -------------------------------------------------------------------------

core::Result<std::string> imagesTable(const DockerEngine& engine, const ImagesOptions& options) {
    const std::int64_t now = nowNanos(engine);
    std::vector<JsonValue> rows;
    auto listed = listImages(engine, options.filters);
    if (!listed) return core::fail(listed.error().code, "Error response from daemon: " + listed.error().message);
    for (const docker::ImageConfig* image : *listed) {
        const auto created = parseRfc3339(image->created);
        const std::string size = docker::humanSize(static_cast<double>(image->sizeBytes));
        const bool withDigest = options.digests && !image->repoDigest.empty() && !image->isDangling();
        rows.push_back(JsonValue::sortedObject()
                           .set("Containers", str("N/A"))
                           .set("CreatedAt", str(created ? goTimeString(floorToSecond(*created)) : ""))
                           .set("CreatedSince", str(created ? humanDuration(now - floorToSecond(*created)) + " ago" : "N/A"))
                           .set("Digest", str(withDigest ? image->repoDigest : "<none>"))
                           .set("ID", str(options.noTrunc ? image->id : truncateId(image->id)))
                           .set("Repository", str(image->repository))
                           .set("SharedSize", str("N/A"))
                           .set("Size", str(size))
                           .set("Tag", str(image->tag))
                           .set("UniqueSize", str("N/A"))
                           .set("VirtualSize", str(size)));
    }
    FormatChoice choice;
    choice.format = options.format;
    choice.quiet = options.quiet;
    choice.defaultTable = options.digests
                              ? "table {{.Repository}}\t{{.Tag}}\t{{.Digest}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}"
                              : "table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}";
    choice.rawFormat = options.digests ? "repository: {{ .Repository }}\ntag: {{.Tag}}\ndigest: {{.Digest}}\nimage_id: {{.ID}}\n"
                                         "created_at: {{.CreatedAt}}\nvirtual_size: {{.Size}}\n"
                                       : "repository: {{ .Repository }}\ntag: {{.Tag}}\nimage_id: {{.ID}}\n"
                                         "created_at: {{.CreatedAt}}\nvirtual_size: {{.Size}}\n";
    choice.rawQuietFormat = "image_id: {{.ID}}";
    const JsonValue headers = headerMap({{"ID", "IMAGE ID"},
                                         {"Repository", "REPOSITORY"},
                                         {"Tag", "TAG"},
                                         {"Digest", "DIGEST"},
                                         {"CreatedSince", "CREATED"},
                                         {"CreatedAt", "CREATED AT"},
                                         {"Size", "SIZE"},
                                         {"Containers", "CONTAINERS"},
                                         {"SharedSize", "SHARED SIZE"},
                                         {"UniqueSize", "UNIQUE SIZE"},
                                         {"VirtualSize", "VIRTUAL SIZE"}});
    return render(choice, headers, rows);
}

// ---- docker port ---------------------------------------------------------------------------

core::Result<std::string> portLines(const Container& c, const std::optional<std::string>& privatePort,
                                    std::string_view containerRef) {
    const std::string ref = containerRef.empty() ? c.name : std::string(containerRef);
    std::vector<std::string> out;
    if (privatePort) {
        const auto slash = privatePort->find('/');
        const std::string port = privatePort->substr(0, slash);
        std::string proto = slash == std::string::npos ? "" : privatePort->substr(slash + 1);
        if (proto.empty()) proto = "tcp";
        // strconv.ParseUint(port, 10, 16)
        auto invalid = [&](const char* why) {
            return core::fail(core::ErrorCode::InvalidArgument,
                              "Error: invalid port (" + port + "): strconv.ParseUint: parsing " + strconvQuote(port) + ": " + why);
        };
        const bool digits =
            !port.empty() && std::all_of(port.begin(), port.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
        if (!digits) return invalid("invalid syntax");
        const std::string trimmed = port.substr(std::min(port.find_first_not_of('0'), port.size() - 1));
        if (trimmed.size() > 5 || std::stoul(trimmed) > 65535) return invalid("value out of range");
        // The map key is the text as typed ("080/tcp" is not "80/tcp"), as in docker/cli.
        for (const auto& m : c.ports)
            if (docker::portKey(m.requested.containerPort, m.requested.proto) == port + "/" + proto) {
                if (m.onIpv4) out.push_back(m.hostIp.toString() + ":" + std::to_string(m.hostPort));
                if (m.onIpv6Any) out.push_back(views::joinHostPort("::", std::to_string(m.hostPort)));
            }
        if (out.empty())
            return core::fail(core::ErrorCode::NotFound, "Error: No public port '" + *privatePort + "' published for " + ref);
    } else {
        for (const auto& m : c.ports) {
            const std::string key = docker::portKey(m.requested.containerPort, m.requested.proto);
            if (m.onIpv4) out.push_back(key + " -> " + m.hostIp.toString() + ":" + std::to_string(m.hostPort));
            if (m.onIpv6Any) out.push_back(key + " -> " + views::joinHostPort("::", std::to_string(m.hostPort)));
        }
    }
    std::stable_sort(out.begin(), out.end(), [](const std::string& a, const std::string& b) { return naturalLess(a, b); });
    std::string text;
    for (const auto& line : out) text += line + "\n";
    return text;
}

}  // namespace sim::cli
