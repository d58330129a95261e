// getent hosts and nslookup.
// getent (glibc on GNU: print_hosts "%-15s %s" plus " alias" each; musl-utils on Busybox:
// "%-16s  %s" plus "  alias alias"): getent asks for AF_INET6 before AF_INET, so an IPv6
// /etc/hosts line answers first, then DNS AAAA (a container on an --ipv6 network), then the
// normal IPv4 resolution. Exit 2 when a key is not found.
// nslookup queries DNS directly (no /etc/hosts), the given server or the first nameserver:
// bind9 9.18 format on GNU ("Address:\t127.0.0.11#53"), busybox 1.36 format on Busybox
// ("Address:\t127.0.0.11:53", then a second block for its AAAA query). Both send the AAAA
// query once the A query has been answered (busybox really sends both at once): Docker's DNS
// answers it for a container on an --ipv6 network, and with an empty NOERROR for an IPv4-only
// name (busybox: "*** Can't find web: No answer"; bind9 prints nothing for it).
// Timeouts: bind9 tries 3 times 5 s, busybox 2 times 2.5 s. An address operand is a reverse
// lookup (nslookup_reverse.cpp).
#include "sim/tools/commands.hpp"
#include "sim/tools/nslookup_reverse.hpp"
#include "sim/tools/resolver.hpp"

