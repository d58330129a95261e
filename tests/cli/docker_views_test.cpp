// The read-only Docker views (sim/cli/docker_views.hpp): whole outputs compared with the shapes of
// /work/shared/docs/docker-facts.md §2 (ids and times substituted from the engine), the tabwriter
// against real docker outputs, go-units' thresholds, and the lab state document.
#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <vector>

#include "sim/cli/docker_views.hpp"
#include "sim/cli/tab_writer.hpp"

using namespace sim;
using core::JsonValue;

namespace {

std::string replaceAll(std::string text, const std::string& from, const std::string& to) {
    for (std::size_t pos = 0; (pos = text.find(from, pos)) != std::string::npos; pos += to.size())
        text.replace(pos, from.size(), to);
    return text;
}

std::int64_t unixSeconds(const char* rfc3339) { return *cli::parseRfc3339(rfc3339) / 1'000'000'000; }

struct DockerHost {
    explicit DockerHost(docker::DockerEngineConfig config = {}) : engine(kernel, config) {}

    const docker::Container& run(const std::string& name, const std::string& image = "nginx",
                                 const std::string& network = "", std::vector<std::string> publish = {},
                                 bool start = true) {
        docker::ContainerConfig c;
        c.name = name;
        c.image = image;
        c.detach = true;
        if (!network.empty()) c.network = docker::NetworkMode::parse(network);
        for (const auto& p : publish) {
            auto bindings = docker::parsePortSpec(p);
            REQUIRE(bindings);
            c.publish.insert(c.publish.end(), bindings->begin(), bindings->end());
        }
        return runConfig(c, start);
    }

    const docker::Container& runConfig(const docker::ContainerConfig& c, bool start = true) {
        std::vector<std::string> warnings;
        auto id = engine.create(c, warnings);
        REQUIRE(id);
        if (start) {
            auto started = engine.start(*id);
            INFO((started ? std::string() : started.error().message));
            REQUIRE(started);
        }
        const docker::Container* found = engine.findContainer(*id);
        REQUIRE(found);
        return *found;
    }

    void at(std::int64_t seconds) { kernel.scheduler().runUntil(core::SimTime() + core::seconds(seconds)); }
    void atMillis(std::int64_t ms) { kernel.scheduler().runUntil(core::SimTime() + core::millis(ms)); }

    net::Kernel kernel;
    docker::DockerEngine engine;
};

std::vector<std::string> keys(const JsonValue& object) {
    std::vector<std::string> out;
    for (const auto& [k, v] : object.items()) out.push_back(k);
    return out;
}


cli::PsOptions psOpts(bool all, bool quiet = false, bool noTrunc = false, std::optional<std::string> format = std::nullopt) {
    cli::PsOptions o;
    o.all = all;
    o.quiet = quiet;
    o.noTrunc = noTrunc;
    o.format = std::move(format);
    return o;
}

cli::NetworkLsOptions lsOpts(bool quiet, bool noTrunc = false, std::optional<std::string> format = std::nullopt) {
    cli::NetworkLsOptions o;
    o.quiet = quiet;
    o.noTrunc = noTrunc;
    o.format = std::move(format);
    return o;
}

cli::ImagesOptions imagesOpts(bool quiet, bool noTrunc = false, std::optional<std::string> format = std::nullopt) {
    cli::ImagesOptions o;
    o.quiet = quiet;
    o.noTrunc = noTrunc;
    o.format = std::move(format);
    return o;
}

docker::NetworkCreateOptions netOpts(const std::string& name, bool internal = false) {
    docker::NetworkCreateOptions o;
    o.name = name;
    o.internal = internal;
    return o;
}

}  // namespace

// ---- humanDuration and the other Go helpers ---------------------------------------------------

TEST_CASE("humanDuration follows go-units' thresholds", "[docker_views]") {
    using core::millis;
    using core::seconds;
    const std::int64_t minute = 60, hour = 3600, day = 86400;
    CHECK(cli::humanDuration(core::micros(0)) == "Less than a second");
    CHECK(cli::humanDuration(millis(999)) == "Less than a second");
    CHECK(cli::humanDuration(seconds(-30)) == "Less than a second");
    CHECK(cli::humanDuration(seconds(1)) == "1 second");
    CHECK(cli::humanDuration(millis(1999)) == "1 second");
    CHECK(cli::humanDuration(seconds(2)) == "2 seconds");
    CHECK(cli::humanDuration(seconds(59)) == "59 seconds");
    CHECK(cli::humanDuration(seconds(60)) == "About a minute");
    CHECK(cli::humanDuration(seconds(119)) == "About a minute");
    CHECK(cli::humanDuration(seconds(120)) == "2 minutes");
    CHECK(cli::humanDuration(seconds(hour - 1)) == "59 minutes");
    CHECK(cli::humanDuration(seconds(hour)) == "About an hour");
    CHECK(cli::humanDuration(seconds(89 * minute)) == "About an hour");  // hours are rounded
    CHECK(cli::humanDuration(seconds(90 * minute)) == "2 hours");
    CHECK(cli::humanDuration(seconds(47 * hour + 29 * minute)) == "47 hours");
    CHECK(cli::humanDuration(seconds(47 * hour + 30 * minute)) == "2 days");
    CHECK(cli::humanDuration(seconds(13 * day + 11 * hour)) == "13 days");
    CHECK(cli::humanDuration(seconds(14 * day)) == "2 weeks");
    CHECK(cli::humanDuration(seconds(59 * day)) == "8 weeks");
    CHECK(cli::humanDuration(seconds(60 * day)) == "2 months");
    CHECK(cli::humanDuration(seconds(729 * day)) == "24 months");
    CHECK(cli::humanDuration(seconds(730 * day)) == "2 years");
    CHECK(cli::humanDuration(seconds(3650 * day)) == "10 years");
}

TEST_CASE("natural order, strconv.Quote, Ellipsis, TruncateID and time strings", "[docker_views]") {
    CHECK(cli::naturalLess("net2", "net10"));
    CHECK_FALSE(cli::naturalLess("net10", "net2"));
    CHECK(cli::naturalLess("bridge", "host"));
    CHECK(cli::naturalLess("a1b", "a01"));  // equal numbers: fewer leading zeros first
    CHECK_FALSE(cli::naturalLess("a01", "a1b"));
    CHECK(cli::naturalLess("80/tcp -> 0.0.0.0:8080", "443/tcp -> 0.0.0.0:8443"));
    CHECK(cli::naturalLess("1", "a"));  // digits first

    CHECK(cli::strconvQuote("nginx -g 'daemon off;'") == "\"nginx -g 'daemon off;'\"");
    CHECK(cli::strconvQuote("a\"b\\c\n\t\x01") == "\"a\\\"b\\\\c\\n\\t\\x01\"");
    CHECK(cli::strconvQuote("/docker-entrypoint.…") == "\"/docker-entrypoint.…\"");
    CHECK(cli::strconvQuote("\xff") == "\"\\xff\"");

    CHECK(cli::ellipsis("/docker-entrypoint.sh nginx -g 'daemon off;'", 20) == "/docker-entrypoint.…");
    CHECK(cli::ellipsis("short", 20) == "short");
    CHECK(cli::ellipsis("exactly-twenty-chars", 20) == "exactly-twenty-chars");
    CHECK(cli::ellipsis("ünïcödé-text-longer-than-twenty", 20) == "ünïcödé-text-longer…");

    CHECK(cli::truncateId("sha256:c1366e4770cc2afabd685a16914a9f64046e6a6217e7c31ed37d7918920090df") == "c1366e4770cc");
    CHECK(cli::truncateId("4f29fe6cf5ec0123") == "4f29fe6cf5ec");

    const auto t = cli::parseRfc3339("2024-11-04T09:00:00.000000417Z");
    REQUIRE(t);
    CHECK(*t == std::int64_t(1730710800) * 1'000'000'000 + 417);
    CHECK(cli::goTimeString(*t) == "2024-11-04 09:00:00.000000417 +0000 UTC");
    CHECK(cli::goTimeString(std::int64_t(1730710800) * 1'000'000'000) == "2024-11-04 09:00:00 +0000 UTC");
    CHECK(*cli::parseRfc3339("2024-06-27T12:14:34.070599327+02:00") ==
          *cli::parseRfc3339("2024-06-27T10:14:34.070599327Z"));
    CHECK_FALSE(cli::parseRfc3339("2024-06-27 12:14:34Z"));
    CHECK_FALSE(cli::parseRfc3339("2024-06-27T12:14:34"));
}

// ---- the tabwriter against real docker outputs (docker-facts §2.3, §2.4) ------------------------

TEST_CASE("tabwriter reproduces docker network ls and docker ps as Docker prints them", "[docker_views][tabwriter]") {
    const std::string networkLs =
        "NETWORK ID\tNAME\tDRIVER\tSCOPE\n"
        "4f29fe6cf5ec\tbridge\tbridge\tlocal\n"
        "cd76f883677e\thost\thost\tlocal\n"
        "6ba5f58b1408\tnone\tnull\tlocal\n";
    CHECK(cli::tabwrite(networkLs) ==
          "NETWORK ID     NAME      DRIVER    SCOPE\n"
          "4f29fe6cf5ec   bridge    bridge    local\n"
          "cd76f883677e   host      host      local\n"
          "6ba5f58b1408   none      null      local\n");

    const std::string ps =
        "CONTAINER ID\tIMAGE\tCOMMAND\tCREATED\tSTATUS\tPORTS\tNAMES\n"
        "15425efc4f5c\tnginx\t\"/docker-entrypoint.…\"\t2 minutes ago\tExited (1) 2 minutes ago\t\tweb04\n"
        "c80c82ce8d00\tnginx\t\"/docker-entrypoint.…\"\t12 minutes ago\tUp 12 minutes\t\tweb02\n"
        "32411c08ea57\tnginx\t\"/docker-entrypoint.…\"\t14 minutes ago\tUp 14 minutes\t0.0.0.0:8080->80/tcp, :::8080->80/tcp\tweb01\n";
    // The docker-facts sample is an excerpt of a longer listing: its STATUS column is 28 wide,
    // one more than its longest cell ("Exited (1) 2 minutes ago", 24) + 3, so a row with a
    // 25-character status was cut from it. Every other column is exactly as printed there.
    CHECK(cli::tabwrite(ps) ==
          "CONTAINER ID   IMAGE     COMMAND                  CREATED          STATUS                     PORTS                                   NAMES\n"
          "15425efc4f5c   nginx     \"/docker-entrypoint.…\"   2 minutes ago    Exited (1) 2 minutes ago                                           web04\n"
          "c80c82ce8d00   nginx     \"/docker-entrypoint.…\"   12 minutes ago   Up 12 minutes                                                      web02\n"
          "32411c08ea57   nginx     \"/docker-entrypoint.…\"   14 minutes ago   Up 14 minutes              0.0.0.0:8080->80/tcp, :::8080->80/tcp   web01\n");
    // With such a row (status of 25 characters) the sample's rows come out byte for byte.
    const std::string withLonger = cli::tabwrite(ps + "0123456789ab\tnginx\t\"/docker-entrypoint.…\"\t14 minutes ago\tExited (0) 14 minutes ago\t\tweb00\n");
    CHECK(withLonger.starts_with(
          "CONTAINER ID   IMAGE     COMMAND                  CREATED          STATUS                      PORTS                                   NAMES\n"
          "15425efc4f5c   nginx     \"/docker-entrypoint.…\"   2 minutes ago    Exited (1) 2 minutes ago                                            web04\n"
          "c80c82ce8d00   nginx     \"/docker-entrypoint.…\"   12 minutes ago   Up 12 minutes                                                       web02\n"
          "32411c08ea57   nginx     \"/docker-entrypoint.…\"   14 minutes ago   Up 14 minutes               0.0.0.0:8080->80/tcp, :::8080->80/tcp   web01\n"));
}

TEST_CASE("tabwriter column blocks, single-cell lines and flushes", "[docker_views][tabwriter]") {
    // Columns are blocks of consecutive lines: a line without the column ends the block.
    CHECK(cli::tabwrite("a\tb\tc\naaaaaaaaaaaaaa\tb\n") == "a                b         c\naaaaaaaaaaaaaa   b\n");
    CHECK(cli::tabwrite("x\ty\nno tabs here\nlonger cell\tz\n") == "x         y\nno tabs here\nlonger cell   z\n");
    // Header only (an empty `docker ps`).
    CHECK(cli::tabwrite("CONTAINER ID\tIMAGE\tCOMMAND\tCREATED\tSTATUS\tPORTS\tNAMES\n") ==
          "CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES\n");
    // Display width, not bytes: "…" and "é" are one column each, CJK two.
    CHECK(cli::displayWidth("…é") == 2);
    CHECK(cli::displayWidth("日本") == 4);
    CHECK(cli::tabwrite("日本\tx\nab\ty\n") == "日本      x\nab        y\n");
    // Text written in pieces, without a final newline.
    cli::TabWriter w;
    w.write("ab");
    w.write("c\td\nefgh");
    w.write("ijklmn\tx");
    CHECK(w.flush() == "abc          d\nefghijklmn   x");
}

// ---- docker network inspect / ls ------------------------------------------------------------

TEST_CASE("docker network inspect bridge with one running container matches docker-facts 2.1", "[docker_views]") {
    DockerHost lab;
    const auto& web = lab.run("alpine2", "nginx");
    const docker::Network* bridge = lab.engine.findNetwork("bridge");
    REQUIRE(bridge);
    const docker::Endpoint* ep = lab.engine.endpoint(web.endpoints.at(bridge->id));
    REQUIRE(ep);

    std::string expected = R"([
    {
        "Name": "bridge",
        "Id": "{NETWORK_ID}",
        "Created": "{CREATED}",
        "Scope": "local",
        "Driver": "bridge",
        "EnableIPv6": false,
        "IPAM": {
            "Driver": "default",
            "Options": null,
            "Config": [
                {
                    "Subnet": "172.17.0.0/16",
                    "Gateway": "172.17.0.1"
                }
            ]
        },
        "Internal": false,
        "Attachable": false,
        "Ingress": false,
        "ConfigFrom": {
            "Network": ""
        },
        "ConfigOnly": false,
        "Containers": {
            "{CONTAINER_ID}": {
                "Name": "alpine2",
                "EndpointID": "{ENDPOINT_ID}",
                "MacAddress": "02:42:ac:11:00:02",
                "IPv4Address": "172.17.0.2/16",
                "IPv6Address": ""
            }
        },
        "Options": {
            "com.docker.network.bridge.default_bridge": "true",
            "com.docker.network.bridge.enable_icc": "true",
            "com.docker.network.bridge.enable_ip_masquerade": "true",
            "com.docker.network.bridge.host_binding_ipv4": "0.0.0.0",
            "com.docker.network.bridge.name": "docker0",
            "com.docker.network.driver.mtu": "1500"
        },
        "Labels": {}
    }
])";
    expected = replaceAll(expected, "{NETWORK_ID}", bridge->id);
    expected = replaceAll(expected, "{CREATED}", lab.engine.timestamp(bridge->created));
    expected = replaceAll(expected, "{CONTAINER_ID}", web.id);
    expected = replaceAll(expected, "{ENDPOINT_ID}", ep->id);
    // The CLI prints the array of inspected objects, json.Indent'ed.
    const JsonValue printed = JsonValue::array().push(cli::networkInspect(lab.engine, *bridge));
    CHECK(printed.toIndentedString() == expected);
    CHECK(lab.engine.timestamp(bridge->created) == "2024-11-04T09:00:00.000000417Z");

    // Stopped containers have no endpoint and disappear from Containers.
    REQUIRE(lab.engine.stop("alpine2"));
    CHECK(cli::networkInspect(lab.engine, *bridge).find("Containers")->empty());
}

TEST_CASE("docker network inspect of a user-defined bridge and of host matches docker-facts 2.2", "[docker_views]") {
    DockerHost lab;
    auto id = lab.engine.createNetwork(netOpts("alpine-net"));
    REQUIRE(id);
    const docker::Network* net = lab.engine.findNetwork("alpine-net");
    std::string expected = R"({
    "Name": "alpine-net",
    "Id": "{ID}",
    "Created": "{CREATED}",
    "Scope": "local",
    "Driver": "bridge",
    "EnableIPv6": false,
    "IPAM": {
        "Driver": "default",
        "Options": {},
        "Config": [
            {
                "Subnet": "172.18.0.0/16",
                "Gateway": "172.18.0.1"
            }
        ]
    },
    "Internal": false,
    "Attachable": false,
    "Ingress": false,
    "ConfigFrom": {
        "Network": ""
    },
    "ConfigOnly": false,
    "Containers": {},
    "Options": {},
    "Labels": {}
})";
    expected = replaceAll(replaceAll(expected, "{ID}", net->id), "{CREATED}", lab.engine.timestamp(net->created));
    CHECK(cli::networkInspect(lab.engine, *net).toIndentedString() == expected);

