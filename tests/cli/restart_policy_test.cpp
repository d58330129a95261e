// --restart as Docker 27 has it: the CLI's and the daemon's refusals word for word (and no
// container left), HostConfig.RestartPolicy and RestartCount in inspect, moby's restartmanager
// on the simulated clock (100 ms doubling; Restarting meanwhile, as docker ps words it), manual
// stops that no policy undoes, the network made again at each restart, `docker update
// --restart`, and what `systemctl restart docker` brings back.
#include <catch2/catch.hpp>

#include "cli/typed_host.hpp"

namespace {
using Result = std::pair<std::string, int>;
std::string out(TypedHost& h, const std::string& line) { return h.run(line).first; }
std::string state(TypedHost& h, const std::string& name) {
    return out(h, "docker inspect -f '{{.State.Status}} {{.RestartCount}} {{.State.ExitCode}}' " + name);
}
}  // namespace

TEST_CASE("Restart policy refusals are the CLI's and the daemon's words and leave no container", "[cli][restart-policy]") {
    TypedHost h;
    const std::string unknown = "invalid restart policy: unknown policy 'bogus'; use one of 'no', 'always', 'on-failure', or "
                                "'unless-stopped'";
    // The daemon judges the policy before it looks for the image: nothing is pulled.
    CHECK(h.run("docker run -d --restart bogus nginx") ==
          Result{"docker: Error response from daemon: " + unknown + ".\nSee 'docker run --help'.\n", 125});
    CHECK(h.run("docker create --restart ALWAYS alpine").first.find("unknown policy 'ALWAYS'") != std::string::npos);
    CHECK(h.run("docker run --restart always:3 alpine true") ==
          Result{"docker: Error response from daemon: invalid restart policy: maximum retry count can only be used with "
                 "'on-failure'.\nSee 'docker run --help'.\n",
                 125});
    CHECK(h.run("docker run --restart unless-stopped:-1 alpine true") ==
          Result{"docker: Error response from daemon: invalid restart policy: maximum retry count can only be used with "
                 "'on-failure' and cannot be negative.\nSee 'docker run --help'.\n",
                 125});
    CHECK(h.run("docker run --restart no:2 alpine true").first.find("can only be used with 'on-failure'") != std::string::npos);
    CHECK(h.run("docker run --restart on-failure:-2 alpine true") ==
          Result{"docker: Error response from daemon: invalid restart policy: maximum retry count cannot be negative.\n"
                 "See 'docker run --help'.\n",
                 125});
    // opts.ParseRestartPolicy's own errors come from the CLI.
    CHECK(h.run("docker run --restart on-failure:x alpine true") ==
          Result{"docker: invalid restart policy format: maximum retry count must be an integer.\nSee 'docker run --help'.\n", 125});
    CHECK(h.run("docker run --restart on-failure:1:2 alpine true").first.find("must be an integer") != std::string::npos);
    CHECK(h.run("docker create --restart :3 alpine") ==
          Result{"docker: invalid restart policy format: no policy provided before colon.\nSee 'docker create --help'.\n", 125});
    CHECK(h.run("docker create --rm --restart on-failure alpine") ==
          Result{"docker: conflicting options: cannot specify both --restart and --rm.\nSee 'docker create --help'.\n", 125});
    // A name the daemon would refuse is no "none" policy either: the CLI's conflict comes first.
    CHECK(h.run("docker run --rm --restart bogus alpine true").first.find("--restart and --rm") != std::string::npos);
    CHECK(h.run("docker images -q").first.empty());
    CHECK(h.run("docker ps -aq").first.empty());
    CHECK(h.run("docker run --rm --restart no alpine true").second == 0);
}

