#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "sim/net/xt_table.hpp"

using sim::core::ErrorCode;
using sim::net::IfaceMatch;
using sim::net::PacketView;
using sim::net::PrefixMatch;
using sim::net::RuleMatch;
using sim::net::XtCounters;
using sim::net::XtChain;
using sim::net::XtRule;
using sim::net::XtTable;
using sim::net::XtTableKind;
using sim::net::XtVerdict;
using sim::wire::IpProtocol;
using sim::wire::Ipv4Address;
using sim::wire::Ipv4Prefix;
namespace target = sim::net::target;
namespace ct_state = sim::net::ct_state;

namespace {

constexpr Ipv4Address kHostIp(192, 168, 1, 10);
constexpr Ipv4Address kInternet(93, 184, 216, 34);
constexpr Ipv4Address kC1(172, 17, 0, 2);      // on docker0
constexpr Ipv4Address kC2(172, 17, 0, 3);      // on docker0
constexpr Ipv4Address kNetC1(172, 18, 0, 2);   // on br-xxx (a user network)
const std::string kBrXxx = "br-0123456789ab";
const std::string kNoChain = "iptables: No chain/target/match by that name.";

Ipv4Prefix pfx(std::string_view text) { return *Ipv4Prefix::parse(text); }

IfaceMatch iface(std::string name, bool negate = false) { return IfaceMatch{std::move(name), negate}; }

/// Builds a RuleMatch the way the iptables command line reads: M().in("docker0").out("docker0", true).
struct M {
    RuleMatch m;
    M& proto(IpProtocol p) { m.protocol = p; return *this; }
    M& src(std::string_view text, bool negate = false) { m.src = PrefixMatch{pfx(text), negate}; return *this; }
    M& dst(std::string_view text, bool negate = false) { m.dst = PrefixMatch{pfx(text), negate}; return *this; }
    M& in(std::string name, bool negate = false) { m.in = IfaceMatch{std::move(name), negate}; return *this; }
    M& out(std::string name, bool negate = false) { m.out = IfaceMatch{std::move(name), negate}; return *this; }
    M& dport(std::uint16_t port) { m.dport = port; return *this; }
    M& dstLocal(bool local) { m.dstTypeLocal = local; return *this; }
    M& ctstate(std::uint8_t states) { m.ctstate = states; return *this; }
    operator RuleMatch() const { return m; }  // NOLINT(google-explicit-constructor)
};

XtRule rule(RuleMatch m, sim::net::RuleTarget t) { return XtRule{std::move(m), std::move(t)}; }
XtRule jump(std::string chain, RuleMatch m = {}) { return XtRule{std::move(m), target::Jump{std::move(chain)}}; }
XtRule accept(RuleMatch m = {}) { return XtRule{std::move(m), target::Accept{}}; }
XtRule drop(RuleMatch m = {}) { return XtRule{std::move(m), target::Drop{}}; }
XtRule ret(RuleMatch m = {}) { return XtRule{std::move(m), target::Return{}}; }

PacketView tcp(Ipv4Address src, Ipv4Address dst, std::uint16_t dport, std::string_view in, std::string_view out,
               std::uint8_t ctstate = ct_state::New) {
    PacketView p;
    p.protocol = IpProtocol::Tcp;
    p.src = src;
    p.dst = dst;
    p.sport = 40000;
    p.dport = dport;
    p.in = in;
    p.out = out;
    p.ctstate = ctstate;
    return p;
}

PacketView icmp(Ipv4Address src, Ipv4Address dst, std::string_view in, std::string_view out) {
    PacketView p;
    p.protocol = IpProtocol::Icmp;
    p.src = src;
    p.dst = dst;
    p.in = in;
    p.out = out;
    return p;
}

std::vector<std::string> chainNames(const XtTable& t) {
    std::vector<std::string> out;
    for (const auto& c : t.chains()) out.push_back(c.name);
    return out;
}

/// `iptables -t filter -S` on a host with docker0, one user network and one published port
/// (docker run -p 8080:80 on 172.17.0.2), as Docker 24 writes it.
XtTable dockerFilter() {
    XtTable t(XtTableKind::Filter);
    REQUIRE(t.setPolicy("FORWARD", false));
    for (const char* c : {"DOCKER", "DOCKER-ISOLATION-STAGE-1", "DOCKER-ISOLATION-STAGE-2", "DOCKER-USER"})
        REQUIRE(t.newChain(c));
    // -A FORWARD -j DOCKER-USER
    REQUIRE(t.append("FORWARD", jump("DOCKER-USER")));
    // -A FORWARD -j DOCKER-ISOLATION-STAGE-1
    REQUIRE(t.append("FORWARD", jump("DOCKER-ISOLATION-STAGE-1")));
    for (const std::string& br : {std::string("docker0"), kBrXxx}) {
        // -A FORWARD -o docker0 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
        RuleMatch established;
        established.out = iface(br);
        established.ctstate = ct_state::Related | ct_state::Established;
        REQUIRE(t.append("FORWARD", accept(established)));
        // -A FORWARD -o docker0 -j DOCKER
        REQUIRE(t.append("FORWARD", jump("DOCKER", M().out(br))));
        // -A FORWARD -i docker0 ! -o docker0 -j ACCEPT
        REQUIRE(t.append("FORWARD", accept(M().in(br).out(br, true))));
        // -A FORWARD -i docker0 -o docker0 -j ACCEPT
        REQUIRE(t.append("FORWARD", accept(M().in(br).out(br))));
    }
    // -A DOCKER -d 172.17.0.2/32 ! -i docker0 -o docker0 -p tcp -m tcp --dport 80 -j ACCEPT
    REQUIRE(t.append("DOCKER",
                     accept(M().dst("172.17.0.2/32").in("docker0", true).out("docker0").proto(IpProtocol::Tcp).dport(80))));
    // -A DOCKER-ISOLATION-STAGE-1 -i docker0 ! -o docker0 -j DOCKER-ISOLATION-STAGE-2
    REQUIRE(t.append("DOCKER-ISOLATION-STAGE-1",
                     jump("DOCKER-ISOLATION-STAGE-2", M().in("docker0").out("docker0", true))));
    REQUIRE(t.append("DOCKER-ISOLATION-STAGE-1",
                     jump("DOCKER-ISOLATION-STAGE-2", M().in(kBrXxx).out(kBrXxx, true))));
    REQUIRE(t.append("DOCKER-ISOLATION-STAGE-1", ret()));
    // -A DOCKER-ISOLATION-STAGE-2 -o docker0 -j DROP
    REQUIRE(t.append("DOCKER-ISOLATION-STAGE-2", drop(M().out("docker0"))));
    // -A DOCKER-ISOLATION-STAGE-2 -o br-xxx -j DROP
    REQUIRE(t.append("DOCKER-ISOLATION-STAGE-2", drop(M().out(kBrXxx))));
    REQUIRE(t.append("DOCKER-ISOLATION-STAGE-2", ret()));
    REQUIRE(t.append("DOCKER-USER", ret()));
    return t;
}

/// `iptables -t nat -S` for the same host.
XtTable dockerNat() {
    XtTable t(XtTableKind::Nat);
    REQUIRE(t.newChain("DOCKER"));
    // -A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER
    REQUIRE(t.append("PREROUTING", jump("DOCKER", M().dstLocal(true))));
    // -A OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER
    REQUIRE(t.append("OUTPUT", jump("DOCKER", M().dst("127.0.0.0/8", true).dstLocal(true))));
    // -A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE
    REQUIRE(t.append("POSTROUTING",
                     rule(M().src("172.17.0.0/16").out("docker0", true), target::Masquerade{})));
    // -A DOCKER -i docker0 -j RETURN
    REQUIRE(t.append("DOCKER", ret(M().in("docker0"))));
    // -A DOCKER ! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80
    REQUIRE(t.append("DOCKER", rule(M().proto(IpProtocol::Tcp).in("docker0", true).dport(8080),
                                    target::Dnat{kC1, 80})));
    return t;
}

}  // namespace

