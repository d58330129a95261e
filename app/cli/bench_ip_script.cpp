#include "bench_ip_script.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "real/ledger.hpp"
#include "real/netns_path.hpp"
#include "real/netns_registry.hpp"
#include "real/plan_applier.hpp"
#include "real/real_backend.hpp"

extern char** environ;

namespace docknet::cli {

namespace {

using sim::core::ErrorCode;
using sim::core::fail;
using sim::core::Result;
using Clock = std::chrono::steady_clock;

/// 'text', safe for bash whatever it holds.
std::string quote(const std::string& text) {
    std::string out = "'";
    for (const char c : text) {
        if (c == '\'') out += "'\\''";
        else out += c;
    }
    return out + "'";
}

std::string rulesetFile(const std::string& dir, const std::string& ns) { return dir + "/ruleset-" + ns + ".nft"; }

/// The directories and files of the plan under /etc/netns, in the order they are made.
struct EtcStep {
    bool dir = false;
    std::string path, content;
};
std::vector<EtcStep> etcSteps(const sim::plan::KernelPlan& plan) {
    std::vector<EtcStep> steps;
    if (!plan.files.empty() && ::access(real::kNetnsEtcDir, F_OK) != 0) steps.push_back({true, real::kNetnsEtcDir, {}});
    std::set<std::string> dirs;
    for (const auto& f : plan.files) {
        const std::string dir = std::string(real::kNetnsEtcDir) + "/" + f.ns;
        if (dirs.insert(dir).second) steps.push_back({true, dir, {}});
        steps.push_back({false, dir + "/" + f.name, f.content});
    }
    return steps;
}

/// Script lines, counting the ones that run a command.
class ScriptText {
public:
    void command(const std::string& line) {
        m_text << line << "\n";
        ++m_commands;
    }
    void raw(const std::string& text) { m_text << text; }
    [[nodiscard]] std::string str() const { return m_text.str(); }
    [[nodiscard]] std::size_t commands() const { return m_commands; }

private:
    std::ostringstream m_text;
    std::size_t m_commands = 0;
};

ScriptText buildScript(const sim::plan::KernelPlan& plan, const std::string& rulesetDir) {
    ScriptText s;
    s.raw("# docknet bench apply: the ip-command baseline (generated; one command per object)\n");
    s.raw("trap 'echo \"failed ($?): $BASH_COMMAND\" >&2' ERR  # names the command that stopped set -e\n");
    for (const auto& n : plan.namespaces) s.command("ip netns add " + quote(n.name));
    for (const auto& n : plan.namespaces) {
        for (const auto& c : plan.sysctls) {
            if (c.ns != n.name) continue;
            std::string key = c.key;
            std::replace(key.begin(), key.end(), '/', '.');
            s.command("ip netns exec " + quote(c.ns) + " sysctl -qw " + quote(key + "=" + c.value));
        }
        for (const auto& lo : plan.loopbacks)
            if (lo.ns == n.name) s.command("ip -n " + quote(lo.ns) + " link set lo " + (lo.up ? "up" : "down"));
    }
    for (const auto& b : plan.bridges)
        s.command("ip -n " + quote(b.ns) + " link add " + quote(b.name) + " address " + b.mac + " mtu " + std::to_string(b.mtu) +
                  " type bridge");
    std::size_t temp = 0;
    for (const auto& v : plan.veths) {
        const std::string mtu = " mtu " + std::to_string(v.mtu);
        if (v.ns == v.peerNs) {
            s.command("ip -n " + quote(v.ns) + " link add " + quote(v.name) + " address " + v.mac + mtu + " type veth peer name " +
                      quote(v.peerName) + " address " + v.peerMac + mtu);
            continue;
        }
        // As Docker does it: both ends made in the first namespace, the peer under a temporary
        // name (its final one, eth0, is taken there), moved, then renamed.
        const std::string tmp = "dnkt" + std::to_string(temp++);
        s.command("ip -n " + quote(v.ns) + " link add " + quote(v.name) + " address " + v.mac + mtu + " type veth peer name " + tmp +
                  " address " + v.peerMac + mtu);
        s.command("ip -n " + quote(v.ns) + " link set " + tmp + " netns " + quote(v.peerNs));
        s.command("ip -n " + quote(v.peerNs) + " link set " + tmp + " name " + quote(v.peerName));
    }
    for (const auto& b : plan.bridges)
        s.command("ip -n " + quote(b.ns) + " link set " + quote(b.name) + (b.up ? " up" : " down"));
    for (const auto& v : plan.veths) {
        s.command("ip -n " + quote(v.ns) + " link set " + quote(v.name) + (v.master.empty() ? "" : " master " + quote(v.master)) +
                  (v.up ? " up" : " down"));
        s.command("ip -n " + quote(v.peerNs) + " link set " + quote(v.peerName) +
                  (v.peerMaster.empty() ? "" : " master " + quote(v.peerMaster)) + (v.peerUp ? " up" : " down"));
    }
    for (const auto& n : plan.namespaces) {
        for (const auto& a : plan.addresses)
            if (a.ns == n.name) s.command("ip -n " + quote(a.ns) + " addr add " + a.prefix + " dev " + quote(a.dev));
        for (const auto& r : plan.routes) {
            if (r.ns != n.name) continue;
            std::string line = "ip -n " + quote(r.ns) + " route add " + r.destination;
            if (!r.gateway.empty()) line += " via " + r.gateway;
            line += " dev " + quote(r.dev);
            if (!r.prefSrc.empty()) line += " src " + r.prefSrc;
            if (r.metric) line += " metric " + std::to_string(r.metric);
            if (r.scopeLink) line += " scope link";
            s.command(line + " proto boot");
        }
    }
    for (const auto& rs : plan.rulesets) s.command("ip netns exec " + quote(rs.ns) + " nft -f " + quote(rulesetFile(rulesetDir, rs.ns)));
    for (const auto& step : etcSteps(plan)) {
        if (step.dir) {
            s.command("mkdir " + quote(step.path));
            continue;
        }
        s.command("cat > " + quote(step.path) + " <<'DOCKNET_EOF'");
        s.raw(step.content);
        if (!step.content.empty() && step.content.back() != '\n') s.raw("\n");
        s.raw("DOCKNET_EOF\n");
    }
    return s;
}

std::string whichMissing() {
    std::string missing;
    for (const char* tool : {"bash", "ip", "nft", "sysctl", "cat", "mkdir", "rm", "rmdir"}) {
        bool found = false;
        std::istringstream path(std::getenv("PATH") ? std::getenv("PATH") : "/usr/sbin:/usr/bin:/sbin:/bin");
        for (std::string dir; std::getline(path, dir, ':');)
            if (!dir.empty() && ::access((dir + "/" + tool).c_str(), X_OK) == 0) found = true;
        if (!found) missing += std::string(missing.empty() ? "" : ", ") + tool;
    }
    return missing;
}

/// bash -e SCRIPT, its output into LOG; the time it took.
Result<double> runScript(const std::string& script, const std::string& log) {
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_adddup2(&actions, 1, 2);
    std::string bash = "bash", e = "-e", path = script;
    char* argv[] = {bash.data(), e.data(), path.data(), nullptr};
    const auto start = Clock::now();
    pid_t pid = 0;
    const int err = ::posix_spawnp(&pid, "bash", &actions, nullptr, argv, environ);
    posix_spawn_file_actions_destroy(&actions);
    if (err != 0) return fail(ErrorCode::Internal, std::string("cannot run bash: ") + std::strerror(err));
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0)
        if (errno != EINTR) return fail(ErrorCode::Internal, std::string("waitpid: ") + std::strerror(errno));
    const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        std::ifstream in(log);
        std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        if (text.size() > 600) text = "..." + text.substr(text.size() - 600);
        const std::string how = WIFEXITED(status) ? "exit " + std::to_string(WEXITSTATUS(status)) : "killed";
        return fail(ErrorCode::Internal, script + " failed (" + how + "): " + text);
    }
    return seconds;
}

