// deriveScriptTraffic / replayInKernel: the script's own pings, connects and lookups, found in its
// lines and aimed only at the lab (see script_traffic.hpp).
#include "sim/plan/script_traffic.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <optional>
#include <set>
#include <sstream>

#include "sim/cli/docker_host.hpp"
#include "sim/docker/container.hpp"
#include "sim/docker/docker_engine.hpp"
#include "sim/net/kernel.hpp"
#include "sim/tools/tcp_probe.hpp"
#include "sim/wire/dns_message.hpp"
#include "sim/wire/ipv4_address.hpp"

namespace sim::plan {

namespace {

/// Words of one simple command; quotes only group (no expansion: the probes need none).
std::vector<std::string> words(const std::string& text) {
    std::vector<std::string> out;
    std::string cur;
    bool any = false;
    char quote = 0;
    for (const char ch : text) {
        if (quote) {
            if (ch == quote) quote = 0;
            else cur += ch;
        } else if (ch == '\'' || ch == '"') {
            quote = ch;
            any = true;
        } else if (std::isspace(static_cast<unsigned char>(ch))) {
            if (any || !cur.empty()) out.push_back(cur);
            cur.clear();
            any = false;
        } else {
            cur += ch;
        }
    }
    if (any || !cur.empty()) out.push_back(cur);
    return out;
}

/// The simple commands of a line: split at |, ||, && and ; (outside quotes).
std::vector<std::string> segments(const std::string& line) {
    std::vector<std::string> out;
    std::string cur;
    char quote = 0;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char ch = line[i];
        if (quote) {
            if (ch == quote) quote = 0;
            cur += ch;
        } else if (ch == '\'' || ch == '"') {
            quote = ch;
            cur += ch;
        } else if (ch == '|' || ch == ';' || (ch == '&' && i + 1 < line.size() && line[i + 1] == '&')) {
            out.push_back(cur);
            cur.clear();
            if (i + 1 < line.size() && (line[i + 1] == '|' || line[i + 1] == '&')) ++i;
        } else if (ch == '#' && (cur.empty() || std::isspace(static_cast<unsigned char>(cur.back())))) {
            break;  // a comment
        } else {
            cur += ch;
        }
    }
    out.push_back(cur);
    return out;
}

std::string lower(std::string s) {
    for (auto& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return s;
}

/// Who runs the command and where: the host, or a running container of `docker exec`.
struct Asker {
    std::string ns, label;
    std::vector<std::string> argv;
};

std::optional<Asker> askerOf(const cli::DockerHost& host, std::vector<std::string> w, std::string& why) {
    if (!w.empty() && w[0] == "sudo") w.erase(w.begin());
    if (w.size() < 2 || w[0] != "docker" || w[1] != "exec") return Asker{kernelNamespaceName("host"), "host", w};
    // docker exec's options that take a value; the first other word is the container.
    static const std::set<std::string> valued = {"-e", "--env", "-u", "--user", "-w", "--workdir", "--env-file", "--detach-keys"};
    std::size_t i = 2;
    while (i < w.size() && w[i].starts_with("-")) i += valued.contains(w[i]) ? 2 : 1;
    if (i >= w.size()) return why = "docker exec without a container", std::nullopt;
    const auto* c = host.engine().findContainer(w[i]);
    if (!c || !c->isRunning()) return why = "no running container " + w[i], std::nullopt;
    const auto* ns = host.kernel().ns(c->sandbox);
    if (!ns) return why = w[i] + " has no namespace", std::nullopt;
    return Asker{kernelNamespaceName(ns->name()), c->name, std::vector<std::string>(w.begin() + static_cast<long>(i) + 1, w.end())};
}

/// The address `target` names for the asker: a literal, its embedded DNS's record, or its hosts
/// file's line; empty when the lab cannot resolve it.
std::string resolveFor(const KernelPlan& plan, const std::string& ns, const std::string& target) {
    if (wire::Ipv4Address::parse(target)) return target;
    const std::string name = lower(target);
    if (name == "localhost") return "127.0.0.1";
    for (const auto& r : plan.resolvers)
        if (r.ns == ns)
            if (auto it = r.addresses.find(name); it != r.addresses.end()) return it->second;
    for (const auto& f : plan.files) {
        if (f.ns != ns || f.name != "hosts") continue;
        std::istringstream lines(f.content);
        for (std::string l; std::getline(lines, l);) {
            const auto w = words(l);
            if (w.size() < 2 || w[0].starts_with("#")) continue;
            for (std::size_t i = 1; i < w.size(); ++i)
                if (lower(w[i]) == name && wire::Ipv4Address::parse(w[0])) return w[0];
        }
    }
    return {};
}

/// A destination docknet may send to from `ns`: an address of the plan, or loopback (which
/// never leaves the namespace).
bool inLab(const KernelPlan& plan, const std::string& address) {
    if (address.starts_with("127.")) return true;
    return std::any_of(plan.addresses.begin(), plan.addresses.end(),
                       [&](const PlanAddress& a) { return a.prefix.substr(0, a.prefix.find('/')) == address; });
}

bool hasResolver(const KernelPlan& plan, const std::string& ns) {
    return std::any_of(plan.resolvers.begin(), plan.resolvers.end(), [&](const PlanResolver& r) { return r.ns == ns; });
}

/// The non-option words after the program's name (option values of ping -c/-W/-i skipped).
std::vector<std::string> operands(const std::vector<std::string>& argv, const std::set<std::string>& valued) {
    std::vector<std::string> out;
    for (std::size_t i = 1; i < argv.size(); ++i) {
        if (argv[i].starts_with("-")) {
            if (valued.contains(argv[i])) ++i;
            continue;
        }
        out.push_back(argv[i]);
    }
    return out;
}

}  // namespace

ScriptTraffic deriveScriptTraffic(const cli::DockerHost& host, const KernelPlan& plan,
                                  const std::vector<std::pair<int, std::string>>& commands) {
    ScriptTraffic t;
    for (const auto& [line, text] : commands) {
        for (const auto& segment : segments(text)) {
            std::string why;
            auto asker = askerOf(host, words(segment), why);
            const std::string command = segment.substr(segment.find_first_not_of(' ') == std::string::npos ? 0 : segment.find_first_not_of(' '));
            if (!asker) {
                if (segment.find("ping") != std::string::npos || segment.find("curl") != std::string::npos)
                    t.skipped.push_back({line, command, why});
                continue;
            }
            if (asker->argv.empty()) continue;
            const std::string program = asker->argv[0];
            auto skip = [&](const std::string& reason) { t.skipped.push_back({line, command, reason}); };
            TrafficStep step{line, command, TrafficStep::Kind::Ping, asker->ns, asker->label};
            if (program == "ping") {
                const auto ops = operands(asker->argv, {"-c", "-W", "-i", "-w", "-s", "-I", "-t"});
                if (ops.empty()) continue;
                step.dst = resolveFor(plan, asker->ns, ops.back());
                const auto c = std::find(asker->argv.begin(), asker->argv.end(), "-c");
                step.count = c != asker->argv.end() && c + 1 != asker->argv.end() ? std::clamp(std::atoi((c + 1)->c_str()), 1, 4) : 1;
            } else if (program == "curl" || program == "wget") {
                const auto ops = operands(asker->argv, {"-o", "-O", "-H", "-X", "-d", "-m", "--max-time", "-T", "-w", "-u"});
                if (ops.empty()) continue;
                const auto url = tools::parseUrl(ops.front());
                if (!url || url->scheme != "http") {
                    skip("not an http URL");
                    continue;
                }
                step.kind = TrafficStep::Kind::HttpGet;
                step.dst = resolveFor(plan, asker->ns, url->host);
                step.port = url->port;
                step.path = url->path;
            } else if (program == "nc") {
                const auto ops = operands(asker->argv, {"-w", "-p", "-s"});
                if (ops.size() < 2) continue;
                step.kind = TrafficStep::Kind::Connect;
                step.dst = resolveFor(plan, asker->ns, ops[0]);
                step.port = static_cast<std::uint16_t>(std::atoi(ops[1].c_str()));
            } else if (program == "nslookup" || program == "dig" || (program == "getent" && asker->argv.size() > 2)) {
                const auto ops = operands(asker->argv, {});
                const std::string asked = program == "getent" ? ops.size() > 1 ? ops[1] : "" : ops.empty() ? "" : ops[0];
                if (asked.empty()) continue;
                if (!hasResolver(plan, asker->ns)) {
                    skip("no embedded DNS in " + asker->label + " (only containers on user-defined networks have one)");
                    continue;
                }
                step.kind = TrafficStep::Kind::Lookup;
                if (auto a = wire::Ipv4Address::parse(asked)) {
                    step.name = wire::reverseName(*a);
                    step.pointer = true;
                } else {
                    step.name = asked;
                }
                t.steps.push_back(step);
                continue;
            } else {
                continue;  // makes no traffic docknet replays
            }
            if (step.dst.empty()) {
                skip("the lab cannot resolve the name");
            } else if (!inLab(plan, step.dst)) {
                skip(step.dst + " is outside the lab: nothing is sent there");
            } else {
                t.steps.push_back(step);
            }
        }
    }
    return t;
}

std::vector<std::string> replayInKernel(const ScriptTraffic& traffic, KernelBackend& kernel, int timeoutMs) {
    std::vector<std::string> out;
    for (const auto& s : traffic.steps) {
        std::string what = "line " + std::to_string(s.line) + ": " + s.fromLabel + " ";
        std::string result;
        switch (s.kind) {
            case TrafficStep::Kind::Ping: {
                what += "ping " + s.dst;
                int replies = 0;
                for (int i = 0; i < s.count && result.empty(); ++i) {
                    auto r = kernel.ping(s.fromNs, s.dst, timeoutMs);
                    if (!r) result = "error: " + r.error().message;
                    else replies += *r ? 1 : 0;
                }
                if (result.empty()) result = std::to_string(replies) + "/" + std::to_string(s.count) + " replies";
                break;
            }
            case TrafficStep::Kind::Connect: {
                what += "tcp " + s.dst + ":" + std::to_string(s.port);
                auto r = kernel.connect(s.fromNs, s.dst, s.port, timeoutMs);
                result = r ? *r : "error: " + r.error().message;
                break;
            }
            case TrafficStep::Kind::HttpGet: {
                what += "GET http://" + s.dst + ":" + std::to_string(s.port) + s.path;
                auto r = kernel.httpGet(s.fromNs, s.dst, s.port, s.path, timeoutMs);
                result = r ? *r : "error: " + r.error().message;
                break;
            }
            case TrafficStep::Kind::Lookup: {
                what += (s.pointer ? "PTR? " : "A? ") + s.name;
                auto r = kernel.lookup(s.fromNs, s.name, s.pointer, timeoutMs);
                result = r ? *r : "error: " + r.error().message;
                break;
            }
        }
        out.push_back(what + ": " + result);
    }
    return out;
}

}  // namespace sim::plan
