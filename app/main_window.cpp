#include "main_window.hpp"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDockWidget>
#include <QEvent>
#include <QFile>
#include <QGraphicsView>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QPainter>
#include <QSlider>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>
#include <QRegularExpression>
#include <QWheelEvent>

#include "console/console_widget.hpp"
#include "controller/lab_controller.hpp"
#include "events/event_list_model.hpp"
#include "events/playback.hpp"
#include "guide/lab_panel.hpp"
#include "kernel/kernel_panel.hpp"
#include "labs/lab_loader.hpp"
#include "labs/lab_session.hpp"
#include "inspect/inspector_panel.hpp"
#include "inspect/time_machine.hpp"
#include "scene/event_motion.hpp"
#include "scene/node_item.hpp"
#include "scene/scene_style.hpp"
#include "scene/topology_scene.hpp"
#include "sim/cli/docker_host.hpp"
#include "trace/event_details_view.hpp"
#include "translations.hpp"

namespace docknet::gui {

namespace {

// Zoom with the wheel, pan by dragging the background.
class CanvasView : public QGraphicsView {
public:
    using QGraphicsView::QGraphicsView;

protected:
    void wheelEvent(QWheelEvent* e) override {
        const double f = e->angleDelta().y() > 0 ? 1.15 : 1 / 1.15;
        scale(f, f);
    }
};


}  // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent), m_controller(std::make_unique<LabController>()) {
    setObjectName(QStringLiteral("docknetMainWindow"));
    setWindowTitle(QStringLiteral("docknet"));
    resize(1400, 900);

    m_scene = new scene::TopologyScene(this);
    m_view = new CanvasView(m_scene, this);
    m_view->setObjectName(QStringLiteral("topologyView"));
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setRenderHint(QPainter::TextAntialiasing);
    m_view->setDragMode(QGraphicsView::ScrollHandDrag);
    m_view->setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    auto* centre = new QWidget(this);
    auto* centreBox = new QVBoxLayout(centre);
    centreBox->setContentsMargins(0, 0, 0, 0);
    m_hint = new QLabel(centre);
    m_hint->setObjectName(QStringLiteral("hint"));
    m_hint->setWordWrap(true);
    m_hint->setStyleSheet(QStringLiteral("QLabel { background: #fff8dc; border: 1px solid #e0c060; padding: 6px; }"));
    centreBox->addWidget(m_hint);
    centreBox->addWidget(m_view, 1);
    setCentralWidget(centre);

    m_events = new EventListModel(m_controller->lab().kernel().trace(), this);
    m_playback = new Playback(*m_events, this);
    buildDocks();
    buildMenus();

    connect(m_controller.get(), &LabController::commandRan, this, &MainWindow::onCommandRan);
    connect(m_controller.get(), &LabController::restarted, this, &MainWindow::onRestarted);
    connect(m_controller.get(), &LabController::labChanged, this, &MainWindow::onLabChanged);
    connect(m_playback, &Playback::currentChanged, this, &MainWindow::onCurrentEvent);
    connect(m_scene, &scene::TopologyScene::animationFinished, m_playback, &Playback::eventShown);
    connect(m_playback, &Playback::playingChanged, this, [this](bool) { retranslate(); });
    connect(m_scene, &scene::TopologyScene::itemDragged, this, [this](const QString& id, QPointF p) {
        m_memory.dragged[id.toStdString()] = scene::Point{p.x(), p.y()};
        relayout();
    });
    connect(m_scene, &QGraphicsScene::selectionChanged, this, [this] {
        const auto items = m_scene->selectedItems();
        if (items.isEmpty()) return;
        m_selectedId = items.front()->data(0).toString();
        refreshInspector();
    });