TEST_CASE("HostConfig.RestartPolicy and RestartCount are in inspect", "[cli][restart-policy]") {
    TypedHost h;
    REQUIRE(h.run("docker create --name plain alpine").second == 0);
    REQUIRE(h.run("docker create --name counted --restart on-failure:5 alpine").second == 0);
    REQUIRE(h.run("docker create --name forever --restart=unless-stopped alpine").second == 0);
    REQUIRE(h.run("docker create --name bare --restart on-failure: alpine").second == 0);
    const std::string f = "docker inspect -f '{{.HostConfig.RestartPolicy.Name}} {{.HostConfig.RestartPolicy.MaximumRetryCount}} "
                          "{{.RestartCount}}' ";
    CHECK(out(h, f + "plain") == "no 0 0\n");
    CHECK(out(h, f + "counted") == "on-failure 5 0\n");
    CHECK(out(h, f + "forever") == "unless-stopped 0 0\n");
    CHECK(out(h, f + "bare") == "on-failure 0 0\n");
    CHECK(out(h, "docker inspect -f '{{json .HostConfig.RestartPolicy}}' counted") ==
          "{\"Name\":\"on-failure\",\"MaximumRetryCount\":5}\n");
}

TEST_CASE("on-failure:N restarts a failing container N times with moby's backoff", "[cli][restart-policy]") {
    TypedHost h;
    REQUIRE(h.run("docker pull -q alpine").second == 0);
    REQUIRE(h.run("docker run -d --name flaky --restart on-failure:3 alpine sh -c 'echo try; exit 3'").second == 0);
    // Exited at once; the first restart waits 100 ms. State.Running stays true meanwhile.
    CHECK(state(h, "flaky") == "restarting 1 3\n");
    CHECK(out(h, "docker inspect -f '{{.State.Running}} {{.State.Restarting}} {{.State.Pid}}' flaky") == "true true 0\n");
    CHECK(out(h, "docker ps --format '{{.Names}} {{.Status}}'") == "flaky Restarting (3) Less than a second ago\n");
    CHECK(out(h, "docker ps -q --filter status=restarting") == out(h, "docker ps -q"));
    CHECK(out(h, "docker ps -q --filter status=running").empty());
    CHECK(out(h, "docker ps -aq --filter exited=3").empty());  // a restarting container has not stopped
    const std::string id = out(h, "docker inspect -f '{{.Id}}' flaky").substr(0, 64);
    CHECK(h.run("docker exec flaky true") ==
          Result{"Error response from daemon: Container " + id + " is restarting, wait until the container is running\n", 1});
    CHECK(h.run("docker attach flaky") == Result{"You cannot attach to a restarting container, wait until it is running\n", 1});
    REQUIRE(h.run("sleep 0.05").second == 0);
    CHECK(state(h, "flaky") == "restarting 1 3\n");
    REQUIRE(h.run("sleep 0.1").second == 0);  // restarted at 0.1 s, failed, waits 200 ms
    CHECK(state(h, "flaky") == "restarting 2 3\n");
    REQUIRE(h.run("sleep 0.2").second == 0);  // restarted at 0.3 s, failed, waits 400 ms
    CHECK(state(h, "flaky") == "restarting 3 3\n");
    REQUIRE(h.run("sleep 0.3").second == 0);
    CHECK(state(h, "flaky") == "restarting 3 3\n");
    REQUIRE(h.run("sleep 0.2").second == 0);  // restarted at 0.7 s, failed: the third retry was the last
    CHECK(state(h, "flaky") == "exited 3 3\n");
    CHECK(out(h, "docker ps -q").empty());
    CHECK(out(h, "docker logs flaky") == "try\ntry\ntry\ntry\n");
    REQUIRE(h.run("sleep 60").second == 0);
    CHECK(state(h, "flaky") == "exited 3 3\n");
    // A user's start makes a new restart manager: the count starts again.
    REQUIRE(h.run("docker start flaky") == Result{"flaky\n", 0});
    CHECK(state(h, "flaky") == "restarting 1 3\n");
}

