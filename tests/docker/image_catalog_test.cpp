// Built-in images, references, pull transcripts and the service logs.
#include <catch2/catch.hpp>

#include "sim/docker/image_catalog.hpp"

using namespace sim;
using namespace sim::docker;

TEST_CASE("images: references normalise to the same image") {
    ImageCatalog c;
    const ImageConfig* n = c.find("nginx");
    REQUIRE(n);
    REQUIRE(c.find("nginx:latest") == n);
    REQUIRE(c.find("docker.io/library/nginx:latest") == n);
    REQUIRE(c.find("library/nginx") == n);
    REQUIRE(c.find(n->id) == n);
    REQUIRE(c.find(n->shortId()) == n);
    REQUIRE(c.find("nginx@" + n->repoDigest) == n);
    REQUIRE(c.find("nginx:9.9") == nullptr);
    REQUIRE(c.find("nosuchimage") == nullptr);
    REQUIRE(n->id.starts_with("sha256:"));
    REQUIRE(n->id.size() == 71);
    REQUIRE(n->reference() == "nginx:latest");
    REQUIRE(parseImageReference("Nginx").error().message ==
            "invalid reference format: repository name (library/Nginx) must be lowercase");
    REQUIRE(parseImageReference("me/app:v1")->full() == "docker.io/me/app:v1");
}

TEST_CASE("images: the built-ins and their tags") {
    ImageCatalog c;
    for (const char* ref : {"nginx", "httpd", "mysql", "mysql:8.0", "mysql:5.7.8", "postgres", "redis", "busybox", "alpine",
                            "ubuntu", "ubuntu:22.04", "debian", "debian:bookworm"})
        REQUIRE(c.find(ref));
    REQUIRE(c.find("debian:bookworm")->id == c.find("debian:latest")->id);
    REQUIRE(c.find("ubuntu:22.04")->id != c.find("ubuntu:latest")->id);
    REQUIRE(c.find("nginx")->exposedPorts == std::vector<std::pair<std::uint16_t, PortProto>>{{80, PortProto::Tcp}});
    const auto mysqlPorts = c.find("mysql:8.0")->exposedPorts;
    REQUIRE(mysqlPorts == std::vector<std::pair<std::uint16_t, PortProto>>{{3306, PortProto::Tcp}, {33060, PortProto::Tcp}});
    REQUIRE(c.find("mysql:5.7.8")->exposedPorts.size() == 1);
    REQUIRE(c.find("nginx")->entrypoint == std::vector<std::string>{"/docker-entrypoint.sh"});
    REQUIRE(c.find("nginx")->cmd == std::vector<std::string>{"nginx", "-g", "daemon off;"});
    REQUIRE(c.find("nginx")->envValue("NGINX_VERSION") == "1.27.2");
    REQUIRE(c.find("mysql")->service == Service::Mysql);
    REQUIRE(humanSize(double(c.find("nginx")->sizeBytes)) == "192MB");
    REQUIRE(humanSize(double(c.find("busybox")->sizeBytes)) == "4.27MB");
    REQUIRE(humanSize(232) == "232B");
}

TEST_CASE("images: which tools each image really has") {
    ImageCatalog c;
    for (const char* svc : {"nginx", "httpd", "mysql", "mysql:5.7.8", "postgres", "redis", "ubuntu", "debian"}) {
        const ImageConfig* i = c.find(svc);
        INFO(svc);
        for (const char* missing : {"ping", "ip", "ifconfig", "arp", "nslookup", "ss"}) REQUIRE_FALSE(i->hasTool(missing));
        REQUIRE(i->hasTool("sh"));
        REQUIRE(i->hasTool("bash"));
        REQUIRE(i->hasTool("cat"));
    }
    REQUIRE(c.find("nginx")->hasTool("curl"));  // nginx's Dockerfile keeps curl
    REQUIRE_FALSE(c.find("httpd")->hasTool("curl"));
    for (const char* bb : {"busybox", "alpine"}) {
        const ImageConfig* i = c.find(bb);
        for (const char* t : {"ping", "ip", "ifconfig", "arp", "route", "netstat", "nslookup", "wget", "nc", "hostname"})
            REQUIRE(i->hasTool(t));
        REQUIRE_FALSE(i->hasTool("bash"));
        REQUIRE_FALSE(i->hasTool("curl"));
    }
    REQUIRE(c.find("alpine")->userland == Userland::Alpine);
    REQUIRE(c.find("busybox")->userland == Userland::Busybox);
    REQUIRE(c.find("mysql:8.0")->packageManager == PackageManager::Microdnf);
    REQUIRE(c.find("mysql:5.7.8")->packageManager == PackageManager::Apt);
}

