// docker run / create / exec flags besides the network ones: each has its effect or is refused
// ("docknet: ... is not modelled", exit 125), never accepted and ignored. Labels (inspect, ps
// --filter label, {{.Label}}), --label-file and --env-file (the simulated host's files), -w and
// -u (inspect, pwd, whoami, id, ps, the prompt, the start-time user lookup), --init, --memory and
// --cpus with the CLI's and the daemon's validation, --pull, --platform, docker exec -e/-u/-w.
#include <catch2/catch.hpp>

#include "cli/typed_host.hpp"

namespace {

using Result = std::pair<std::string, int>;

void pullImages(TypedHost& h) {
    REQUIRE(h.run("docker pull alpine").second == 0);
    REQUIRE(h.run("docker pull debian").second == 0);
}

}  // namespace

TEST_CASE("labels from --label and --label-file reach inspect and ps", "[cli][run-flags]") {
    TypedHost h;
    pullImages(h);
    REQUIRE(h.run("echo 'team=blue' > labels.txt").second == 0);
    REQUIRE(h.run("echo '# a comment' >> labels.txt").second == 0);
    REQUIRE(h.run("echo 'owner=me' >> labels.txt").second == 0);
    REQUIRE(h.run("docker run -dit --name l1 --label-file labels.txt -l env=prod -l solo alpine").second == 0);
    REQUIRE(h.run("docker run -dit --name l2 --label team=red alpine").second == 0);
    CHECK(h.run("docker inspect -f '{{json .Config.Labels}}' l1").first ==
          "{\"env\":\"prod\",\"owner\":\"me\",\"solo\":\"\",\"team\":\"blue\"}\n");
    CHECK(h.run("docker ps --filter label=team=blue --format '{{.Names}} {{.Label \"env\"}}'").first == "l1 prod\n");
    CHECK(h.run("docker ps --filter label=team --format '{{.Names}}'").first == "l2\nl1\n");
    CHECK(h.run("docker ps --filter label=solo --filter label=team=red -q").first.empty());
    CHECK(h.run("docker ps --filter label=nope -q").first.empty());
    CHECK(h.run("docker ps --filter name=l2 --format '{{.Labels}}'").first == "team=red\n");
    CHECK(h.run("docker run --rm --label-file missing.txt alpine true") ==
          Result{"docker: open missing.txt: no such file or directory.\nSee 'docker run --help'.\n", 125});
}

TEST_CASE("docker run --env-file lines come before -e, and a bare name takes the shell's value", "[cli][run-flags]") {
    TypedHost h;
    pullImages(h);
    REQUIRE(h.run("echo 'A=1' > my.env").second == 0);
    REQUIRE(h.run("echo '   B' >> my.env").second == 0);
    REQUIRE(h.run("echo 'UNSET' >> my.env").second == 0);
    REQUIRE(h.run("export B=fromshell").second == 0);
    REQUIRE(h.run("docker run -dit --name e1 --env-file my.env -e C=3 alpine").second == 0);
    CHECK(h.run("docker inspect -f '{{json .Config.Env}}' e1").first ==
          "[\"A=1\",\"B=fromshell\",\"C=3\",\"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\"]\n");
    REQUIRE(h.run("echo 'BAD KEY=x' > bad.env").second == 0);
    CHECK(h.run("docker run --rm --env-file bad.env alpine true") ==
          Result{"docker: poorly formatted environment: variable 'BAD KEY' contains whitespaces.\nSee 'docker run --help'.\n", 125});
    CHECK(h.run("docker ps -aq").first.find('\n') == h.run("docker ps -aq").first.rfind('\n'));  // only e1
}

