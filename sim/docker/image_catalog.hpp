// The images docknet knows: the built-in official images (as of late 2024, the Docker 27 era),
// what each contains (which network tools exist decides whether `docker exec x ping` works),
// what its main process does, and the images `docker build` adds.
//
// Ground rules, with the "why" next to each image in builtin_images.cpp:
// - The official service images (nginx, httpd, mysql, postgres, redis) ship NO ping, ip,
//   ifconfig, arp, route, netstat, ss or nslookup. That is why the tutorial installs
//   net-tools and iputils-ping. nginx is the exception for curl: its Dockerfile installs
//   `gettext-base curl` with nginx and keeps them (nginxinc/docker-nginx mainline/debian/
//   Dockerfile, read for this file).
// - mysql:8.0 and mysql:latest are Oracle Linux 9 slim images (microdnf, no apt-get; bash is
//   /bin/sh); mysql:5.7.8 (2015) was Debian jessie, which is why the tutorial's apt-get worked.
// - busybox and alpine carry busybox applets: ping, ip, ifconfig, arp, route, netstat,
//   nslookup, wget, nc, ps — but no bash, curl, ss or dig.
// - ubuntu and debian base images: no ping/ip/ifconfig/curl/ps either.
//
// Image IDs and digests are deterministic fakes ("sha256:" + 64 hex derived from the name),
// created dates and sizes are fixed plausible values; only their shape is real.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sim/core/error.hpp"
#include "sim/docker/port_spec.hpp"

namespace sim::docker {

/// Decides which output format a tool uses: glibc userlands print iputils/net-tools style
/// (Debian, Ubuntu, and also Oracle Linux, which docknet files under Debian), Alpine and
/// Busybox print busybox style.
enum class Userland : std::uint8_t { Debian, Ubuntu, Alpine, Busybox };
enum class Service : std::uint8_t { None, Nginx, Httpd, Mysql, Postgres, Redis };
/// What `RUN <package manager> ...` finds in the image.
enum class PackageManager : std::uint8_t { None, Apt, Apk, Microdnf };
/// Which /bin/sh prints "not found" errors: dash ("/bin/sh: 1: apk: not found"), busybox ash
/// ("/bin/sh: apt-get: not found") or bash ("/bin/sh: line 1: apt-get: command not found").
enum class ShellFlavor : std::uint8_t { Dash, Ash, Bash };

std::string_view toString(Userland u);
std::string_view toString(Service s);

/// How the main process binds its serviceListens: IPv4 only; 0.0.0.0 and an IPV6_V6ONLY [::]
/// (nginx's `listen 80; listen [::]:80;`, postgres's listen_addresses='*', redis 7's
/// `bind * -::*`); or one dual-stack [::] (httpd's `Listen 80`, mysqld's bind-address=*).
enum class ListenStack : std::uint8_t { Ipv4, Ipv4AndIpv6, DualStack };

struct ImageConfig {
    std::string repository;                // "nginx", or a built tag "mysql-custom"; "<none>" when dangling
    std::string tag;                       // "latest", "5.7.8"; "<none>" when dangling
    std::string id;                        // "sha256:<64 hex>"
    std::string created;                   // RFC 3339
    std::uint64_t sizeBytes = 0;           // `docker images` SIZE (humanSize: "192MB")
    Userland userland = Userland::Debian;
    Service service = Service::None;
    std::vector<std::string> entrypoint;   // nginx: {"/docker-entrypoint.sh"}
    std::vector<std::string> cmd;          // nginx: {"nginx", "-g", "daemon off;"}
    std::vector<std::pair<std::uint16_t, PortProto>> exposedPorts;  // nginx: 80/tcp
    std::vector<std::string> env;          // "PATH=...", "NGINX_VERSION=..."
    std::set<std::string> tools;           // executables present ("sh", "curl", "ping", ...)
    std::map<std::string, std::string> files;  // files read from the image: "/etc/os-release" -> content

    // Beyond the engine's needs, used by the Dockerfile builder and the service logs:
    std::string repoDigest;                // "sha256:<64 hex>" manifest digest (docker pull's "Digest:"); empty when built
    std::vector<std::string> layers;       // 64-hex layer digests, base first (docker pull lists their first 12)
    PackageManager packageManager = PackageManager::Apt;
    ShellFlavor shell = ShellFlavor::Dash;
    std::string distro;                    // "bookworm", "jessie", "jammy", "noble", "alpine3.20", "el9", "busybox"
    std::set<std::string> packages;       // packages known to be installed (for "already the newest version")
    bool aptListsPresent = false;          // official images delete /var/lib/apt/lists: install needs update first
    int dpkgFiles = 0;                     // dpkg's "(Reading database ... N files ...)"; 0: derived from the size
    std::string serviceVersion;            // "1.27.2" (nginx), "8.0.40-1.el9" (mysql), ...
    std::vector<std::pair<std::uint16_t, PortProto>> serviceListens;  // what the main process binds on 0.0.0.0
    ListenStack listenStack = ListenStack::Ipv4;
    std::string workdir;                   // WORKDIR ("" = /)
    std::string user;                      // USER ("" = root)
    std::map<std::string, std::string> labels;
    std::string stopSignal;                // "SIGQUIT" for nginx
    bool builtLocally = false;             // produced by docker build (always local)

