// The trace carries the frame itself (issue 6): every link-level record keeps the Ethernet frame
// it describes, IP-level records the IPv4 packet, and bridge, NAT, filter and neighbour records
// their structured facts — checked on scripts run against the real DockerEngine, so the chains
// are the ones the engine installs.
#include <catch2/catch.hpp>

#include "sim/cli/docker_host.hpp"
#include "sim/shell/script_runner.hpp"
#include "sim/wire/ethernet_frame.hpp"
#include "sim/wire/ipv4_packet.hpp"

using sim::core::FrameLayer;
using sim::core::TraceKind;
using sim::core::TraceRecord;

namespace {

const sim::core::TraceLog& runScript(sim::cli::DockerHost& lab, std::string_view script) {
    sim::shell::ScriptRunner runner(lab);
    auto t = runner.run(script);
    REQUIRE(t);
    return lab.kernel().trace();
}

constexpr std::string_view kPing = R"(docker run -dit --name a1 busybox
docker run -dit --name a2 busybox
docker exec a1 ping -c 1 172.17.0.3
)";

}  // namespace

TEST_CASE("Every FrameTx of a first ping keeps an Ethernet frame that decodes to its detail", "[trace][frames]") {
    sim::cli::DockerHost lab;
    const auto& log = runScript(lab, kPing);
    const auto tx = log.ofKind(TraceKind::FrameTx);
    REQUIRE(tx.size() >= 4);
    bool sawArp = false, sawIcmp = false;
    for (const TraceRecord& r : tx) {
        INFO(r.toString());
        REQUIRE(r.frame.layer == FrameLayer::Ethernet);
        auto f = sim::wire::EthernetFrame::decode(log.frameBytes(r.frame));
        REQUIRE(f);
        CHECK(f->summaryWithMacs() == r.detail());
        sawArp = sawArp || r.detail().find("ARP, Request who-has 172.17.0.3") != std::string::npos;
        sawIcmp = sawIcmp || r.detail().find("ICMP echo request") != std::string::npos;
    }
    CHECK(sawArp);
    CHECK(sawIcmp);

    SECTION("the ARP request's flood lists its egress ports and the port it came in on") {
        bool found = false;
        for (const auto& r : log.ofKind(TraceKind::BridgeFlood)) {
            if (r.detail().find("ff:ff:ff:ff:ff:ff to ") == std::string::npos) continue;
            found = true;
            CHECK(r.port.isValid());
            REQUIRE_FALSE(r.ports().empty());
            for (auto p : r.ports()) CHECK(p != r.port);
            CHECK(r.frame.layer == FrameLayer::Ethernet);
        }
        CHECK(found);
    }
    SECTION("neighbour records name the states they go from and to") {
        const auto ns = log.ofKind(TraceKind::NeighborState);
        REQUIRE_FALSE(ns.empty());
        bool incompleteToReachable = false;
        for (const auto& r : ns) {
            INFO(r.toString());
            CHECK_FALSE(r.fromState().empty());
            CHECK_FALSE(r.toState().empty());
            CHECK(r.detail().find(r.fromState() + " -> " + r.toState()) != std::string::npos);
            incompleteToReachable = incompleteToReachable || (r.fromState() == "INCOMPLETE" && r.toState() == "REACHABLE");
        }
        CHECK(incompleteToReachable);
    }
    SECTION("IP-level records keep the IPv4 packet") {
        const auto routes = log.ofKind(TraceKind::RouteLookup);
        REQUIRE_FALSE(routes.empty());
        for (const auto& r : routes) {
            REQUIRE(r.frame.layer == FrameLayer::Ipv4);
            CHECK(sim::wire::Ipv4Packet::decode(log.frameBytes(r.frame)));
        }
    }
}

TEST_CASE("A connect to a published port is DNATed by a rule of the DOCKER chain", "[trace][frames][nat]") {
    sim::cli::DockerHost lab;
    const auto& log = runScript(lab, "docker run -d --name web -p 8080:80 nginx\ncurl -s 10.0.2.15:8080\n");
    bool found = false;
    for (const auto& r : log.ofKind(TraceKind::NatTranslate)) {
        if (r.detail().rfind("DNAT dst", 0) != 0 || r.detail().find('(') == std::string::npos) continue;
        found = true;
        INFO(r.toString());
        CHECK(r.chain() == "DOCKER");
        CHECK(r.rule().rfind("DOCKER #", 0) == 0);
        REQUIRE(r.frame.layer == FrameLayer::Ipv4);
        // The packet as it was before the translation: still addressed to the published port.
        auto ip = sim::wire::Ipv4Packet::decode(log.frameBytes(r.frame));
        REQUIRE(ip);
        CHECK(ip->dst.toString() != "172.17.0.2");
    }
    CHECK(found);
}

TEST_CASE("A ping across two user networks is dropped in DOCKER-ISOLATION-STAGE-2", "[trace][frames][filter]") {
    sim::cli::DockerHost lab;
    const auto& log = runScript(lab, R"(docker network create n1
docker network create n2
docker run -dit --name a1 --network n1 busybox
docker run -dit --name b1 --network n2 busybox
docker exec a1 ping -c 1 172.19.0.2
)");
    bool found = false;
    for (const auto& r : log.ofKind(TraceKind::Drop)) {
        if (r.reason != sim::core::DropReason::Filtered) continue;
        found = true;
        INFO(r.toString());
        CHECK(r.chain() == "DOCKER-ISOLATION-STAGE-2");
        CHECK_FALSE(r.rule().empty());
        CHECK(r.frame.layer == FrameLayer::Ipv4);
    }
    CHECK(found);
}

TEST_CASE("A trace that does not record keeps no frames", "[trace][frames]") {
    sim::cli::DockerHost lab;
    const std::size_t before = lab.kernel().trace().size();
    lab.kernel().trace().setRecording(false);
    std::size_t heard = 0;
    lab.kernel().trace().subscribe([&](const TraceRecord& r) {
        ++heard;
        CHECK_FALSE(r.frame.isValid());
    });
    const auto& log = runScript(lab, kPing);
    CHECK(log.size() == before);
    CHECK(heard > 0);
}
