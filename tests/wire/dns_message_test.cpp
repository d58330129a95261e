#include <catch2/catch.hpp>

#include "sim/wire/dns_message.hpp"
#include "wire_test_util.hpp"

using sim::core::ErrorCode;
using sim::wire::ByteView;
using sim::wire::Bytes;
using sim::wire::DnsAnswer;
using sim::wire::DnsMessage;
using sim::wire::DnsQuestion;
using sim::wire::DnsRcode;
using sim::wire::Ipv4Address;
using wire_test::hex;

namespace {

constexpr Ipv4Address kWebIp(172, 18, 0, 3);

// id 1234, RD, one question: web. A IN.
const Bytes kQueryWeb = hex("04d2 0100 0001 0000 0000 0000  03 776562 00  0001 0001");
// The response: QR RD RA, one answer whose owner name points at offset 12 (the question's name),
// TTL 600, 172.18.0.3.
const Bytes kAnswerWeb = hex(
    "04d2 8180 0001 0001 0000 0000  03 776562 00  0001 0001"
    "c00c 0001 0001 00000258 0004 ac120003");

/// Header with the given counts, followed by `body`.
Bytes message(std::uint16_t qd, std::uint16_t an, const Bytes& body, std::uint16_t flags = 0x0100) {
    Bytes out = {0x12, 0x34, std::uint8_t(flags >> 8), std::uint8_t(flags), 0, std::uint8_t(qd), 0, std::uint8_t(an), 0, 0, 0, 0};
    out.insert(out.end(), body.begin(), body.end());
    return out;
}

std::string decodeError(const Bytes& wire) {
    const auto r = DnsMessage::decode(wire);
    return r ? std::string("decoded") : r.error().message;
}

}  // namespace

TEST_CASE("DnsMessage encodes a query and an answer octet for octet", "[wire][dns]") {
    const DnsMessage query = DnsMessage::query(1234, "web");
    CHECK(query.encode() == kQueryWeb);
    const DnsMessage answer = DnsMessage::answer(query, {DnsAnswer{"web", kWebIp}});
    CHECK(answer.encode() == kAnswerWeb);
    CHECK(answer.id == 1234);
    CHECK(answer.isResponse);
    CHECK(answer.recursionAvailable);
    CHECK(answer.questions == query.questions);
    CHECK(answer.answers.front().ttl == 600);
}

TEST_CASE("DnsMessage round-trips queries, answers and errors", "[wire][dns]") {
    const DnsMessage query = DnsMessage::query(7, "web.mynet");
    DnsMessage aaaa = DnsMessage::query(8, "db");
    aaaa.questions.front().type = 28;
    aaaa.recursionDesired = false;
    DnsMessage twoQuestions = DnsMessage::query(9, "a");
    twoQuestions.questions.push_back(DnsQuestion{"b.c", 1});
    DnsMessage root = DnsMessage::query(10, "");
    const DnsMessage messages[] = {
        query,
        aaaa,
        twoQuestions,
        root,
        DnsMessage::answer(query, {DnsAnswer{"web.mynet", kWebIp}, DnsAnswer{"web.mynet", Ipv4Address(172, 18, 0, 4), 30}}),
        DnsMessage::answer(query, {DnsAnswer{"other", kWebIp}}),
        DnsMessage::answer(query, {}, DnsRcode::NxDomain),
        DnsMessage::answer(query, {}, DnsRcode::ServFail),
        DnsMessage::answer(query, {}, DnsRcode::Refused),
    };
    for (const auto& m : messages) {
        INFO(m.summary());
        const auto back = DnsMessage::decode(m.encode());
        REQUIRE(back.has_value());
        CHECK(*back == m);
    }
    CHECK(DnsMessage::decode(kAnswerWeb).value().answers == std::vector<DnsAnswer>{{"web", kWebIp, 600}});
}

