// InspectorPanel: a place's tables (TablesAt::after) one tab each, read-only and monospace,
// with the rows that the event added or changed highlighted (pale yellow) and the rows it
// removed shown struck out, so a step through the trace shows what each event did.
#pragma once

#include <string>
#include <vector>

#include <QWidget>

#include "inspect/time_machine.hpp"

class QLabel;
class QTabWidget;
class QTableWidget;

namespace docknet::gui {

class InspectorPanel : public QWidget {
    Q_OBJECT
public:
    explicit InspectorPanel(QWidget* parent = nullptr);

    /// `title` names the place and moment, already in the user's language ("nginx (as of
    /// event #12)"); the header reads "Inspector · <title>".
    void showTables(const QString& title, const TablesAt& tables);
    void clear();

    /// The background of rows the event added or changed.
    static QColor changedRowColor();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    QTableWidget* makeTable(const Table& after, const Table* before);

    QLabel* m_header = nullptr;
    QTabWidget* m_tabs = nullptr;
    QString m_title;
    std::vector<Table> m_shown;  // ids and columns of the tabs, for retranslation
};

}  // namespace docknet::gui
