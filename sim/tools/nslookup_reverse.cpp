// nslookup ADDRESS: a reverse lookup, one PTR query for the in-addr.arpa name.
// bind9 9.18 (nslookup.c printmessage) prints the Server/Address header and the
// "Non-authoritative answer:" line only for A lookups when the query type was not chosen, so a
// reverse lookup shows just "<arpa name>\tname = <fqdn>." and the (empty) authority sections.
// busybox 1.36 sends the PTR query alone (no AAAA follow-up) and prints the header, then
// "<arpa name>\tname = <name>" without the trailing dot.
#include "sim/tools/commands.hpp"
#include "sim/tools/nslookup_reverse.hpp"

namespace sim::tools {

ToolResult nslookupReverse(ToolContext& ctx, wire::Ipv4Address address, wire::Ipv4Address server) {
    const bool busybox = ctx.flavor == Flavor::Busybox;
    const std::string serverText = server.toString();
    const std::string arpa = wire::reverseName(address);
    const int tries = busybox ? 2 : 3;
    const core::Duration perTry = busybox ? core::millis(2500) : core::seconds(5);
    DnsReply reply;
    std::string commErrors;
    for (int t = 0; t < tries; ++t) {
        reply = queryDns(ctx, {server}, arpa, perTry, wire::kDnsTypePtr);
        if (reply.kind != DnsReply::Kind::Timeout && reply.kind != DnsReply::Kind::Unreachable) break;
        commErrors += ";; communications error to " + serverText + "#53: timed out\n";
    }
    const std::string header = busybox ? "Server:\t\t" + serverText + "\nAddress:\t" + serverText + ":53\n\n" : "";
    switch (reply.kind) {
        case DnsReply::Kind::Answer: {
            std::string out = commErrors + header + (busybox ? "Non-authoritative answer:\n" : "");
            for (const auto& n : reply.names) out += arpa + "\tname = " + n + (busybox ? "" : ".") + "\n";
            out += busybox ? "\n" : "\nAuthoritative answers can be found from:\n\n";
            return ok(out);
        }
        case DnsReply::Kind::NoData:
            if (busybox) return ok(header + "Non-authoritative answer:\n*** Can't find " + arpa + ": No answer\n\n");
            return ToolResult{commErrors + "*** Can't find " + arpa + ": No answer\n\n", {}, 1};
        case DnsReply::Kind::NxDomain:
        case DnsReply::Kind::ServFail:
        case DnsReply::Kind::Refused: {
            const std::string rcode = reply.kind == DnsReply::Kind::NxDomain ? "NXDOMAIN"
                                      : reply.kind == DnsReply::Kind::ServFail ? "SERVFAIL" : "REFUSED";
            return ToolResult{commErrors + header + "** server can't find " + arpa + ": " + rcode + "\n\n", {}, 1};
        }
        case DnsReply::Kind::Timeout:
        case DnsReply::Kind::Unreachable:
            break;
    }
    if (busybox) return ToolResult{";; connection timed out; no servers could be reached\n\n", {}, 1};
    return ToolResult{commErrors + ";; no servers could be reached\n\n", {}, 1};
}

}  // namespace sim::tools
