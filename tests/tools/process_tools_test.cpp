// ps (procps and busybox), the -p of netstat and ss over a ToolContext's process table, sleep's
// durations, curl's -I/-i/-v/-o and ping's options: the tools' own formats and refusals.
#include "sim/core/sleep_duration.hpp"
#include "tools/tool_fixture.hpp"

using namespace tooltest;
using sim::tools::ProcessEntry;

namespace {

ProcessEntry proc(int pid, int ppid, std::string user, std::string comm, std::string cmdline, std::string tty = "?") {
    ProcessEntry e;
    e.pid = pid;
    e.ppid = ppid;
    e.user = std::move(user);
    e.comm = std::move(comm);
    e.argv0 = cmdline.substr(0, cmdline.find(' '));
    e.cmdline = std::move(cmdline);
    e.tty = std::move(tty);
    e.stat = "Ss";
    e.start = "09:00";
    e.vszKb = 11404;
    e.rssKb = 7424;
    return e;
}

}  // namespace

TEST_CASE("procps ps selects by terminal and prints its default, full and user formats", "[tools][ps]") {
    Docker0Topology t(1);
    auto ctx = hostContext(t);
    ctx.processes = {proc(1, 0, "root", "systemd", "/sbin/init"), proc(903, 1, "root", "bash", "-bash", "pts/0"),
                     proc(904, 903, "root", "ps", "ps", "pts/0")};
    CHECK(run(ctx, "ps").out == "    PID TTY          TIME CMD\n    903 pts/0    00:00:00 bash\n    904 pts/0    00:00:00 ps\n");
    CHECK(run(ctx, "ps -e").out.find("      1 ?        00:00:00 systemd\n") != std::string::npos);
    CHECK(run(ctx, "ps -ef").out ==
          "UID          PID    PPID  C STIME TTY          TIME CMD\n"
          "root           1       0  0 09:00 ?        00:00:00 /sbin/init\n"
          "root         903       1  0 09:00 pts/0    00:00:00 -bash\n"
          "root         904     903  0 09:00 pts/0    00:00:00 ps\n");
    const auto aux = run(ctx, "ps aux").out;
    CHECK(aux.starts_with("USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND\n"
                          "root           1  0.0  0.2  11404  7424 ?        Ss   09:00   0:00 /sbin/init\n"));
    CHECK(run(ctx, "ps -o pid,comm -p 1").out == "    PID COMMAND\n      1 systemd\n");
    CHECK(run(ctx, "ps -C bash -o pid=").out == "    903\n");  // "pid=": an empty header, no header line
    CHECK(run(ctx, "ps -o foo").err.starts_with("error: unknown user-defined format specifier \"foo\"\n"));

    const auto bad = run(ctx, "ps -z");
    CHECK(bad.exitCode == 1);
    CHECK(bad.err.starts_with("error: unsupported SysV option\n\nUsage:\n ps [options]\n"));
    CHECK(run(ctx, "ps axq").err.starts_with("error: unsupported option (BSD syntax)\n"));
}

TEST_CASE("busybox ps prints PID USER TIME COMMAND and ignores procps options", "[tools][ps]") {
    Docker0Topology t(1);
    auto ctx = containerContext(t, 0, Flavor::Busybox);
    ctx.processes = {proc(1, 0, "root", "sleep", "sleep 1d"), proc(7, 0, "root", "ps", "ps")};
    const std::string table = "PID   USER     TIME  COMMAND\n    1 root      0:00 sleep 1d\n    7 root      0:00 ps\n";
    CHECK(run(ctx, "ps").out == table);
    CHECK(run(ctx, "ps aux").out == table);
    CHECK(run(ctx, "ps -ef").out == table);
    CHECK(run(ctx, "ps -o pid,comm").out == "PID   COMMAND\n    1 sleep\n    7 ps\n");
    const auto bad = run(ctx, "ps -z");
    CHECK(bad.exitCode == 1);
    CHECK(bad.err.starts_with("ps: unrecognized option: z\nBusyBox v1.36.1 multi-call binary.\n\nUsage: ps [-o COL1,COL2=HEADER] [-T]\n"));
}

