#include "sim/net/conntrack.hpp"

#include <algorithm>

namespace sim::net {

std::string ConnTuple::toString() const {
    const char* proto = protocol == wire::IpProtocol::Tcp ? "tcp" : protocol == wire::IpProtocol::Udp ? "udp" : "icmp";
    return std::string(proto) + " src=" + src.toString() + " dst=" + dst.toString() + " sport=" + std::to_string(sport) +
           " dport=" + std::to_string(dport);
}

std::size_t ConnTupleHash::operator()(const ConnTuple& t) const noexcept {
    std::uint64_t h = (std::uint64_t(t.src.value()) << 32) ^ t.dst.value();
    h ^= (std::uint64_t(t.sport) << 48) ^ (std::uint64_t(t.dport) << 16) ^ std::uint64_t(t.protocol);
    return std::hash<std::uint64_t>{}(h * 0x9e3779b97f4a7c15ULL);
}

std::optional<ConnTuple> Conntrack::tupleOf(const wire::Ipv4Packet& p) {
    ConnTuple t{p.protocol(), p.src, p.dst, 0, 0};
    if (const auto* icmp = std::get_if<wire::IcmpMessage>(&p.payload)) {
        if (icmp->type == wire::IcmpType::EchoRequest) t.sport = icmp->id;
        else if (icmp->type == wire::IcmpType::EchoReply) t.dport = icmp->id;
        else return std::nullopt;
    } else if (const auto* udp = std::get_if<wire::UdpDatagram>(&p.payload)) {
        t.sport = udp->srcPort;
        t.dport = udp->dstPort;
    } else if (const auto* tcp = std::get_if<wire::TcpSegment>(&p.payload)) {
        t.sport = tcp->srcPort;
        t.dport = tcp->dstPort;
    }
    return t;
}

core::Duration Conntrack::timeoutFor(const ConnEntry& e) {
    switch (e.original.protocol) {
        case wire::IpProtocol::Icmp: return core::seconds(30);
        case wire::IpProtocol::Udp: return e.seenReply ? core::seconds(120) : core::seconds(30);
        case wire::IpProtocol::Tcp: return e.seenReply ? core::seconds(5 * 24 * 3600) : core::seconds(120);
    }
    return core::seconds(30);
}

void Conntrack::erase(std::uint64_t id) {
    auto it = m_entries.find(id);
    if (it == m_entries.end()) return;
    m_byOriginal.erase(it->second.original);
    m_byReply.erase(it->second.reply);
    m_entries.erase(it);
}

ConnLookup Conntrack::lookup(const ConnTuple& t, core::SimTime now) {
    auto check = [&](auto& index, ConnDirection dir) -> ConnLookup {
        auto it = index.find(t);
        if (it == index.end()) return {};
        const std::uint64_t id = it->second;
        ConnEntry& e = m_entries.at(id);
        if (e.expires <= now) {
            erase(id);
            return {};
        }
        return ConnLookup{&e, dir};
    };
    if (auto r = check(m_byOriginal, ConnDirection::Original); r.entry) return r;
    return check(m_byReply, ConnDirection::Reply);
}

ConnEntry* Conntrack::byId(std::uint64_t id) {
    auto it = m_entries.find(id);
    return it == m_entries.end() ? nullptr : &it->second;
}

bool Conntrack::isTupleTaken(const ConnTuple& t, core::SimTime now, std::uint64_t ignoreId) {
    for (auto* index : {&m_byReply, &m_byOriginal}) {
        auto it = index->find(t);
        if (it == index->end() || it->second == ignoreId) continue;
        if (m_entries.at(it->second).expires <= now) {
            erase(it->second);
            continue;
        }
        return true;
    }
    return false;
}

bool Conntrack::isReplyTupleTaken(const ConnTuple& reply, core::SimTime now) { return isTupleTaken(reply, now, 0); }

ConnEntry* Conntrack::create(const ConnTuple& original, const ConnTuple& reply, core::SimTime now) {
    if (isReplyTupleTaken(reply, now)) return nullptr;
    if (auto it = m_byOriginal.find(original); it != m_byOriginal.end()) erase(it->second);
    const std::uint64_t id = m_nextId++;
    ConnEntry e{id, original, reply, false, {}};
    e.expires = now + timeoutFor(e);
    auto [it, ok] = m_entries.emplace(id, e);
    m_byOriginal.emplace(original, id);
    m_byReply.emplace(reply, id);
    return &it->second;
}

bool Conntrack::updateReply(ConnEntry& e, const ConnTuple& reply, core::SimTime now) {
    if (reply == e.reply) return true;
    if (isTupleTaken(reply, now, e.id)) return false;
    m_byReply.erase(e.reply);
    e.reply = reply;
    m_byReply.emplace(reply, e.id);
    return true;
}

void Conntrack::touch(ConnEntry& e, ConnDirection dir, core::SimTime now) {
    if (dir == ConnDirection::Reply) e.seenReply = true;
    e.expires = now + timeoutFor(e);
}

std::vector<ConnEntry> Conntrack::entries(core::SimTime now) const {
    std::vector<ConnEntry> out;
    for (const auto& [id, e] : m_entries)
        if (e.expires > now) out.push_back(e);
    std::sort(out.begin(), out.end(), [](const ConnEntry& a, const ConnEntry& b) { return a.id < b.id; });
    return out;
}

void Conntrack::clear() {
    m_entries.clear();
    m_byOriginal.clear();
    m_byReply.clear();
}

}  // namespace sim::net
