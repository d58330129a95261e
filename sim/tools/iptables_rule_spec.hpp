// The rule specification of `iptables -A/-I/-D/-C CHAIN spec` (iptables 1.8.9, nf_tables), read
// into an XtRule: the options `iptables -S` prints (ruleSpec), with their negations and long
// forms: [!] -s/-d ADDR[/LEN], [!] -i/-o IFACE, -p tcp|udp|icmp|all, -m tcp|udp --dport PORT
// (-p tcp loads the tcp match by itself, as iptables does), -m addrtype [!] --dst-type LOCAL,
// -m conntrack --ctstate LIST, -j ACCEPT|DROP|RETURN|CHAIN|DNAT --to-destination IP[:PORT]|
// SNAT --to-source IP|MASQUERADE. Anything else is refused with iptables' words (an option the
// model cannot obey must never be accepted and ignored).
#pragma once

#include <string>
#include <vector>

#include "sim/core/error.hpp"
#include "sim/net/xt_table.hpp"

namespace sim::tools {

/// The words after the chain (and, for -I, the position). Errors carry iptables' full message
/// (with its "Try `iptables -h'..." line where iptables prints one) and its exit status.
struct RuleSpecError {
    std::string message;
    int exitCode = 2;
};

std::expected<net::XtRule, RuleSpecError> parseRuleSpec(const std::vector<std::string>& words, net::XtTableKind table);

}  // namespace sim::tools
