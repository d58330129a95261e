// LinkItem: a cable of the canvas — a veth pair from a bridge port stub to a card, the host's
// eth0 up to the router, a container-mode card's tie to its donor, a port's dashed line to
// the container it forwards to. Envelopes travel along its path (pointAt).
#pragma once

#include <QGraphicsItem>
#include <QPainterPath>

#include "topology_layout.hpp"

namespace docknet::scene {

class LinkItem : public QGraphicsItem {
public:
    enum { Type = UserType + 2 };

    explicit LinkItem(LayoutItem item);

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

    void setLayoutItem(LayoutItem item);
    [[nodiscard]] const LayoutItem& layoutItem() const { return m_item; }
    /// The point at fraction t (0..1) of the path, from path.front() (t=0) to path.back().
    [[nodiscard]] QPointF pointAt(double t) const;

private:
    void rebuild();

    LayoutItem m_item;
    QPainterPath m_path;
};

}  // namespace docknet::scene
