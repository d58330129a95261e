// Bad input changes nothing: every command below fails (non-zero status, an error on stderr) and
// the whole lab state — networks, containers, endpoints, namespaces, interfaces, routes,
// neighbours, sockets, iptables rules, FDBs, images, logs, time — is byte for byte what it was,
// and so is the seeded randomness, so what runs after it is what would have run without it.
// (A `docker run` whose *start* fails is not here: Docker leaves that container Created, and
// so does docknet; tests/cli/golden/05_ports covers it.)
#include <catch2/catch.hpp>

#include "sim/cli/docker_views.hpp"
#include "sim/cli/docker_host.hpp"
#include "sim/shell/script_runner.hpp"

namespace {

struct Fixture {
    Fixture() : lab(sim::cli::DockerHostOptions{1, sim::core::SimTime::zero()}), runner(lab) {
        auto t = runner.run(
            "docker network create mynet\n"
            "docker run -d --name web -p 8080:80 nginx\n"
            "docker run -dit --name shell --network mynet alpine\n"
            "docker run -d --name stopped alpine true\n"
            "docker network create --subnet 10.5.0.0/24 fixed\n"
            "docker run -dit --name pinned --network fixed --ip 10.5.0.10 alpine\n");
        REQUIRE(t);
        for (const auto& s : t->steps) REQUIRE(s.exitCode == 0);
    }
    // The state, and what comes after it: the next draw of the seeded randomness (a failed
    // command that drew an id or a veth name would shift every later id, name and MAC).
    std::string state() {
        sim::core::Rng next = lab.kernel().rng();
        return sim::cli::labState(lab.engine()).toCompactString() + " next draw " + std::to_string(next.next());
    }

    sim::cli::DockerHost lab;
    sim::shell::ScriptRunner runner;
};

}  // namespace

TEST_CASE("Failing commands leave the whole state unchanged", "[cli][property]") {
    const std::vector<std::string> failing = {
        "docker rnu alpine",
        "docker run --foo alpine",
        "docker run -x alpine",
        "docker run --name",
        "docker run",
        "docker run -p abc:80 nginx",
        "docker run -p 80:80/xyz nginx",
        "docker run -p 1.2.3:80:80 nginx",
        "docker run --add-host nocolon nginx",
        "docker run --dns notanip nginx",
        "docker run --link a:b:c nginx",
        "docker run --ip 172.17.0.50 alpine true",
        "docker run --network-alias x alpine true",
        "docker run --network container:web -p 80:80 alpine true",
        "docker run --network container:web -h x alpine true",
        "docker run --network host --link web alpine true",
        "docker run --rm --restart always alpine true",
        "docker run --name web nginx",
        "docker run --name a nginx",
        "docker run nosuchimage",
        "docker run nginx:9.9",
        "docker network create",
        "docker network create bridge",
        "docker network create mynet",
        "docker network create --subnet 172.17.5.0/24 overlap",
        "docker network create --subnet 300.1.1.0/24 bad",
        "docker network create -d overlay ov",
        "docker network create -o novalue x",
        "docker network create --gateway 10.1.1.1 x",
        "docker network create --subnet 10.1.0.0/16 --ip-range 10.2.0.0/24 x",
        "docker network create --subnet 10.1.0.5/16 x",
        "docker network create --subnet 10.1.0.0/24 --gateway 10.1.0.1 --aux-address gw=10.1.0.1 x",
        "docker network create --ipv6 --subnet 2001:db8::5/64 x",
        "docker network create --ipv6 --subnet 2001:db8::/64 --gateway 2001:db9::1 x",
        "docker network create -o com.docker.network.bridge.enable_icc=maybe x",
        "docker network create -o com.docker.network.driver.mtu=-5 x",
        "docker network create -o com.docker.network.bridge.host_binding_ipv4=nowhere x",
        "docker network create --label =x x",
        "docker network rm bridge",
        "docker network rm mynet",
        "docker network rm nosuch",
        "docker network inspect nosuch",
        "docker network connect mynet shell",
        "docker network connect nosuch web",
        "docker network connect host web",
        "docker network connect mynet nosuch",
        "docker network disconnect mynet web",
        "docker network disconnect host web",
        "docker network connect --ip 172.17.0.50 bridge shell",
        "docker network connect --alias x bridge shell",
        "docker network connect --ip 172.18.0.50 mynet web",
        "docker network connect --ip6 2001:db8::33 mynet web",
        "docker network connect --ip nonsense mynet web",
        "docker network connect --ip 10.5.0.10 fixed web",
        "docker network connect --ip 10.5.0.1 fixed web",
        "docker network connect --link a:b:c mynet web",
        "docker network connect --driver-opt novalue mynet web",
        "docker network connect none web",
        "docker network connect --ip 172.18.0.50 mynet stopped",
        "docker network disconnect nosuch web",
        "docker network disconnect mynet stopped",
        "docker network disconnect -f mynet nosuch",
        "docker network ls --filter foo=bar",
        "docker network ls --filter nofilter",
        "docker network ls --filter type=other",
        "docker network ls --filter dangling=maybe",
        "docker network ls --format '{{.Label}}'",
        "docker network inspect -f '{{.Name' mynet",
        "docker network prune -f --filter foo=bar",
        "docker network prune -f --filter until=nonsense",
        "docker network prune -f --filter until=1h --filter until=2h",
        "docker rm web",
        "docker rm nosuch",
        "docker stop nosuch",
        "docker start nosuch",
        "docker kill stopped",
        "docker rename web shell",
        "docker rename web web",
        "docker rename nosuch x",
        "docker exec nosuch ls",
        "docker exec stopped ls",
        "docker exec web ping -c 1 127.0.0.1",
        "docker logs nosuch",
        "docker inspect nosuch",
        "docker port web 81",
        "docker port nosuch",
        "docker pull nosuchimage",
        "docker build -t x -f Nope .",
        "docker ps --filter foo=bar",
        "docker inspect -f '{{.Nope}}' web",
        "docker inspect -f '{{.Name' web",
    };
    Fixture f;
    for (const auto& command : failing) {
        INFO(command);
        const std::string before = f.state();
        auto t = f.runner.run(command);
        REQUIRE(t);
        REQUIRE(t->steps.size() == 1);
        CHECK(t->steps[0].exitCode != 0);
        CHECK_FALSE(t->steps[0].output.stderrText().empty());
        CHECK(f.state() == before);
    }
}