TEST_CASE("docker run --workdir and --user set where and as whom the processes run", "[cli][run-flags]") {
    TypedHost h;
    pullImages(h);
    REQUIRE(h.run("docker run -dit --name u1 -w /tmp -u nobody alpine").second == 0);
    CHECK(h.run("docker inspect -f '{{.Config.User}} {{.Config.WorkingDir}}' u1").first == "nobody /tmp\n");
    CHECK(h.run("docker exec u1 pwd") == Result{"/tmp\n", 0});
    CHECK(h.run("docker exec u1 whoami") == Result{"nobody\n", 0});
    CHECK(h.run("docker exec u1 id") == Result{"uid=65534(nobody) gid=65534(nobody) groups=65534(nobody)\n", 0});
    // runc sets HOME from the passwd entry ("/" without one).
    CHECK(h.run("docker exec u1 env").first.find("HOME=/\n") != std::string::npos);
    CHECK(h.run("docker run --rm -u 1000 debian env").first.find("HOME=/\n") != std::string::npos);
    CHECK(h.run("docker run --rm -u www-data debian env").first.find("HOME=/var/www\n") != std::string::npos);
    CHECK(h.run("docker run --rm debian env").first.find("HOME=/root\n") != std::string::npos);
    // A user without NET_ADMIN in its effective set even when the container has it.
    CHECK(h.run("docker exec -u root -w /etc u1 sh -c 'pwd; whoami'") == Result{"/etc\nroot\n", 0});
    // Relative paths start there too.
    CHECK(h.run("docker exec -u root -w /etc u1 sh -c 'echo x > note; cat note; cat /etc/note'") == Result{"x\nx\n", 0});
    CHECK(h.run("docker exec u1 sh -c 'echo y > note; cat /tmp/note'") == Result{"y\n", 0});
    CHECK(h.run("docker exec u1 ps").first ==
          "PID   USER     TIME  COMMAND\n    1 nobody    0:00 /bin/sh\n    7 nobody    0:00 ps\n");
    CHECK(h.run("docker run --rm alpine id").first ==
          "uid=0(root) gid=0(root) groups=0(root),1(bin),2(daemon),3(sys),4(adm),6(disk),10(wheel),11(floppy),20(dialout),26(tape),27(video)\n");
    CHECK(h.run("docker run --rm debian id") == Result{"uid=0(root) gid=0(root) groups=0(root)\n", 0});
    CHECK(h.run("docker run --rm -u 1000 debian id") == Result{"uid=1000 gid=0(root) groups=0(root)\n", 0});
    CHECK(h.run("docker run --rm -u 1000 debian whoami") == Result{"whoami: cannot find name for user ID 1000\n", 1});
    CHECK(h.run("docker run --rm -u 1000 alpine whoami") == Result{"whoami: unknown uid 1000\n", 1});
    CHECK(h.run("docker run --rm -u www-data:nogroup debian id") == Result{"uid=33(www-data) gid=65534(nogroup) groups=65534(nogroup)\n", 0});
    CHECK(h.run("docker run --rm -u nobody debian id") == Result{"uid=65534(nobody) gid=65534(nogroup) groups=65534(nogroup)\n", 0});
    CHECK(h.run("docker run --rm -u www-data debian id") == Result{"uid=33(www-data) gid=33(www-data) groups=33(www-data)\n", 0});
}

TEST_CASE("an unknown user fails at start, a relative workdir at create", "[cli][run-flags]") {
    TypedHost h;
    pullImages(h);
    // -d prints the id before the start (run.go's waitDisplayID), then the start's error.
    const auto [out, status] = h.run("docker run -d --name bad -u nosuch alpine sleep 9");
    CHECK(status == 125);
    CHECK(out.substr(65) ==
          std::string{"docker: Error response from daemon: failed to create task for container: failed to create shim task: OCI "
                 "runtime create failed: runc create failed: unable to start container process: error during container init: "
                 "unable to find user nosuch: no matching entries in passwd file: unknown.\n"});
    CHECK(h.run("docker ps -a --filter name=bad --format '{{.Status}}'").first == "Created\n");
    REQUIRE(h.run("docker run -dit --name ok alpine").second == 0);
    CHECK(h.run("docker exec -u bogus ok id") == Result{"unable to find user bogus: no matching entries in passwd file\n", 126});
    CHECK(h.run("docker run --rm -w rel alpine pwd") ==
          Result{"docker: Error response from daemon: the working directory 'rel' is invalid, it needs to be an absolute "
                 "path.\nSee 'docker run --help'.\n",
                 125});
}

