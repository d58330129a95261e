// EpollLoop (the one loop the HTTP and UDP responders share), UdpResponder's counting, and the
// nft counters read back from libnftables' JSON. AF_UNIX socket pairs stand in for the lab's
// sockets: nothing here touches a network namespace.
#include <catch2/catch.hpp>

#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "real/epoll_loop.hpp"
#include "real/nft_counters.hpp"
#include "real/udp_responder.hpp"

using namespace docknet::real;

namespace {

template <class F>
bool eventually(F f) {
    for (int i = 0; i < 200; ++i) {
        if (f()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return false;
}

}  // namespace

TEST_CASE("EpollLoop hands each ready descriptor to its handler, until stopped", "[real][loop]") {
    int pair[2];
    REQUIRE(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, pair) == 0);
    std::atomic<int> seen{-1};
    std::atomic<int> calls{0};
    EpollLoop loop([&](int fd, std::uint32_t events) {
        char buf[16];
        (void)!::read(fd, buf, sizeof buf);
        if (events & EPOLLIN) seen = fd;
        ++calls;
    });
    REQUIRE(loop.watch(pair[0], EPOLLIN));
    CHECK_FALSE(loop.watch(-1, EPOLLIN));  // epoll_ctl's error, as a value
    REQUIRE(::write(pair[1], "x", 1) == 1);
    CHECK(eventually([&] { return seen == pair[0]; }));
    loop.unwatch(pair[0]);
    const int before = calls;
    REQUIRE(::write(pair[1], "y", 1) == 1);
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    CHECK(calls == before);  // no longer watched
    loop.stop();
    loop.stop();  // idempotent
    ::close(pair[0]);
    ::close(pair[1]);
}

TEST_CASE("UdpResponder reads every datagram of a socket without records and counts it, answering nothing", "[real][udp]") {
    int pair[2];
    REQUIRE(::socketpair(AF_UNIX, SOCK_DGRAM | SOCK_NONBLOCK, 0, pair) == 0);
    UdpResponder sink;
    REQUIRE(sink.serve(pair[0], std::nullopt));  // taken over
    for (int i = 0; i < 3; ++i) REQUIRE(::send(pair[1], "hello", 5, 0) == 5);
    CHECK(eventually([&] { return sink.received(pair[0]) == 3; }));
    char buf[8];
    CHECK(::recv(pair[1], buf, sizeof buf, MSG_DONTWAIT) < 0);  // no answer came back
    CHECK(sink.received(12345) == 0);
    sink.closeAll();
    CHECK(sink.received(pair[0]) == 0);
    ::close(pair[1]);
}

TEST_CASE("rule counters are read from nft's JSON per chain, in the rules' order", "[real][nft]") {
    // What `nft -j list table ip docknet` prints (libnftables 1.0.6), cut to two chains.
    const std::string json = R"({"nftables": [{"metainfo": {"version": "1.0.6", "release_name": "Lester Gooch #5", "json_schema_version": 1}},
{"table": {"family": "ip", "name": "docknet", "handle": 1}},
{"chain": {"family": "ip", "table": "docknet", "name": "nat_POSTROUTING", "handle": 1, "type": "nat", "hook": "postrouting", "prio": 100, "policy": "accept"}},
{"chain": {"family": "ip", "table": "docknet", "name": "filter_FORWARD", "handle": 2, "type": "filter", "hook": "forward", "prio": 0, "policy": "drop"}},
{"rule": {"family": "ip", "table": "docknet", "chain": "nat_POSTROUTING", "handle": 7, "expr": [{"match": {"op": "!=", "left": {"meta": {"key": "oifname"}}, "right": "docker0"}}, {"match": {"op": "==", "left": {"payload": {"protocol": "ip", "field": "saddr"}}, "right": {"prefix": {"addr": "172.17.0.0", "len": 16}}}}, {"counter": {"packets": 3, "bytes": 252}}, {"masquerade": null}]}},
{"rule": {"family": "ip", "table": "docknet", "chain": "filter_FORWARD", "handle": 8, "expr": [{"counter": {"packets": 12, "bytes": 1008}}, {"jump": {"target": "filter_DOCKER_USER"}}]}},
{"rule": {"family": "ip", "table": "docknet", "chain": "filter_FORWARD", "handle": 9, "expr": [{"jump": {"target": "filter_DOCKER"}}]}},
{"rule": {"family": "ip", "table": "docknet", "chain": "filter_FORWARD", "handle": 10, "expr": [{"counter": {"packets": 0, "bytes": 0}}, {"drop": null}]}}]})";
    auto got = parseRuleCounters("docknet-host", json);
    REQUIRE(got);
    REQUIRE(got->size() == 3);  // the rule without a counter is left out, but keeps its place
    CHECK((*got)[0].ns == "docknet-host");
    CHECK((*got)[0].chain == "nat_POSTROUTING");
    CHECK((*got)[0].rule == 1);
    CHECK((*got)[0].packets == 3);
    CHECK((*got)[1].chain == "filter_FORWARD");
    CHECK((*got)[1].rule == 1);
    CHECK((*got)[1].packets == 12);
    CHECK((*got)[2].rule == 3);
    CHECK((*got)[2].packets == 0);
    CHECK_FALSE(parseRuleCounters("docknet-host", "not json"));
    CHECK_FALSE(parseRuleCounters("docknet-host", R"({"other": []})"));
}