    /// "nginx:latest"; "<none>:<none>" when dangling.
    [[nodiscard]] std::string reference() const;
    /// The 12 hex digits after "sha256:" (`docker images` IMAGE ID).
    [[nodiscard]] std::string shortId() const;
    [[nodiscard]] bool hasTool(std::string_view tool) const { return tools.contains(std::string(tool)); }
    [[nodiscard]] bool isDangling() const { return repository == "<none>"; }
    /// The value of NAME in env, if set.
    [[nodiscard]] std::optional<std::string> envValue(std::string_view name) const;
};

/// A parsed image reference in familiar form: "nginx" -> {nginx, latest};
/// "docker.io/library/nginx:1.27" -> {nginx, 1.27}; "me/app" -> {me/app, latest}.
struct ImageRef {
    std::string repository;  // familiar: "nginx", "me/app"
    std::string tag;         // "latest" when none was given (and no digest)
    std::string digest;      // "sha256:..." for name@digest
    bool tagGiven = false;
    [[nodiscard]] std::string familiar() const;  // "nginx:latest" (or "nginx@sha256:...")
    [[nodiscard]] std::string full() const;      // "docker.io/library/nginx:latest"
};
/// Errors (docker/distribution reference wording): `invalid reference format`,
/// `invalid reference format: repository name (library/Nginx) must be lowercase`.
core::Result<ImageRef> parseImageReference(std::string_view reference);

/// go-units HumanSize (decimal, 3 significant digits): 191668889 -> "192MB", 4269843 ->
/// "4.27MB", 232 -> "232B". What `docker images` SIZE shows.
std::string humanSize(double bytes);
/// 64 lower-case hex digits derived from `key` (not SHA-256: a fixed 256-bit mix, so IDs stay
/// stable across runs and platforms).
std::string digestHex(std::string_view key);

class ImageCatalog {
public:
    /// Built-ins: nginx, httpd, mysql (latest, 8.0, 5.7.8), postgres, redis, busybox, alpine,
    /// ubuntu (22.04; latest = 24.04), debian (bookworm = latest). All start "not pulled".
    ImageCatalog();
    ImageCatalog(const ImageCatalog&) = delete;
    ImageCatalog& operator=(const ImageCatalog&) = delete;
    ImageCatalog(ImageCatalog&&) = default;
    ImageCatalog& operator=(ImageCatalog&&) = default;

    /// "nginx" == "nginx:latest" == "docker.io/library/nginx:latest"; also "name@sha256:<digest>",
    /// a full image ID ("sha256:<64 hex>" or the 64 hex) and a unique ID prefix of >= 4 hex
    /// digits (what `docker run 3f2a...` accepts). nullptr when unknown.
    [[nodiscard]] const ImageConfig* find(std::string_view reference) const;
    /// A built image. Takes over its repo:tag; an older image with that repo:tag and another ID
    /// becomes dangling ("<none>:<none>"). Re-adding the ID already under that repo:tag changes nothing.
    /// Returns the stored image.
    const ImageConfig& add(ImageConfig image);
    /// `docker images`: the local images (pulled or built, dangling ones included), newest
    /// first (by created, then most recently added).
    [[nodiscard]] std::vector<const ImageConfig*> list() const;
    /// Everything known, local or not, in catalog order.
    [[nodiscard]] std::vector<const ImageConfig*> all() const;
    /// True when the repository exists "on Docker Hub" (a built-in) or was built locally.
    [[nodiscard]] bool knowsRepository(std::string_view repository) const;

    /// Images start not pulled: the first `docker run nginx` prints "Unable to find image
    /// 'nginx:latest' locally" and the pull progress. Built images are always local.
    [[nodiscard]] bool isPulled(std::string_view ref) const;
    void markPulled(std::string_view ref);

    /// What `docker pull REF` prints (stdout) for a known image: "Using default tag: latest"
    /// (only without a tag), "latest: Pulling from library/nginx", "<layer>: Pull complete" per
    /// layer, "Digest: sha256:...", "Status: Downloaded newer image for nginx:latest" (or
    /// "Status: Image is up to date for nginx:latest" once pulled), "docker.io/library/nginx:latest".
    /// Deterministic; every line ends with '\n'. Empty for an unknown reference (see pull()).
    [[nodiscard]] std::string pullTranscript(std::string_view ref) const;
    /// What `docker run`/`docker create` print to stderr before creating from an image that is
    /// not local: "Unable to find image 'nginx:latest' locally", then the pull lines without
    /// "Using default tag" and without the final reference line.
    [[nodiscard]] std::string runPullTranscript(std::string_view ref) const;
    /// What `docker run --pull always` prints before it creates: the pull's progress without
    /// "Using default tag" or the final reference ("Image is up to date" once pulled).
    [[nodiscard]] std::string alwaysPullTranscript(std::string_view ref) const;
    /// `docker pull`: the transcript, and the image is now local. Errors (daemon wording):
    /// unknown repository `pull access denied for foo, repository does not exist or may require
    /// 'docker login': denied: requested access to the resource is denied`; unknown tag
    /// `manifest for nginx:9.9 not found: manifest unknown: manifest unknown`; bad reference
    /// `invalid reference format`.
    core::Result<std::string> pull(std::string_view ref);

