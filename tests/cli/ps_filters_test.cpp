// Issue 10: `docker ps --filter` as moby v27's daemon/list.go filters — before/since relative to
// creation order, publish/expose with ports and ranges, volume, health, is-task — and each
// refusal with the daemon's words, leaving nothing changed; -s and a template's .Size.
#include <catch2/catch.hpp>

#include "cli/typed_host.hpp"

namespace {

/// Three containers, oldest first: c1 (exited), c2 (publishes 8080->80 and 8443->443), c3
/// (exposes 9000-9001/tcp and 53/udp, publishes nothing).
void threeContainers(TypedHost& h) {
    REQUIRE(h.run("docker pull -q alpine").second == 0);
    REQUIRE(h.run("docker run --name c1 alpine true").second == 0);
    REQUIRE(h.run("docker run -d --name c2 -p 8080:80 -p 8443:443 alpine sleep 1000").second == 0);
    REQUIRE(h.run("docker run -d --name c3 --expose 9000-9001 --expose 53/udp alpine sleep 1000").second == 0);
}

std::string names(TypedHost& h, const std::string& flags) {
    auto [out, code] = h.run("docker ps " + flags + " --format '{{.Names}}'");
    REQUIRE(code == 0);
    return out;
}

}  // namespace

TEST_CASE("ps before and since list by creation order around a named or full-id container", "[cli][ps]") {
    TypedHost h;
    threeContainers(h);
    CHECK(names(h, "-a --filter before=c3") == "c2\nc1\n");
    CHECK(names(h, "--filter before=c3") == "c2\n");  // without -a, only running ones
    CHECK(names(h, "-a --filter since=c1") == "c3\nc2\n");
    CHECK(names(h, "-a -f since=c1 -f before=c3") == "c2\n");
    CHECK(names(h, "-a --filter before=/c2") == "c1\n");  // the daemon ignores the name's "/"
    const std::string c2Id = h.run("docker inspect -f '{{.Id}}' c2").first.substr(0, 64);
    CHECK(names(h, "-a --filter since=" + c2Id) == "c3\n");
    // A short id is not found: the daemon looks the value up as a full id, then as a name.
    const auto [shortOut, shortCode] = h.run("docker ps -a --filter since=" + c2Id.substr(0, 12));
    CHECK(shortOut == "Error response from daemon: no such container " + c2Id.substr(0, 12) + "\n");
    CHECK(shortCode == 1);
    CHECK(h.run("docker ps --filter before=nope").first == "Error response from daemon: no such container nope\n");
    // -q lists the same containers, by short id.
    const std::string c1Id = h.run("docker inspect -f '{{.Id}}' c1").first.substr(0, 12);
    CHECK(h.run("docker ps -aq --filter before=c3").first == c2Id.substr(0, 12) + "\n" + c1Id + "\n");
    CHECK(h.run("docker ps -a --format '{{.ID}} {{.Status}}' --filter before=c2").first.starts_with(c1Id + " Exited (0)"));
}

