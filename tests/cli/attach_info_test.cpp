// docker attach (the main process's terminal: its shell takes the typed lines until the detach
// keys or `exit`), the detach keys of docker run -it and docker exec -it, docker info and its
// --format, and the process-owning views (ps, netstat -p, ss -p) of a running host; cut -c.
#include <catch2/catch.hpp>

#include "cli/typed_host.hpp"
#include "sim/cli/detach_keys.hpp"

namespace {

/// The steps of a script typed line by line: (prompt, echo, output, status) of each.
struct Typed {
    std::string prompt, echo, output;
    int status = 0;
};

std::vector<Typed> typeScript(TypedHost& h, const std::string& script) {
    auto t = h.runner.run(script);
    REQUIRE(t);
    std::vector<Typed> out;
    for (const auto& s : t->steps) out.push_back({s.prompt, s.keysOnly ? "" : s.echo, s.output.combined(), s.exitCode});
    return out;
}

}  // namespace

TEST_CASE("detach keys read as moby/term's ToBytes reads them", "[cli][attach]") {
    using sim::cli::detachKeyBytes;
    CHECK(*detachKeyBytes("ctrl-p,ctrl-q") == "\x10\x11");
    CHECK(*detachKeyBytes("ctrl-x,x") == "\x18x");
    CHECK(*detachKeyBytes("a") == "a");
    CHECK(*detachKeyBytes("ctrl-\\") == "\x1c");
    CHECK(*detachKeyBytes("ctrl-@,DEL") == std::string("\0\x7f", 2));
    CHECK(detachKeyBytes("foo").error().message == "Invalid detach keys (foo) provided");
    CHECK_FALSE(detachKeyBytes("ctrl-p,"));
}

TEST_CASE("docker attach joins the main shell until Ctrl-p Ctrl-q, which leaves it running", "[cli][attach]") {
    TypedHost h;
    h.run("docker run -dit --name a1 alpine ash");
    const auto steps = typeScript(h, "docker attach a1\nhostname\n\x10\x11\necho $?\ndocker ps --format '{{.Names}} {{.Status}}'\n");
    REQUIRE(steps.size() == 5);
    CHECK(steps[0].output.empty());
    CHECK(steps[1].prompt == "/ # ");
    CHECK(steps[1].output.size() == 13);  // the short id
    CHECK(steps[2].prompt == "/ # ");
    CHECK(steps[2].echo.empty());
    CHECK(steps[2].output == "read escape sequence\n");
    CHECK(steps[2].status == 1);
    CHECK(steps[3].prompt == "$ ");
    CHECK(steps[3].output == "1\n");
    CHECK(steps[4].output.starts_with("a1 Up "));

    SECTION("the transcript shows the client's message on the prompt's line") {
        sim::cli::DockerHost lab;
        sim::shell::ScriptRunner runner(lab);
        auto t = runner.run("docker run -dit --name a1 alpine ash\ndocker attach a1\n\x10\x11\n");
        REQUIRE(t);
        CHECK(runner.render(*t, false).ends_with("$ docker attach a1\n/ # read escape sequence\n"));
    }
}

TEST_CASE("exit in the attached main shell stops the container, and a stopped one cannot be attached", "[cli][attach]") {
    TypedHost h;
    h.run("docker run -dit --name a1 alpine ash");
    const auto steps = typeScript(h, "docker container attach a1\nexit\ndocker ps -a --format '{{.Status}}'\ndocker attach a1\n");
    REQUIRE(steps.size() == 4);
    CHECK(steps[1].prompt == "/ # ");
    CHECK(steps[2].prompt == "$ ");
    CHECK(steps[2].output.starts_with("Exited (0) "));
    CHECK(steps[3].output == "You cannot attach to a stopped container, start it first\n");
    CHECK(steps[3].status == 1);
    CHECK(h.run("docker attach nosuch") == std::pair<std::string, int>{"Error response from daemon: No such container: nosuch\n", 1});
}

TEST_CASE("docker attach --detach-keys: the given keys detach, bad ones are the daemon's refusal", "[cli][attach]") {
    TypedHost h;
    h.run("docker run -dit --name a1 alpine ash");
    CHECK(h.run("docker attach --detach-keys foo a1") ==
          std::pair<std::string, int>{"Error response from daemon: Invalid detach keys (foo) provided\n", 1});
    const auto steps = typeScript(h, "docker attach --detach-keys ctrl-x,x a1\n\x10\x11\n\x18x\n");
    REQUIRE(steps.size() == 3);
    CHECK(steps[1].prompt == "/ # ");  // Ctrl-p Ctrl-q is no longer the sequence: ash reads it
    CHECK(steps[2].output == "read escape sequence\n");
    CHECK(h.runner.context().onHost());
}

