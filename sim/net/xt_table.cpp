#include "sim/net/xt_table.hpp"

#include <algorithm>

namespace sim::net {

namespace {
core::Unexpected noChain() { return core::fail(core::ErrorCode::NotFound, "iptables: No chain/target/match by that name."); }
}  // namespace

bool IfaceMatch::matches(std::string_view ifname) const {
    bool hit;
    if (!name.empty() && name.back() == '+')
        hit = ifname.substr(0, name.size() - 1) == std::string_view(name).substr(0, name.size() - 1);
    else
        hit = ifname == name;
    return hit != negate;
}

XtTable::XtTable(XtTableKind kind) : m_kind(kind) {
    auto builtin = [this](const char* n) { m_chains.push_back(XtChain{n, true, true, {}}); };
    if (kind == XtTableKind::Filter) {
        builtin("INPUT");
        builtin("FORWARD");
        builtin("OUTPUT");
    } else {
        builtin("PREROUTING");
        builtin("INPUT");
        builtin("OUTPUT");
        builtin("POSTROUTING");
    }
}

XtChain* XtTable::find(std::string_view name) {
    for (auto& c : m_chains)
        if (c.name == name) return &c;
    return nullptr;
}

const XtChain* XtTable::chain(std::string_view name) const {
    for (const auto& c : m_chains)
        if (c.name == name) return &c;
    return nullptr;
}

bool XtTable::hasChain(const std::string& name) const { return chain(name) != nullptr; }

core::Result<void> XtTable::newChain(const std::string& name) {
    if (name.empty() || name.size() > 28)
        return core::fail(core::ErrorCode::InvalidArgument, "iptables v1.8.9 (nf_tables): chain name `" + name + "' too long (must be under 29 chars)");
    if (hasChain(name)) return core::fail(core::ErrorCode::AlreadyExists, "iptables: Chain already exists.");
    auto firstUser = std::find_if(m_chains.begin(), m_chains.end(), [&](const XtChain& c) { return !c.builtin && c.name > name; });
    m_chains.insert(firstUser, XtChain{name, false, true, {}});
    return {};
}

core::Result<void> XtTable::deleteChain(const std::string& name) {
    auto it = std::find_if(m_chains.begin(), m_chains.end(), [&](const XtChain& c) { return c.name == name; });
    if (it == m_chains.end()) return noChain();
    if (it->builtin) return core::fail(core::ErrorCode::Conflict, "iptables: Invalid argument. Run `dmesg' for more information.");
    if (!it->rules.empty()) return core::fail(core::ErrorCode::Conflict, "iptables: Directory not empty.");
    for (const auto& c : m_chains)
        for (const auto& r : c.rules)
            if (auto* j = std::get_if<target::Jump>(&r.target); j && j->chain == name)
                return core::fail(core::ErrorCode::Conflict, "iptables: Too many links.");
    m_chains.erase(it);
    return {};
}

core::Result<void> XtTable::append(const std::string& chainName, XtRule rule) {
    XtChain* c = find(chainName);
    if (!c) return noChain();
    if (auto* j = std::get_if<target::Jump>(&rule.target); j && !hasChain(j->chain)) return noChain();
    c->rules.push_back(std::move(rule));
    return {};
}

core::Result<void> XtTable::insert(const std::string& chainName, std::size_t position, XtRule rule) {
    XtChain* c = find(chainName);
    if (!c) return noChain();
    if (position < 1 || position > c->rules.size() + 1)
        return core::fail(core::ErrorCode::InvalidArgument, "iptables: Index of insertion too big.");
    if (auto* j = std::get_if<target::Jump>(&rule.target); j && !hasChain(j->chain)) return noChain();
    c->rules.insert(c->rules.begin() + static_cast<std::ptrdiff_t>(position - 1), std::move(rule));
    return {};
}

core::Result<void> XtTable::remove(const std::string& chainName, const XtRule& rule) {
    XtChain* c = find(chainName);
    if (!c) return noChain();
    auto it = std::find(c->rules.begin(), c->rules.end(), rule);
    if (it == c->rules.end())
        return core::fail(core::ErrorCode::NotFound, "iptables: Bad rule (does a matching rule exist in that chain?).");
    c->rules.erase(it);
    return {};
}

core::Result<void> XtTable::removeAt(const std::string& chainName, std::size_t position) {
    XtChain* c = find(chainName);
    if (!c) return noChain();
    if (position == 0 || position > c->rules.size())
        return core::fail(core::ErrorCode::InvalidArgument, "iptables: Index of deletion too big.");
    c->rules.erase(c->rules.begin() + static_cast<std::ptrdiff_t>(position - 1));
    return {};
}

core::Result<void> XtTable::flush(const std::string& chainName) {
    XtChain* c = find(chainName);
    if (!c) return noChain();
    c->rules.clear();
    return {};
}

core::Result<void> XtTable::setPolicy(const std::string& chainName, bool accept) {
    XtChain* c = find(chainName);
    if (!c) return noChain();
    if (!c->builtin) return core::fail(core::ErrorCode::InvalidArgument, "iptables: Bad built-in chain name.");
    c->policyAccept = accept;
    return {};
}

bool XtTable::contains(const std::string& chainName, const XtRule& rule) const {
    const XtChain* c = chain(chainName);
    return c && std::find(c->rules.begin(), c->rules.end(), rule) != c->rules.end();
}

bool XtTable::matches(const RuleMatch& m, const PacketView& p) {
    if (m.protocol && *m.protocol != p.protocol) return false;
    if (m.src && m.src->prefix.contains(p.src) == m.src->negate) return false;
    if (m.dst && m.dst->prefix.contains(p.dst) == m.dst->negate) return false;
    if (m.in && !m.in->matches(p.in)) return false;
    if (m.out && !m.out->matches(p.out)) return false;
    if (m.dport && (p.protocol == wire::IpProtocol::Icmp || *m.dport != p.dport)) return false;
    if (m.dstTypeLocal && *m.dstTypeLocal != p.dstIsLocal) return false;
    if (m.ctstate && (m.ctstate & p.ctstate) == 0) return false;
    return true;
}

XtVerdict XtTable::evaluate(std::string_view builtinChain, const PacketView& p) {
    std::vector<Hit> hits;
    XtVerdict v = walk(builtinChain, p, &hits);
    for (const Hit& h : hits) {
        XtChain& c = m_chains[h.chain];
        (h.rule == std::string::npos ? c.policy : c.rules[h.rule].counters).add(p.length);
    }
    return v;
}

XtVerdict XtTable::peek(std::string_view builtinChain, const PacketView& p) const { return walk(builtinChain, p, nullptr); }

core::Result<void> XtTable::zero(std::optional<std::string_view> chainName) {
    if (chainName && !find(*chainName)) return noChain();
    for (auto& c : m_chains) {
        if (chainName && c.name != *chainName) continue;
        c.policy = {};
        for (auto& r : c.rules) r.counters = {};
    }
    return {};
}

XtVerdict XtTable::walk(std::string_view builtinChain, const PacketView& p, std::vector<Hit>* hits) const {
    struct Frame {
        std::size_t chain;
        std::size_t next;
    };
    const auto indexOf = [this](std::string_view name) -> std::size_t {
        for (std::size_t i = 0; i < m_chains.size(); ++i)
            if (m_chains[i].name == name) return i;
        return std::string::npos;
    };
    const auto hit = [hits](std::size_t chain, std::size_t rule) {
        if (hits) hits->push_back(Hit{chain, rule});
    };
    const std::size_t start = indexOf(builtinChain);
    if (start == std::string::npos) return {};
    std::vector<Frame> stack{{start, 0}};
    // A jump loop is impossible to build through newChain/append (targets must exist, and a
    // chain cannot be deleted while referenced), but a bound keeps a bad table from hanging.
    for (int guard = 0; !stack.empty() && guard < 100000; ++guard) {
        Frame& f = stack.back();
        const XtChain& chain = m_chains[f.chain];
        if (f.next >= chain.rules.size()) {
            if (chain.builtin) {
                hit(f.chain, std::string::npos);
                return XtVerdict{chain.policyAccept, std::nullopt, {}};
            }
            stack.pop_back();
            continue;
        }
        const std::size_t index = f.next++;
        const XtRule& r = chain.rules[index];
        if (!matches(r.match, p)) continue;
        hit(f.chain, index);
        std::string by = chain.name + " #" + std::to_string(index + 1);
        if (std::holds_alternative<target::Accept>(r.target)) return XtVerdict{true, std::nullopt, by};
        if (std::holds_alternative<target::Drop>(r.target)) return XtVerdict{false, std::nullopt, by};
        if (std::holds_alternative<target::Return>(r.target)) {
            if (chain.builtin) {
                hit(f.chain, std::string::npos);
                return XtVerdict{chain.policyAccept, std::nullopt, by};
            }
            stack.pop_back();
            continue;
        }
        if (auto* j = std::get_if<target::Jump>(&r.target)) {
            if (const std::size_t c = indexOf(j->chain); c != std::string::npos) stack.push_back(Frame{c, 0});
            continue;
        }
        return XtVerdict{true, r.target, by};  // DNAT / SNAT / MASQUERADE
    }
    return {};
}

}  // namespace sim::net