TEST_CASE("DnsMessage summaries are tcpdump's", "[wire][dns]") {
    const DnsMessage query = DnsMessage::query(1234, "web");
    CHECK(query.summary() == "1234+ A? web. (21)");
    CHECK(DnsMessage::answer(query, {DnsAnswer{"web", kWebIp}}).summary() == "1234 1/0/0 A 172.18.0.3 (37)");
    CHECK(DnsMessage::answer(query, {}, DnsRcode::NxDomain).summary() == "1234 NXDomain 0/0/0 (21)");
    CHECK(DnsMessage::answer(query, {DnsAnswer{"web", kWebIp}, DnsAnswer{"web", Ipv4Address(172, 18, 0, 4)}}).summary() ==
          "1234 2/0/0 A 172.18.0.3, A 172.18.0.4 (53)");
    CHECK(DnsMessage::answer(query, {}, DnsRcode::ServFail).summary() == "1234 ServFail 0/0/0 (21)");
    CHECK(DnsMessage::query(5, "web.mynet").summary() == "5+ A? web.mynet. (27)");

    DnsMessage noRd = DnsMessage::query(6, "db");
    noRd.recursionDesired = false;
    noRd.questions.front().type = 28;
    CHECK(noRd.summary() == "6 AAAA? db. (20)");

    // tcpdump marks a response without RA with '-'.
    DnsMessage noRa = DnsMessage::answer(query, {}, DnsRcode::NxDomain);
    noRa.recursionAvailable = false;
    CHECK(noRa.summary() == "1234 NXDomain- 0/0/0 (21)");
}

TEST_CASE("DnsMessage::decode follows compression pointers", "[wire][dns]") {
    // Question "web.mynet"; the answer's name is "www" + pointer to "mynet" inside the question.
    const Bytes wire = message(1, 1,
                               hex("03 776562 05 6d796e6574 00 0001 0001"
                                   "03 777777 c010 0001 0001 0000003c 0004 0a000001"),
                               0x8180);
    const auto m = DnsMessage::decode(wire);
    REQUIRE(m.has_value());
    CHECK(m->questions.front().name == "web.mynet");
    CHECK(m->answers.front().name == "www.mynet");
    CHECK(m->answers.front().ttl == 60);
    CHECK(m->answers.front().address == Ipv4Address(10, 0, 0, 1));
}

TEST_CASE("DnsMessage::decode rejects pointer loops and oversized names", "[wire][dns]") {
    SECTION("a pointer to itself") {
        CHECK(decodeError(message(1, 0, hex("c00c 0001 0001"))) == "DNS name compression pointer loop");
    }
    SECTION("two pointers pointing at each other") {
        // offset 12: label "a" then pointer to 17; offset 17: pointer back to 12.
        CHECK(decodeError(message(1, 0, hex("01 61 c011 00 c00c"))) == "DNS name compression pointer loop");
    }
    SECTION("a pointer past the end") {
        CHECK(decodeError(message(1, 0, hex("c0ff 0001 0001"))) == "DNS compression pointer out of range: 255");
    }
    SECTION("a label over 63 octets") {
        Bytes body{64};
        body.insert(body.end(), 64, 'a');
        body.insert(body.end(), {0, 0, 1, 0, 1});
        CHECK(decodeError(message(1, 0, body)) == "DNS label longer than 63 octets: 64");
        CHECK(decodeError(message(1, 0, hex("80 00 0001 0001"))) == "DNS label longer than 63 octets: 128");
    }
    SECTION("a name over 255 octets") {
        Bytes body;
        for (int i = 0; i < 5; ++i) {
            body.push_back(63);
            body.insert(body.end(), 63, 'a');
        }
        body.insert(body.end(), {0, 0, 1, 0, 1});
        CHECK(decodeError(message(1, 0, body)) == "DNS name longer than 255 octets");
        // Four 62-octet labels and "b" make exactly 255 octets with the root: still legal.
        Bytes legal;
        for (int i = 0; i < 4; ++i) {
            legal.push_back(62);
            legal.insert(legal.end(), 62, 'a');
        }
        legal.push_back(1);
        legal.push_back('b');
        legal.insert(legal.end(), {0, 0, 1, 0, 1});
        CHECK(decodeError(message(1, 0, legal)) == "decoded");
    }
    SECTION("a name running past the data") {
        CHECK(decodeError(message(1, 0, hex("05 616263 00"))) == "DNS name runs past the message");
        CHECK(decodeError(message(1, 0, hex("03 776562 01"))) == "DNS name runs past the message");
        CHECK(decodeError(message(1, 0, hex("03 776562 c0"))) == "DNS name runs past the message");
    }
    SECTION("a dot inside a label") {
        CHECK(decodeError(message(1, 0, hex("03 612e62 00 0001 0001"))) == "DNS label contains a dot");
    }
}

