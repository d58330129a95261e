// PacketItem: an envelope moving along a link (coloured by protocol, with a short label), or,
// for a drop, a red cross where the packet died with the reason as its tooltip.
#pragma once

#include <QGraphicsItem>
#include <QString>

#include "scene_style.hpp"

namespace docknet::scene {

class PacketItem : public QGraphicsItem {
public:
    enum { Type = UserType + 3 };

    PacketItem(Protocol protocol, QString label, bool dropped);

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;
    [[nodiscard]] bool isDrop() const { return m_dropped; }
    [[nodiscard]] const QString& label() const { return m_label; }

private:
    Protocol m_protocol;
    QString m_label;
    bool m_dropped;
};

}  // namespace docknet::scene
