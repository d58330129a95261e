// curl, wget, nc, getent and nslookup over real TCP connects and DNS queries.
#include "tools/tool_fixture.hpp"

using namespace tooltest;

TEST_CASE("curl fetches nginx's page, is refused, or cannot resolve", "[tools][curl]") {
    Docker0Topology t(2);
    REQUIRE(t.kernel.transport().bind(t.c[1].ns, net::Transport::Tcp, wire::Ipv4Address::any(), 80, "nginx"));
    auto ctx = containerContext(t, 0);
    ctx.files["/etc/hosts"] += "172.17.0.3\tweb\n";

    auto r = run(ctx, "curl http://web/");
    CHECK(r.err.empty());
    CHECK(r.exitCode == 0);
    CHECK(r.out.starts_with("<!DOCTYPE html>\n<html>\n<head>\n<title>Welcome to nginx!</title>\n"));
    CHECK(r.out.ends_with("<p><em>Thank you for using nginx.</em></p>\n</body>\n</html>\n"));
    CHECK(r.out.size() == 615);  // the size nginx reports for its index.html

    r = run(ctx, "curl 172.17.0.3:81");
    CHECK(r.out.empty());
    CHECK(r.err == "curl: (7) Failed to connect to 172.17.0.3 port 81 after 0 ms: Couldn't connect to server\n");
    CHECK(r.exitCode == 7);

    r = run(ctx, "curl -s 172.17.0.3:81");
    CHECK(r.err.empty());
    CHECK(r.exitCode == 7);

    r = run(ctx, "curl http://nope/");
    CHECK(r.err == "curl: (6) Could not resolve host: nope\n");
    CHECK(r.exitCode == 6);

    SECTION("a listener that is not a web server closes without a reply") {
        REQUIRE(t.kernel.transport().bind(t.c[1].ns, net::Transport::Tcp, wire::Ipv4Address::any(), 6379, "redis"));
        r = run(ctx, "curl web:6379");
        CHECK(r.err == "curl: (52) Empty reply from server\n");
        CHECK(r.exitCode == 52);
    }
    SECTION("busybox wget") {
        auto bb = containerContext(t, 0, Flavor::Busybox);
        bb.files = ctx.files;
        r = run(bb, "wget -qO- http://web");
        CHECK(r.out == sim::tools::runTool(ctx, {"curl", "-s", "web"}).out);
        CHECK(r.exitCode == 0);
        r = run(bb, "wget -O- http://web:81/");
        CHECK(r.err == "Connecting to web (172.17.0.3:81)\nwget: can't connect to remote host (172.17.0.3): Connection refused\n");
        CHECK(r.exitCode == 1);
        r = run(bb, "wget -q http://nope/");
        CHECK(r.err == "wget: bad address 'nope'\n");
    }
    SECTION("nc -zv") {
        r = run(ctx, "nc -zv web 80");
        CHECK(r.err == "Connection to web (172.17.0.3) 80 port [tcp/http] succeeded!\n");
        CHECK(r.exitCode == 0);
        r = run(ctx, "nc -zv 172.17.0.3 81");
        CHECK(r.err == "nc: connect to 172.17.0.3 port 81 (tcp) failed: Connection refused\n");
        CHECK(r.exitCode == 1);
        auto bb = containerContext(t, 0, Flavor::Busybox);
        bb.files = ctx.files;
        CHECK(run(bb, "nc -zv web 80").err == "web (172.17.0.3:80) open\n");
    }
}

TEST_CASE("curl to a published port goes through docker-proxy on the host", "[tools][curl][host]") {
    Docker0Topology t(1);
    addDockerNat(t.kernel, t.host);
    publish(t.kernel, t.host, 8080, t.c[0].address, 80);
    REQUIRE(t.kernel.transport().bind(t.host, net::Transport::Tcp, wire::Ipv4Address::any(), 8080, "docker-proxy"));
    auto host = hostContext(t);
    auto r = run(host, "curl -s http://127.0.0.1:8080/");
    CHECK(r.err == "");
    CHECK(r.exitCode == 56);  // nothing listens in the container yet: the proxy resets
    REQUIRE(t.kernel.transport().bind(t.c[0].ns, net::Transport::Tcp, wire::Ipv4Address::any(), 80, "httpd"));
    r = run(host, "curl http://127.0.0.1:8080/");
    CHECK(r.out == "<html><body><h1>It works!</h1></body></html>\n");
    CHECK(r.exitCode == 0);
}