TEST_CASE("on-failure leaves a clean exit alone and always restarts it", "[cli][restart-policy]") {
    TypedHost h;
    REQUIRE(h.run("docker run -d --name done --restart on-failure alpine true").second == 0);
    CHECK(state(h, "done") == "exited 0 0\n");
    REQUIRE(h.run("docker run -d --name again --restart always alpine true").second == 0);
    CHECK(state(h, "again") == "restarting 1 0\n");
    REQUIRE(h.run("sleep 1").second == 0);  // 100 + 200 + 400 ms of waits, and 800 ms pending
    CHECK(state(h, "again") == "restarting 4 0\n");
    // docker stop of a restarting container drops the restart: it stays Exited with its code.
    REQUIRE(h.run("docker stop again") == Result{"again\n", 0});
    CHECK(state(h, "again") == "exited 4 0\n");
    REQUIRE(h.run("sleep 120").second == 0);
    CHECK(state(h, "again") == "exited 4 0\n");
}

TEST_CASE("a run that lasted 10 s resets the backoff to 100 ms", "[cli][restart-policy]") {
    TypedHost h;
    REQUIRE(h.run("docker run -d --name long --restart always alpine sleep 10").second == 0);
    REQUIRE(h.run("sleep 10").second == 0);
    CHECK(state(h, "long") == "restarting 1 0\n");
    REQUIRE(h.run("sleep 0.1").second == 0);
    CHECK(state(h, "long") == "running 1 0\n");
    CHECK(out(h, "docker ps --format '{{.Status}}'") == "Up Less than a second\n");
    REQUIRE(h.run("sleep 10").second == 0);  // exited at 20.1 s after 10 s up: 100 ms again
    CHECK(state(h, "long") == "restarting 2 0\n");
    REQUIRE(h.run("sleep 0.1").second == 0);
    CHECK(state(h, "long") == "running 2 0\n");
}

TEST_CASE("docker stop and docker kill are never undone by the policy", "[cli][restart-policy]") {
    TypedHost h;
    REQUIRE(h.run("docker run -d --name ar --restart always alpine sleep 1000").second == 0);
    REQUIRE(h.run("docker run -d --name us --restart unless-stopped alpine sleep 1000").second == 0);
    REQUIRE(h.run("docker run -d --name of --restart on-failure alpine sleep 1000").second == 0);
    REQUIRE(h.run("docker stop ar") == Result{"ar\n", 0});
    REQUIRE(h.run("docker kill us") == Result{"us\n", 0});
    REQUIRE(h.run("docker kill of") == Result{"of\n", 0});
    REQUIRE(h.run("sleep 5").second == 0);
    CHECK(state(h, "ar") == "exited 0 137\n");
    CHECK(state(h, "us") == "exited 0 137\n");
    CHECK(state(h, "of") == "exited 0 137\n");
    // docker restart is a stop and a user's start: the policy's count stays 0.
    REQUIRE(h.run("docker restart of") == Result{"of\n", 0});
    CHECK(state(h, "of") == "running 0 0\n");
}

TEST_CASE("a restarting container wants docker rm -f", "[cli][restart-policy]") {
    TypedHost h;
    REQUIRE(h.run("docker run -d --name rr --restart always alpine false").second == 0);
    CHECK(h.run("docker rm rr") ==
          Result{"Error response from daemon: cannot remove container \"/rr\": container is restarting: stop the container "
                 "before removing or force remove\n",
                 1});
    CHECK(h.run("docker container prune -f").first == "Total reclaimed space: 0B\n");
    CHECK(h.run("docker rm -f rr") == Result{"rr\n", 0});
    REQUIRE(h.run("sleep 1").second == 0);
    CHECK(out(h, "docker ps -aq").empty());
}

