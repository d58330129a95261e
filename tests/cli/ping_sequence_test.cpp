// ping's 16-bit ICMP sequence wraps after 65,536 requests; the replies after the wrap still
// count (iputils clears a sequence's slot before reusing it), so a long ping loses nothing.
#include <catch2/catch.hpp>

#include "cli/typed_host.hpp"

TEST_CASE("ping counts every reply past the 16-bit sequence wrap", "[cli][ping][robustness]") {
    TypedHost h;
    REQUIRE(h.run("docker run -dit --name c1 alpine").second == 0);
    REQUIRE(h.run("docker run -dit --name c2 alpine").second == 0);
    const auto [out, status] = h.run("docker exec c1 ping -q -c 65600 -i 0.2 172.17.0.3");
    CHECK(status == 0);
    CHECK(out.find("65600 packets transmitted, 65600 packets received, 0% packet loss") != std::string::npos);
}
