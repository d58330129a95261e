// ping through runTool: whole outputs as iputils and busybox print them (docker-facts §10.3).
#include "tools/tool_fixture.hpp"

using namespace tooltest;

TEST_CASE("iputils ping to a neighbour prints replies, statistics and rtt", "[tools][ping]") {
    Docker0Topology t(2);
    auto ctx = containerContext(t, 0);
    const auto r = run(ctx, "ping -c 2 172.17.0.3");
    CHECK(r.err.empty());
    CHECK(r.exitCode == 0);
    CHECK(r.out ==
          "PING 172.17.0.3 (172.17.0.3) 56(84) bytes of data.\n"
          "64 bytes from 172.17.0.3: icmp_seq=1 ttl=64 time=0.080 ms\n"
          "64 bytes from 172.17.0.3: icmp_seq=2 ttl=64 time=0.040 ms\n"
          "\n"
          "--- 172.17.0.3 ping statistics ---\n"
          "2 packets transmitted, 2 received, 0% packet loss, time 1000ms\n"
          "rtt min/avg/max/mdev = 0.040/0.060/0.080/0.020 ms\n");
}

TEST_CASE("busybox ping counts seq from 0 and prints round-trip", "[tools][ping][busybox]") {
    Docker0Topology t(2);
    auto ctx = containerContext(t, 0, Flavor::Busybox);
    const auto r = run(ctx, "ping -c 2 172.17.0.3");
    CHECK(r.exitCode == 0);
    CHECK(r.out ==
          "PING 172.17.0.3 (172.17.0.3): 56 data bytes\n"
          "64 bytes from 172.17.0.3: seq=0 ttl=64 time=0.080 ms\n"
          "64 bytes from 172.17.0.3: seq=1 ttl=64 time=0.040 ms\n"
          "\n"
          "--- 172.17.0.3 ping statistics ---\n"
          "2 packets transmitted, 2 packets received, 0% packet loss\n"
          "round-trip min/avg/max = 0.040/0.060/0.080 ms\n");
}

TEST_CASE("ping to a missing address: Destination Host Unreachable, +3 errors, pipe 3", "[tools][ping]") {
    Docker0Topology t(1);
    auto ctx = containerContext(t, 0);
    const auto r = run(ctx, "ping -c 3 172.17.0.99");
    CHECK(r.exitCode == 1);
    CHECK(r.out ==
          "PING 172.17.0.99 (172.17.0.99) 56(84) bytes of data.\n"
          "From 172.17.0.2 icmp_seq=1 Destination Host Unreachable\n"
          "From 172.17.0.2 icmp_seq=2 Destination Host Unreachable\n"
          "From 172.17.0.2 icmp_seq=3 Destination Host Unreachable\n"
          "\n"
          "--- 172.17.0.99 ping statistics ---\n"
          "3 packets transmitted, 0 received, +3 errors, 100% packet loss, time 3000ms\n"
          "pipe 3\n");
    SECTION("busybox prints no error lines") {
        auto bb = containerContext(t, 0, Flavor::Busybox);
        const auto b = run(bb, "ping -c 1 172.17.0.98");
        CHECK(b.exitCode == 1);
        CHECK(b.out ==
              "PING 172.17.0.98 (172.17.0.98): 56 data bytes\n"
              "\n"
              "--- 172.17.0.98 ping statistics ---\n"
              "1 packets transmitted, 0 packets received, 100% packet loss\n");
    }
}

TEST_CASE("ping by a name from /etc/hosts shows the name and the reverse lookup", "[tools][ping][resolver]") {
    Docker0Topology t(2);
    auto ctx = containerContext(t, 0);
    ctx.files["/etc/hosts"] += "172.17.0.3\tdb 6e5cdeb2d300\n";
    const auto r = run(ctx, "ping -c 1 DB");
    CHECK(r.exitCode == 0);
    CHECK(r.out ==
          "PING db (172.17.0.3) 56(84) bytes of data.\n"
          "64 bytes from db (172.17.0.3): icmp_seq=1 ttl=64 time=0.080 ms\n"
          "\n"
          "--- db ping statistics ---\n"
          "1 packets transmitted, 1 received, 0% packet loss, time 0ms\n"
          "rtt min/avg/max/mdev = 0.080/0.080/0.080/0.000 ms\n");
}

