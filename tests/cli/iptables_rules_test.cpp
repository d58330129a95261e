// The firewall is the student's too: iptables -I/-A/-D/-C/-N/-X/-F/-P on the host change the
// model's tables, the packets obey them (DOCKER-USER above all, as Docker's packet-filtering
// page teaches), and every refusal has iptables' words and leaves the rules as they were.
#include <catch2/catch.hpp>

#include "cli/typed_host.hpp"

namespace {

/// With a running alpine called c1.
struct Host : TypedHost {
    Host() { REQUIRE(run("docker run -dit --name c1 alpine").second == 0); }
    std::string rules() { return run("iptables -S").first + run("iptables -t nat -S").first; }
};

const std::string kTry = "Try `iptables -h' or 'iptables --help' for more information.\n";

}  // namespace

TEST_CASE("A DROP in DOCKER-USER stops a container's traffic and deleting it lets it through", "[cli][iptables]") {
    Host h;
    REQUIRE(h.run("iptables -I DOCKER-USER -s 172.17.0.2 -j DROP").second == 0);
    CHECK(h.run("iptables -S DOCKER-USER").first ==
          "-N DOCKER-USER\n"
          "-A DOCKER-USER -s 172.17.0.2/32 -j DROP\n"
          "-A DOCKER-USER -j RETURN\n");
    CHECK(h.run("docker exec c1 ping -c 1 -W 1 8.8.8.8").second == 1);
    CHECK(h.run("iptables -L DOCKER-USER -v -n").first.find("    1    84 DROP       all  --  *      *       172.17.0.2") !=
          std::string::npos);
    // The trace names the rule that decided, as the GUI's event details and the labs read it.
    bool droppedThere = false;
    for (const auto& r : h.lab.kernel().trace().records())
        droppedThere |= r.kind == sim::core::TraceKind::Drop && r.chain() == "DOCKER-USER" && r.detail().find("DOCKER-USER #1") != std::string::npos;
    CHECK(droppedThere);
    CHECK(h.run("iptables -C DOCKER-USER -s 172.17.0.2/32 -j DROP").second == 0);
    REQUIRE(h.run("iptables -D DOCKER-USER -s 172.17.0.2 -j DROP").second == 0);
    CHECK(h.run("iptables -C DOCKER-USER -s 172.17.0.2/32 -j DROP") ==
          std::pair<std::string, int>{"iptables: Bad rule (does a matching rule exist in that chain?).\n", 1});
    CHECK(h.run("docker exec c1 ping -c 1 8.8.8.8").second == 0);
}

TEST_CASE("iptables -I N -A -D N -N -X -F and -P change the table in the order iptables keeps", "[cli][iptables]") {
    Host h;
    REQUIRE(h.run("iptables -N MYCHAIN").second == 0);
    REQUIRE(h.run("iptables -A MYCHAIN -p tcp --dport 80 -j ACCEPT").second == 0);
    REQUIRE(h.run("iptables -A MYCHAIN -i docker0 ! -o docker0 -j DROP").second == 0);
    REQUIRE(h.run("iptables -I MYCHAIN 2 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT").second == 0);
    CHECK(h.run("iptables -S MYCHAIN").first ==
          "-N MYCHAIN\n"
          "-A MYCHAIN -p tcp -m tcp --dport 80 -j ACCEPT\n"
          "-A MYCHAIN -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT\n"
          "-A MYCHAIN -i docker0 ! -o docker0 -j DROP\n");
    REQUIRE(h.run("iptables -D MYCHAIN 1").second == 0);
    CHECK(h.run("iptables -S MYCHAIN").first.find("--dport 80") == std::string::npos);
    REQUIRE(h.run("iptables -F MYCHAIN").second == 0);
    CHECK(h.run("iptables -S MYCHAIN").first == "-N MYCHAIN\n");
    REQUIRE(h.run("iptables -X MYCHAIN").second == 0);
    REQUIRE(h.run("iptables -P INPUT DROP").second == 0);
    CHECK(h.run("iptables -S INPUT").first == "-P INPUT DROP\n");
    REQUIRE(h.run("iptables -t nat -I DOCKER -p tcp --dport 9090 -j DNAT --to-destination 172.17.0.2:80").second == 0);
    CHECK(h.run("iptables -t nat -S DOCKER").first.find("-A DOCKER -p tcp -m tcp --dport 9090 -j DNAT --to-destination 172.17.0.2:80\n") !=
          std::string::npos);
}

TEST_CASE("Bad iptables commands get iptables' words and change nothing", "[cli][iptables]") {
    Host h;
    const std::string before = h.rules();
    const std::vector<std::pair<std::string, std::pair<std::string, int>>> cases = {
        {"iptables -A FOO -j DROP", {"iptables: No chain/target/match by that name.\n", 1}},
        {"iptables -A INPUT -j NOPE", {"iptables: No chain/target/match by that name.\n", 1}},
        {"iptables -D DOCKER-USER 5", {"iptables: Index of deletion too big.\n", 1}},
        {"iptables -D DOCKER-USER -j DROP", {"iptables: Bad rule (does a matching rule exist in that chain?).\n", 1}},
        {"iptables -I DOCKER-USER 9 -j DROP", {"iptables: Index of insertion too big.\n", 1}},
        {"iptables -A INPUT -p tcp --dport 99999 -j DROP", {"iptables v1.8.9 (nf_tables): invalid port/service `99999' specified\n" + kTry, 2}},
        {"iptables -A INPUT --dport 80 -j DROP", {"iptables v1.8.9 (nf_tables): unknown option \"--dport\"\n" + kTry, 2}},
        {"iptables -A INPUT -s 300.1.1.1 -j DROP", {"iptables v1.8.9 (nf_tables): host/network `300.1.1.1' not found\n" + kTry, 2}},
        {"iptables -A INPUT -p sctp -j DROP", {"iptables v1.8.9 (nf_tables): unknown protocol \"sctp\" specified\n" + kTry, 2}},
        {"iptables -A INPUT --foo -j DROP", {"iptables v1.8.9 (nf_tables): unknown option \"--foo\"\n" + kTry, 2}},
        {"iptables -N DOCKER", {"iptables: Chain already exists.\n", 1}},
        {"iptables -X DOCKER", {"iptables: Too many links.\n", 1}},
        {"iptables -X INPUT", {"iptables: Invalid argument. Run `dmesg' for more information.\n", 1}},
        {"iptables -P DOCKER DROP", {"iptables: Bad built-in chain name.\n", 1}},
        {"iptables -P INPUT MAYBE", {"iptables: Bad policy name. Run `dmesg' for more information.\n", 1}},
        {"iptables -A INPUT -D INPUT 1", {"iptables v1.8.9 (nf_tables): Can't use -D with -A\n\n" + kTry, 2}},
    };
    for (const auto& [line, expected] : cases) {
        INFO(line);
        CHECK(h.run(line) == expected);
    }
    // What docknet cannot obey it refuses: nothing is accepted and ignored.
    for (const std::string line : {"iptables -A INPUT -j REJECT", "iptables -A INPUT -m state --state NEW -j ACCEPT",
                                   "iptables -A INPUT -j DNAT --to-destination 1.2.3.4", "iptables -t mangle -A PREROUTING -j ACCEPT",
                                   "iptables -A INPUT -s 10.0.0.1", "iptables -E DOCKER-USER MINE"}) {
        INFO(line);
        CHECK(h.run(line).second != 0);
    }
    CHECK(h.rules() == before);
}