TEST_CASE("ps publish and expose match ports, protocols and ranges", "[cli][ps]") {
    TypedHost h;
    threeContainers(h);
    CHECK(names(h, "--filter publish=8080") == "c2\n");
    CHECK(names(h, "--filter publish=8080/tcp") == "c2\n");
    CHECK(names(h, "--filter publish=8080/udp").empty());
    CHECK(names(h, "--filter publish=80").empty());  // 80 is the container's side
    CHECK(names(h, "--filter expose=80").empty() == false);
    CHECK(names(h, "--filter expose=80") == "c2\n");
    CHECK(names(h, "--filter publish=8000-8100/tcp") == "c2\n");
    CHECK(names(h, "--filter expose=9001") == "c3\n");
    CHECK(names(h, "--filter expose=53/udp") == "c3\n");
    CHECK(names(h, "--filter expose=53").empty());  // tcp by default
    CHECK(names(h, "--filter expose=1-65535") == "c3\nc2\n");
    // Values of one key are OR-ed; publish and expose together keep a container matching either.
    CHECK(names(h, "-f publish=8443 -f publish=1") == "c2\n");
    CHECK(names(h, "-f publish=8443 -f expose=9000") == "c3\nc2\n");
    // A stopped container shows no ports, so it matches none.
    REQUIRE(h.run("docker stop c2").second == 0);
    CHECK(names(h, "-a --filter publish=8080").empty());
    CHECK(h.run("docker ps -q --filter expose=9000").first.size() == 13);  // c3 alone, by short id

    // The daemon's refusals.
    CHECK(h.run("docker ps --filter publish=8080-80").first ==
          "Error response from daemon: error while looking up for publish 8080-80: invalid range specified for port: 8080-80\n");
    CHECK(h.run("docker ps --filter expose=http").first ==
          "Error response from daemon: error while looking up for expose http: strconv.ParseUint: parsing \"http\": invalid syntax\n");
    CHECK(h.run("docker ps --filter publish=70000").first ==
          "Error response from daemon: error while looking up for publish 70000: strconv.ParseUint: parsing \"70000\": value out of range\n");
    CHECK(h.run("docker ps --filter publish=0.0.0.0:8080").first ==
          "Error response from daemon: filter for 'publish' should not contain ':': 0.0.0.0:8080\n");
    CHECK(h.run("docker ps --filter expose=").first ==
          "Error response from daemon: error while looking up for expose : empty string specified for ports\n");
    CHECK(h.run("docker ps --filter expose=").second == 1);
}

TEST_CASE("ps health, volume, is-task and exited filters", "[cli][ps]") {
    TypedHost h;
    threeContainers(h);
    // No container has a health check: all are "none".
    CHECK(names(h, "--filter health=none") == "c3\nc2\n");
    CHECK(names(h, "--filter health=healthy").empty());
    CHECK(names(h, "-a --filter health=unhealthy --filter health=starting").empty());
    CHECK(h.run("docker ps --filter health=sick").first == "Error response from daemon: Unrecognised filter value for health: sick\n");
    // docknet models no mounts: no volume name or destination matches.
    CHECK(names(h, "-a --filter volume=/data").empty());
    CHECK(names(h, "--filter is-task=false") == "c3\nc2\n");
    CHECK(names(h, "--filter is-task=true").empty());
    CHECK(h.run("docker ps --filter is-task=maybe").first == "Error response from daemon: Invalid filter 'is-task=[maybe]'\n");
    // exited wants -a (it does not imply it, unlike status) and an integer.
    CHECK(names(h, "--filter exited=0").empty());
    CHECK(names(h, "-a --filter exited=0") == "c1\n");
    CHECK(names(h, "-a --filter status=exited") == "c1\n");
    CHECK(names(h, "--filter status=exited") == "c1\n");
    CHECK(h.run("docker ps --filter exited=zero").first ==
          "Error response from daemon: strconv.Atoi: parsing \"zero\": invalid syntax\n");
    CHECK(h.run("docker ps --filter colour=red").first == "Error response from daemon: invalid filter 'colour'\n");
    // name values are OR-ed, keys AND-ed; -n counts only what is listed.
    CHECK(names(h, "-a -f name=c1 -f name=c3") == "c3\nc1\n");
    CHECK(names(h, "-a -f name=c -f publish=8080") == "c2\n");
    CHECK(names(h, "-n 1 -f name=c1") == "c1\n");
    CHECK(names(h, "-n 0") == "c3\nc2\n");
    // A value without '=' is the CLI's flag error.
    const auto [bad, badCode] = h.run("docker ps -f health");
    CHECK(bad ==
          "invalid argument \"health\" for \"-f, --filter\" flag: bad format of filter (expected name=value)\nSee 'docker ps --help'.\n");
    CHECK(badCode == 125);
}

