// Smoke test of the main window in English and Korean (QT_QPA_PLATFORM=offscreen).

#include <QApplication>
#include <QMenuBar>
#include <QStatusBar>
#include <QTest>
#include <QTranslator>

#include "main_window.hpp"
#include "translations.hpp"

using docknet::gui::MainWindow;

class TestMainWindow : public QObject {
  Q_OBJECT

 private:
  // Installs the docknet translation for `lang` for the lifetime of the object.
  struct Language {
    QTranslator app;
    QTranslator qt;
    bool loaded = false;
    explicit Language(const QString& lang) {
      loaded = docknet::gui::loadTranslations(lang, app, qt);
      QApplication::installTranslator(&qt);
      QApplication::installTranslator(&app);
      // QApplication posts LanguageChange to the open windows: deliver it now.
      QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
    }
    ~Language() {
      QApplication::removeTranslator(&app);
      QApplication::removeTranslator(&qt);
      QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
    }
  };

  static QStringList menuTitles(const MainWindow& w) {
    QStringList titles;
    for (const QAction* a : w.menuBar()->actions()) titles << a->text();
    return titles;
  }

 private slots:
  void languageChoice() {
    QCOMPARE(docknet::gui::chooseLanguage(QStringLiteral("ko")), QStringLiteral("ko"));
    QCOMPARE(docknet::gui::chooseLanguage(QStringLiteral("en")), QStringLiteral("en"));
    QVERIFY(docknet::gui::chooseLanguage(QStringLiteral("xx")).isEmpty());
    QVERIFY(docknet::gui::supportedLanguages().contains(docknet::gui::chooseLanguage(QString())));
  }

  void english() {
    Language en(QStringLiteral("en"));
    QVERIFY(en.loaded);
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QCOMPARE(w.windowTitle(), QStringLiteral("docknet"));
    QCOMPARE(w.headlineText(), QStringLiteral("docknet — Docker network lab"));
    QCOMPARE(w.hintText(), QStringLiteral("No topology yet: run a lab or type docker commands"));
    QCOMPARE(menuTitles(w), (QStringList{QStringLiteral("&File"), QStringLiteral("&Help")}));
    // The English .ts supplies the plural forms: "0 nodes", not "0 node(s)".
    QCOMPARE(w.statusBar()->currentMessage(), QStringLiteral("Ready: 0 nodes in the topology"));
    QVERIFY(!w.grab().isNull());
  }

  void korean() {
    QString englishHint;
    QString englishStatus;
    {
      Language en(QStringLiteral("en"));
      MainWindow w;
      englishHint = w.hintText();
      englishStatus = w.statusBar()->currentMessage();
    }
    Language ko(QStringLiteral("ko"));
    QVERIFY(ko.loaded);
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QCOMPARE(w.windowTitle(), QStringLiteral("docknet"));
    QVERIFY(w.hintText() != englishHint);
    QVERIFY(w.statusBar()->currentMessage() != englishStatus);
    QCOMPARE(menuTitles(w), (QStringList{QStringLiteral("파일(&F)"), QStringLiteral("도움말(&H)")}));
    QVERIFY(w.hintText().contains(QStringLiteral("토폴로지")));
  }

  // Installing a translator while the window is open retranslates it (QEvent::LanguageChange).
  void switchLanguageAtRunTime() {
    MainWindow w;
    const QString before = w.hintText();
    {
      Language ko(QStringLiteral("ko"));
      QVERIFY(w.hintText() != before);
    }
    QCOMPARE(w.hintText(), before);
  }
};

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