TEST_CASE("Each table kind starts with its built-in chains, policy ACCEPT", "[xt]") {
    SECTION("filter") {
        XtTable t(XtTableKind::Filter);
        CHECK(t.kind() == XtTableKind::Filter);
        CHECK(chainNames(t) == std::vector<std::string>{"INPUT", "FORWARD", "OUTPUT"});
        for (const auto& c : t.chains()) {
            CHECK(c.builtin);
            CHECK(c.policyAccept);
            CHECK(c.rules.empty());
        }
        CHECK_FALSE(t.hasChain("PREROUTING"));
    }
    SECTION("nat") {
        XtTable t(XtTableKind::Nat);
        CHECK(t.kind() == XtTableKind::Nat);
        CHECK(chainNames(t) == std::vector<std::string>{"PREROUTING", "INPUT", "OUTPUT", "POSTROUTING"});
        for (const auto& c : t.chains()) CHECK(c.builtin);
        CHECK_FALSE(t.hasChain("FORWARD"));
    }
}

TEST_CASE("An empty built-in chain applies its policy", "[xt]") {
    XtTable t(XtTableKind::Filter);
    const auto p = icmp(kC1, kInternet, "docker0", "eth0");
    const XtVerdict v = t.evaluate("FORWARD", p);
    CHECK(v.accept);
    CHECK_FALSE(v.nat.has_value());
    CHECK(v.decidedBy.empty());

    REQUIRE(t.setPolicy("FORWARD", false));
    CHECK(t.chain("FORWARD")->policyAccept == false);
    const XtVerdict dropped = t.evaluate("FORWARD", p);
    CHECK_FALSE(dropped.accept);
    CHECK(dropped.decidedBy.empty());
    CHECK(t.evaluate("INPUT", p).accept);  // other chains keep theirs
}

