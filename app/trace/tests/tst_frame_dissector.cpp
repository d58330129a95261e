// The dissector on frames encoded by sim/wire: every layer present, field values as Wireshark
// shows them, and offsets that point at the field's own bytes.
#include <QtTest>

#include "sim/wire/ethernet_frame.hpp"
#include "trace/frame_dissector.hpp"
#include "trace/hex_dump.hpp"

using docknet::gui::DissectedField;
using docknet::gui::dissectFrame;
using namespace sim::wire;

namespace {

const MacAddress kMacA = *MacAddress::parse("02:42:ac:11:00:02");
const MacAddress kMacB = *MacAddress::parse("02:42:ac:11:00:03");
const Ipv4Address kIpA(172, 17, 0, 2);
const Ipv4Address kIpB(172, 17, 0, 3);

const DissectedField* child(const DissectedField& node, const QString& name) {
    for (const auto& c : node.children)
        if (c.name == name) return &c;
    return nullptr;
}

/// The field's bytes as the frame holds them, to check offsets against the encoding.
QByteArray bytesOf(const Bytes& frame, const DissectedField& f) {
    return QByteArray(reinterpret_cast<const char*>(frame.data()) + f.offset, f.length);
}

}  // namespace

class TestFrameDissector : public QObject {
    Q_OBJECT
private slots:
    void arpRequest() {
        const EthernetFrame frame{MacAddress::broadcast(), kMacA, ArpPacket::request(kMacA, kIpA, kIpB)};
        const Bytes bytes = frame.encode();
        const auto layers = dissectFrame(sim::core::FrameLayer::Ethernet, bytes);
        QCOMPARE(layers.size(), 2);
        QCOMPARE(layers[0].name, QStringLiteral("Ethernet II, Src: 02:42:ac:11:00:02, Dst: ff:ff:ff:ff:ff:ff"));
        const auto* type = child(layers[0], QStringLiteral("Type"));
        QVERIFY(type);
        QCOMPARE(type->value, QStringLiteral("ARP (0x0806)"));
        QCOMPARE(type->offset, 12);
        QCOMPARE(type->length, 2);
        QCOMPARE(layers[1].name, QStringLiteral("Address Resolution Protocol (request)"));
        QCOMPARE(layers[1].offset, 14);
        QCOMPARE(layers[1].length, 28);
        const auto* opcode = child(layers[1], QStringLiteral("Opcode"));
        QVERIFY(opcode);
        QCOMPARE(opcode->value, QStringLiteral("request (1)"));
        QCOMPARE(opcode->offset, 20);
        const auto* senderIp = child(layers[1], QStringLiteral("Sender IP address"));
        QVERIFY(senderIp);
        QCOMPARE(senderIp->value, QStringLiteral("172.17.0.2"));
        QCOMPARE(senderIp->offset, 28);
        QCOMPARE(bytesOf(bytes, *senderIp), QByteArray("\xac\x11\x00\x02", 4));
        const auto* targetIp = child(layers[1], QStringLiteral("Target IP address"));
        QVERIFY(targetIp);
        QCOMPARE(targetIp->value, QStringLiteral("172.17.0.3"));
        QCOMPARE(targetIp->offset, 38);
        QCOMPARE(child(layers[1], QStringLiteral("Target MAC address"))->value, QStringLiteral("00:00:00:00:00:00"));
    }

    void icmpEcho() {
        Ipv4Packet ip{kIpA, kIpB, 64, 7, IcmpMessage::echoRequest(0x1234, 1)};
        const EthernetFrame frame{kMacB, kMacA, ip};
        const Bytes bytes = frame.encode();
        const auto layers = dissectFrame(sim::core::FrameLayer::Ethernet, bytes);
        QCOMPARE(layers.size(), 3);
        QCOMPARE(layers[1].name, QStringLiteral("Internet Protocol Version 4, Src: 172.17.0.2, Dst: 172.17.0.3"));
        QCOMPARE(child(layers[1], QStringLiteral("Version"))->value, QStringLiteral("4"));
        QCOMPARE(child(layers[1], QStringLiteral("Total length"))->value, QStringLiteral("84"));
        QCOMPARE(child(layers[1], QStringLiteral("Identification"))->value, QStringLiteral("0x0007 (7)"));
        QCOMPARE(child(layers[1], QStringLiteral("Protocol"))->value, QStringLiteral("ICMP (1)"));
        QVERIFY(child(layers[1], QStringLiteral("Header checksum"))->value.endsWith(QStringLiteral("[correct]")));
        const auto* ttl = child(layers[1], QStringLiteral("Time to live"));
        QCOMPARE(ttl->value, QStringLiteral("64"));
        QCOMPARE(ttl->offset, 22);
        QCOMPARE(layers[2].name, QStringLiteral("Internet Control Message Protocol"));
        QCOMPARE(layers[2].offset, 34);
        QCOMPARE(child(layers[2], QStringLiteral("Type"))->value, QStringLiteral("8 (Echo (ping) request)"));
        const auto* id = child(layers[2], QStringLiteral("Identifier"));
        QCOMPARE(id->value, QStringLiteral("0x1234 (4660)"));
        QCOMPARE(id->offset, 38);
        QCOMPARE(bytesOf(bytes, *id), QByteArray("\x12\x34", 2));
        QCOMPARE(child(layers[2], QStringLiteral("Sequence number"))->value, QStringLiteral("1"));
    }

