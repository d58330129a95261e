#include <catch2/catch.hpp>

#include <unordered_set>

#include "sim/net/conntrack.hpp"

using sim::core::micros;
using sim::core::seconds;
using sim::core::SimTime;
using sim::net::ConnDirection;
using sim::net::ConnEntry;
using sim::net::ConnLookup;
using sim::net::Conntrack;
using sim::net::ConnTuple;
using sim::net::ConnTupleHash;
using sim::wire::IcmpMessage;
using sim::wire::IcmpQuote;
using sim::wire::IpProtocol;
using sim::wire::Ipv4Address;
using sim::wire::Ipv4Packet;
using sim::wire::TcpSegment;
using sim::wire::UdpDatagram;
using sim::wire::UnreachableCode;

namespace {

constexpr Ipv4Address kC1(172, 17, 0, 2);
constexpr Ipv4Address kC2(172, 17, 0, 3);
constexpr Ipv4Address kHostIp(192, 168, 1, 10);
constexpr Ipv4Address kInternet(93, 184, 216, 34);
constexpr Ipv4Address kClient(10, 0, 0, 1);

const SimTime kT0 = seconds(50);

ConnTuple tcp(Ipv4Address src, std::uint16_t sport, Ipv4Address dst, std::uint16_t dport) {
    return ConnTuple{IpProtocol::Tcp, src, dst, sport, dport};
}
ConnTuple udp(Ipv4Address src, std::uint16_t sport, Ipv4Address dst, std::uint16_t dport) {
    return ConnTuple{IpProtocol::Udp, src, dst, sport, dport};
}
ConnTuple echoRequest(Ipv4Address src, Ipv4Address dst, std::uint16_t id) {
    return ConnTuple{IpProtocol::Icmp, src, dst, id, 0};
}

}  // namespace

TEST_CASE("tupleOf an ICMP echo uses the id as the request's source and the reply's destination port",
          "[conntrack]") {
    const Ipv4Packet request{kC1, kInternet, 64, 1, IcmpMessage::echoRequest(0x1c2d, 1)};
    const Ipv4Packet reply{kInternet, kC1, 57, 9, IcmpMessage::echoReply(0x1c2d, 1)};

    const auto rq = Conntrack::tupleOf(request);
    REQUIRE(rq.has_value());
    CHECK(*rq == ConnTuple{IpProtocol::Icmp, kC1, kInternet, 0x1c2d, 0});
    const auto rp = Conntrack::tupleOf(reply);
    REQUIRE(rp.has_value());
    CHECK(*rp == ConnTuple{IpProtocol::Icmp, kInternet, kC1, 0, 0x1c2d});
    // The reply's tuple is the request's inverted, so the reply finds the request's entry.
    CHECK(*rp == rq->inverted());
    // The sequence number is not part of the tuple: every ping of one run is one connection.
    CHECK(Conntrack::tupleOf(Ipv4Packet{kC1, kInternet, 64, 2, IcmpMessage::echoRequest(0x1c2d, 2)}) == rq);
}

TEST_CASE("tupleOf UDP and TCP takes the ports", "[conntrack]") {
    const Ipv4Packet dns{kC1, kInternet, 64, 0, UdpDatagram{40000, 53, sim::wire::Bytes{}}};
    CHECK(Conntrack::tupleOf(dns) == udp(kC1, 40000, kInternet, 53));

    TcpSegment syn;
    syn.srcPort = 40001;
    syn.dstPort = 8080;
    syn.flags = sim::wire::tcp_flags::Syn;
    const Ipv4Packet p{kClient, kHostIp, 64, 0, syn};
    CHECK(Conntrack::tupleOf(p) == tcp(kClient, 40001, kHostIp, 8080));
}

TEST_CASE("tupleOf an ICMP error is none (it is matched through its quote)", "[conntrack]") {
    const IcmpQuote quote{kC1, kInternet, 17, 64, 0, 40000, 33434};
    CHECK_FALSE(Conntrack::tupleOf(Ipv4Packet{kHostIp, kC1, 64, 0, IcmpMessage::unreachable(UnreachableCode::Port, quote)})
                    .has_value());
    CHECK_FALSE(Conntrack::tupleOf(Ipv4Packet{kHostIp, kC1, 64, 0, IcmpMessage::timeExceeded(quote)}).has_value());
}

