#include "inspect/inspector_panel.hpp"

#include <algorithm>

#include <QCoreApplication>
#include <QEvent>
#include <QFontDatabase>
#include <QHeaderView>
#include <QLabel>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace docknet::gui {

namespace {

struct Title {
    const char* key;
    const char* text;
};

// Literal source texts for lupdate; translated when shown.
constexpr Title kTabTitles[] = {
    {"interfaces", QT_TRANSLATE_NOOP("InspectorPanel", "Interfaces")},
    {"neighbours", QT_TRANSLATE_NOOP("InspectorPanel", "ARP")},
    {"fdb", QT_TRANSLATE_NOOP("InspectorPanel", "FDB")},
    {"ports", QT_TRANSLATE_NOOP("InspectorPanel", "Ports")},
    {"routes", QT_TRANSLATE_NOOP("InspectorPanel", "Routes")},
    {"nat", QT_TRANSLATE_NOOP("InspectorPanel", "iptables nat")},
    {"filter", QT_TRANSLATE_NOOP("InspectorPanel", "iptables filter")},
    {"sockets", QT_TRANSLATE_NOOP("InspectorPanel", "Sockets")},
    {"conntrack", QT_TRANSLATE_NOOP("InspectorPanel", "Conntrack")},
    {"hosts", QT_TRANSLATE_NOOP("InspectorPanel", "/etc/hosts")},
    {"resolv", QT_TRANSLATE_NOOP("InspectorPanel", "/etc/resolv.conf")},
};

constexpr Title kColumnTitles[] = {
    {"ifindex", QT_TRANSLATE_NOOP("InspectorPanel", "#")},
    {"name", QT_TRANSLATE_NOOP("InspectorPanel", "Name")},
    {"kind", QT_TRANSLATE_NOOP("InspectorPanel", "Kind")},
    {"state", QT_TRANSLATE_NOOP("InspectorPanel", "State")},
    {"mac", QT_TRANSLATE_NOOP("InspectorPanel", "MAC")},
    {"addresses", QT_TRANSLATE_NOOP("InspectorPanel", "Addresses")},
    {"link", QT_TRANSLATE_NOOP("InspectorPanel", "Link")},
    {"ip", QT_TRANSLATE_NOOP("InspectorPanel", "IP")},
    {"dev", QT_TRANSLATE_NOOP("InspectorPanel", "Device")},
    {"lladdr", QT_TRANSLATE_NOOP("InspectorPanel", "MAC")},
    {"destination", QT_TRANSLATE_NOOP("InspectorPanel", "Destination")},
    {"gateway", QT_TRANSLATE_NOOP("InspectorPanel", "Gateway")},
    {"src", QT_TRANSLATE_NOOP("InspectorPanel", "Source")},
    {"chain", QT_TRANSLATE_NOOP("InspectorPanel", "Chain")},
    {"rule", QT_TRANSLATE_NOOP("InspectorPanel", "Rule")},
    {"pkts", QT_TRANSLATE_NOOP("InspectorPanel", "Packets")},
    {"bytes", QT_TRANSLATE_NOOP("InspectorPanel", "Bytes")},
    {"proto", QT_TRANSLATE_NOOP("InspectorPanel", "Protocol")},
    {"local", QT_TRANSLATE_NOOP("InspectorPanel", "Local")},
    {"owner", QT_TRANSLATE_NOOP("InspectorPanel", "Process")},
    {"original", QT_TRANSLATE_NOOP("InspectorPanel", "Original")},
    {"reply", QT_TRANSLATE_NOOP("InspectorPanel", "Reply")},
    {"replied", QT_TRANSLATE_NOOP("InspectorPanel", "Replied")},
    {"expires", QT_TRANSLATE_NOOP("InspectorPanel", "Expires (s)")},
    {"port", QT_TRANSLATE_NOOP("InspectorPanel", "Port")},
    {"updated", QT_TRANSLATE_NOOP("InspectorPanel", "Last seen (s)")},
    {"line", QT_TRANSLATE_NOOP("InspectorPanel", "Line")},
};

template <std::size_t N>
QString titleFor(const Title (&titles)[N], const std::string& key) {
    for (const auto& t : titles)
        if (key == t.key) return QCoreApplication::translate("InspectorPanel", t.text);
    return QString::fromStdString(key);  // a table the panel does not know yet keeps its id
}

const Table* findTable(const std::vector<Table>& tables, const std::string& id) {
    auto it = std::find_if(tables.begin(), tables.end(), [&](const Table& t) { return t.id == id; });
    return it == tables.end() ? nullptr : &*it;
}

bool containsRow(const Table* t, const std::vector<std::string>& row) {
    return t && std::find(t->rows.begin(), t->rows.end(), row) != t->rows.end();
}

}  // namespace