TEST_CASE("images: docker pull transcript, pulled state and errors") {
    ImageCatalog c;
    REQUIRE_FALSE(c.isPulled("nginx"));
    REQUIRE(c.list().empty());
    const std::string t = c.pullTranscript("nginx");
    REQUIRE(t.starts_with("Using default tag: latest\nlatest: Pulling from library/nginx\n"));
    REQUIRE(t.find(": Pull complete\n") != std::string::npos);
    REQUIRE(t.find("Digest: " + c.find("nginx")->repoDigest + "\n") != std::string::npos);
    REQUIRE(t.find("Status: Downloaded newer image for nginx:latest\n") != std::string::npos);
    REQUIRE(t.ends_with("docker.io/library/nginx:latest\n"));
    REQUIRE(t == c.pullTranscript("nginx"));  // deterministic
    REQUIRE_FALSE(c.pullTranscript("mysql:8.0").starts_with("Using default tag"));

    const std::string run = c.runPullTranscript("nginx");
    REQUIRE(run.starts_with("Unable to find image 'nginx:latest' locally\nlatest: Pulling from library/nginx\n"));
    REQUIRE(run.find("docker.io/library/nginx:latest") == std::string::npos);

    REQUIRE(c.pull("nginx"));
    REQUIRE(c.isPulled("nginx:latest"));
    REQUIRE(c.pullTranscript("nginx").find("Status: Image is up to date for nginx:latest") != std::string::npos);
    REQUIRE(c.list().size() == 1);

    REQUIRE(c.pull("nginx:9.9").error().message == "manifest for nginx:9.9 not found: manifest unknown: manifest unknown");
    REQUIRE(c.pull("nosuch").error().message ==
            "pull access denied for nosuch, repository does not exist or may require 'docker login': denied: requested "
            "access to the resource is denied");
}

TEST_CASE("images: a built image takes over its tag — the old one becomes dangling") {
    ImageCatalog c;
    ImageConfig a = *c.find("debian");
    a.repository = "app";
    a.tag = "latest";
    a.id = "sha256:" + digestHex("a");
    a.created = "2024-10-20T10:00:00Z";
    c.add(a);
    REQUIRE(c.isPulled("app"));
    ImageConfig b = a;
    b.id = "sha256:" + digestHex("b");
    b.created = "2024-10-20T11:00:00Z";
    c.add(b);
    REQUIRE(c.find("app")->id == b.id);
    const auto images = c.list();
    REQUIRE(images.size() == 2);
    REQUIRE(images[0]->id == b.id);  // newest first
    REQUIRE(images[1]->isDangling());
    REQUIRE(images[1]->reference() == "<none>:<none>");
    c.add(b);  // identical rebuild: nothing new
    REQUIRE(c.list().size() == 2);
}

