#include "trace/event_details_view.hpp"

#include <algorithm>

#include <QEvent>
#include <QFontDatabase>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QTextBlock>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "trace/event_explainer.hpp"
#include "trace/frame_dissector.hpp"
#include "trace/hex_dump.hpp"

namespace docknet::gui {

namespace {

constexpr int kOffsetRole = Qt::UserRole;
constexpr int kLengthRole = Qt::UserRole + 1;
constexpr int kBytesPerLine = 16;

void addField(QTreeWidgetItem* parent, QTreeWidget* tree, const DissectedField& f) {
    const QString text = f.value.isEmpty() ? f.name : QStringLiteral("%1: %2").arg(f.name, f.value);
    auto* item = parent ? new QTreeWidgetItem(parent, {text}) : new QTreeWidgetItem(tree, {text});
    item->setData(0, kOffsetRole, f.offset);
    item->setData(0, kLengthRole, f.length);
    for (const auto& c : f.children) addField(item, tree, c);
}

/// "docker0" from "host/docker0"; a record without an interface keeps its whole place.
QString placeOf(const sim::core::TraceRecord& rec) {
    const QString where = QString::fromStdString(rec.where());
    const QString iface = where.section(QLatin1Char('/'), 1);
    return iface.isEmpty() ? where : iface;
}

}  // namespace

EventDetailsView::EventDetailsView(QWidget* parent) : QWidget(parent) {
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("title"));
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);

    m_fields = new QTreeWidget(this);
    m_fields->setObjectName(QStringLiteral("fields"));
    m_fields->setColumnCount(1);
    m_fields->header()->hide();

    m_whyHeading = new QLabel(this);
    m_whyHeading->setFont(bold);
    m_why = new QLabel(this);
    m_why->setObjectName(QStringLiteral("why"));
    m_why->setWordWrap(true);
    m_why->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_bytesHeading = new QLabel(this);
    m_bytesHeading->setFont(bold);
    m_bytes = new QPlainTextEdit(this);
    m_bytes->setObjectName(QStringLiteral("bytes"));
    m_bytes->setReadOnly(true);
    m_bytes->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_bytes->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_fields, 3);
    layout->addWidget(m_whyHeading);
    layout->addWidget(m_why);
    layout->addWidget(m_bytesHeading);
    layout->addWidget(m_bytes, 2);

    connect(m_fields, &QTreeWidget::currentItemChanged, this,
            [this](QTreeWidgetItem* current, QTreeWidgetItem*) { highlightBytes(current); });
    retranslate();
}

void EventDetailsView::showEvent(const sim::core::TraceLog& log, std::size_t index, const sim::net::Kernel& kernel) {
    if (index >= log.size()) {
        clear();
        return;
    }
    const sim::core::TraceRecord& rec = log.records()[index];
    m_shown = Shown{index, QString::fromStdString(rec.time.toString()), placeOf(rec),
                    QString::fromLatin1(sim::core::toString(rec.kind).data(), qsizetype(sim::core::toString(rec.kind).size()))};
    const auto bytes = log.frameBytes(rec.frame);
    m_fields->clear();
    for (const auto& layer : dissectFrame(rec.frame.layer, bytes)) addField(nullptr, m_fields, layer);
    m_fields->expandAll();
    m_why->setText(explainEvent(log, index, kernel).join(QLatin1Char('\n')));
    m_bytes->setExtraSelections({});
    m_bytes->setPlainText(hexDump(bytes));
    retranslate();
}

void EventDetailsView::clear() {
    m_shown.reset();
    m_fields->clear();
    m_why->clear();
    m_bytes->setExtraSelections({});
    m_bytes->clear();
    retranslate();
}

void EventDetailsView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

void EventDetailsView::retranslate() {
    m_whyHeading->setText(tr("Why"));
    m_bytesHeading->setText(tr("Bytes"));
    m_bytes->setPlaceholderText(tr("This event carries no frame."));
    if (!m_shown) {
        m_title->setText(tr("No event selected"));
        return;
    }
    m_title->setText(tr("Event #%1 · %2 s · %3 · %4").arg(m_shown->index + 1).arg(m_shown->time, m_shown->where, m_shown->kind));
}

void EventDetailsView::highlightBytes(QTreeWidgetItem* item) {
    QList<QTextEdit::ExtraSelection> selections;
    const int offset = item ? item->data(0, kOffsetRole).toInt() : -1;
    const int length = item ? item->data(0, kLengthRole).toInt() : 0;
    QTextCharFormat format;
    format.setBackground(palette().highlight());
    format.setForeground(palette().highlightedText());
    // One selection per dump line: the field's bytes on that line, from the first to the last.
    for (int first = offset; offset >= 0 && first < offset + length;) {
        const int line = first / kBytesPerLine;
        const int last = std::min(offset + length, (line + 1) * kBytesPerLine) - 1;
        const QTextBlock block = m_bytes->document()->findBlockByNumber(line);
        if (!block.isValid()) break;
        QTextCursor cursor(block);
        cursor.setPosition(block.position() + hexColumnOf(first % kBytesPerLine).start);
        cursor.setPosition(block.position() + hexColumnOf(last % kBytesPerLine).end, QTextCursor::KeepAnchor);
        selections.append({cursor, format});
        first = last + 1;
    }
    m_bytes->setExtraSelections(selections);
}

}  // namespace docknet::gui