TEST_CASE("getent hosts: /etc/hosts, DNS, not found", "[tools][getent]") {
    Docker0Topology t(2);
    DnsServer dns(t.kernel, t.c[0].ns, ip("127.0.0.11"), {{"web", "172.18.0.3"}});
    auto ctx = containerContext(t, 0);
    ctx.files["/etc/resolv.conf"] = "nameserver 127.0.0.11\noptions ndots:0\n";
    ctx.files["/etc/hosts"] += "172.17.0.3\tdb 6e5cdeb2d300\n";
    CHECK(run(ctx, "getent hosts web").out == "172.18.0.3      web\n");
    CHECK(run(ctx, "getent hosts 6e5cdeb2d300").out == "172.17.0.3      db 6e5cdeb2d300\n");
    CHECK(run(ctx, "getent hosts localhost").out == "::1             localhost ip6-localhost ip6-loopback\n");
    const auto r = run(ctx, "getent hosts nope");
    CHECK(r.out.empty());
    CHECK(r.exitCode == 2);
    auto bb = containerContext(t, 0, Flavor::Busybox);
    bb.files = ctx.files;
    CHECK(run(bb, "getent hosts web").out == "172.18.0.3        web\n");
}

TEST_CASE("nslookup in bind9 and busybox formats", "[tools][nslookup]") {
    Docker0Topology t(1);
    DnsServer dns(t.kernel, t.c[0].ns, ip("127.0.0.11"), {{"web", "172.18.0.3"}});
    auto ctx = containerContext(t, 0);
    ctx.files["/etc/resolv.conf"] = "nameserver 127.0.0.11\noptions ndots:0\n";
    auto r = run(ctx, "nslookup web");
    CHECK(r.exitCode == 0);
    CHECK(r.out == "Server:\t\t127.0.0.11\nAddress:\t127.0.0.11#53\n\nNon-authoritative answer:\nName:\tweb\nAddress: 172.18.0.3\n\n");
    r = run(ctx, "nslookup nope");
    CHECK(r.exitCode == 1);
    CHECK(r.out == "Server:\t\t127.0.0.11\nAddress:\t127.0.0.11#53\n\n** server can't find nope: NXDOMAIN\n\n");

    auto bb = containerContext(t, 0, Flavor::Busybox);
    bb.files = ctx.files;
    r = run(bb, "nslookup web");
    CHECK(r.out ==
          "Server:\t\t127.0.0.11\nAddress:\t127.0.0.11:53\n\n"
          "Non-authoritative answer:\nName:\tweb\nAddress: 172.18.0.3\n\n"
          "Non-authoritative answer:\n*** Can't find web: No answer\n\n");
    r = run(bb, "nslookup nope");
    CHECK(r.out == "Server:\t\t127.0.0.11\nAddress:\t127.0.0.11:53\n\n** server can't find nope: NXDOMAIN\n\n** server can't find nope: NXDOMAIN\n\n");
}

TEST_CASE("sleep advances the simulated clock and sysctl reads ip_forward", "[tools][basic]") {
    Docker0Topology t(1);
    auto host = hostContext(t);
    const auto before = t.kernel.now();
    CHECK(run(host, "sleep 2.5").exitCode == 0);
    CHECK(t.kernel.now() - before == sim::core::millis(2500));
    CHECK(run(host, "sysctl net.ipv4.ip_forward").out == "net.ipv4.ip_forward = 1\n");
    CHECK(run(host, "cat /proc/sys/net/ipv4/ip_forward").out == "1\n");
}