TEST_CASE("setPolicy only works on built-in chains", "[xt]") {
    XtTable t(XtTableKind::Filter);
    REQUIRE(t.newChain("DOCKER"));
    const auto user = t.setPolicy("DOCKER", false);
    REQUIRE_FALSE(user);
    CHECK(user.error().message == "iptables: Bad built-in chain name.");
    const auto unknown = t.setPolicy("NOPE", false);
    REQUIRE_FALSE(unknown);
    CHECK(unknown.error().code == ErrorCode::NotFound);
    CHECK(unknown.error().message == kNoChain);
}

TEST_CASE("newChain adds user chains after the built-ins, sorted by name", "[xt]") {
    XtTable t(XtTableKind::Filter);
    REQUIRE(t.newChain("DOCKER-USER"));
    REQUIRE(t.newChain("DOCKER"));
    REQUIRE(t.newChain("DOCKER-ISOLATION-STAGE-2"));
    REQUIRE(t.newChain("DOCKER-ISOLATION-STAGE-1"));
    CHECK(chainNames(t) == std::vector<std::string>{"INPUT", "FORWARD", "OUTPUT", "DOCKER", "DOCKER-ISOLATION-STAGE-1",
                                                    "DOCKER-ISOLATION-STAGE-2", "DOCKER-USER"});
    const XtChain* c = t.chain("DOCKER");
    REQUIRE(c != nullptr);
    CHECK_FALSE(c->builtin);
    CHECK(t.hasChain("DOCKER-USER"));
    CHECK(t.chain("docker") == nullptr);  // names are case-sensitive

    SECTION("a duplicate is refused") {
        const auto dup = t.newChain("DOCKER");
        REQUIRE_FALSE(dup);
        CHECK(dup.error().code == ErrorCode::AlreadyExists);
        CHECK(dup.error().message == "iptables: Chain already exists.");
        const auto builtin = t.newChain("FORWARD");
        REQUIRE_FALSE(builtin);
        CHECK(builtin.error().message == "iptables: Chain already exists.");
        CHECK(t.chains().size() == 7);
    }
    SECTION("names are limited to 28 characters") {
        CHECK(t.newChain(std::string(28, 'A')));
        const auto tooLong = t.newChain(std::string(29, 'B'));
        REQUIRE_FALSE(tooLong);
        CHECK(tooLong.error().code == ErrorCode::InvalidArgument);
        CHECK_FALSE(t.hasChain(std::string(29, 'B')));
    }
}

TEST_CASE("append and insert place rules at iptables positions", "[xt]") {
    XtTable t(XtTableKind::Filter);
    const auto r1 = accept(M().in("eth1"));
    const auto r2 = accept(M().in("eth2"));
    const auto r3 = accept(M().in("eth3"));
    const auto r4 = accept(M().in("eth4"));
    REQUIRE(t.append("INPUT", r2));
    REQUIRE(t.insert("INPUT", 1, r1));  // -I INPUT (position 1: the front)
    REQUIRE(t.insert("INPUT", 3, r4));  // one past the end: same as -A
    REQUIRE(t.insert("INPUT", 3, r3));
    CHECK(t.chain("INPUT")->rules == std::vector<XtRule>{r1, r2, r3, r4});

    SECTION("position 0 and positions past the end are refused") {
        const auto zero = t.insert("INPUT", 0, r1);
        REQUIRE_FALSE(zero);
        CHECK(zero.error().message == "iptables: Index of insertion too big.");
        const auto tooBig = t.insert("INPUT", 6, r1);
        REQUIRE_FALSE(tooBig);
        CHECK(tooBig.error().code == ErrorCode::InvalidArgument);
        CHECK(tooBig.error().message == "iptables: Index of insertion too big.");
        CHECK(t.chain("INPUT")->rules.size() == 4);
    }
    SECTION("unknown chains and jump targets are refused") {
        const auto a = t.append("NOPE", r1);
        REQUIRE_FALSE(a);
        CHECK(a.error().message == kNoChain);
        const auto j = t.append("INPUT", jump("DOCKER"));
        REQUIRE_FALSE(j);
        CHECK(j.error().code == ErrorCode::NotFound);
        CHECK(j.error().message == kNoChain);
        const auto ij = t.insert("INPUT", 1, jump("DOCKER"));
        REQUIRE_FALSE(ij);
        CHECK(ij.error().message == kNoChain);
        CHECK_FALSE(t.insert("NOPE", 1, r1));
        CHECK(t.chain("INPUT")->rules.size() == 4);
    }
    SECTION("an inserted rule is evaluated first") {
        REQUIRE(t.insert("INPUT", 1, drop(M().in("eth2"))));
        const XtVerdict v = t.evaluate("INPUT", icmp(kInternet, kHostIp, "eth2", ""));
        CHECK_FALSE(v.accept);
        CHECK(v.decidedBy == "INPUT #1");
        CHECK(t.evaluate("INPUT", icmp(kInternet, kHostIp, "eth3", "")).decidedBy == "INPUT #4");
    }
}