TEST_CASE("docker exec -e adds to the container's environment", "[cli][run-flags]") {
    TypedHost h;
    pullImages(h);
    REQUIRE(h.run("docker run -dit --name x1 -e A=1 alpine").second == 0);
    const std::string env = h.run("docker exec -e X=42 x1 env").first;
    CHECK(env.find("A=1\nX=42\n") != std::string::npos);
    CHECK(h.run("docker exec x1 env").first.find("X=42") == std::string::npos);
    CHECK(h.run("docker exec -d x1 sleep 1") ==
          Result{"docknet: docker exec -d is not modelled (run the command attached, or in docker run -d)\n", 125});
}

TEST_CASE("docker run --memory and --cpus are validated as the CLI and the daemon do and shown in inspect", "[cli][run-flags]") {
    TypedHost h;
    pullImages(h);
    CHECK(h.run("docker run --rm -m abc alpine true") ==
          Result{"invalid argument \"abc\" for \"-m, --memory\" flag: invalid size: 'abc'\nSee 'docker run --help'.\n", 125});
    CHECK(h.run("docker run --rm -m 4m alpine true") ==
          Result{"docker: Error response from daemon: Minimum memory limit allowed is 6MB.\nSee 'docker run --help'.\n", 125});
    CHECK(h.run("docker run --rm --cpus x alpine true") ==
          Result{"invalid argument \"x\" for \"--cpus\" flag: failed to parse x as a rational number\nSee 'docker run --help'.\n", 125});
    CHECK(h.run("docker run --rm --cpus 3 alpine true") ==
          Result{"docker: Error response from daemon: Range of CPUs is from 0.01 to 2.00, as there are only 2 CPUs "
                 "available.\nSee 'docker run --help'.\n",
                 125});
    CHECK(h.run("docker ps -aq").first.empty());
    REQUIRE(h.run("docker create --name res -m 512m --cpus 1.5 alpine").second == 0);
    CHECK(h.run("docker inspect -f '{{.HostConfig.Memory}} {{.HostConfig.MemorySwap}} {{.HostConfig.NanoCpus}}' res").first ==
          "536870912 1073741824 1500000000\n");
    REQUIRE(h.run("docker create --name nores alpine").second == 0);
    CHECK(h.run("docker inspect -f '{{.HostConfig.Memory}} {{.HostConfig.MemorySwap}} {{.HostConfig.NanoCpus}}' nores").first ==
          "0 0 0\n");
}

TEST_CASE("docker run --init runs docker-init as PID 1 and sets HostConfig.Init", "[cli][run-flags]") {
    TypedHost h;
    pullImages(h);
    REQUIRE(h.run("docker run -d --name in1 --init alpine sleep 100").second == 0);
    CHECK(h.run("docker inspect -f '{{json .HostConfig.Init}}' in1").first == "true\n");
    CHECK(h.run("docker exec in1 ps").first ==
          "PID   USER     TIME  COMMAND\n"
          "    1 root      0:00 /sbin/docker-init -- sleep 100\n"
          "    2 root      0:00 sleep 100\n"
          "    8 root      0:00 ps\n");
    CHECK(h.run("ps -ef").first.find("/sbin/docker-init -- sleep 100") != std::string::npos);
}

