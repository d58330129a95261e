// EventDetailsView: everything about one trace event — a title line, the frame dissected into
// layers (Wireshark's details pane), why the kernel did it (explainEvent's sentences) and the
// frame's bytes; selecting a field highlights its bytes.
#pragma once

#include <cstddef>
#include <optional>

#include <QWidget>

#include "sim/core/trace.hpp"
#include "sim/net/kernel.hpp"

class QLabel;
class QPlainTextEdit;
class QTreeWidget;
class QTreeWidgetItem;

namespace docknet::gui {

class EventDetailsView : public QWidget {
    Q_OBJECT
public:
    explicit EventDetailsView(QWidget* parent = nullptr);

    /// Shows record `index` of `log`, titled "Event #<index + 1>" (1-based, as the event list
    /// numbers events). Nothing is kept: the view copies what it displays.
    /// An index past the end clears the view.
    void showEvent(const sim::core::TraceLog& log, std::size_t index, const sim::net::Kernel& kernel);
    void clear();

protected:
    // The name showEvent is the brief's API; keep QWidget's showEvent(QShowEvent*) visible too.
    using QWidget::showEvent;
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void highlightBytes(QTreeWidgetItem* item);

    struct Shown {
        std::size_t index = 0;
        QString time;
        QString where;
        QString kind;
    };

    QLabel* m_title = nullptr;
    QTreeWidget* m_fields = nullptr;
    QLabel* m_whyHeading = nullptr;
    QLabel* m_why = nullptr;
    QLabel* m_bytesHeading = nullptr;
    QPlainTextEdit* m_bytes = nullptr;
    std::optional<Shown> m_shown;  // what the title names, so a language change can rewrite it
};

}  // namespace docknet::gui