/// Every namespace and /etc/netns entry the script will make, in a ledger of its own, before it
/// runs (what exists already is refused: it is not ours).
Result<void> recordAhead(const sim::plan::KernelPlan& plan, const std::string& stateDir) {
    real::Ledger ledger(stateDir);
    if (auto l = ledger.lock(); !l) return l;
    real::NetnsRegistry registry(ledger);
    if (auto r = registry.prepareRunDir(); !r) return r;  // as the backend: /run/netns recorded if docknet makes it
    std::vector<std::pair<std::string, std::vector<std::string>>> batch;
    for (const auto& n : plan.namespaces) {
        if (::access(real::netnsPath(n.name).c_str(), F_OK) == 0)
            return fail(ErrorCode::AlreadyExists, real::netnsPath(n.name) + " exists and docknet did not record it");
        batch.push_back({"netns", {n.name}});
    }
    for (const auto& step : etcSteps(plan)) {
        if (::access(step.path.c_str(), F_OK) == 0)
            return fail(ErrorCode::AlreadyExists, step.path + " exists and docknet did not record it");
        batch.push_back({step.dir ? "dir" : "file", {step.path}});
    }
    auto lines = ledger.recordAll(batch);
    if (!lines) return std::unexpected(lines.error());
    return {};
}

}  // namespace

std::string renderIpBuildScript(const sim::plan::KernelPlan& plan, const std::string& rulesetDir) {
    return buildScript(plan, rulesetDir).str();
}