TEST_CASE("docker run --pull always, missing and never", "[cli][run-flags]") {
    TypedHost h;
    REQUIRE(h.run("docker pull alpine").second == 0);
    CHECK(h.run("docker run --rm --pull never nginx true") ==
          Result{"docker: Error response from daemon: No such image: nginx:latest.\nSee 'docker run --help'.\n", 125});
    CHECK(h.run("docker run --rm --pull bogus alpine true") ==
          Result{"docker: invalid pull option: 'bogus': must be one of \"always\", \"missing\" or \"never\".\nSee 'docker run "
                 "--help'.\n",
                 125});
    CHECK(h.run("docker run --rm --pull never alpine true") == Result{"", 0});
    const auto [always, status] = h.run("docker run --rm --pull always alpine true");
    CHECK(status == 0);
    CHECK(always.starts_with("latest: Pulling from library/alpine\nDigest: sha256:"));
    CHECK(always.ends_with("Status: Image is up to date for alpine:latest\n"));
    CHECK(h.run("docker images --format '{{.Repository}}'").first == "alpine\n");
}

TEST_CASE("what docknet does not model is refused with exit 125 and leaves no container", "[cli][run-flags]") {
    TypedHost h;
    REQUIRE(h.run("docker pull alpine").second == 0);
    CHECK(h.run("docker run --rm --platform linux/arm64 alpine true") ==
          Result{"docknet: --platform linux/arm64 is not modelled (the simulated host runs linux/amd64 images only)\n", 125});
    CHECK(h.run("docker run --rm --platform linux/amd64 alpine true") == Result{"", 0});
    CHECK(h.run("docker run --rm -v /tmp:/data alpine true") ==
          Result{"docknet: -v/--volume is not modelled (docknet simulates no volumes or bind mounts)\n", 125});
    CHECK(h.run("docker create --mount type=bind,src=/tmp,dst=/data alpine") ==
          Result{"docknet: --mount is not modelled (docknet simulates no volumes or bind mounts)\n", 125});
    // The CLI's own check comes first.
    CHECK(h.run("docker run --rm --restart always alpine true").first.find("--restart and --rm") != std::string::npos);
    CHECK(h.run("docker run -d -u nobody nginx") ==
          Result{"docknet: --user nobody with the image's server is not modelled (docknet runs it as root only)\n", 125});
    CHECK(h.run("docker run -d -u www-data redis") ==
          Result{"docknet: --user www-data with the image's server is not modelled (docknet runs it as root or redis only)\n", 125});
    CHECK(h.run("docker ps -aq").first.empty());
    REQUIRE(h.run("docker run -d --name r1 -u redis redis").second == 0);
    CHECK(h.run("docker inspect -f '{{.Config.User}} {{.State.Status}}' r1").first == "redis running\n");
}

TEST_CASE("the rest of Docker's run flags are known, parsed as Docker parses them, and refused", "[cli][run-flags]") {
    TypedHost h;
    // --quiet drops the pull's progress: the first run of an image prints only its output.
    CHECK(h.run("docker run --rm -q alpine echo hi") == Result{"hi\n", 0});
    CHECK(h.run("docker run --rm --sysctl net.ipv4.ip_forward=1 alpine true") ==
          Result{"docknet: --sysctl is not modelled by the simulator\n", 125});
    CHECK(h.run("docker create -c 2 alpine") == Result{"docknet: -c/--cpu-shares is not modelled by the simulator\n", 125});
    CHECK(h.run("docker run --rm --cpu-shares abc alpine true") ==
          Result{"invalid argument \"abc\" for \"-c, --cpu-shares\" flag: strconv.ParseInt: parsing \"abc\": invalid syntax\n"
                 "See 'docker run --help'.\n",
                 125});
    CHECK(h.run("docker run --rm --tmpfs /run alpine true").first == "docknet: --tmpfs is not modelled by the simulator\n");
    CHECK(h.run("docker run --rm --health-cmd true alpine true").second == 125);
    CHECK(h.run("docker run --rm --disable-content-trust alpine true") == Result{"", 0});
    CHECK(h.run("docker ps -aq").first.empty());
    const std::string help = h.run("docker run --help").first;
    CHECK(help.find("      --sysctl map                       Sysctl options\n") != std::string::npos);
    CHECK(help.find("  -m, --memory bytes                     Memory limit\n") != std::string::npos);
}

