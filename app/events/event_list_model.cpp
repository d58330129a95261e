#include "event_list_model.hpp"

#include <QBrush>
#include <QColor>
#include <QFontDatabase>

#include <algorithm>

#include "scene/scene_style.hpp"

namespace docknet::gui {

EventListModel::EventListModel(const sim::core::TraceLog& log, QObject* parent) : QAbstractTableModel(parent), m_log(&log) {
    refresh();
}

void EventListModel::setLog(const sim::core::TraceLog& log) {
    m_log = &log;
    m_protocolOf.clear();
    refresh();
}

int EventListModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : static_cast<int>(m_rows.size()); }
int EventListModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

void EventListModel::refresh() {
    beginResetModel();
    const auto& records = m_log->records();
    // The log only grows (a clear() starts over): classify the new records only.
    std::size_t from = m_protocolOf.size() <= records.size() ? m_protocolOf.size() : 0;
    m_protocolOf.resize(records.size());
    for (std::size_t i = from; i < records.size(); ++i) m_protocolOf[i] = scene::protocolOf(*m_log, records[i]);
    m_rows.clear();
    for (std::size_t i = 0; i < records.size(); ++i) {
        const auto p = m_protocolOf[i];
        if (p == scene::Protocol::Other || isProtocolShown(p)) m_rows.push_back(i);
    }
    endResetModel();
}

void EventListModel::setProtocolShown(scene::Protocol p, bool shown) {
    // UDP and DNS share one filter, as they share a colour.
    for (auto q : {p, p == scene::Protocol::Udp ? scene::Protocol::Dns : p}) {
        if (shown) m_hidden.remove(static_cast<int>(q));
        else m_hidden.insert(static_cast<int>(q));
    }
    refresh();
}

int EventListModel::rowOf(std::size_t record) const {
    auto it = std::upper_bound(m_rows.begin(), m_rows.end(), record);
    if (it == m_rows.begin()) return -1;
    return static_cast<int>(std::distance(m_rows.begin(), it)) - 1;
}

int EventListModel::firstRowFrom(std::size_t record) const {
    auto it = std::lower_bound(m_rows.begin(), m_rows.end(), record);
    return it == m_rows.end() ? -1 : static_cast<int>(std::distance(m_rows.begin(), it));
}

QVariant EventListModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= static_cast<int>(m_rows.size())) return {};
    const std::size_t r = m_rows[static_cast<std::size_t>(index.row())];
    const auto& rec = m_log->records()[r];
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
            case Number: return static_cast<qulonglong>(r + 1);
            case Time: return QString::fromStdString(rec.time.toString());
            case Where: return QString::fromStdString(rec.where());
            case Proto: return scene::protocolName(m_protocolOf[r]);
            case Info: {
                QString kind = QString::fromLatin1(sim::core::toString(rec.kind).data());
                if (rec.kind == sim::core::TraceKind::Drop)
                    kind += QStringLiteral(" (%1)").arg(QString::fromLatin1(sim::core::toString(rec.reason).data()));
                return kind + QStringLiteral("  ") + QString::fromStdString(rec.detail());
            }
            default: return {};
        }
    }
    if (role == Qt::DecorationRole && index.column() == Proto && m_protocolOf[r] != scene::Protocol::Other)
        return scene::protocolColor(m_protocolOf[r]);
    if (role == Qt::ForegroundRole && rec.kind == sim::core::TraceKind::Drop) return QBrush(QColor(0xc0, 0x20, 0x20));
    if (role == Qt::FontRole && index.column() == Info) return QFontDatabase::systemFont(QFontDatabase::FixedFont);
    return {};
}

QVariant EventListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
        case Number: return tr("#");
        case Time: return tr("Time (s)");
        case Where: return tr("Where");
        case Proto: return tr("Protocol");
        case Info: return tr("Info");
        default: return {};
    }
}

}  // namespace docknet::gui