    // host lists host-mode containers, with empty MAC and addresses; IPAM Config [] (≤27).
    const auto& h = lab.run("web", "nginx", "host");
    const JsonValue host = cli::networkInspect(lab.engine, *lab.engine.findNetwork("host"));
    CHECK(host.find("Driver")->asString() == "host");
    CHECK(host.find("IPAM")->find("Options")->isNull());
    CHECK(host.find("IPAM")->find("Config")->toCompactString() == "[]");
    const JsonValue* entry = host.find("Containers")->find(h.id);
    REQUIRE(entry);
    CHECK(entry->toCompactString() ==
          R"({"Name":"web","EndpointID":")" + lab.engine.endpoint(h.endpoints.begin()->second)->id +
              R"(","MacAddress":"","IPv4Address":"","IPv6Address":""})");
    CHECK(cli::networkInspect(lab.engine, *lab.engine.findNetwork("none")).find("Driver")->asString() == "null");
}

TEST_CASE("docker network ls on a fresh engine, sorted naturally, -q and --format", "[docker_views]") {
    DockerHost lab;
    auto id = [&](const char* name) { return lab.engine.findNetwork(name)->id.substr(0, 12); };
    CHECK(*cli::networkLsTable(lab.engine, {}) == "NETWORK ID     NAME      DRIVER    SCOPE\n" + id("bridge") +
                                                      "   bridge    bridge    local\n" + id("host") +
                                                      "   host      host      local\n" + id("none") +
                                                      "   none      null      local\n");

    REQUIRE(lab.engine.createNetwork(netOpts("net10")));
    REQUIRE(lab.engine.createNetwork(netOpts("net2", true)));
    CHECK(*cli::networkLsTable(lab.engine, lsOpts(false, false, "{{.Name}}")) == "bridge\nhost\nnet2\nnet10\nnone\n");
    CHECK(*cli::networkLsTable(lab.engine, lsOpts(true)) ==
          id("bridge") + "\n" + id("host") + "\n" + id("net2") + "\n" + id("net10") + "\n" + id("none") + "\n");
    CHECK(*cli::networkLsTable(lab.engine, lsOpts(true, true)) ==
          lab.engine.findNetwork("bridge")->id + "\n" + lab.engine.findNetwork("host")->id + "\n" +
              lab.engine.findNetwork("net2")->id + "\n" + lab.engine.findNetwork("net10")->id + "\n" +
              lab.engine.findNetwork("none")->id + "\n");
    CHECK(*cli::networkLsTable(lab.engine, lsOpts(false, false, "table {{.Name}}\\t{{.Internal}}\\t{{.CreatedAt}}")) ==
          "NAME      INTERNAL   CREATED AT\n"
          "bridge    false      2024-11-04 09:00:00.000000417 +0000 UTC\n"
          "host      false      2024-11-04 09:00:00.000000417 +0000 UTC\n"
          "net2      true       2024-11-04 09:00:00.000000417 +0000 UTC\n"
          "net10     false      2024-11-04 09:00:00.000000417 +0000 UTC\n"
          "none      false      2024-11-04 09:00:00.000000417 +0000 UTC\n");
    auto bad = cli::networkLsTable(lab.engine, lsOpts(false, false, "{{.Name"));
    REQUIRE_FALSE(bad);
    CHECK(bad.error().message.starts_with("template parsing error: template: :1: "));
}

