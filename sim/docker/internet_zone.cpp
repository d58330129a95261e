#include "sim/docker/internet_zone.hpp"

namespace sim::docker {

std::map<std::string, wire::Ipv4Address> internetZone() {
    // Public resolvers keep their well-known anycast addresses, and the names the existing
    // lessons print keep theirs. Every other name is a stand-in from TEST-NET-3 (RFC 5737,
    // 203.0.113.0/24): real sites move between CDN addresses, and a documentation range can
    // never be mistaken for a real host.
    static constexpr struct {
        const char* name;
        const char* address;
    } kNames[] = {
        {"dns.google", "8.8.8.8"},
        {"one.one.one.one", "1.1.1.1"},
        {"example.com", "93.184.215.14"},
        {"google.com", "142.250.196.110"},
        {"www.google.com", "142.250.196.100"},
        {"www.example.com", "203.0.113.10"},
        {"example.org", "203.0.113.11"},
        {"www.example.org", "203.0.113.11"},
        {"example.net", "203.0.113.12"},
        {"docker.com", "203.0.113.20"},
        {"www.docker.com", "203.0.113.20"},
        {"hub.docker.com", "203.0.113.21"},
        {"registry-1.docker.io", "203.0.113.22"},
        {"github.com", "203.0.113.30"},
        {"www.github.com", "203.0.113.30"},
        {"cloudflare.com", "203.0.113.40"},
        {"www.cloudflare.com", "203.0.113.40"},
        {"naver.com", "203.0.113.50"},
        {"www.naver.com", "203.0.113.51"},
        {"daum.net", "203.0.113.52"},
        {"www.daum.net", "203.0.113.52"},
        {"deb.debian.org", "203.0.113.60"},
        {"security.debian.org", "203.0.113.61"},
        {"archive.ubuntu.com", "203.0.113.62"},
        {"security.ubuntu.com", "203.0.113.63"},
        {"dl-cdn.alpinelinux.org", "203.0.113.64"},
    };
    std::map<std::string, wire::Ipv4Address> zone;
    for (const auto& n : kNames) zone.emplace(n.name, *wire::Ipv4Address::parse(n.address));
    return zone;
}

}  // namespace sim::docker
