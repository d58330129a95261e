#pragma once

#include <QMainWindow>
#include <QString>

class QAction;
class QGraphicsScene;
class QGraphicsSimpleTextItem;
class QGraphicsView;
class QMenu;

namespace docknet::gui {

// The main window. For now: menus, a welcome text in a graphics scene (where the topology
// will be drawn) and a status bar. All texts are set in retranslate(), so a language change
// at run time (QEvent::LanguageChange) updates them.
class MainWindow : public QMainWindow {
  Q_OBJECT

 public:
  explicit MainWindow(QWidget* parent = nullptr);

  // The texts currently shown in the scene (for tests).
  QString headlineText() const;
  QString hintText() const;
  QGraphicsScene* scene() const { return scene_; }

 public slots:
  void showAbout();

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslate();
  void layoutWelcome();

  QGraphicsScene* scene_ = nullptr;
  QGraphicsView* view_ = nullptr;
  QGraphicsSimpleTextItem* headline_ = nullptr;
  QGraphicsSimpleTextItem* hint_ = nullptr;
  QMenu* fileMenu_ = nullptr;
  QMenu* helpMenu_ = nullptr;
  QAction* quitAction_ = nullptr;
  QAction* aboutAction_ = nullptr;
};

}  // namespace docknet::gui