TEST_CASE("remove deletes the first rule that is exactly equal", "[xt]") {
    XtTable t(XtTableKind::Filter);
    const auto fromDocker0 = accept(M().in("docker0"));
    const auto notFromDocker0 = accept(M().in("docker0", true));
    REQUIRE(t.append("INPUT", fromDocker0));
    REQUIRE(t.append("INPUT", notFromDocker0));
    REQUIRE(t.append("INPUT", fromDocker0));
    CHECK(t.contains("INPUT", notFromDocker0));

    SECTION("a rule that differs only in negation, target or a match is not the same rule") {
        CHECK_FALSE(t.remove("INPUT", drop(M().in("docker0"))));
        CHECK_FALSE(t.remove("INPUT", accept(M().in("docker0").dport(80))));
        const auto bad = t.remove("INPUT", accept(M().in("docker1")));
        REQUIRE_FALSE(bad);
        CHECK(bad.error().code == ErrorCode::NotFound);
        CHECK(bad.error().message == "iptables: Bad rule (does a matching rule exist in that chain?).");
        CHECK(t.chain("INPUT")->rules.size() == 3);
    }
    SECTION("duplicates go one at a time") {
        REQUIRE(t.remove("INPUT", fromDocker0));
        CHECK(t.chain("INPUT")->rules == std::vector<XtRule>{notFromDocker0, fromDocker0});
        REQUIRE(t.remove("INPUT", fromDocker0));
        CHECK(t.chain("INPUT")->rules == std::vector<XtRule>{notFromDocker0});
        CHECK_FALSE(t.contains("INPUT", fromDocker0));
        CHECK_FALSE(t.remove("INPUT", fromDocker0));
    }
    SECTION("in the wrong chain or an unknown chain") {
        CHECK_FALSE(t.remove("OUTPUT", fromDocker0));
        const auto unknown = t.remove("NOPE", fromDocker0);
        REQUIRE_FALSE(unknown);
        CHECK(unknown.error().message == kNoChain);
        CHECK_FALSE(t.contains("NOPE", fromDocker0));
    }
}

TEST_CASE("flush empties one chain", "[xt]") {
    XtTable t = dockerFilter();
    REQUIRE(t.flush("DOCKER-ISOLATION-STAGE-2"));
    CHECK(t.chain("DOCKER-ISOLATION-STAGE-2")->rules.empty());
    CHECK(t.chain("DOCKER-ISOLATION-STAGE-1")->rules.size() == 3);
    CHECK_FALSE(t.flush("NOPE"));
    // Now nothing isolates the networks: docker0 -> br-xxx is accepted by FORWARD's docker0 rule.
    const XtVerdict v = t.evaluate("FORWARD", icmp(kC1, kNetC1, "docker0", kBrXxx));
    CHECK(v.accept);
    CHECK(v.decidedBy == "FORWARD #5");
}

TEST_CASE("deleteChain refuses built-in, non-empty and referenced chains", "[xt]") {
    XtTable t = dockerFilter();
    SECTION("built-in") {
        const auto r = t.deleteChain("FORWARD");
        REQUIRE_FALSE(r);
        CHECK(r.error().code == ErrorCode::Conflict);
        CHECK(r.error().message == "iptables: Invalid argument. Run `dmesg' for more information.");
        CHECK(t.hasChain("FORWARD"));
    }
    SECTION("non-empty") {
        const auto r = t.deleteChain("DOCKER-ISOLATION-STAGE-2");
        REQUIRE_FALSE(r);
        CHECK(r.error().code == ErrorCode::Conflict);
        CHECK(r.error().message == "iptables: Directory not empty.");
    }
    SECTION("empty but still referenced") {
        REQUIRE(t.flush("DOCKER-ISOLATION-STAGE-2"));
        const auto r = t.deleteChain("DOCKER-ISOLATION-STAGE-2");  // STAGE-1 jumps to it
        REQUIRE_FALSE(r);
        CHECK(r.error().code == ErrorCode::Conflict);
        CHECK(r.error().message == "iptables: Too many links.");
        CHECK(t.hasChain("DOCKER-ISOLATION-STAGE-2"));

        // Docker's teardown order: flush the referrer, then both can go.
        REQUIRE(t.flush("DOCKER-ISOLATION-STAGE-1"));
        REQUIRE(t.deleteChain("DOCKER-ISOLATION-STAGE-2"));
        CHECK_FALSE(t.hasChain("DOCKER-ISOLATION-STAGE-2"));
        CHECK_FALSE(t.deleteChain("DOCKER-ISOLATION-STAGE-1"));  // FORWARD still jumps to it
    }
    SECTION("unknown") {
        const auto r = t.deleteChain("NOPE");
        REQUIRE_FALSE(r);
        CHECK(r.error().code == ErrorCode::NotFound);
        CHECK(r.error().message == kNoChain);
    }
    SECTION("an empty, unreferenced chain goes") {
        REQUIRE(t.newChain("SCRATCH"));
        REQUIRE(t.deleteChain("SCRATCH"));
        CHECK_FALSE(t.hasChain("SCRATCH"));
        CHECK(t.chains().size() == 7);
    }
}