    statusBar();
    loadLabs(QString::fromStdString(labs::defaultScenarioDir().string()));
    relayout();
    retranslate();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildDocks() {
    // Bottom: Console, and Events with the playback controls and filters.
    auto* eventsPage = new QWidget(this);
    auto* eventsBox = new QVBoxLayout(eventsPage);
    eventsBox->setContentsMargins(2, 2, 2, 2);
    auto* controls = new QHBoxLayout;
    auto addButton = [&](QAction*& action, const QString& icon, auto slot, QKeySequence key) {
        action = new QAction(icon, this);
        action->setShortcut(key);
        connect(action, &QAction::triggered, m_playback, slot);
        auto* b = new QToolButton(eventsPage);
        b->setDefaultAction(action);
        controls->addWidget(b);
    };
    addButton(m_first, QStringLiteral("⏮"), &Playback::first, QKeySequence(Qt::Key_Home));
    addButton(m_stepBack, QStringLiteral("◀"), &Playback::stepBack, QKeySequence(Qt::Key_F7));
    addButton(m_play, QStringLiteral("▶"), &Playback::togglePlay, QKeySequence(Qt::Key_F5));
    addButton(m_stepForward, QStringLiteral("▶|"), &Playback::stepForward, QKeySequence(Qt::Key_F8));
    addButton(m_last, QStringLiteral("⏭"), &Playback::last, QKeySequence(Qt::Key_End));
    m_speedLabel = new QLabel(eventsPage);
    controls->addSpacing(12);
    controls->addWidget(m_speedLabel);
    m_speed = new QSlider(Qt::Horizontal, eventsPage);
    m_speed->setRange(1, 40);  // tenths: 0.1x .. 4x
    m_speed->setValue(10);
    m_speed->setMaximumWidth(140);
    connect(m_speed, &QSlider::valueChanged, this, [this](int v) { m_playback->setSpeed(v / 10.0); });
    controls->addWidget(m_speed);
    controls->addSpacing(12);
    for (auto p : {scene::Protocol::Arp, scene::Protocol::Icmp, scene::Protocol::Tcp, scene::Protocol::Udp}) {
        auto* box = new QCheckBox(p == scene::Protocol::Udp ? QStringLiteral("UDP/DNS") : scene::protocolName(p), eventsPage);
        box->setChecked(true);
        connect(box, &QCheckBox::toggled, this, [this, p](bool on) {
            const int row = m_playback->currentRow();
            const std::size_t record = row >= 0 ? m_events->recordAt(row) : 0;
            m_events->setProtocolShown(p, on);
            m_playback->setCurrentRow(std::max(0, m_events->rowOf(record)));
        });
        m_filters << box;
        controls->addWidget(box);
    }
    controls->addStretch(1);
    eventsBox->addLayout(controls);
    m_eventTable = new QTableView(eventsPage);
    m_eventTable->setObjectName(QStringLiteral("eventTable"));
    m_eventTable->setModel(m_events);
    m_eventTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_eventTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_eventTable->verticalHeader()->hide();
    m_eventTable->verticalHeader()->setDefaultSectionSize(20);
    m_eventTable->horizontalHeader()->setStretchLastSection(true);
    m_eventTable->setColumnWidth(EventListModel::Number, 50);
    m_eventTable->setColumnWidth(EventListModel::Time, 90);
    m_eventTable->setColumnWidth(EventListModel::Where, 190);
    m_eventTable->setColumnWidth(EventListModel::Proto, 80);
    connect(m_eventTable, &QTableView::clicked, this, [this](const QModelIndex& i) {
        m_playback->pause();
        m_playback->setCurrentRow(i.row(), true);
    });
    eventsBox->addWidget(m_eventTable, 1);

    m_console = new ConsoleWidget(*m_controller, this);
    m_bottomTabs = new QTabWidget(this);
    m_bottomTabs->addTab(m_console, QString());
    m_bottomTabs->addTab(eventsPage, QString());
    m_bottomDock = new QDockWidget(this);
    m_bottomDock->setObjectName(QStringLiteral("bottomDock"));
    m_bottomDock->setWidget(m_bottomTabs);
    m_bottomDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    addDockWidget(Qt::BottomDockWidgetArea, m_bottomDock);

    // Right: the event's details, the Inspector, Explain.
    m_details = new EventDetailsView(this);
    m_inspector = new InspectorPanel(this);
    m_explain = new QLabel(this);
    m_explain->setObjectName(QStringLiteral("explain"));
    m_explain->setWordWrap(true);
    m_explain->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_explain->setMargin(8);
    m_rightTabs = new QTabWidget(this);
    m_rightTabs->addTab(m_details, QString());
    m_rightTabs->addTab(m_inspector, QString());
    m_rightTabs->addTab(m_explain, QString());
    m_kernel = new KernelPanel(*m_controller, this);
    m_rightTabs->addTab(m_kernel, QString());
    m_rightDock = new QDockWidget(this);
    m_rightDock->setObjectName(QStringLiteral("rightDock"));
    m_rightDock->setWidget(m_rightTabs);
    m_rightDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    m_rightDock->setMinimumWidth(300);
    addDockWidget(Qt::RightDockWidgetArea, m_rightDock);
    // Left: the guided lab.
    m_labPanel = new LabPanel(*m_controller, labs::LabProgress::defaultFile(), this);
    m_labDock = new QDockWidget(this);
    m_labDock->setObjectName(QStringLiteral("labDock"));
    m_labDock->setWidget(m_labPanel);
    m_labDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable | QDockWidget::DockWidgetClosable);
    m_labDock->setMinimumWidth(260);
    addDockWidget(Qt::LeftDockWidgetArea, m_labDock);
    // The lab's text runs the full height: it is read while the Console below is used.
    setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    connect(m_labPanel, &LabPanel::commandChosen, this, [this](const QString& command) {
        m_bottomTabs->setCurrentWidget(m_console);
        m_console->input()->setText(command);
        m_console->input()->setFocus();
    });
    connect(m_labPanel, &LabPanel::commandSuggested, this, [this](const QString& command) {
        // A suggestion replaces an older suggestion, never what the student typed.
        const QString typed = m_console->input()->text();
        if (typed.isEmpty() || typed == m_suggested) m_console->input()->setText(command);
        m_suggested = command;
    });
    connect(m_labPanel, &LabPanel::kernelCheckRequested, this, [this] {
        m_rightTabs->setCurrentWidget(m_kernel);
        m_kernel->applyAndVerify(false);
    });
    connect(m_labPanel, &LabPanel::highlightChanged, this, [this] { m_scene->setHighlighted(m_labPanel->highlightIds()); });
    resizeDocks({m_bottomDock}, {300}, Qt::Vertical);

}

