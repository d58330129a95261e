#include "trace/dissect_transport.hpp"

#include "trace/dissect_dns.hpp"

namespace docknet::gui::dissect {

namespace {

constexpr std::size_t kIcmpHeader = 8;
constexpr std::size_t kUdpHeader = 8;
constexpr std::size_t kTcpMinHeader = 20;
constexpr std::uint16_t kDnsPort = 53;

DissectedField layerNode(const QString& name, std::size_t at, std::size_t end) {
    DissectedField node;
    node.name = name;
    node.offset = int(at);
    node.length = int(end > at ? end - at : 0);
    return node;
}

QString icmpTypeName(std::uint8_t type) {
    switch (type) {
        case 0: return QCoreApplication::translate("FrameDissector", "Echo (ping) reply");
        case 3: return QCoreApplication::translate("FrameDissector", "Destination unreachable");
        case 8: return QCoreApplication::translate("FrameDissector", "Echo (ping) request");
        case 11: return QCoreApplication::translate("FrameDissector", "Time-to-live exceeded");
    }
    return QCoreApplication::translate("FrameDissector", "Unknown");
}

QString tcpFlagNames(std::uint8_t flags) {
    static constexpr struct { std::uint8_t bit; const char* name; } kFlags[] = {
        {0x02, "SYN"}, {0x10, "ACK"}, {0x01, "FIN"}, {0x04, "RST"}, {0x08, "PSH"}, {0x20, "URG"},
    };
    QStringList names;
    for (const auto& f : kFlags)
        if (flags & f.bit) names << QString::fromLatin1(f.name);
    return names.join(QStringLiteral(", "));
}

}  // namespace

void dissectIcmp(const FrameBytes& fb, std::size_t at, std::size_t end, QList<DissectedField>& layers) {
    DissectedField node = layerNode(QCoreApplication::translate("FrameDissector", "Internet Control Message Protocol"), at, end);
    if (!fb.has(at, kIcmpHeader)) {
        node.children << truncatedField(at);
        layers << node;
        return;
    }
    const std::uint8_t type = *fb.u8(at);
    node.children << field(QCoreApplication::translate("FrameDissector", "Type"), QStringLiteral("%1 (%2)").arg(type).arg(icmpTypeName(type)), at, 1)
                  << field(QCoreApplication::translate("FrameDissector", "Code"), QString::number(*fb.u8(at + 1)), at + 1, 1)
                  << field(QCoreApplication::translate("FrameDissector", "Checksum"), hex(*fb.u16(at + 2), 4), at + 2, 2);
    if (type == 0 || type == 8) {
        node.children << field(QCoreApplication::translate("FrameDissector", "Identifier"), hexAndDecimal(*fb.u16(at + 4), 4), at + 4, 2)
                      << field(QCoreApplication::translate("FrameDissector", "Sequence number"), QString::number(*fb.u16(at + 6)), at + 6, 2);
        if (end > at + kIcmpHeader)
            node.children << field(QCoreApplication::translate("FrameDissector", "Data"), QCoreApplication::translate("FrameDissector", "%1 bytes").arg(end - at - kIcmpHeader), at + kIcmpHeader,
                                   end - at - kIcmpHeader);
    } else if (end > at + kIcmpHeader) {
        // Errors quote the offending datagram's header and first 8 octets.
        node.children << field(QCoreApplication::translate("FrameDissector", "Quoted packet"), QCoreApplication::translate("FrameDissector", "%1 bytes of the packet that caused the error").arg(end - at - kIcmpHeader),
                               at + kIcmpHeader, end - at - kIcmpHeader);
    }
    layers << node;
}

void dissectUdp(const FrameBytes& fb, std::size_t at, std::size_t end, QList<DissectedField>& layers) {
    if (!fb.has(at, kUdpHeader)) {
        DissectedField node = layerNode(QCoreApplication::translate("FrameDissector", "User Datagram Protocol"), at, end);
        node.children << truncatedField(at);
        layers << node;
        return;
    }
    const std::uint16_t srcPort = *fb.u16(at);
    const std::uint16_t dstPort = *fb.u16(at + 2);
    DissectedField node =
        layerNode(QCoreApplication::translate("FrameDissector", "User Datagram Protocol, Src Port: %1, Dst Port: %2").arg(srcPort).arg(dstPort), at, at + kUdpHeader);
    node.children << field(QCoreApplication::translate("FrameDissector", "Source port"), QString::number(srcPort), at, 2)
                  << field(QCoreApplication::translate("FrameDissector", "Destination port"), QString::number(dstPort), at + 2, 2)
                  << field(QCoreApplication::translate("FrameDissector", "Length"), QString::number(*fb.u16(at + 4)), at + 4, 2)
                  << field(QCoreApplication::translate("FrameDissector", "Checksum"), hex(*fb.u16(at + 6), 4), at + 6, 2);
    layers << node;
    if ((srcPort == kDnsPort || dstPort == kDnsPort) && end > at + kUdpHeader)
        layers << dissectDns(fb, at + kUdpHeader, end);
}

void dissectTcp(const FrameBytes& fb, std::size_t at, std::size_t end, QList<DissectedField>& layers) {
    if (!fb.has(at, kTcpMinHeader)) {
        DissectedField node = layerNode(QCoreApplication::translate("FrameDissector", "Transmission Control Protocol"), at, end);
        node.children << truncatedField(at);
        layers << node;
        return;
    }
    const std::uint16_t srcPort = *fb.u16(at);
    const std::uint16_t dstPort = *fb.u16(at + 2);
    const std::uint32_t seq = *fb.u32(at + 4);
    const std::uint32_t ack = *fb.u32(at + 8);
    const std::uint16_t offsetFlags = *fb.u16(at + 12);
    const std::size_t headerLength = std::size_t(offsetFlags >> 12) * 4;
    const std::uint8_t flags = std::uint8_t(offsetFlags & 0x3f);
    DissectedField node = layerNode(QCoreApplication::translate("FrameDissector", "Transmission Control Protocol, Src Port: %1, Dst Port: %2, Seq: %3, Ack: %4")
                                        .arg(srcPort)
                                        .arg(dstPort)
                                        .arg(seq)
                                        .arg(ack),
                                    at, at + std::max(headerLength, kTcpMinHeader));
    const QString flagNames = tcpFlagNames(flags);
    node.children << field(QCoreApplication::translate("FrameDissector", "Source port"), QString::number(srcPort), at, 2)
                  << field(QCoreApplication::translate("FrameDissector", "Destination port"), QString::number(dstPort), at + 2, 2)
                  << field(QCoreApplication::translate("FrameDissector", "Sequence number"), QString::number(seq), at + 4, 4)
                  << field(QCoreApplication::translate("FrameDissector", "Acknowledgment number"), QString::number(ack), at + 8, 4)
                  << field(QCoreApplication::translate("FrameDissector", "Header length"), QCoreApplication::translate("FrameDissector", "%1 bytes (%2)").arg(headerLength).arg(offsetFlags >> 12), at + 12, 1)
                  << field(QCoreApplication::translate("FrameDissector", "Flags"), flagNames.isEmpty() ? hex(flags, 3) : QStringLiteral("%1 (%2)").arg(hex(flags, 3), flagNames),
                           at + 12, 2)
                  << field(QCoreApplication::translate("FrameDissector", "Window"), QString::number(*fb.u16(at + 14)), at + 14, 2)
                  << field(QCoreApplication::translate("FrameDissector", "Checksum"), hex(*fb.u16(at + 16), 4), at + 16, 2)
                  << field(QCoreApplication::translate("FrameDissector", "Urgent pointer"), QString::number(*fb.u16(at + 18)), at + 18, 2);
    layers << node;
}

}  // namespace docknet::gui::dissect