// ---- docker ps ------------------------------------------------------------------------------

TEST_CASE("docker ps -a: Up, Exited and Created rows with a published port (docker-facts 2.4, CLI 27.2+ brackets)",
          "[docker_views]") {
    DockerHost lab;
    // The lab behind the docker-facts sample: web01 publishes 8080, web02 and web04 run in host
    // mode; web04's nginx cannot bind port 80 and exits with code 1 after its retries (2.5 s).
    const auto& web01 = lab.run("web01", "nginx", "", {"8080:80"});
    lab.at(120);
    const auto& web02 = lab.run("web02", "nginx", "host");
    lab.atMillis(717'000);
    const auto& web04 = lab.run("web04", "nginx", "host");
    lab.atMillis(718'000);
    docker::ContainerConfig created;
    created.name = "web05";
    created.image = "nginx";
    const auto& web05 = lab.runConfig(created, false);
    lab.at(840);
    REQUIRE(web04.status == docker::ContainerStatus::Exited);
    REQUIRE(web04.exitCode == 1);

    const std::string quote = "\"/docker-entrypoint.…\"";
    CHECK(*cli::psTable(lab.engine, psOpts(true)) ==
          "CONTAINER ID   IMAGE     COMMAND                  CREATED          STATUS                     PORTS                                     NAMES\n" +
              web05.shortId() + "   nginx     " + quote + "   2 minutes ago    Created                                                              web05\n" +
              web04.shortId() + "   nginx     " + quote + "   2 minutes ago    Exited (1) 2 minutes ago                                             web04\n" +
              web02.shortId() + "   nginx     " + quote + "   12 minutes ago   Up 12 minutes                                                        web02\n" +
              web01.shortId() + "   nginx     " + quote + "   14 minutes ago   Up 14 minutes              0.0.0.0:8080->80/tcp, [::]:8080->80/tcp   web01\n");

    // Without -a only the running ones; -q prints the ids.
    CHECK(*cli::psTable(lab.engine, psOpts(false, true)) == web02.shortId() + "\n" + web01.shortId() + "\n");
    CHECK(*cli::psTable(lab.engine, psOpts(true, true, true)) ==
          web05.id + "\n" + web04.id + "\n" + web02.id + "\n" + web01.id + "\n");
    // --no-trunc: full ids and commands.
    const std::string full = *cli::psTable(lab.engine, psOpts(false, false, true));
    CHECK(full.find(web01.id + "   nginx     \"/docker-entrypoint.sh nginx -g 'daemon off;'\"   14 minutes ago") !=
          std::string::npos);

    // Custom formats: table with headers, plain templates, json.
    CHECK(*cli::psTable(lab.engine, psOpts(true, false, false, "table {{.Names}}\\t{{.State}}\\t{{.Networks}}")) ==
          "NAMES     STATE     NETWORKS\n"
          "web05     created   bridge\n"
          "web04     exited    host\n"
          "web02     running   host\n"
          "web01     running   bridge\n");
    CHECK(*cli::psTable(lab.engine, psOpts(false, false, false, "{{.Names}}: {{.Status}} {{.Ports}}")) ==
          "web02: Up 12 minutes \nweb01: Up 14 minutes 0.0.0.0:8080->80/tcp, [::]:8080->80/tcp\n");
    CHECK(*cli::psTable(lab.engine, psOpts(false, true, false, "{{.Names}}")) ==
          web02.shortId() + "\n" + web01.shortId() + "\n");  // -q wins over a custom format
    const std::string json = *cli::psTable(lab.engine, psOpts(false, false, false, "json"));
    CHECK(json.substr(json.find('\n') + 1) ==
          R"({"Command":"\"/docker-entrypoint.…\"","CreatedAt":"2024-11-04 09:00:00 +0000 UTC","ID":")" +
              web01.shortId() +
              R"(","Image":"nginx","Labels":"maintainer=NGINX Docker Maintainers <docker-maint@nginx.com>","LocalVolumes":"0","Mounts":"","Names":"web01","Networks":"bridge","Ports":"0.0.0.0:8080->80/tcp, [::]:8080->80/tcp","RunningFor":"14 minutes ago","Size":"0B","State":"running","Status":"Up 14 minutes"})"
              "\n");
    auto bad = cli::psTable(lab.engine, psOpts(false, false, false, "{{.Foo}}"));
    REQUIRE_FALSE(bad);
    CHECK(bad.error().message == "template parsing error: template: :1:2: executing \"\" at <.Foo>: map has no entry for key \"Foo\"");

    // An empty list still prints the header.
    DockerHost empty;
    CHECK(*cli::psTable(empty.engine, {}) == "CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES\n");
}

