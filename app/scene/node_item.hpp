// NodeItem: a rectangular shape of the canvas — the host frame, the router, a bridge bar, a
// container card, a port socket. It holds a copy of its LayoutItem (ids and label text), never
// a pointer into the model; the scene replaces that copy when the model changes.
#pragma once

#include <QGraphicsObject>

#include "topology_layout.hpp"

namespace docknet::scene {

class NodeItem : public QGraphicsObject {
    Q_OBJECT

public:
    enum { Type = UserType + 1 };
    enum class Mark { None, Active, Involved };

    explicit NodeItem(LayoutItem item);

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

    void setLayoutItem(LayoutItem item);
    [[nodiscard]] const LayoutItem& layoutItem() const { return m_item; }
    void setMark(Mark m);
    [[nodiscard]] Mark mark() const { return m_mark; }
    /// A guided lab's "look here": a soft halo that playback and failures leave alone.
    void setHighlighted(bool on);
    [[nodiscard]] bool highlighted() const { return m_highlighted; }

signals:
    /// The user dropped the item somewhere else (scene coordinates of its top-left).
    void dragged(const QString& id, QPointF topLeft);

protected:
    void mouseReleaseEvent(QGraphicsSceneMouseEvent* event) override;
    void mousePressEvent(QGraphicsSceneMouseEvent* event) override;

private:
    void paintHost(QPainter* p) const;
    void paintBridge(QPainter* p) const;
    void paintCard(QPainter* p) const;
    void paintPort(QPainter* p) const;
    void paintRouter(QPainter* p) const;

    LayoutItem m_item;
    Mark m_mark = Mark::None;
    bool m_highlighted = false;
    QPointF m_pressPos;
};

}  // namespace docknet::scene
