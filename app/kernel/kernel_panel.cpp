#include "kernel/kernel_panel.hpp"

#include <QApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QThread>
#include <QVBoxLayout>

#include <cstdlib>

#include "controller/lab_controller.hpp"
#include "inspect/time_machine.hpp"
#include "real/real_backend.hpp"
#include "sim/plan/plan.hpp"

namespace docknet::gui {

namespace {

QString qs(const std::string& s) { return QString::fromStdString(s); }

constexpr int kStages = 4;  // replay, plan, apply, probe
constexpr int kProbeTimeoutMs = 1000;

/// Where the ledger lives: $DOCKNET_REAL_STATE as for `docknet real`, else real/'s default.
real::RealOptions backendOptions() {
    real::RealOptions options;
    if (const char* dir = std::getenv("DOCKNET_REAL_STATE"); dir && *dir) options.stateDir = dir;
    return options;
}

}  // namespace

// What the worker thread hands back; read on the GUI thread once the thread has finished.
struct KernelJobResult {
    sim::plan::Comparison comparison;
    std::string error;
    bool applied = false;
    bool removed = false;
};

KernelPanel::KernelPanel(LabController& controller, QWidget* parent) : QWidget(parent), m_controller(controller) {
    setObjectName(QStringLiteral("kernelPanel"));
    auto* box = new QVBoxLayout(this);
    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);
    box->addWidget(m_intro);
    auto* buttons = new QHBoxLayout;
    m_apply = new QPushButton(this);
    m_apply->setObjectName(QStringLiteral("kernelApply"));
    m_down = new QPushButton(this);
    m_down->setObjectName(QStringLiteral("kernelDown"));
    buttons->addWidget(m_apply, 1);
    buttons->addWidget(m_down);
    box->addLayout(buttons);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, kStages);
    m_progress->setValue(0);
    m_progress->setTextVisible(false);
    box->addWidget(m_progress);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("kernelStatus"));
    m_status->setWordWrap(true);
    box->addWidget(m_status);
    m_rows = new QTableWidget(0, 4, this);
    m_rows->setObjectName(QStringLiteral("kernelRows"));
    m_rows->verticalHeader()->hide();
    // "What" takes the room and wraps; the values are short and keep theirs (full text on hover).
    m_rows->horizontalHeader()->setStretchLastSection(false);
    m_rows->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_rows->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_rows->horizontalHeader()->setSectionResizeMode(3, QHeaderView::ResizeToContents);
    m_rows->setWordWrap(true);
    m_rows->setTextElideMode(Qt::ElideMiddle);
    m_rows->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_rows->setSelectionBehavior(QAbstractItemView::SelectRows);
    box->addWidget(m_rows, 1);
    m_differences = new QLabel(this);
    m_differences->setObjectName(QStringLiteral("kernelDifferences"));
    m_differences->setWordWrap(true);
    m_differences->setTextFormat(Qt::RichText);
    box->addWidget(m_differences);

    connect(m_apply, &QPushButton::clicked, this, [this] { applyAndVerify(false); });
    connect(m_down, &QPushButton::clicked, this, [this] { removeFromKernel(); });
    retranslate();
}

KernelPanel::~KernelPanel() {
    // The job uses the backend: it must end before the backend goes.
    if (m_thread) m_thread->wait();
}

std::optional<QString> KernelPanel::unavailableReason() {
    if (auto ok = real::RealBackend::checkPrivileges(); !ok) return qs(ok.error().message);
    return std::nullopt;
}

void KernelPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

void KernelPanel::retranslate() {
    m_intro->setText(tr("Build this Docker host in real Linux network namespaces (docknet-host, docknet-router and "
                        "one docknet-&lt;container&gt; each), run the same pings and TCP connects there, and compare the "
                        "kernel's neighbour tables and bridge FDBs with the simulation. Needs root; the machine's own "
                        "network is not touched. Afterwards: <code>ip netns exec docknet-&lt;container&gt; ip neigh</code>."));
    m_intro->setTextFormat(Qt::RichText);
    m_apply->setText(tr("Apply to kernel and verify"));
    m_down->setText(tr("Remove from kernel"));
    m_rows->setHorizontalHeaderLabels({tr("Section"), tr("What"), tr("Simulation · kernel"), QString()});
    if (!busy() && m_status->text().isEmpty()) {
        if (const auto why = unavailableReason()) m_status->setText(tr("Not available here: %1").arg(*why));
    }
}

QString KernelPanel::statusText() const { return m_status->text(); }

void KernelPanel::showStage(int stage, const QString& detail) {
    m_progress->setValue(stage);
    const QString names[kStages] = {tr("replaying the session"), tr("deriving the kernel plan"),
                                    tr("building the namespaces"), tr("probing: pings, TCP connects, tables")};
    QString text = tr("Step %1 of %2: %3").arg(std::min(stage + 1, kStages)).arg(kStages).arg(names[std::min(stage, kStages - 1)]);
    if (!detail.isEmpty()) text += QStringLiteral(" · ") + detail;
    m_status->setText(text);
}