TEST_CASE("docker ps STATUS right after start and PORTS grouping", "[docker_views]") {
    DockerHost lab;
    docker::ContainerConfig c;
    c.name = "app";
    c.image = "nginx";
    c.publish = *docker::parsePortSpec("8080:80");
    auto same = *docker::parsePortSpec("9000:9000");
    c.publish.insert(c.publish.end(), same.begin(), same.end());
    c.expose = *docker::parseExposedPorts("3300-3310");
    const auto& app = lab.runConfig(c);
    CHECK(cli::containerStatus(lab.engine, app) == "Up Less than a second");
    CHECK(cli::displayablePorts(lab.engine, app) == "3300-3310/tcp, 0.0.0.0:9000->9000/tcp, [::]:9000->9000/tcp, 0.0.0.0:8080->80/tcp, "
                                                        "[::]:8080->80/tcp");

    // Exposed but unpublished: "80/tcp"; host and none modes: nothing.
    const auto& plain = lab.run("plain");
    CHECK(cli::displayablePorts(lab.engine, plain) == "80/tcp");
    const auto& none = lab.run("isolated", "nginx", "none");
    CHECK(cli::displayablePorts(lab.engine, none).empty());
    lab.at(5);
    REQUIRE(lab.engine.stop("plain"));
    CHECK(cli::displayablePorts(lab.engine, plain).empty());
    lab.at(65);
    CHECK(cli::containerStatus(lab.engine, plain) == "Exited (0) About a minute ago");
    CHECK(cli::containerStatus(lab.engine, app) == "Up About a minute");
}