TEST_CASE("a restart makes the container's networking again as a start does", "[cli][restart-policy]") {
    TypedHost h;
    REQUIRE(h.run("docker network create net1").second == 0);
    REQUIRE(h.run("docker run -d --name web --network net1 -p 8080:80 --restart always alpine sleep 2").second == 0);
    REQUIRE(h.run("docker run -d --name client --network net1 alpine sleep 1000").second == 0);
    const std::string ip = "docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' web";
    CHECK(out(h, ip) == "172.18.0.2\n");
    REQUIRE(h.run("docker exec client ping -c1 -W1 web").second == 0);
    REQUIRE(h.run("sleep 2.05").second == 0);  // exited at 2 s; restarts at 2.1 s
    CHECK(state(h, "web") == "restarting 1 0\n");
    CHECK(out(h, ip) == "\n");
    CHECK(out(h, "ss -ltn").find(":8080") == std::string::npos);
    CHECK(h.run("docker exec client ping -c1 -W1 web").second != 0);
    REQUIRE(h.run("sleep 0.1").second == 0);
    CHECK(state(h, "web") == "running 1 0\n");
    CHECK(out(h, ip) == "172.18.0.2\n");
    CHECK(out(h, "ss -ltn").find(":8080") != std::string::npos);
    CHECK(h.run("docker exec client ping -c1 -W1 web").second == 0);
}

TEST_CASE("exit in the attached main shell goes through the policy", "[cli][restart-policy]") {
    TypedHost h;
    REQUIRE(h.run("docker run -it --name box --restart on-failure alpine sh").second == 0);
    REQUIRE(h.run("exit 3").second == 3);
    CHECK(state(h, "box") == "restarting 1 3\n");
    REQUIRE(h.run("sleep 0.1").second == 0);
    CHECK(state(h, "box") == "running 1 0\n");  // the shell waits on its stdin again
    REQUIRE(h.run("docker attach box").second == 0);
    REQUIRE(h.run("exit").second == 0);
    CHECK(state(h, "box") == "exited 1 0\n");
}

TEST_CASE("an attached client returns at the exit even when the policy restarts the container", "[cli][restart-policy]") {
    TypedHost h;
    REQUIRE(h.run("docker run -d --name sl --restart always alpine sleep 2").second == 0);
    REQUIRE(h.run("docker attach sl").second == 0);
    CHECK(h.run("echo typed") == Result{"", 0});  // sleep's stdin, or nowhere
    h.lab.pause(sim::core::seconds(3));            // exited at 2 s, running again at 2.1 s
    CHECK(h.run("echo back") == Result{"back\n", 0});
    CHECK(state(h, "sl") == "running 1 0\n");
}

TEST_CASE("docker update --restart changes the policy with the CLI's usage and words", "[cli][restart-policy]") {
    TypedHost h;
    REQUIRE(h.run("docker run -d --name c1 alpine false").second == 0);
    CHECK(h.run("docker update --restart on-failure:2 c1") == Result{"c1\n", 0});
    CHECK(out(h, "docker inspect -f '{{.HostConfig.RestartPolicy.Name}}:{{.HostConfig.RestartPolicy.MaximumRetryCount}}' c1") ==
          "on-failure:2\n");
    REQUIRE(h.run("docker start c1").second == 0);
    REQUIRE(h.run("sleep 1").second == 0);
    CHECK(state(h, "c1") == "exited 2 1\n");
    CHECK(h.run("docker container update --restart=no c1") == Result{"c1\n", 0});
    CHECK(h.run("docker update c1") == Result{"you must provide one or more flags when using this command\n", 1});
    CHECK(h.run("docker update --restart bogus c1") ==
          Result{"Error response from daemon: invalid restart policy: unknown policy 'bogus'; use one of 'no', 'always', "
                 "'on-failure', or 'unless-stopped'\n",
                 1});
    CHECK(h.run("docker update --restart on-failure:x c1") ==
          Result{"invalid restart policy format: maximum retry count must be an integer\n", 1});
    CHECK(h.run("docker update --restart always c1 nope") == Result{"c1\nError response from daemon: No such container: nope\n", 1});
    CHECK(h.run("docker update -m 1g c1").second == 125);
    REQUIRE(h.run("docker run -d --rm --name tmp alpine sleep 100").second == 0);
    const std::string id = out(h, "docker inspect -f '{{.Id}}' tmp").substr(0, 64);
    CHECK(h.run("docker update --restart always tmp") ==
          Result{"Error response from daemon: Cannot update container " + id +
                     ": Restart policy cannot be updated because AutoRemove is enabled for the container\n",
                 1});
    CHECK(h.run("docker update --help").first.starts_with(
        "\nUsage:  docker update [OPTIONS] CONTAINER [CONTAINER...]\n\nUpdate configuration of one or more containers\n"));
}

