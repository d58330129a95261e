#include "trace/dissect_dns.hpp"

#include <optional>

namespace docknet::gui::dissect {

namespace {

constexpr std::size_t kDnsHeader = 12;
constexpr std::uint16_t kTypeA = 1;
constexpr std::uint16_t kTypePtr = 12;
constexpr int kMaxPointerJumps = 16;  // a compression loop must not hang the GUI

struct WireName {
    QString text;            // "web.mynet", "<Root>" for the empty name
    std::size_t length = 0;  // octets at the name's own position (up to and including a pointer)
};

/// A domain name at `at` of a message starting at `message`, following compression pointers.
std::optional<WireName> readName(const FrameBytes& fb, std::size_t message, std::size_t at, std::size_t end) {
    QStringList labels;
    std::size_t pos = at;
    std::optional<std::size_t> ownEnd;
    for (int jumps = 0; jumps <= kMaxPointerJumps;) {
        if (pos >= end) return std::nullopt;
        const std::uint8_t len = fb.data[pos];
        if (len == 0) {
            const std::size_t length = ownEnd.value_or(pos + 1) - at;
            return WireName{labels.isEmpty() ? QCoreApplication::translate("FrameDissector", "<Root>") : labels.join(QLatin1Char('.')), length};
        }
        if ((len & 0xc0) == 0xc0) {
            if (pos + 2 > end) return std::nullopt;
            if (!ownEnd) ownEnd = pos + 2;
            pos = message + (std::size_t(len & 0x3f) << 8 | fb.data[pos + 1]);
            ++jumps;
            continue;
        }
        if (pos + 1 + len > end) return std::nullopt;
        labels << QString::fromLatin1(reinterpret_cast<const char*>(fb.data.data() + pos + 1), len);
        pos += 1 + len;
    }
    return std::nullopt;
}

QString typeName(std::uint16_t type) {
    switch (type) {
        case kTypeA: return QStringLiteral("A (1)");
        case kTypePtr: return QStringLiteral("PTR (12)");
        case 28: return QStringLiteral("AAAA (28)");
    }
    return QString::number(type);
}

QString className(std::uint16_t cls) { return cls == 1 ? QStringLiteral("IN (0x0001)") : hex(cls, 4); }

QString flagsText(std::uint16_t flags) {
    const bool response = flags & 0x8000;
    QStringList parts;
    parts << (response ? QCoreApplication::translate("FrameDissector", "response") : QCoreApplication::translate("FrameDissector", "standard query"));
    if (flags & 0x0100) parts << QCoreApplication::translate("FrameDissector", "recursion desired");
    if (flags & 0x0080) parts << QCoreApplication::translate("FrameDissector", "recursion available");
    const int rcode = flags & 0x000f;
    if (response) parts << (rcode == 0 ? QCoreApplication::translate("FrameDissector", "no error") : rcode == 3 ? QCoreApplication::translate("FrameDissector", "no such name") : QCoreApplication::translate("FrameDissector", "error %1").arg(rcode));
    return QStringLiteral("%1 (%2)").arg(hex(flags, 4), parts.join(QStringLiteral(", ")));
}

/// One question (`isAnswer` false) or resource record at `pos`; advances `pos` past it.
std::optional<DissectedField> readRecord(const FrameBytes& fb, std::size_t message, std::size_t& pos, std::size_t end,
                                         bool isAnswer) {
    const auto name = readName(fb, message, pos, end);
    if (!name) return std::nullopt;
    const std::size_t start = pos;
    std::size_t at = pos + name->length;
    const std::size_t fixed = isAnswer ? 10 : 4;
    if (at + fixed > end) return std::nullopt;
    const std::uint16_t type = *fb.u16(at);
    const std::uint16_t cls = *fb.u16(at + 2);
    DissectedField rec;
    rec.children << field(QCoreApplication::translate("FrameDissector", "Name"), name->text, start, name->length) << field(QCoreApplication::translate("FrameDissector", "Type"), typeName(type), at, 2)
                 << field(QCoreApplication::translate("FrameDissector", "Class"), className(cls), at + 2, 2);
    QString summary = QCoreApplication::translate("FrameDissector", "%1: type %2, class %3").arg(name->text, typeName(type).section(QLatin1Char(' '), 0, 0),
                                                      cls == 1 ? QStringLiteral("IN") : hex(cls, 4));
    at += 4;
    if (isAnswer) {
        const std::uint16_t rdlength = *fb.u16(at + 4);
        rec.children << field(QCoreApplication::translate("FrameDissector", "Time to live"), QCoreApplication::translate("FrameDissector", "%1 seconds").arg(*fb.u32(at)), at, 4)
                     << field(QCoreApplication::translate("FrameDissector", "Data length"), QString::number(rdlength), at + 4, 2);
        at += 6;
        if (at + rdlength > end) return std::nullopt;
        if (type == kTypeA && rdlength == 4) {
            const QString address = *fb.ipv4(at);
            rec.children << field(QCoreApplication::translate("FrameDissector", "Address"), address, at, 4);
            summary += QCoreApplication::translate("FrameDissector", ", addr %1").arg(address);
        } else if (type == kTypePtr) {
            const auto target = readName(fb, message, at, at + rdlength);
            const QString text = target ? target->text : QCoreApplication::translate("FrameDissector", "[malformed]");
            rec.children << field(QCoreApplication::translate("FrameDissector", "Domain name"), text, at, rdlength);
            summary += QCoreApplication::translate("FrameDissector", ", %1").arg(text);
        } else if (rdlength > 0) {
            rec.children << field(QCoreApplication::translate("FrameDissector", "Data"), QCoreApplication::translate("FrameDissector", "%1 bytes").arg(rdlength), at, rdlength);
        }
        at += rdlength;
    }
    rec.name = summary;
    rec.offset = int(start);
    rec.length = int(at - start);
    pos = at;
    return rec;
}

}  // namespace

DissectedField dissectDns(const FrameBytes& fb, std::size_t at, std::size_t end) {
    DissectedField node;
    node.offset = int(at);
    node.length = int(end - at);
    if (!fb.has(at, kDnsHeader) || end < at + kDnsHeader) {
        node.name = QCoreApplication::translate("FrameDissector", "Domain Name System");
        node.children << truncatedField(at);
        return node;
    }
    const std::uint16_t flags = *fb.u16(at + 2);
    node.name = flags & 0x8000 ? QCoreApplication::translate("FrameDissector", "Domain Name System (response)") : QCoreApplication::translate("FrameDissector", "Domain Name System (query)");
    const std::uint16_t questions = *fb.u16(at + 4);
    const std::uint16_t answers = *fb.u16(at + 6);
    node.children << field(QCoreApplication::translate("FrameDissector", "Transaction ID"), hex(*fb.u16(at), 4), at, 2) << field(QCoreApplication::translate("FrameDissector", "Flags"), flagsText(flags), at + 2, 2)
                  << field(QCoreApplication::translate("FrameDissector", "Questions"), QString::number(questions), at + 4, 2)
                  << field(QCoreApplication::translate("FrameDissector", "Answer RRs"), QString::number(answers), at + 6, 2)
                  << field(QCoreApplication::translate("FrameDissector", "Authority RRs"), QString::number(*fb.u16(at + 8)), at + 8, 2)
                  << field(QCoreApplication::translate("FrameDissector", "Additional RRs"), QString::number(*fb.u16(at + 10)), at + 10, 2);
    std::size_t pos = at + kDnsHeader;
    auto section = [&](const QString& title, std::uint16_t count, bool isAnswer) {
        if (count == 0) return true;
        DissectedField group;
        group.name = title;
        group.offset = int(pos);
        for (std::uint16_t i = 0; i < count; ++i) {
            auto rec = readRecord(fb, at, pos, end, isAnswer);
            if (!rec) {
                group.children << truncatedField(pos);
                group.length = int(pos) - group.offset;
                node.children << group;
                return false;
            }
            group.children << *rec;
        }
        group.length = int(pos) - group.offset;
        node.children << group;
        return true;
    };
    if (section(QCoreApplication::translate("FrameDissector", "Queries"), questions, false)) section(QCoreApplication::translate("FrameDissector", "Answers"), answers, true);
    return node;
}

}  // namespace docknet::gui::dissect