QColor InspectorPanel::changedRowColor() { return QColor(0xff, 0xf5, 0xb8); }

InspectorPanel::InspectorPanel(QWidget* parent) : QWidget(parent) {
    m_header = new QLabel(this);
    m_header->setObjectName(QStringLiteral("header"));
    QFont bold = m_header->font();
    bold.setBold(true);
    m_header->setFont(bold);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("tabs"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_header);
    layout->addWidget(m_tabs, 1);
    retranslate();
}

void InspectorPanel::showTables(const QString& title, const TablesAt& tables) {
    const int current = m_tabs->currentIndex();
    while (m_tabs->count() > 0) delete m_tabs->widget(0);  // deleting a page removes its tab
    m_title = title;
    m_shown = tables.after;
    for (const Table& t : tables.after) m_tabs->addTab(makeTable(t, findTable(tables.before, t.id)), QString());
    if (current >= 0 && current < m_tabs->count()) m_tabs->setCurrentIndex(current);
    retranslate();
}

void InspectorPanel::clear() { showTables(QString(), {}); }

QTableWidget* InspectorPanel::makeTable(const Table& after, const Table* before) {
    std::vector<const std::vector<std::string>*> removed;
    if (before)
        for (const auto& row : before->rows)
            if (!containsRow(&after, row)) removed.push_back(&row);
    auto* table = new QTableWidget(int(after.rows.size() + removed.size()), int(after.columns.size()));
    table->setObjectName(QString::fromStdString(after.id));
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    table->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    auto fill = [&](int r, const std::vector<std::string>& row, bool changed, bool gone) {
        for (int c = 0; c < table->columnCount(); ++c) {
            auto* item = new QTableWidgetItem(c < int(row.size()) ? QString::fromStdString(row[std::size_t(c)]) : QString());
            if (changed) item->setBackground(changedRowColor());
            if (gone) {
                QFont f = table->font();
                f.setStrikeOut(true);
                item->setFont(f);
                item->setForeground(table->palette().color(QPalette::Disabled, QPalette::Text));
            }
            table->setItem(r, c, item);
        }
    };
    int r = 0;
    // A row is new or changed when the state before the event did not have it exactly.
    for (const auto& row : after.rows) fill(r++, row, !containsRow(before, row), false);
    for (const auto* row : removed) fill(r++, *row, false, true);
    table->resizeColumnsToContents();
    return table;
}

void InspectorPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

void InspectorPanel::retranslate() {
    // One context ("InspectorPanel") for the header and the tab and column titles.
    m_header->setText(m_title.isEmpty() ? QCoreApplication::translate("InspectorPanel", "Inspector")
                                        : QCoreApplication::translate("InspectorPanel", "Inspector · %1").arg(m_title));
    for (int i = 0; i < m_tabs->count() && i < int(m_shown.size()); ++i) {
        const Table& t = m_shown[std::size_t(i)];
        m_tabs->setTabText(i, titleFor(kTabTitles, t.id));
        auto* table = qobject_cast<QTableWidget*>(m_tabs->widget(i));
        if (!table) continue;
        QStringList headers;
        for (const auto& c : t.columns) headers << titleFor(kColumnTitles, c);
        table->setHorizontalHeaderLabels(headers);
    }
}

}  // namespace docknet::gui