TEST_CASE("services: mysql and postgres refuse to start without a password") {
    ImageCatalog c;
    const ImageConfig& mysql = *c.find("mysql:8.0");
    auto fail = checkServiceStart(mysql, mysql.env, "2024-10-20T10:24:57Z");
    REQUIRE(fail);
    REQUIRE(fail->exitCode == 1);
    REQUIRE(fail->log == std::vector<std::string>{
                             "2024-10-20 10:24:57+00:00 [Note] [Entrypoint]: Entrypoint script for MySQL Server 8.0.40-1.el9 started.",
                             "2024-10-20 10:24:57+00:00 [Note] [Entrypoint]: Switching to dedicated user 'mysql'",
                             "2024-10-20 10:24:57+00:00 [Note] [Entrypoint]: Entrypoint script for MySQL Server 8.0.40-1.el9 started.",
                             "2024-10-20 10:24:57+00:00 [ERROR] [Entrypoint]: Database is uninitialized and password option is not specified",
                             "    You need to specify one of the following as an environment variable:",
                             "    - MYSQL_ROOT_PASSWORD",
                             "    - MYSQL_ALLOW_EMPTY_PASSWORD",
                             "    - MYSQL_RANDOM_ROOT_PASSWORD",
                         });
    auto env = mysql.env;
    env.push_back("MYSQL_ROOT_PASSWORD=1234");
    REQUIRE_FALSE(checkServiceStart(mysql, env, "2024-10-20T10:24:57Z"));
    env.back() = "MYSQL_ROOT_PASSWORD=";  // empty counts as unset
    REQUIRE(checkServiceStart(mysql, env, "2024-10-20T10:24:57Z"));

    const ImageConfig& old = *c.find("mysql:5.7.8");
    auto oldFail = checkServiceStart(old, old.env, "2024-10-20T10:24:57Z");
    REQUIRE(oldFail->log.front() == "error: database is uninitialized and MYSQL_ROOT_PASSWORD not set");
    auto rnd = old.env;
    rnd.push_back("MYSQL_RANDOM_ROOT_PASSWORD=yes");  // unknown to the 2015 entrypoint
    REQUIRE(checkServiceStart(old, rnd, "2024-10-20T10:24:57Z"));

    const ImageConfig& pg = *c.find("postgres");
    auto pgFail = checkServiceStart(pg, pg.env, "2024-10-20T10:24:57Z");
    REQUIRE(pgFail->log.front() == "Error: Database is uninitialized and superuser password is not specified.");
    auto trust = pg.env;
    trust.push_back("POSTGRES_HOST_AUTH_METHOD=trust");
    REQUIRE_FALSE(checkServiceStart(pg, trust, "2024-10-20T10:24:57Z"));
    REQUIRE_FALSE(checkServiceStart(*c.find("nginx"), {}, "2024-10-20T10:24:57Z"));
}

TEST_CASE("services: nginx logs") {
    const auto ok = nginxStartupLog("2024-10-20T10:24:57.5Z", 2);
    REQUIRE(ok.front() == "/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration");
    REQUIRE(ok[8] == "/docker-entrypoint.sh: Configuration complete; ready for start up");
    REQUIRE(ok[9] == "2024/10/20 10:24:57 [notice] 1#1: using the \"epoll\" event method");
    REQUIRE(ok[10] == "2024/10/20 10:24:57 [notice] 1#1: nginx/1.27.2");
    REQUIRE(ok.back() == "2024/10/20 10:24:57 [notice] 1#1: start worker process 30");

    const auto bad = nginxBindFailureLog("2024-08-26T10:24:57Z");
    REQUIRE(bad[8] == "/docker-entrypoint.sh: Configuration complete; ready for start up");
    REQUIRE(bad[9] == "2024/08/26 10:24:57 [emerg] 1#1: bind() to 0.0.0.0:80 failed (98: Address already in use)");
    REQUIRE(bad[10] == "nginx: [emerg] bind() to 0.0.0.0:80 failed (98: Address already in use)");
    REQUIRE(bad[11] == "2024/08/26 10:24:57 [emerg] 1#1: bind() to [::]:80 failed (98: Address already in use)");
    REQUIRE(bad[13] == "2024/08/26 10:24:57 [notice] 1#1: try again to bind() after 500ms");
    REQUIRE(bad[14].starts_with("2024/08/26 10:24:57 [emerg]"));  // second round, +500 ms
    REQUIRE(bad[19].starts_with("2024/08/26 10:24:58 [emerg]"));  // third round, +1 s
    REQUIRE(bad[bad.size() - 2] == "2024/08/26 10:24:59 [emerg] 1#1: still could not bind()");
    REQUIRE(bad.back() == "nginx: [emerg] still could not bind()");
    REQUIRE(bad.size() == 9 + 5 * 5 + 2);
    REQUIRE(nginxBindFailureLog("2024-12-31T23:59:59Z", 80, false).back() == "nginx: [emerg] still could not bind()");
    REQUIRE(nginxBindFailureLog("2024-12-31T23:59:59Z", 80, false)[21].starts_with("2025/01/01 00:00:01"));
}
