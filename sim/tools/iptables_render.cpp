#include "sim/tools/iptables_render.hpp"

#include <variant>

namespace sim::tools {

namespace {

std::string protoName(const std::optional<wire::IpProtocol>& p) {
    if (!p) return "all";
    switch (*p) {
        case wire::IpProtocol::Tcp: return "tcp";
        case wire::IpProtocol::Udp: return "udp";
        case wire::IpProtocol::Icmp: return "icmp";
    }
    return std::to_string(static_cast<int>(*p));
}

/// conntrack's print order: INVALID,NEW,RELATED,ESTABLISHED.
std::string ctstateText(std::uint8_t s) {
    std::string out;
    auto add = [&](std::uint8_t bit, const char* name) {
        if (s & bit) out += (out.empty() ? "" : ",") + std::string(name);
    };
    add(net::ct_state::Invalid, "INVALID");
    add(net::ct_state::New, "NEW");
    add(net::ct_state::Related, "RELATED");
    add(net::ct_state::Established, "ESTABLISHED");
    return out;
}

std::string pad(std::string_view s, std::size_t width) {
    std::string out(s);
    if (out.size() < width) out.append(width - out.size(), ' ');
    return out;
}

std::string targetName(const net::RuleTarget& t) {
    return std::visit(
        [](const auto& v) -> std::string {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, net::target::Accept>) return "ACCEPT";
            else if constexpr (std::is_same_v<T, net::target::Drop>) return "DROP";
            else if constexpr (std::is_same_v<T, net::target::Return>) return "RETURN";
            else if constexpr (std::is_same_v<T, net::target::Jump>) return v.chain;
            else if constexpr (std::is_same_v<T, net::target::Dnat>) return "DNAT";
            else if constexpr (std::is_same_v<T, net::target::Snat>) return "SNAT";
            else return "MASQUERADE";
        },
        t);
}

std::string dnatDestination(const net::target::Dnat& d) {
    return d.address.toString() + (d.port ? ":" + std::to_string(*d.port) : "");
}

std::string serviceName(std::uint16_t port) {
    switch (port) {
        case 22: return "ssh";
        case 53: return "domain";
        case 80: return "http";
        case 443: return "https";
        case 3306: return "mysql";
        case 5432: return "postgresql";
        case 8080: return "http-alt";
        default: return std::to_string(port);
    }
}

std::size_t references(const net::XtTable& table, std::string_view chain) {
    std::size_t n = 0;
    for (const auto& c : table.chains())
        for (const auto& r : c.rules)
            if (const auto* j = std::get_if<net::target::Jump>(&r.target); j && j->chain == chain) ++n;
    return n;
}

std::string listAddress(const std::optional<net::PrefixMatch>& m, bool numeric) {
    std::string s = m && m->negate ? "!" : " ";
    if (!m || m->prefix.length() == 0) return s + pad(numeric ? "0.0.0.0/0" : "anywhere", 19) + " ";
    std::string text = m->prefix.networkAddress().toString();
    if (m->prefix.length() != 32) text += "/" + std::to_string(m->prefix.length());
    return s + pad(text, 19) + " ";
}

std::string listIface(const std::optional<net::IfaceMatch>& m, bool numeric) {
    if (!m) return numeric ? "*" : "any";
    return (m->negate ? "!" : "") + m->name;
}

std::string listRule(const net::XtRule& r, std::size_t number, const ListOptions& o) {
    const auto& m = r.match;
    std::string s;
    if (o.lineNumbers) s += pad(std::to_string(number), 4) + " ";
    if (o.verbose) s += counterText(r.counters.packets, o.exact) + " " + counterText(r.counters.bytes, o.exact) + " ";
    s += pad(targetName(r.target), 9) + " " + " " + pad(protoName(m.protocol), 5) + "-- ";
    if (o.verbose) s += " " + pad(listIface(m.in, o.numeric), 6) + " " + pad(listIface(m.out, o.numeric), 6) + " ";
    s += listAddress(m.src, o.numeric) + listAddress(m.dst, o.numeric);
    if (m.dport && m.protocol) {
        s += " " + protoName(m.protocol) + " dpt:" + (o.numeric ? std::to_string(*m.dport) : serviceName(*m.dport));
    }
    if (m.dstTypeLocal) s += std::string(" ADDRTYPE match dst-type ") + (*m.dstTypeLocal ? "" : "!") + "LOCAL";
    if (m.ctstate) s += " ctstate " + ctstateText(m.ctstate);
    if (const auto* d = std::get_if<net::target::Dnat>(&r.target)) s += " to:" + dnatDestination(*d);
    if (const auto* sn = std::get_if<net::target::Snat>(&r.target)) s += " to:" + sn->address.toString();
    return s + "\n";
}

std::string listChain(const net::XtTable& table, const net::XtChain& c, const ListOptions& o) {
    std::string s = "Chain " + c.name;
    if (c.builtin)
        s += std::string(" (policy ") + (c.policyAccept ? "ACCEPT" : "DROP") +
             (o.verbose ? " " + counterText(c.policy.packets, o.exact, false) + " packets, " +
                              counterText(c.policy.bytes, o.exact, false) + " bytes)\n"
                        : ")\n");
    else s += " (" + std::to_string(references(table, c.name)) + " references)\n";
    if (o.lineNumbers) s += "num  ";
    if (o.verbose) s += o.exact ? "    pkts    bytes " : " pkts bytes ";
    s += "target     prot opt ";
    if (o.verbose) s += "in     out     ";
    s += "source               destination         \n";
    std::size_t n = 0;
    for (const auto& r : c.rules) s += listRule(r, ++n, o);
    return s;
}

}  // namespace