TEST_CASE("A jump runs the user chain and falls back to the caller at its end", "[xt]") {
    XtTable t(XtTableKind::Filter);
    REQUIRE(t.newChain("A"));
    REQUIRE(t.newChain("B"));
    REQUIRE(t.append("INPUT", jump("A")));
    REQUIRE(t.append("INPUT", accept(M().in("eth0"))));
    REQUIRE(t.append("A", jump("B", M().proto(IpProtocol::Tcp))));
    REQUIRE(t.append("A", drop(M().in("eth1"))));
    REQUIRE(t.append("B", ret(M().dport(22))));
    REQUIRE(t.append("B", drop(M().proto(IpProtocol::Tcp))));  // everything TCP that did not RETURN
    REQUIRE(t.setPolicy("INPUT", false));

    SECTION("no match in A: back in INPUT at the next rule") {
        const XtVerdict v = t.evaluate("INPUT", icmp(kInternet, kHostIp, "eth0", ""));
        CHECK(v.accept);
        CHECK(v.decidedBy == "INPUT #2");
    }
    SECTION("a terminal verdict in a user chain ends the walk") {
        const XtVerdict v = t.evaluate("INPUT", icmp(kInternet, kHostIp, "eth1", ""));
        CHECK_FALSE(v.accept);
        CHECK(v.decidedBy == "A #2");
    }
    SECTION("nested: a DROP two levels down") {
        const XtVerdict v = t.evaluate("INPUT", tcp(kInternet, kHostIp, 23, "eth0", ""));
        CHECK_FALSE(v.accept);
        CHECK(v.decidedBy == "B #2");
    }
    SECTION("RETURN in B goes back to A's next rule, not to INPUT") {
        const XtVerdict fromEth1 = t.evaluate("INPUT", tcp(kInternet, kHostIp, 22, "eth1", ""));
        CHECK_FALSE(fromEth1.accept);
        CHECK(fromEth1.decidedBy == "A #2");
        const XtVerdict fromEth0 = t.evaluate("INPUT", tcp(kInternet, kHostIp, 22, "eth0", ""));
        CHECK(fromEth0.accept);
        CHECK(fromEth0.decidedBy == "INPUT #2");
    }
    SECTION("nothing matches anywhere: the policy of the built-in chain") {
        const XtVerdict v = t.evaluate("INPUT", icmp(kInternet, kHostIp, "eth9", ""));
        CHECK_FALSE(v.accept);
        CHECK(v.decidedBy.empty());
    }
}

TEST_CASE("RETURN in a built-in chain applies its policy", "[xt]") {
    XtTable t(XtTableKind::Filter);
    REQUIRE(t.append("FORWARD", ret(M().in("eth0"))));
    REQUIRE(t.append("FORWARD", accept()));
    REQUIRE(t.setPolicy("FORWARD", false));
    CHECK_FALSE(t.evaluate("FORWARD", icmp(kInternet, kC1, "eth0", "docker0")).accept);
    const XtVerdict other = t.evaluate("FORWARD", icmp(kInternet, kC1, "eth1", "docker0"));
    CHECK(other.accept);
    CHECK(other.decidedBy == "FORWARD #2");
}

TEST_CASE("Interface matches: exact, '+' prefix wildcard and negation", "[xt]") {
    CHECK(iface("docker0").matches("docker0"));
    CHECK_FALSE(iface("docker0").matches("docker01"));
    CHECK_FALSE(iface("docker0").matches("docker"));
    CHECK_FALSE(iface("docker0", true).matches("docker0"));
    CHECK(iface("docker0", true).matches("eth0"));

    CHECK(iface("veth+").matches("veth1a2b3c"));
    CHECK(iface("veth+").matches("veth"));
    CHECK_FALSE(iface("veth+").matches("vet"));
    CHECK_FALSE(iface("veth+").matches("eth0"));
    CHECK(iface("br-+").matches(kBrXxx));
    CHECK_FALSE(iface("br-+").matches("docker0"));
    CHECK(iface("br-+", true).matches("docker0"));
    CHECK_FALSE(iface("br-+", true).matches(kBrXxx));
    CHECK(iface("+").matches("anything"));
    CHECK(iface("+").matches(""));

    SECTION("in a rule") {
        XtTable t(XtTableKind::Filter);
        REQUIRE(t.append("FORWARD", drop(M().in("veth+").out("br-+", true))));
        CHECK_FALSE(t.evaluate("FORWARD", icmp(kC1, kInternet, "veth0", "eth0")).accept);
        CHECK(t.evaluate("FORWARD", icmp(kC1, kInternet, "veth0", kBrXxx)).accept);
        CHECK(t.evaluate("FORWARD", icmp(kC1, kInternet, "eth1", "eth0")).accept);
    }
}