// ---- docker images --------------------------------------------------------------------------

TEST_CASE("docker images: CREATED relative to the simulated wall clock, SIZE in go-units", "[docker_views]") {
    docker::DockerEngineConfig config;
    config.epochSeconds = unixSeconds("2024-10-23T18:00:00Z");
    DockerHost lab(config);
    lab.engine.images().markPulled("nginx");
    lab.engine.images().markPulled("alpine");
    lab.engine.images().markPulled("busybox");
    auto id = [&](const char* ref) { return lab.engine.images().find(ref)->shortId(); };
    CHECK(*cli::imagesTable(lab.engine, {}) ==
          "REPOSITORY   TAG       IMAGE ID       CREATED       SIZE\n"
          "nginx        latest    " + id("nginx") + "   3 weeks ago   192MB\n"
          "busybox      latest    " + id("busybox") + "   3 weeks ago   4.27MB\n"
          "alpine       latest    " + id("alpine") + "   6 weeks ago   7.8MB\n");
    CHECK(*cli::imagesTable(lab.engine, imagesOpts(true)) == id("nginx") + "\n" + id("busybox") + "\n" + id("alpine") + "\n");
    CHECK(*cli::imagesTable(lab.engine, imagesOpts(false, false, "{{.Repository}}:{{.Tag}} {{.CreatedAt}} {{.VirtualSize}}")) ==
          "nginx:latest 2024-10-02 17:55:35 +0000 UTC 192MB\n"
          "busybox:latest 2024-09-26 21:31:42 +0000 UTC 4.27MB\n"
          "alpine:latest 2024-09-06 22:20:07 +0000 UTC 7.8MB\n");
    const std::string noTrunc = *cli::imagesTable(lab.engine, imagesOpts(false, true));
    CHECK(noTrunc.find(lab.engine.images().find("nginx")->id + "   3 weeks ago") != std::string::npos);
    // Nothing pulled: the header only.
    DockerHost fresh(config);
    CHECK(*cli::imagesTable(fresh.engine, {}) == "REPOSITORY   TAG       IMAGE ID   CREATED   SIZE\n");
}