    void ipv4LayerStartsAtZero() {
        const Ipv4Packet ip{kIpA, kIpB, 63, 1, IcmpMessage::echoReply(1, 2)};
        const auto layers = dissectFrame(sim::core::FrameLayer::Ipv4, ip.encode());
        QCOMPARE(layers.size(), 2);
        QCOMPARE(layers[0].offset, 0);
        QCOMPARE(child(layers[0], QStringLiteral("Time to live"))->offset, 8);
        QCOMPARE(child(layers[1], QStringLiteral("Type"))->value, QStringLiteral("0 (Echo (ping) reply)"));
    }

    void dnsQuery() {
        UdpDatagram udp{40000, 53, DnsMessage::query(0xbeef, "web.mynet")};
        const Ipv4Packet ip{Ipv4Address(172, 18, 0, 2), Ipv4Address(127, 0, 0, 11), 64, 3, udp};
        const Bytes bytes = ip.encode();
        const auto layers = dissectFrame(sim::core::FrameLayer::Ipv4, bytes);
        QCOMPARE(layers.size(), 3);
        QCOMPARE(layers[1].name, QStringLiteral("User Datagram Protocol, Src Port: 40000, Dst Port: 53"));
        QCOMPARE(child(layers[1], QStringLiteral("Destination port"))->offset, 22);
        const DissectedField& dns = layers[2];
        QCOMPARE(dns.name, QStringLiteral("Domain Name System (query)"));
        QCOMPARE(dns.offset, 28);
        QCOMPARE(child(dns, QStringLiteral("Transaction ID"))->value, QStringLiteral("0xbeef"));
        QCOMPARE(child(dns, QStringLiteral("Questions"))->value, QStringLiteral("1"));
        QCOMPARE(child(dns, QStringLiteral("Answer RRs"))->value, QStringLiteral("0"));
        const auto* queries = child(dns, QStringLiteral("Queries"));
        QVERIFY(queries);
        QCOMPARE(queries->children.size(), 1);
        const DissectedField& q = queries->children[0];
        QCOMPARE(q.name, QStringLiteral("web.mynet: type A, class IN"));
        const auto* name = child(q, QStringLiteral("Name"));
        QCOMPARE(name->value, QStringLiteral("web.mynet"));
        QCOMPARE(name->offset, 40);
        QCOMPARE(name->length, 11);  // 3web5mynet0
        QCOMPARE(child(q, QStringLiteral("Type"))->offset, 51);
    }

    void dnsAnswerWithPtr() {
        const DnsMessage query = DnsMessage::query(9, "3.0.18.172.in-addr.arpa", kDnsTypePtr);
        const DnsMessage reply = DnsMessage::answer(query, {DnsAnswer::ptr("3.0.18.172.in-addr.arpa", "db.mynet")});
        UdpDatagram udp{53, 40000, reply};
        const Ipv4Packet ip{Ipv4Address(127, 0, 0, 11), Ipv4Address(172, 18, 0, 2), 64, 4, udp};
        const auto layers = dissectFrame(sim::core::FrameLayer::Ipv4, ip.encode());
        QCOMPARE(layers.size(), 3);
        QCOMPARE(layers[2].name, QStringLiteral("Domain Name System (response)"));
        const auto* answers = child(layers[2], QStringLiteral("Answers"));
        QVERIFY(answers);
        QCOMPARE(answers->children.size(), 1);
        const DissectedField& a = answers->children[0];
        QCOMPARE(a.name, QStringLiteral("3.0.18.172.in-addr.arpa: type PTR, class IN, db.mynet"));
        QCOMPARE(child(a, QStringLiteral("Time to live"))->value, QStringLiteral("600 seconds"));
        QCOMPARE(child(a, QStringLiteral("Domain name"))->value, QStringLiteral("db.mynet"));
    }

    void tcpSyn() {
        const TcpSegment syn{40000, 80, 1000, 0, tcp_flags::Syn};
        const Ipv4Packet ip{kIpA, kIpB, 64, 5, syn};
        const auto layers = dissectFrame(sim::core::FrameLayer::Ipv4, ip.encode());
        QCOMPARE(layers.size(), 2);
        QCOMPARE(layers[1].name, QStringLiteral("Transmission Control Protocol, Src Port: 40000, Dst Port: 80, Seq: 1000, Ack: 0"));
        QCOMPARE(child(layers[1], QStringLiteral("Flags"))->value, QStringLiteral("0x002 (SYN)"));
        QCOMPARE(child(layers[1], QStringLiteral("Window"))->value, QStringLiteral("64240"));
    }

    void truncatedAndMissing() {
        QVERIFY(dissectFrame(sim::core::FrameLayer::None, Bytes{1, 2, 3}).isEmpty());
        const EthernetFrame frame{MacAddress::broadcast(), kMacA, ArpPacket::request(kMacA, kIpA, kIpB)};
        Bytes bytes = frame.encode();
        bytes.resize(20);
        const auto layers = dissectFrame(sim::core::FrameLayer::Ethernet, bytes);
        QCOMPARE(layers.size(), 2);
        QCOMPARE(layers[1].children.size(), 1);
        QCOMPARE(layers[1].children[0].name, QStringLiteral("[Truncated]"));
    }

    void hexDumpLayout() {
        Bytes bytes(18);
        for (std::size_t i = 0; i < bytes.size(); ++i) bytes[i] = std::uint8_t(0x41 + i);
        const QStringList lines = docknet::gui::hexDump(bytes).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines[0], QStringLiteral("0000  41 42 43 44 45 46 47 48  49 4a 4b 4c 4d 4e 4f 50  ABCDEFGHIJKLMNOP"));
        QVERIFY(lines[1].startsWith(QStringLiteral("0010  51 52 ")));
        QCOMPARE(lines[1].mid(docknet::gui::hexColumnOf(1).start, 2), QStringLiteral("52"));
        QVERIFY(docknet::gui::hexDump({}).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestFrameDissector)
#include "tst_frame_dissector.moc"