TEST_CASE("systemctl restart docker brings back what the policies ask for", "[cli][restart-policy][daemon]") {
    TypedHost h;
    REQUIRE(h.run("docker pull -q nginx").second == 0);
    REQUIRE(h.run("docker run -d --name none alpine sleep 1000").second == 0);
    REQUIRE(h.run("docker run -d --name always --restart always -p 8080:80 nginx").second == 0);
    REQUIRE(h.run("docker run -d --name always-stopped --restart always alpine sleep 1000").second == 0);
    REQUIRE(h.run("docker run -d --name unless --restart unless-stopped alpine sleep 1000").second == 0);
    REQUIRE(h.run("docker run -d --name unless-stopped --restart unless-stopped alpine sleep 1000").second == 0);
    // on-failure: nginx stops cleanly at the shutdown (0), a sleep is SIGKILLed (137).
    REQUIRE(h.run("docker run -d --name fail-clean --restart on-failure nginx").second == 0);
    REQUIRE(h.run("docker run -d --name fail-killed --restart on-failure alpine sleep 1000").second == 0);
    REQUIRE(h.run("docker create --name never-started --restart always alpine").second == 0);
    REQUIRE(h.run("docker stop always-stopped unless-stopped").second == 0);
    REQUIRE(h.run("systemctl restart docker") == Result{"", 0});
    CHECK(out(h, "docker ps -a --format '{{.Names}} {{.State}}'") ==
          "never-started created\n"
          "fail-killed running\n"
          "fail-clean exited\n"
          "unless-stopped exited\n"
          "unless running\n"
          "always-stopped running\n"
          "always running\n"
          "none exited\n");
    CHECK(out(h, "ss -ltn").find(":8080") != std::string::npos);
    CHECK(state(h, "always") == "running 0 0\n");
    REQUIRE(h.run("docker exec unless ping -c1 -W1 8.8.8.8").second == 0);
}

TEST_CASE("kill of a container's init on the host is an exit the policy restarts", "[cli][restart-policy][kill]") {
    TypedHost h;
    REQUIRE(h.run("docker run -d --name sl --restart on-failure alpine sleep 1000").second == 0);
    REQUIRE(h.run("docker run -d --name web --restart unless-stopped nginx").second == 0);
    auto pidOf = [&h](const std::string& name) {
        std::string pid = out(h, "docker inspect -f '{{.State.Pid}}' " + name);
        if (!pid.empty() && pid.back() == '\n') pid.pop_back();
        return pid;
    };
    const std::string slPid = pidOf("sl"), webPid = pidOf("web");
    REQUIRE(slPid.size() > 1);
    // SIGTERM is dropped by a PID 1 without a handler; SIGKILL is not, and it is no docker stop.
    CHECK(h.run("kill " + slPid) == Result{"", 0});
    CHECK(state(h, "sl") == "running 0 0\n");
    CHECK(h.run("kill -9 " + slPid) == Result{"", 0});
    CHECK(state(h, "sl") == "restarting 1 137\n");
    REQUIRE(h.run("sleep 0.1").second == 0);
    CHECK(state(h, "sl") == "running 1 0\n");
    // nginx handles SIGTERM and exits 0: unless-stopped brings it back, on-failure would not.
    CHECK(h.run("kill -s TERM " + webPid) == Result{"", 0});
    CHECK(state(h, "web") == "restarting 1 0\n");
    CHECK(h.run("kill -SIGKILL 999999") == Result{"bash: kill: (999999) - No such process\n", 1});
    CHECK(h.run("kill -FOO 1") == Result{"bash: kill: FOO: invalid signal specification\n", 1});
    CHECK(h.run("kill abc") == Result{"bash: kill: abc: arguments must be process or job IDs\n", 1});
    CHECK(h.run("kill") ==
          Result{"kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n", 2});
    CHECK(h.run("kill -9 1") == Result{"docknet: kill of systemd (PID 1) is not modelled (a container's init, its State.Pid, is)\n", 1});
    REQUIRE(h.run("sleep 0.1").second == 0);
    CHECK(h.run("kill -HUP " + pidOf("web")) ==
          Result{"docknet: kill -HUP is not modelled (KILL, TERM and INT are)\n", 1});
}