TEST_CASE("Address matches and their negation", "[xt]") {
    XtTable t(XtTableKind::Filter);
    // -A INPUT ! -s 172.17.0.0/16 -d 192.168.1.10/32 -j DROP
    REQUIRE(t.append("INPUT", drop(M().src("172.17.0.0/16", true).dst("192.168.1.10/32"))));
    CHECK_FALSE(t.evaluate("INPUT", icmp(kInternet, kHostIp, "eth0", "")).accept);
    CHECK(t.evaluate("INPUT", icmp(kC1, kHostIp, "docker0", "")).accept);                  // -s negated: 172.17/16 passes
    CHECK(t.evaluate("INPUT", icmp(kInternet, Ipv4Address(192, 168, 1, 11), "eth0", "")).accept);  // other -d

    XtTable n(XtTableKind::Filter);
    // -A OUTPUT ! -d 127.0.0.0/8 -j DROP
    REQUIRE(n.append("OUTPUT", drop(M().dst("127.0.0.0/8", true))));
    CHECK(n.evaluate("OUTPUT", icmp(kHostIp, Ipv4Address::loopback(), "", "lo")).accept);
    CHECK(n.evaluate("OUTPUT", icmp(kHostIp, Ipv4Address(127, 0, 0, 11), "", "lo")).accept);
    CHECK_FALSE(n.evaluate("OUTPUT", icmp(kHostIp, kInternet, "", "eth0")).accept);
}

TEST_CASE("Protocol and --dport matches", "[xt]") {
    XtTable t(XtTableKind::Filter);
    REQUIRE(t.append("INPUT", drop(M().proto(IpProtocol::Udp))));
    REQUIRE(t.append("INPUT", accept(M().dport(80))));
    REQUIRE(t.setPolicy("INPUT", false));

    auto view = [](IpProtocol proto, std::uint16_t dport) {
        PacketView p;
        p.protocol = proto;
        p.src = kInternet;
        p.dst = kHostIp;
        p.dport = dport;
        p.in = "eth0";
        return p;
    };
    CHECK(t.evaluate("INPUT", view(IpProtocol::Udp, 53)).decidedBy == "INPUT #1");
    CHECK(t.evaluate("INPUT", view(IpProtocol::Udp, 80)).decidedBy == "INPUT #1");
    const XtVerdict web = t.evaluate("INPUT", view(IpProtocol::Tcp, 80));
    CHECK(web.accept);
    CHECK(web.decidedBy == "INPUT #2");
    CHECK_FALSE(t.evaluate("INPUT", view(IpProtocol::Tcp, 81)).accept);
    // ICMP has no ports: --dport never matches it, whatever the view's dport field holds.
    const XtVerdict ping = t.evaluate("INPUT", view(IpProtocol::Icmp, 80));
    CHECK_FALSE(ping.accept);
    CHECK(ping.decidedBy.empty());
}

TEST_CASE("The addrtype match --dst-type LOCAL and its negation", "[xt]") {
    XtTable t(XtTableKind::Filter);
    REQUIRE(t.append("INPUT", accept(M().dstLocal(true))));
    REQUIRE(t.append("INPUT", drop(M().dstLocal(false))));
    PacketView p = icmp(kInternet, kHostIp, "eth0", "");
    p.dstIsLocal = true;
    CHECK(t.evaluate("INPUT", p).decidedBy == "INPUT #1");
    p.dstIsLocal = false;
    const XtVerdict v = t.evaluate("INPUT", p);
    CHECK_FALSE(v.accept);
    CHECK(v.decidedBy == "INPUT #2");
}

TEST_CASE("The conntrack match --ctstate matches any of the listed states", "[xt]") {
    XtTable t(XtTableKind::Filter);
    RuleMatch m;
    m.ctstate = ct_state::Related | ct_state::Established;
    REQUIRE(t.append("FORWARD", accept(m)));
    REQUIRE(t.append("FORWARD", drop(M().ctstate(ct_state::Invalid))));
    REQUIRE(t.setPolicy("FORWARD", false));

    auto with = [](std::uint8_t state) { return tcp(kInternet, kC1, 80, "eth0", "docker0", state); };
    CHECK(t.evaluate("FORWARD", with(ct_state::Established)).decidedBy == "FORWARD #1");
    CHECK(t.evaluate("FORWARD", with(ct_state::Related)).decidedBy == "FORWARD #1");
    CHECK(t.evaluate("FORWARD", with(ct_state::Invalid)).decidedBy == "FORWARD #2");
    const XtVerdict fresh = t.evaluate("FORWARD", with(ct_state::New));
    CHECK_FALSE(fresh.accept);
    CHECK(fresh.decidedBy.empty());
}

