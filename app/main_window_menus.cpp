// MainWindow's menu bar: File (run a script, the exports, quit), View (fit, zoom), Simulation
// (playback, apply to kernel), Labs, Language and Help.
#include "main_window.hpp"

#include <QActionGroup>
#include <QFile>
#include <QFileDialog>
#include <QGraphicsView>
#include <QMenuBar>
#include <QMessageBox>
#include <QTabWidget>

#include "controller/lab_controller.hpp"
#include "kernel/kernel_panel.hpp"

namespace docknet::gui {

void MainWindow::buildMenus() {
    m_fileMenu = menuBar()->addMenu(QString());
    m_openScript = m_fileMenu->addAction(QString(), this, [this] {
        const QString f = QFileDialog::getOpenFileName(this, tr("Run a script"), QString(), tr("Shell scripts (*.sh);;All files (*)"));
        if (f.isEmpty()) return;
        QFile file(f);
        if (!file.open(QIODevice::ReadOnly)) return;
        QString err;
        if (!m_controller->runScript(QString::fromUtf8(file.readAll()), &err)) QMessageBox::warning(this, tr("Script"), err);
    });
    m_fileMenu->addSeparator();
    auto exporter = [this](QAction*& a, const QString& filter, bool (MainWindow::*fn)(const QString&, QString*)) {
        a = m_fileMenu->addAction(QString(), this, [this, filter, fn] {
            const QString f = QFileDialog::getSaveFileName(this, tr("Export"), QString(), filter);
            if (f.isEmpty()) return;
            QString err;
            if (!(this->*fn)(f, &err)) QMessageBox::warning(this, tr("Export"), err);
        });
    };
    exporter(m_exportPng, QStringLiteral("PNG (*.png)"), &MainWindow::exportPng);
    exporter(m_exportSvg, QStringLiteral("SVG (*.svg)"), &MainWindow::exportSvg);
    exporter(m_exportPcap, QStringLiteral("pcap (*.pcap)"), &MainWindow::exportPcap);
    exporter(m_saveSession, QStringLiteral("Shell script (*.sh)"), &MainWindow::exportSession);
    m_fileMenu->addSeparator();
    m_quit = m_fileMenu->addAction(QString(), this, &QWidget::close);
    m_quit->setShortcut(QKeySequence::Quit);

    m_viewMenu = menuBar()->addMenu(QString());
    m_fit = m_viewMenu->addAction(QString(), this, &MainWindow::fitToView);
    m_fit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    m_zoomIn = m_viewMenu->addAction(QString(), this, [this] { m_view->scale(1.2, 1.2); });
    m_zoomIn->setShortcut(QKeySequence::ZoomIn);
    m_zoomOut = m_viewMenu->addAction(QString(), this, [this] { m_view->scale(1 / 1.2, 1 / 1.2); });
    m_zoomOut->setShortcut(QKeySequence::ZoomOut);

    m_simMenu = menuBar()->addMenu(QString());
    m_simMenu->addActions({m_play, m_stepBack, m_stepForward, m_first, m_last});
    m_simMenu->addSeparator();
    m_applyKernel = m_simMenu->addAction(QString(), this, [this] {
        m_rightTabs->setCurrentWidget(m_kernel);
        m_kernel->applyAndVerify(false);
    });

    m_labsMenu = menuBar()->addMenu(QString());
    rebuildLabsMenu();

    m_langMenu = menuBar()->addMenu(QString());
    auto* group = new QActionGroup(this);
    m_langEn = m_langMenu->addAction(QStringLiteral("English"), this, [this] { setLanguage(QStringLiteral("en")); });
    m_langKo = m_langMenu->addAction(QStringLiteral("한국어"), this, [this] { setLanguage(QStringLiteral("ko")); });
    for (QAction* a : {m_langEn, m_langKo}) {
        a->setCheckable(true);
        group->addAction(a);
    }
    m_langEn->setChecked(true);

    m_helpMenu = menuBar()->addMenu(QString());
    m_about = m_helpMenu->addAction(QString(), this, &MainWindow::showAbout);
}

}  // namespace docknet::gui
