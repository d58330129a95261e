#include "sim/cli/process_table.hpp"

#include <algorithm>

#include "sim/cli/docker_view_util.hpp"
#include "sim/cli/docker_views.hpp"
#include "sim/docker/image_users.hpp"

namespace sim::cli {

namespace {

constexpr int kDockerdPid = 702;
constexpr int kLoginShellPid = 903;
/// The first process `docker exec` starts in a fresh container (runc's setns helpers took the
/// PIDs before it), as `docker exec C ps` shows on a real host.
constexpr int kFirstExecPid = 7;

struct MainProcess {
    std::string user = "root";
    std::string comm;
    std::string cmdline;
    int socketFd = 3;
    bool retitled = false;  // the server rewrote its argv into one title (nginx, redis)
    std::string stat = "Ss";
    long vszKb = 1700;
    long rssKb = 1000;
};

/// "HH:MM" of a simulated instant, UTC, as ps prints a start time of today.
std::string clockOf(const docker::DockerEngine& engine, core::SimTime t) {
    const std::int64_t seconds = wallClockNanos(engine, t) / 1'000'000'000;
    const std::int64_t ofDay = ((seconds % 86400) + 86400) % 86400;
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02d:%02d", static_cast<int>(ofDay / 3600), static_cast<int>(ofDay / 60 % 60));
    return buf;
}

tools::ProcessEntry entry(int pid, int ppid, std::string user, std::string comm, std::string cmdline, std::string tty,
                          std::string stat, std::string start, long vsz, long rss) {
    tools::ProcessEntry e;
    e.pid = pid;
    e.ppid = ppid;
    e.user = std::move(user);
    e.comm = std::move(comm);
    e.argv0 = cmdline.substr(0, cmdline.find(' '));
    e.cmdline = std::move(cmdline);
    e.tty = std::move(tty);
    e.stat = std::move(stat);
    e.start = std::move(start);
    e.vszKb = vsz;
    e.rssKb = rss;
    return e;
}

std::string baseName(const std::string& path) {
    const auto slash = path.rfind('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::string joined(const std::vector<std::string>& argv) {
    std::string s;
    for (const auto& a : argv) s += (s.empty() ? "" : " ") + a;
    return s;
}

/// The main process after the image's entrypoint exec'd it: the servers rename themselves
/// (nginx's master title, redis's bind address) and drop to their own users.
MainProcess mainProcessOfImage(const docker::DockerEngine& engine, const docker::Container& c);
std::string initUser(const docker::DockerEngine& engine, const docker::Container& c);

/// ...running as --user when one was given (ps shows the name, or the uid without one).
MainProcess mainProcessOf(const docker::DockerEngine& engine, const docker::Container& c) {
    MainProcess m = mainProcessOfImage(engine, c);
    if (!c.config.user.empty()) m.user = initUser(engine, c);
    return m;
}

MainProcess mainProcessOfImage(const docker::DockerEngine& engine, const docker::Container& c) {
    MainProcess m;
    const docker::ImageConfig* image = engine.images().find(c.config.image);
    if (image && !c.serviceSockets.empty()) {
        switch (image->service) {
            case docker::Service::Nginx: return {"root", "nginx", "nginx: master process nginx -g daemon off;", 6, true, "Ss", 11404, 7424};
            case docker::Service::Httpd: return {"root", "httpd", "httpd -DFOREGROUND", 3, false, "Ss", 5984, 4340};
            case docker::Service::Mysql: return {"mysql", "mysqld", "mysqld", 21, false, "Ssl", 2421896, 389120};
            case docker::Service::Postgres: return {"postgres", "postgres", "postgres", 6, false, "Ss", 216996, 29184};
            case docker::Service::Redis: return {"redis", "redis-server", "redis-server *:6379", 6, true, "Ssl", 140476, 10240};
            case docker::Service::None: break;
        }
    }
    std::vector<std::string> argv = c.path;
    if (!argv.empty() && baseName(argv[0]) == "docker-entrypoint.sh" && argv.size() > 1) argv.erase(argv.begin());
    m.comm = argv.empty() ? "sh" : baseName(argv[0]).substr(0, 15);
    m.cmdline = joined(argv);
    if (c.config.tty) m.stat = "Ss+";  // the foreground process of its terminal
    return m;
}

/// Who the container's own process (docker-init under --init) runs as: --user, else root (the
/// servers' entrypoints drop to their users after it).
std::string initUser(const docker::DockerEngine& engine, const docker::Container& c) {
    if (c.config.user.empty()) return "root";
    auto u = docker::resolveUser(engine.images().find(c.config.image), c.config.user);
    if (!u) return "root";
    return u->name.empty() ? std::to_string(u->uid) : u->name;
}

std::string containerIp(const docker::DockerEngine& engine, const docker::Container& c) {
    for (const auto& [network, endpointId] : c.endpoints)
        if (const docker::Endpoint* ep = engine.endpoint(endpointId); ep && ep->address.length() > 0)
            return ep->address.address().toString();
    return "0.0.0.0";
}

}  // namespace

int mainProcessHostPid(const docker::Container& c) { return views::pseudoPid(c); }

ProcessView hostProcessView(const docker::DockerEngine& engine, const std::string& tool) {
    ProcessView v;
    auto& ps = v.processes;
    const std::string boot = clockOf(engine, core::SimTime::zero());
    ps.push_back(entry(1, 0, "root", "systemd", "/sbin/init", "?", "Ss", boot, 167876, 12928));
    ps.push_back(entry(318, 1, "root", "systemd-journal", "/lib/systemd/systemd-journald", "?", "Ss", boot, 48616, 15360));
    ps.push_back(entry(583, 1, "root", "cron", "/usr/sbin/cron -f", "?", "Ss", boot, 6612, 2688));
    ps.push_back(entry(601, 1, "root", "sshd", "sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups", "?", "Ss", boot,
                       15408, 9344));
    ps.push_back(entry(688, 1, "root", "containerd", "/usr/bin/containerd", "?", "Ssl", boot, 1874388, 46080));
    ps.push_back(entry(kDockerdPid, 1, "root", "dockerd",
                       "/usr/bin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock", "?", "Ssl", boot, 2353404,
                       82176));
    ps.push_back(entry(kLoginShellPid, 601, "root", "bash", "-bash", "pts/0", "Ss", boot, 8104, 4992));
    const auto hostNs = engine.hostNamespace();
    for (const docker::Container* c : engine.containers()) {
        if (!c->isRunning()) continue;
        const int pid = mainProcessHostPid(*c);
        const MainProcess m = mainProcessOf(engine, *c);
        const std::string started = clockOf(engine, c->startedAt);
        ps.push_back(entry(pid - 1, 1, "root", "containerd-shim",
                           "/usr/bin/containerd-shim-runc-v2 -namespace moby -id " + c->id +
                               " -address /run/containerd/containerd.sock",
                           "?", "Sl", started, 1238276, 12288));
        // --init: docker-init (tini) is the shim's child and forks the main process right away.
        const bool init = c->config.init.value_or(false);
        // --user applies to the container's process, which is docker-init itself.
        if (init) ps.push_back(entry(pid, pid - 1, initUser(engine, *c), "docker-init", "/sbin/docker-init -- " + m.cmdline, "?", "Ss", started, 1024, 512));
        const int mainPid = init ? pid + 1 : pid;
        ps.push_back(entry(mainPid, init ? pid : pid - 1, m.user, m.comm, m.cmdline, c->config.tty ? "pts/0" : "?", m.stat, started,
                           m.vszKb, m.rssKb));
        if (m.retitled) ps.back().argv0 = m.cmdline;
        // A host-mode server's listeners are in the host's namespace.
        if (c->sandbox == hostNs)
            for (std::size_t i = 0; i < c->serviceSockets.size(); ++i)
                v.socketHolders[c->serviceSockets[i]] = {mainPid, m.socketFd + static_cast<int>(i)};
        const std::string ip = containerIp(engine, *c);
        int proxyPid = mainPid + 1;
        for (const auto& [ns, socket] : c->proxySockets) {
            const net::NetNamespace* n = engine.kernel().ns(ns);
            const auto all = n ? n->sockets().sockets() : std::vector<net::SocketInfo>{};
            const auto it = std::find_if(all.begin(), all.end(), [&](const net::SocketInfo& s) { return s.id == socket; });
            if (it == all.end()) continue;
            std::string containerPort = std::to_string(it->port);
            for (const auto& p : c->ports)
                if (p.hostPort == it->port && (it->isIpv6() ? p.onIpv6Any : p.onIpv4 && p.hostIp == it->address))
                    containerPort = std::to_string(p.requested.containerPort);
            // The [::] binding's proxy forwards to the container's IPv4 address (no IPv6 one).
            ps.push_back(entry(proxyPid, kDockerdPid, "root", "docker-proxy",
                               "/usr/bin/docker-proxy -proto " + std::string(net::toString(it->transport)) + " -host-ip " +
                                   (it->isIpv6() ? std::string("::") : it->address.toString()) + " -host-port " +
                                   std::to_string(it->port) + " -container-ip " +
                                   ip + " -container-port " + containerPort,
                               "?", "Sl", started, 1745016, 3840));
            v.socketHolders[socket] = {proxyPid, 4};
            ++proxyPid;
        }
    }
    std::sort(ps.begin(), ps.end(), [](const auto& a, const auto& b) { return a.pid < b.pid; });
    ps.push_back(entry(ps.back().pid + 1, kLoginShellPid, "root", baseName(tool.substr(0, tool.find(' '))).substr(0, 15),
                       tool, "pts/0", "R+", clockOf(engine, engine.kernel().now()), 11084, 4608));
    return v;
}

ProcessView containerProcessView(const docker::DockerEngine& engine, const docker::Container& c, const std::string& tool,
                                 const std::string& execShell, const std::string& execUser) {
    ProcessView v;
    const MainProcess m = mainProcessOf(engine, c);
    // --init: PID 1 is docker-init (tini); its child, the main process, is the next PID of the
    // fresh namespace, and every later process one further on (derived, see docs/PROCESSES.md).
    const bool init = c.config.init.value_or(false);
    if (init)
        v.processes.push_back(entry(1, 0, initUser(engine, c), "docker-init", "/sbin/docker-init -- " + m.cmdline, "?", "Ss",
                                    clockOf(engine, c.startedAt), 1024, 512));
    const int mainPid = init ? 2 : 1;
    v.processes.push_back(entry(mainPid, init ? 1 : 0, m.user, m.comm, m.cmdline, c.config.tty ? "pts/0" : "?", m.stat,
                                clockOf(engine, c.startedAt), m.vszKb, m.rssKb));
    if (m.retitled) v.processes.back().argv0 = m.cmdline;
    for (std::size_t i = 0; i < c.serviceSockets.size(); ++i)
        v.socketHolders[c.serviceSockets[i]] = {mainPid, m.socketFd + static_cast<int>(i)};
    const int firstExecPid = kFirstExecPid + (init ? 1 : 0);
    int toolPid = firstExecPid;
    if (!execShell.empty()) {
        v.processes.push_back(entry(firstExecPid, 0, execUser, execShell, execShell, "pts/1", "Ss", clockOf(engine, engine.kernel().now()),
                                    2580, 1664));
        toolPid = firstExecPid + 6;  // the shell forks it after its own start-up
    }
    v.processes.push_back(entry(toolPid, execShell.empty() ? 0 : firstExecPid, execUser,
                                baseName(tool.substr(0, tool.find(' '))).substr(0, 15), tool, execShell.empty() ? "?" : "pts/1",
                                execShell.empty() ? "Rs" : "R+", clockOf(engine, engine.kernel().now()), 11084, 4608));
    return v;
}

}  // namespace sim::cli
