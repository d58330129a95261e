// Issue 10 item 5: published ports as Docker <= 27 allocates and refuses them.
#include <catch2/catch.hpp>

#include "cli/typed_host.hpp"

TEST_CASE("docker run -P allocates ephemeral ports in nat.SortPortMap order", "[cli][ports]") {
    TypedHost h;
    // mysql exposes 3306 and 33060: the larger container port is allocated first.
    REQUIRE(h.run("docker run -d --name m1 -P -e MYSQL_ROOT_PASSWORD=x mysql").second == 0);
    CHECK(h.run("docker port m1").first ==
          "3306/tcp -> 0.0.0.0:32769\n3306/tcp -> [::]:32769\n33060/tcp -> 0.0.0.0:32768\n33060/tcp -> [::]:32768\n");
    // Explicit host ports take no ephemeral port; the rest go by container port, larger first,
    // tcp before udp on the same number.
    REQUIRE(h.run("docker run -d --name m2 -P -p 8080:3306 --expose 5000 --expose 5000/udp -e MYSQL_ROOT_PASSWORD=x mysql")
                .second == 0);
    CHECK(h.run("docker port m2").first ==
          "3306/tcp -> 0.0.0.0:8080\n3306/tcp -> [::]:8080\n5000/tcp -> 0.0.0.0:32771\n5000/tcp -> [::]:32771\n"
          "5000/udp -> 0.0.0.0:32768\n5000/udp -> [::]:32768\n33060/tcp -> 0.0.0.0:32770\n33060/tcp -> [::]:32770\n");
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

TEST_CASE("a -p without an address is bound on 0.0.0.0 and on [::] with the same port, as Docker 27 does", "[cli][ports][ipv6]") {
    TypedHost h;
    REQUIRE(h.run("docker run -d --name web -p 8080:80 nginx").second == 0);
    CHECK(h.run("docker port web").first == "80/tcp -> 0.0.0.0:8080\n80/tcp -> [::]:8080\n");
    CHECK(h.run("docker port web 80").first == "0.0.0.0:8080\n[::]:8080\n");
    CHECK(h.run("docker ps --format '{{.Ports}}'").first == "0.0.0.0:8080->80/tcp, [::]:8080->80/tcp\n");
    CHECK(h.run("docker inspect -f '{{json .NetworkSettings.Ports}}' web").first ==
          "{\"80/tcp\":[{\"HostIp\":\"0.0.0.0\",\"HostPort\":\"8080\"},{\"HostIp\":\"::\",\"HostPort\":\"8080\"}]}\n");
    // HostConfig keeps what was asked for.
    CHECK(h.run("docker inspect -f '{{json .HostConfig.PortBindings}}' web").first ==
          "{\"80/tcp\":[{\"HostIp\":\"\",\"HostPort\":\"8080\"}]}\n");
    // Two docker-proxy processes, one per family; the [::] one forwards to the IPv4 address.
    const std::string ps = h.run("ps -eo args").first;
    CHECK(ps.find("/usr/bin/docker-proxy -proto tcp -host-ip 0.0.0.0 -host-port 8080 -container-ip 172.17.0.2 "
                  "-container-port 80\n") != std::string::npos);
    CHECK(ps.find("/usr/bin/docker-proxy -proto tcp -host-ip :: -host-port 8080 -container-ip 172.17.0.2 "
                  "-container-port 80\n") != std::string::npos);
    const std::string ss = h.run("ss -ltn").first;
    CHECK(ss.find("0.0.0.0:8080") != std::string::npos);
    CHECK(ss.find("[::]:8080") != std::string::npos);
    CHECK(h.run("ss -ltn -4").first.find("[::]") == std::string::npos);
    CHECK(h.run("netstat -tln").first.find("tcp6       0      0 :::8080                 :::*                    LISTEN") !=
          std::string::npos);
    // -P: one ephemeral port for both.
    REQUIRE(h.run("docker run -d --name any -p 80 nginx").second == 0);
    CHECK(h.run("docker port any").first == "80/tcp -> 0.0.0.0:32768\n80/tcp -> [::]:32768\n");
    // The same port again: refused on the IPv4 address first, nothing left behind.
    const auto [out, status] = h.run("docker run -d --name web2 -p 8080:80 nginx");
    CHECK(status == 125);
    CHECK(out.find("Bind for 0.0.0.0:8080 failed: port is already allocated") != std::string::npos);
    // Stopping frees both: the port can be published again.
    REQUIRE(h.run("docker rm -f web").second == 0);
    CHECK(h.run("ss -ltn").first.find(":8080") == std::string::npos);
    CHECK(h.run("docker start web2").second == 0);
    CHECK(h.run("docker port web2").first == "80/tcp -> 0.0.0.0:8080\n80/tcp -> [::]:8080\n");
}

TEST_CASE("an explicit address or host_binding_ipv4 publishes IPv4 only", "[cli][ports][ipv6]") {
    TypedHost h;
    REQUIRE(h.run("docker run -d --name lo -p 127.0.0.1:8080:80 nginx").second == 0);
    CHECK(h.run("docker port lo").first == "80/tcp -> 127.0.0.1:8080\n");
    REQUIRE(h.run("docker run -d --name all -p 0.0.0.0:8081:80 nginx").second == 0);
    CHECK(h.run("docker ps --filter name=all --format '{{.Ports}}'").first == "0.0.0.0:8081->80/tcp\n");
    REQUIRE(h.run("docker network create -o com.docker.network.bridge.host_binding_ipv4=127.0.0.1 local").second == 0);
    REQUIRE(h.run("docker run -d --name loc --network local -p 8082:80 nginx").second == 0);
    CHECK(h.run("docker port loc").first == "80/tcp -> 127.0.0.1:8082\n");
}

TEST_CASE("services listen as the images do: nginx on 0.0.0.0 and a V6ONLY [::], httpd on a dual-stack [::]", "[cli][ports][ipv6]") {
    TypedHost h;
    REQUIRE(h.run("docker pull -q busybox").second == 0);
    REQUIRE(h.run("docker run -d --name ng1 --network host nginx").second == 0);
    const std::string ss = h.run("ss -ltnp").first;
    CHECK(ss.find("0.0.0.0:80") != std::string::npos);
    CHECK(ss.find("[::]:80") != std::string::npos);
    // A second nginx fails on both, as its log says.
    REQUIRE(h.run("docker run -d --name ng2 --network host nginx").second == 0);
    // httpd's dual-stack socket holds port 80 for IPv4 too: with nginx stopped, a published
    // port 80 cannot get past it.
    REQUIRE(h.run("docker rm -f ng1 ng2").second == 0);
    REQUIRE(h.run("docker run -d --name ap --network host httpd").second == 0);
    const std::string ssA = h.run("ss -ltn").first;
    CHECK(ssA.find("*:80") != std::string::npos);
    CHECK(ssA.find("0.0.0.0:80") == std::string::npos);
    CHECK(h.run("curl -s -o /dev/null -w '%{http_code}' localhost").first == "200");
    const auto [out, status] = h.run("docker run -d --name pub -p 80:80 nginx");
    CHECK(status == 125);
    CHECK(out.find("Error starting userland proxy: listen tcp4 0.0.0.0:80: bind: address already in use") != std::string::npos);
}

TEST_CASE("publishing on [::] alone binds IPv6's wildcard only, proxied, with no iptables rule", "[cli][ports][ipv6]") {
    TypedHost h;
    REQUIRE(h.run("docker run -d --name six -p [::]:8080:80 nginx").second == 0);
    CHECK(h.run("docker port six").first == "80/tcp -> [::]:8080\n");
    CHECK(h.run("docker ps --format '{{.Ports}}'").first == "[::]:8080->80/tcp\n");
    CHECK(h.run("docker inspect -f '{{json .HostConfig.PortBindings}}' six").first ==
          "{\"80/tcp\":[{\"HostIp\":\"::\",\"HostPort\":\"8080\"}]}\n");
    CHECK(h.run("docker inspect -f '{{json .NetworkSettings.Ports}}' six").first ==
          "{\"80/tcp\":[{\"HostIp\":\"::\",\"HostPort\":\"8080\"}]}\n");
    CHECK(h.run("iptables -t nat -S DOCKER").first.find("8080") == std::string::npos);
    const std::string ss = h.run("ss -ltn").first;
    CHECK(ss.find("[::]:8080") != std::string::npos);
    CHECK(ss.find("0.0.0.0:8080") == std::string::npos);
    // The IPv4 side is free: an explicit 0.0.0.0 binding takes it, a default one finds [::] taken.
    const auto [out, status] = h.run("docker run -d --name both -p 8080:80 nginx");
    CHECK(status == 125);
    CHECK(out.find("Bind for :::8080 failed: port is already allocated") != std::string::npos);
    CHECK(h.run("docker run -d --name four -p 0.0.0.0:8080:80 nginx").second == 0);
    CHECK(h.run("docker port four").first == "80/tcp -> 0.0.0.0:8080\n");
    // Another IPv6 host address is docknet's refusal, nothing made.
    const auto [lo6, loStatus] = h.run("docker run -d --name lo6 -p [::1]:8081:80 nginx");
    CHECK(loStatus == 125);
    CHECK(lo6.find("docknet: publishing on the IPv6 address ::1 is not modelled") != std::string::npos);
    CHECK(h.run("docker rm -f six").second == 0);
    CHECK(h.run("ss -ltn").first.find("[::]:8080") == std::string::npos);
}