std::string renderIpTeardownScript(const sim::plan::KernelPlan& plan) {
    std::ostringstream s;
    s << "# docknet bench apply: the ip-command baseline's teardown (generated)\n";
    s << "trap 'echo \"failed ($?): $BASH_COMMAND\" >&2' ERR\n";
    auto steps = etcSteps(plan);
    std::reverse(steps.begin(), steps.end());  // files before their directory
    for (const auto& step : steps) s << (step.dir ? "rmdir " : "rm ") << quote(step.path) << "\n";
    for (const auto& n : plan.namespaces) s << "ip netns del " << quote(n.name) << "\n";
    return s.str();
}

Result<std::vector<std::string>> linkLines(const sim::plan::KernelPlan& plan, sim::plan::KernelBackend& backend) {
    std::vector<std::string> lines;
    for (const auto& n : plan.namespaces) {
        auto observed = backend.links(n.name);
        if (!observed) return std::unexpected(observed.error());
        for (const auto& l : *observed)
            lines.push_back(l.ns + " " + l.name + " " + l.mac + " " + (l.master.empty() ? "-" : l.master) + (l.up ? " up" : " down"));
    }
    std::sort(lines.begin(), lines.end());
    return lines;
}

Result<IpScriptFigures> runIpScriptBaseline(const sim::plan::KernelPlan& plan, const std::vector<std::string>& backendLinks) {
    if (auto missing = whichMissing(); !missing.empty())
        return fail(ErrorCode::Unsupported, "the ip-script baseline needs " + missing + " (Debian: iproute2, nftables, procps)");
    if (auto ok = real::checkPlanIsSelfContained(plan); !ok) return std::unexpected(ok.error());
    std::string stateDir = (std::filesystem::temp_directory_path() / "docknet-bench-ip.XXXXXX").string();
    if (!::mkdtemp(stateDir.data())) return fail(ErrorCode::Internal, "cannot make a state directory under /tmp");

    IpScriptFigures f;
    const ScriptText build = buildScript(plan, stateDir);
    f.commands = build.commands();
    Result<void> status;
    {
        std::ofstream(stateDir + "/build.sh") << build.str();
        std::ofstream(stateDir + "/teardown.sh") << renderIpTeardownScript(plan);
        for (const auto& rs : plan.rulesets) std::ofstream(rulesetFile(stateDir, rs.ns)) << rs.text << "\n";
        status = recordAhead(plan, stateDir);
    }
    real::RealOptions options;
    options.stateDir = stateDir;
    real::RealBackend cleaner(options);  // reads links, and removes by the ledger what the scripts leave
    if (status) {
        auto seconds = runScript(stateDir + "/build.sh", stateDir + "/build.log");
        if (!seconds) status = std::unexpected(seconds.error());
        else f.buildSeconds = *seconds;
    }
    if (status) {
        for (const auto& n : plan.namespaces) f.namespaces += real::NetnsRegistry::exists(n.name) ? 1 : 0;
        auto lines = linkLines(plan, cleaner);
        if (!lines) status = std::unexpected(lines.error());
        else f.links = lines->size();
        if (status && (f.namespaces != plan.namespaces.size() || *lines != backendLinks)) {
            std::string first;
            for (const auto& l : *lines)
                if (!std::binary_search(backendLinks.begin(), backendLinks.end(), l)) { first = "script only: " + l; break; }
            for (const auto& l : backendLinks)
                if (first.empty() && !std::binary_search(lines->begin(), lines->end(), l)) { first = "backend only: " + l; break; }
            status = fail(ErrorCode::Internal, "the ip script built " + std::to_string(f.namespaces) + " namespaces and " +
                                                   std::to_string(f.links) + " links, the backend " +
                                                   std::to_string(plan.namespaces.size()) + " and " +
                                                   std::to_string(backendLinks.size()) + (first.empty() ? "" : " (" + first + ")"));
        }
    }
    if (status) {
        auto seconds = runScript(stateDir + "/teardown.sh", stateDir + "/teardown.log");
        if (!seconds) status = std::unexpected(seconds.error());
        else f.teardownSeconds = *seconds;
    }
    if (status) {
        std::size_t left = 0;
        for (const auto& n : plan.namespaces) left += real::NetnsRegistry::exists(n.name) ? 1 : 0;
        if (left) status = fail(ErrorCode::Internal, "the teardown script left " + std::to_string(left) + " namespaces");
    }
    // Whatever happened, the ledger's objects go (absent ones are simply dropped).
    if (auto d = cleaner.down(); !d)
        return fail(d.error().code, d.error().message + " (the ledger stays: DOCKNET_REAL_STATE=" + stateDir + " docknet real down)");
    std::error_code ec;
    std::filesystem::remove_all(stateDir, ec);
    if (!status) return std::unexpected(status.error());
    return f;
}

}  // namespace docknet::cli