bool MainWindow::setLanguage(const QString& lang) {
    if (!supportedLanguages().contains(lang)) return false;
    QApplication::removeTranslator(&m_appTranslator);
    QApplication::removeTranslator(&m_qtTranslator);
    if (!loadTranslations(lang, m_appTranslator, m_qtTranslator)) return false;
    if (!m_qtTranslator.isEmpty()) QApplication::installTranslator(&m_qtTranslator);
    if (!m_appTranslator.isEmpty()) QApplication::installTranslator(&m_appTranslator);
    m_lang = lang;
    (lang == QStringLiteral("ko") ? m_langKo : m_langEn)->setChecked(true);
    m_labPanel->setLanguage(lang == QStringLiteral("ko") ? labs::Language::Korean : labs::Language::English);
    retranslate();
    return true;
}

void MainWindow::showEvent(QShowEvent* event) {
    QMainWindow::showEvent(event);
    if (m_docksSized) return;
    // Once, for the size the window opens at: the canvas keeps at least about 40% of it.
    m_docksSized = true;
    const int w = width();
    resizeDocks({m_labDock, m_rightDock}, {std::clamp(w / 4, 260, 360), std::clamp(w * 3 / 10, 300, 430)}, Qt::Horizontal);
}

void MainWindow::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange && m_fileMenu) retranslate();
    QMainWindow::changeEvent(event);
}

scene::LayoutPhrases MainWindow::phrases() const {
    scene::LayoutPhrases p;
    p.hostNamespace = tr("host network namespace").toStdString();
    p.router = tr("Internet · router %1").toStdString();
    p.hostMode = tr("host network: no own IP, shares eth0").toStdString();
    p.noneMode = tr("network none: lo only").toStdString();
    p.containerMode = tr("shares %1's network namespace").toStdString();
    p.proxy = tr("docker-proxy · DNAT").toStdString();
    p.proxyWithIpv6 = tr("docker-proxy ×2 (+ [::]) · DNAT").toStdString();
    p.proxyIpv6Only = tr("docker-proxy · no DNAT (IPv6)").toStdString();
    return p;
}

