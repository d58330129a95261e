// Reverse lookups (getnameinfo: /etc/hosts, then a PTR query through DNS) and iputils ping's
// "64 bytes from NAME (a.b.c.d)" lines, against a table-driven DNS server and end to end against
// Docker's embedded DNS (docker-facts §3.1/§10.3).
#include "sim/cli/docker_host.hpp"
#include "sim/shell/script_runner.hpp"
#include "sim/tools/resolver.hpp"
#include "tools/tool_fixture.hpp"

using namespace tooltest;

namespace {

std::string pingOutput(const std::string& name, const std::string& from, int count = 1) {
    std::string out = "PING " + name + " (172.17.0.3) 56(84) bytes of data.\n";
    for (int i = 1; i <= count; ++i)
        out += "64 bytes from " + from + ": icmp_seq=" + std::to_string(i) + " ttl=64 time=" +
               (i == 1 ? "0.080" : "0.040") + " ms\n";
    return out;
}

}  // namespace

TEST_CASE("reverseResolve: /etc/hosts first, then a PTR query", "[tools][resolver][dns][ptr]") {
    Docker0Topology t(2);
    DnsServer dns(t.kernel, t.c[0].ns, ip("127.0.0.11"), {}, std::nullopt, {{"172.17.0.3", "web.mynet"}});
    auto ctx = containerContext(t, 0);
    ctx.files["/etc/resolv.conf"] = "nameserver 127.0.0.11\n";

    CHECK(sim::tools::reverseResolve(ctx, ip("172.17.0.3")) == "web.mynet");
    CHECK(dns.ptrQueries == 1);
    // NXDOMAIN: no name (the caller prints the number).
    CHECK(sim::tools::reverseResolve(ctx, ip("172.17.0.9")) == std::nullopt);
    CHECK(dns.ptrQueries == 2);
    // A hosts line answers without any query; reverseLookup never queries.
    ctx.files["/etc/hosts"] += "172.17.0.3\tdb db.alias\n";
    CHECK(sim::tools::reverseResolve(ctx, ip("172.17.0.3")) == "db");
    CHECK(sim::tools::reverseLookup(ctx, ip("172.17.0.9")) == std::nullopt);
    CHECK(dns.ptrQueries == 2);

    SECTION("musl asks the same way") {
        auto bb = containerContext(t, 0, Flavor::Busybox);
        bb.files["/etc/resolv.conf"] = ctx.files["/etc/resolv.conf"];
        CHECK(sim::tools::reverseResolve(bb, ip("172.17.0.3")) == "web.mynet");
        CHECK(dns.ptrQueries == 3);
    }
    SECTION("SERVFAIL and silence give no name, after the resolver's retries") {
        DnsServer broken(t.kernel, t.c[1].ns, ip("127.0.0.11"), {}, wire::DnsRcode::ServFail);
        auto c2 = containerContext(t, 1);
        c2.files["/etc/resolv.conf"] = "nameserver 127.0.0.11\n";
        CHECK(sim::tools::reverseResolve(c2, ip("172.17.0.2")) == std::nullopt);
        CHECK(broken.ptrQueries == 2);  // two attempts at the only server

        c2.files["/etc/resolv.conf"] = "nameserver 127.0.0.53\n";  // nobody listens there
        const auto before = t.kernel.now();
        CHECK(sim::tools::reverseResolve(c2, ip("172.17.0.2")) == std::nullopt);
        CHECK(t.kernel.now() - before == sim::core::seconds(10));
    }
}

TEST_CASE("queryDns counts only the records of the type asked for", "[tools][resolver][dns][ptr]") {
    Docker0Topology t(1);
    // A server answering a PTR record to every query, A queries included.
    auto bound = t.kernel.transport().bind(t.c[0].ns, net::Transport::Udp, ip("127.0.0.11"), 53, "odd",
                                           [&t](wire::Ipv4Address src, const wire::UdpDatagram& udp) {
                                               const auto& q = std::get<wire::DnsMessage>(udp.payload);
                                               auto reply = wire::DnsMessage::answer(
                                                   q, {wire::DnsAnswer::ptr(q.questions.at(0).name, "x.y")});
                                               (void)t.kernel.transport().sendUdp(t.c[0].ns, src, 53, udp.srcPort, reply);
                                           });
    REQUIRE(bound);
    auto ctx = containerContext(t, 0);
    const auto a = sim::tools::queryDns(ctx, {ip("127.0.0.11")}, "web", sim::core::seconds(5));
    CHECK(a.kind == sim::tools::DnsReply::Kind::NoData);
    CHECK(a.addresses.empty());
    const auto ptr = sim::tools::queryDns(ctx, {ip("127.0.0.11")}, "2.0.17.172.in-addr.arpa", sim::core::seconds(5),
                                          wire::kDnsTypePtr);
    CHECK(ptr.kind == sim::tools::DnsReply::Kind::Answer);
    CHECK(ptr.names == std::vector<std::string>{"x.y"});
    CHECK(ptr.ownerName == "2.0.17.172.in-addr.arpa");
}

