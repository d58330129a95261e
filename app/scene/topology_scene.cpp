#include "topology_scene.hpp"

#include <QSet>

#include "link_item.hpp"
#include "node_item.hpp"
#include "packet_item.hpp"

namespace docknet::scene {

TopologyScene::TopologyScene(QObject* parent) : QGraphicsScene(parent) {
    setBackgroundBrush(Qt::white);
    m_animation.setStartValue(0.0);
    m_animation.setEndValue(1.0);
    m_animation.setEasingCurve(QEasingCurve::InOutQuad);
    connect(&m_animation, &QVariantAnimation::valueChanged, this, [this](const QVariant& v) { placePackets(v.toDouble()); });
    connect(&m_animation, &QVariantAnimation::finished, this, &TopologyScene::animationFinished);
}

void TopologyScene::setTopology(const Layout& layout) {
    m_layout = layout;
    QSet<QString> seen;
    for (const auto& it : layout.items) {
        const QString id = qs(it.id);
        seen.insert(id);
        if (!it.path.empty()) {
            if (LinkItem* l = m_links.value(id)) {
                l->setLayoutItem(it);
            } else {
                l = new LinkItem(it);
                addItem(l);
                m_links.insert(id, l);
            }
        } else if (NodeItem* n = m_nodes.value(id)) {
            n->setLayoutItem(it);
        } else {
            n = new NodeItem(it);
            n->setHighlighted(m_highlighted.contains(id));
            connect(n, &NodeItem::dragged, this, &TopologyScene::itemDragged);
            addItem(n);
            m_nodes.insert(id, n);
        }
    }
    for (auto it = m_nodes.begin(); it != m_nodes.end();) {
        if (seen.contains(it.key())) {
            ++it;
            continue;
        }
        delete it.value();
        it = m_nodes.erase(it);
    }
    for (auto it = m_links.begin(); it != m_links.end();) {
        if (seen.contains(it.key())) {
            ++it;
            continue;
        }
        delete it.value();
        it = m_links.erase(it);
    }
    const auto& b = layout.bounds;
    setSceneRect(QRectF(b.x, b.y, b.w, b.h).adjusted(-20, -20, 20, 20));
}

void TopologyScene::clearEvent() {
    m_animation.stop();
    qDeleteAll(m_packets);
    m_packets.clear();
    m_motions.clear();
    for (NodeItem* n : std::as_const(m_nodes))
        if (n->mark() == NodeItem::Mark::Active) n->setMark(NodeItem::Mark::None);
}

void TopologyScene::setHighlighted(const QStringList& ids) {
    m_highlighted = QSet<QString>(ids.begin(), ids.end());
    for (auto it = m_nodes.begin(); it != m_nodes.end(); ++it) it.value()->setHighlighted(m_highlighted.contains(it.key()));
}

QStringList TopologyScene::highlighted() const {
    QStringList out;
    for (auto it = m_nodes.begin(); it != m_nodes.end(); ++it)
        if (it.value()->highlighted()) out << it.key();
    out.sort();
    return out;
}

void TopologyScene::markInvolved(const QStringList& ids) {
    for (NodeItem* n : std::as_const(m_nodes)) n->setMark(NodeItem::Mark::None);
    for (const QString& id : ids)
        if (NodeItem* n = m_nodes.value(id)) n->setMark(NodeItem::Mark::Involved);
}

void TopologyScene::playEvent(const EventMotion& motion, int durationMs) {
    clearEvent();
    for (NodeItem* n : std::as_const(m_nodes))
        if (n->mark() == NodeItem::Mark::Involved) n->setMark(NodeItem::Mark::None);
    const QString label = qs(motion.label);
    for (const Motion& m : motion.motions) {
        if (!m.nodeId.empty() && !m.drop) {
            if (NodeItem* n = m_nodes.value(qs(m.nodeId))) n->setMark(NodeItem::Mark::Active);
            continue;
        }
        if (m.linkId.empty() && !m.drop) continue;
        auto* p = new PacketItem(motion.protocol, m_packets.isEmpty() ? label : QString(), m.drop);
        addItem(p);
        m_packets.push_back(p);
        m_motions.push_back(m);
        if (m.drop && m.linkId.empty()) {
            // Dropped inside a shape: the mark sits on it, near its top.
            if (NodeItem* n = m_nodes.value(qs(m.nodeId))) {
                const auto& r = n->layoutItem().rect;
                p->setPos(r.x + r.w - 18, r.y + 16);
                n->setMark(NodeItem::Mark::Involved);
            }
        }
    }
    if (durationMs > 0 && !m_packets.isEmpty()) {
        placePackets(0.0);
        m_animation.setDuration(durationMs);
        m_animation.start();
    } else {
        placePackets(1.0);
        emit animationFinished();
    }
}

void TopologyScene::finishAnimation() {
    if (!isAnimating()) return;
    m_animation.stop();
    placePackets(1.0);
    emit animationFinished();
}

void TopologyScene::placePackets(double t) {
    for (qsizetype i = 0; i < m_packets.size(); ++i) {
        const Motion& m = m_motions[i];
        LinkItem* l = m_links.value(qs(m.linkId));
        if (!l) continue;
        if (m.drop) {
            // Died at the far end of the cable it was on.
            m_packets[i]->setPos(l->pointAt(m.forward ? 0.92 : 0.08));
            continue;
        }
        m_packets[i]->setPos(l->pointAt(m.forward ? t : 1.0 - t));
    }
}

}  // namespace docknet::scene