// ---- docker port ----------------------------------------------------------------------------

TEST_CASE("docker port lists the bindings, one port, and the errors", "[docker_views]") {
    DockerHost lab;
    const auto& web = lab.run("web", "nginx", "", {"8080:80", "127.0.0.1:8443:443", "5353:53/udp"});
    CHECK(*cli::portLines(web, std::nullopt) ==
          "53/udp -> 0.0.0.0:5353\n"
          "53/udp -> [::]:5353\n"
          "80/tcp -> 0.0.0.0:8080\n"
          "80/tcp -> [::]:8080\n"
          "443/tcp -> 127.0.0.1:8443\n");
    CHECK(*cli::portLines(web, "80") == "0.0.0.0:8080\n[::]:8080\n");
    CHECK(*cli::portLines(web, "80/tcp") == "0.0.0.0:8080\n[::]:8080\n");
    CHECK(*cli::portLines(web, "53/udp") == "0.0.0.0:5353\n[::]:5353\n");

    auto missing = cli::portLines(web, "81");
    REQUIRE_FALSE(missing);
    CHECK(missing.error().message == "Error: No public port '81' published for web");
    auto tcp53 = cli::portLines(web, "53", web.shortId());
    REQUIRE_FALSE(tcp53);
    CHECK(tcp53.error().message == "Error: No public port '53' published for " + web.shortId());
    auto bad = cli::portLines(web, "abc");
    REQUIRE_FALSE(bad);
    CHECK(bad.error().message == "Error: invalid port (abc): strconv.ParseUint: parsing \"abc\": invalid syntax");

    // Exposed but not published, and a stopped container: nothing to print.
    const auto& plain = lab.run("plain");
    CHECK(*cli::portLines(plain, std::nullopt) == "");
    CHECK_FALSE(cli::portLines(plain, "80"));
    REQUIRE(lab.engine.stop("web"));
    CHECK(*cli::portLines(web, std::nullopt) == "");
}

// ---- docker inspect (containers) --------------------------------------------------------------

