// docker build: parsing, the RUN interpreter, the BuildKit transcript and its errors.
#include <catch2/catch.hpp>

#include "sim/docker/dockerfile.hpp"

using namespace sim;
using namespace sim::docker;

namespace {

// The tutorial's file (docker-network-modes.ko.md): two stages pasted into one Dockerfile.
constexpr const char* kTutorial =
    "FROM nginx:latest\n"
    "RUN apt-get update\n"
    "RUN apt-get install -y net-tools\n"
    "RUN apt-get install -y iputils-ping\n"
    "\n"
    "FROM mysql:5.7.8\n"
    "RUN apt-get update\n"
    "RUN apt-get install -y net-tools\n"
    "RUN apt-get install -y iputils-ping\n";

std::string failureOf(const ImageCatalog& c, std::string_view text, std::string tag = "t") {
    auto r = buildImage(c, text, std::move(tag));
    REQUIRE_FALSE(r.has_value());
    return std::string(lastLine(r.error().message));
}

bool contains(const std::string& hay, std::string_view needle) { return hay.find(needle) != std::string::npos; }

}  // namespace

TEST_CASE("build: the tutorial's two-stage file builds only the last (mysql) stage") {
    ImageCatalog c;
    auto r = buildAndStore(c, kTutorial, "mysql-custom");
    REQUIRE(r);
    const ImageConfig& img = r->image;
    REQUIRE(img.repository == "mysql-custom");
    REQUIRE(img.tag == "latest");
    REQUIRE(img.service == Service::Mysql);
    REQUIRE(img.hasTool("ifconfig"));
    REQUIRE(img.hasTool("ping"));
    REQUIRE(img.hasTool("netstat"));
    REQUIRE_FALSE(img.hasTool("ip"));
    REQUIRE(img.exposedPorts == c.find("mysql:5.7.8")->exposedPorts);
    REQUIRE(img.sizeBytes > c.find("mysql:5.7.8")->sizeBytes);
    REQUIRE(c.find("mysql-custom")->id == img.id);
    REQUIRE(c.isPulled("mysql-custom"));

    const std::string& t = r->transcript;
    REQUIRE(t.starts_with("#0 building with \"default\" instance using docker driver\n\n"
                          "#1 [internal] load build definition from Dockerfile\n"
                          "#1 transferring dockerfile: "));
    REQUIRE(contains(t, "#2 [internal] load metadata for docker.io/library/mysql:5.7.8\n"));
    REQUIRE_FALSE(contains(t, "load metadata for docker.io/library/nginx"));  // the unused stage is skipped
    REQUIRE(contains(t, "#3 [internal] load .dockerignore\n#3 transferring context: 2B done\n#3 DONE 0.0s\n"));
    REQUIRE(contains(t, "#4 [stage-1 1/4] FROM docker.io/library/mysql:5.7.8@" + c.find("mysql:5.7.8")->repoDigest + "\n"));
    REQUIRE(contains(t, "#5 [stage-1 2/4] RUN apt-get update\n"));
    REQUIRE(contains(t, "Get:7 http://httpredir.debian.org jessie/main amd64 Packages"));
    REQUIRE(contains(t, "#6 [stage-1 3/4] RUN apt-get install -y net-tools\n"));
    REQUIRE(contains(t, "Setting up net-tools (1.60-26+b1) ...\n"));
    REQUIRE(contains(t, "#7 [stage-1 4/4] RUN apt-get install -y iputils-ping\n"));
    REQUIRE(contains(t, "#8 exporting to image\n#8 exporting layers\n"));
    REQUIRE(contains(t, "#8 writing image " + img.id + " done\n#8 naming to docker.io/library/mysql-custom done\n#8 DONE "));
    REQUIRE(t == buildImage(ImageCatalog{}, kTutorial, "mysql-custom")->transcript);  // deterministic

    SECTION("the second identical build is all CACHED and gives the same image") {
        auto again = buildAndStore(c, kTutorial, "mysql-custom");
        REQUIRE(again);
        REQUIRE(again->image.id == img.id);
        REQUIRE(contains(again->transcript, "#5 [stage-1 2/4] RUN apt-get update\n#5 CACHED\n"));
        REQUIRE(contains(again->transcript, "#8 exporting layers done\n"));
        REQUIRE(c.list().size() == 1);  // no dangling image
    }
}