TEST_CASE("Docker's filter rules: isolation, published ports and replies", "[xt][docker]") {
    XtTable t = dockerFilter();

    SECTION("docker0 to a user network is dropped by DOCKER-ISOLATION-STAGE-2") {
        const XtVerdict v = t.evaluate("FORWARD", icmp(kC1, kNetC1, "docker0", kBrXxx));
        CHECK_FALSE(v.accept);
        CHECK(v.decidedBy == "DOCKER-ISOLATION-STAGE-2 #2");
    }
    SECTION("and the other way round") {
        const XtVerdict v = t.evaluate("FORWARD", icmp(kNetC1, kC1, kBrXxx, "docker0"));
        CHECK_FALSE(v.accept);
        CHECK(v.decidedBy == "DOCKER-ISOLATION-STAGE-2 #1");
    }
    SECTION("a container reaching the internet returns through both isolation chains") {
        const XtVerdict v = t.evaluate("FORWARD", icmp(kC1, kInternet, "docker0", "eth0"));
        CHECK(v.accept);
        CHECK(v.decidedBy == "FORWARD #5");
        const XtVerdict u = t.evaluate("FORWARD", icmp(kNetC1, kInternet, kBrXxx, "eth0"));
        CHECK(u.accept);
        CHECK(u.decidedBy == "FORWARD #9");
    }
    SECTION("the reply comes back through the conntrack rule") {
        PacketView reply = icmp(kInternet, kC1, "eth0", "docker0");
        reply.ctstate = ct_state::Established;
        const XtVerdict v = t.evaluate("FORWARD", reply);
        CHECK(v.accept);
        CHECK(v.decidedBy == "FORWARD #3");
    }
    SECTION("an unsolicited packet from outside is dropped by the FORWARD policy") {
        const XtVerdict v = t.evaluate("FORWARD", icmp(kInternet, kC1, "eth0", "docker0"));
        CHECK_FALSE(v.accept);
        CHECK(v.decidedBy.empty());
    }
    SECTION("a published port is accepted by the DOCKER chain") {
        const XtVerdict v = t.evaluate("FORWARD", tcp(kInternet, kC1, 80, "eth0", "docker0"));
        CHECK(v.accept);
        CHECK(v.decidedBy == "DOCKER #1");
        CHECK_FALSE(t.evaluate("FORWARD", tcp(kInternet, kC1, 22, "eth0", "docker0")).accept);
        CHECK_FALSE(t.evaluate("FORWARD", tcp(kInternet, kC2, 80, "eth0", "docker0")).accept);
    }
    SECTION("containers on the same bridge talk through the -i docker0 -o docker0 rule") {
        const XtVerdict v = t.evaluate("FORWARD", tcp(kC2, kC1, 80, "docker0", "docker0"));
        CHECK(v.accept);
        CHECK(v.decidedBy == "FORWARD #6");
    }
    SECTION("INPUT and OUTPUT are untouched") {
        CHECK(t.evaluate("INPUT", icmp(kC1, kHostIp, "docker0", "")).accept);
        CHECK(t.evaluate("OUTPUT", icmp(kHostIp, kC1, "", "docker0")).accept);
    }
}

TEST_CASE("Docker's nat rules: DNAT for published ports, MASQUERADE on the way out", "[xt][docker]") {
    XtTable t = dockerNat();

    SECTION("PREROUTING to a local address and the published port: DNAT") {
        PacketView p = tcp(kInternet, kHostIp, 8080, "eth0", "");
        p.dstIsLocal = true;
        const XtVerdict v = t.evaluate("PREROUTING", p);
        CHECK(v.accept);
        CHECK(v.decidedBy == "DOCKER #2");
        REQUIRE(v.nat.has_value());
        const auto* dnat = std::get_if<target::Dnat>(&*v.nat);
        REQUIRE(dnat != nullptr);
        CHECK(dnat->address == kC1);
        CHECK(dnat->port == 80);
    }
    SECTION("another port: no NAT, the PREROUTING policy") {
        PacketView p = tcp(kInternet, kHostIp, 8081, "eth0", "");
        p.dstIsLocal = true;
        const XtVerdict v = t.evaluate("PREROUTING", p);
        CHECK(v.accept);
        CHECK_FALSE(v.nat.has_value());
        CHECK(v.decidedBy.empty());
    }
    SECTION("a destination that is not local never enters DOCKER") {
        PacketView p = tcp(kInternet, kInternet, 8080, "eth0", "");
        p.dstIsLocal = false;
        CHECK_FALSE(t.evaluate("PREROUTING", p).nat.has_value());
    }
    SECTION("from docker0 the DOCKER chain RETURNs first (no hairpin DNAT here)") {
        PacketView p = tcp(kC2, kHostIp, 8080, "docker0", "");
        p.dstIsLocal = true;
        const XtVerdict v = t.evaluate("PREROUTING", p);
        CHECK(v.accept);
        CHECK_FALSE(v.nat.has_value());
    }
    SECTION("OUTPUT: the host's own connection to its address is DNATed, to loopback it is not") {
        PacketView p = tcp(kHostIp, kHostIp, 8080, "", "lo");
        p.dstIsLocal = true;
        const XtVerdict v = t.evaluate("OUTPUT", p);
        REQUIRE(v.nat.has_value());
        CHECK(std::holds_alternative<target::Dnat>(*v.nat));
        CHECK(v.decidedBy == "DOCKER #2");

        PacketView lo = tcp(Ipv4Address::loopback(), Ipv4Address::loopback(), 8080, "", "lo");
        lo.dstIsLocal = true;
        CHECK_FALSE(t.evaluate("OUTPUT", lo).nat.has_value());
    }
    SECTION("POSTROUTING masquerades container traffic leaving by another interface") {
        const XtVerdict out = t.evaluate("POSTROUTING", icmp(kC1, kInternet, "docker0", "eth0"));
        REQUIRE(out.nat.has_value());
        CHECK(std::holds_alternative<target::Masquerade>(*out.nat));
        CHECK(out.decidedBy == "POSTROUTING #1");

        const XtVerdict local = t.evaluate("POSTROUTING", icmp(kC1, kC2, "docker0", "docker0"));
        CHECK_FALSE(local.nat.has_value());
        const XtVerdict other = t.evaluate("POSTROUTING", icmp(kNetC1, kInternet, kBrXxx, "eth0"));
        CHECK_FALSE(other.nat.has_value());
    }
}

