#include "node_item.hpp"

#include <QGraphicsSceneMouseEvent>
#include <QPainter>
#include <QPainterPath>

#include "scene_style.hpp"

namespace docknet::scene {

namespace {

const QColor kInk(0x2b, 0x33, 0x3d);
const QColor kDim(0x7a, 0x82, 0x8c);
const QColor kActive(0xf5, 0xa6, 0x23);
const QColor kInvolved(0xd9, 0x3b, 0x3b);
const QColor kLesson(0x3d, 0x7e, 0xd8, 0x70);

void drawLines(QPainter* p, const std::vector<TextLine>& lines, QPointF at, const QColor& ink, bool stopped) {
    double y = at.y();
    for (const auto& l : lines) {
        const QFont f = fontFor(l.style);
        p->setFont(f);
        const QFontMetricsF fm(f);
        QColor c = l.dim || stopped ? kDim : ink;
        p->setPen(c);
        p->drawText(QPointF(at.x(), y + fm.ascent()), qs(l.text));
        y += fm.height() + 1.5;
    }
}

}  // namespace

NodeItem::NodeItem(LayoutItem item) : m_item(std::move(item)) {
    setPos(m_item.rect.x, m_item.rect.y);
    const bool movable = m_item.kind == ItemKind::Container || m_item.kind == ItemKind::Bridge;
    setFlag(ItemIsMovable, movable);
    setFlag(ItemIsSelectable, m_item.kind != ItemKind::Port);
    setZValue(m_item.kind == ItemKind::Host ? -10 : (m_item.kind == ItemKind::Port ? 5 : 1));
    setData(0, qs(m_item.id));
    setToolTip(m_item.lines.empty() ? QString() : qs(m_item.lines.front().text));
}

QRectF NodeItem::boundingRect() const {
    // A port's "docker-proxy · DNAT" caption hangs below the socket.
    const double below = m_item.kind == ItemKind::Port ? 20 : 0;
    return QRectF(-3, -3, m_item.rect.w + 6, m_item.rect.h + 6 + below);
}

void NodeItem::setLayoutItem(LayoutItem item) {
    prepareGeometryChange();
    m_item = std::move(item);
    setPos(m_item.rect.x, m_item.rect.y);
    update();
}

void NodeItem::setMark(Mark m) {
    if (m_mark == m) return;
    m_mark = m;
    update();
}

void NodeItem::setHighlighted(bool on) {
    if (m_highlighted == on) return;
    m_highlighted = on;
    update();
}

void NodeItem::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) {
    p->setRenderHint(QPainter::Antialiasing);
    if (m_highlighted) {
        // Under the shape, so the halo shows around it without hiding its text.
        p->setPen(QPen(kLesson, 6));
        p->setBrush(Qt::NoBrush);
        p->drawRoundedRect(QRectF(0, 0, m_item.rect.w, m_item.rect.h), 8, 8);
    }
    switch (m_item.kind) {
        case ItemKind::Host: paintHost(p); break;
        case ItemKind::Bridge: paintBridge(p); break;
        case ItemKind::Container: paintCard(p); break;
        case ItemKind::Port: paintPort(p); break;
        case ItemKind::Router: paintRouter(p); break;
        default: break;
    }
    if (m_mark != Mark::None || isSelected()) {
        QPen pen(m_mark == Mark::Involved ? kInvolved : kActive, 3);
        if (isSelected() && m_mark == Mark::None) pen = QPen(QColor(0x3d, 0x7e, 0xd8), 2, Qt::DotLine);
        p->setPen(pen);
        p->setBrush(Qt::NoBrush);
        p->drawRoundedRect(QRectF(-2, -2, m_item.rect.w + 4, m_item.rect.h + 4), 8, 8);
    }
}

