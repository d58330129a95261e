// Shared set-up for the tool tests: the docker0 topology of tests/flows, a ToolContext per
// container or for the host, and a tiny DNS server (what Docker's embedded DNS would be) bound
// on UDP 53 that answers A and PTR queries from a table.
#pragma once

#include <catch2/catch.hpp>

#include <map>
#include <sstream>

#include "flows/docker_rules.hpp"
#include "sim/net/transport_layer.hpp"
#include "sim/tools/tool_runner.hpp"

namespace tooltest {

using namespace flows;
using sim::tools::Flavor;
using sim::tools::ToolContext;
using sim::tools::ToolResult;

inline std::vector<std::string> words(const std::string& line) {
    std::istringstream in(line);
    std::vector<std::string> out;
    for (std::string w; in >> w;) out.push_back(w);
    return out;
}

inline ToolResult run(ToolContext& ctx, const std::string& line) { return sim::tools::runTool(ctx, words(line)); }

inline ToolContext containerContext(Docker0Topology& t, int index, Flavor flavor = Flavor::Gnu) {
    ToolContext ctx;
    ctx.kernel = &t.kernel;
    ctx.ns = t.c[static_cast<std::size_t>(index)].ns;
    ctx.flavor = flavor;
    ctx.hostname = "c" + std::to_string(index + 1) + "host";
    const std::string own = t.c[static_cast<std::size_t>(index)].address.toString();
    ctx.files["/etc/hosts"] = "127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n" + own + "\t" + ctx.hostname + "\n";
    ctx.files["/etc/resolv.conf"] = "nameserver 8.8.8.8\n";
    return ctx;
}

inline ToolContext hostContext(Docker0Topology& t) {
    ToolContext ctx;
    ctx.kernel = &t.kernel;
    ctx.ns = t.host;
    ctx.hostname = "dockerhost";
    ctx.isDockerHost = true;
    ctx.files["/etc/hosts"] = "127.0.0.1\tlocalhost\n";
    return ctx;
}

/// A DNS server on address:53 in `ns` answering A queries from `names` (name -> address) and
/// PTR queries from `pointers` (address -> name); everything else NXDOMAIN (or `fallback` for
/// every query when set, e.g. ServFail).
struct DnsServer {
    DnsServer(net::Kernel& k, core::NamespaceId ns, wire::Ipv4Address address, std::map<std::string, std::string> names,
              std::optional<wire::DnsRcode> fallback = std::nullopt, std::map<std::string, std::string> pointers = {})
        : kernel(k), names(std::move(names)), pointers(std::move(pointers)), fallback(fallback) {
        auto bound = kernel.transport().bind(ns, net::Transport::Udp, address, 53, "dockerd",
                                             [this, ns](wire::Ipv4Address src, const wire::UdpDatagram& udp) {
                                                 ++queries;
                                                 const auto& q = std::get<wire::DnsMessage>(udp.payload);
                                                 const std::string name = q.questions.at(0).name;
                                                 const bool ptr = q.questions.at(0).type == wire::kDnsTypePtr;
                                                 if (ptr) ++ptrQueries;
                                                 const auto address = wire::parseReverseName(name);
                                                 auto reply = wire::DnsMessage::answer(q, {}, wire::DnsRcode::NxDomain);
                                                 if (this->fallback) reply = wire::DnsMessage::answer(q, {}, *this->fallback);
                                                 else if (ptr) {
                                                     if (auto it = address ? this->pointers.find(address->toString()) : this->pointers.end();
                                                         it != this->pointers.end())
                                                         reply = wire::DnsMessage::answer(q, {wire::DnsAnswer::ptr(name, it->second)});
                                                 } else if (auto it = this->names.find(name); it != this->names.end())
                                                     reply = wire::DnsMessage::answer(q, {wire::DnsAnswer{name, ip(it->second.c_str())}});
                                                 (void)kernel.transport().sendUdp(ns, src, 53, udp.srcPort, reply);
                                             });
        REQUIRE(bound);
    }
    net::Kernel& kernel;
    std::map<std::string, std::string> names;
    std::map<std::string, std::string> pointers;
    std::optional<wire::DnsRcode> fallback;
    int queries = 0;
    int ptrQueries = 0;
};

}  // namespace tooltest