TEST_CASE("docker attach to a process that is not a shell takes no commands, Ctrl-C stops a server", "[cli][attach]") {
    TypedHost h;
    h.run("docker run -d --name web nginx");
    const auto steps = typeScript(h, "docker attach web\nls\n\x03\ndocker ps -a --format '{{.Names}} {{.Status}}'\n");
    REQUIRE(steps.size() == 4);
    CHECK(steps[1].prompt.empty());
    CHECK(steps[1].output.empty());
    CHECK(steps[2].echo == "^C");
    CHECK(steps[3].output.starts_with("web Exited (0) "));

    SECTION("--sig-proxy=false without a terminal: the client dies of SIGINT, the server runs on") {
        TypedHost g;
        g.run("docker run -d --name web nginx");
        const auto s = typeScript(g, "docker attach --sig-proxy=false web\n\x03\ndocker ps --format '{{.Names}}'\n");
        REQUIRE(s.size() == 3);
        CHECK(s[1].status == 130);
        CHECK(s[2].output == "web\n");
    }
}

TEST_CASE("docker run -it detaches quietly, docker exec -it prints the escape error", "[cli][attach]") {
    TypedHost h;
    auto steps = typeScript(h, "docker run -it --name a1 alpine\n\x10\x11\ndocker exec -it a1 sh\n\x10\x11\n");
    REQUIRE(steps.size() == 4);
    CHECK(steps[1].prompt == "/ # ");
    CHECK(steps[1].output.empty());
    CHECK(steps[1].status == 0);
    CHECK(steps[3].output == "read escape sequence\n");
    CHECK(h.run("docker ps --format '{{.Names}}'").first == "a1\n");
    CHECK(h.run("docker exec -it --detach-keys bad a1 sh").first == "Error response from daemon: Invalid detach keys (bad) provided\n");
}

TEST_CASE("docker info prints Docker 27's sections from the simulated host", "[cli][info]") {
    TypedHost h;
    h.run("docker run -d --name web nginx");
    h.run("docker create --name idle alpine");
    const auto [out, status] = h.run("docker info");
    CHECK(status == 0);
    CHECK(out.starts_with("Client: Docker Engine - Community\n Version:    27.3.1\n Context:    default\n Debug Mode: false\n Plugins:\n"));
    CHECK(out.find("\nServer:\n Containers: 2\n  Running: 1\n  Paused: 0\n  Stopped: 1\n Images: 2\n Server Version: 27.3.1\n"
                   " Storage Driver: overlay2\n  Backing Filesystem: extfs\n") != std::string::npos);
    CHECK(out.find(" Plugins:\n  Volume: local\n  Network: bridge host ipvlan macvlan null overlay\n  Log: awslogs") != std::string::npos);
    CHECK(out.find(" Kernel Version: 6.1.0-26-amd64\n Operating System: Debian GNU/Linux 12 (bookworm)\n OSType: linux\n"
                   " Architecture: x86_64\n CPUs: 2\n Total Memory: 3.828GiB\n Name: docker-host\n") != std::string::npos);
    CHECK(out.ends_with(" Live Restore Enabled: false\n\n"));
    CHECK(h.run("docker info --format '{{.ServerVersion}}'").first == "27.3.1\n");
    CHECK(h.run("docker system info -f '{{.ContainersRunning}} {{.Driver}} {{json .Plugins.Network}}'").first ==
          "1 overlay2 [\"bridge\",\"host\",\"ipvlan\",\"macvlan\",\"null\",\"overlay\"]\n");
    const auto json = h.run("docker info --format '{{json .}}'").first;
    CHECK(json.starts_with("{\"ID\":\"4f8b2c1e-7d3a-4b6e-9c52-1a0e8f3d6b27\",\"Containers\":2,\"ContainersRunning\":1,"));
    CHECK(json.find("\"ClientInfo\":{\"Debug\":false,\"Platform\":{\"Name\":\"Docker Engine - Community\"},\"Version\":\"27.3.1\"") !=
          std::string::npos);
    CHECK(h.run("docker info --format json").first == json);
    CHECK(h.run("docker info --format '{{.Foo'").second == 64);
    CHECK(h.run("docker info extra").second != 0);
}

