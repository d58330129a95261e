// /proc/sys and sysctl are one switch: `echo 0 > /proc/sys/net/ipv4/ip_forward` stops the host
// forwarding exactly as `sysctl -w` does, `cat` reads it back, a key the model does not have is
// "No such file or directory" (never a file that swallows the write), a bad value is the kernel's
// EINVAL, and a container's /proc/sys is read-only.
#include <catch2/catch.hpp>

#include "cli/typed_host.hpp"

namespace {

/// With a running alpine called c1.
struct Host : TypedHost {
    Host() { REQUIRE(run("docker run -dit --name c1 alpine").second == 0); }
};

}  // namespace

TEST_CASE("echo into /proc/sys/net/ipv4/ip_forward is sysctl -w", "[cli][sysctl]") {
    Host h;
    CHECK(h.run("cat /proc/sys/net/ipv4/ip_forward") == std::pair<std::string, int>{"1\n", 0});
    REQUIRE(h.run("echo 0 > /proc/sys/net/ipv4/ip_forward").second == 0);
    CHECK(h.run("sysctl net.ipv4.ip_forward").first == "net.ipv4.ip_forward = 0\n");
    CHECK(h.run("docker exec c1 ping -c 1 -W 1 8.8.8.8").second == 1);
    REQUIRE(h.run("sysctl -w net.ipv4.ip_forward=1").second == 0);
    CHECK(h.run("cat /proc/sys/net/ipv4/ip_forward").first == "1\n");
    CHECK(h.run("docker exec c1 ping -c 1 8.8.8.8").second == 0);
}

TEST_CASE("Unknown keys, bad values and a container's read-only /proc/sys", "[cli][sysctl]") {
    Host h;
    CHECK(h.run("echo 1 > /proc/sys/net/ipv4/nope") ==
          std::pair<std::string, int>{"bash: /proc/sys/net/ipv4/nope: No such file or directory\n", 1});
    CHECK(h.run("cat /proc/sys/net/ipv4/nope") ==
          std::pair<std::string, int>{"cat: /proc/sys/net/ipv4/nope: No such file or directory\n", 1});
    CHECK(h.run("echo 2 > /proc/sys/net/ipv4/ip_forward") == std::pair<std::string, int>{"bash: echo: write error: Invalid argument\n", 1});
    CHECK(h.run("sysctl -w net.ipv4.ip_forward=2") ==
          std::pair<std::string, int>{"sysctl: setting key \"net.ipv4.ip_forward\": Invalid argument\n", 255});
    CHECK(h.run("sysctl net.ipv4.ip_forward").first == "net.ipv4.ip_forward = 1\n");
    CHECK(h.run("sysctl -a").second != 0);
    // A container's namespace forwards nothing, and its /proc/sys cannot be written.
    CHECK(h.run("docker exec c1 cat /proc/sys/net/ipv4/ip_forward").first == "0\n");
    const auto [out, status] = h.run("docker exec c1 sh -c 'echo 1 > /proc/sys/net/ipv4/ip_forward'");
    CHECK(status == 1);
    CHECK(out.find("/proc/sys/net/ipv4/ip_forward: Read-only file system") != std::string::npos);
    CHECK(h.run("docker exec c1 cat /proc/sys/net/ipv4/ip_forward").first == "0\n");
}