TEST_CASE("iputils ping prints the PTR name of the reply's source", "[tools][ping][resolver][dns][ptr]") {
    Docker0Topology t(2);
    DnsServer dns(t.kernel, t.c[0].ns, ip("127.0.0.11"), {{"web", "172.17.0.3"}}, std::nullopt,
                  {{"172.17.0.3", "web.mynet"}});
    auto ctx = containerContext(t, 0);
    ctx.files["/etc/resolv.conf"] = "nameserver 127.0.0.11\noptions ndots:0\n";

    SECTION("looked up once for every reply from the same address, as pr_addr() caches it") {
        const auto r = run(ctx, "ping -c 2 web");
        CHECK(r.exitCode == 0);
        CHECK(r.out.starts_with(pingOutput("web", "web.mynet (172.17.0.3)", 2) + "\n--- web ping statistics ---\n"));
        CHECK(dns.queries == 2);
        CHECK(dns.ptrQueries == 1);
    }
    SECTION("-n, -q and an address target make no reverse lookup") {
        CHECK(run(ctx, "ping -n -c 1 web").out.starts_with(pingOutput("web", "172.17.0.3")));
        CHECK(run(ctx, "ping -q -c 1 web").exitCode == 0);
        CHECK(run(ctx, "ping -c 1 172.17.0.3").out.find("64 bytes from 172.17.0.3: icmp_seq=1") != std::string::npos);
        CHECK(dns.ptrQueries == 0);
    }
    SECTION("/etc/hosts comes first") {
        ctx.files["/etc/hosts"] += "172.17.0.3\tdb\n";
        CHECK(run(ctx, "ping -c 1 web").out.starts_with(pingOutput("web", "db (172.17.0.3)")));
        CHECK(dns.ptrQueries == 0);
    }
    SECTION("busybox prints numbers and asks nothing") {
        auto bb = containerContext(t, 0, Flavor::Busybox);
        bb.files["/etc/resolv.conf"] = ctx.files["/etc/resolv.conf"];
        const auto r = run(bb, "ping -c 1 web");
        CHECK(r.out.find("64 bytes from 172.17.0.3: seq=0 ttl=64") != std::string::npos);
        CHECK(dns.queries == 1);
        CHECK(dns.ptrQueries == 0);
    }
}

TEST_CASE("docker exec ping by name on a user-defined network prints NAME.NETWORK", "[tools][ping][docker][dns][ptr]") {
    sim::cli::DockerHost lab;
    sim::shell::ScriptRunner runner(lab);
    const auto transcript = runner.run(R"(cat > Dockerfile <<'EOF'
FROM nginx:latest
RUN apt-get update
RUN apt-get install -y iputils-ping
EOF
docker build -q -t pingable .
docker network create mynet
docker network create other
docker run --name web --network mynet -d pingable
docker run --name db --network mynet -d pingable
docker network connect other db
docker run --name app --network other -d pingable
docker exec web ping -c 1 db
docker exec web ping -c 1 db.mynet
docker exec app ping -c 1 db
docker exec web ping -c 1 google.com
docker exec web ping -n -c 1 db
docker run -dit --name a1 --network mynet alpine ash
docker exec a1 ping -c 1 db
)");
    REQUIRE(transcript.has_value());
    const std::string text = runner.render(*transcript, false);
    INFO(text);
    auto outputOf = [&](const std::string& command) {
        const std::string marker = "$ " + command + "\n";
        const auto at = text.find(marker);
        REQUIRE(at != std::string::npos);
        const auto begin = at + marker.size();
        const auto end = text.find("\n$ ", begin);
        return text.substr(begin, end == std::string::npos ? std::string::npos : end + 1 - begin);
    };
    CHECK(outputOf("docker exec web ping -c 1 db").starts_with(
        "PING db (172.18.0.3) 56(84) bytes of data.\n64 bytes from db.mynet (172.18.0.3): icmp_seq=1 ttl=64 time="));
    CHECK(outputOf("docker exec web ping -c 1 db.mynet").find("64 bytes from db.mynet (172.18.0.3): icmp_seq=1") !=
          std::string::npos);
    // The PTR name is the network the address belongs to.
    CHECK(outputOf("docker exec app ping -c 1 db").find("64 bytes from db.other (172.19.0.2): icmp_seq=1") !=
          std::string::npos);
    // Not a container: forwarded upstream, NXDOMAIN, the number twice.
    CHECK(outputOf("docker exec web ping -c 1 google.com")
              .find("64 bytes from 142.250.196.110 (142.250.196.110): icmp_seq=1") != std::string::npos);
    CHECK(outputOf("docker exec web ping -n -c 1 db").find("64 bytes from 172.18.0.3: icmp_seq=1") != std::string::npos);
    CHECK(outputOf("docker exec a1 ping -c 1 db").find("64 bytes from 172.18.0.3: seq=0") != std::string::npos);
}