TEST_CASE("ConnTuple inverts, prints and hashes", "[conntrack]") {
    const ConnTuple t = tcp(kClient, 40000, kHostIp, 8080);
    CHECK(t.inverted() == tcp(kHostIp, 8080, kClient, 40000));
    CHECK(t.inverted().inverted() == t);
    CHECK(t.toString() == "tcp src=10.0.0.1 dst=192.168.1.10 sport=40000 dport=8080");
    CHECK(udp(kC1, 1, kC2, 2).toString() == "udp src=172.17.0.2 dst=172.17.0.3 sport=1 dport=2");
    CHECK(echoRequest(kC1, kC2, 7).toString() == "icmp src=172.17.0.2 dst=172.17.0.3 sport=7 dport=0");

    const ConnTupleHash h;
    CHECK(h(t) == h(tcp(kClient, 40000, kHostIp, 8080)));
    std::unordered_set<std::size_t> hashes;
    for (std::uint16_t port = 40000; port < 40100; ++port) hashes.insert(h(tcp(kClient, port, kHostIp, 8080)));
    CHECK(hashes.size() > 90);  // ports spread
    CHECK(h(t) != h(t.inverted()));
    CHECK(h(t) != h(udp(kClient, 40000, kHostIp, 8080)));
}

TEST_CASE("A plain connection is found from both directions", "[conntrack]") {
    Conntrack ct;
    const ConnTuple orig = echoRequest(kC1, kC2, 7);
    ConnEntry* e = ct.create(orig, orig.inverted(), kT0);
    REQUIRE(e != nullptr);
    CHECK(e->id == 1);
    CHECK(e->original == orig);
    CHECK(e->reply == orig.inverted());
    CHECK_FALSE(e->seenReply);
    CHECK_FALSE(e->isDnat());
    CHECK_FALSE(e->isSnat());

    const ConnLookup fwd = ct.lookup(orig, kT0 + seconds(1));
    CHECK(fwd.entry == e);
    CHECK(fwd.direction == ConnDirection::Original);
    const ConnLookup back = ct.lookup(orig.inverted(), kT0 + seconds(1));
    CHECK(back.entry == e);
    CHECK(back.direction == ConnDirection::Reply);

    CHECK(ct.lookup(echoRequest(kC1, kC2, 8), kT0).entry == nullptr);
    CHECK(ct.lookup(echoRequest(kC2, kC1, 7), kT0).entry == nullptr);  // a request the other way is another flow
    CHECK(ct.byId(e->id) == e);
    CHECK(ct.byId(99) == nullptr);

    const ConnEntry* second = ct.create(udp(kC1, 40000, kInternet, 53), udp(kInternet, 53, kC1, 40000), kT0);
    REQUIRE(second != nullptr);
    CHECK(second->id == 2);
}

TEST_CASE("A DNATed connection is found by its rewritten reply tuple", "[conntrack]") {
    // docker run -p 8080:80: 10.0.0.1:40000 -> 192.168.1.10:8080 becomes -> 172.17.0.2:80.
    Conntrack ct;
    const ConnTuple orig = tcp(kClient, 40000, kHostIp, 8080);
    const ConnTuple reply = tcp(kC1, 80, kClient, 40000);
    ConnEntry* e = ct.create(orig, reply, kT0);
    REQUIRE(e != nullptr);
    CHECK(e->isDnat());
    CHECK_FALSE(e->isSnat());

    // The container's answer 172.17.0.2:80 -> 10.0.0.1:40000.
    const ConnLookup back = ct.lookup(tcp(kC1, 80, kClient, 40000), kT0 + seconds(1));
    CHECK(back.entry == e);
    CHECK(back.direction == ConnDirection::Reply);
    // The un-NATed inverse of the original is nobody's tuple.
    CHECK(ct.lookup(orig.inverted(), kT0 + seconds(1)).entry == nullptr);

    SECTION("port-only DNAT counts too") {
        ConnEntry* p = ct.create(tcp(kClient, 40001, kHostIp, 8080), tcp(kHostIp, 80, kClient, 40001), kT0);
        REQUIRE(p != nullptr);
        CHECK(p->isDnat());
        CHECK_FALSE(p->isSnat());
    }
}

TEST_CASE("A masqueraded connection is SNAT", "[conntrack]") {
    Conntrack ct;
    const ConnTuple orig = tcp(kC1, 40000, kInternet, 80);
    ConnEntry* e = ct.create(orig, tcp(kInternet, 80, kHostIp, 40000), kT0);
    REQUIRE(e != nullptr);
    CHECK(e->isSnat());
    CHECK_FALSE(e->isDnat());
    CHECK(ct.lookup(tcp(kInternet, 80, kHostIp, 40000), kT0).direction == ConnDirection::Reply);

    SECTION("a changed source port alone is SNAT too") {
        ConnEntry* p = ct.create(tcp(kC2, 40000, kInternet, 80), tcp(kInternet, 80, kC2, 40001), kT0);
        REQUIRE(p != nullptr);
        CHECK(p->isSnat());
    }
}

