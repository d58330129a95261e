// An XtTable as iptables prints it (iptables 1.8.9, the same text from the legacy and nf_tables
// backends):
//   -S: iptables-save syntax, "-P CHAIN POLICY" for built-in chains, "-N CHAIN" for user chains,
//       then "-A CHAIN spec" in chain order; the spec lists -s, -d, -i, -o, -p, then the matches
//       (-m tcp/udp --dport, -m addrtype --dst-type, -m conntrack --ctstate), then -j and the
//       target's options; addresses always carry their mask ("172.17.0.2/32"), as in docker-facts
//       §7.3.
//   -L: the listing: "Chain X (policy P)" / "Chain X (N references)", the header, one line per
//       rule (target padded to 9, protocol to 5, source and destination to 19, then the matches
//       "tcp dpt:80", "ADDRTYPE match dst-type LOCAL", "ctstate RELATED,ESTABLISHED" and target
//       options "to:172.17.0.2:80"), chains separated by a blank line. -n prints numbers; without
//       it 0.0.0.0/0 is "anywhere" and known ports get their /etc/services names. -v adds the
//       packet/byte counters (each rule's and each policy's, as the kernel counts them: see
//       XtCounters) in iptables' short form (12K, 3M above 99999; -x prints them exactly) and the
//       in/out columns; --line-numbers the "num" column.
// Kept apart from the iptables command so the kernel backend can render the same rules.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "sim/net/xt_table.hpp"

namespace sim::tools {

/// "-d 172.17.0.2/32 ! -i docker0 -o docker0 -p tcp -m tcp --dport 80 -j ACCEPT" (no "-A CHAIN").
std::string ruleSpec(const net::XtRule& rule);

/// `iptables [-t T] -S [CHAIN]`; nullopt when the chain does not exist.
std::optional<std::string> renderSave(const net::XtTable& table, std::optional<std::string_view> chain = std::nullopt);

struct ListOptions {
    bool numeric = false;      // -n
    bool verbose = false;      // -v
    bool lineNumbers = false;  // --line-numbers
    bool exact = false;        // -x: counters without K/M/G
};

/// A counter as iptables prints it: "%5llu" or with K, M, G, T (rounded) above 99999; with
/// `exact` "%8llu"; `inTable` false drops the padding (the policy line's "0 packets, 0 bytes").
std::string counterText(std::uint64_t n, bool exact, bool inTable = true);

/// `iptables [-t T] -L [CHAIN] [-n] [-v]`; nullopt when the chain does not exist.
std::optional<std::string> renderList(const net::XtTable& table, std::optional<std::string_view> chain, ListOptions options);

/// "filter" or "nat".
std::string_view tableName(net::XtTableKind kind);

}  // namespace sim::tools