void NodeItem::paintHost(QPainter* p) const {
    const QRectF r(0, 0, m_item.rect.w, m_item.rect.h);
    p->setPen(QPen(kInk, 2));
    p->setBrush(QColor(0xf7, 0xf9, 0xfb));
    p->drawRoundedRect(r, 12, 12);
    if (!m_item.lines.empty()) {
        const QFont tf = fontFor(TextStyle::Title);
        p->setFont(tf);
        p->setPen(kInk);
        const QFontMetricsF fm(tf);
        p->drawText(QPointF(16, 40 + fm.ascent()), qs(m_item.lines[0].text));
    }
}

void NodeItem::paintRouter(QPainter* p) const {
    const QRectF r(0, 0, m_item.rect.w, m_item.rect.h);
    p->setPen(QPen(kInk, 1.2));
    p->setBrush(QColor(0xee, 0xf2, 0xf6));
    p->drawRoundedRect(r, r.height() / 2, r.height() / 2);
    p->setFont(fontFor(TextStyle::Normal));
    p->drawText(r, Qt::AlignCenter, m_item.lines.empty() ? QString() : qs(m_item.lines[0].text));
}

void NodeItem::paintBridge(QPainter* p) const {
    const QRectF r(0, 0, m_item.rect.w, m_item.rect.h);
    const QColor c = networkColor(m_item.colorIndex);
    p->setPen(Qt::NoPen);
    p->setBrush(c);
    p->drawRoundedRect(r, 3, 3);
    p->setPen(Qt::white);
    QFont bold = fontFor(TextStyle::Normal);
    bold.setBold(true);
    p->setFont(bold);
    double x = 10;
    const QFontMetricsF bm(bold);
    const double baseline = (r.height() + bm.ascent() - bm.descent()) / 2;
    for (std::size_t i = 0; i < m_item.lines.size(); ++i) {
        const QFont f = i == 0 ? bold : fontFor(TextStyle::Normal);
        p->setFont(f);
        const QString t = qs(m_item.lines[i].text);
        p->drawText(QPointF(x, baseline), t);
        x += QFontMetricsF(f).horizontalAdvance(t) + 14;
    }
}

void NodeItem::paintCard(QPainter* p) const {
    const QRectF r(0, 0, m_item.rect.w, m_item.rect.h);
    QPen pen(m_item.stopped ? kDim : kInk, 1.3);
    if (m_item.dashed) pen.setStyle(Qt::DashLine);
    p->setPen(pen);
    p->setBrush(m_item.stopped ? QColor(0xec, 0xed, 0xef) : QColor(Qt::white));
    p->drawRoundedRect(r, 6, 6);
    drawLines(p, m_item.lines, QPointF(10, 8), kInk, m_item.stopped);
}

void NodeItem::paintPort(QPainter* p) const {
    const QRectF r(0, 0, m_item.rect.w, m_item.rect.h);
    p->setPen(QPen(QColor(0xa0, 0x78, 0x10), 1.2));
    p->setBrush(QColor(0xfd, 0xf6, 0xdc));
    p->drawRoundedRect(r, 3, 3);
    if (m_item.lines.empty()) return;
    p->setFont(fontFor(TextStyle::Mono));
    p->setPen(kInk);
    p->drawText(r.adjusted(8, 0, -4, 0), Qt::AlignVCenter | Qt::AlignLeft, qs(m_item.lines[0].text));
    if (m_item.lines.size() > 1) {
        const QFont f = fontFor(TextStyle::Small);
        p->setFont(f);
        p->setPen(QColor(0x9a, 0x6b, 0x00));
        p->drawText(QPointF(10, r.bottom() + QFontMetricsF(f).ascent() + 2), qs(m_item.lines[1].text));
    }
}

void NodeItem::mousePressEvent(QGraphicsSceneMouseEvent* event) {
    m_pressPos = pos();
    QGraphicsObject::mousePressEvent(event);
}

void NodeItem::mouseReleaseEvent(QGraphicsSceneMouseEvent* event) {
    QGraphicsObject::mouseReleaseEvent(event);
    if ((flags() & ItemIsMovable) && pos() != m_pressPos) emit dragged(qs(m_item.id), pos());
}

}  // namespace docknet::scene
