#include "sim/tools/iptables_rule_spec.hpp"

#include <charconv>

namespace sim::tools {

namespace {

const std::string kTry = "Try `iptables -h' or 'iptables --help' for more information.\n";

std::unexpected<RuleSpecError> problem(const std::string& text) {
    return std::unexpected(RuleSpecError{"iptables v1.8.9 (nf_tables): " + text + "\n" + kTry, 2});
}

std::optional<std::uint16_t> portNumber(const std::string& text) {
    // Service names iptables knows from /etc/services, for the ports Docker tutorials use.
    static const std::pair<const char*, std::uint16_t> kServices[] = {{"http", 80}, {"https", 443}, {"ssh", 22},
                                                                       {"domain", 53}, {"mysql", 3306}};
    for (const auto& [name, port] : kServices)
        if (text == name) return port;
    unsigned value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || value > 65535) return std::nullopt;
    return static_cast<std::uint16_t>(value);
}

std::optional<std::uint8_t> ctstates(const std::string& list) {
    std::uint8_t bits = 0;
    std::size_t start = 0;
    while (start <= list.size()) {
        const auto comma = list.find(',', start);
        const std::string s = list.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        if (s == "NEW") bits |= net::ct_state::New;
        else if (s == "ESTABLISHED") bits |= net::ct_state::Established;
        else if (s == "RELATED") bits |= net::ct_state::Related;
        else if (s == "INVALID") bits |= net::ct_state::Invalid;
        else return std::nullopt;
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    return bits;
}

}  // namespace

std::expected<net::XtRule, RuleSpecError> parseRuleSpec(const std::vector<std::string>& words, net::XtTableKind table) {
    net::XtRule rule;
    auto& m = rule.match;
    std::optional<std::string> jump;
    std::optional<std::string> toDestination, toSource;
    bool tcpUdpMatch = false, addrtypeMatch = false, conntrackMatch = false;
    bool negate = false;

    for (std::size_t i = 0; i < words.size(); ++i) {
        const std::string& w = words[i];
        if (w == "!") {
            negate = true;
            continue;
        }
        auto value = [&]() -> std::optional<std::string> {
            if (i + 1 >= words.size()) return std::nullopt;
            return words[++i];
        };
        auto needs = [&](const std::string& opt) { return problem("option \"" + opt + "\" requires an argument"); };
        const bool neg = negate;
        negate = false;
        if (w == "-s" || w == "--source" || w == "--src" || w == "-d" || w == "--destination" || w == "--dst") {
            const auto v = value();
            if (!v) return needs(w);
            auto prefix = wire::Ipv4Prefix::parseHostOrPrefix(*v);
            if (!prefix) return problem("host/network `" + *v + "' not found");
            // iptables keeps the network part: -s 172.17.0.5/16 is 172.17.0.0/16.
            const net::PrefixMatch pm{*prefix, neg};
            (w[1] == 's' || w == "--source" || w == "--src" ? m.src : m.dst) = pm;
        } else if (w == "-i" || w == "--in-interface" || w == "-o" || w == "--out-interface") {
            const auto v = value();
            if (!v) return needs(w);
            if (v->size() > 15) return problem("interface name `" + *v + "' must be shorter than IFNAMSIZ (15)");
            (w == "-i" || w == "--in-interface" ? m.in : m.out) = net::IfaceMatch{*v, neg};
        } else if (w == "-p" || w == "--protocol") {
            const auto v = value();
            if (!v) return needs(w);
            if (neg) return problem("negated protocols (! -p) are not modelled by docknet");
            if (*v == "tcp" || *v == "6") m.protocol = wire::IpProtocol::Tcp;
            else if (*v == "udp" || *v == "17") m.protocol = wire::IpProtocol::Udp;
            else if (*v == "icmp" || *v == "1") m.protocol = wire::IpProtocol::Icmp;
            else if (*v == "all" || *v == "0") m.protocol.reset();
            else return problem("unknown protocol \"" + *v + "\" specified");
            // `-p tcp` loads the tcp match, so --dport works without -m tcp.
            tcpUdpMatch = tcpUdpMatch || m.protocol == wire::IpProtocol::Tcp || m.protocol == wire::IpProtocol::Udp;
        } else if (w == "-m" || w == "--match") {
            const auto v = value();
            if (!v) return needs(w);
            if (*v == "tcp" || *v == "udp") {
                if (!m.protocol || (*v == "tcp") != (m.protocol == wire::IpProtocol::Tcp))
                    return std::unexpected(RuleSpecError{"iptables v1.8.9 (nf_tables): unknown option \"--dport\"\n" + kTry, 2});
                tcpUdpMatch = true;
            } else if (*v == "addrtype") {
                addrtypeMatch = true;
            } else if (*v == "conntrack") {
                conntrackMatch = true;
            } else {
                return std::unexpected(RuleSpecError{
                    "docknet: iptables: the match \"" + *v +
                        "\" is not modelled (docknet models -m tcp, udp, addrtype and conntrack: the matches Docker's rules use)\n",
                    2});
            }
        } else if (w == "--dport" || w == "--destination-port") {
            if (!tcpUdpMatch) return problem("unknown option \"" + w + "\"");
            const auto v = value();
            if (!v) return needs(w);
            if (neg) return problem("negated ports (! --dport) are not modelled by docknet");
            const auto port = portNumber(*v);
            if (!port) return problem("invalid port/service `" + *v + "' specified");
            m.dport = *port;
        } else if (w == "--dst-type") {
            if (!addrtypeMatch) return problem("unknown option \"" + w + "\"");
            const auto v = value();
            if (!v) return needs(w);
            if (*v != "LOCAL")
                return std::unexpected(RuleSpecError{"docknet: iptables: --dst-type " + *v + " is not modelled (only LOCAL)\n", 2});
            m.dstTypeLocal = !neg;
        } else if (w == "--ctstate") {
            if (!conntrackMatch) return problem("unknown option \"" + w + "\"");
            const auto v = value();
            if (!v) return needs(w);
            const auto bits = ctstates(*v);
            if (!bits) return problem("Bad ctstate \"" + *v + "\"");
            m.ctstate = *bits;
        } else if (w == "-j" || w == "--jump") {
            const auto v = value();
            if (!v) return needs(w);
            jump = *v;
        } else if (w == "--to-destination") {
            const auto v = value();
            if (!v) return needs(w);
            toDestination = *v;
        } else if (w == "--to-source") {
            const auto v = value();
            if (!v) return needs(w);
            toSource = *v;
        } else {
            return problem("unknown option \"" + w + "\"");
        }
    }
    if (negate) return problem("unknown option \"!\"");

    const bool nat = table == net::XtTableKind::Nat;
    const std::string target = jump.value_or("");
    if (toDestination && target != "DNAT") return problem("unknown option \"--to-destination\"");
    if (toSource && target != "SNAT") return problem("unknown option \"--to-source\"");
    if (target.empty()) {
        // A rule without -j only counts; docknet's rules always decide something.
        return std::unexpected(RuleSpecError{"docknet: iptables: a rule without -j (a counting-only rule) is not modelled\n", 2});
    } else if (target == "ACCEPT") {
        rule.target = net::target::Accept{};
    } else if (target == "DROP") {
        rule.target = net::target::Drop{};
    } else if (target == "RETURN") {
        rule.target = net::target::Return{};
    } else if (target == "DNAT" || target == "SNAT" || target == "MASQUERADE") {
        if (!nat)
            return std::unexpected(RuleSpecError{"iptables v1.8.9 (nf_tables): RULE_APPEND failed (Invalid argument): " + target +
                                                     " is only valid in the nat table\n",
                                                 4});
        if (target == "MASQUERADE") {
            rule.target = net::target::Masquerade{};
        } else if (target == "SNAT") {
            if (!toSource) return problem("You must specify --to-source");
            auto a = wire::Ipv4Address::parse(*toSource);
            if (!a) return problem("Bad IP address \"" + *toSource + "\"");
            rule.target = net::target::Snat{*a};
        } else {
            if (!toDestination) return problem("You must specify --to-destination");
            const auto colon = toDestination->find(':');
            auto a = wire::Ipv4Address::parse(toDestination->substr(0, colon));
            if (!a) return problem("Bad IP address \"" + toDestination->substr(0, colon) + "\"");
            std::optional<std::uint16_t> port;
            if (colon != std::string::npos) {
                port = portNumber(toDestination->substr(colon + 1));
                if (!port || *port == 0) return problem("Port `" + toDestination->substr(colon + 1) + "' not valid");
            }
            rule.target = net::target::Dnat{*a, port};
        }
    } else if (target == "REJECT" || target == "LOG" || target == "MARK" || target == "REDIRECT" || target == "TCPMSS") {
        return std::unexpected(RuleSpecError{"docknet: iptables: the target " + target +
                                                 " is not modelled (docknet models ACCEPT, DROP, RETURN, user chains, DNAT, SNAT "
                                                 "and MASQUERADE)\n",
                                             2});
    } else {
        rule.target = net::target::Jump{target};  // a user chain: the table checks that it exists
    }
    return rule;
}

}  // namespace sim::tools