TEST_CASE("netstat -p and ss -p name the holder of a socket, or nobody outside the PID namespace", "[tools][netstat][ss]") {
    Docker0Topology t(1);
    auto proxy = t.kernel.transport().bind(t.host, net::Transport::Tcp, wire::Ipv4Address::any(), 8080, "docker-proxy");
    REQUIRE(proxy);
    REQUIRE(t.kernel.transport().bind(t.host, net::Transport::Udp, wire::Ipv4Address::any(), 5353, "dockerd"));
    auto ctx = hostContext(t);
    ctx.processes = {proc(9485, 702, "root", "docker-proxy", "/usr/bin/docker-proxy -proto tcp -host-port 8080")};
    ctx.socketHolders[*proxy] = {9485, 4};

    const auto netstat = run(ctx, "netstat -tlnp").out;
    CHECK(netstat.find("tcp        0      0 0.0.0.0:8080            0.0.0.0:*               LISTEN      9485/docker-proxy  \n") !=
          std::string::npos);
    const auto udp = run(ctx, "netstat -ulnp").out;
    CHECK(udp.find("0.0.0.0:5353            0.0.0.0:*                           -                  \n") != std::string::npos);
    CHECK(run(ctx, "ss -ltnp").out.find("users:((\"docker-proxy\",pid=9485,fd=4))") != std::string::npos);
    CHECK(run(ctx, "ss -lunp").out.find("users:") == std::string::npos);

    SECTION("a retitled server's argv[0] is its whole title, cut to 19 characters") {
        auto nginx = t.kernel.transport().bind(t.host, net::Transport::Tcp, wire::Ipv4Address::any(), 80, "nginx");
        REQUIRE(nginx);
        ProcessEntry master = proc(1, 0, "root", "nginx", "nginx: master process nginx -g daemon off;");
        master.argv0 = master.cmdline;
        ctx.processes.push_back(master);
        ctx.socketHolders[*nginx] = {1, 6};
        CHECK(run(ctx, "netstat -tlnp").out.find("LISTEN      1/nginx: master pro\n") != std::string::npos);
        CHECK(run(ctx, "ss -ltnp").out.find("users:((\"nginx\",pid=1,fd=6))") != std::string::npos);
    }
}

TEST_CASE("sleep durations read as coreutils and busybox read them", "[tools][sleep]") {
    using sim::core::parseSleepDuration;
    auto secondsOf = [](std::vector<std::string> ops) { return parseSleepDuration(ops)->wait.micros() / 1e6; };
    CHECK(secondsOf({"1.5"}) == 1.5);
    CHECK(secondsOf({"2m"}) == 120);
    CHECK(secondsOf({"1d"}) == 86400);
    CHECK(secondsOf({"1h", "30m"}) == 5400);
    CHECK(secondsOf({".5s"}) == 0.5);
    CHECK(parseSleepDuration({"infinity"})->forever);
    std::string bad;
    CHECK_FALSE(parseSleepDuration({"1", "1x"}, &bad));
    CHECK(bad == "1x");
    CHECK_FALSE(parseSleepDuration({"-1"}));

    Docker0Topology t(1);
    auto ctx = hostContext(t);
    const auto before = t.kernel.now();
    CHECK(run(ctx, "sleep 2m").exitCode == 0);
    CHECK((t.kernel.now() - before).micros() == 120'000'000);
    CHECK(run(ctx, "sleep 1x").err == "sleep: invalid time interval '1x'\nTry 'sleep --help' for more information.\n");
    auto bb = containerContext(t, 0, Flavor::Busybox);
    CHECK(run(bb, "sleep 1x").err == "sleep: invalid number '1x'\n");
}

TEST_CASE("curl -I prints nginx's headers, -v traces the exchange, -o writes a file", "[tools][curl]") {
    Docker0Topology t(2);
    REQUIRE(t.kernel.transport().bind(t.c[1].ns, net::Transport::Tcp, wire::Ipv4Address::any(), 80, "nginx"));
    auto ctx = containerContext(t, 0);
    ctx.files["/etc/hosts"] += "172.17.0.3\tweb\n";

    auto head = run(ctx, "curl -sI web");
    CHECK(head.exitCode == 0);
    CHECK(head.out.starts_with("HTTP/1.1 200 OK\r\nServer: nginx/1.27.2\r\nDate: Mon, 04 Nov 2024 09:00:"));
    CHECK(head.out.ends_with("Content-Type: text/html\r\nContent-Length: 615\r\nLast-Modified: Wed, 02 Oct 2024 15:13:19 GMT\r\n"
                             "Connection: keep-alive\r\nETag: \"66fd630f-267\"\r\nAccept-Ranges: bytes\r\n\r\n"));
    CHECK(run(ctx, "curl --head web").out.starts_with("HTTP/1.1 200 OK\r\n"));

    auto included = run(ctx, "curl -si web");
    CHECK(included.out.find("\r\n\r\n<!DOCTYPE html>") != std::string::npos);

    auto verbose = run(ctx, "curl -v -o /dev/null web");
    CHECK(verbose.out.empty());
    CHECK(verbose.err.starts_with("*   Trying 172.17.0.3:80...\n* Connected to web (172.17.0.3) port 80 (#0)\n> GET / HTTP/1.1\r\n> Host: web\r\n"));
    CHECK(verbose.err.ends_with("< \r\n{ [615 bytes data]\n* Connection #0 to host web left intact\n"));

    auto saved = run(ctx, "curl -s -o page.html web");
    CHECK(saved.out.empty());
    REQUIRE(saved.writtenFiles.size() == 1);
    CHECK(saved.writtenFiles[0].first == "page.html");
    CHECK(saved.writtenFiles[0].second.size() == 615);

    auto unknown = run(ctx, "curl --bogus web");
    CHECK(unknown.exitCode == 2);
    CHECK(unknown.err == "curl: option --bogus: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n");
    CHECK(run(ctx, "curl -j web").err.starts_with("curl: option -j: is unknown\n"));
    CHECK(run(ctx, "curl web -o").err.starts_with("curl: option -o: requires parameter\n"));
}

