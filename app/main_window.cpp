#include "main_window.hpp"

#include <QAction>
#include <QApplication>
#include <QEvent>
#include <QFont>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QGraphicsView>
#include <QKeySequence>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPalette>
#include <QStatusBar>

namespace docknet::gui {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
  setObjectName(QStringLiteral("docknetMainWindow"));
  setWindowTitle(QStringLiteral("docknet"));  // the product name, never translated
  resize(960, 640);

  scene_ = new QGraphicsScene(this);
  headline_ = scene_->addSimpleText(QString());
  QFont headlineFont = headline_->font();
  headlineFont.setPointSizeF(headlineFont.pointSizeF() * 2.0);
  headlineFont.setBold(true);
  headline_->setFont(headlineFont);

  hint_ = scene_->addSimpleText(QString());
  QFont hintFont = hint_->font();
  hintFont.setPointSizeF(hintFont.pointSizeF() * 1.2);
  hint_->setFont(hintFont);
  hint_->setBrush(palette().color(QPalette::PlaceholderText));

  view_ = new QGraphicsView(scene_, this);
  view_->setObjectName(QStringLiteral("topologyView"));
  view_->setRenderHint(QPainter::Antialiasing);
  view_->setRenderHint(QPainter::TextAntialiasing);
  view_->setAlignment(Qt::AlignCenter);
  setCentralWidget(view_);

  fileMenu_ = menuBar()->addMenu(QString());
  quitAction_ = fileMenu_->addAction(QString());
  quitAction_->setShortcut(QKeySequence::Quit);
  quitAction_->setMenuRole(QAction::QuitRole);
  connect(quitAction_, &QAction::triggered, this, &QWidget::close);

  helpMenu_ = menuBar()->addMenu(QString());
  aboutAction_ = helpMenu_->addAction(QString());
  aboutAction_->setMenuRole(QAction::AboutRole);
  connect(aboutAction_, &QAction::triggered, this, &MainWindow::showAbout);

  statusBar();  // create it
  retranslate();
}

QString MainWindow::headlineText() const { return headline_->text(); }

QString MainWindow::hintText() const { return hint_->text(); }

void MainWindow::showAbout() {
  QMessageBox::about(this, tr("About docknet"),
                     tr("<p><b>docknet</b> %1</p>"
                        "<p>A Docker network simulator: bridges, veth pairs, NAT and DNS, "
                        "shown packet by packet.</p>")
                         .arg(QStringLiteral(DOCKNET_VERSION)));
}

void MainWindow::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) {
    retranslate();
  }
  QMainWindow::changeEvent(event);
}

void MainWindow::retranslate() {
  fileMenu_->setTitle(tr("&File"));
  quitAction_->setText(tr("&Quit"));
  quitAction_->setStatusTip(tr("Quit docknet"));
  helpMenu_->setTitle(tr("&Help"));
  aboutAction_->setText(tr("&About docknet"));
  aboutAction_->setStatusTip(tr("Show the version and what docknet is"));

  headline_->setText(tr("docknet — Docker network lab"));
  hint_->setText(tr("No topology yet: run a lab or type docker commands"));
  layoutWelcome();

  statusBar()->showMessage(tr("Ready: %n node(s) in the topology", nullptr, 0));
}

// Centres both lines on x = 0, the headline above the hint; the view centres the scene.
void MainWindow::layoutWelcome() {
  const QRectF h = headline_->boundingRect();
  const QRectF s = hint_->boundingRect();
  constexpr qreal gap = 16.0;
  headline_->setPos(-h.width() / 2.0, -(h.height() + gap / 2.0));
  hint_->setPos(-s.width() / 2.0, gap / 2.0);
  scene_->setSceneRect(scene_->itemsBoundingRect().adjusted(-24, -24, 24, 24));
}

}  // namespace docknet::gui
