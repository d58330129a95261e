// EthernetFrame (Ethernet II): destination, source and a typed payload (ARP or IPv4). No VLAN
// tags, no FCS (as Linux hands frames to taps and pcap).
#pragma once

#include <cstdint>
#include <string>
#include <variant>

#include "sim/core/error.hpp"
#include "sim/wire/arp_packet.hpp"
#include "sim/wire/bytes.hpp"
#include "sim/wire/ipv4_packet.hpp"
#include "sim/wire/mac_address.hpp"

namespace sim::wire {

enum class EtherType : std::uint16_t { Ipv4 = 0x0800, Arp = 0x0806 };

struct EthernetFrame {
    MacAddress dst;
    MacAddress src;
    std::variant<ArpPacket, Ipv4Packet> payload;

    [[nodiscard]] EtherType etherType() const;
    [[nodiscard]] bool isArp() const { return std::holds_alternative<ArpPacket>(payload); }
    [[nodiscard]] bool isIpv4() const { return std::holds_alternative<Ipv4Packet>(payload); }
    [[nodiscard]] const ArpPacket* arp() const { return std::get_if<ArpPacket>(&payload); }
    [[nodiscard]] const Ipv4Packet* ipv4() const { return std::get_if<Ipv4Packet>(&payload); }
    [[nodiscard]] ArpPacket* arp() { return std::get_if<ArpPacket>(&payload); }
    [[nodiscard]] Ipv4Packet* ipv4() { return std::get_if<Ipv4Packet>(&payload); }

    /// The payload's summary (tcpdump without -e).
    [[nodiscard]] std::string summary() const;
    /// With link-level header, like `tcpdump -e`:
    /// "02:42:ac:11:00:02 > ff:ff:ff:ff:ff:ff, ARP, Request who-has 172.17.0.3 tell 172.17.0.2".
    [[nodiscard]] std::string summaryWithMacs() const;
    /// 14-octet header + payload, padded to the 60-octet Ethernet minimum.
    [[nodiscard]] Bytes encode() const;
    /// Accepts padding after the payload. Errors: shorter than 14 octets, unsupported EtherType,
    /// or the payload's own error.
    static core::Result<EthernetFrame> decode(ByteView data);

    bool operator==(const EthernetFrame&) const = default;
};

}  // namespace sim::wire