TEST_CASE("DnsMessage::decode rejects counts that disagree with the data", "[wire][dns]") {
    CHECK(decodeError(hex("04d2 0100 0001")) == "DNS message too short: 6 octets");

    Bytes extraQuestion = kQueryWeb;
    extraQuestion[5] = 2;
    CHECK(decodeError(extraQuestion) == "DNS counts disagree with the data: 2 questions and 0 answers in 21 octets");

    Bytes missingAnswer = kQueryWeb;
    missingAnswer[7] = 1;
    CHECK(decodeError(missingAnswer) == "DNS counts disagree with the data: 1 questions and 1 answers in 21 octets");

    Bytes trailing = kQueryWeb;
    trailing.push_back(0);
    CHECK(decodeError(trailing) == "DNS counts disagree with the data: 1 octets after the last record");

    Bytes noQuestion = kQueryWeb;
    noQuestion[5] = 0;
    CHECK(decodeError(noQuestion) == "DNS counts disagree with the data: 9 octets after the last record");

    // Truncated anywhere: an error, never a read past the end.
    for (std::size_t n = 0; n < kAnswerWeb.size(); ++n) {
        INFO(n);
        CHECK_FALSE(DnsMessage::decode(ByteView(kAnswerWeb).first(n)).has_value());
    }
    CHECK(decodeError(Bytes(kAnswerWeb.begin(), kAnswerWeb.end() - 2)) == "DNS message truncated in answer 1");
    CHECK(decodeError(Bytes(kQueryWeb.begin(), kQueryWeb.end() - 1)) == "DNS message truncated in question 1");
}

TEST_CASE("DnsMessage::decode rejects what it cannot represent", "[wire][dns]") {
    Bytes ns = kQueryWeb;
    ns[9] = 1;
    CHECK(decodeError(ns) == "DNS authority and additional records are not supported");
    CHECK(DnsMessage::decode(ns).error().code == ErrorCode::Unsupported);

    Bytes opcode = kQueryWeb;
    opcode[2] |= 0x10;  // opcode 2 (STATUS)
    CHECK(decodeError(opcode) == "unsupported DNS opcode 2");

    Bytes rcode = kAnswerWeb;
    rcode[3] = 0x89;
    CHECK(decodeError(rcode) == "unsupported DNS rcode 9");

    Bytes chaos = kQueryWeb;
    chaos[20] = 3;
    CHECK(decodeError(chaos) == "unsupported DNS class 3");

    Bytes cname = kAnswerWeb;
    cname[24] = 5;
    CHECK(decodeError(cname) == "unsupported DNS record type CNAME");

    Bytes longData = kAnswerWeb;
    longData[32] = 16;
    CHECK(decodeError(longData) == "DNS A record with 16 octets of data");
}

TEST_CASE("DnsMessage::decode survives every single-octet corruption", "[wire][dns][robustness]") {
    const DnsMessage query = DnsMessage::query(77, "web.mynet");
    const Bytes answer =
        DnsMessage::answer(query, {DnsAnswer{"web.mynet", kWebIp}, DnsAnswer{"db.mynet", Ipv4Address(1, 2, 3, 4)}}).encode();
    for (const Bytes& wire : {kQueryWeb, kAnswerWeb, answer}) {
        for (std::size_t i = 0; i < wire.size(); ++i) {
            for (int value = 0; value < 256; ++value) {
                Bytes mutated = wire;
                mutated[i] = std::uint8_t(value);
                const auto r = DnsMessage::decode(mutated);
                // Whatever decodes must encode again to something that decodes to the same value.
                if (r) CHECK(DnsMessage::decode(r->encode()).value() == *r);
            }
        }
    }
}

TEST_CASE("DnsMessage carries AAAA records (RFC 3596)", "[wire][dns][ipv6]") {
    DnsMessage query = DnsMessage::query(77, "web");
    query.questions.front().type = sim::wire::kDnsTypeAaaa;
    const auto v6 = sim::wire::Ipv6Address::parse("2001:db8::2").value();
    const DnsMessage answer = DnsMessage::answer(query, {DnsAnswer::aaaa("web", v6)});
    // The record: owner pointer, type 28, class IN, TTL 600, 16 octets of address.
    const Bytes wire = answer.encode();
    CHECK(wire.size() == 21 + 12 + 16);
    CHECK(Bytes(wire.end() - 28, wire.end()) ==
          hex("c00c 001c 0001 00000258 0010 20010db8000000000000000000000002"));
    const auto back = DnsMessage::decode(wire);
    REQUIRE(back);
    CHECK(*back == answer);
    CHECK(back->answers.front().address6.toString() == "2001:db8::2");
    CHECK(answer.summary() == "77 1/0/0 AAAA 2001:db8::2 (49)");
    Bytes shortData = wire;
    shortData[shortData.size() - 17] = 4;  // rdlength 4 for an AAAA record
    shortData.resize(shortData.size() - 12);
    CHECK(decodeError(shortData) == "DNS AAAA record with 4 octets of data");
}
