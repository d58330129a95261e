#include "packet_item.hpp"

#include <QPainter>

namespace docknet::scene {

PacketItem::PacketItem(Protocol protocol, QString label, bool dropped)
    : m_protocol(protocol), m_label(std::move(label)), m_dropped(dropped) {
    setZValue(20);
    if (dropped) setToolTip(m_label);
}

QRectF PacketItem::boundingRect() const {
    const double labelW = m_label.isEmpty() ? 0 : QFontMetricsF(fontFor(TextStyle::Small)).horizontalAdvance(m_label) + 30;
    return QRectF(-14, -13, 28 + labelW, 26);
}

void PacketItem::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) {
    p->setRenderHint(QPainter::Antialiasing);
    if (m_dropped) {
        p->setPen(QPen(QColor(0xd9, 0x3b, 0x3b), 4, Qt::SolidLine, Qt::RoundCap));
        p->drawLine(QPointF(-9, -9), QPointF(9, 9));
        p->drawLine(QPointF(-9, 9), QPointF(9, -9));
    } else {
        // An envelope: a box with a flap.
        const QRectF env(-12, -8, 24, 16);
        p->setPen(QPen(QColor(0x55, 0x4a, 0x20), 1));
        p->setBrush(protocolColor(m_protocol));
        p->drawRect(env);
        p->drawLine(env.topLeft(), QPointF(0, 1));
        p->drawLine(env.topRight(), QPointF(0, 1));
    }
    if (!m_label.isEmpty()) {
        const QFont f = fontFor(TextStyle::Small);
        p->setFont(f);
        const QFontMetricsF fm(f);
        const QRectF box(16, -fm.height() / 2 - 1, fm.horizontalAdvance(m_label) + 8, fm.height() + 2);
        p->setPen(Qt::NoPen);
        p->setBrush(QColor(255, 255, 255, 220));
        p->drawRoundedRect(box, 3, 3);
        p->setPen(m_dropped ? QColor(0xb0, 0x20, 0x20) : QColor(0x33, 0x33, 0x33));
        p->drawText(box, Qt::AlignCenter, m_label);
    }
}

}  // namespace docknet::scene