    /// BuildKit's local build cache: step keys of earlier builds (see dockerfile.hpp).
    void rememberBuildSteps(const std::vector<std::string>& keys) { m_buildCache.insert(keys.begin(), keys.end()); }
    [[nodiscard]] bool hasBuildStep(const std::string& key) const { return m_buildCache.contains(key); }
    /// `docker builder prune`.
    void clearBuildCache() { m_buildCache.clear(); }

private:
    struct Entry {
        std::unique_ptr<ImageConfig> image;
        std::uint64_t seq = 0;  // insertion order
    };
    void addBuiltin(ImageConfig image);
    [[nodiscard]] const Entry* findEntry(std::string_view reference) const;

    std::vector<Entry> m_entries;
    std::set<std::string> m_pulled;  // familiar "repo:tag"
    std::set<std::string> m_buildCache;
    std::uint64_t m_nextSeq = 1;
};

// ---- What the main process of a service image does ------------------------------------------

/// How the main process ends when it cannot start.
struct ServiceExit {
    int exitCode = 1;
    std::vector<std::string> log;  // `docker logs` lines, in order
};

/// nil when the service starts. Otherwise the entrypoint's own error:
/// - mysql (8.0/latest, verified against real output):
///   "<time> [Note] [Entrypoint]: Entrypoint script for MySQL Server 8.0.40-1.el9 started." ...
///   "<time> [ERROR] [Entrypoint]: Database is uninitialized and password option is not specified"
///   "    You need to specify one of the following as an environment variable:" "    - MYSQL_ROOT_PASSWORD" ...
///   needs one of MYSQL_ROOT_PASSWORD / MYSQL_ALLOW_EMPTY_PASSWORD / MYSQL_RANDOM_ROOT_PASSWORD
///   (non-empty); mysql:5.7.8 (2015 entrypoint) prints "error: database is uninitialized and
///   MYSQL_ROOT_PASSWORD not set" / "  Did you forget to add -e MYSQL_ROOT_PASSWORD=... ?" and
///   only knows the first two variables.
/// - postgres: needs POSTGRES_PASSWORD (non-empty) or POSTGRES_HOST_AUTH_METHOD=trust; prints
///   the docker-library text "Error: Database is uninitialized and superuser password is not
///   specified." ... (verified).
/// `env` is the container's whole environment ("NAME=value"; image env + -e). `rfc3339` is the
/// container start time ("2024-10-20T10:24:57Z"), rendered in each service's own log format.
std::optional<ServiceExit> checkServiceStart(const ImageConfig& image, const std::vector<std::string>& env,
                                             std::string_view rfc3339);
std::vector<std::string> mysqlMissingPasswordLog(const ImageConfig& image, std::string_view rfc3339);
std::vector<std::string> postgresMissingPasswordLog();

/// `docker logs` of a healthy nginx (official image, 1.25+ entrypoint; checked against real
/// logs): the /docker-entrypoint.sh lines ("... is not empty, will attempt to perform
/// configuration", ..., "Configuration complete; ready for start up"), then nginx's notices
/// ("using the \"epoll\" event method", "nginx/1.27.2", "built by gcc ...", "OS: Linux ...",
/// "getrlimit(RLIMIT_NOFILE): ...", "start worker processes", one "start worker process N" per
/// CPU). `rfc3339` becomes nginx's "2024/10/20 10:24:57". `compiler`: what built it (nginx:alpine's
/// is "gcc 13.2.1 20240309 (Alpine 13.2.1_git20240309)").
std::vector<std::string> nginxStartupLog(std::string_view rfc3339, int workerProcesses = 2, int firstWorkerPid = 29,
                                         std::string_view nginxVersion = "1.27.2",
                                         std::string_view kernelRelease = "6.1.0-26-amd64",
                                         std::string_view compiler = "gcc 12.2.0 (Debian 12.2.0-14)");
/// `docker logs` of an nginx whose port 80 is taken (host mode; docker-facts 4): the entrypoint
/// lines, then 5 rounds of `[emerg] 1#1: bind() to 0.0.0.0:80 failed (98: Address already in
/// use)` (each twice: error log and stderr), the same for [::]:80 when `ipv6`, "[notice] 1#1:
/// try again to bind() after 500ms" (time advancing 500 ms per round), and finally
/// "still could not bind()". The container exits with code 1.
std::vector<std::string> nginxBindFailureLog(std::string_view rfc3339, std::uint16_t port = 80, bool ipv6 = true);

}  // namespace sim::docker