TEST_CASE("build: the nginx stage alone, with the tutorial's packages") {
    ImageCatalog c;
    auto r = buildImage(c,
                        "FROM nginx:latest\nRUN apt-get update\nRUN apt-get install -y net-tools\n"
                        "RUN apt-get install -y iputils-ping\n",
                        "nginx-custom");
    REQUIRE(r);
    REQUIRE(r->image.service == Service::Nginx);
    REQUIRE(r->image.cmd == c.find("nginx")->cmd);
    REQUIRE(r->image.hasTool("ping"));
    REQUIRE(r->image.hasTool("curl"));
    REQUIRE(contains(r->transcript, "#4 [1/4] FROM docker.io/library/nginx:latest@"));
    REQUIRE(contains(r->transcript, "The following NEW packages will be installed:\n"));
    REQUIRE(contains(r->transcript, "iputils-ping libcap2-bin libpam-cap"));
    REQUIRE(contains(r->transcript, "Get:1 http://deb.debian.org/debian bookworm/main amd64 net-tools amd64 2.10-0.1 [243 kB]"));
}

TEST_CASE("build: apt-get failures like the real images") {
    ImageCatalog c;
    SECTION("unknown package") {
        auto r = buildImage(c, "FROM debian\nRUN apt-get update\nRUN apt-get install -y foo\n", "t");
        REQUIRE_FALSE(r);
        REQUIRE(r.error().code == core::ErrorCode::Conflict);
        const std::string& out = r.error().message;
        REQUIRE(contains(out, " E: Unable to locate package foo\n"));
        REQUIRE(contains(out, "#6 ERROR: process \"/bin/sh -c apt-get install -y foo\" did not complete successfully: exit code: 100\n"
                              "------\n > [3/3] RUN apt-get install -y foo:\n"));
        REQUIRE(contains(out, "Dockerfile:3\n--------------------\n"
                              "   1 |     FROM debian\n"
                              "   2 |     RUN apt-get update\n"
                              "   3 | >>> RUN apt-get install -y foo\n"
                              "   4 |     \n"
                              "--------------------\n"));
        REQUIRE(lastLine(out) ==
                "ERROR: failed to solve: process \"/bin/sh -c apt-get install -y foo\" did not complete successfully: exit code: 100");
    }
    SECTION("install without update: the official images have no package lists") {
        REQUIRE(failureOf(c, "FROM nginx\nRUN apt-get install -y net-tools\n") ==
                "ERROR: failed to solve: process \"/bin/sh -c apt-get install -y net-tools\" did not complete successfully: exit code: 100");
        REQUIRE(buildImage(c, "FROM nginx\nRUN apt-get update && apt-get install -y net-tools\n", "t"));
    }
    SECTION("no -y with extra dependencies aborts") {
        REQUIRE(failureOf(c, "FROM debian\nRUN apt-get update && apt-get install iputils-ping\n") ==
                "ERROR: failed to solve: process \"/bin/sh -c apt-get update && apt-get install iputils-ping\" did not "
                "complete successfully: exit code: 1");
    }
    SECTION("netcat is a virtual package on bookworm") {
        auto r = buildImage(c, "FROM debian\nRUN apt-get update && apt-get install -y netcat\n", "t");
        REQUIRE_FALSE(r);
        REQUIRE(contains(r.error().message, "E: Package 'netcat' has no installation candidate"));
        auto ok = buildImage(c, "FROM debian\nRUN apt-get update && apt-get install -y netcat-openbsd dnsutils procps iproute2\n", "t");
        REQUIRE(ok);
        for (const char* tool : {"nc", "nslookup", "dig", "ps", "ip", "ss"}) REQUIRE(ok->image.hasTool(tool));
    }
    SECTION("apt-get on Alpine, apk on Debian") {
        auto alp = buildImage(c, "FROM alpine\nRUN apt-get update\n", "t");
        REQUIRE_FALSE(alp);
        REQUIRE(contains(alp.error().message, " /bin/sh: apt-get: not found\n"));
        REQUIRE(lastLine(alp.error().message) ==
                "ERROR: failed to solve: process \"/bin/sh -c apt-get update\" did not complete successfully: exit code: 127");
        auto deb = buildImage(c, "FROM nginx\nRUN apk add curl\n", "t");
        REQUIRE_FALSE(deb);
        REQUIRE(contains(deb.error().message, " /bin/sh: 1: apk: not found\n"));
        auto el = buildImage(c, "FROM mysql:8.0\nRUN apt-get update\n", "t");
        REQUIRE(contains(el.error().message, " /bin/sh: line 1: apt-get: command not found\n"));
    }
}

