#include "scene_style.hpp"

#include <QFontDatabase>
#include <QFontMetricsF>

namespace docknet::scene {

QFont fontFor(TextStyle style) {
    QFont f;
    switch (style) {
        case TextStyle::Title: f.setPointSizeF(10.5); f.setBold(true); break;
        case TextStyle::Normal: f.setPointSizeF(9.5); break;
        case TextStyle::Small: f.setPointSizeF(8.5); break;
        case TextStyle::Mono: f = QFontDatabase::systemFont(QFontDatabase::FixedFont); f.setPointSizeF(9); break;
        case TextStyle::MonoSmall: f = QFontDatabase::systemFont(QFontDatabase::FixedFont); f.setPointSizeF(8.5); break;
    }
    return f;
}

QColor networkColor(int index) {
    static const QColor colors[] = {QColor(0x2f, 0x6d, 0xb5), QColor(0x2e, 0x8b, 0x57), QColor(0x8e, 0x44, 0xad),
                                    QColor(0xc0, 0x6a, 0x12), QColor(0x16, 0x8a, 0x92), QColor(0xa8, 0x32, 0x5a)};
    return colors[static_cast<unsigned>(index) % (sizeof colors / sizeof colors[0])];
}

QColor protocolColor(Protocol p) {
    switch (p) {
        case Protocol::Arp: return QColor(0xf2, 0xc1, 0x3d);
        case Protocol::Icmp: return QColor(0x5c, 0xc2, 0x7a);
        case Protocol::Tcp: return QColor(0x4a, 0x90, 0xe2);
        case Protocol::Udp:
        case Protocol::Dns: return QColor(0xb0, 0x6c, 0xd9);
        case Protocol::Other: return QColor(0x9a, 0x9a, 0x9a);
    }
    return Qt::gray;
}

QString protocolName(Protocol p) {
    switch (p) {
        case Protocol::Arp: return QStringLiteral("ARP");
        case Protocol::Icmp: return QStringLiteral("ICMP");
        case Protocol::Tcp: return QStringLiteral("TCP");
        case Protocol::Udp: return QStringLiteral("UDP");
        case Protocol::Dns: return QStringLiteral("DNS");
        case Protocol::Other: return QStringLiteral("-");
    }
    return {};
}

double measureText(const std::string& text, TextStyle style) {
    return QFontMetricsF(fontFor(style)).horizontalAdvance(qs(text));
}

}  // namespace docknet::scene