std::string counterText(std::uint64_t n, bool exact, bool inTable) {
    // iptables' xtables_print_num.
    auto padded = [inTable](std::string text, std::size_t width) {
        return inTable && text.size() < width ? std::string(width - text.size(), ' ') + text : text;
    };
    if (exact) return padded(std::to_string(n), 8);
    if (n <= 99999) return padded(std::to_string(n), 5);
    for (const char unit : {'K', 'M', 'G'}) {
        n = (n + 500) / 1000;
        if (n <= 9999) return padded(std::to_string(n) + unit, 5);
    }
    n = (n + 500) / 1000;
    return padded(std::to_string(n) + 'T', 5);
}

std::string_view tableName(net::XtTableKind kind) { return kind == net::XtTableKind::Nat ? "nat" : "filter"; }

std::string ruleSpec(const net::XtRule& rule) {
    const auto& m = rule.match;
    std::string s;
    auto add = [&](bool negate, const std::string& opt, const std::string& value) {
        if (!s.empty()) s += " ";
        s += (negate ? "! " : "") + opt + " " + value;
    };
    auto prefix = [](const wire::Ipv4Prefix& p) { return p.networkAddress().toString() + "/" + std::to_string(p.length()); };
    if (m.src) add(m.src->negate, "-s", prefix(m.src->prefix));
    if (m.dst) add(m.dst->negate, "-d", prefix(m.dst->prefix));
    if (m.in) add(m.in->negate, "-i", m.in->name);
    if (m.out) add(m.out->negate, "-o", m.out->name);
    if (m.protocol) add(false, "-p", protoName(m.protocol));
    if (m.protocol && m.dport) add(false, "-m " + protoName(m.protocol) + " --dport", std::to_string(*m.dport));
    if (m.dstTypeLocal) add(false, "-m addrtype" + std::string(*m.dstTypeLocal ? "" : " !") + " --dst-type", "LOCAL");
    if (m.ctstate) add(false, "-m conntrack --ctstate", ctstateText(m.ctstate));
    add(false, "-j", targetName(rule.target));
    if (const auto* d = std::get_if<net::target::Dnat>(&rule.target)) s += " --to-destination " + dnatDestination(*d);
    if (const auto* sn = std::get_if<net::target::Snat>(&rule.target)) s += " --to-source " + sn->address.toString();
    return s;
}

std::optional<std::string> renderSave(const net::XtTable& table, std::optional<std::string_view> chain) {
    std::string heads, rules;
    bool found = !chain;
    for (const auto& c : table.chains()) {
        if (chain && c.name != *chain) continue;
        found = true;
        if (c.builtin) heads += "-P " + c.name + (c.policyAccept ? " ACCEPT\n" : " DROP\n");
    }
    // User chains ("-N") follow every policy line.
    if (!found) return std::nullopt;
    for (const auto& c : table.chains())
        if (!c.builtin && (!chain || c.name == *chain)) heads += "-N " + c.name + "\n";
    for (const auto& c : table.chains()) {
        if (chain && c.name != *chain) continue;
        for (const auto& r : c.rules) rules += "-A " + c.name + " " + ruleSpec(r) + "\n";
    }
    return heads + rules;
}

std::optional<std::string> renderList(const net::XtTable& table, std::optional<std::string_view> chain, ListOptions options) {
    std::string out;
    bool found = false;
    for (const auto& c : table.chains()) {
        if (chain && c.name != *chain) continue;
        if (found) out += "\n";
        found = true;
        out += listChain(table, c, options);
    }
    if (!found) return std::nullopt;
    return out;
}

}  // namespace sim::tools
