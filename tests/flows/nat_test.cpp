// Published ports (DNAT) and outbound masquerading through the host, with conntrack undoing
// the translation on the replies.
#include <catch2/catch.hpp>

#include "flows/docker_rules.hpp"
#include "sim/net/pinger.hpp"
#include "sim/net/transport_layer.hpp"

using namespace flows;
using sim::core::TraceKind;

namespace {

std::optional<net::ConnectResult> connectAndWait(net::Kernel& k, core::NamespaceId from, wire::Ipv4Address dst,
                                                 std::uint16_t port) {
    std::optional<net::ConnectResult> result;
    auto started = k.transport().connect(from, dst, port, [&](const net::ConnectResult& r) { result = r; });
    if (!started) return std::nullopt;
    while (!result && k.scheduler().step()) {
    }
    k.scheduler().runUntil(k.now() + sim::core::millis(1));  // let the handshake's last ACK land
    return result;
}

std::vector<std::string> natDetails(const sim::core::TraceLog& log, std::size_t from = 0) {
    std::vector<std::string> out;
    for (const auto& r : log.ofKind(TraceKind::NatTranslate, from)) out.push_back(r.where() + " " + r.detail());
    return out;
}

}  // namespace

TEST_CASE("A TCP connect to a published port is DNATed to the container and the reply translated back",
          "[flow][nat][tcp]") {
    Docker0Topology t(2);
    addDockerNat(t.kernel, t.host);
    publish(t.kernel, t.host, 8080, t.c[0].address, 80);
    const Lan lan = addLan(t.kernel, t.host);
    REQUIRE(t.kernel.transport().bind(t.c[0].ns, net::Transport::Tcp, wire::Ipv4Address::any(), 80, "nginx"));

    auto r = connectAndWait(t.kernel, lan.client, ip("10.0.0.1"), 8080);
    REQUIRE(r);
    CHECK(r->outcome == net::ConnectOutcome::Connected);
    CHECK(r->local == ip("10.0.0.2"));

    const auto* listener = t.kernel.ns(t.c[0].ns)->sockets().lookup(net::Transport::Tcp, t.c[0].address, 80);
    REQUIRE(listener);
    CHECK(listener->accepted == 1);

    const auto p = std::to_string(r->localPort);
    CHECK(natDetails(t.kernel.trace()) == std::vector<std::string>{
                                              "host/eth0 DNAT dst 10.0.0.1:8080 -> 172.17.0.2:80 (DOCKER #2)",
                                              "host/eth0 un-DNAT src 172.17.0.2:80 -> 10.0.0.1:8080",
                                              "host/eth0 DNAT dst 10.0.0.1:8080 -> 172.17.0.2:80",
                                          });
    // The container saw the client's real address; the client only ever saw 10.0.0.1.
    const auto conns = t.kernel.ns(t.host)->conntrack().entries(t.kernel.now());
    REQUIRE(conns.size() == 1);
    CHECK(conns[0].original.toString() == "tcp src=10.0.0.2 dst=10.0.0.1 sport=" + p + " dport=8080");
    CHECK(conns[0].reply.toString() == "tcp src=172.17.0.2 dst=10.0.0.2 sport=80 dport=" + p);
    CHECK(conns[0].seenReply);
    CHECK(t.kernel.ns(lan.client)->neighbors().find(lan.clientEth0, t.c[0].address) == nullptr);

    SECTION("the host itself reaches the published port through the OUTPUT chain") {
        auto fromHost = connectAndWait(t.kernel, t.host, ip("10.0.0.1"), 8080);
        REQUIRE(fromHost);
        CHECK(fromHost->outcome == net::ConnectOutcome::Connected);
        CHECK(listener->accepted == 2);
    }
}

TEST_CASE("A connect to a port nobody publishes or listens on is refused", "[flow][nat][tcp]") {
    Docker0Topology t(1);
    addDockerNat(t.kernel, t.host);
    publish(t.kernel, t.host, 8080, t.c[0].address, 80);
    const Lan lan = addLan(t.kernel, t.host);

    SECTION("nothing on the host port: the host answers RST") {
        auto r = connectAndWait(t.kernel, lan.client, ip("10.0.0.1"), 9999);
        REQUIRE(r);
        CHECK(r->outcome == net::ConnectOutcome::Refused);
        CHECK(t.kernel.trace().ofKind(TraceKind::Drop).back().reason == sim::core::DropReason::NoListener);
        CHECK(t.kernel.trace().ofKind(TraceKind::Drop).back().where() == "host/eth0");
    }
    SECTION("published, but the container does not listen: the container answers RST") {
        auto r = connectAndWait(t.kernel, lan.client, ip("10.0.0.1"), 8080);
        REQUIRE(r);
        CHECK(r->outcome == net::ConnectOutcome::Refused);
        CHECK(t.kernel.trace().ofKind(TraceKind::Drop).back().where() == "c1/eth0");
    }
}