TEST_CASE("build: apk and microdnf") {
    ImageCatalog c;
    auto a = buildImage(c, "FROM alpine:latest\nRUN apk add --no-cache curl bind-tools iproute2\n", "t");
    REQUIRE(a);
    for (const char* tool : {"curl", "nslookup", "dig", "ip", "ss"}) REQUIRE(a->image.hasTool(tool));
    REQUIRE(contains(a->transcript, "fetch https://dl-cdn.alpinelinux.org/alpine/v3.20/main/x86_64/APKINDEX.tar.gz"));
    REQUIRE(contains(a->transcript, "Installing curl (8.10.1-r0)"));
    auto bad = buildImage(c, "FROM alpine\nRUN apk add foo\n", "t");
    REQUIRE_FALSE(bad);
    REQUIRE(contains(bad.error().message, "ERROR: unable to select packages:\n"));
    REQUIRE(contains(bad.error().message, "  foo (no such package):\n"));
    auto m = buildImage(c, "FROM mysql:8.0\nRUN microdnf install -y iputils net-tools\n", "t");
    REQUIRE(m);
    REQUIRE(m->image.hasTool("ping"));
    REQUIRE(m->image.hasTool("ifconfig"));
    REQUIRE(m->image.service == Service::Mysql);
}

TEST_CASE("build: parse errors") {
    ImageCatalog c;
    auto typo = buildImage(c, "FROM nginx\nFRM x\n", "t");
    REQUIRE_FALSE(typo);
    REQUIRE(typo.error().code == core::ErrorCode::InvalidArgument);
    REQUIRE(lastLine(typo.error().message) ==
            "ERROR: failed to solve: dockerfile parse error on line 2: unknown instruction: FRM (did you mean FROM?)");
    REQUIRE(contains(typo.error().message, "   2 | >>> FRM x\n"));
    REQUIRE_FALSE(contains(typo.error().message, "#2 "));  // nothing runs after the definition is loaded
    REQUIRE(failureOf(c, "FROM nginx\nrnn echo\n") ==
            "ERROR: failed to solve: dockerfile parse error on line 2: unknown instruction: rnn (did you mean run?)");
    // The tutorial's code block pasted whole: its `docker build` line is not an instruction.
    REQUIRE(failureOf(c, std::string(kTutorial) + "\ndocker build -t mysql-custom .\n") ==
            "ERROR: failed to solve: dockerfile parse error on line 11: unknown instruction: docker");
    REQUIRE(failureOf(c, "") == "ERROR: failed to solve: the Dockerfile cannot be empty");
    REQUIRE(failureOf(c, "# only a comment\n\n") == "ERROR: failed to solve: file with no instructions");
    REQUIRE(failureOf(c, "RUN echo hi\nFROM nginx\n") == "ERROR: failed to solve: no build stage in current context");
    REQUIRE(failureOf(c, "ARG V=1\n") == "ERROR: failed to solve: dockerfile contains no stages to build");
    REQUIRE(failureOf(c, "FROM nginx\nCOPY app.py\n") ==
            "ERROR: failed to solve: dockerfile parse error on line 2: COPY requires at least two arguments, but only one "
            "was provided. Destination could not be determined");
    REQUIRE(suggestInstruction("FORM") == "FROM");
    REQUIRE(suggestInstruction("ADDD") == "ADD");
    REQUIRE(suggestInstruction("docker").empty());
}

