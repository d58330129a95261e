// What a service image's main process logs: the start check (mysql, postgres passwords) and nginx's lines.
#include "sim/docker/image_catalog.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>

namespace sim::docker {

namespace {

// ---- Wall-clock text ----------------------------------------------------------------------

struct Civil {
    int y = 2024, mo = 10, d = 20, h = 10, mi = 24, s = 57, ms = 0;
};

std::int64_t daysFromCivil(int y, unsigned m, unsigned d) {
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = unsigned(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return std::int64_t(era) * 146097 + std::int64_t(doe) - 719468;
}

Civil civilFromMillis(std::int64_t ms) {
    std::int64_t days = ms / 86400000;
    std::int64_t rem = ms % 86400000;
    if (rem < 0) {
        rem += 86400000;
        --days;
    }
    days += 719468;
    const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    const unsigned doe = unsigned(days - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int y = int(yoe) + int(era) * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    Civil c;
    c.y = y + (m <= 2);
    c.mo = int(m);
    c.d = int(d);
    c.h = int(rem / 3600000);
    c.mi = int(rem / 60000 % 60);
    c.s = int(rem / 1000 % 60);
    c.ms = int(rem % 1000);
    return c;
}

std::int64_t toMillis(const Civil& c) {
    return daysFromCivil(c.y, unsigned(c.mo), unsigned(c.d)) * 86400000 + std::int64_t(c.h) * 3600000 +
           std::int64_t(c.mi) * 60000 + std::int64_t(c.s) * 1000 + c.ms;
}

/// "2024-10-20T10:24:57Z", "2024-10-20T10:24:57.123456789+09:00": the wall-clock fields as
/// written (the offset is not applied; logs print the container's clock, UTC in Docker).
Civil parseRfc3339(std::string_view t) {
    Civil c;
    int y, mo, d, h, mi, s;
    const std::string text(t);
    if (std::sscanf(text.c_str(), "%d-%d-%dT%d:%d:%d", &y, &mo, &d, &h, &mi, &s) == 6) {
        c = Civil{y, mo, d, h, mi, s, 0};
        const auto dot = text.find('.');
        if (dot != std::string::npos) {
            int digits = 0, ms = 0;
            for (std::size_t i = dot + 1; i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])); ++i)
                if (digits < 3) {
                    ms = ms * 10 + (text[i] - '0');
                    ++digits;
                }
            while (digits++ < 3) ms *= 10;
            c.ms = ms;
        }
    }
    return c;
}

std::string nginxTime(const Civil& c) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d/%02d/%02d %02d:%02d:%02d", c.y, c.mo, c.d, c.h, c.mi, c.s);
    return buf;
}

std::string mysqlTime(const Civil& c) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d %02d:%02d:%02d+00:00", c.y, c.mo, c.d, c.h, c.mi, c.s);
    return buf;
}

}  // namespace

// ---- Services ------------------------------------------------------------------------------

namespace {

std::optional<std::string> lookupEnv(const std::vector<std::string>& env, std::string_view name) {
    std::optional<std::string> value;
    for (const auto& e : env)  // the last definition wins, as with -e after image ENV
        if (e.size() >= name.size() + 1 && e.compare(0, name.size(), name) == 0 && e[name.size()] == '=')
            value = e.substr(name.size() + 1);
    return value;
}

bool nonEmpty(const std::vector<std::string>& env, std::string_view name) {
    auto v = lookupEnv(env, name);
    return v && !v->empty();
}

std::vector<std::string> nginxEntrypointLines() {
    return {
        "/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration",
        "/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/",
        "/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh",
        "10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf",
        "10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf",
        "/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh",
        "/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh",
        "/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh",
        "/docker-entrypoint.sh: Configuration complete; ready for start up",
    };
}

}  // namespace

std::vector<std::string> mysqlMissingPasswordLog(const ImageConfig& image, std::string_view rfc3339) {
    if (image.distro == "jessie")  // the 2015 entrypoint (mysql:5.7.8)
        return {"error: database is uninitialized and MYSQL_ROOT_PASSWORD not set",
                "  Did you forget to add -e MYSQL_ROOT_PASSWORD=... ?"};
    const std::string t = mysqlTime(parseRfc3339(rfc3339));
    const std::string version = image.serviceVersion.empty() ? "8.0.40-1.el9" : image.serviceVersion;
    return {
        t + " [Note] [Entrypoint]: Entrypoint script for MySQL Server " + version + " started.",
        t + " [Note] [Entrypoint]: Switching to dedicated user 'mysql'",
        t + " [Note] [Entrypoint]: Entrypoint script for MySQL Server " + version + " started.",
        t + " [ERROR] [Entrypoint]: Database is uninitialized and password option is not specified",
        "    You need to specify one of the following as an environment variable:",
        "    - MYSQL_ROOT_PASSWORD",
        "    - MYSQL_ALLOW_EMPTY_PASSWORD",
        "    - MYSQL_RANDOM_ROOT_PASSWORD",
    };
}

