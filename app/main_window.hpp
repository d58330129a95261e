// MainWindow: the canvas in the middle, Events and Console docked below, Inspector, event
// details and Explain on the right; menus for export, simulation and language. It wires the
// views to the one LabController and shows the playback cursor's event everywhere at once.
#pragma once

#include <QMainWindow>
#include <QString>
#include <QTranslator>

#include <memory>

#include "scene/topology_layout.hpp"
#include "scene/topology_snapshot.hpp"

class QAction;
class QActionGroup;
class QCheckBox;
class QDockWidget;
class QGraphicsView;
class QLabel;
class QMenu;
class QSlider;
class QTableView;
class QTabWidget;
class QToolButton;

namespace docknet::scene {
class TopologyScene;
}

namespace docknet::gui {

class ConsoleWidget;
class EventDetailsView;
class EventListModel;
class InspectorPanel;
class LabController;
class LabPanel;
class KernelPanel;
class Playback;
struct CommandOutcome;

class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    LabController& controller() { return *m_controller; }
    [[nodiscard]] scene::TopologyScene* scene() const { return m_scene; }
    [[nodiscard]] QGraphicsView* view() const { return m_view; }
    [[nodiscard]] EventListModel* events() const { return m_events; }
    [[nodiscard]] Playback* playback() const { return m_playback; }
    [[nodiscard]] ConsoleWidget* console() const { return m_console; }
    [[nodiscard]] LabPanel* labPanel() const { return m_labPanel; }
    [[nodiscard]] KernelPanel* kernelPanel() const { return m_kernel; }
    [[nodiscard]] QString hintText() const;
    [[nodiscard]] QString explainText() const;

    /// Free play: a fresh host in the tutorial's opening state and a hint what to do.
    void loadWelcome();
    /// Reads the guided labs of `dir` into the Lab dock (and the Labs menu).
    void loadLabs(const QString& dir);
    /// Starts the lab called `name`; false (and why) when there is none or its setup fails.
    bool openLab(const QString& name, QString* error = nullptr);
    /// Does steps 1 .. n-1 of the running lab for the student (answers included), so a lab can
    /// be opened at step n: for screenshots and for a teacher's demo.
    bool skipToStep(int n, QString* error = nullptr);
    /// Jumps to the last event (with no animation), as a finished playback would leave it.
    void showLastEvent();
    void selectItem(const QString& id);
    /// Puts the cursor on trace record `record` (no animation).
    void showEventRecord(std::size_t record);
    /// 0: event details, 1: Inspector, 2: Explain, 3: Kernel.
    void showRightTab(int index);
    void fitToView();

    bool exportPng(const QString& file, QString* error = nullptr);
    bool exportSvg(const QString& file, QString* error = nullptr);
    bool exportPcap(const QString& file, QString* error = nullptr);
    bool exportSession(const QString& file, QString* error = nullptr);
    /// What the canvas holds, one object per item: kind, id, label, rect.
    bool dumpScene(const QString& file, QString* error = nullptr) const;
    /// Switches the user interface language at run time ("en", "ko").
    bool setLanguage(const QString& lang);
    [[nodiscard]] QString language() const { return m_lang; }

public slots:
    void showAbout();

protected:
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void buildMenus();
    void buildDocks();
    void retranslate();
    void relayout();
    void onCommandRan(const CommandOutcome& o);
    void onRestarted();
    void onLabChanged();
    void rebuildLabsMenu();
    void onCurrentEvent(int row, bool animate);
    void refreshInspector();
    void showStatus();
    void explainFailure(const CommandOutcome& o);
    scene::LayoutPhrases phrases() const;

    std::unique_ptr<LabController> m_controller;
    scene::TopologyScene* m_scene = nullptr;
    QGraphicsView* m_view = nullptr;
    EventListModel* m_events = nullptr;
    Playback* m_playback = nullptr;
    ConsoleWidget* m_console = nullptr;
    EventDetailsView* m_details = nullptr;
    InspectorPanel* m_inspector = nullptr;
    LabPanel* m_labPanel = nullptr;
    KernelPanel* m_kernel = nullptr;
    QDockWidget* m_labDock = nullptr;
    QLabel* m_hint = nullptr;
    QLabel* m_explain = nullptr;
    QTableView* m_eventTable = nullptr;
    QTabWidget* m_bottomTabs = nullptr;
    QTabWidget* m_rightTabs = nullptr;
    QDockWidget* m_bottomDock = nullptr;
    QDockWidget* m_rightDock = nullptr;
    QSlider* m_speed = nullptr;
    QLabel* m_speedLabel = nullptr;
    QList<QCheckBox*> m_filters;

    scene::LayoutMemory m_memory;
    scene::TopologySnapshot m_snapshot;
    QString m_selectedId;
    QString m_explainHtml;
    QString m_lang = QStringLiteral("en");
    bool m_docksSized = false;
    QString m_suggested;  // the lab's last command suggestion put in the Console
    QTranslator m_appTranslator;
    QTranslator m_qtTranslator;

    QMenu* m_fileMenu = nullptr;
    QMenu* m_viewMenu = nullptr;
    QMenu* m_simMenu = nullptr;
    QMenu* m_langMenu = nullptr;
    QMenu* m_labsMenu = nullptr;
    QAction* m_freePlay = nullptr;
    QMenu* m_helpMenu = nullptr;
    QAction* m_openScript = nullptr;
    QAction* m_exportPng = nullptr;
    QAction* m_exportSvg = nullptr;
    QAction* m_exportPcap = nullptr;
    QAction* m_saveSession = nullptr;
    QAction* m_quit = nullptr;
    QAction* m_fit = nullptr;
    QAction* m_zoomIn = nullptr;
    QAction* m_zoomOut = nullptr;
    QAction* m_play = nullptr;
    QAction* m_stepBack = nullptr;
    QAction* m_stepForward = nullptr;
    QAction* m_first = nullptr;
    QAction* m_last = nullptr;
    QAction* m_langEn = nullptr;
    QAction* m_langKo = nullptr;
    QAction* m_about = nullptr;
    QAction* m_applyKernel = nullptr;
};

}  // namespace docknet::gui