TEST_CASE("build: unknown base images and bad tags") {
    ImageCatalog c;
    REQUIRE(failureOf(c, "FROM nosuch\nRUN echo hi\n") ==
            "ERROR: failed to solve: nosuch: failed to resolve source metadata for docker.io/library/nosuch:latest: pull "
            "access denied, repository does not exist or may require authorization: server message: insufficient_scope: "
            "authorization failed");
    REQUIRE(failureOf(c, "FROM nginx:9.9\n") ==
            "ERROR: failed to solve: nginx:9.9: failed to resolve source metadata for docker.io/library/nginx:9.9: "
            "docker.io/library/nginx:9.9: not found");
    auto bad = buildImage(c, "FROM nginx\n", "Mysql");
    REQUIRE_FALSE(bad);
    REQUIRE(bad.error().message == "ERROR: invalid tag \"Mysql\": repository name must be lowercase\n");
}

TEST_CASE("build: instructions change the image config") {
    ImageCatalog c;
    auto r = buildImage(c,
                        "# syntax=docker/dockerfile:1\n"
                        "ARG BASE=alpine\n"
                        "FROM ${BASE} AS build\n"
                        "RUN echo building\n"
                        "\n"
                        "from debian:bookworm as final\n"
                        "env APP_ENV=prod GREETING=\"hello world\"\n"
                        "WORKDIR /srv\n"
                        "WORKDIR app\n"
                        "COPY --from=build /etc/os-release /srv/\n"
                        "EXPOSE 8080 53/udp 9000-9001\n"
                        "LABEL org.example=yes\n"
                        "USER nobody\n"
                        "RUN apt-get update \\\n"
                        "    # a comment inside a continuation\n"
                        "    && apt-get install -y curl\n"
                        "ENTRYPOINT [\"/usr/bin/curl\"]\n"
                        "CMD [\"-s\", \"http://example.com\"]\n",
                        "me/app:v1");
    REQUIRE(r);
    const ImageConfig& i = r->image;
    REQUIRE(i.repository == "me/app");
    REQUIRE(i.tag == "v1");
    REQUIRE(i.envValue("APP_ENV") == "prod");
    REQUIRE(i.envValue("GREETING") == "hello world");
    REQUIRE(i.workdir == "/srv/app");
    REQUIRE(i.user == "nobody");
    REQUIRE(i.labels.at("org.example") == "yes");
    REQUIRE(i.entrypoint == std::vector<std::string>{"/usr/bin/curl"});
    REQUIRE(i.cmd == std::vector<std::string>{"-s", "http://example.com"});
    REQUIRE(i.exposedPorts == std::vector<std::pair<std::uint16_t, PortProto>>{
                                  {8080, PortProto::Tcp}, {53, PortProto::Udp}, {9000, PortProto::Tcp}, {9001, PortProto::Tcp}});
    REQUIRE(i.hasTool("curl"));
    const std::string& t = r->transcript;
    REQUIRE(contains(t, "[build 2/2] RUN echo building\n"));
    REQUIRE(contains(t, " 0.")); // timestamped RUN output
    REQUIRE(contains(t, "[final 2/5] WORKDIR /srv\n"));
    REQUIRE(contains(t, "[final 4/5] COPY --from=build /etc/os-release /srv/\n"));
    REQUIRE(contains(t, "[final 5/5] RUN apt-get update     && apt-get install -y curl\n"));
    REQUIRE(contains(t, "naming to docker.io/me/app:v1 done\n"));
    REQUIRE(r->warnings.empty());
    // Mixed casing of FROM ... as is a build-check warning.
    auto mixed = buildImage(c, "FROM debian as base\n", "t");
    REQUIRE(mixed->warnings == std::vector<std::string>{"FromAsCasing: 'as' and 'FROM' keywords' casing do not match (line 1)"});
}

