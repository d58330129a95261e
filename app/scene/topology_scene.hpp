// TopologyScene: the canvas. It mirrors a Layout — one NodeItem or LinkItem per layout item,
// found by id, created, updated or removed as the layout changes (Qt Creator's
// DiagramSceneModel keeps such id <-> item maps) — and plays a trace event: envelopes along
// links, marks where things happen and where packets die.
#pragma once

#include <QGraphicsScene>
#include <QHash>
#include <QSet>
#include <QVariantAnimation>

#include "event_motion.hpp"
#include "topology_layout.hpp"

namespace docknet::scene {

class NodeItem;
class LinkItem;
class PacketItem;

class TopologyScene : public QGraphicsScene {
    Q_OBJECT

public:
    explicit TopologyScene(QObject* parent = nullptr);

    void setTopology(const Layout& layout);
    [[nodiscard]] const Layout& topology() const { return m_layout; }
    [[nodiscard]] NodeItem* node(const QString& id) const { return m_nodes.value(id); }
    [[nodiscard]] LinkItem* link(const QString& id) const { return m_links.value(id); }
    [[nodiscard]] QList<PacketItem*> packets() const { return m_packets; }

    /// Shows one event: envelopes start at their link's beginning and travel for `durationMs`
    /// (0: shown where they arrive).
    void playEvent(const EventMotion& motion, int durationMs);
    /// Envelopes jump to where they arrive.
    void finishAnimation();
    [[nodiscard]] bool isAnimating() const { return m_animation.state() == QAbstractAnimation::Running; }
    void clearEvent();
    /// The shapes a guided lab's step points at (ids as in the layout); kept across relayouts.
    void setHighlighted(const QStringList& ids);
    [[nodiscard]] QStringList highlighted() const;
    /// Marks the shapes involved in a failed command (the port's holder, the conflicting one).
    void markInvolved(const QStringList& ids);

signals:
    void itemDragged(const QString& id, QPointF topLeft);
    void animationFinished();

private:
    void placePackets(double t);

    Layout m_layout;
    QHash<QString, NodeItem*> m_nodes;
    QHash<QString, LinkItem*> m_links;
    QSet<QString> m_highlighted;
    QList<PacketItem*> m_packets;
    QList<Motion> m_motions;  // parallel to m_packets
    QVariantAnimation m_animation;
};

}  // namespace docknet::scene
