// The real embedded DNS's answers, from plan records, without a socket.
#include <catch2/catch.hpp>

#include "real/dns_answer.hpp"
#include "sim/wire/dns_message.hpp"

using namespace sim::wire;

namespace {

sim::plan::PlanResolver records() {
    sim::plan::PlanResolver r;
    r.ns = "docknet-nginx2";
    r.container = "nginx2";
    r.addresses["nginx3"] = "172.18.0.3";
    r.pointers["172.18.0.3"] = "nginx3.mybridge";
    return r;
}

DnsMessage ask(const std::string& name, std::uint16_t type) {
    auto reply = docknet::real::answerQuery(records(), DnsMessage::query(42, name, type).encode());
    REQUIRE(reply);
    auto m = DnsMessage::decode(*reply);
    REQUIRE(m);
    CHECK(m->id == 42);
    CHECK(m->isResponse);
    return *m;
}

}  // namespace

TEST_CASE("the embedded DNS answers A for a known name, case-insensitively, with a trailing dot") {
    const auto m = ask("NGINX3.", kDnsTypeA);
    REQUIRE(m.answers.size() == 1);
    CHECK(m.answers[0].address.toString() == "172.18.0.3");
    CHECK(m.rcode == DnsRcode::NoError);
}

TEST_CASE("the embedded DNS answers PTR for a known address and NXDOMAIN for anything else") {
    const auto p = ask("3.0.18.172.in-addr.arpa", kDnsTypePtr);
    REQUIRE(p.answers.size() == 1);
    CHECK(p.answers[0].target == "nginx3.mybridge");
    CHECK(ask("web", kDnsTypeA).rcode == DnsRcode::NxDomain);
    CHECK(ask("9.0.18.172.in-addr.arpa", kDnsTypePtr).rcode == DnsRcode::NxDomain);
    const auto aaaa = ask("nginx3", 28);  // AAAA of a known name: NOERROR, no records
    CHECK(aaaa.rcode == DnsRcode::NoError);
    CHECK(aaaa.answers.empty());
}

TEST_CASE("the embedded DNS drops what is not a query") {
    const Bytes junk{1, 2, 3};
    CHECK_FALSE(docknet::real::answerQuery(records(), junk));
}
