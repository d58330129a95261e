// PTR questions and answers in DnsMessage, and the in-addr.arpa names they are about.
#include <catch2/catch.hpp>

#include "sim/wire/dns_message.hpp"
#include "wire_test_util.hpp"

using sim::core::ErrorCode;
using sim::wire::ByteView;
using sim::wire::Bytes;
using sim::wire::DnsAnswer;
using sim::wire::DnsMessage;
using sim::wire::DnsRcode;
using sim::wire::Ipv4Address;
using sim::wire::kDnsTypePtr;
using sim::wire::parseReverseName;
using sim::wire::reverseName;
using wire_test::hex;

namespace {

constexpr Ipv4Address kDbIp(172, 18, 0, 3);

// id 1234, RD, one question: 3.0.18.172.in-addr.arpa. PTR IN.
const Bytes kQueryPtr = hex(
    "04d2 0100 0001 0000 0000 0000"
    "01 33 01 30 02 3138 03 313732 07 696e2d61646472 04 61727061 00  000c 0001");
// The response: QR RD RA, one PTR record whose owner name points at the question's name, TTL 600,
// data "db.mynet." (10 octets).
const Bytes kAnswerPtr = hex(
    "04d2 8180 0001 0001 0000 0000"
    "01 33 01 30 02 3138 03 313732 07 696e2d61646472 04 61727061 00  000c 0001"
    "c00c 000c 0001 00000258 000a 02 6462 05 6d796e6574 00");

std::string decodeError(const Bytes& wire) {
    const auto r = DnsMessage::decode(wire);
    return r ? std::string("decoded") : r.error().message;
}

}  // namespace

TEST_CASE("reverseName and parseReverseName map addresses to in-addr.arpa names", "[wire][dns][ptr]") {
    CHECK(reverseName(kDbIp) == "3.0.18.172.in-addr.arpa");
    CHECK(reverseName(Ipv4Address(0, 0, 0, 0)) == "0.0.0.0.in-addr.arpa");
    CHECK(reverseName(Ipv4Address(255, 254, 253, 252)) == "252.253.254.255.in-addr.arpa");

    CHECK(parseReverseName("3.0.18.172.in-addr.arpa") == kDbIp);
    CHECK(parseReverseName("3.0.18.172.in-addr.arpa.") == kDbIp);
    CHECK(parseReverseName("3.0.18.172.IN-ADDR.Arpa") == kDbIp);
    for (std::uint32_t v : {0u, 1u, 0x7f00000bu, 0xac120003u, 0xffffffffu, 0x01020304u}) {
        INFO(v);
        CHECK(parseReverseName(reverseName(Ipv4Address(v))) == Ipv4Address(v));
    }

    for (const char* bad : {"", "in-addr.arpa", ".in-addr.arpa", "18.172.in-addr.arpa", "0.18.172.in-addr.arpa",
                            "1.3.0.18.172.in-addr.arpa", "3.0.18.256.in-addr.arpa", "3.0.018.172.in-addr.arpa",
                            "3..18.172.in-addr.arpa", "3.0.18.172.in-addr.arpa..", "3.0.18.172.ip6.arpa", "db.mynet",
                            "3.0.18.172", "+3.0.18.172.in-addr.arpa", "3.0.18.x.in-addr.arpa", "3.0.18.172in-addr.arpa"}) {
        INFO(bad);
        CHECK_FALSE(parseReverseName(bad).has_value());
    }
}

TEST_CASE("DnsMessage encodes a PTR query and answer octet for octet", "[wire][dns][ptr]") {
    const DnsMessage query = DnsMessage::query(1234, reverseName(kDbIp), kDnsTypePtr);
    CHECK(query.questions.front().type == 12);
    CHECK(query.encode() == kQueryPtr);
    const DnsMessage answer = DnsMessage::answer(query, {DnsAnswer::ptr(query.questions.front().name, "db.mynet")});
    CHECK(answer.encode() == kAnswerPtr);
    const DnsAnswer& ptr = answer.answers.front();
    CHECK(ptr.type == kDnsTypePtr);
    CHECK(ptr.target == "db.mynet");
    CHECK(ptr.ttl == 600);
    CHECK(ptr.address == Ipv4Address());

    const auto back = DnsMessage::decode(kAnswerPtr);
    REQUIRE(back.has_value());
    CHECK(*back == answer);
    CHECK(DnsMessage::decode(kQueryPtr).value() == query);

    // The A API is unchanged: an aggregate-initialised answer is an A record without a target.
    const DnsAnswer a{"web", kDbIp, 30};
    CHECK(a.type == 1);
    CHECK(a.target.empty());
}

TEST_CASE("DnsMessage summaries of PTR queries and answers are tcpdump's", "[wire][dns][ptr]") {
    const DnsMessage query = DnsMessage::query(1234, reverseName(kDbIp), kDnsTypePtr);
    CHECK(query.summary() == "1234+ PTR? 3.0.18.172.in-addr.arpa. (41)");
    CHECK(DnsMessage::answer(query, {DnsAnswer::ptr(reverseName(kDbIp), "db.mynet")}).summary() ==
          "1234 1/0/0 PTR db.mynet. (63)");
    CHECK(DnsMessage::answer(query, {}, DnsRcode::NxDomain).summary() == "1234 NXDomain 0/0/0 (41)");
    CHECK(DnsMessage::answer(query, {DnsAnswer::ptr(reverseName(kDbIp), "db.mynet"),
                                     DnsAnswer::ptr(reverseName(kDbIp), "db.other")})
              .summary() == "1234 2/0/0 PTR db.mynet., PTR db.other. (85)");
}

