// Issue 10: `-p`/`-P` with --network none. Docker <= 27 accepts them without a word (the host
// mode's "Published ports are discarded" warning is host mode's only; container mode is refused
// by validateNetContainerMode): the bindings are recorded in HostConfig.PortBindings, but the
// null driver's endpoint maps nothing, so nothing is published and the host port stays free.
#include <catch2/catch.hpp>

#include "cli/typed_host.hpp"

TEST_CASE("none mode records -p but publishes nothing, silently", "[cli][ports][none]") {
    TypedHost h;
    REQUIRE(h.run("docker pull -q nginx").second == 0);
    const auto [out, code] = h.run("docker run -d --name lonely --network none -p 8080:80 nginx");
    CHECK(code == 0);
    CHECK(out.size() == 65);  // the id and its newline: no warning
    CHECK(h.run("docker inspect -f '{{json .HostConfig.PortBindings}}' lonely").first ==
          "{\"80/tcp\":[{\"HostIp\":\"\",\"HostPort\":\"8080\"}]}\n");
    CHECK(h.run("docker inspect -f '{{json .NetworkSettings.Ports}}' lonely").first == "{}\n");
    CHECK(h.run("docker ps --format '[{{.Ports}}]' -f name=lonely").first == "[]\n");
    CHECK(h.run("docker port lonely") == std::pair<std::string, int>{"", 0});
    CHECK(h.run("iptables -t nat -S DOCKER").first.find("8080") == std::string::npos);
    CHECK(h.run("ss -ltn").first.find(":8080") == std::string::npos);
    // The host port is still free for another container.
    CHECK(h.run("docker run -d --name web -p 8080:80 nginx").second == 0);
    CHECK(h.run("docker port web 80").first == "0.0.0.0:8080\n[::]:8080\n");
    CHECK(h.run("ss -ltn").first.find(":8080") != std::string::npos);  // docker-proxy's, now
    // -P too: nothing allocated, nothing said.
    const auto [all, allCode] = h.run("docker run -d --name lonely2 --network none -P nginx");
    CHECK(allCode == 0);
    CHECK(all.size() == 65);
    CHECK(h.run("docker port lonely2") == std::pair<std::string, int>{"", 0});
    // Container mode is refused, host mode warns: the none case is neither.
    CHECK(h.run("docker run -d --network container:web -p 9090:80 nginx").first.starts_with(
        "docker: Error response from daemon: conflicting options: port publishing and the container type network mode."));
    CHECK(h.run("docker run -d --network host -p 9091:80 nginx").first.starts_with(
        "WARNING: Published ports are discarded when using host network mode\n"));
}
