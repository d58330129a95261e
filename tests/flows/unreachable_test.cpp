// What goes wrong, and how the kernel says so.
#include <catch2/catch.hpp>

#include "flows/docker_rules.hpp"
#include "sim/net/pinger.hpp"

using namespace flows;
using sim::core::DropReason;
using sim::core::TraceKind;

TEST_CASE("A ping to a missing address ends FAILED with Destination Host Unreachable", "[flow][arp][unreachable]") {
    Docker0Topology t(2);
    auto report = net::Pinger::run(t.kernel, t.c[0].ns, net::PingOptions{ip("172.17.0.99"), 3});
    REQUIRE(report);
    CHECK(report->transmitted == 3);
    CHECK(report->received == 0);
    CHECK(report->errors == 3);
    CHECK(report->maxInFlight == 3);  // ping prints "pipe 3"
    for (const auto& e : report->events) {
        CHECK(e.isError);
        CHECK(e.from == ip("172.17.0.2"));  // the error comes from the pinging host itself
        CHECK(e.type == wire::IcmpType::DestinationUnreachable);
        CHECK(e.code == static_cast<std::uint8_t>(wire::UnreachableCode::Host));
        CHECK(e.at == sim::core::seconds(3) + sim::core::micros(5));  // all three at FAILED (+ lo)
    }

    // Three broadcast requests, 1 s apart, each flooded to the other containers.
    const auto requests = t.kernel.trace().ofKind(TraceKind::ArpRequest);
    REQUIRE(requests.size() == 3);
    for (int i = 0; i < 3; ++i) {
        CHECK(requests[i].time == sim::core::seconds(i));
        CHECK(requests[i].detail() == "ARP, Request who-has 172.17.0.99 tell 172.17.0.2");
    }
    const auto* entry = t.kernel.ns(t.c[0].ns)->neighbors().find(t.c[0].eth0, ip("172.17.0.99"));
    REQUIRE(entry);
    CHECK(entry->state == net::NeighborState::Failed);
    CHECK_FALSE(entry->mac);

    std::vector<std::string> states;
    for (const auto& r : t.kernel.trace().ofKind(TraceKind::NeighborState)) states.push_back(r.detail());
    CHECK(states == std::vector<std::string>{"172.17.0.99 NONE -> INCOMPLETE", "172.17.0.99 INCOMPLETE -> FAILED"});
    std::size_t arpDrops = 0;
    for (const auto& d : t.kernel.trace().ofKind(TraceKind::Drop)) arpDrops += d.reason == DropReason::ArpFailed;
    CHECK(arpDrops == 3);
}

TEST_CASE("The unresolved queue holds unres_qlen (101) packets and drops the oldest", "[flow][arp]") {
    Docker0Topology t(1);
    // count pings `interval` apart to an address nobody has; the report and the queue's drops.
    auto pingNobody = [&](int count, sim::core::Duration interval) {
        auto report = net::Pinger::run(t.kernel, t.c[0].ns, net::PingOptions{ip("172.17.0.99"), count, interval});
        REQUIRE(report);
        std::size_t queueDrops = 0;
        for (const auto& d : t.kernel.trace().ofKind(TraceKind::Drop)) queueDrops += d.reason == DropReason::QueueFull;
        return std::pair{*report, queueDrops};
    };
    SECTION("five pings 0.2 s apart all wait for the address, and all fail with it") {
        const auto [report, queueDrops] = pingNobody(5, sim::core::millis(200));
        CHECK(queueDrops == 0);
        CHECK(report.errors == 5);
    }
    SECTION("105 pings 1 ms apart: the four oldest are dropped from the queue") {
        const auto [report, queueDrops] = pingNobody(105, sim::core::millis(1));
        CHECK(queueDrops == 4);
        CHECK(report.errors == 101);
        REQUIRE(report.events.size() == 101);
        CHECK(report.events.front().sequence == 5);
        CHECK(report.events.back().sequence == 105);
    }
}

TEST_CASE("Without a route the ping never starts: Network is unreachable", "[flow][route]") {
    Docker0Topology t(1);
    REQUIRE(t.kernel.removeRoute(t.c[0].ns, prefix("0.0.0.0/0")));
    net::Pinger p(t.kernel, t.c[0].ns, net::PingOptions{ip("8.8.8.8"), 1});
    auto started = p.start();
    REQUIRE_FALSE(started);
    CHECK(started.error().code == sim::core::ErrorCode::Unreachable);
    CHECK(started.error().message == "Network is unreachable");
}

TEST_CASE("The host answers Network Unreachable for a destination it has no route to", "[flow][route]") {
    Docker0Topology t(1);
    auto report = net::Pinger::run(t.kernel, t.c[0].ns, net::PingOptions{ip("8.8.8.8"), 1});
    REQUIRE(report);
    REQUIRE(report->events.size() == 1);
    CHECK(report->events[0].isError);
    CHECK(report->events[0].from == ip("172.17.0.1"));
    CHECK(report->events[0].code == static_cast<std::uint8_t>(wire::UnreachableCode::Network));
    CHECK(t.kernel.trace().ofKind(TraceKind::Drop).front().reason == DropReason::NoRoute);
}

TEST_CASE("TTL 1 through the host is answered Time Exceeded by the host", "[flow][ttl]") {
    Docker0Topology t(1);
    addLan(t.kernel, t.host);
    net::PingOptions o{ip("10.0.0.2"), 1};
    o.ttl = 1;
    auto report = net::Pinger::run(t.kernel, t.c[0].ns, o);
    REQUIRE(report);
    REQUIRE(report->events.size() == 1);
    CHECK(report->events[0].isError);
    CHECK(report->events[0].type == wire::IcmpType::TimeExceeded);
    CHECK(report->events[0].from == ip("172.17.0.1"));
    CHECK(t.kernel.trace().ofKind(TraceKind::Drop).front().reason == DropReason::TtlExceeded);
}

TEST_CASE("With ip_forward off the host drops what it would route", "[flow][forward]") {
    Docker0Topology t(1);
    addLan(t.kernel, t.host);
    t.kernel.setIpForward(t.host, false);
    auto report = net::Pinger::run(t.kernel, t.c[0].ns, net::PingOptions{ip("10.0.0.2"), 1, sim::core::seconds(1), sim::core::seconds(1)});
    REQUIRE(report);
    CHECK(report->received == 0);
    CHECK(report->errors == 0);
    CHECK(t.kernel.trace().ofKind(TraceKind::Drop).front().reason == DropReason::NotForwarding);
}

TEST_CASE("A container whose eth0 is down cannot be reached", "[flow][link]") {
    Docker0Topology t(2);
    REQUIRE(t.kernel.setUp(t.c[1].eth0, false));
    CHECK_FALSE(t.kernel.isOperUp(t.c[1].hostVeth));  // NO-CARRIER on the host end
    auto report = net::Pinger::run(t.kernel, t.c[0].ns, net::PingOptions{t.c[1].address, 1});
    REQUIRE(report);
    CHECK(report->errors == 1);
    // The bridge does not flood to a port without carrier.
    for (const auto& r : t.kernel.trace().ofKind(TraceKind::BridgeFlood)) CHECK(r.detail().find("veth2") == std::string::npos);
}

TEST_CASE("A ping to one's own address goes through lo", "[flow][local]") {
    Docker0Topology t(1);
    auto report = net::Pinger::run(t.kernel, t.c[0].ns, net::PingOptions{t.c[0].address, 1});
    REQUIRE(report);
    CHECK(report->received == 1);
    for (const auto& r : t.kernel.trace().ofKind(TraceKind::FrameTx)) CHECK(r.where() == "c1/lo");
}