TEST_CASE("ping by a name through DNS at 127.0.0.11", "[tools][ping][resolver][dns]") {
    Docker0Topology t(2);
    DnsServer dns(t.kernel, t.c[0].ns, ip("127.0.0.11"), {{"web", "172.17.0.3"}});
    auto ctx = containerContext(t, 0);
    ctx.files["/etc/resolv.conf"] = "nameserver 127.0.0.11\noptions ndots:0\n";
    const auto r = run(ctx, "ping -c 1 web");
    // The A query, then the reverse lookup of the reply's source: a PTR query answered NXDOMAIN.
    CHECK(dns.queries == 2);
    CHECK(dns.ptrQueries == 1);
    CHECK(r.exitCode == 0);
    // No PTR answer: iputils prints the number as the name.
    CHECK(r.out ==
          "PING web (172.17.0.3) 56(84) bytes of data.\n"
          "64 bytes from 172.17.0.3 (172.17.0.3): icmp_seq=1 ttl=64 time=0.080 ms\n"
          "\n"
          "--- web ping statistics ---\n"
          "1 packets transmitted, 1 received, 0% packet loss, time 0ms\n"
          "rtt min/avg/max/mdev = 0.080/0.080/0.080/0.000 ms\n");

    SECTION("an unknown name: NXDOMAIN") {
        const auto g = run(ctx, "ping -c 1 nope");
        CHECK(g.out.empty());
        CHECK(g.err == "ping: nope: Name or service not known\n");
        CHECK(g.exitCode == 2);
        auto bb = containerContext(t, 0, Flavor::Busybox);
        bb.files["/etc/resolv.conf"] = ctx.files["/etc/resolv.conf"];
        const auto b = run(bb, "ping -c 1 nope");
        CHECK(b.err == "ping: bad address 'nope'\n");
        CHECK(b.exitCode == 1);
    }
    SECTION("SERVFAIL is a temporary failure") {
        DnsServer broken(t.kernel, t.c[1].ns, ip("127.0.0.11"), {}, wire::DnsRcode::ServFail);
        auto c2 = containerContext(t, 1);
        c2.files["/etc/resolv.conf"] = "nameserver 127.0.0.11\n";
        const auto g = run(c2, "ping nope");
        CHECK(g.err == "ping: nope: Temporary failure in name resolution\n");
        CHECK(g.exitCode == 2);
        CHECK(broken.queries == 2);  // two attempts at the only server
    }
    SECTION("no server answers: 2 attempts of 5 s, then EAI_AGAIN") {
        auto c2 = containerContext(t, 1);
        c2.files["/etc/resolv.conf"] = "nameserver 127.0.0.11\n";
        const auto before = t.kernel.now();
        const auto g = run(c2, "ping web");
        CHECK(g.err == "ping: web: Temporary failure in name resolution\n");
        CHECK(t.kernel.now() - before == sim::core::seconds(10));
    }
}

TEST_CASE("ping without a route, and usage errors", "[tools][ping]") {
    Docker0Topology t(1);
    const auto none = *t.kernel.createNamespace("none");
    REQUIRE(t.kernel.setUp(t.kernel.ns(none)->loopback(), true));
    ToolContext ctx;
    ctx.kernel = &t.kernel;
    ctx.ns = none;
    auto r = run(ctx, "ping -c 1 8.8.8.8");
    CHECK(r.err == "ping: connect: Network is unreachable\n");
    CHECK(r.out.empty());
    CHECK(r.exitCode == 2);
    r = run(ctx, "ping");
    CHECK(r.err == "ping: usage error: Destination address required\n");
    CHECK(r.exitCode == 1);
    r = run(ctx, "/bin/ping -c abc 8.8.8.8");
    CHECK(r.err == "ping: invalid argument: 'abc'\n");
    CHECK(r.exitCode == 1);
}

TEST_CASE("ping without -c stops after 4 probes as if interrupted", "[tools][ping]") {
    Docker0Topology t(2);
    auto ctx = containerContext(t, 0);
    const auto r = run(ctx, "ping -q 172.17.0.3");
    CHECK(r.out ==
          "PING 172.17.0.3 (172.17.0.3) 56(84) bytes of data.\n"
          "\n"
          "--- 172.17.0.3 ping statistics ---\n"
          "4 packets transmitted, 4 received, 0% packet loss, time 3000ms\n"
          "rtt min/avg/max/mdev = 0.040/0.050/0.080/0.017 ms\n");
}