bool KernelPanel::applyAndVerify(bool confirmed) {
    if (busy()) return false;
    if (const auto why = unavailableReason()) {
        m_error = *why;
        m_status->setText(tr("Not available here: %1").arg(*why));
        return false;
    }
    const Session session{m_controller.options(), m_controller.inputs()};
    if (!confirmed) {
        // The list comes from the same plan the job will apply (a replay is cheap).
        const auto host = replaySession(session);
        const auto plan = sim::plan::derivePlan(*host);
        QMessageBox ask(QMessageBox::Question, tr("Apply to kernel"),
                        tr("docknet will create %n network namespace(s), all named docknet-*, with the bridges, veth "
                           "pairs, addresses, routes and nftables rules of this host. It records each object before "
                           "making it, so \"Remove from kernel\" (or `docknet real down`) removes all of it. Go on?",
                           nullptr, static_cast<int>(plan.namespaces.size())),
                        QMessageBox::Yes | QMessageBox::Cancel, this);
        ask.setDetailedText(qs(plan.describe()));
        if (ask.exec() != QMessageBox::Yes) return false;
    }
    m_error.clear();
    m_comparison = {};
    m_rows->setRowCount(0);
    m_differences->clear();
    m_made = 0;
    if (!m_backend) {
        real::RealOptions options = backendOptions();
        // Told on the backend's worker thread: the label is updated on the GUI thread.
        options.onMade = [this](const std::string& what) {
            QMetaObject::invokeMethod(this, [this, what = qs(what)] {
                ++m_made;
                showStage(2, tr("%n object(s) made, last: %1", nullptr, m_made).arg(what));
            }, Qt::QueuedConnection);
        };
        m_backend = std::make_unique<real::RealBackend>(std::move(options));
    }
    auto result = std::make_shared<KernelJobResult>();
    real::RealBackend* backend = m_backend.get();
    m_thread = QThread::create([this, session, result, backend] {
        auto stage = [this](int s) { QMetaObject::invokeMethod(this, [this, s] { showStage(s); }, Qt::QueuedConnection); };
        stage(0);
        auto host = replaySession(session);
        stage(1);
        const auto plan = sim::plan::derivePlan(*host);
        stage(2);
        if (auto applied = backend->apply(plan); !applied) {
            result->error = applied.error().message;
            return;
        }
        result->applied = true;
        stage(3);
        result->comparison = sim::plan::compareWithKernel(*host, plan, *backend, kProbeTimeoutMs);
    });
    connect(m_thread, &QThread::finished, this, [this, result] {
        m_thread->deleteLater();
        m_thread = nullptr;
        m_applied = m_applied || result->applied;
        m_error = qs(result->error);
        m_comparison = std::move(result->comparison);
        showResult();
        m_apply->setEnabled(true);
        m_down->setEnabled(true);
        emit finished(m_error.isEmpty() && m_comparison.differences().empty() && !m_comparison.rows.empty());
    });
    m_apply->setEnabled(false);
    m_down->setEnabled(false);
    showStage(0);
    m_thread->start();
    return true;
}

void KernelPanel::showResult() {
    m_progress->setValue(kStages);
    if (!m_error.isEmpty()) {
        m_status->setText(tr("Stopped: %1").arg(m_error));
        return;
    }
    const auto differences = m_comparison.differences();
    m_rows->setRowCount(static_cast<int>(m_comparison.rows.size()));
    int r = 0;
    for (const auto& row : m_comparison.rows) {
        // One value where both worlds agree (the usual case, and a narrow dock); both where not.
        const QString value = row.agrees() ? qs(row.sim)
                                           : tr("simulation: %1").arg(qs(row.sim)) + QLatin1Char('\n') +
                                                 tr("kernel: %1").arg(qs(row.kernel));
        const QStringList cells{qs(row.section), qs(row.what), value, row.agrees() ? QStringLiteral("✓") : QStringLiteral("✗")};
        for (int c = 0; c < cells.size(); ++c) {
            auto* item = new QTableWidgetItem(cells[c]);
            item->setToolTip(cells[c]);
            if (!row.agrees()) item->setForeground(QColor(0xc6, 0x28, 0x28));
            m_rows->setItem(r, c, item);
        }
        ++r;
    }
    m_rows->resizeColumnToContents(2);
    m_rows->setColumnWidth(2, std::min(m_rows->columnWidth(2), 190));
    m_rows->resizeRowsToContents();
    if (differences.empty()) {
        m_status->setText(tr("Simulation and kernel agree on all %n row(s).", nullptr, static_cast<int>(m_comparison.rows.size())));
        m_differences->clear();
    } else {
        m_status->setText(tr("%n difference(s) between the simulation and the kernel:", nullptr, static_cast<int>(differences.size())));
        QStringList lines;
        for (const auto& d : differences) lines << qs(d).toHtmlEscaped();
        m_differences->setText(QStringLiteral("<span style=\"color:#c62828\">") + lines.join(QStringLiteral("<br>")) +
                               QStringLiteral("</span>"));
    }
}

bool KernelPanel::removeFromKernel() {
    if (busy()) return false;
    if (const auto why = unavailableReason()) {
        m_status->setText(tr("Not available here: %1").arg(*why));
        return false;
    }
    if (!m_backend) m_backend = std::make_unique<real::RealBackend>(backendOptions());
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const auto removed = m_backend->down();
    QApplication::restoreOverrideCursor();
    m_status->setText(removed ? tr("Removed everything docknet had made in the kernel.")
                              : tr("Could not remove it all: %1").arg(qs(removed.error().message)));
    if (removed) m_applied = false;
    return removed.has_value();
}

}  // namespace docknet::gui