TEST_CASE("docker inspect of a running container: field order and networking fields", "[docker_views]") {
    DockerHost lab;
    const auto& web = lab.run("web", "nginx", "", {"8080:80"});
    const JsonValue j = cli::containerInspect(lab.engine, web);
    CHECK(keys(j) == std::vector<std::string>{"Id", "Created", "Path", "Args", "State", "Image", "ResolvConfPath",
                                              "HostnamePath", "HostsPath", "LogPath", "Name", "RestartCount", "Driver",
                                              "Platform", "MountLabel", "ProcessLabel", "AppArmorProfile", "ExecIDs",
                                              "HostConfig", "GraphDriver", "Mounts", "Config", "NetworkSettings"});
    CHECK(j.find("Name")->asString() == "/web");
    CHECK(j.find("Path")->asString() == "/docker-entrypoint.sh");
    CHECK(j.find("Args")->toCompactString() == R"(["nginx","-g","daemon off;"])");
    CHECK(keys(*j.find("State")) == std::vector<std::string>{"Status", "Running", "Paused", "Restarting", "OOMKilled",
                                                             "Dead", "Pid", "ExitCode", "Error", "StartedAt",
                                                             "FinishedAt"});
    CHECK(j.find("State")->find("Status")->asString() == "running");
    CHECK(j.find("State")->find("FinishedAt")->asString() == "0001-01-01T00:00:00Z");
    CHECK(j.find("Image")->asString() == lab.engine.images().find("nginx")->id);

    const JsonValue& hc = *j.find("HostConfig");
    CHECK(hc.find("NetworkMode")->asString() == "bridge");
    CHECK(hc.find("PortBindings")->toCompactString() == R"({"80/tcp":[{"HostIp":"","HostPort":"8080"}]})");
    CHECK(hc.find("Links")->isNull());
    CHECK(hc.find("Dns")->toCompactString() == "[]");

    const JsonValue& cfg = *j.find("Config");
    CHECK(cfg.find("Hostname")->asString() == web.shortId());
    CHECK(cfg.find("ExposedPorts")->toCompactString() == R"({"80/tcp":{}})");
    CHECK(cfg.find("Cmd")->toCompactString() == R"(["nginx","-g","daemon off;"])");
    CHECK(cfg.find("Entrypoint")->toCompactString() == R"(["/docker-entrypoint.sh"])");
    CHECK(cfg.find("Image")->asString() == "nginx");
    CHECK(cfg.find("StopSignal")->asString() == "SIGQUIT");

    const JsonValue& ns = *j.find("NetworkSettings");
    CHECK(keys(ns) == std::vector<std::string>{"Bridge", "SandboxID", "SandboxKey", "Ports", "HairpinMode",
                                               "LinkLocalIPv6Address", "LinkLocalIPv6PrefixLen", "SecondaryIPAddresses",
                                               "SecondaryIPv6Addresses", "EndpointID", "Gateway", "GlobalIPv6Address",
                                               "GlobalIPv6PrefixLen", "IPAddress", "IPPrefixLen", "IPv6Gateway",
                                               "MacAddress", "Networks"});
    CHECK(ns.find("SandboxKey")->asString() == web.sandboxKey);
    CHECK(ns.find("Ports")->toCompactString() == R"({"80/tcp":[{"HostIp":"0.0.0.0","HostPort":"8080"},{"HostIp":"::","HostPort":"8080"}]})");
    CHECK(ns.find("IPAddress")->asString() == "172.17.0.2");
    CHECK(ns.find("IPPrefixLen")->asInteger() == 16);
    CHECK(ns.find("Gateway")->asString() == "172.17.0.1");
    CHECK(ns.find("MacAddress")->asString() == "02:42:ac:11:00:02");
    const JsonValue* bridge = ns.find("Networks")->find("bridge");
    REQUIRE(bridge);
    const std::string epId = web.endpoints.begin()->second;
    CHECK(bridge->toCompactString() ==
          R"({"IPAMConfig":null,"Links":null,"Aliases":null,"MacAddress":"02:42:ac:11:00:02","DriverOpts":null,"NetworkID":")" +
              lab.engine.findNetwork("bridge")->id + R"(","EndpointID":")" + epId +
              R"(","Gateway":"172.17.0.1","IPAddress":"172.17.0.2","IPPrefixLen":16,"IPv6Gateway":"","GlobalIPv6Address":"","GlobalIPv6PrefixLen":0,"DNSNames":null})");
}

TEST_CASE("docker inspect of stopped, created, user-network and container-mode containers", "[docker_views]") {
    DockerHost lab;
    REQUIRE(lab.engine.createNetwork(netOpts("mynet")));
    docker::ContainerConfig c;
    c.name = "db";
    c.image = "nginx";
    c.network = docker::NetworkMode::parse("mynet");
    c.networkAliases = {"database"};
    const auto& db = lab.runConfig(c);
    const JsonValue running = cli::containerInspect(lab.engine, db);
    const JsonValue& mynet = *running.find("NetworkSettings")->find("Networks")->find("mynet");
    CHECK(mynet.find("Aliases")->toCompactString() == R"(["database"])");
    CHECK(mynet.find("DNSNames")->toCompactString() == R"(["db","database",")" + db.shortId() + R"("])");
    CHECK(mynet.find("IPAddress")->asString() == "172.18.0.2");
    // The top-level fields belong to the default bridge only.
    CHECK(running.find("NetworkSettings")->find("IPAddress")->asString().empty());
    CHECK(running.find("HostConfig")->find("NetworkMode")->asString() == "mynet");

    // Stopped: the configured network stays, with its operational data emptied.
    lab.at(3);
    REQUIRE(lab.engine.stop("db"));
    const JsonValue stopped = cli::containerInspect(lab.engine, db);
    CHECK(stopped.find("State")->find("Status")->asString() == "exited");
    CHECK(stopped.find("State")->find("FinishedAt")->asString() == "2024-11-04T09:00:03.000000417Z");
    CHECK(stopped.find("NetworkSettings")->find("SandboxKey")->asString().empty());
    CHECK(stopped.find("NetworkSettings")->find("Ports")->toCompactString() == "{}");
    const JsonValue& cleaned = *stopped.find("NetworkSettings")->find("Networks")->find("mynet");
    CHECK(cleaned.find("NetworkID")->asString() == lab.engine.findNetwork("mynet")->id);
    CHECK(cleaned.find("EndpointID")->asString().empty());
    CHECK(cleaned.find("IPAddress")->asString().empty());
    CHECK(cleaned.find("MacAddress")->asString().empty());
    CHECK(cleaned.find("Aliases")->toCompactString() == R"(["database"])");

    // Created, never started: no paths, zero times, the network without an id.
    docker::ContainerConfig fresh;
    fresh.name = "fresh";
    fresh.image = "busybox";
    fresh.command = {"sleep", "100"};
    const auto& created = lab.runConfig(fresh, false);
    const JsonValue cj = cli::containerInspect(lab.engine, created);
    CHECK(cj.find("State")->find("Status")->asString() == "created");
    CHECK(cj.find("State")->find("StartedAt")->asString() == "0001-01-01T00:00:00Z");
    CHECK(cj.find("ResolvConfPath")->asString().empty());
    CHECK(cj.find("Config")->find("Entrypoint")->isNull());
    CHECK(cj.find("Config")->find("Cmd")->toCompactString() == R"(["sleep","100"])");
    CHECK_FALSE(cj.find("Config")->contains("ExposedPorts"));
    CHECK(cj.find("NetworkSettings")->find("Networks")->find("bridge")->find("NetworkID")->asString().empty());

    // Container mode: no networks of its own.
    const auto& web = lab.run("web");
    const auto& side = lab.run("side", "busybox", "container:web");
    (void)web;
    const JsonValue sj = cli::containerInspect(lab.engine, side);
    CHECK(sj.find("HostConfig")->find("NetworkMode")->asString() == "container:web");
    CHECK(sj.find("NetworkSettings")->find("Networks")->toCompactString() == "{}");
}

