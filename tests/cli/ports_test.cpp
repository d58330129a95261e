// Issue 10 item 5: published ports as Docker <= 27 allocates and refuses them.
#include <catch2/catch.hpp>

#include "cli/typed_host.hpp"

TEST_CASE("docker run -P allocates ephemeral ports in nat.SortPortMap order", "[cli][ports]") {
    TypedHost h;
    // mysql exposes 3306 and 33060: the larger container port is allocated first.
    REQUIRE(h.run("docker run -d --name m1 -P -e MYSQL_ROOT_PASSWORD=x mysql").second == 0);
    CHECK(h.run("docker port m1").first == "3306/tcp -> 0.0.0.0:32769\n33060/tcp -> 0.0.0.0:32768\n");
    // Explicit host ports take no ephemeral port; the rest go by container port, larger first,
    // tcp before udp on the same number.
    REQUIRE(h.run("docker run -d --name m2 -P -p 8080:3306 --expose 5000 --expose 5000/udp -e MYSQL_ROOT_PASSWORD=x mysql")
                .second == 0);
    CHECK(h.run("docker port m2").first ==
          "3306/tcp -> 0.0.0.0:8080\n5000/tcp -> 0.0.0.0:32771\n5000/udp -> 0.0.0.0:32768\n"
          "33060/tcp -> 0.0.0.0:32770\n");
}

TEST_CASE("publishing on an address the host does not have fails as docker-proxy's bind does", "[cli][ports]") {
    TypedHost h;
    const std::string rulesBefore = h.run("iptables -t nat -S").first;
    const auto [out, status] = h.run("docker run -d --name b1 -p 10.0.2.99:8080:80 nginx");
    CHECK(status == 125);
    CHECK(out.find("driver failed programming external connectivity on endpoint b1 (") != std::string::npos);
    CHECK(out.find("): Error starting userland proxy: listen tcp4 10.0.2.99:8080: bind: cannot assign requested "
                   "address.\n") != std::string::npos);
    // The container stays created, with no rule and no reservation left behind.
    CHECK(h.run("docker inspect -f '{{.State.Status}}' b1").first == "created\n");
    CHECK(h.run("iptables -t nat -S").first == rulesBefore);
    CHECK(h.run("docker run -d --name b2 -p 8080:80 nginx").second == 0);
    // An address the host has (its eth0) binds.
    CHECK(h.run("docker run -d --name b3 -p 10.0.2.15:8081:80 nginx").second == 0);
    CHECK(h.run("docker port b3").first == "80/tcp -> 10.0.2.15:8081\n");
}

TEST_CASE("host networking warns about -p only, as daemon_unix.go does", "[cli][ports]") {
    TypedHost h;
    const std::string warning = "WARNING: Published ports are discarded when using host network mode\n";
    auto [withP, s1] = h.run("docker run -d --name h1 --network host -p 8080:80 nginx");
    CHECK(s1 == 0);
    CHECK(withP.find(warning) != std::string::npos);
    // -P sets PublishAllPorts and no PortBindings: no warning.
    auto [withAll, s2] = h.run("docker run -d --name h2 --network host -P busybox sleep 100");
    CHECK(s2 == 0);
    CHECK(withAll.find("WARNING") == std::string::npos);
    CHECK(h.run("docker port h1").first.empty());
}
