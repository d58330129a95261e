// iptables counts what it sees: every rule a packet matches (and a policy that decides) counts it
// with its IP bytes, `-L -v` shows them as iptables does (-x exact), -Z zeroes them, and
// `-L -Z` lists before zeroing. The nat table sees only a connection's first packet.
#include <catch2/catch.hpp>

#include "cli/typed_host.hpp"

namespace {

using Host = TypedHost;

}  // namespace

TEST_CASE("iptables -L -v counts the packets of a ping to the Internet", "[cli][iptables]") {
    Host h;
    REQUIRE(h.run("docker run -dit --name c1 alpine").second == 0);
    REQUIRE(h.run("docker exec c1 ping -c 2 8.8.8.8").second == 0);
    // Two requests out, two replies back: 4 packets of 84 bytes through FORWARD.
    CHECK(h.run("iptables -L FORWARD -v -n").first ==
          "Chain FORWARD (policy DROP 0 packets, 0 bytes)\n"
          " pkts bytes target     prot opt in     out     source               destination         \n"
          "    4   336 DOCKER-USER  all  --  *      *       0.0.0.0/0            0.0.0.0/0           \n"
          "    4   336 DOCKER-ISOLATION-STAGE-1  all  --  *      *       0.0.0.0/0            0.0.0.0/0           \n"
          "    2   168 ACCEPT     all  --  *      docker0  0.0.0.0/0            0.0.0.0/0            ctstate RELATED,ESTABLISHED\n"
          "    0     0 DOCKER     all  --  *      docker0  0.0.0.0/0            0.0.0.0/0           \n"
          "    2   168 ACCEPT     all  --  docker0 !docker0  0.0.0.0/0            0.0.0.0/0           \n"
          "    0     0 ACCEPT     all  --  docker0 docker0  0.0.0.0/0            0.0.0.0/0           \n");
    // MASQUERADE decides once per connection: the first packet.
    CHECK(h.run("iptables -t nat -L POSTROUTING -v -n").first ==
          "Chain POSTROUTING (policy ACCEPT 0 packets, 0 bytes)\n"
          " pkts bytes target     prot opt in     out     source               destination         \n"
          "    1    84 MASQUERADE  all  --  *      !docker0  172.17.0.0/16        0.0.0.0/0           \n");
    CHECK(h.run("iptables -L DOCKER-USER -v -x -n").first ==
          "Chain DOCKER-USER (1 references)\n"
          "    pkts    bytes target     prot opt in     out     source               destination         \n"
          "       4      336 RETURN     all  --  *      *       0.0.0.0/0            0.0.0.0/0           \n");

    SECTION("-L -Z lists, then zeroes") {
        CHECK(h.run("iptables -t nat -L POSTROUTING -Z -v -n").first.find("    1    84 MASQUERADE") != std::string::npos);
        CHECK(h.run("iptables -t nat -L POSTROUTING -v -n").first.find("    0     0 MASQUERADE") != std::string::npos);
        // The filter table's counters are another table's.
        CHECK(h.run("iptables -L FORWARD -v -n").first.find("    4   336 DOCKER-USER") != std::string::npos);
    }
    SECTION("-Z CHAIN zeroes that chain only; -Z all of the table") {
        CHECK(h.run("iptables -Z DOCKER-USER") == std::pair<std::string, int>{"", 0});
        CHECK(h.run("iptables -L DOCKER-USER -v -n").first.find("    0     0 RETURN") != std::string::npos);
        CHECK(h.run("iptables -L FORWARD -v -n").first.find("    4   336 DOCKER-USER") != std::string::npos);
        CHECK(h.run("iptables -Z").second == 0);
        CHECK(h.run("iptables -L FORWARD -v -n").first.find("    4   336") == std::string::npos);
    }
    SECTION("bad -Z uses get iptables' errors") {
        CHECK(h.run("iptables -Z NOPE") == std::pair<std::string, int>{"iptables: No chain/target/match by that name.\n", 1});
        const auto [out, status] = h.run("iptables -S -Z");
        CHECK(status == 2);
        CHECK(out.starts_with("iptables v1.8.9 (nf_tables): Illegal option `-Z' with this command\n"));
    }
}

TEST_CASE("iptables shortens big counters as xtables_print_num does", "[cli][iptables]") {
    Host h;
    REQUIRE(h.run("docker run -dit --name c1 alpine").second == 0);
    // 2,000 pings of 1,000-byte packets (972 data + 8 ICMP + 20 IP), requests and replies: 4,000
    // packets and 4,000,000 bytes through FORWARD.
    REQUIRE(h.run("docker exec c1 ping -q -c 2000 -i 0.2 -s 972 8.8.8.8").second == 0);
    const std::string forward = h.run("iptables -L FORWARD -v -n").first;
    INFO(forward);
    CHECK(forward.find(" 4000 4000K DOCKER-USER") != std::string::npos);
    CHECK(h.run("iptables -L FORWARD -v -x -n").first.find("    4000  4000000 DOCKER-USER") != std::string::npos);
}