TEST_CASE("docker run --read-only and a user other than root make the writes fail as the kernel does", "[cli][run-flags]") {
    TypedHost h;
    pullImages(h);
    REQUIRE(h.run("docker pull nginx").second == 0);
    REQUIRE(h.run("docker run -d --name web nginx").second == 0);  // 172.17.0.2
    REQUIRE(h.run("docker run -dit --name ro --read-only alpine").second == 0);
    CHECK(h.run("docker inspect -f '{{.HostConfig.ReadonlyRootfs}}' ro").first == "true\n");
    CHECK(h.run("docker exec ro sh -c 'echo hi > /file'") == Result{"ash: can't create /file: Read-only file system\n", 1});
    CHECK(h.run("docker exec ro sh -c 'echo hi > /tmp/file'") == Result{"ash: can't create /tmp/file: Read-only file system\n", 1});
    // The bind-mounted /etc/hosts and the /dev/shm tmpfs stay writable.
    CHECK(h.run("docker exec ro sh -c 'echo 10.1.2.3 db >> /etc/hosts'").second == 0);
    CHECK(h.run("docker exec ro apk add curl") ==
          Result{"ERROR: Unable to lock database: Read-only file system\nERROR: Failed to open apk database: Read-only file system\n", 99});
    CHECK(h.run("docker exec ro wget http://172.17.0.2/") ==
          Result{"Connecting to 172.17.0.2 (172.17.0.2:80)\nwget: can't open 'index.html': Read-only file system\n", 1});
    CHECK(h.run("docker exec ro wget -q -O /dev/shm/page http://172.17.0.2/").second == 0);
    CHECK(h.run("docker exec ro head -n 1 /dev/shm/page").first == "<!DOCTYPE html>\n");

    REQUIRE(h.run("docker run -dit --name dro --read-only debian").second == 0);
    CHECK(h.run("docker exec dro apt-get update") ==
          Result{"E: Could not open lock file /var/lib/apt/lists/lock - open (30: Read-only file system)\n"
                 "E: Unable to lock directory /var/lib/apt/lists/\n",
                 100});
    CHECK(h.run("docker exec dro bash -c 'echo x > /x'") == Result{"bash: /x: Read-only file system\n", 1});

    REQUIRE(h.run("docker run -dit --name nob -u nobody -w /tmp alpine").second == 0);
    CHECK(h.run("docker exec nob sh -c 'echo hi > /file'") == Result{"ash: can't create /file: Permission denied\n", 1});
    CHECK(h.run("docker exec nob sh -c 'echo hi > here; cat /tmp/here'") == Result{"hi\n", 0});
    CHECK(h.run("docker exec nob apk add curl").first ==
          "ERROR: Unable to lock database: Permission denied\nERROR: Failed to open apk database: Permission denied\n");
    CHECK(h.run("docker exec -u root nob apk add curl").second == 0);

    REQUIRE(h.run("docker run -dit --name dnob -u www-data debian").second == 0);
    CHECK(h.run("docker exec dnob apt-get install -y curl") ==
          Result{"E: Could not open lock file /var/lib/dpkg/lock-frontend - open (13: Permission denied)\n"
                 "E: Unable to acquire the dpkg frontend lock (/var/lib/dpkg/lock-frontend), are you root?\n",
                 100});
    CHECK(h.run("docker exec -u 0 dnob apt-get update").second == 0);
}