void MainWindow::retranslate() {
    m_fileMenu->setTitle(tr("&File"));
    m_openScript->setText(tr("&Run script..."));
    m_exportPng->setText(tr("Export diagram as &PNG..."));
    m_exportSvg->setText(tr("Export diagram as &SVG..."));
    m_exportPcap->setText(tr("Export trace as p&cap..."));
    m_saveSession->setText(tr("Save session as &script..."));
    m_quit->setText(tr("&Quit"));
    m_viewMenu->setTitle(tr("&View"));
    m_fit->setText(tr("&Fit to window"));
    m_zoomIn->setText(tr("Zoom &in"));
    m_zoomOut->setText(tr("Zoom &out"));
    m_simMenu->setTitle(tr("&Simulation"));
    m_play->setText(m_playback->isPlaying() ? QStringLiteral("⏸") : QStringLiteral("▶"));
    m_play->setToolTip(m_playback->isPlaying() ? tr("Pause (F5)") : tr("Play (F5)"));
    m_stepBack->setToolTip(tr("Step back (F7)"));
    m_stepForward->setToolTip(tr("Step forward (F8)"));
    m_first->setToolTip(tr("First event"));
    m_last->setToolTip(tr("Last event"));
    m_langMenu->setTitle(tr("&Language"));
    m_labsMenu->setTitle(tr("La&bs"));
    rebuildLabsMenu();
    m_labDock->setWindowTitle(tr("Lab"));
    m_helpMenu->setTitle(tr("&Help"));
    m_about->setText(tr("&About docknet"));
    m_speedLabel->setText(tr("Speed"));
    m_bottomTabs->setTabText(0, tr("Console"));
    m_bottomTabs->setTabText(1, tr("Events"));
    m_rightTabs->setTabText(0, tr("Event details"));
    m_rightTabs->setTabText(1, tr("Inspector"));
    m_rightTabs->setTabText(2, tr("Explain"));
    m_rightTabs->setTabText(3, tr("Kernel"));
    m_applyKernel->setText(tr("Apply to &kernel and verify..."));
    m_bottomDock->setWindowTitle(tr("Console and events"));
    m_rightDock->setWindowTitle(tr("Details"));
    m_hint->setText(tr("Type a docker command in the Console, e.g. <b>docker exec nginx ping -c 1 172.17.0.2</b>, "
                       "then press <b>▶ Play</b> in Events to watch every frame. Click a container or bridge to "
                       "inspect its tables."));
    if (m_explainHtml.isEmpty()) m_explain->setText(tr("When a command fails, this tells who is involved and why."));
    relayout();
    showStatus();
}

void MainWindow::showStatus() {
    statusBar()->showMessage(tr("%n container(s)", nullptr, static_cast<int>(m_snapshot.containers.size())) +
                             QStringLiteral(" · ") +
                             tr("%n event(s)", nullptr, static_cast<int>(m_controller->lab().kernel().trace().size())));
}

void MainWindow::relayout() {
    m_snapshot = scene::snapshotOf(m_controller->lab());
    const auto layout = scene::layoutTopology(m_snapshot, m_memory, &scene::measureText, phrases());
    m_scene->setTopology(layout);
}

void MainWindow::fitToView() { m_view->fitInView(m_scene->sceneRect(), Qt::KeepAspectRatio); }

QString MainWindow::hintText() const { return m_hint->text(); }
QString MainWindow::explainText() const { return m_explain->text(); }

void MainWindow::loadWelcome() {
    if (m_controller->labSession() || !m_controller->inputs().empty()) m_controller->restart();
    QFile f(QStringLiteral(":/scripts/welcome.sh"));
    if (f.open(QIODevice::ReadOnly)) m_controller->runScript(QString::fromUtf8(f.readAll()));
    fitToView();
}

void MainWindow::loadLabs(const QString& dir) {
    auto catalog = labs::loadLabDirectory(dir.toStdString());
    m_labPanel->setLibrary(std::move(catalog.labs), catalog.errors);
    rebuildLabsMenu();
}

bool MainWindow::openLab(const QString& name, QString* error) {
    if (!m_labPanel->openLab(name, error)) return false;
    m_labDock->show();
    fitToView();
    return true;
}

bool MainWindow::skipToStep(int n, QString* error) {
    const auto* s = m_controller->labSession();
    if (!s) {
        if (error) *error = tr("no lab is running");
        return false;
    }
    if (n < 1 || static_cast<std::size_t>(n) > s->lab().steps.size()) {
        if (error) *error = tr("the lab has steps 1 to %1, not %2").arg(s->lab().steps.size()).arg(n);
        return false;
    }
    while (m_controller->labSession() && m_controller->labSession()->stepIndex() + 1 < static_cast<std::size_t>(n)) {
        m_controller->runLabStep();
        if (const auto& q = m_controller->labSession()->step().question) m_controller->answerLabQuestion(QString::fromStdString(q->answer));
        m_controller->advanceLab();
    }
    return true;
}