std::vector<std::string> postgresMissingPasswordLog() {
    return {
        "Error: Database is uninitialized and superuser password is not specified.",
        "       You must specify POSTGRES_PASSWORD to a non-empty value for the",
        "       superuser. For example, \"-e POSTGRES_PASSWORD=password\" on \"docker run\".",
        "",
        "       You may also use \"POSTGRES_HOST_AUTH_METHOD=trust\" to allow all",
        "       connections without a password. This is *not* recommended.",
        "",
        "       See PostgreSQL documentation about \"trust\":",
        "       https://www.postgresql.org/docs/current/auth-trust.html",
    };
}

std::optional<ServiceExit> checkServiceStart(const ImageConfig& image, const std::vector<std::string>& env,
                                             std::string_view rfc3339) {
    switch (image.service) {
    case Service::Mysql: {
        const bool jessie = image.distro == "jessie";
        const bool ok = nonEmpty(env, "MYSQL_ROOT_PASSWORD") || nonEmpty(env, "MYSQL_ALLOW_EMPTY_PASSWORD") ||
                        (!jessie && nonEmpty(env, "MYSQL_RANDOM_ROOT_PASSWORD"));
        if (ok) return std::nullopt;
        return ServiceExit{1, mysqlMissingPasswordLog(image, rfc3339)};
    }
    case Service::Postgres: {
        if (nonEmpty(env, "POSTGRES_PASSWORD") || lookupEnv(env, "POSTGRES_HOST_AUTH_METHOD") == "trust")
            return std::nullopt;
        return ServiceExit{1, postgresMissingPasswordLog()};
    }
    default: return std::nullopt;
    }
}

std::vector<std::string> nginxStartupLog(std::string_view rfc3339, int workerProcesses, int firstWorkerPid,
                                         std::string_view nginxVersion, std::string_view kernelRelease,
                                         std::string_view compiler) {
    const std::string t = nginxTime(parseRfc3339(rfc3339)) + " [notice] 1#1: ";
    std::vector<std::string> out = nginxEntrypointLines();
    out.push_back(t + "using the \"epoll\" event method");
    out.push_back(t + "nginx/" + std::string(nginxVersion));
    out.push_back(t + "built by " + std::string(compiler) + " ");  // gcc -v's version line ends with a space
    out.push_back(t + "OS: Linux " + std::string(kernelRelease));
    out.push_back(t + "getrlimit(RLIMIT_NOFILE): 1048576:1048576");
    out.push_back(t + "start worker processes");
    for (int w = 0; w < std::max(1, workerProcesses); ++w)
        out.push_back(t + "start worker process " + std::to_string(firstWorkerPid + w));
    return out;
}

std::vector<std::string> nginxBindFailureLog(std::string_view rfc3339, std::uint16_t port, bool ipv6) {
    std::vector<std::string> out = nginxEntrypointLines();
    std::int64_t ms = toMillis(parseRfc3339(rfc3339));
    const std::string p = std::to_string(port);
    std::vector<std::string> addrs = {"0.0.0.0:" + p};
    if (ipv6) addrs.push_back("[::]:" + p);
    for (int round = 0; round < 5; ++round) {
        const std::string t = nginxTime(civilFromMillis(ms));
        for (const auto& a : addrs) {
            out.push_back(t + " [emerg] 1#1: bind() to " + a + " failed (98: Address already in use)");
            out.push_back("nginx: [emerg] bind() to " + a + " failed (98: Address already in use)");
        }
        out.push_back(t + " [notice] 1#1: try again to bind() after 500ms");
        ms += 500;
    }
    const std::string t = nginxTime(civilFromMillis(ms));
    out.push_back(t + " [emerg] 1#1: still could not bind()");
    out.push_back("nginx: [emerg] still could not bind()");
    return out;
}

}  // namespace sim::docker
