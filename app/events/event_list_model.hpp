// EventListModel: the trace as a table — #, time, where, protocol, info — with protocol
// filters (ARP, ICMP, TCP, UDP/DNS). Rows map to trace record indices; the model holds no
// pointer into the kernel, only the TraceLog it reads (owned by the controller's host).
#pragma once

#include <QAbstractTableModel>
#include <QSet>

#include <vector>

#include "scene/event_motion.hpp"
#include "sim/core/trace.hpp"

namespace docknet::gui {

class EventListModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Number, Time, Where, Proto, Info, ColumnCount };

    explicit EventListModel(const sim::core::TraceLog& log, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    /// Re-reads the log (after a command added records).
    void refresh();
    /// Reads another log from the start (the controller replaced its host).
    void setLog(const sim::core::TraceLog& log);
    /// Which protocols are listed; "Other" (table-only events such as FdbLearn) always are.
    void setProtocolShown(scene::Protocol p, bool shown);
    [[nodiscard]] bool isProtocolShown(scene::Protocol p) const { return !m_hidden.contains(static_cast<int>(p)); }

    [[nodiscard]] std::size_t recordAt(int row) const { return m_rows.at(static_cast<std::size_t>(row)); }
    /// The row showing `record`, or the last row before it, or -1.
    [[nodiscard]] int rowOf(std::size_t record) const;
    /// The first row at or after `record`, or -1.
    [[nodiscard]] int firstRowFrom(std::size_t record) const;

private:
    const sim::core::TraceLog* m_log;
    std::vector<std::size_t> m_rows;
    std::vector<scene::Protocol> m_protocolOf;  // per record
    QSet<int> m_hidden;
};

}  // namespace docknet::gui