TEST_CASE("ps -s and a template using .Size ask the daemon for sizes", "[cli][ps]") {
    TypedHost h;
    REQUIRE(h.run("docker pull -q alpine").second == 0);
    REQUIRE(h.run("docker run -dit --name c1 alpine").second == 0);
    const std::string virtualSize = h.run("docker images --format '{{.Size}}' alpine").first;  // "7.8MB\n"
    const std::string expected = "0B (virtual " + virtualSize.substr(0, virtualSize.size() - 1) + ")";
    // Without sizes asked for, the daemon reports none.
    CHECK(h.run("docker ps --size=false --format '{{.Size}}'").first == "0B\n");
    CHECK(h.run("docker ps --format '{{.Size}}'").first == expected + "\n");
    const std::string table = h.run("docker ps -s").first;
    CHECK(table.substr(0, table.find('\n')).ends_with("NAMES     SIZE"));
    CHECK(table.find("c1        " + expected + "\n") != std::string::npos);
    CHECK(h.run("docker ps --format raw -s").first.ends_with("size: " + expected + "\n\n"));
    CHECK(h.run("docker ps --format '{{json .}}'").first.find("\"Size\":\"" + expected + "\"") != std::string::npos);
    CHECK(h.run("docker ps --format '{{json .Labels}}'").first == "\"\"\n");
    // A file written in the container counts in its writable layer.
    REQUIRE(h.run("docker exec c1 sh -c 'echo hello > /tmp/greeting'").second == 0);
    CHECK(h.run("docker ps --format '{{.Size}}'").first.starts_with("6B (virtual "));
}

TEST_CASE("ps network matches configured networks, stopped containers included", "[cli][ps]") {
    TypedHost h;
    REQUIRE(h.run("docker pull -q alpine").second == 0);
    REQUIRE(h.run("docker network create net1").second == 0);
    REQUIRE(h.run("docker run -d --name n1 --network net1 alpine sleep 1000").second == 0);
    REQUIRE(h.run("docker run --name n2 --network net1 alpine true").second == 0);
    REQUIRE(h.run("docker create --name n3 --network net1 alpine").second == 0);
    REQUIRE(h.run("docker run -d --name b1 alpine sleep 1000").second == 0);
    CHECK(names(h, "--filter network=net1") == "n1\n");
    CHECK(names(h, "-a --filter network=net1") == "n3\nn2\nn1\n");
    CHECK(names(h, "-a --filter network=bridge") == "b1\n");
    // By id prefix only once started: a created container has no NetworkID yet.
    const std::string netId = h.run("docker network inspect -f '{{.Id}}' net1").first.substr(0, 6);
    CHECK(names(h, "-a --filter network=" + netId) == "n2\nn1\n");
    CHECK(names(h, "-a --filter network=net").empty());  // a name matches exactly
}

TEST_CASE("ps ancestor resolves the image by reference or id", "[cli][ps]") {
    TypedHost h;
    REQUIRE(h.run("docker pull -q alpine").second == 0);
    REQUIRE(h.run("docker pull -q nginx").second == 0);
    REQUIRE(h.run("docker run -d --name a1 alpine sleep 1000").second == 0);
    REQUIRE(h.run("docker run -d --name w1 nginx:latest").second == 0);
    CHECK(names(h, "--filter ancestor=alpine") == "a1\n");
    CHECK(names(h, "--filter ancestor=alpine:latest") == "a1\n");
    CHECK(names(h, "--filter ancestor=docker.io/library/nginx") == "w1\n");
    const std::string id = h.run("docker image inspect -f '{{.Id}}' alpine").first.substr(7, 12);
    CHECK(names(h, "--filter ancestor=" + id) == "a1\n");
    CHECK(names(h, "--filter ancestor=sha256:" + id) == "a1\n");
    CHECK(names(h, "-f ancestor=alpine -f ancestor=nginx") == "w1\na1\n");
    CHECK(names(h, "--filter ancestor=alpine:3.1").empty());  // not a local image: nothing matches
    CHECK(names(h, "--filter ancestor=redis").empty());
}
