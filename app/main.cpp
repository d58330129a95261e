// docknet-gui: the Qt front end of the docknet simulator.
//   docknet-gui [--lang ko|en] [--grab FILE.png] [--quit-after MS]

#include <QApplication>
#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QTimer>
#include <QTranslator>

#include <cstdio>

#include "main_window.hpp"
#include "translations.hpp"

namespace {

void fail(const QString& message) { std::fprintf(stderr, "docknet-gui: %s\n", qPrintable(message)); }

}  // namespace

int main(int argc, char* argv[]) {
  QApplication app(argc, argv);
  QApplication::setApplicationName(QStringLiteral("docknet"));
  QApplication::setApplicationDisplayName(QStringLiteral("docknet"));
  QApplication::setApplicationVersion(QStringLiteral(DOCKNET_VERSION));

  QCommandLineParser parser;
  parser.setApplicationDescription(QStringLiteral("docknet: a Docker network simulator (GUI)."));
  parser.addHelpOption();
  parser.addVersionOption();
  const QCommandLineOption langOption(
      QStringLiteral("lang"),
      QStringLiteral("User interface language: %1 (default: from the system locale).")
          .arg(docknet::gui::supportedLanguages().join(QLatin1Char('|'))),
      QStringLiteral("lang"));
  const QCommandLineOption grabOption(
      QStringLiteral("grab"), QStringLiteral("Once the window is shown, save a screenshot of it to FILE (PNG)."),
      QStringLiteral("FILE"));
  const QCommandLineOption quitAfterOption(QStringLiteral("quit-after"),
                                           QStringLiteral("Quit after MS milliseconds."), QStringLiteral("MS"));
  parser.addOptions({langOption, grabOption, quitAfterOption});
  parser.process(app);  // exits on --help, --version and unknown options

  const QString lang = docknet::gui::chooseLanguage(parser.value(langOption));
  if (lang.isEmpty()) {
    fail(QStringLiteral("unsupported language '%1' (use %2)")
             .arg(parser.value(langOption), docknet::gui::supportedLanguages().join(QLatin1Char('|'))));
    return 2;
  }
  int quitAfterMs = -1;
  if (parser.isSet(quitAfterOption)) {
    bool ok = false;
    quitAfterMs = parser.value(quitAfterOption).toInt(&ok);
    if (!ok || quitAfterMs < 0) {
      fail(QStringLiteral("--quit-after needs a number of milliseconds, not '%1'").arg(parser.value(quitAfterOption)));
      return 2;
    }
  }

  QTranslator appTranslator;
  QTranslator qtTranslator;
  if (!docknet::gui::loadTranslations(lang, appTranslator, qtTranslator)) {
    fail(QStringLiteral("could not load the '%1' translation").arg(lang));
  }
  if (!qtTranslator.isEmpty()) {
    QApplication::installTranslator(&qtTranslator);
  }
  if (!appTranslator.isEmpty()) {
    QApplication::installTranslator(&appTranslator);
  }

  docknet::gui::MainWindow window;
  window.show();

  int exitCode = 0;
  if (parser.isSet(grabOption)) {
    const QString file = parser.value(grabOption);
    // Queued before the quit timer, so a grab always happens even with --quit-after 0.
    QTimer::singleShot(0, &window, [&window, &exitCode, file] {
      if (!window.grab().save(file, "PNG")) {
        fail(QStringLiteral("could not save the screenshot to '%1'").arg(file));
        exitCode = 1;
        QApplication::exit(1);
      }
    });
  }
  if (quitAfterMs >= 0) {
    QTimer::singleShot(quitAfterMs, &app, [&exitCode] { QApplication::exit(exitCode); });
  }
  const int rc = QApplication::exec();
  return rc != 0 ? rc : exitCode;
}
