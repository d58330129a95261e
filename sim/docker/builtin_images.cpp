// The official images docknet ships: what each contains and runs, with the source of each fact.
// "verified" means checked against the image's Dockerfile or entrypoint in docker-library /
// nginxinc sources or against captured real output.
#include "sim/docker/image_catalog_internal.hpp"

#include "sim/docker/image_userland.hpp"

#include <cstdint>
#include <initializer_list>
#include <set>
#include <string>

namespace sim::docker {

namespace {

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

}  // namespace

namespace catalog_detail {

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

}  // namespace catalog_detail

}  // namespace sim::docker
