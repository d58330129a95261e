// Installing at run time: apt-get/apk typed through docker exec or in a `docker exec -it C bash`
// session change that container only; apt-get on the Docker host; images' own files and
// entrypoints as the containers see them.
#include <catch2/catch.hpp>

#include "typed_host.hpp"

namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("runtime install: apt-get in one container adds ping to it only", "[cli][packages]") {
    TypedHost h;
    h.run("docker run -dit --name u1 ubuntu");
    h.run("docker run -dit --name u2 ubuntu");
    auto [missing, missingCode] = h.run("docker exec u1 ping -c 1 8.8.8.8");
    REQUIRE(missingCode == 126);
    REQUIRE(contains(missing, "exec: \"ping\": executable file not found in $PATH"));

    auto [early, earlyCode] = h.run("docker exec u1 apt-get install -y iputils-ping");
    REQUIRE(earlyCode == 100);
    REQUIRE(contains(early, "E: Unable to locate package iputils-ping\n"));

    auto [update, updateCode] = h.run("docker exec u1 apt-get update");
    REQUIRE(updateCode == 0);
    REQUIRE(contains(update, "Get:2 http://archive.ubuntu.com/ubuntu noble InRelease [256 kB]\n"));
    auto [install, installCode] = h.run("docker exec u1 apt-get install -y iputils-ping");
    REQUIRE(installCode == 0);
    REQUIRE(contains(install, "Setting up iputils-ping (3:20240117-1build1) ...\n"));

    auto [ping, pingCode] = h.run("docker exec u1 ping -c 1 8.8.8.8");
    REQUIRE(pingCode == 0);
    REQUIRE(contains(ping, "1 packets transmitted, 1 received"));
    // The other container of the same image, and a new one, still have no ping.
    REQUIRE(h.run("docker exec u2 ping -c 1 8.8.8.8").second == 126);
    h.run("docker run -dit --name u3 ubuntu");
    REQUIRE(h.run("docker exec u3 ping -c 1 8.8.8.8").second == 126);
    // What was installed survives a restart: it is in the container's writable layer.
    h.run("docker restart u1");
    REQUIRE(h.run("docker exec u1 ping -c 1 8.8.8.8").second == 0);
}

TEST_CASE("runtime install: lines typed into docker exec -it bash install there", "[cli][packages]") {
    TypedHost h;
    h.run("docker run -dit --name d1 debian");
    auto t = h.runner.run("docker exec -it d1 bash\napt-get update\napt-get install -y iproute2\nip -br link\nexit\n");
    REQUIRE(t);
    REQUIRE(t->steps.size() == 5);
    REQUIRE(t->steps[1].output.stdoutText().ends_with("Reading package lists... Done\n"));  // a terminal
    REQUIRE(t->steps[2].exitCode == 0);
    REQUIRE(contains(t->steps[2].output.stdoutText(), "Setting up iproute2 (6.1.0-3) ...\n"));
    REQUIRE(t->steps[3].exitCode == 0);
    REQUIRE(h.run("docker exec d1 ip -br link").second == 0);
}

TEST_CASE("runtime install: apk add on alpine", "[cli][packages]") {
    TypedHost h;
    h.run("docker run -dit --name a1 alpine");
    REQUIRE(h.run("docker exec a1 curl -s http://example.com").second == 126);
    auto [add, code] = h.run("docker exec a1 apk add --no-cache curl");
    REQUIRE(code == 0);
    REQUIRE(contains(add, "fetch https://dl-cdn.alpinelinux.org/alpine/v3.20/main/x86_64/APKINDEX.tar.gz\n"));
    REQUIRE(contains(add, "Installing curl (8.10.1-r0)\n"));
    auto [curl, curlCode] = h.run("docker exec a1 curl -s http://example.com");
    REQUIRE(curlCode != 126);
    REQUIRE_FALSE(contains(curl, "executable file not found"));
    // apt-get is not there.
    auto [apt, aptCode] = h.run("docker exec a1 apt-get update");
    REQUIRE(aptCode == 126);
    REQUIRE(contains(apt, "exec: \"apt-get\": executable file not found in $PATH"));
}

TEST_CASE("runtime install: apt-get on the Docker host installs bridge-utils", "[cli][packages]") {
    TypedHost h;
    auto [out, code] = h.run("sudo apt-get install -y bridge-utils");
    REQUIRE(code == 0);
    REQUIRE(out.starts_with("Reading package lists... Done\nBuilding dependency tree... Done\nReading state information... Done\n"
                            "The following NEW packages will be installed:\n  bridge-utils\n"));
    REQUIRE(contains(out, "Get:1 http://deb.debian.org/debian bookworm/main amd64 bridge-utils amd64 1.7.1-1 [35.2 kB]\n"));
    REQUIRE(contains(out, "Setting up bridge-utils (1.7.1-1) ...\nProcessing triggers for man-db (2.11.2-2) ...\n"));
    REQUIRE_FALSE(contains(out, "debconf"));
    auto [again, againCode] = h.run("apt-get install bridge-utils");
    REQUIRE(againCode == 0);
    REQUIRE(contains(again, "bridge-utils is already the newest version (1.7.1-1).\n"));
    REQUIRE(h.run("brctl show").second == 0);
    REQUIRE(h.run("apk add curl").second == 127);  // not on Debian
    auto [update, updateCode] = h.run("apt-get update");
    REQUIRE(updateCode == 0);
    REQUIRE(update == "Hit:1 http://deb.debian.org/debian bookworm InRelease\n"
                      "Hit:2 http://deb.debian.org/debian bookworm-updates InRelease\n"
                      "Hit:3 http://deb.debian.org/debian-security bookworm-security InRelease\n"
                      "Hit:4 https://download.docker.com/linux/debian bookworm InRelease\n"
                      "Reading package lists... Done\n");
}

