// The name resolution the tools share, as the C library of the container does it:
//   1. an IPv4 literal is used as is;
//   2. /etc/hosts from ToolContext::files, first line naming the host wins (case-insensitive);
//   3. DNS: a real A query in a UDP datagram to each nameserver of /etc/resolv.conf, answered
//      (or not) by whatever listens on port 53 there, while the Scheduler runs.
// glibc (Flavor::Gnu): servers in order, `attempts` rounds (default 2) of `timeout` (default 5 s)
// per server; NXDOMAIN ends the search for that name; SERVFAIL/REFUSED/timeouts move on to the
// next server; `search` domains and `options ndots:N` pick the names tried, as res_search does.
// musl (Flavor::Busybox): each round queries every server at once and waits timeout/attempts
// (2.5 s by default); the first NXDOMAIN or answer decides.
// Reverse lookups (getnameinfo, "hosts: files dns"): /etc/hosts first, then a real PTR query for
// the in-addr.arpa name through the same nameservers, rounds and timeouts (no search domains).
// Not modelled: getaddrinfo's AAAA queries (AF_INET lookups only; getent and nslookup send
// theirs), TCP fallback, EDNS, the nscd cache, `rotate`.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sim/core/sim_time.hpp"
#include "sim/tools/tool_context.hpp"
#include "sim/wire/dns_message.hpp"
#include "sim/wire/ipv4_address.hpp"

namespace sim::tools {

struct HostsEntry {
    std::string address;             // as written ("172.17.0.3", "::1")
    std::vector<std::string> names;  // canonical name first, then aliases
};

/// /etc/hosts lines; comments and blank lines dropped.
std::vector<HostsEntry> parseHosts(std::string_view text);

struct ResolvConf {
    std::vector<wire::Ipv4Address> nameservers;
    std::vector<std::string> search;
    int ndots = 1;
    int timeoutSeconds = 5;
    int attempts = 2;
};

/// resolv.conf(5): nameserver (IPv4 only; at most 3, as MAXNS), search/domain, options ndots:,
/// timeout:, attempts:. No nameserver line means 127.0.0.1, as in glibc and musl.
ResolvConf parseResolvConf(std::string_view text);

enum class ResolveStatus {
    Ok,
    NotFound,  // EAI_NONAME: "Name or service not known"
    TryAgain,  // EAI_AGAIN: "Temporary failure in name resolution"
};

enum class ResolveSource { Literal, Hosts, Dns };

struct Resolution {
    ResolveStatus status = ResolveStatus::NotFound;
    ResolveSource source = ResolveSource::Literal;
    wire::Ipv4Address address;
    std::vector<wire::Ipv4Address> addresses;  // all A records (DNS) or the one address
    std::string canonicalName;                 // ai_canonname: hosts' first name, DNS owner name
    std::vector<std::string> aliases;          // the other names of a hosts line
};

/// getaddrinfo(name, AF_INET): literal, /etc/hosts, then DNS as the flavour's C library does.
Resolution resolveHost(ToolContext& ctx, const std::string& name);
/// gai_strerror for the status.
std::string_view gaiMessage(ResolveStatus status);

/// The files-only half of getnameinfo without NI_NAMEREQD: the canonical name of the first
/// /etc/hosts line with the address, else nullopt (the caller prints the number). Sends nothing.
std::optional<std::string> reverseLookup(const ToolContext& ctx, wire::Ipv4Address address);

/// getnameinfo without NI_NAMEREQD as the flavour's C library does it: reverseLookup (files), then
/// DNS: a PTR query for reverseName(address) as resolveHost sends A queries (glibc: servers in
/// order, `attempts` rounds; musl: all servers at once). The first PTR record's name, else nullopt
/// (NXDOMAIN, no PTR record, or no server answered: the caller prints the number).
std::optional<std::string> reverseResolve(ToolContext& ctx, wire::Ipv4Address address);

/// One DNS exchange: what came back from `server` for a query of `name`.
struct DnsReply {
    enum class Kind { Answer, NxDomain, ServFail, Refused, NoData, Timeout, Unreachable };
    Kind kind = Kind::Timeout;
    std::vector<wire::Ipv4Address> addresses;  // the A records (an A query)
    std::vector<wire::Ipv6Address> addresses6; // the AAAA records (an AAAA query)
    std::vector<std::string> names;            // the PTR records' names (a PTR query)
    std::string ownerName;                     // the name the answer was for
    wire::Ipv4Address server;
};

/// Sends queries of `type` (A, AAAA or PTR) for `name` to each of `servers` at once from an ephemeral
/// UDP port of the context's namespace and runs the Scheduler until a decisive reply (answer,
/// NXDOMAIN, NODATA) or `timeout`. An answer counts only records of the type asked for (none:
/// NoData). Unreachable when no query could be sent (no route).
DnsReply queryDns(ToolContext& ctx, const std::vector<wire::Ipv4Address>& servers, const std::string& name,
                  core::Duration timeout, std::uint16_t type = wire::kDnsTypeA);

/// The DNS half of an AF_INET6 lookup (gethostbyname2): AAAA queries for the names res_search
/// tries, as resolveHost sends A queries; the first answer, else nullopt.
std::optional<DnsReply> resolveHostDns6(ToolContext& ctx, const std::string& name);

}  // namespace sim::tools