TEST_CASE("build: shell-form CMD warns (JSONArgsRecommended) and a new CMD can drop the service") {
    ImageCatalog c;
    auto r = buildImage(c, "FROM nginx\nCMD sleep infinity\n", "t");
    REQUIRE(r);
    REQUIRE(r->image.cmd == std::vector<std::string>{"/bin/sh", "-c", "sleep infinity"});
    REQUIRE(r->image.service == Service::None);
    REQUIRE(r->warnings.size() == 1);
    REQUIRE(r->transcript.ends_with(
        "\n 1 warning found (use docker --debug to expand):\n"
        " - JSONArgsRecommended: JSON arguments recommended for CMD to prevent unintended behavior related to OS signals "
        "(line 2)\n"));
    auto keep = buildImage(c, "FROM nginx\nCMD [\"nginx\", \"-g\", \"daemon off;\"]\n", "t");
    REQUIRE(keep->image.service == Service::Nginx);
    REQUIRE(keep->warnings.empty());
}

TEST_CASE("build: COPY sources are checked against the build context when given") {
    ImageCatalog c;
    BuildOptions o;
    o.contextFiles = std::set<std::string>{"index.html", "conf/nginx.conf"};
    REQUIRE(buildImage(c, "FROM nginx\nCOPY index.html /usr/share/nginx/html/\nCOPY conf /etc/nginx/\n", "t", o));
    auto r = buildImage(c, "FROM nginx\nCOPY app.py /app/\n", "t", o);
    REQUIRE_FALSE(r);
    REQUIRE(r.error().code == core::ErrorCode::NotFound);
    const std::string last(lastLine(r.error().message));
    REQUIRE(last.starts_with("ERROR: failed to solve: failed to compute cache key: failed to calculate checksum of ref "));
    REQUIRE(last.ends_with(": \"/app.py\": not found"));
    REQUIRE(contains(r.error().message, "#5 [internal] load build context\n"));
}

TEST_CASE("build: other shell behaviour") {
    ImageCatalog c;
    REQUIRE(failureOf(c, "FROM debian\nRUN ping -c 1 8.8.8.8\n") ==
            "ERROR: failed to solve: process \"/bin/sh -c ping -c 1 8.8.8.8\" did not complete successfully: exit code: 127");
    REQUIRE(failureOf(c, "FROM busybox\nRUN exit 3\n") ==
            "ERROR: failed to solve: process \"/bin/sh -c exit 3\" did not complete successfully: exit code: 3");
    REQUIRE(buildImage(c, "FROM busybox\nRUN ping -c 1 127.0.0.1 || true\n", "t"));
    REQUIRE(buildImage(c, "FROM debian\nRUN false || echo recovered\n", "t"));
    auto exec = buildImage(c, "FROM debian\nRUN [\"apt-get\", \"install\", \"-y\", \"foo\"]\n", "t");
    REQUIRE(lastLine(exec.error().message) ==
            "ERROR: failed to solve: process \"apt-get install -y foo\" did not complete successfully: exit code: 100");
    auto untagged = buildImage(c, "FROM debian\n", "");
    REQUIRE(untagged);
    REQUIRE(untagged->image.isDangling());
    REQUIRE_FALSE(contains(untagged->transcript, "naming to"));
}