void MainWindow::rebuildLabsMenu() {
    if (!m_labsMenu) return;
    m_labsMenu->clear();
    const bool korean = m_lang == QStringLiteral("ko");
    for (const auto& lab : m_labPanel->library()) {
        const QString name = QString::fromStdString(lab.name);
        m_labsMenu->addAction(QStringLiteral("%1. %2").arg(lab.order).arg(QString::fromStdString(korean ? lab.title.ko : lab.title.en)),
                              this, [this, name] {
                                  QString error;
                                  if (!openLab(name, &error)) QMessageBox::warning(this, tr("Lab"), error);
                              });
    }
    m_labsMenu->addSeparator();
    m_freePlay = m_labsMenu->addAction(tr("&Free play (the tutorial's opening state)"), this, &MainWindow::loadWelcome);
}

void MainWindow::onRestarted() {
    // A new host: its trace, its ids and its places are new; nothing of the old one applies.
    m_playback->pause();
    m_events->setLog(m_controller->lab().kernel().trace());
    m_playback->setCurrentRow(-1);
    m_memory = {};
    m_selectedId.clear();
    m_explainHtml.clear();
    m_scene->markInvolved({});
    m_scene->clearEvent();
    m_details->clear();
    m_inspector->clear();
    relayout();
    showStatus();
}

void MainWindow::onLabChanged() {
    const bool inLab = m_controller->labSession() != nullptr;
    // The lab's own text replaces the free-play hint.
    m_hint->setVisible(!inLab);
    m_scene->setHighlighted(m_labPanel->highlightIds());
}

void MainWindow::onCommandRan(const CommandOutcome& o) {
    m_events->refresh();
    relayout();
    m_scene->setHighlighted(m_labPanel->highlightIds());
    if (o.exitCode != 0 && !o.errors.isEmpty()) {
        explainFailure(o);
    } else {
        m_explainHtml.clear();
        m_scene->markInvolved({});
    }
    if (o.traceEnd > o.traceBegin) {
        // New frames: the cursor goes to the command's first event, ready for Play.
        const int row = m_events->firstRowFrom(o.traceBegin);
        if (row >= 0) m_playback->setCurrentRow(row, false);
    }
    showStatus();
}

void MainWindow::explainFailure(const CommandOutcome& o) {
    // Who is involved: whoever holds the port, or the container the message names.
    QStringList involved;
    QString why;
    const QString err = o.errors;
    const auto& engine = m_controller->lab().engine();
    static const QRegularExpression portRe(QStringLiteral(R"(Bind for ([0-9.]+):(\d+) failed: port is already allocated)"));
    static const QRegularExpression nameRe(QStringLiteral("container name \"/([^\"]+)\""));
    if (auto m = portRe.match(err); m.hasMatch()) {
        const QString port = m.captured(2);
        for (const auto& p : m_snapshot.ports) {
            if (QString::number(p.hostPort) != port) continue;
            involved << QStringLiteral("port:") + scene::qs(p.key) << QStringLiteral("container:") + scene::qs(p.containerId);
            if (const auto* c = engine.findContainer(p.containerId))
                why = tr("Port %1 on the host is already published by container <b>%2</b>: its docker-proxy holds it, "
                         "and a host port goes to one container only. Publish another host port (-p 8081:%3) or "
                         "remove %2.")
                          .arg(port, scene::qs(c->name), QString::number(p.containerPort));
        }
    } else if (err.contains(QStringLiteral("address already in use"))) {
        why = tr("The port is already bound in the host's network namespace, by a published port's docker-proxy or a "
                 "host-mode container. A host-mode container shares the host's ports, so its bind() fails with "
                 "EADDRINUSE.");
        for (const auto& p : m_snapshot.ports) involved << QStringLiteral("port:") + scene::qs(p.key);
        for (const auto& c : m_snapshot.containers)
            if (c.mode == scene::NetworkModeView::Host && c.running) involved << QStringLiteral("container:") + scene::qs(c.id);
    } else if (auto m = nameRe.match(err); m.hasMatch() && err.contains(QStringLiteral("Conflict"))) {
        why = tr("A container called %1 already exists: names are unique on a Docker host. Remove it "
                 "(docker rm -f %1) or choose another --name.")
                  .arg(m.captured(1));
        if (const auto* c = engine.findContainer(m.captured(1).toStdString()))
            involved << QStringLiteral("container:") + scene::qs(c->id);
    } else if (err.contains(QStringLiteral("network")) && err.contains(QStringLiteral("not found"))) {
        why = tr("There is no network by that name: docker network ls lists the ones that exist, and docker network "
                 "create NAME makes one.");
    } else if (err.contains(QStringLiteral("onflicting options"))) {
        why = tr("These options cannot be combined: a container that shares another network namespace (host or "
                 "container mode) cannot publish ports, set its own hostname or join networks of its own.");
    } else {
        why = tr("The command failed: %1").arg(err.trimmed().toHtmlEscaped());
    }
    m_explainHtml = QStringLiteral("<p><b>%1</b></p><p>%2</p>").arg(o.echo.toHtmlEscaped(), why);
    m_explain->setText(m_explainHtml);
    m_rightTabs->setCurrentWidget(m_explain);
    m_scene->markInvolved(involved);
}

