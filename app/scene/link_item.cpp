#include "link_item.hpp"

#include <QPainter>
#include <QPainterPathStroker>

#include "scene_style.hpp"

namespace docknet::scene {

LinkItem::LinkItem(LayoutItem item) : m_item(std::move(item)) {
    setZValue(m_item.kind == ItemKind::Port ? 4 : 0);
    setData(0, qs(m_item.id));
    rebuild();
}

void LinkItem::setLayoutItem(LayoutItem item) {
    prepareGeometryChange();
    m_item = std::move(item);
    rebuild();
    update();
}

void LinkItem::rebuild() {
    m_path = QPainterPath();
    if (m_item.path.empty()) return;
    m_path.moveTo(m_item.path.front().x, m_item.path.front().y);
    for (std::size_t i = 1; i < m_item.path.size(); ++i) m_path.lineTo(m_item.path[i].x, m_item.path[i].y);
    if (m_item.kind == ItemKind::Veth && !m_item.lines.empty()) setToolTip(qs(m_item.lines.front().text));
}

QRectF LinkItem::boundingRect() const {
    // Room for the veth name beside the stub and the port stub itself.
    return m_path.boundingRect().adjusted(-90, -14, 120, 30);
}

QPainterPath LinkItem::shape() const {
    QPainterPathStroker s;
    s.setWidth(8);
    return s.createStroke(m_path);
}

QPointF LinkItem::pointAt(double t) const { return m_path.pointAtPercent(std::clamp(t, 0.0, 1.0)); }

void LinkItem::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) {
    p->setRenderHint(QPainter::Antialiasing);
    QColor c(0x5a, 0x63, 0x6e);
    if (m_item.kind == ItemKind::Port) c = QColor(0xd0, 0x8c, 0x1a);
    QPen pen(c, m_item.kind == ItemKind::Uplink ? 3 : 2);
    if (m_item.dashed || m_item.kind == ItemKind::Port) pen.setStyle(Qt::DashLine);
    p->setPen(pen);
    p->setBrush(Qt::NoBrush);
    p->drawPath(m_path);
    if (m_item.path.empty()) return;
    const QPointF a(m_item.path.front().x, m_item.path.front().y);
    if (m_item.kind == ItemKind::Veth) {
        // The port stub on the bar, and the host-side name of the veth beside it.
        p->setPen(Qt::NoPen);
        p->setBrush(QColor(0x3a, 0x42, 0x4c));
        const bool down = m_item.path.back().y >= a.y();
        p->drawRect(QRectF(a.x() - 5, down ? a.y() : a.y() - 8, 10, 8));
        if (!m_item.lines.empty()) {
            p->setFont(fontFor(TextStyle::MonoSmall));
            p->setPen(QColor(0x55, 0x5d, 0x66));
            p->drawText(QPointF(a.x() + 7, a.y() + (down ? 22 : -14)), qs(m_item.lines.front().text));
        }
    } else if (m_item.kind == ItemKind::Uplink) {
        p->setPen(Qt::NoPen);
        p->setBrush(QColor(0x3a, 0x42, 0x4c));
        p->drawRect(QRectF(a.x() - 14, a.y() - 6, 28, 12));
        if (!m_item.lines.empty()) {
            const QFont f = fontFor(TextStyle::Mono);
            p->setFont(f);
            p->setPen(QColor(0x2b, 0x33, 0x3d));
            const double w = QFontMetricsF(f).horizontalAdvance(qs(m_item.lines.front().text));
            p->drawText(QPointF(a.x() - w / 2, a.y() + 22), qs(m_item.lines.front().text));
        }
    }
}

}  // namespace docknet::scene
