// ImageCatalog: the built-in images and the service logs. Sources for each image's contents
// are in the comments next to it; "verified" means checked against the image's Dockerfile or
// entrypoint in docker-library / nginxinc sources or against captured real output.
#include "sim/docker/image_catalog.hpp"

#include "sim/docker/image_userland.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>

namespace sim::docker {

namespace {

using core::ErrorCode;
using core::fail;

// ---- Deterministic hashing --------------------------------------------------------------

std::uint64_t fnv1a(std::string_view s, std::uint64_t h = 1469598103934665603ull) {
    for (unsigned char c : s) {
        h ^= c;
        h *= 1099511628211ull;
    }
    return h;
}

std::uint64_t splitmix(std::uint64_t& state) {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

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

// ---- Built-in image data ------------------------------------------------------------------

const std::string kPath = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

/// What every glibc Debian/Ubuntu (slim) base has (image_userland.cpp), plus `extra`: the
/// image's own programs.
std::set<std::string> debianBaseTools(std::initializer_list<const char*> extra = {}) {
    auto t = userland::debianTools();
    for (const char* e : extra) t.insert(e);
    return t;
}

ImageConfig base(std::string repo, std::string tag, std::string created, std::uint64_t size, int layerCount) {
    ImageConfig i;
    i.repository = std::move(repo);
    i.tag = std::move(tag);
    i.created = std::move(created);
    i.sizeBytes = size;
    const std::string key = i.repository + ":" + i.tag;
    i.id = "sha256:" + digestHex("image-id " + key);
    i.repoDigest = "sha256:" + digestHex("repo-digest " + key);
    for (int n = 0; n < layerCount; ++n) i.layers.push_back(digestHex("layer " + key + " " + std::to_string(n)));
    return i;
}

/// One image shared by two tags (debian:bookworm == debian:latest): same ID, digest, layers.
ImageConfig alias(const ImageConfig& of, std::string tag) {
    ImageConfig i = of;
    i.tag = std::move(tag);
    return i;
}

std::vector<ImageConfig> builtinImages() {
    std::vector<ImageConfig> out;

    // nginx:latest = 1.27.2 on debian:bookworm-slim. Dockerfile (nginxinc/docker-nginx
    // mainline/debian, verified): installs nginx + gettext-base + curl and keeps curl; no
    // ping/ip/ifconfig. ENTRYPOINT /docker-entrypoint.sh, CMD nginx -g 'daemon off;', EXPOSE 80,
    // STOPSIGNAL SIGQUIT.
    {
        ImageConfig i = base("nginx", "latest", "2024-10-02T17:55:35Z", 191668889, 7);
        i.service = Service::Nginx;
        i.serviceVersion = "1.27.2";
        i.entrypoint = {"/docker-entrypoint.sh"};
        i.cmd = {"nginx", "-g", "daemon off;"};
        i.exposedPorts = {{80, PortProto::Tcp}};
        i.serviceListens = {{80, PortProto::Tcp}};
        i.listenStack = ListenStack::Ipv4AndIpv6;
        i.env = {kPath, "NGINX_VERSION=1.27.2", "NJS_VERSION=0.8.6", "NJS_RELEASE=1~bookworm", "PKG_RELEASE=1~bookworm",
                 "DYNPKG_RELEASE=1~bookworm"};
        i.tools = debianBaseTools({"nginx", "nginx-debug", "docker-entrypoint.sh", "curl", "envsubst"});
        i.packages = {"curl", "gettext-base", "nginx", "ca-certificates"};
        i.distro = "bookworm";
        i.stopSignal = "SIGQUIT";
        i.labels = {{"maintainer", "NGINX Docker Maintainers <docker-maint@nginx.com>"}};
        out.push_back(i);
    }
    // nginx:alpine = 1.27.2 on alpine:3.20 (nginxinc/docker-nginx mainline/alpine-slim + alpine,
    // verified): busybox applets, and `apk add --no-cache curl ca-certificates` kept "to make
    // registering on DNS SD easier"; the same entrypoint, CMD, port and stop signal.
    {
        ImageConfig i = base("nginx", "alpine", "2024-10-02T17:55:32Z", 52488183, 8);
        i.userland = Userland::Alpine;
        i.service = Service::Nginx;
        i.serviceVersion = "1.27.2";
        i.entrypoint = {"/docker-entrypoint.sh"};
        i.cmd = {"nginx", "-g", "daemon off;"};
        i.exposedPorts = {{80, PortProto::Tcp}};
        i.serviceListens = {{80, PortProto::Tcp}};
        i.listenStack = ListenStack::Ipv4AndIpv6;
        i.env = {kPath, "NGINX_VERSION=1.27.2", "PKG_RELEASE=1", "DYNPKG_RELEASE=1", "NJS_VERSION=0.8.6", "NJS_RELEASE=1"};
        i.tools = userland::busyboxTools(true);
        i.tools.insert({"nginx", "nginx-debug", "docker-entrypoint.sh", "curl", "envsubst"});
        i.packages = {"curl", "ca-certificates", "brotli-libs", "c-ares", "libidn2", "libpsl", "libunistring",
                      "nghttp2-libs", "zstd-libs", "libcurl", "nginx", "tzdata"};
        i.packageManager = PackageManager::Apk;
        i.shell = ShellFlavor::Ash;
        i.distro = "alpine3.20";
        i.stopSignal = "SIGQUIT";
        i.labels = {{"maintainer", "NGINX Docker Maintainers <docker-maint@nginx.com>"}};
        out.push_back(i);
    }
    // httpd:latest = 2.4.62 on debian:bookworm-slim. Its Dockerfile builds from source and
    // purges the build deps (wget, gcc, ...): no curl, no network tools. CMD httpd-foreground.
    {
        ImageConfig i = base("httpd", "latest", "2024-10-16T01:47:11Z", 147960541, 5);
        i.service = Service::Httpd;
        i.serviceVersion = "2.4.62";
        i.cmd = {"httpd-foreground"};
        i.exposedPorts = {{80, PortProto::Tcp}};
        i.serviceListens = {{80, PortProto::Tcp}};
        i.listenStack = ListenStack::DualStack;
        i.env = {"PATH=/usr/local/apache2/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                 "HTTPD_PREFIX=/usr/local/apache2", "HTTPD_VERSION=2.4.62"};
        i.tools = debianBaseTools({"httpd", "httpd-foreground", "apachectl", "htpasswd", "ab"});
        i.distro = "bookworm";
        i.workdir = "/usr/local/apache2";
        i.stopSignal = "SIGWINCH";
        out.push_back(i);
    }
    // mysql:latest = 9.1.0 and mysql:8.0 = 8.0.40: Oracle Linux 9 slim (docker-library/mysql
    // Dockerfile.oracle; the version strings "-1.el9" match real logs). microdnf, bash as
    // /bin/sh; no apt-get, no network tools; `hostname` is not in the slim base (UNVERIFIED).
    // Listens 3306 and 33060 (X Protocol).
    auto mysqlOracle = [](std::string tag, std::string created, std::uint64_t size, std::string version,
                          std::string major) {
        ImageConfig i = base("mysql", std::move(tag), std::move(created), size, 10);
        i.service = Service::Mysql;
        i.serviceVersion = version;
        i.entrypoint = {"docker-entrypoint.sh"};
        i.cmd = {"mysqld"};
        i.exposedPorts = {{3306, PortProto::Tcp}, {33060, PortProto::Tcp}};
        i.serviceListens = i.exposedPorts;
        i.listenStack = ListenStack::DualStack;
        i.env = {kPath, "GOSU_VERSION=1.17", "MYSQL_MAJOR=" + major, "MYSQL_VERSION=" + version,
                 "MYSQL_SHELL_VERSION=" + version};
        i.tools = userland::oracleSlimTools();
        i.tools.insert({"mysqld", "mysql", "mysqladmin", "mysqldump", "mysqlsh", "gosu", "docker-entrypoint.sh"});
        i.packageManager = PackageManager::Microdnf;
        i.shell = ShellFlavor::Bash;
        i.distro = "el9";
        return i;
    };
    out.push_back(mysqlOracle("latest", "2024-10-15T22:36:58Z", 601874416, "9.1.0-1.el9", "innovation"));
    out.push_back(mysqlOracle("8.0", "2024-10-15T22:37:25Z", 589802381, "8.0.40-1.el9", "8.0"));
    // mysql:5.7.8 (5.7.8-rc, August 2015): debian:jessie, apt-get works — the tutorial's
    // `FROM mysql:5.7.8` + apt-get install net-tools/iputils-ping. Only 3306 (the X plugin on
    // 33060 came with 5.7.12). Entrypoint /entrypoint.sh of that era.
    {
        ImageConfig i = base("mysql", "5.7.8", "2015-08-19T22:03:17Z", 360300000, 14);
        i.service = Service::Mysql;
        i.serviceVersion = "5.7.8-rc";
        i.entrypoint = {"/entrypoint.sh"};
        i.cmd = {"mysqld"};
        i.exposedPorts = {{3306, PortProto::Tcp}};
        i.serviceListens = {{3306, PortProto::Tcp}};
        i.listenStack = ListenStack::DualStack;
        i.env = {kPath, "MYSQL_MAJOR=5.7", "MYSQL_VERSION=5.7.8-rc"};
        i.tools = debianBaseTools({"mysqld", "mysql", "mysqladmin", "mysqldump", "gosu", "entrypoint.sh"});
        i.distro = "jessie";
        out.push_back(i);
    }
    // postgres:latest = 17.0 on debian:bookworm (docker-library/postgres): no network tools.
    {
        ImageConfig i = base("postgres", "latest", "2024-09-26T23:45:49Z", 435224431, 14);
        i.service = Service::Postgres;
        i.serviceVersion = "17.0";
        i.entrypoint = {"docker-entrypoint.sh"};
        i.cmd = {"postgres"};
        i.exposedPorts = {{5432, PortProto::Tcp}};
        i.serviceListens = {{5432, PortProto::Tcp}};
        i.listenStack = ListenStack::Ipv4AndIpv6;
        i.env = {"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/usr/lib/postgresql/17/bin",
                 "GOSU_VERSION=1.17", "LANG=en_US.utf8", "PG_MAJOR=17", "PG_VERSION=17.0-1.pgdg120+1",
                 "PGDATA=/var/lib/postgresql/data"};
        i.tools = debianBaseTools({"postgres", "psql", "pg_ctl", "initdb", "pg_dump", "pg_isready", "createdb", "gosu",
                                   "docker-entrypoint.sh", "docker-ensure-initdb.sh"});
        i.distro = "bookworm";
        i.stopSignal = "SIGINT";
        out.push_back(i);
    }
    // redis:latest = 7.4.1 on debian:bookworm-slim (docker-library/redis): no network tools.
    {
        ImageConfig i = base("redis", "latest", "2024-10-03T00:55:31Z", 116979223, 8);
        i.service = Service::Redis;
        i.serviceVersion = "7.4.1";
        i.entrypoint = {"docker-entrypoint.sh"};
        i.cmd = {"redis-server"};
        i.exposedPorts = {{6379, PortProto::Tcp}};
        i.serviceListens = {{6379, PortProto::Tcp}};
        i.listenStack = ListenStack::Ipv4AndIpv6;
        i.env = {kPath, "GOSU_VERSION=1.17", "REDIS_VERSION=7.4.1"};
        // redis-cli and the rest come with the server (docker-library/redis builds them all).
        i.tools = debianBaseTools({"redis-server", "redis-cli", "redis-benchmark", "redis-check-aof", "redis-check-rdb",
                                   "redis-sentinel", "gosu", "docker-entrypoint.sh"});
        i.distro = "bookworm";
        i.workdir = "/data";
        out.push_back(i);
    }
    // busybox:latest = 1.37.0 (glibc variant): one binary, many applets; no package manager.
    {
        ImageConfig i = base("busybox", "latest", "2024-09-26T21:31:42Z", 4269843, 1);
        i.userland = Userland::Busybox;
        i.cmd = {"sh"};
        i.env = {kPath};
        i.tools = userland::busyboxTools(false);
        i.packageManager = PackageManager::None;
        i.shell = ShellFlavor::Ash;
        i.distro = "busybox";
        out.push_back(i);
    }
    // alpine:latest = 3.20.3: busybox applets plus musl-utils' getent; apk.
    {
        ImageConfig i = base("alpine", "latest", "2024-09-06T22:20:07Z", 7797760, 1);
        i.userland = Userland::Alpine;
        i.cmd = {"/bin/sh"};
        i.env = {kPath};
        i.tools = userland::busyboxTools(true);
        i.packageManager = PackageManager::Apk;
        i.shell = ShellFlavor::Ash;
        i.distro = "alpine3.20";
        out.push_back(i);
    }
    // ubuntu:22.04 (jammy) and ubuntu:latest = 24.04 (noble): minimal base, no ping/ip/
    // ifconfig/curl/ps; dash as /bin/sh.
    {
        ImageConfig i = base("ubuntu", "22.04", "2024-09-11T16:25:18Z", 77863040, 1);
        i.userland = Userland::Ubuntu;
        i.cmd = {"/bin/bash"};
        i.env = {kPath};
        i.tools = debianBaseTools();
        i.distro = "jammy";
        i.dpkgFiles = 4395;  // as apt-get install reports it in a fresh container
        i.labels = {{"org.opencontainers.image.ref.name", "ubuntu"}, {"org.opencontainers.image.version", "22.04"}};
        out.push_back(i);
        ImageConfig n = base("ubuntu", "24.04", "2024-09-11T16:25:25Z", 78118336, 1);
        n.userland = Userland::Ubuntu;
        n.cmd = {"/bin/bash"};
        n.env = {kPath};
        n.tools = debianBaseTools();
        n.distro = "noble";
        n.dpkgFiles = 4376;
        n.labels = {{"org.opencontainers.image.ref.name", "ubuntu"}, {"org.opencontainers.image.version", "24.04"}};
        out.push_back(n);
        out.push_back(alias(n, "latest"));
    }
    // debian:bookworm = debian:latest (12.7): no ping/ip/ifconfig/curl/ps.
    {
        ImageConfig i = base("debian", "bookworm", "2024-09-26T23:45:23Z", 116536224, 1);
        i.cmd = {"bash"};
        i.env = {kPath};
        i.tools = debianBaseTools();
        i.distro = "bookworm";
        i.dpkgFiles = 6089;
        out.push_back(i);
        out.push_back(alias(i, "latest"));
    }
    // Every image's base system ships its release files (/etc/os-release, ...).
    for (auto& i : out) i.files = userland::releaseFiles(i.distro);
    return out;
}

bool isHex(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

std::string familiarName(const ImageConfig& i) { return i.repository + ":" + i.tag; }

std::string pulledKey(std::string_view ref) {
    auto r = parseImageReference(ref);
    return r ? r->familiar() : std::string(ref);
}

}  // namespace

// ---- Free functions -------------------------------------------------------------------------

std::string_view toString(Userland u) {
    switch (u) {
    case Userland::Debian: return "debian";
    case Userland::Ubuntu: return "ubuntu";
    case Userland::Alpine: return "alpine";
    case Userland::Busybox: return "busybox";
    }
    return "debian";
}

std::string_view toString(Service s) {
    switch (s) {
    case Service::None: return "none";
    case Service::Nginx: return "nginx";
    case Service::Httpd: return "httpd";
    case Service::Mysql: return "mysql";
    case Service::Postgres: return "postgres";
    case Service::Redis: return "redis";
    }
    return "none";
}

std::string digestHex(std::string_view key) {
    std::uint64_t state = fnv1a(key);
    std::string out;
    out.reserve(64);
    static constexpr char kHex[] = "0123456789abcdef";
    for (int w = 0; w < 4; ++w) {
        std::uint64_t v = splitmix(state);
        for (int i = 0; i < 16; ++i) {
            out.push_back(kHex[v >> 60]);
            v <<= 4;
        }
    }
    return out;
}

std::string humanSize(double size) {
    static constexpr const char* kUnits[] = {"B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"};
    int i = 0;
    while (size >= 1000.0 && i < 8) {
        size /= 1000.0;
        ++i;
    }
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3g%s", size, kUnits[i]);
    return buf;
}

std::string ImageConfig::reference() const { return repository + ":" + tag; }

std::string ImageConfig::shortId() const {
    const std::string_view hex = std::string_view(id).starts_with("sha256:") ? std::string_view(id).substr(7) : id;
    return std::string(hex.substr(0, 12));
}

std::optional<std::string> ImageConfig::envValue(std::string_view name) const {
    for (const auto& e : env)
        if (e.size() > name.size() && e.compare(0, name.size(), name) == 0 && e[name.size()] == '=')
            return e.substr(name.size() + 1);
    return std::nullopt;
}

std::string ImageRef::familiar() const {
    if (!digest.empty()) return repository + "@" + digest;
    return repository + ":" + tag;
}

std::string ImageRef::full() const {
    const std::string path = repository.find('/') == std::string::npos ? "library/" + repository : repository;
    return "docker.io/" + path + (digest.empty() ? ":" + tag : "@" + digest);
}

core::Result<ImageRef> parseImageReference(std::string_view reference) {
    std::string s(reference);
    if (s.empty()) return fail(ErrorCode::InvalidArgument, "invalid reference format");
    ImageRef r;
    if (const auto at = s.find('@'); at != std::string::npos) {
        r.digest = s.substr(at + 1);
        s = s.substr(0, at);
        if (!r.digest.starts_with("sha256:") || !isHex(std::string_view(r.digest).substr(7)))
            return fail(ErrorCode::InvalidArgument, "invalid reference format");
    }
    const auto lastSlash = s.rfind('/');
    const auto colon = s.rfind(':');
    if (colon != std::string::npos && (lastSlash == std::string::npos || colon > lastSlash)) {
        r.tag = s.substr(colon + 1);
        r.tagGiven = true;
        s = s.substr(0, colon);
        if (r.tag.empty()) return fail(ErrorCode::InvalidArgument, "invalid reference format");
        for (char c : r.tag)
            if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '-'))
                return fail(ErrorCode::InvalidArgument, "invalid reference format");
    }
    // Registry: only Docker Hub is modelled.
    for (std::string_view host : {"docker.io/", "index.docker.io/", "registry-1.docker.io/"})
        if (s.starts_with(host)) {
            s = s.substr(host.size());
            break;
        }
    if (s.starts_with("library/") && s.find('/', 8) == std::string::npos) s = s.substr(8);
    if (s.empty()) return fail(ErrorCode::InvalidArgument, "invalid reference format");
    for (char c : s) {
        if (std::isupper(static_cast<unsigned char>(c))) {
            const std::string path = s.find('/') == std::string::npos ? "library/" + s : s;
            return fail(ErrorCode::InvalidArgument,
                        "invalid reference format: repository name (" + path + ") must be lowercase");
        }
        if (!(std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) || c == '/' ||
              c == '.' || c == '_' || c == '-'))
            return fail(ErrorCode::InvalidArgument, "invalid reference format");
    }
    if (s.front() == '/' || s.back() == '/' || s.front() == '-' || s.front() == '.' || s.front() == '_')
        return fail(ErrorCode::InvalidArgument, "invalid reference format");
    r.repository = s;
    if (!r.tagGiven && r.digest.empty()) r.tag = "latest";
    return r;
}

// ---- ImageCatalog -------------------------------------------------------------------------

ImageCatalog::ImageCatalog() {
    for (auto& i : builtinImages()) addBuiltin(std::move(i));
}

void ImageCatalog::addBuiltin(ImageConfig image) {
    m_entries.push_back(Entry{std::make_unique<ImageConfig>(std::move(image)), m_nextSeq++});
}

const ImageCatalog::Entry* ImageCatalog::findEntry(std::string_view reference) const {
    if (auto ref = parseImageReference(reference)) {
        for (const auto& e : m_entries) {
            const ImageConfig& i = *e.image;
            if (i.repository != ref->repository) continue;
            if (!ref->digest.empty() ? i.repoDigest == ref->digest : i.tag == ref->tag) return &e;
        }
    }
    // An image ID: "sha256:<hex>", or bare hex (full or a unique prefix of >= 4 digits).
    std::string_view hex = reference;
    if (hex.starts_with("sha256:")) hex.remove_prefix(7);
    if (hex.size() < 4 || hex.size() > 64 || !isHex(hex)) return nullptr;
    const Entry* found = nullptr;
    for (const auto& e : m_entries) {
        if (!std::string_view(e.image->id).substr(7).starts_with(hex)) continue;
        if (found && found->image->id != e.image->id) return nullptr;  // ambiguous prefix
        if (!found) found = &e;
    }
    return found;
}

const ImageConfig* ImageCatalog::find(std::string_view reference) const {
    const Entry* e = findEntry(reference);
    return e ? e->image.get() : nullptr;
}

const ImageConfig& ImageCatalog::add(ImageConfig image) {
    image.builtLocally = true;
    for (auto& e : m_entries) {
        ImageConfig& old = *e.image;
        if (old.isDangling() || old.repository != image.repository || old.tag != image.tag) continue;
        if (old.id == image.id) return old;  // identical rebuild: nothing changes
        old.repository = "<none>";
        old.tag = "<none>";
        old.builtLocally = old.builtLocally || m_pulled.contains(familiarName(image));  // it stays local
    }
    // A tag-less build (`docker build .` without -t) is dangling from the start.
    if (image.repository.empty()) image.repository = image.tag = "<none>";
    m_entries.push_back(Entry{std::make_unique<ImageConfig>(std::move(image)), m_nextSeq++});
    return *m_entries.back().image;
}

std::vector<const ImageConfig*> ImageCatalog::list() const {
    std::vector<const Entry*> local;
    for (const auto& e : m_entries)
        if (e.image->builtLocally || m_pulled.contains(familiarName(*e.image))) local.push_back(&e);
    std::stable_sort(local.begin(), local.end(), [](const Entry* a, const Entry* b) {
        if (a->image->created != b->image->created) return a->image->created > b->image->created;
        return a->seq > b->seq;
    });
    std::vector<const ImageConfig*> out;
    for (const Entry* e : local) out.push_back(e->image.get());
    return out;
}

std::vector<const ImageConfig*> ImageCatalog::all() const {
    std::vector<const ImageConfig*> out;
    for (const auto& e : m_entries) out.push_back(e.image.get());
    return out;
}

bool ImageCatalog::knowsRepository(std::string_view repository) const {
    auto ref = parseImageReference(repository);
    const std::string repo = ref ? ref->repository : std::string(repository);
    return std::any_of(m_entries.begin(), m_entries.end(), [&](const Entry& e) { return e.image->repository == repo; });
}

bool ImageCatalog::isPulled(std::string_view ref) const {
    const ImageConfig* i = find(ref);
    if (!i) return false;
    return i->builtLocally || m_pulled.contains(familiarName(*i));
}

void ImageCatalog::markPulled(std::string_view ref) {
    if (const ImageConfig* i = find(ref)) m_pulled.insert(familiarName(*i));
    else m_pulled.insert(pulledKey(ref));
}

namespace {

std::string pullBody(const ImageConfig& i, bool upToDate) {
    const std::string path = i.repository.find('/') == std::string::npos ? "library/" + i.repository : i.repository;
    std::string out = i.tag + ": Pulling from " + path + "\n";
    if (!upToDate)
        for (const auto& layer : i.layers) out += layer.substr(0, 12) + ": Pull complete\n";
    out += "Digest: " + i.repoDigest + "\n";
    out += upToDate ? "Status: Image is up to date for " + familiarName(i) + "\n"
                    : "Status: Downloaded newer image for " + familiarName(i) + "\n";
    return out;
}

}  // namespace

std::string ImageCatalog::pullTranscript(std::string_view ref) const {
    auto parsed = parseImageReference(ref);
    const ImageConfig* i = find(ref);
    if (!parsed || !i || i->builtLocally) return {};
    std::string out;
    if (!parsed->tagGiven && parsed->digest.empty()) out += "Using default tag: latest\n";
    out += pullBody(*i, isPulled(ref));
    out += ImageRef{i->repository, i->tag, "", true}.full() + "\n";
    return out;
}

std::string ImageCatalog::runPullTranscript(std::string_view ref) const {
    auto parsed = parseImageReference(ref);
    const ImageConfig* i = find(ref);
    if (!parsed || !i) return {};
    return "Unable to find image '" + parsed->familiar() + "' locally\n" + pullBody(*i, false);
}

std::string ImageCatalog::alwaysPullTranscript(std::string_view ref) const {
    const ImageConfig* i = find(ref);
    if (!i || i->builtLocally) return {};
    return pullBody(*i, isPulled(ref));
}

core::Result<std::string> ImageCatalog::pull(std::string_view ref) {
    auto parsed = parseImageReference(ref);
    if (!parsed) return std::unexpected(parsed.error());
    const ImageConfig* i = find(ref);
    if (!i) {
        if (knowsRepository(parsed->repository))
            return fail(ErrorCode::NotFound, "manifest for " + parsed->familiar() + " not found: manifest unknown: manifest unknown");
        return fail(ErrorCode::NotFound, "pull access denied for " + parsed->repository +
                                             ", repository does not exist or may require 'docker login': denied: "
                                             "requested access to the resource is denied");
    }
    if (i->builtLocally)  // a local-only image: Docker Hub has no such repository
        return fail(ErrorCode::NotFound, "pull access denied for " + parsed->repository +
                                             ", repository does not exist or may require 'docker login': denied: "
                                             "requested access to the resource is denied");
    std::string out = pullTranscript(ref);
    markPulled(ref);
    return out;
}

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
