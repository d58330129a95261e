// Issue 10 item 12: names outside the lab resolve through the host's upstream resolver to the
// addresses docs/NAMES.md lists; unknown and reserved names are NXDOMAIN.
#include <catch2/catch.hpp>

#include "cli/typed_host.hpp"

TEST_CASE("outside names resolve to the documented addresses and answer pings", "[cli][outside]") {
    TypedHost h;
    CHECK(h.run("getent hosts github.com").first == "203.0.113.30    github.com\n");
    CHECK(h.run("getent hosts WWW.Docker.COM.").first.starts_with("203.0.113.20 "));
    CHECK(h.run("ping -c 1 -W 1 dns.google").second == 0);
    REQUIRE(h.run("docker network create web").second == 0);
    REQUIRE(h.run("docker run -dit --name a1 --network web alpine").second == 0);
    REQUIRE(h.run("docker run -dit --name b1 busybox").second == 0);
    // Through the embedded DNS (user-defined network) and straight to the upstream (docker0).
    CHECK(h.run("docker exec a1 ping -c 1 -W 1 naver.com").first.starts_with("PING naver.com (203.0.113.50)"));
    CHECK(h.run("docker exec b1 ping -c 1 -W 1 deb.debian.org").first.starts_with("PING deb.debian.org (203.0.113.60)"));
}

TEST_CASE("unknown and reserved outside names are NXDOMAIN", "[cli][outside]") {
    TypedHost h;
    for (const char* name : {"foo.invalid", "db.test", "host.example", "no-such-site.com", "localhost.localhost"}) {
        INFO(name);
        const auto [out, status] = h.run(std::string("ping -c 1 ") + name);
        CHECK(status == 2);
        CHECK(out == std::string("ping: ") + name + ": Name or service not known\n");
    }
    CHECK(h.run("nslookup foo.invalid").first.find("** server can't find foo.invalid: NXDOMAIN") != std::string::npos);
    REQUIRE(h.run("docker run -dit --name b1 busybox").second == 0);
    CHECK(h.run("docker exec b1 ping -c 1 foo.invalid").first == "ping: bad address 'foo.invalid'\n");
}