TEST_CASE("ps, netstat -p and ss -p on the host show dockerd, the shims, the servers and docker-proxy", "[cli][ps]") {
    TypedHost h;
    h.run("docker run -d --name web -p 8080:80 nginx");
    const std::string pid = h.run("docker inspect --format '{{.State.Pid}}' web").first;
    const std::string hostPid = pid.substr(0, pid.size() - 1);
    const std::string proxyPid = std::to_string(std::stoi(hostPid) + 1);
    const auto ps = h.run("ps -ef").first;
    CHECK(ps.find("/usr/bin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock\n") != std::string::npos);
    CHECK(ps.find(" " + hostPid + " ") != std::string::npos);
    CHECK(ps.find("nginx: master process nginx -g daemon off;\n") != std::string::npos);
    CHECK(ps.find("/usr/bin/docker-proxy -proto tcp -host-ip 0.0.0.0 -host-port 8080 -container-ip 172.17.0.2 -container-port 80\n") !=
          std::string::npos);
    CHECK(h.run("netstat -tlnp").first.find("LISTEN      " + proxyPid + "/docker-proxy") != std::string::npos);
    CHECK(h.run("ss -ltnp").first.find("users:((\"docker-proxy\",pid=" + proxyPid + ",fd=4))") != std::string::npos);

    SECTION("inside, the main process is PID 1 and an exec'd tool PID 7") {
        h.run("docker run -d --name bb busybox sleep 1d");
        CHECK(h.run("docker exec bb ps").first == "PID   USER     TIME  COMMAND\n    1 root      0:00 sleep 1d\n    7 root      0:00 ps\n");
    }
}

TEST_CASE("cut -c and -f as GNU cut, with its refusals", "[cli][cut]") {
    TypedHost h;
    CHECK(h.run("echo hello-world | cut -c 1-5").first == "hello\n");
    CHECK(h.run("echo hello-world | cut -c 7-").first == "world\n");
    CHECK(h.run("echo hello-world | cut -c -3,9").first == "helr\n");
    CHECK(h.run("echo hello-world | cut -b2").first == "e\n");
    CHECK(h.run("echo a:b:c | cut -d: -f2-").first == "b:c\n");
    CHECK(h.run("echo a:b:c | cut -d : -f 1,3").first == "a:c\n");
    CHECK(h.run("echo a:b | cut -s -d: -f1").first == "a\n");
    CHECK(h.run("echo none | cut -s -d: -f1").first.empty());
    CHECK(h.run("echo x | cut -c 0").first == "cut: byte/character positions are numbered from 1\nTry 'cut --help' for more information.\n");
    CHECK(h.run("echo x | cut -f 3-1").first == "cut: invalid decreasing range\nTry 'cut --help' for more information.\n");
    CHECK(h.run("echo x | cut -c a").first == "cut: invalid byte/character position 'a'\nTry 'cut --help' for more information.\n");
    CHECK(h.run("echo x | cut -d: -c1").first ==
          "cut: an input delimiter may be specified only when operating on fields\nTry 'cut --help' for more information.\n");
    CHECK(h.run("cut").first == "cut: you must specify a list of bytes, characters, or fields\nTry 'cut --help' for more information.\n");
}

TEST_CASE("docker start -ai re-enters a stopped container's shell, detaching quietly", "[cli][attach]") {
    TypedHost h;
    h.run("docker run -dit --name a1 alpine ash");
    h.run("docker stop a1");
    const auto steps = typeScript(h, "docker start -ai a1\nhostname\n\x10\x11\ndocker ps --format '{{.Names}}'\n");
    REQUIRE(steps.size() == 4);
    CHECK(steps[0].output.empty());  // no name printed when attaching
    CHECK(steps[1].prompt == "/ # ");
    CHECK(steps[2].output.empty());
    CHECK(steps[2].status == 0);
    CHECK(steps[3].output == "a1\n");
    CHECK(h.run("docker start -a a1 a1") ==
          std::pair<std::string, int>{"you cannot start and attach multiple containers at once\n", 1});
}

TEST_CASE("docker start -a of a command that ends prints its output and returns its status", "[cli][attach]") {
    TypedHost h;
    h.run("docker run --name once alpine echo hi");
    CHECK(h.run("docker start -a once") == std::pair<std::string, int>{"hi\n", 0});
    CHECK(h.run("docker start once") == std::pair<std::string, int>{"once\n", 0});
}