TEST_CASE("images: cat /etc/os-release in a container reads the image's", "[cli][images]") {
    TypedHost h;
    h.run("docker run -dit --name u0 ubuntu");
    auto [out, code] = h.run("docker exec u0 cat /etc/os-release");
    REQUIRE(code == 0);
    REQUIRE(out.starts_with("PRETTY_NAME=\"Ubuntu 24.04.1 LTS\"\n"));
    h.run("docker run -dit --name bb busybox");
    auto [none, noneCode] = h.run("docker exec bb cat /etc/os-release");
    REQUIRE(noneCode == 1);
    REQUIRE(none == "cat: can't open '/etc/os-release': No such file or directory\n");
}

TEST_CASE("images: redis's entrypoint runs redis-server for options, redis-cli exists", "[cli][images]") {
    TypedHost h;
    auto [id, code] = h.run("docker run -d --name r1 redis --appendonly yes");
    REQUIRE(code == 0);
    REQUIRE(id.ends_with("\n"));
    REQUIRE_FALSE(contains(id, "executable file not found"));
    auto [ps, psCode] = h.run("docker ps --format '{{.Names}} {{.Command}} {{.Status}}'");
    REQUIRE(contains(ps, "r1 \"docker-entrypoint.s…\" Up"));
    REQUIRE(h.run("docker run -d --name n1 nginx:alpine").second == 0);
    REQUIRE(h.run("docker exec n1 curl -s -o /dev/null http://localhost").second == 0);
    REQUIRE(h.run("docker run -d --name t1 busybox top").second == 0);
    REQUIRE(contains(h.run("docker ps --format '{{.Names}} {{.Status}}'").first, "t1 Up"));
}

TEST_CASE("images: docker run IMAGE sh -c SCRIPT runs the script as the main process", "[cli][images]") {
    TypedHost h;
    auto [out, code] = h.run("docker run --rm ubuntu sh -c 'apt-get update -qq && apt-get install -y -qq net-tools && route -n'");
    REQUIRE(code == 0);
    REQUIRE(contains(out, "Setting up net-tools (2.10-0.1ubuntu4) ...\n"));
    REQUIRE(contains(out, "Kernel IP routing table\n"));
    REQUIRE_FALSE(contains(out, "Get:1"));
}

TEST_CASE("images: nginx:alpine logs Alpine's compiler", "[cli][images]") {
    TypedHost h;
    h.run("docker run -d --name web nginx:alpine");
    auto [logs, code] = h.run("docker logs web");
    REQUIRE(code == 0);
    REQUIRE(contains(logs, "built by gcc 13.2.1 20240309 (Alpine 13.2.1_git20240309) \n"));
}

TEST_CASE("apt's question reads stdin: a piped y goes on, EOF or n aborts, a terminal is said so", "[cli][packages]") {
    TypedHost h;
    REQUIRE(h.run("docker run -dit --name q1 ubuntu").second == 0);
    REQUIRE(h.run("docker exec q1 apt-get update -qq").second == 0);
    auto eof = h.run("docker exec q1 apt-get install iputils-ping");
    CHECK(eof.second == 1);
    CHECK(eof.first.find("Do you want to continue? [Y/n] Abort.\n") != std::string::npos);
    auto no = h.run("docker exec -i q1 apt-get install iputils-ping <<< n");
    CHECK(no.first.find("Do you want to continue? [Y/n] Abort.\n") != std::string::npos);
    CHECK(h.run("docker exec q1 ping -c1 172.17.0.1").second != 0);  // still no ping
    auto yes = h.run("echo y | docker exec -i q1 apt-get install iputils-ping");
    CHECK(yes.second == 0);
    CHECK(yes.first.find("Do you want to continue? [Y/n] Get:1 ") != std::string::npos);
    CHECK(h.run("docker exec q1 ping -c1 172.17.0.1").second == 0);
    // In a `docker exec -it` session stdin is the terminal: the answer would be typed.
    REQUIRE(h.run("docker exec -it q1 bash").second == 0);
    auto typed = h.run("apt-get install curl");
    CHECK(typed.second == 1);
    CHECK(typed.first.find("Do you want to continue? [Y/n] \n") != std::string::npos);
    CHECK(typed.first.find("docknet: apt-get waits for an answer at the terminal; typing one is not modelled (run it again with -y)") !=
          std::string::npos);
}