// ---- the lab state --------------------------------------------------------------------------

TEST_CASE("labState holds the namespaces, bridges, rules and Docker objects, deterministically", "[docker_views]") {
    auto build = [](DockerHost& lab) {
        lab.run("web", "nginx", "", {"8080:80"});
        lab.run("client", "busybox", "", {}, false);
        lab.at(2);
    };
    DockerHost a, b;
    build(a);
    build(b);
    const JsonValue state = cli::labState(a.engine);
    CHECK(state.toIndentedString() == cli::labState(b.engine).toIndentedString());
    CHECK(keys(state) == std::vector<std::string>{"time", "images", "networks", "containers", "kernel"});

    std::vector<std::string> namespaces;
    for (const auto& ns : state.find("kernel")->find("namespaces")->elements()) namespaces.push_back(ns.find("name")->asString());
    CHECK(namespaces == std::vector<std::string>{"host", "gateway", "web"});

    const JsonValue& host = state.find("kernel")->find("namespaces")->elements().front();
    bool dnat = false;
    for (const auto& line : host.find("iptables")->find("nat")->elements())
        dnat |= line.asString() == "-A DOCKER ! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80";
    CHECK(dnat);
    bool proxy = false;
    for (const auto& s : host.find("sockets")->elements())
        proxy |= s.toCompactString() == R"({"proto":"tcp","address":"0.0.0.0","port":8080,"owner":"docker-proxy"})";
    CHECK(proxy);

    const JsonValue& web = state.find("containers")->elements().front();
    CHECK(web.find("name")->asString() == "web");
    CHECK(web.find("sandbox")->asString() == "web");
    const JsonValue& ep = web.find("endpoints")->elements().front();
    CHECK(ep.find("ip")->asString() == "172.17.0.2/16");
    CHECK(ep.find("mac")->asString() == "02:42:ac:11:00:02");
    CHECK(ep.find("ifName")->asString() == "eth0");
    const std::string veth = ep.find("hostVeth")->asString();
    CHECK(web.find("ports")->toCompactString() == R"([{"containerPort":80,"proto":"tcp","hostIp":"0.0.0.0","hostPort":8080}])");
    CHECK(state.find("containers")->elements().back().find("status")->asString() == "created");

    const JsonValue& webNs = state.find("kernel")->find("namespaces")->elements().back();
    bool eth0 = false;
    for (const auto& i : webNs.find("interfaces")->elements())
        if (i.find("name")->asString() == "eth0") {
            eth0 = true;
            CHECK(i.find("peer")->asString() == "host/" + veth);
            CHECK(i.find("addresses")->toCompactString() == R"(["172.17.0.2/16"])");
        }
    CHECK(eth0);

    const JsonValue& bridges = *state.find("kernel")->find("bridges");
    REQUIRE(bridges.size() == 1);
    CHECK(bridges[0].find("name")->asString() == "docker0");
    CHECK(bridges[0].find("ports")->toCompactString() == "[\"" + veth + "\"]");

    // A command that fails changes nothing.
    std::vector<std::string> warnings;
    docker::ContainerConfig again;
    again.name = "web";
    again.image = "nginx";
    REQUIRE_FALSE(a.engine.create(again, warnings));
    REQUIRE_FALSE(a.engine.removeNetwork("bridge"));
    CHECK(cli::labState(a.engine) == state);
}

TEST_CASE("raw formats of docker ps and docker network ls", "[docker_views]") {
    DockerHost lab;
    const auto& web = lab.run("web", "nginx", "", {"8080:80"});
    CHECK(*cli::psTable(lab.engine, psOpts(false, false, false, "raw")) ==
          "container_id: " + web.shortId() +
              "\n"
              "image: nginx\n"
              "command: \"/docker-entrypoint.…\"\n"
              "created_at: 2024-11-04 09:00:00 +0000 UTC\n"
              "state: running\n"
              "status: Up Less than a second\n"
              "names: web\n"
              "labels: maintainer=NGINX Docker Maintainers <docker-maint@nginx.com>\n"
              "ports: 0.0.0.0:8080->80/tcp, [::]:8080->80/tcp\n"
              "\n");
    CHECK(*cli::psTable(lab.engine, psOpts(false, true, false, "raw")) == "container_id: " + web.shortId() + "\n");
    const std::string id = lab.engine.findNetwork("bridge")->id.substr(0, 12);
    CHECK(cli::networkLsTable(lab.engine, lsOpts(false, false, "raw"))->starts_with(
        "network_id: " + id + "\nname: bridge\ndriver: bridge\nscope: local\n\n"));
}
