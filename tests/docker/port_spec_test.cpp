// `-p` / `--expose` parsing: every form of docker-facts 7.1 and the CLI's exact errors.
#include <catch2/catch.hpp>

#include "sim/docker/port_spec.hpp"

using namespace sim;
using namespace sim::docker;

namespace {

std::string errorOf(std::string_view spec) {
    auto r = parsePortSpec(spec);
    REQUIRE_FALSE(r.has_value());
    return r.error().message;
}

PortBinding binding(std::optional<wire::Ipv4Address> ip, std::uint16_t hs, std::uint16_t he, std::uint16_t c,
                    PortProto p = PortProto::Tcp) {
    PortBinding b;
    b.hostIp = ip;
    b.hostPortStart = hs;
    b.hostPortEnd = he;
    b.containerPort = c;
    b.proto = p;
    return b;
}

}  // namespace

TEST_CASE("port spec: container port only picks a random host port") {
    auto r = parsePortSpec("80");
    REQUIRE(r);
    REQUIRE(*r == std::vector{binding(std::nullopt, 0, 0, 80)});
}

TEST_CASE("port spec: host:container, ip:host:container and ip::container") {
    REQUIRE(*parsePortSpec("8080:80") == std::vector{binding(std::nullopt, 8080, 8080, 80)});
    const auto lo = wire::Ipv4Address::loopback();
    REQUIRE(*parsePortSpec("127.0.0.1:8080:80") == std::vector{binding(lo, 8080, 8080, 80)});
    REQUIRE(*parsePortSpec("127.0.0.1::80") == std::vector{binding(lo, 0, 0, 80)});
    REQUIRE(*parsePortSpec("0.0.0.0:80:80") == std::vector{binding(wire::Ipv4Address::any(), 80, 80, 80)});
}

TEST_CASE("port spec: protocols, case-insensitive") {
    REQUIRE(*parsePortSpec("8080:80/udp") == std::vector{binding(std::nullopt, 8080, 8080, 80, PortProto::Udp)});
    REQUIRE(parsePortSpec("53/UDP")->front().proto == PortProto::Udp);
    REQUIRE(parsePortSpec("9/sctp")->front().proto == PortProto::Sctp);
    REQUIRE(parsePortSpec("80/")->front().proto == PortProto::Tcp);
    REQUIRE(toString(PortProto::Tcp) == "tcp");
    REQUIRE(toString(PortProto::Sctp) == "sctp");
    REQUIRE(portKey(80, PortProto::Udp) == "80/udp");
}

TEST_CASE("port spec: ranges") {
    SECTION("equal ranges expand to one binding per port") {
        auto r = parsePortSpec("8000-8002:80-82");
        REQUIRE(r);
        REQUIRE(*r == std::vector{binding(std::nullopt, 8000, 8000, 80), binding(std::nullopt, 8001, 8001, 81),
                                  binding(std::nullopt, 8002, 8002, 82)});
    }
    SECTION("a host range for one container port stays a range") {
        REQUIRE(*parsePortSpec("8000-9000:80") == std::vector{binding(std::nullopt, 8000, 9000, 80)});
    }
    SECTION("a container range alone: random host ports") {
        auto r = parsePortSpec("80-82");
        REQUIRE(r->size() == 3);
        for (const auto& b : *r) REQUIRE(b.hostPortStart == 0);
        REQUIRE((*r)[2].containerPort == 82);
    }
}

TEST_CASE("port spec: the CLI's error messages (>=25 wording)") {
    REQUIRE(errorOf("abc:80") == "invalid hostPort: abc");
    REQUIRE(errorOf("8080:abc") == "invalid containerPort: abc");
    REQUIRE(errorOf("8080:80/xyz") == "invalid proto: xyz");
    REQUIRE(errorOf("1.2.3:8080:80") == "invalid IP address: 1.2.3");
    REQUIRE(errorOf("80:") == "no port specified: 80:<empty>");
    REQUIRE(errorOf("8000-8002:80-81") == "invalid ranges specified for container and host Ports: 80-81 and 8000-8002");
    REQUIRE(errorOf("70000:80") == "invalid hostPort: 70000");
    REQUIRE(errorOf("8080:70000") == "invalid containerPort: 70000");
    REQUIRE(errorOf("82-80") == "invalid containerPort: 82-80");
    REQUIRE(errorOf("-1") == "invalid containerPort: -1");
    REQUIRE(parsePortSpec("abc:80").error().code == core::ErrorCode::InvalidArgument);
}

TEST_CASE("port spec: [::] binds IPv6's wildcard, another IPv6 host address is refused clearly") {
    auto r = parsePortSpec("[::1]:8080:80");
    REQUIRE_FALSE(r);
    REQUIRE(r.error().code == core::ErrorCode::Unsupported);
    REQUIRE(r.error().message.starts_with("docknet: publishing on the IPv6 address ::1 is not modelled"));
    // IPv6's wildcard is modelled: the binding says so and has no IPv4 address.
    auto any6 = parsePortSpec("[::]:8080:80");
    REQUIRE(any6);
    REQUIRE(any6->size() == 1);
    CHECK(any6->front().hostIpv6Any);
    CHECK_FALSE(any6->front().hostIp);
    CHECK(parsePortSpec("[nonsense]:8080:80").error().message == "invalid IP address: nonsense");
    REQUIRE_FALSE(parsePortSpec("::1:8080:80"));
}

TEST_CASE("port spec: container port 0 passes the CLI, the daemon check refuses it") {
    auto r = parsePortSpec("0");
    REQUIRE(r);
    auto v = validatePortBindings(*r);
    REQUIRE_FALSE(v);
    REQUIRE(v.error().message == "invalid port specification: \"0/tcp\"");
    REQUIRE(validatePortBindings(*parsePortSpec("8080:80")));
    // Host port 0 means "any", as Docker reads "0".
    REQUIRE(parsePortSpec("0:80")->front().hostPortStart == 0);
}

TEST_CASE("exposed ports: --expose and EXPOSE values") {
    auto one = parseExposedPort("80");
    REQUIRE(one);
    REQUIRE(*one == std::pair<std::uint16_t, PortProto>{80, PortProto::Tcp});
    REQUIRE(parseExposedPort("53/udp")->second == PortProto::Udp);
    auto range = parseExposedPorts("8000-8002/tcp");
    REQUIRE(range->size() == 3);
    REQUIRE(parseExposedPort("8000-8001").error().message == "port ranges are not supported here: 8000-8001");
    REQUIRE(parseExposedPorts("80:80").error().message == "invalid port format for --expose: 80:80");
    REQUIRE(parseExposedPorts("abc").error().message ==
            "invalid range format for --expose: abc, error: strconv.ParseUint: parsing \"abc\": invalid syntax");
    REQUIRE(parseExposedPorts("80/xyz").error().message == "invalid proto: xyz");
}
