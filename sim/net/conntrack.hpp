// Conntrack: one namespace's connection tracking table. Each connection has an original and a
// reply tuple; NAT is expressed the way netfilter expresses it, by making the reply tuple differ
// from the inverted original (DNAT changes the reply's source, SNAT/MASQUERADE its destination).
// Every later packet of the flow, in either direction, is rewritten from the tuples alone.
// ICMP echo uses the echo id as its "port": (src, dst, id, 0), replies (src, dst, 0, id).
// Timeouts (lazy): ICMP 30 s, UDP 30 s (120 s once replied), TCP 120 s unreplied, 5 days
// established (nf_conntrack_*_timeout defaults).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "sim/core/sim_time.hpp"
#include "sim/wire/ipv4_address.hpp"
#include "sim/wire/ipv4_packet.hpp"

namespace sim::net {

struct ConnTuple {
    wire::IpProtocol protocol = wire::IpProtocol::Icmp;
    wire::Ipv4Address src;
    wire::Ipv4Address dst;
    std::uint16_t sport = 0;
    std::uint16_t dport = 0;

    [[nodiscard]] ConnTuple inverted() const { return ConnTuple{protocol, dst, src, dport, sport}; }
    [[nodiscard]] std::string toString() const;
    bool operator==(const ConnTuple&) const = default;
};

struct ConnTupleHash {
    std::size_t operator()(const ConnTuple& t) const noexcept;
};

enum class ConnDirection : std::uint8_t { Original, Reply };

struct ConnEntry {
    std::uint64_t id = 0;
    ConnTuple original;
    ConnTuple reply;
    bool seenReply = false;
    core::SimTime expires;

    [[nodiscard]] bool isDnat() const { return reply.src != original.dst || reply.sport != original.dport; }
    [[nodiscard]] bool isSnat() const { return reply.dst != original.src || reply.dport != original.sport; }
};

struct ConnLookup {
    ConnEntry* entry = nullptr;
    ConnDirection direction = ConnDirection::Original;
};

class Conntrack {
public:
    /// The tuple a packet presents (for ICMP errors: none; they are matched through their quote).
    static std::optional<ConnTuple> tupleOf(const wire::Ipv4Packet& p);

    ConnLookup lookup(const ConnTuple& t, core::SimTime now);
    ConnEntry* byId(std::uint64_t id);
    /// Adds a connection whose reply tuple is `reply` (the inverted original when no NAT).
    /// Returns nullptr when the reply tuple is taken by another connection.
    ConnEntry* create(const ConnTuple& original, const ConnTuple& reply, core::SimTime now);
    /// Changes the reply tuple (SNAT decided at POSTROUTING); false when another connection has it.
    bool updateReply(ConnEntry& e, const ConnTuple& reply, core::SimTime now);
    /// Refreshes the timeout after a packet in `dir`.
    void touch(ConnEntry& e, ConnDirection dir, core::SimTime now);
    /// True when a live connection uses `reply` as its original or its reply tuple
    /// (nf_conntrack_tuple_taken looks in both directions).
    [[nodiscard]] bool isReplyTupleTaken(const ConnTuple& reply, core::SimTime now);
    /// Live entries in creation order (`conntrack -L`).
    [[nodiscard]] std::vector<ConnEntry> entries(core::SimTime now) const;
    void clear();

private:
    void erase(std::uint64_t id);
    bool isTupleTaken(const ConnTuple& t, core::SimTime now, std::uint64_t ignoreId);
    static core::Duration timeoutFor(const ConnEntry& e);

    std::unordered_map<std::uint64_t, ConnEntry> m_entries;
    std::unordered_map<ConnTuple, std::uint64_t, ConnTupleHash> m_byOriginal;
    std::unordered_map<ConnTuple, std::uint64_t, ConnTupleHash> m_byReply;
    std::uint64_t m_nextId = 1;
};

}  // namespace sim::net