TEST_CASE("ping -q prints only the summary, -s sets the size, an unknown option is iputils' usage", "[tools][ping]") {
    Docker0Topology t(2);
    auto ctx = containerContext(t, 0);
    auto quiet = run(ctx, "ping -q -c 2 -s 100 172.17.0.3");
    CHECK(quiet.out.starts_with("PING 172.17.0.3 (172.17.0.3) 100(128) bytes of data.\n\n--- 172.17.0.3 ping statistics ---\n"
                                "2 packets transmitted, 2 received, 0% packet loss"));
    auto bad = run(ctx, "ping -z 172.17.0.3");
    CHECK(bad.exitCode == 2);
    CHECK(bad.err.starts_with("ping: invalid option -- 'z'\n\nUsage\n  ping [options] <destination>\n\nOptions:\n"));
    CHECK(bad.err.ends_with("\nFor more details see ping(8).\n"));
    auto bb = containerContext(t, 0, Flavor::Busybox);
    CHECK(run(bb, "ping -q -c 1 -s 100 172.17.0.3").out.starts_with("PING 172.17.0.3 (172.17.0.3): 100 data bytes\n\n---"));
    CHECK(run(bb, "ip -br a").err.starts_with("BusyBox v1.36.1 multi-call binary.\n\nUsage: ip [OPTIONS] address|route|link"));
}

TEST_CASE("ip -o prints one line per record, options docknet cannot honour say so", "[tools][ip]") {
    Docker0Topology t(1);
    auto ctx = containerContext(t, 0);
    const auto addr = run(ctx, "ip -o addr").out;
    CHECK(addr.find("1: lo    inet 127.0.0.1/8 scope host lo\\       valid_lft forever preferred_lft forever\n") != std::string::npos);
    CHECK(addr.find(": eth0    inet 172.17.0.2/16 brd 172.17.255.255 scope global eth0\\       valid_lft forever") != std::string::npos);
    const auto link = run(ctx, "ip -o link show lo").out;
    CHECK(link == "1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000\\"
                  "    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n");
    CHECK(run(ctx, "ip -s link").exitCode == 127);
    CHECK(run(ctx, "ip -z a").err == "Option \"-z\" is unknown, try \"ip -help\".\n");
    auto host = hostContext(t);
    CHECK(run(host, "netstat -tulpne").err == "docknet: netstat -e: this option is not modelled\n");
    CHECK(run(host, "ss -tlne").exitCode == 127);
}

TEST_CASE("ping -I names the source in the header, -D stamps each line, unmodelled options say so", "[tools][ping]") {
    Docker0Topology t(2);
    auto ctx = containerContext(t, 0);
    CHECK(run(ctx, "ping -c 1 -I eth0 172.17.0.3").out.starts_with("PING 172.17.0.3 (172.17.0.3) from 172.17.0.2 eth0: 56(84) bytes of data.\n"));
    CHECK(run(ctx, "ping -c 1 -I 172.17.0.2 172.17.0.3").out.starts_with("PING 172.17.0.3 (172.17.0.3) from 172.17.0.2 : 56(84) bytes"));
    CHECK(run(ctx, "ping -c 1 -I eth9 172.17.0.3").err == "ping: SO_BINDTODEVICE eth9: No such device\n");
    const auto stamped = run(ctx, "ping -D -c 1 172.17.0.3").out;
    CHECK(stamped.find("\n[1730710800.") != std::string::npos);
    CHECK(stamped.find("] 64 bytes from 172.17.0.3: icmp_seq=1 ttl=64 time=") != std::string::npos);
    CHECK(run(ctx, "ping -f 172.17.0.3").err == "docknet: ping -f: this option is not modelled\n");
}

TEST_CASE("busybox wget saves the page as the file it names", "[tools][wget]") {
    Docker0Topology t(2);
    REQUIRE(t.kernel.transport().bind(t.c[1].ns, net::Transport::Tcp, wire::Ipv4Address::any(), 80, "nginx"));
    auto ctx = containerContext(t, 0, Flavor::Busybox);
    auto r = run(ctx, "wget -q http://172.17.0.3/");
    REQUIRE(r.writtenFiles.size() == 1);
    CHECK(r.writtenFiles[0].first == "index.html");
    CHECK(r.writtenFiles[0].second.size() == 615);
    CHECK(run(ctx, "wget -qO- http://172.17.0.3/").writtenFiles.empty());
}