void MainWindow::onCurrentEvent(int row, bool animate) {
    if (row < 0) {
        m_scene->clearEvent();
        m_details->clear();
        return;
    }
    const std::size_t record = m_events->recordAt(row);
    const auto& log = m_controller->lab().kernel().trace();
    m_eventTable->selectRow(row);
    m_scene->playEvent(scene::motionFor(log, record, m_scene->topology(), m_snapshot),
                       animate ? m_playback->stepDurationMs() : 0);
    m_details->showEvent(log, record, m_controller->lab().kernel());
    refreshInspector();
}

void MainWindow::refreshInspector() {
    if (m_selectedId.isEmpty()) return;
    InspectTarget target;
    QString title;
    const std::string id = m_selectedId.section(QLatin1Char(':'), 1).toStdString();
    if (m_selectedId.startsWith(QStringLiteral("container:"))) {
        const auto* c = m_controller->lab().engine().findContainer(id);
        if (!c) return;
        target = {InspectTarget::Kind::Container, c->name};
        title = scene::qs(c->name);
    } else if (m_selectedId.startsWith(QStringLiteral("bridge:"))) {
        const auto* n = m_controller->lab().engine().findNetwork(id);
        if (!n) return;
        target = {InspectTarget::Kind::Bridge, n->bridgeName};
        title = scene::qs(n->bridgeName);
    } else if (m_selectedId == QStringLiteral("host")) {
        target = {InspectTarget::Kind::Host, {}};
        title = scene::qs(m_snapshot.hostName);
    } else {
        return;
    }
    const int row = m_playback->currentRow();
    const auto& log = m_controller->lab().kernel().trace();
    // With no event chosen the Inspector shows the state now (past the last record).
    const std::size_t record = row >= 0 ? m_events->recordAt(row) : log.size();
    const Session session{m_controller->options(), m_controller->inputs()};
    const TablesAt tables = tablesAfterEvent(session, record, target);
    // The panel adds "Inspector · " itself.
    m_inspector->showTables(row >= 0 ? tr("%1 (as of event #%2)").arg(title).arg(record + 1) : title, tables);
}

void MainWindow::selectItem(const QString& id) {
    m_scene->clearSelection();
    m_selectedId = id;
    if (auto* n = m_scene->node(id)) n->setSelected(true);
    refreshInspector();
    m_rightTabs->setCurrentWidget(m_inspector);
}

void MainWindow::showRightTab(int index) { m_rightTabs->setCurrentIndex(index); }

void MainWindow::showLastEvent() {
    if (m_events->rowCount() > 0) m_playback->setCurrentRow(m_events->rowCount() - 1, false);
}

void MainWindow::showEventRecord(std::size_t record) {
    const int row = m_events->rowOf(record);
    if (row >= 0) m_playback->setCurrentRow(row, false);
}

void MainWindow::showAbout() {
    QMessageBox::about(this, tr("About docknet"),
                       tr("<p><b>docknet</b> %1</p>"
                          "<p>A Docker network simulator: bridges, veth pairs, NAT and DNS, "
                          "shown packet by packet.</p>")
                           .arg(QStringLiteral(DOCKNET_VERSION)));
}

}  // namespace docknet::gui