TEST_CASE("the shell in a container expands the container's environment, not the host's", "[cli][run-flags]") {
    TypedHost h;
    REQUIRE(h.run("docker pull alpine").second == 0);
    REQUIRE(h.run("export HOSTVAR=host").second == 0);
    CHECK(h.run("docker run --rm -e X=1 alpine sh -c 'echo X=$X HOSTVAR=$HOSTVAR HOME=$HOME'") ==
          Result{"X=1 HOSTVAR= HOME=/root\n", 0});
    REQUIRE(h.run("docker run -dit --name e1 -e A=1 -u nobody alpine").second == 0);
    CHECK(h.run("docker exec -e B=2 e1 sh -c 'echo $A $B $HOME'") == Result{"1 2 /\n", 0});
    CHECK(h.run("docker exec e1 sh -c 'export C=3; echo $C; env'").first.find("3\n") == 0);
    CHECK(h.run("echo $HOSTVAR $C") == Result{"host\n", 0});
}

TEST_CASE("the prompt of a container shell shows its user and directory", "[cli][run-flags]") {
    TypedHost h;
    pullImages(h);
    REQUIRE(h.run("docker run -it --name a1 -u nobody -w /tmp alpine sh").second == 0);
    CHECK(h.runner.prompt() == "/tmp $ ");
    REQUIRE(h.run("exit").second == 0);
    REQUIRE(h.run("docker run -it --name d1 -w /srv debian bash").second == 0);
    CHECK(h.runner.prompt() == "root@" + h.run("hostname").first.substr(0, 12) + ":/srv# ");
    CHECK(h.run("pwd") == Result{"/srv\n", 0});
    REQUIRE(h.run("exit").second == 0);
    REQUIRE(h.run("docker run -dit --name d2 debian").second == 0);
    REQUIRE(h.run("docker exec -it -u 1000 d2 bash").second == 0);
    CHECK(h.runner.prompt().starts_with("I have no name!@"));
    CHECK(h.runner.prompt().ends_with(":/$ "));
}

TEST_CASE("id -u, -g, -G and -n", "[cli][run-flags]") {
    TypedHost h;
    pullImages(h);
    REQUIRE(h.run("docker run -dit --name a1 -u nobody alpine").second == 0);
    CHECK(h.run("docker exec a1 id -u") == Result{"65534\n", 0});
    CHECK(h.run("docker exec a1 id -un") == Result{"nobody\n", 0});
    CHECK(h.run("docker exec a1 id -g -n") == Result{"nobody\n", 0});
    CHECK(h.run("docker exec -u root a1 id -G") == Result{"0 1 2 3 4 6 10 11 20 26 27\n", 0});
    REQUIRE(h.run("docker run -dit --name d1 -u 1000 debian").second == 0);
    CHECK(h.run("docker exec d1 id -u") == Result{"1000\n", 0});
    CHECK(h.run("docker exec d1 id -un") == Result{"id: cannot find name for user ID 1000\n1000\n", 1});
    CHECK(h.run("docker exec d1 id -gn") == Result{"root\n", 0});
    CHECK(h.run("docker exec d1 id -ug").second == 1);
}

TEST_CASE("docker run and exec -e NAME take the shell's variable", "[cli][run-flags]") {
    TypedHost h;
    REQUIRE(h.run("docker pull alpine").second == 0);
    REQUIRE(h.run("export GREETING=hello").second == 0);
    CHECK(h.run("docker run --rm -e GREETING alpine sh -c 'echo $GREETING'") == Result{"hello\n", 0});
    REQUIRE(h.run("docker run -dit --name e1 -e UNSET_ONE alpine").second == 0);
    CHECK(h.run("docker inspect -f '{{index .Config.Env 0}}' e1").first == "UNSET_ONE\n");
    CHECK(h.run("docker exec -e GREETING e1 sh -c 'echo $GREETING'") == Result{"hello\n", 0});
    CHECK(h.run("docker run --rm -e =x alpine true") ==
          Result{"invalid argument \"=x\" for \"-e, --env\" flag: invalid environment variable: =x\nSee 'docker run --help'.\n", 125});
    CHECK(h.run("docker exec -e =x e1 true").second == 125);
}