TEST_CASE("A start that fails gives back the randomness it drew", "[cli][property]") {
    Fixture f;
    auto created = f.runner.run("docker create --name late -p 8080:80 nginx");
    REQUIRE(created);
    REQUIRE(created->steps[0].exitCode == 0);
    const std::string before = f.state();
    auto t = f.runner.run("docker start late");  // web holds 8080: the sandbox, endpoint and veths go again
    REQUIRE(t);
    CHECK(t->steps[0].exitCode != 0);
    CHECK(f.state() == before);
}

TEST_CASE("A script whose line does not parse runs nothing and names the line", "[cli][script]") {
    sim::cli::DockerHost lab;
    sim::shell::ScriptRunner runner(lab);
    auto t = runner.run("docker network create ok\necho 'unterminated\n");
    REQUIRE_FALSE(t);
    CHECK(t.error().message == "line 2: unexpected EOF while looking for matching '''");
    CHECK(lab.engine().findNetwork("ok") == nullptr);
}

TEST_CASE("Transcripts keep stdout and stderr in the order they were written", "[cli][script]") {
    sim::cli::DockerHost lab;
    sim::shell::ScriptRunner runner(lab);
    auto t = runner.run("docker run -d --name web nginx\n");
    REQUIRE(t);
    const auto& chunks = t->steps[0].output.chunks;
    REQUIRE(chunks.size() == 2);
    CHECK(chunks[0].first == sim::cli::Stream::Err);  // "Unable to find image ..." and the pull
    CHECK(chunks[0].second.starts_with("Unable to find image 'nginx:latest' locally\n"));
    CHECK(chunks[1].first == sim::cli::Stream::Out);  // then the container id
    CHECK(chunks[1].second.size() == 65);
}

TEST_CASE("docker exec -it opens a shell session that exit closes", "[cli][script]") {
    sim::cli::DockerHost lab;
    sim::shell::ScriptRunner runner(lab);
    auto t = runner.run("docker run -dit --name box alpine\ndocker exec -it box sh\nhostname\nexit\nhostname\n");
    REQUIRE(t);
    REQUIRE(t->steps.size() == 5);
    CHECK(t->steps[2].prompt == "/ # ");
    const auto* box = lab.engine().findContainer("box");
    REQUIRE(box);
    CHECK(t->steps[2].output.stdoutText() == box->hostname + "\n");
    CHECK(t->steps[4].prompt == "$ ");
    CHECK(t->steps[4].output.stdoutText() == "docker-host\n");
    CHECK(box->isRunning());
}

TEST_CASE("docker run -it with a shell: exit stops the container", "[cli][script]") {
    sim::cli::DockerHost lab;
    sim::shell::ScriptRunner runner(lab);
    auto t = runner.run("docker run -it --name ubu ubuntu bash\nhostname\nexit 3\ndocker ps -a --format '{{.Status}}'\n");
    REQUIRE(t);
    REQUIRE(t->steps.size() == 4);
    CHECK(t->steps[1].prompt.starts_with("root@"));
    CHECK(t->steps[3].output.stdoutText().starts_with("Exited (3)"));
}
