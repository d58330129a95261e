// The link and network layers (Ethernet II, ARP, IPv4); the transport layers are in
// dissect_transport.cpp. Offsets are absolute in the frame, so an IPv4-layer record (no
// Ethernet header) starts its IPv4 header at offset 0.
#include "trace/frame_dissector.hpp"

#include "trace/dissect_fields.hpp"
#include "trace/dissect_transport.hpp"
#include "sim/wire/bytes.hpp"

namespace docknet::gui {

namespace {

using namespace dissect;

constexpr std::size_t kEthernetHeader = 14;
constexpr std::size_t kArpBody = 28;
constexpr std::size_t kIpv4MinHeader = 20;
constexpr std::uint16_t kEtherTypeIpv4 = 0x0800;
constexpr std::uint16_t kEtherTypeArp = 0x0806;

QString etherTypeName(std::uint16_t type) {
    switch (type) {
        case kEtherTypeIpv4: return QStringLiteral("IPv4 (%1)").arg(hex(type, 4));
        case kEtherTypeArp: return QStringLiteral("ARP (%1)").arg(hex(type, 4));
    }
    return QCoreApplication::translate("FrameDissector", "Unknown (%1)").arg(hex(type, 4));
}

QString ipProtocolName(std::uint8_t protocol) {
    switch (protocol) {
        case 1: return QStringLiteral("ICMP (1)");
        case 6: return QStringLiteral("TCP (6)");
        case 17: return QStringLiteral("UDP (17)");
    }
    return QCoreApplication::translate("FrameDissector", "Unknown (%1)").arg(protocol);
}

void dissectArp(const FrameBytes& fb, std::size_t at, QList<DissectedField>& layers) {
    DissectedField node;
    node.offset = int(at);
    node.length = int(std::min(kArpBody, fb.data.size() - at));
    if (!fb.has(at, kArpBody)) {
        node.name = QCoreApplication::translate("FrameDissector", "Address Resolution Protocol");
        node.children << truncatedField(at);
        layers << node;
        return;
    }
    const std::uint16_t op = *fb.u16(at + 6);
    const QString opName = op == 1 ? QCoreApplication::translate("FrameDissector", "request") : op == 2 ? QCoreApplication::translate("FrameDissector", "reply") : QCoreApplication::translate("FrameDissector", "unknown");
    node.name = QCoreApplication::translate("FrameDissector", "Address Resolution Protocol (%1)").arg(opName);
    const std::uint16_t htype = *fb.u16(at);
    const std::uint16_t ptype = *fb.u16(at + 2);
    node.children << field(QCoreApplication::translate("FrameDissector", "Hardware type"), htype == 1 ? QCoreApplication::translate("FrameDissector", "Ethernet (1)") : QString::number(htype), at, 2)
                  << field(QCoreApplication::translate("FrameDissector", "Protocol type"), etherTypeName(ptype), at + 2, 2)
                  << field(QCoreApplication::translate("FrameDissector", "Hardware size"), QString::number(*fb.u8(at + 4)), at + 4, 1)
                  << field(QCoreApplication::translate("FrameDissector", "Protocol size"), QString::number(*fb.u8(at + 5)), at + 5, 1)
                  << field(QCoreApplication::translate("FrameDissector", "Opcode"), QStringLiteral("%1 (%2)").arg(opName).arg(op), at + 6, 2)
                  << field(QCoreApplication::translate("FrameDissector", "Sender MAC address"), *fb.mac(at + 8), at + 8, 6)
                  << field(QCoreApplication::translate("FrameDissector", "Sender IP address"), *fb.ipv4(at + 14), at + 14, 4)
                  << field(QCoreApplication::translate("FrameDissector", "Target MAC address"), *fb.mac(at + 18), at + 18, 6)
                  << field(QCoreApplication::translate("FrameDissector", "Target IP address"), *fb.ipv4(at + 24), at + 24, 4);
    layers << node;
}

QString ipFlags(std::uint16_t flagsFragment) {
    QStringList names;
    if (flagsFragment & 0x4000) names << QCoreApplication::translate("FrameDissector", "Don't fragment");
    if (flagsFragment & 0x2000) names << QCoreApplication::translate("FrameDissector", "More fragments");
    const QString bits = hex(flagsFragment >> 13, 1);
    return names.isEmpty() ? bits : QStringLiteral("%1, %2").arg(bits, names.join(QStringLiteral(", ")));
}

// A header whose checksum is right sums to zero (RFC 1071), checksum field included.
QString checksumText(const FrameBytes& fb, std::size_t at, std::size_t headerLength) {
    const QString value = hex(*fb.u16(at + 10), 4);
    if (headerLength < kIpv4MinHeader || !fb.has(at, headerLength)) return value;
    const bool correct = sim::wire::internetChecksum(fb.data.subspan(at, headerLength)) == 0;
    return QStringLiteral("%1 [%2]").arg(value, correct ? QCoreApplication::translate("FrameDissector", "correct") : QCoreApplication::translate("FrameDissector", "incorrect"));
}

void dissectIpv4(const FrameBytes& fb, std::size_t at, QList<DissectedField>& layers) {
    DissectedField node;
    node.offset = int(at);
    if (!fb.has(at, kIpv4MinHeader)) {
        node.name = QCoreApplication::translate("FrameDissector", "Internet Protocol Version 4");
        node.length = int(fb.data.size() - std::min(at, fb.data.size()));
        node.children << truncatedField(at);
        layers << node;
        return;
    }
    const std::uint8_t versionIhl = *fb.u8(at);
    const std::size_t headerLength = std::size_t(versionIhl & 0x0f) * 4;
    const std::uint16_t totalLength = *fb.u16(at + 2);
    const std::uint16_t flagsFragment = *fb.u16(at + 6);
    const std::uint8_t protocol = *fb.u8(at + 9);
    const QString src = *fb.ipv4(at + 12);
    const QString dst = *fb.ipv4(at + 16);
    node.name = QCoreApplication::translate("FrameDissector", "Internet Protocol Version 4, Src: %1, Dst: %2").arg(src, dst);
    node.length = int(std::max(headerLength, kIpv4MinHeader));
    node.children << field(QCoreApplication::translate("FrameDissector", "Version"), QString::number(versionIhl >> 4), at, 1)
                  << field(QCoreApplication::translate("FrameDissector", "Header length"), QCoreApplication::translate("FrameDissector", "%1 bytes (%2)").arg(headerLength).arg(versionIhl & 0x0f), at, 1)
                  << field(QCoreApplication::translate("FrameDissector", "Differentiated services"), hex(*fb.u8(at + 1), 2), at + 1, 1)
                  << field(QCoreApplication::translate("FrameDissector", "Total length"), QString::number(totalLength), at + 2, 2)
                  << field(QCoreApplication::translate("FrameDissector", "Identification"), hexAndDecimal(*fb.u16(at + 4), 4), at + 4, 2)
                  << field(QCoreApplication::translate("FrameDissector", "Flags"), ipFlags(flagsFragment), at + 6, 1)
                  << field(QCoreApplication::translate("FrameDissector", "Fragment offset"), QString::number(flagsFragment & 0x1fff), at + 6, 2)
                  << field(QCoreApplication::translate("FrameDissector", "Time to live"), QString::number(*fb.u8(at + 8)), at + 8, 1)
                  << field(QCoreApplication::translate("FrameDissector", "Protocol"), ipProtocolName(protocol), at + 9, 1)
                  << field(QCoreApplication::translate("FrameDissector", "Header checksum"), checksumText(fb, at, headerLength), at + 10, 2)
                  << field(QCoreApplication::translate("FrameDissector", "Source address"), src, at + 12, 4)
                  << field(QCoreApplication::translate("FrameDissector", "Destination address"), dst, at + 16, 4);
    layers << node;
    if (headerLength < kIpv4MinHeader) return;  // a bad IHL: the payload cannot be located
    // Ethernet pads short frames to 60 octets: the payload ends where the total length says.
    const std::size_t end = std::min(fb.data.size(), at + totalLength);
    const std::size_t payload = at + headerLength;
    switch (protocol) {
        case 1: dissectIcmp(fb, payload, end, layers); break;
        case 6: dissectTcp(fb, payload, end, layers); break;
        case 17: dissectUdp(fb, payload, end, layers); break;
        default: break;
    }
}

void dissectEthernet(const FrameBytes& fb, QList<DissectedField>& layers) {
    DissectedField node;
    node.offset = 0;
    node.length = int(std::min(kEthernetHeader, fb.data.size()));
    if (!fb.has(0, kEthernetHeader)) {
        node.name = QCoreApplication::translate("FrameDissector", "Ethernet II");
        node.children << truncatedField(0);
        layers << node;
        return;
    }
    const QString dst = *fb.mac(0);
    const QString src = *fb.mac(6);
    const std::uint16_t type = *fb.u16(12);
    node.name = QCoreApplication::translate("FrameDissector", "Ethernet II, Src: %1, Dst: %2").arg(src, dst);
    node.children << field(QCoreApplication::translate("FrameDissector", "Destination"), dst, 0, 6) << field(QCoreApplication::translate("FrameDissector", "Source"), src, 6, 6)
                  << field(QCoreApplication::translate("FrameDissector", "Type"), etherTypeName(type), 12, 2);
    layers << node;
    if (type == kEtherTypeArp) dissectArp(fb, kEthernetHeader, layers);
    else if (type == kEtherTypeIpv4) dissectIpv4(fb, kEthernetHeader, layers);
}

}  // namespace

QList<DissectedField> dissectFrame(sim::core::FrameLayer layer, std::span<const std::uint8_t> bytes) {
    QList<DissectedField> layers;
    const FrameBytes fb{bytes};
    switch (layer) {
        case sim::core::FrameLayer::None: break;
        case sim::core::FrameLayer::Ethernet: dissectEthernet(fb, layers); break;
        case sim::core::FrameLayer::Ipv4: dissectIpv4(fb, 0, layers); break;
    }
    return layers;
}

}  // namespace docknet::gui