TEST_CASE("on-failure ignores a manual stop once the daemon restarts", "[cli][restart-policy][daemon]") {
    TypedHost h;
    REQUIRE(h.run("docker run -d --name of1 --restart on-failure alpine sleep 1000").second == 0);
    REQUIRE(h.run("docker run -d --name of2 --restart on-failure:1 alpine false").second == 0);
    REQUIRE(h.run("docker stop of1").second == 0);  // 137 after 10 s
    REQUIRE(h.run("sleep 1").second == 0);          // of2: its one retry made
    CHECK(state(h, "of1") == "exited 0 137\n");
    CHECK(state(h, "of2") == "exited 1 1\n");
    REQUIRE(h.run("systemctl restart docker").second == 0);
    CHECK(state(h, "of1") == "running 0 0\n");
    CHECK(state(h, "of2") == "exited 1 1\n");  // RestartCount 1 of at most 1
}

TEST_CASE("kill 1 inside a container reaches its init only when it handles the signal", "[cli][restart-policy][kill]") {
    TypedHost h;
    REQUIRE(h.run("docker run -d --name al --restart always alpine sleep 1000").second == 0);
    REQUIRE(h.run("docker run -d --name ngx --restart on-failure nginx:alpine").second == 0);
    CHECK(h.run("docker exec al kill -9 1") == Result{"", 0});  // dropped: PID 1 of its own namespace
    CHECK(h.run("docker exec al kill 1") == Result{"", 0});
    CHECK(state(h, "al") == "running 0 0\n");
    CHECK(h.run("docker exec ngx kill -TERM 1") == Result{"", 0});  // nginx's handler: a clean exit
    CHECK(state(h, "ngx") == "exited 0 0\n");                      // on-failure: no restart
    CHECK(h.run("docker exec al kill 7") ==
          Result{"docknet: kill of PID 7 is not modelled in a container (kill -KILL, -TERM or -INT 1 is)\n", 1});
    CHECK(h.run("docker exec al sh -c 'kill -HUP 1'").first ==
          "docknet: kill -HUP is not modelled in a container (kill -KILL, -TERM or -INT 1 is)\n");
}

TEST_CASE("kill is a shell builtin: a Debian image without /bin/kill has it in sh -c, not in a bare exec", "[cli][restart-policy][kill]") {
    TypedHost h;
    REQUIRE(h.run("docker run -d --name deb nginx").second == 0);
    // docker exec runs the program itself: nginx's image ships no kill binary.
    CHECK(h.run("docker exec deb kill 1") ==
          Result{"OCI runtime exec failed: exec failed: unable to start container process: exec: \"kill\": executable "
                 "file not found in $PATH: unknown\n",
                 126});
    // A shell's line has dash's builtin; /bin/sh is dash, so its errors are dash's.
    CHECK(h.run("docker exec deb sh -c 'nosuch'") == Result{"sh: 1: nosuch: not found\n", 127});
    CHECK(h.run("docker exec deb bash -c 'nosuch'") == Result{"bash: nosuch: command not found\n", 127});
    CHECK(h.run("docker exec deb sh -c 'kill -TERM 1'") == Result{"", 0});
    CHECK(state(h, "deb") == "exited 0 0\n");
}
