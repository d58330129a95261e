// A state-machine property test (issue 9): thousands of seeded random docker, network and
// iptables commands, valid and invalid, typed one after another. After every command the whole
// state is consistent — no endpoint of a missing container, no veth without its endpoint, one
// DNAT rule and one docker-proxy per published port of a running container — and a command that
// failed changed nothing at all (the lab state is byte for byte what it was).
#include <catch2/catch.hpp>

#include <random>
#include <set>
#include <string>
#include <vector>

#include "cli/typed_host.hpp"
#include "sim/cli/docker_views.hpp"
#include "sim/net/net_namespace.hpp"

namespace {

std::string pick(std::mt19937& rng, const std::vector<std::string>& from) {
    return from[std::uniform_int_distribution<std::size_t>(0, from.size() - 1)(rng)];
}

/// One command, from a small vocabulary so that names and ports collide often.
std::string randomCommand(std::mt19937& rng) {
    const std::vector<std::string> names = {"a1", "a2", "b1", "web", "db", "x"};
    const std::vector<std::string> nets = {"n1", "n2", "bridge", "host", "none", "nope"};
    const std::vector<std::string> images = {"alpine", "nginx", "busybox", "nosuchimage"};
    const std::vector<std::string> ports = {"8080:80", "8081:80", "80", "8080:80/udp", "abc", "127.0.0.1:9000:80"};
    const std::string n = pick(rng, names), net = pick(rng, nets);
    switch (std::uniform_int_distribution<int>(0, 15)(rng)) {
        case 0:
        case 1: return "docker run -d --name " + n + " --network " + net + " " + pick(rng, images);
        case 2: return "docker run -d --name " + n + " -p " + pick(rng, ports) + " " + pick(rng, images);
        case 3: return "docker run -dit --name " + n + " alpine";
        case 4: return "docker rm -f " + n;
        case 5: return "docker stop " + n;
        case 6: return "docker start " + n;
        case 7: return "docker restart " + n;
        case 8: return "docker network create " + net;
        case 9: return "docker network rm " + net;
        case 10: return "docker network connect " + net + " " + n;
        case 11: return "docker network disconnect " + net + " " + n;
        case 12: return "docker run -d --name " + n + " --network container:" + pick(rng, names) + " alpine";
        case 13: return "docker exec " + n + " ping -c 1 -W 1 172.17.0." + std::to_string(std::uniform_int_distribution<int>(2, 4)(rng));
        case 14: return "iptables -" + pick(rng, {"I", "D", "A"}) + " DOCKER-USER -s 172.17.0." + std::to_string(std::uniform_int_distribution<int>(2, 4)(rng)) + " -j DROP";
        default: return pick(rng, {"docker rnu alpine", "docker run --foo alpine", "docker network create", "docker rm",
                                   "docker network connect --ip 10.9.9.9 n1 a1", "docker kill nope"});
    }
}

/// Everything that must hold of any reachable state.
void checkInvariants(const sim::cli::DockerHost& lab, const std::string& after) {
    INFO("after: " << after);
    const auto& engine = lab.engine();
    const auto& kernel = lab.kernel();
    std::set<std::string> endpointVeths;
    std::size_t published = 0, publishedOnIpv6 = 0;
    for (const auto* c : engine.containers()) {
        INFO("container " << c->name);
        // Endpoints exist only for running containers, and each one is there.
        if (!c->isRunning()) CHECK(c->endpoints.empty());
        for (const auto& [net, epId] : c->endpoints) {
            const auto* ep = engine.endpoint(epId);
            REQUIRE(ep);
            CHECK(ep->containerId == c->id);
            if (!ep->hostVethName.empty()) endpointVeths.insert(ep->hostVethName);
        }
        if (c->isRunning())
            for (const auto& m : c->ports) {
                published += m.hostPort != 0;
                publishedOnIpv6 += m.hostPort != 0 && m.onIpv6Any;
            }
    }
    // Every veth in the host's namespace (but eth0, the uplink) belongs to a live endpoint.
    std::set<std::string> hostVeths;
    for (auto id : kernel.interfacesOf(engine.hostNamespace())) {
        const auto* i = kernel.interface(id);
        if (i && i->kind == sim::net::InterfaceKind::Veth && i->name != "eth0") hostVeths.insert(i->name);
    }
    CHECK(hostVeths == endpointVeths);
    // One DNAT rule and one docker-proxy listener per published port of a running container.
    const auto& ns = *kernel.ns(engine.hostNamespace());
    std::size_t dnat = 0;
    if (const auto* docker = ns.nat().chain("DOCKER"))
        for (const auto& r : docker->rules) dnat += std::holds_alternative<sim::net::target::Dnat>(r.target);
    CHECK(dnat == published);
    // ...and one more docker-proxy on [::] for each binding without an address.
    std::size_t proxies = 0, proxies6 = 0;
    for (const auto& s : ns.sockets().sockets()) (s.isIpv6() ? proxies6 : proxies) += s.owner == "docker-proxy";
    CHECK(proxies == published);
    CHECK(proxies6 == publishedOnIpv6);
}

}  // namespace

/// The whole state and what comes after it: the next draw of the seeded randomness, which a
/// failed command must leave where it was (else every later id, veth name and MAC shifts).
std::string stateAndNextDraw(TypedHost& h) {
    sim::core::Rng next = h.lab.kernel().rng();
    return sim::cli::labState(h.lab.engine()).toCompactString() + " next draw " + std::to_string(next.next());
}

TEST_CASE("Random command sequences keep the state consistent and failures change nothing", "[cli][property]") {
    for (const unsigned seed : {1u, 2u, 3u}) {
        std::mt19937 rng(seed);
        TypedHost h;
        int failures = 0;
        for (int step = 0; step < 400; ++step) {
            const std::string line = randomCommand(rng);
            // Events already due (a detached alpine's shell exiting at once) run first: they are
            // what happened before this command, not what it did.
            h.lab.pause(sim::core::micros(0));
            const std::string before = stateAndNextDraw(h);
            auto t = h.runner.run(line);
            REQUIRE(t);
            const bool failed = !t->steps.empty() && t->steps.back().exitCode != 0;
            // docker run that created the container but could not start it is Docker's own
            // exception (it stays Created), and so is a ping that was sent and not answered, and
            // a restart whose stop succeeded before its start failed.
            const bool allowedToChange = line.starts_with("docker run") || line.find(" ping ") != std::string::npos ||
                                         line.starts_with("docker restart");
            if (failed) {
                ++failures;
                if (!allowedToChange) {
                    const std::string after = stateAndNextDraw(h);
                    // Where they part, to read the failure without two whole states.
                    std::size_t at = 0;
                    while (at < before.size() && at < after.size() && before[at] == after[at]) ++at;
                    const std::size_t from = at > 30 ? at - 30 : 0;
                    INFO("seed " << seed << " step " << step << ": " << line << "\nbefore: ..." << before.substr(from, 60)
                                 << "\nafter:  ..." << after.substr(from, 60));
                    CHECK(after == before);
                }
            }
            checkInvariants(h.lab, "seed " + std::to_string(seed) + " step " + std::to_string(step) + ": " + line);
        }
        CHECK(failures > 50);  // the generator does try the bad paths
    }
}