TEST_CASE("updateReply applies SNAT decided at POSTROUTING and refuses a taken tuple", "[conntrack]") {
    Conntrack ct;
    // Two containers pick the same source port towards the same server.
    const ConnTuple o1 = tcp(kC1, 40000, kInternet, 80);
    const ConnTuple o2 = tcp(kC2, 40000, kInternet, 80);
    ConnEntry* e1 = ct.create(o1, o1.inverted(), kT0);
    ConnEntry* e2 = ct.create(o2, o2.inverted(), kT0);
    REQUIRE(e1 != nullptr);
    REQUIRE(e2 != nullptr);
    const ConnTuple masq = tcp(kInternet, 80, kHostIp, 40000);

    REQUIRE(ct.updateReply(*e1, masq, kT0));
    CHECK(e1->reply == masq);
    CHECK(e1->isSnat());
    CHECK(ct.lookup(masq, kT0).entry == e1);
    CHECK(ct.lookup(o1.inverted(), kT0).entry == nullptr);  // the old reply tuple is released
    CHECK(ct.isReplyTupleTaken(masq, kT0));
    CHECK_FALSE(ct.isReplyTupleTaken(o1.inverted(), kT0));

    // The second cannot have the same public port ...
    CHECK_FALSE(ct.updateReply(*e2, masq, kT0));
    CHECK(e2->reply == o2.inverted());
    CHECK(ct.lookup(o2.inverted(), kT0).entry == e2);
    // ... and takes the next one, as nf_nat_l4proto_unique_tuple would.
    const ConnTuple next = tcp(kInternet, 80, kHostIp, 40001);
    REQUIRE(ct.updateReply(*e2, next, kT0));
    CHECK(ct.lookup(next, kT0).entry == e2);
    CHECK(ct.lookup(masq, kT0).entry == e1);

    // Setting the reply it already has is fine.
    CHECK(ct.updateReply(*e1, masq, kT0));
}

TEST_CASE("create refuses a reply tuple another connection uses", "[conntrack]") {
    Conntrack ct;
    const ConnTuple r = tcp(kInternet, 80, kHostIp, 40000);
    REQUIRE(ct.create(tcp(kC1, 40000, kInternet, 80), r, kT0) != nullptr);
    CHECK(ct.create(tcp(kC2, 40000, kInternet, 80), r, kT0) == nullptr);
    CHECK(ct.entries(kT0).size() == 1);

    SECTION("... unless that connection has expired") {
        ConnEntry* e = ct.create(tcp(kC2, 40000, kInternet, 80), r, kT0 + seconds(120));
        REQUIRE(e != nullptr);
        CHECK(ct.entries(kT0 + seconds(120)).size() == 1);
        CHECK(ct.lookup(r, kT0 + seconds(120)).entry == e);
    }
}

TEST_CASE("A reply tuple may not be another connection's original tuple either", "[conntrack]") {
    // nf_nat_used_tuple -> nf_conntrack_tuple_taken looks the tuple up in both directions.
    // The host's own socket on 5353 was contacted from 93.184.216.34:5353; a container's
    // masqueraded 5353 -> 93.184.216.34:5353 must not claim the same tuple for its replies,
    // or those replies would be taken for packets of the first connection.
    Conntrack ct;
    const ConnTuple inbound = udp(kInternet, 5353, kHostIp, 5353);
    ConnEntry* first = ct.create(inbound, inbound.inverted(), kT0);
    REQUIRE(first != nullptr);

    CHECK(ct.isReplyTupleTaken(inbound, kT0));
    CHECK(ct.create(udp(kC1, 5353, kInternet, 5353), inbound, kT0) == nullptr);

    ConnEntry* e = ct.create(udp(kC1, 5353, kInternet, 5353), udp(kInternet, 5353, kC1, 5353), kT0);
    REQUIRE(e != nullptr);
    CHECK_FALSE(ct.updateReply(*e, inbound, kT0));
    CHECK(ct.updateReply(*e, udp(kInternet, 5353, kHostIp, 5354), kT0));
    CHECK(ct.lookup(inbound, kT0).entry == first);
}

TEST_CASE("A connection's reply tuple may equal its own original (a ping to itself with id 0)", "[conntrack]") {
    Conntrack ct;
    const ConnTuple self{IpProtocol::Icmp, kC1, kC1, 0, 0};
    REQUIRE(self.inverted() == self);
    ConnEntry* e = ct.create(self, self.inverted(), kT0);
    REQUIRE(e != nullptr);
    CHECK(ct.lookup(self, kT0).entry == e);
    // Its own tuples never count as taken by another connection.
    CHECK(ct.updateReply(*e, ConnTuple{IpProtocol::Icmp, kC1, kC1, 0, 9}, kT0));
    CHECK(ct.updateReply(*e, self, kT0));
    CHECK(e->reply == self);
}

