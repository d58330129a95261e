// The container's main process: what the image's service does when it starts (bind its ports,
// write its startup log, or fail the way the real entrypoint fails), a shell that stays up only
// with -i, `sleep`, or a tool run once through the ProcessRunner (`docker run alpine ping ...`).
#include <algorithm>

#include "sim/core/sleep_duration.hpp"
#include "sim/docker/docker_engine.hpp"
#include "sim/docker/entrypoint_scripts.hpp"
#include "sim/docker/host_environment.hpp"
#include "sim/net/transport_layer.hpp"

namespace sim::docker {

namespace {

std::string basename(const std::string& path) {
    const auto slash = path.rfind('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

bool isShell(const std::string& program) {
    const std::string b = basename(program);
    return b == "sh" || b == "bash" || b == "ash" || b == "dash" || b == "zsh";
}

bool isServiceBinary(const std::string& program) {
    static const char* kServices[] = {"nginx", "httpd-foreground", "httpd", "mysqld", "postgres", "redis-server",
                                      "docker-entrypoint.sh", "entrypoint.sh"};
    const std::string b = basename(program);
    return std::any_of(std::begin(kServices), std::end(kServices), [&](const char* s) { return b == s; });
}


std::string ownerOf(Service s) {
    switch (s) {
        case Service::Nginx: return "nginx";
        case Service::Httpd: return "httpd";
        case Service::Mysql: return "mysqld";
        case Service::Postgres: return "postgres";
        case Service::Redis: return "redis-server";
        case Service::None: break;
    }
    return "";
}

}  // namespace

std::optional<std::string> DockerEngine::missingExecutable(const Container& c) const {
    const ImageConfig* image = m_images.find(c.config.image);
    const auto argv = entrypointExec(image, c.path);
    if (!image || argv.empty()) return std::nullopt;
    const std::string& program = argv.front();
    const std::string b = basename(program);
    if (isServiceBinary(program) || isShell(program) || image->hasTool(b) || b == "sleep" || b == "tail" || b == "true" ||
        b == "echo" || b == "cat" || b == "env" || b == "hostname")
        return std::nullopt;
    return program;
}

void DockerEngine::startMainProcess(Container& c) {
    const ImageConfig* image = m_images.find(c.config.image);
    // The official images' entrypoint scripts end by exec'ing their (rewritten) arguments.
    const std::vector<std::string> argv = entrypointExec(image, c.path);
    const std::string program = argv.empty() ? std::string() : basename(argv.front());
    const std::string id = c.id;
    auto exitLater = [this, id](core::Duration after, int code) {
        Container* self = mutableContainer(id);
        if (!self) return;
        self->pendingExit = m_kernel.scheduler().schedule(after, [this, id, code] { processExited(id, code); });
    };
    auto log = [this, id](const std::vector<std::string>& lines, bool isStderr) {
        for (const auto& l : lines) appendLog(id, isStderr, l);
    };

    const bool runsService = image && image->service != Service::None && isServiceBinary(argv.empty() ? "" : argv.front());
    if (runsService) {
        std::vector<std::string> env = image->env;
        env.insert(env.end(), c.config.env.begin(), c.config.env.end());
        const std::string ts = timestamp(m_kernel.now());
        if (auto failure = checkServiceStart(*image, env, ts)) {
            log(failure->log, true);
            exitLater(core::millis(500), failure->exitCode);
            return;
        }
        const std::string owner = ownerOf(image->service);
        bool bound = true;
        std::uint16_t failedPort = 0;
        for (const auto& [port, proto] : image->serviceListens) {
            const auto transport = proto == PortProto::Udp ? net::Transport::Udp : net::Transport::Tcp;
            std::vector<core::Result<net::SocketId>> sockets;
            if (image->listenStack == ListenStack::DualStack) {
                sockets.push_back(m_kernel.transport().bindIpv6Any(c.sandbox, transport, port, false, owner));
            } else {
                sockets.push_back(m_kernel.transport().bind(c.sandbox, transport, wire::Ipv4Address::any(), port, owner));
                if (sockets.back() && image->listenStack == ListenStack::Ipv4AndIpv6)
                    sockets.push_back(m_kernel.transport().bindIpv6Any(c.sandbox, transport, port, true, owner));
            }
            for (const auto& s : sockets)
                if (s) c.serviceSockets.push_back(*s);
            if (!sockets.back()) {
                bound = false;
                failedPort = port;
                break;
            }
        }
        if (!bound) {
            for (auto s : c.serviceSockets) (void)m_kernel.transport().close(c.sandbox, s);
            c.serviceSockets.clear();
            if (image->service == Service::Nginx) {
                log(nginxBindFailureLog(ts, failedPort), true);
                exitLater(core::millis(2500), 1);  // five attempts 500 ms apart
            } else {
                log({owner + ": bind() to 0.0.0.0:" + std::to_string(failedPort) + " failed (98: Address already in use)"}, true);
                exitLater(core::millis(500), 1);
            }
            return;
        }
        if (image->service == Service::Nginx)
            log(image->userland == Userland::Alpine
                    ? nginxStartupLog(ts, 2, 29, image->serviceVersion, HostEnvironment::kKernelRelease,
                                      "gcc 13.2.1 20240309 (Alpine 13.2.1_git20240309)")
                    : nginxStartupLog(ts, 2, 29, "1.27.2", HostEnvironment::kKernelRelease),
                false);
        else if (image->service == Service::Httpd)
            log({"AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using " +
                     (c.hostname.empty() ? std::string("172.17.0.2") : c.hostname) +
                     ". Set the 'ServerName' directive globally to suppress this message",
                 "[mpm_event:notice] [pid 1:tid 1] AH00489: Apache/2.4.62 (Unix) configured -- resuming normal operations",
                 "[core:notice] [pid 1:tid 1] AH00094: Command line: 'httpd -D FOREGROUND'"},
                true);
        else if (image->service == Service::Mysql)
            log({ts + " 0 [System] [MY-010931] [Server] /usr/sbin/mysqld: ready for connections. Version: '" +
                 image->serviceVersion + "'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server - GPL."},
                true);
        else if (image->service == Service::Postgres)
            log({ts + " UTC [1] LOG:  database system is ready to accept connections"}, true);
        else if (image->service == Service::Redis)
            log({"1:M " + ts + " * Ready to accept connections tcp"}, false);
        return;
    }
    const bool shellScript = isShell(program) && argv.size() >= 3 && argv[1] == "-c";  // sh -c '...' runs it
    if (argv.empty() || (isShell(program) && !shellScript)) {
        // A shell with no stdin reads EOF and exits 0; -i keeps it waiting (docker run -dit).
        if (!c.config.interactive) exitLater(core::SimTime::zero(), 0);
        return;
    }
    if (program == "sleep") {
        // sleep's own reading of its operands (1.5, 2m, 1d, infinity), summed.
        std::string bad;
        const auto d = core::parseSleepDuration(std::vector<std::string>(argv.begin() + 1, argv.end()), &bad);
        if (!d) {
            log({"sleep: invalid time interval '" + bad + "'", "Try 'sleep --help' for more information."}, true);
            exitLater(core::SimTime::zero(), 1);
        } else if (!d->forever && argv.size() > 1) {
            exitLater(d->wait, 0);
        }
        return;
    }
    if (program == "tail" || program == "top") return;  // tail -f /dev/null, top: forever
    // Anything else runs once, now, and the container exits with its status.
    if (!m_runner) {
        exitLater(core::SimTime::zero(), 0);
        return;
    }
    const ProcessResult r = m_runner(c, argv);
    auto split = [](const std::string& text) {
        std::vector<std::string> lines;
        std::size_t start = 0;
        while (start < text.size()) {
            auto nl = text.find('\n', start);
            if (nl == std::string::npos) nl = text.size();
            lines.push_back(text.substr(start, nl - start));
            start = nl + 1;
        }
        return lines;
    };
    log(split(r.out), false);
    log(split(r.err), true);
    if (mutableContainer(id)) processExited(id, r.exitCode);
}

bool DockerEngine::initHandlesTerm(const Container& c) const {
    const ImageConfig* image = m_images.find(c.config.image);
    return image && image->service != Service::None && c.config.command.empty();
}

void DockerEngine::stopMainProcess(Container& c) {
    m_kernel.scheduler().cancel(c.pendingExit);
    c.pendingExit = {};
}

}  // namespace sim::docker
