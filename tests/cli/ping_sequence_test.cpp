// ping's 16-bit ICMP sequence wraps after 65,536 requests; the replies after the wrap still
// count (iputils clears a sequence's slot before reusing it), so a long ping loses nothing.
#include <catch2/catch.hpp>

#include "cli/typed_host.hpp"
#include "sim/cli/docker_views.hpp"

TEST_CASE("ping counts every reply past the 16-bit sequence wrap", "[cli][ping][robustness]") {
    TypedHost h;
    REQUIRE(h.run("docker run -dit --name c1 alpine").second == 0);
    REQUIRE(h.run("docker run -dit --name c2 alpine").second == 0);
    const auto [out, status] = h.run("docker exec c1 ping -q -c 65600 -i 0.2 172.17.0.3");
    CHECK(status == 0);
    CHECK(out.find("65600 packets transmitted, 65600 packets received, 0% packet loss") != std::string::npos);
}

TEST_CASE("ping -i 0 sends back to back and every request is answered", "[cli][ping][robustness]") {
    TypedHost h;
    REQUIRE(h.run("docker run -dit --name c1 alpine").second == 0);
    const auto [out, status] = h.run("docker exec c1 ping -q -c 200 -i 0 127.0.0.1");
    CHECK(status == 0);
    CHECK(out.find("200 packets transmitted, 200 packets received, 0% packet loss") != std::string::npos);
}

TEST_CASE("ping runs past docknet's bound are refused up front and change nothing", "[cli][ping][robustness]") {
    TypedHost h;
    REQUIRE(h.run("docker run -dit --name c1 alpine").second == 0);
    const std::string bound = "; docknet simulates at most 100000 per ping (use a smaller -c or -w, or a longer -i)\n";
    const auto before = sim::cli::labState(h.lab.engine()).toCompactString();
    CHECK(h.run("docker exec c1 ping -c 1000000 -i 0 127.0.0.1") ==
          std::pair<std::string, int>{"docknet: ping: this run would send 1000000 echo requests" + bound, 2});
    CHECK(h.run("docker exec c1 ping -w 1 -i 0 127.0.0.1") ==
          std::pair<std::string, int>{"docknet: ping: this run would send 1000001 echo requests" + bound, 2});
    CHECK(h.run("ping -c 100001 -i 0.2 127.0.0.1") ==
          std::pair<std::string, int>{"docknet: ping: this run would send 100001 echo requests" + bound, 2});
    CHECK(sim::cli::labState(h.lab.engine()).toCompactString() == before);
    // -w bounds an endless count: 1,000 s at 0.2 s is 5,001 requests, well inside.
    CHECK(h.run("ping -q -w 1000 -i 0.2 127.0.0.1").second == 0);
}