namespace sim::tools {

namespace {

std::string fileOf(const ToolContext& ctx, const std::string& path) {
    auto it = ctx.files.find(path);
    return it == ctx.files.end() ? std::string() : it->second;
}

std::string hostsLine(bool musl, const std::string& address, const std::vector<std::string>& names) {
    std::string s = musl ? padRight(address, 16) + "  " + names.front() : padRight(address, 15) + " " + names.front();
    for (std::size_t i = 1; i < names.size(); ++i) s += (musl && i == 1 ? "  " : " ") + names[i];
    return s + "\n";
}

}  // namespace

ToolResult runGetent(ToolContext& ctx, const Args& argv) {
    const bool musl = ctx.flavor == Flavor::Busybox;
    if (argv.size() < 2) return failure("Usage: getent [OPTION...] database [key ...]\n", 1);
    if (argv[1] != "hosts" && argv[1] != "ahosts" && argv[1] != "ahostsv4")
        return failure("Unknown database: " + argv[1] + "\nTry `getent --help' or `getent --usage' for more information.\n", 1);
    const auto entries = parseHosts(fileOf(ctx, "/etc/hosts"));
    std::string out;
    if (argv.size() == 2) {
        for (const auto& e : entries) out += hostsLine(musl, e.address, e.names);
        return ok(out);
    }
    int exitCode = 0;
    for (std::size_t k = 2; k < argv.size(); ++k) {
        const std::string& key = argv[k];
        const std::string wanted = toLower(key);
        bool found = false;
        for (const auto& e : entries) {
            if (e.address.find(':') == std::string::npos) continue;
            for (const auto& n : e.names) {
                if (toLower(n) != wanted) continue;
                out += hostsLine(musl, e.address, e.names);
                found = true;
                break;
            }
            if (found) break;
        }
        if (found) continue;
        if (const auto six = resolveHostDns6(ctx, key)) {
            out += hostsLine(musl, six->addresses6.front().toString(), {six->ownerName});
            continue;
        }
        const Resolution r = resolveHost(ctx, key);
        if (r.status != ResolveStatus::Ok) {
            exitCode = 2;
            continue;
        }
        std::vector<std::string> names{r.canonicalName};
        names.insert(names.end(), r.aliases.begin(), r.aliases.end());
        out += hostsLine(musl, r.address.toString(), names);
    }
    return ToolResult{out, {}, exitCode};
}

ToolResult runNslookup(ToolContext& ctx, const Args& argv) {
    const bool busybox = ctx.flavor == Flavor::Busybox;
    std::vector<std::string> operands;
    for (std::size_t i = 1; i < argv.size(); ++i)
        if (!startsWith(argv[i], "-")) operands.push_back(argv[i]);
    if (operands.empty()) {
        if (busybox) return failure("BusyBox v1.36.1 multi-call binary.\n\nUsage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n", 1);
        return failure("docknet: nslookup: interactive mode is not modelled\n", 127);
    }
    const std::string& name = operands[0];
    wire::Ipv4Address server;
    if (operands.size() > 1) {
        const Resolution s = resolveHost(ctx, operands[1]);
        if (s.status != ResolveStatus::Ok) {
            if (busybox) return failure("nslookup: bad address '" + operands[1] + "'\n", 1);
            return failure("nslookup: couldn't get address for '" + operands[1] + "': not found\n", 1);
        }
        server = s.address;
    } else {
        server = parseResolvConf(fileOf(ctx, "/etc/resolv.conf")).nameservers.front();
    }
    if (auto address = wire::Ipv4Address::parse(name)) return nslookupReverse(ctx, *address, server);
    const std::string serverText = server.toString();
    std::string out = "Server:\t\t" + serverText + "\n" + "Address:\t" + serverText + (busybox ? ":53" : "#53") + "\n\n";

    const int tries = busybox ? 2 : 3;
    const core::Duration perTry = busybox ? core::millis(2500) : core::seconds(5);
    DnsReply reply;
    std::string commErrors;  // bind9 prints the header only once a reply came
    for (int t = 0; t < tries; ++t) {
        reply = queryDns(ctx, {server}, name, perTry);
        if (reply.kind != DnsReply::Kind::Timeout && reply.kind != DnsReply::Kind::Unreachable) break;
        commErrors += ";; communications error to " + serverText + "#53: timed out\n";
    }
    if (!busybox) out = commErrors + out;
    // The AAAA query, through the same server and tries, once the A query was answered.
    auto aaaaQuery = [&] {
        DnsReply r;
        for (int t = 0; t < tries; ++t) {
            r = queryDns(ctx, {server}, name, perTry, wire::kDnsTypeAaaa);
            if (r.kind != DnsReply::Kind::Timeout && r.kind != DnsReply::Kind::Unreachable) break;
        }
        return r;
    };
    auto answerLines = [&](const DnsReply& r) {
        std::string s;
        const std::string owner = r.ownerName.empty() ? name : r.ownerName;
        for (auto a : r.addresses) s += "Name:\t" + owner + "\nAddress: " + a.toString() + "\n";
        for (auto a : r.addresses6) s += "Name:\t" + owner + "\nAddress: " + a.toString() + "\n";
        return s;
    };
    const std::string noAnswer = "Non-authoritative answer:\n*** Can't find " + name + ": No answer\n\n";
    switch (reply.kind) {
        case DnsReply::Kind::Answer: {
            const DnsReply six = aaaaQuery();
            if (busybox) {
                out += "Non-authoritative answer:\n" + answerLines(reply) + "\n";
                out += six.kind == DnsReply::Kind::Answer ? "Non-authoritative answer:\n" + answerLines(six) + "\n" : noAnswer;
                return ok(out);
            }
            std::string block = "Non-authoritative answer:\n" + answerLines(reply);
            if (six.kind == DnsReply::Kind::Answer) block += answerLines(six);
            return ok(out + block + "\n");
        }
        case DnsReply::Kind::NoData: {
            const DnsReply six = aaaaQuery();
            if (six.kind == DnsReply::Kind::Answer) {
                if (busybox) return ok(out + noAnswer + "Non-authoritative answer:\n" + answerLines(six) + "\n");
                return ok(out + "Non-authoritative answer:\n" + answerLines(six) + "\n");
            }
            if (busybox) return ok(out + noAnswer + noAnswer);
            return ToolResult{out + noAnswer, {}, 1};
        }
        case DnsReply::Kind::NxDomain:
        case DnsReply::Kind::ServFail:
        case DnsReply::Kind::Refused: {
            const std::string rcode = reply.kind == DnsReply::Kind::NxDomain ? "NXDOMAIN"
                                      : reply.kind == DnsReply::Kind::ServFail ? "SERVFAIL" : "REFUSED";
            const std::string line = "** server can't find " + name + ": " + rcode + "\n\n";
            if (busybox) {
                const DnsReply six = aaaaQuery();
                return ToolResult{out + line + (six.kind == reply.kind ? line : std::string()), {}, 1};
            }
            return ToolResult{out + line, {}, 1};
        }
        case DnsReply::Kind::Timeout:
        case DnsReply::Kind::Unreachable:
            break;
    }
    if (busybox) return ToolResult{";; connection timed out; no servers could be reached\n\n", {}, 1};
    return ToolResult{commErrors + ";; no servers could be reached\n\n", {}, 1};
}

}  // namespace sim::tools