TEST_CASE("Traffic from a container to the LAN is masqueraded behind the host address", "[flow][nat][masquerade]") {
    Docker0Topology t(1);
    addDockerNat(t.kernel, t.host);
    const Lan lan = addLan(t.kernel, t.host);

    auto report = net::Pinger::run(t.kernel, t.c[0].ns, net::PingOptions{ip("10.0.0.2"), 2});
    REQUIRE(report);
    CHECK(report->received == 2);
    CHECK(report->events[0].from == ip("10.0.0.2"));
    CHECK(report->events[0].ttl == 63);  // one router on the way back

    const auto nat = natDetails(t.kernel.trace());
    REQUIRE(nat.size() >= 2);
    CHECK(nat[0].starts_with("host/eth0 MASQUERADE src 172.17.0.2 -> 10.0.0.1 (POSTROUTING #1)"));
    CHECK(nat[1] == "host/eth0 un-SNAT dst 10.0.0.1 -> 172.17.0.2");
    // The client only knows the host: its ARP cache has 10.0.0.1 and nothing from 172.17.
    CHECK(t.kernel.ns(lan.client)->neighbors().find(lan.clientEth0, ip("10.0.0.1")) != nullptr);
    CHECK(t.kernel.ns(lan.client)->neighbors().size() == 1);
}

TEST_CASE("Docker's isolation chains drop traffic between two bridges", "[flow][filter]") {
    Docker0Topology t(1);
    auto br = *t.kernel.createBridge(t.host, "br-0123456789ab");
    REQUIRE(t.kernel.addAddress(br, prefix("172.18.0.1/16")));
    REQUIRE(t.kernel.setUp(br, true));
    auto other = *t.kernel.createNamespace("web");
    auto pair = *t.kernel.createVethPair(t.host, "vethweb", other, "eth0");
    REQUIRE(t.kernel.setMaster(pair.first, br));
    REQUIRE(t.kernel.setUp(pair.first, true));
    REQUIRE(t.kernel.addAddress(pair.second, prefix("172.18.0.2/16")));
    REQUIRE(t.kernel.setUp(pair.second, true));
    REQUIRE(t.kernel.addRoute(other, net::Route::defaultVia(ip("172.18.0.1"), pair.second)));

    SECTION("without rules the host routes between the bridges") {
        auto report = net::Pinger::run(t.kernel, t.c[0].ns, net::PingOptions{ip("172.18.0.2"), 1});
        REQUIRE(report);
        CHECK(report->received == 1);
        CHECK(report->events[0].ttl == 63);
    }
    SECTION("with DOCKER-ISOLATION-STAGE-1/2 the echo is dropped in FORWARD, silently") {
        auto& f = t.kernel.ns(t.host)->filter();
        REQUIRE(f.newChain("DOCKER-ISOLATION-STAGE-1"));
        REQUIRE(f.newChain("DOCKER-ISOLATION-STAGE-2"));
        REQUIRE(f.append("FORWARD", rule({}, net::target::Jump{"DOCKER-ISOLATION-STAGE-1"})));
        for (const char* b : {"docker0", "br-0123456789ab"}) {
            net::RuleMatch m;
            m.in = net::IfaceMatch{b, false};
            m.out = net::IfaceMatch{b, true};
            REQUIRE(f.append("DOCKER-ISOLATION-STAGE-1", rule(m, net::target::Jump{"DOCKER-ISOLATION-STAGE-2"})));
            net::RuleMatch o;
            o.out = net::IfaceMatch{b, false};
            REQUIRE(f.append("DOCKER-ISOLATION-STAGE-2", rule(o, net::target::Drop{})));
        }
        auto report = net::Pinger::run(t.kernel, t.c[0].ns, net::PingOptions{ip("172.18.0.2"), 3, sim::core::seconds(1), sim::core::seconds(2)});
        REQUIRE(report);
        CHECK(report->transmitted == 3);
        CHECK(report->received == 0);
        CHECK(report->errors == 0);
        const auto drops = t.kernel.trace().ofKind(TraceKind::Drop);
        REQUIRE(drops.size() == 3);
        for (const auto& d : drops) {
            CHECK(d.reason == sim::core::DropReason::Filtered);
            CHECK(d.where() == "host/docker0");
            CHECK(d.detail().ends_with("[filter DOCKER-ISOLATION-STAGE-2 #2]"));
        }
    }
}
