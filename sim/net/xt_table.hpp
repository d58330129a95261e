// XtTable: an iptables table (filter or nat) as data: built-in and user chains of rules with the
// matches Docker's rules use (-p, -s, -d, -i, -o, --dport, -m addrtype --dst-type LOCAL,
// -m conntrack --ctstate) and the targets ACCEPT, DROP, RETURN, jump, DNAT, SNAT, MASQUERADE.
// Evaluation follows iptables: first matching terminal rule wins, RETURN pops back to the
// caller, the end of a built-in chain applies its policy. The same data renders as
// `iptables -S` text and as nftables rules for the kernel backend.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "sim/core/error.hpp"
#include "sim/wire/ipv4_address.hpp"
#include "sim/wire/ipv4_packet.hpp"

namespace sim::net {

enum class XtTableKind : std::uint8_t { Filter, Nat };

namespace ct_state {
inline constexpr std::uint8_t New = 1;
inline constexpr std::uint8_t Established = 2;
inline constexpr std::uint8_t Related = 4;
inline constexpr std::uint8_t Invalid = 8;
}  // namespace ct_state

struct IfaceMatch {
    std::string name;  // a trailing '+' matches every name with that prefix ("veth+")
    bool negate = false;
    bool operator==(const IfaceMatch&) const = default;
    [[nodiscard]] bool matches(std::string_view ifname) const;
};

struct PrefixMatch {
    wire::Ipv4Prefix prefix;
    bool negate = false;
    bool operator==(const PrefixMatch&) const = default;
};

struct RuleMatch {
    std::optional<wire::IpProtocol> protocol;
    std::optional<PrefixMatch> src;
    std::optional<PrefixMatch> dst;
    std::optional<IfaceMatch> in;
    std::optional<IfaceMatch> out;
    std::optional<std::uint16_t> dport;
    std::optional<bool> dstTypeLocal;  // true: --dst-type LOCAL; false: ! --dst-type LOCAL
    std::uint8_t ctstate = 0;          // 0: no conntrack match
    bool operator==(const RuleMatch&) const = default;
};

namespace target {
struct Accept { bool operator==(const Accept&) const = default; };
struct Drop { bool operator==(const Drop&) const = default; };
struct Return { bool operator==(const Return&) const = default; };
struct Jump { std::string chain; bool operator==(const Jump&) const = default; };
struct Dnat { wire::Ipv4Address address; std::optional<std::uint16_t> port; bool operator==(const Dnat&) const = default; };
struct Snat { wire::Ipv4Address address; bool operator==(const Snat&) const = default; };
struct Masquerade { bool operator==(const Masquerade&) const = default; };
}  // namespace target

using RuleTarget = std::variant<target::Accept, target::Drop, target::Return, target::Jump, target::Dnat, target::Snat,
                                target::Masquerade>;

/// What `iptables -L -v` shows per rule and per built-in chain's policy: how many packets (and
/// their IP bytes) it matched. The kernel counts every rule a packet matches on its way, a
/// jump and a RETURN included; a policy counts the packets it decided.
struct XtCounters {
    std::uint64_t packets = 0;
    std::uint64_t bytes = 0;
    void add(std::uint64_t length) {
        ++packets;
        bytes += length;
    }
    bool operator==(const XtCounters&) const = default;
};

struct XtRule {
    RuleMatch match;
    RuleTarget target;
    XtCounters counters;
    /// The rule as written: `iptables -D` and `-C` find a rule whatever it has counted.
    bool operator==(const XtRule& o) const { return match == o.match && target == o.target; }
};

struct XtChain {
    std::string name;
    bool builtin = false;
    bool policyAccept = true;  // built-in chains only
    std::vector<XtRule> rules;
    XtCounters policy;  // built-in chains only
};

/// What the evaluator sees of a packet.
struct PacketView {
    wire::IpProtocol protocol = wire::IpProtocol::Icmp;
    wire::Ipv4Address src;
    wire::Ipv4Address dst;
    std::uint16_t sport = 0;
    std::uint16_t dport = 0;
    std::string_view in;   // empty when not known at this hook (OUTPUT)
    std::string_view out;  // empty when not known at this hook (PREROUTING)
    bool dstIsLocal = false;
    std::uint8_t ctstate = ct_state::New;
    std::uint32_t length = 0;  // the IP packet's total length, for the byte counters
};

struct XtVerdict {
    bool accept = true;
    /// For the nat table: the DNAT/SNAT/MASQUERADE target that matched, if any.
    std::optional<RuleTarget> nat;
    /// "DOCKER #1" style: the chain and 1-based rule number that decided, empty for a policy.
    std::string decidedBy;
};

class XtTable {
public:
    explicit XtTable(XtTableKind kind);

    [[nodiscard]] XtTableKind kind() const { return m_kind; }
    /// iptables -N. "iptables: Chain already exists."
    core::Result<void> newChain(const std::string& name);
    /// iptables -X (the chain must be empty and unreferenced).
    core::Result<void> deleteChain(const std::string& name);
    /// iptables -A / -I (position is 1-based, as iptables numbers rules).
    core::Result<void> append(const std::string& chain, XtRule rule);
    core::Result<void> insert(const std::string& chain, std::size_t position, XtRule rule);
    /// iptables -D with a rule spec. "iptables: Bad rule (does a matching rule exist in that chain?)."
    core::Result<void> remove(const std::string& chain, const XtRule& rule);
    /// iptables -D CHAIN N (1-based). "iptables: Index of deletion too big."
    core::Result<void> removeAt(const std::string& chain, std::size_t position);
    core::Result<void> flush(const std::string& chain);
    core::Result<void> setPolicy(const std::string& chain, bool accept);
    [[nodiscard]] bool hasChain(const std::string& name) const;
    [[nodiscard]] bool contains(const std::string& chain, const XtRule& rule) const;

    /// Built-in chains first in iptables' order, then user chains by name.
    [[nodiscard]] const std::vector<XtChain>& chains() const { return m_chains; }
    [[nodiscard]] const XtChain* chain(std::string_view name) const;

    /// Walks `builtinChain` for the packet, counting it on every rule it matches.
    XtVerdict evaluate(std::string_view builtinChain, const PacketView& p);
    /// The same walk without counting (what a packet would meet).
    [[nodiscard]] XtVerdict peek(std::string_view builtinChain, const PacketView& p) const;
    /// iptables -Z [CHAIN]: every counter (of CHAIN) back to 0. "iptables: No chain/target/match by that name."
    core::Result<void> zero(std::optional<std::string_view> chain = std::nullopt);

private:
    XtChain* find(std::string_view name);
    /// A rule (or, with rule == npos, a policy) the packet matched on its way.
    struct Hit {
        std::size_t chain;
        std::size_t rule;
    };
    /// The walk itself; the matched rules go to `hits` when it is given (evaluate counts them).
    [[nodiscard]] XtVerdict walk(std::string_view builtinChain, const PacketView& p, std::vector<Hit>* hits) const;
    [[nodiscard]] static bool matches(const RuleMatch& m, const PacketView& p);

    XtTableKind m_kind;
    std::vector<XtChain> m_chains;
};

}  // namespace sim::net
