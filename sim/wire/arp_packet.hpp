// ArpPacket: RFC 826 for Ethernet/IPv4 only (htype 1, ptype 0x0800, hlen 6, plen 4).
#pragma once

#include <cstdint>
#include <string>

#include "sim/core/error.hpp"
#include "sim/wire/bytes.hpp"
#include "sim/wire/ipv4_address.hpp"
#include "sim/wire/mac_address.hpp"

namespace sim::wire {

enum class ArpOp : std::uint16_t { Request = 1, Reply = 2 };

struct ArpPacket {
    ArpOp op = ArpOp::Request;
    MacAddress senderMac;
    Ipv4Address senderIp;
    MacAddress targetMac;  // zero in a request
    Ipv4Address targetIp;

    static ArpPacket request(MacAddress senderMac, Ipv4Address senderIp, Ipv4Address targetIp);
    static ArpPacket reply(MacAddress senderMac, Ipv4Address senderIp, MacAddress targetMac, Ipv4Address targetIp);

    /// tcpdump's wording: "ARP, Request who-has 172.17.0.3 tell 172.17.0.2" /
    /// "ARP, Reply 172.17.0.3 is-at 02:42:ac:11:00:03".
    [[nodiscard]] std::string summary() const;
    /// The 28-octet ARP body.
    [[nodiscard]] Bytes encode() const;
    /// Errors: too short, unsupported hardware/protocol type, unknown opcode.
    static core::Result<ArpPacket> decode(ByteView data);

    bool operator==(const ArpPacket&) const = default;
};

}  // namespace sim::wire