TEST_CASE("ICMP connections time out after 30 s without traffic", "[conntrack]") {
    Conntrack ct;
    const ConnTuple o = echoRequest(kC1, kInternet, 7);
    ConnEntry* e = ct.create(o, o.inverted(), kT0);
    REQUIRE(e != nullptr);
    CHECK(e->expires == kT0 + seconds(30));

    SECTION("alive just before, gone at 30 s") {
        CHECK(ct.lookup(o, kT0 + seconds(30) - micros(1)).entry != nullptr);
        CHECK(ct.entries(kT0 + seconds(30)).empty());
        CHECK(ct.lookup(o, kT0 + seconds(30)).entry == nullptr);
        CHECK(ct.lookup(o.inverted(), kT0 + seconds(30)).entry == nullptr);
    }
    SECTION("a reply refreshes it for another 30 s") {
        ct.touch(*e, ConnDirection::Reply, kT0 + seconds(20));
        CHECK(e->seenReply);
        CHECK(e->expires == kT0 + seconds(50));
        CHECK(ct.lookup(o, kT0 + seconds(49)).entry == e);
        CHECK(ct.lookup(o, kT0 + seconds(50)).entry == nullptr);
    }
}

TEST_CASE("UDP connections: 30 s unreplied, 120 s once replied", "[conntrack]") {
    Conntrack ct;
    const ConnTuple o = udp(kC1, 40000, kInternet, 53);
    ConnEntry* e = ct.create(o, o.inverted(), kT0);
    REQUIRE(e != nullptr);
    CHECK(e->expires == kT0 + seconds(30));

    SECTION("more packets the same way keep it at 30 s") {
        ct.touch(*e, ConnDirection::Original, kT0 + seconds(10));
        CHECK_FALSE(e->seenReply);
        CHECK(e->expires == kT0 + seconds(40));
        CHECK(ct.lookup(o, kT0 + seconds(40)).entry == nullptr);
    }
    SECTION("a reply extends it to 120 s") {
        ct.touch(*e, ConnDirection::Reply, kT0 + seconds(1));
        CHECK(e->seenReply);
        CHECK(e->expires == kT0 + seconds(121));
        ct.touch(*e, ConnDirection::Original, kT0 + seconds(2));  // stays replied
        CHECK(e->expires == kT0 + seconds(122));
        CHECK(ct.lookup(o.inverted(), kT0 + seconds(121)).entry == e);
        CHECK(ct.lookup(o.inverted(), kT0 + seconds(122)).entry == nullptr);
    }
}

TEST_CASE("TCP connections: 120 s unreplied, much longer once established", "[conntrack]") {
    Conntrack ct;
    const ConnTuple o = tcp(kC1, 40000, kInternet, 80);
    ConnEntry* e = ct.create(o, o.inverted(), kT0);
    REQUIRE(e != nullptr);
    CHECK(e->expires == kT0 + seconds(120));
    CHECK(ct.lookup(o, kT0 + seconds(119)).entry == e);

    SECTION("unanswered SYN: gone at 120 s") { CHECK(ct.lookup(o, kT0 + seconds(120)).entry == nullptr); }
    SECTION("answered: 5 days") {
        ct.touch(*e, ConnDirection::Reply, kT0 + seconds(1));
        CHECK(e->expires == kT0 + seconds(1) + seconds(5 * 24 * 3600));
        CHECK(ct.lookup(o, kT0 + seconds(3600)).entry == e);
    }
}

TEST_CASE("entries() lists live connections in creation order", "[conntrack]") {
    Conntrack ct;
    for (std::uint16_t port = 40005; port > 40000; --port)
        REQUIRE(ct.create(udp(kC1, port, kInternet, 53), udp(kInternet, 53, kC1, port), kT0) != nullptr);
    ConnEntry* icmp = ct.create(echoRequest(kC1, kInternet, 1), echoRequest(kC1, kInternet, 1).inverted(), kT0 + seconds(10));
    REQUIRE(icmp != nullptr);

    const auto all = ct.entries(kT0 + seconds(1));
    REQUIRE(all.size() == 6);
    for (std::size_t i = 0; i < 5; ++i) CHECK(all[i].original.sport == 40005 - i);
    CHECK(all[5].original.protocol == IpProtocol::Icmp);

    const auto later = ct.entries(kT0 + seconds(30));  // the UDP ones expired
    REQUIRE(later.size() == 1);
    CHECK(later[0].id == icmp->id);

    ct.clear();
    CHECK(ct.entries(kT0).empty());
    CHECK(ct.lookup(echoRequest(kC1, kInternet, 1), kT0).entry == nullptr);
    CHECK_FALSE(ct.isReplyTupleTaken(udp(kInternet, 53, kC1, 40001), kT0));
}