TEST_CASE("DnsMessage round-trips PTR records, mixed with A records", "[wire][dns][ptr]") {
    const DnsMessage ptrQuery = DnsMessage::query(7, reverseName(kDbIp), kDnsTypePtr);
    const DnsMessage aQuery = DnsMessage::query(8, "web.mynet");
    const std::string rev = reverseName(kDbIp);
    const DnsMessage messages[] = {
        ptrQuery,
        DnsMessage::answer(ptrQuery, {DnsAnswer::ptr(rev, "db.mynet")}),
        DnsMessage::answer(ptrQuery, {DnsAnswer::ptr(rev, "db.mynet", 30), DnsAnswer::ptr(rev, "db.other")}),
        // A target naming the question itself, and the root as target.
        DnsMessage::answer(ptrQuery, {DnsAnswer::ptr(rev, rev), DnsAnswer::ptr(rev, "")}),
        DnsMessage::answer(aQuery, {DnsAnswer{"web.mynet", kDbIp}, DnsAnswer::ptr("web.mynet", "web.mynet"),
                                    DnsAnswer::ptr("x", "web.mynet")}),
        DnsMessage::answer(ptrQuery, {}, DnsRcode::NxDomain),
    };
    for (const auto& m : messages) {
        INFO(m.summary());
        const auto back = DnsMessage::decode(m.encode());
        REQUIRE(back.has_value());
        CHECK(*back == m);
    }
}

TEST_CASE("DnsMessage compresses and follows pointers in PTR data", "[wire][dns][ptr]") {
    // A target equal to an earlier name is written as a pointer: 2 octets of data.
    const DnsMessage query = DnsMessage::query(9, "db.mynet", kDnsTypePtr);
    const Bytes wire = DnsMessage::answer(query, {DnsAnswer::ptr("db.mynet", "db.mynet")}).encode();
    CHECK(wire == hex("0009 8180 0001 0001 0000 0000  02 6462 05 6d796e6574 00 000c 0001"
                      "c00c 000c 0001 00000258 0002 c00c"));

    // Hand-made: the target is "db" + a pointer to "mynet" inside the question.
    const Bytes handMade = hex(
        "04d2 8180 0001 0001 0000 0000  03 776562 05 6d796e6574 00 000c 0001"
        "c00c 000c 0001 0000003c 0005 02 6462 c010");
    const auto m = DnsMessage::decode(handMade);
    REQUIRE(m.has_value());
    REQUIRE(m->answers.size() == 1);
    CHECK(m->answers.front().name == "web.mynet");
    CHECK(m->answers.front().type == kDnsTypePtr);
    CHECK(m->answers.front().target == "db.mynet");
    CHECK(m->answers.front().ttl == 60);
}

TEST_CASE("DnsMessage::decode is strict about PTR data", "[wire][dns][ptr]") {
    SECTION("data longer than the name") {
        Bytes longer = kAnswerPtr;
        longer[longer.size() - 11] = 0x0b;
        longer.push_back(0);
        CHECK(decodeError(longer) == "DNS PTR record with 11 octets of data holding a 10-octet name");
        CHECK(DnsMessage::decode(longer).error().code == ErrorCode::InvalidArgument);
    }
    SECTION("data shorter than the name") {
        Bytes shorter = kAnswerPtr;
        shorter[shorter.size() - 11] = 0x09;
        CHECK(decodeError(shorter) == "DNS PTR record with 9 octets of data holding a 10-octet name");
    }
    SECTION("data past the message") {
        Bytes past = kAnswerPtr;
        past[past.size() - 11] = 0x20;
        CHECK(decodeError(past) == "DNS message truncated in answer 1");
    }
    SECTION("a bad name in the data") {
        Bytes loop = hex(
            "04d2 8180 0001 0001 0000 0000  03 776562 00 000c 0001"
            "c00c 000c 0001 00000258 0002 c021");  // the target points at itself
        CHECK(decodeError(loop) == "DNS name compression pointer loop");
        Bytes longLabel = kAnswerPtr;
        longLabel[longLabel.size() - 10] = 0x40;
        CHECK(decodeError(longLabel) == "DNS label longer than 63 octets: 64");
    }
    SECTION("a truncated PTR record is an error at every length") {
        for (std::size_t n = 0; n < kAnswerPtr.size(); ++n) {
            INFO(n);
            CHECK_FALSE(DnsMessage::decode(ByteView(kAnswerPtr).first(n)).has_value());
        }
    }
    SECTION("other record types are still refused") {
        Bytes cname = kAnswerPtr;
        cname[kQueryPtr.size() + 3] = 5;
        CHECK(decodeError(cname) == "unsupported DNS record type CNAME");
        CHECK(DnsMessage::decode(cname).error().code == ErrorCode::Unsupported);
    }
}

TEST_CASE("DnsMessage::decode survives every single-octet corruption of PTR messages", "[wire][dns][ptr][robustness]") {
    const DnsMessage query = DnsMessage::query(77, reverseName(kDbIp), kDnsTypePtr);
    const Bytes answer =
        DnsMessage::answer(query, {DnsAnswer::ptr(reverseName(kDbIp), "db.mynet"), DnsAnswer{"x", kDbIp},
                                   DnsAnswer::ptr("x", "x")})
            .encode();
    for (const Bytes& wire : {kQueryPtr, kAnswerPtr, answer}) {
        for (std::size_t i = 0; i < wire.size(); ++i) {
            for (int value = 0; value < 256; ++value) {
                Bytes mutated = wire;
                mutated[i] = std::uint8_t(value);
                const auto r = DnsMessage::decode(mutated);
                if (r) CHECK(DnsMessage::decode(r->encode()).value() == *r);
            }
        }
    }
}
