// nslookup ADDRESS: a PTR query, printed as bind9 9.18 and busybox 1.36 print it; and
// nslookup NAME SERVER: the given server instead of resolv.conf's first.
#include "tools/tool_fixture.hpp"

using namespace tooltest;

TEST_CASE("nslookup of an address is a reverse lookup", "[tools][nslookup]") {
    Docker0Topology t(1);
    DnsServer dns(t.kernel, t.c[0].ns, ip("127.0.0.11"), {{"web", "172.18.0.3"}}, std::nullopt,
                  {{"172.18.0.3", "web.mynet"}});
    auto ctx = containerContext(t, 0);
    ctx.files["/etc/resolv.conf"] = "nameserver 127.0.0.11\noptions ndots:0\n";
    auto r = run(ctx, "nslookup 172.18.0.3");
    CHECK(r.exitCode == 0);
    CHECK(r.out == "3.0.18.172.in-addr.arpa\tname = web.mynet.\n\nAuthoritative answers can be found from:\n\n");
    CHECK(dns.ptrQueries == 1);
    r = run(ctx, "nslookup 172.18.0.9");
    CHECK(r.exitCode == 1);
    CHECK(r.out == "** server can't find 9.0.18.172.in-addr.arpa: NXDOMAIN\n\n");

    auto bb = containerContext(t, 0, Flavor::Busybox);
    bb.files = ctx.files;
    r = run(bb, "nslookup 172.18.0.3");
    CHECK(r.exitCode == 0);
    CHECK(r.out ==
          "Server:\t\t127.0.0.11\nAddress:\t127.0.0.11:53\n\n"
          "Non-authoritative answer:\n3.0.18.172.in-addr.arpa\tname = web.mynet\n\n");
}

TEST_CASE("nslookup NAME SERVER asks the given server", "[tools][nslookup]") {
    Docker0Topology t(1);
    DnsServer dns(t.kernel, t.c[0].ns, ip("127.0.0.11"), {{"web", "172.18.0.3"}}, std::nullopt,
                  {{"172.18.0.3", "web.mynet"}});
    auto ctx = containerContext(t, 0);
    ctx.files["/etc/resolv.conf"] = "nameserver 10.9.9.9\n";  // nobody there
    auto r = run(ctx, "nslookup web 127.0.0.11");
    CHECK(r.exitCode == 0);
    CHECK(r.out == "Server:\t\t127.0.0.11\nAddress:\t127.0.0.11#53\n\nNon-authoritative answer:\nName:\tweb\nAddress: 172.18.0.3\n\n");
    r = run(ctx, "nslookup 172.18.0.3 127.0.0.11");
    CHECK(r.out == "3.0.18.172.in-addr.arpa\tname = web.mynet.\n\nAuthoritative answers can be found from:\n\n");
    auto bb = containerContext(t, 0, Flavor::Busybox);
    bb.files = ctx.files;
    r = run(bb, "nslookup 172.18.0.3 127.0.0.11");
    CHECK(r.out ==
          "Server:\t\t127.0.0.11\nAddress:\t127.0.0.11:53\n\n"
          "Non-authoritative answer:\n3.0.18.172.in-addr.arpa\tname = web.mynet\n\n");
}