TEST_CASE("SNAT is returned like DNAT", "[xt]") {
    XtTable t(XtTableKind::Nat);
    REQUIRE(t.append("POSTROUTING", rule(M().out("eth0"), target::Snat{kHostIp})));
    const XtVerdict v = t.evaluate("POSTROUTING", icmp(kC1, kInternet, "docker0", "eth0"));
    REQUIRE(v.nat.has_value());
    REQUIRE(std::holds_alternative<target::Snat>(*v.nat));
    CHECK(std::get<target::Snat>(*v.nat).address == kHostIp);
    CHECK(v.decidedBy == "POSTROUTING #1");
}

TEST_CASE("Evaluating a chain the table does not have accepts", "[xt]") {
    XtTable t(XtTableKind::Filter);
    const XtVerdict v = t.evaluate("PREROUTING", icmp(kC1, kInternet, "docker0", ""));
    CHECK(v.accept);
    CHECK_FALSE(v.nat.has_value());
}

TEST_CASE("Counters: every rule a packet matches counts it and so does the deciding policy — peek and -Z", "[xt]") {
    XtTable t = dockerFilter();
    PacketView p = icmp(kC1, kNetC1, "docker0", kBrXxx);
    p.length = 84;
    const XtVerdict peeked = t.peek("FORWARD", p);
    for (const auto& c : t.chains()) {
        CHECK((c.policy == XtCounters{}));
        for (const auto& r : c.rules) CHECK((r.counters == XtCounters{}));
    }
    const XtVerdict v = t.evaluate("FORWARD", p);
    CHECK(v.decidedBy == peeked.decidedBy);
    (void)t.evaluate("FORWARD", p);
    // FORWARD #1 (-j DOCKER-USER) and #2 (-j DOCKER-ISOLATION-STAGE-1) matched; DOCKER-USER's
    // RETURN matched; STAGE-1's jump to STAGE-2 matched, and STAGE-2's DROP decided.
    const auto* forward = t.chain("FORWARD");
    REQUIRE(forward);
    CHECK((forward->rules[0].counters == XtCounters{2, 168}));
    CHECK((forward->rules[1].counters == XtCounters{2, 168}));
    CHECK((forward->rules[2].counters == XtCounters{}));
    CHECK((forward->policy == XtCounters{}));
    CHECK(t.chain("DOCKER-USER")->rules[0].counters.packets == 2);
    const auto* stage2 = t.chain("DOCKER-ISOLATION-STAGE-2");
    std::uint64_t dropped = 0;
    for (const auto& r : stage2->rules) dropped += std::holds_alternative<target::Drop>(r.target) ? r.counters.packets : 0;
    CHECK(dropped == 2);
    // A rule is found by what it says, not by what it counted.
    XtRule copy = forward->rules[0];
    copy.counters = {};
    CHECK(t.contains("FORWARD", copy));
    REQUIRE(t.zero("DOCKER-USER"));
    CHECK(t.chain("DOCKER-USER")->rules[0].counters.packets == 0);
    CHECK(forward->rules[0].counters.packets == 2);
    CHECK_FALSE(t.zero("NOPE"));
    REQUIRE(t.zero());
    CHECK(t.chain("FORWARD")->rules[0].counters.packets == 0);
}

TEST_CASE("A policy counts the packets it decides", "[xt]") {
    XtTable t(XtTableKind::Filter);
    PacketView p = icmp(kC1, kInternet, "docker0", "eth0");
    p.length = 100;
    (void)t.evaluate("FORWARD", p);
    CHECK((t.chain("FORWARD")->policy == XtCounters{1, 100}));
}
