// docknet-gui: the Qt front end of the docknet simulator.
//   docknet-gui [--lang ko|en] [--lab NAME [--lab-step N] | --free-play | --script FILE]
//               [--size WxH] [--event N] [--select ITEM]
//               [--screenshot OUT.png] [--dump-scene OUT.json] [--grab FILE.png] [--quit-after MS]
//               [--bench]

#include <QApplication>
#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QGraphicsView>
#include <QRegularExpression>
#include <QTimer>

#include <cstdio>

#include "controller/lab_controller.hpp"
#include "gui_bench.hpp"
#include "guide/lab_panel.hpp"
#include "sim/cli/docker_host.hpp"
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
    const QCommandLineOption scriptOption(QStringLiteral("script"),
                                          QStringLiteral("Run FILE (what `docknet run` accepts) instead of the welcome state."),
                                          QStringLiteral("FILE"));
    const QCommandLineOption labOption(QStringLiteral("lab"),
                                       QStringLiteral("Open the guided lab NAME (default: the first lab, see `docknet lab list`)."),
                                       QStringLiteral("NAME"));
    const QCommandLineOption labStepOption(QStringLiteral("lab-step"),
                                           QStringLiteral("Open the lab at step N: the steps before it are done for you."),
                                           QStringLiteral("N"));
    const QCommandLineOption freePlayOption(QStringLiteral("free-play"),
                                            QStringLiteral("Start without a lab, in the tutorial's opening state."));
    const QCommandLineOption sizeOption(QStringLiteral("size"), QStringLiteral("Window size, WxH (default 1400x900)."),
                                        QStringLiteral("WxH"));
    const QCommandLineOption eventOption(QStringLiteral("event"),
                                         QStringLiteral("Show trace event N (1-based) instead of the last one."),
                                         QStringLiteral("N"));
    const QCommandLineOption selectOption(QStringLiteral("select"),
                                          QStringLiteral("Select a canvas item for the Inspector: host, or a container or bridge name."),
                                          QStringLiteral("NAME"));
    const QCommandLineOption screenshotOption(QStringLiteral("screenshot"),
                                              QStringLiteral("After the script, save the window to OUT.png and quit."),
                                              QStringLiteral("OUT.png"));
    const QCommandLineOption dumpOption(QStringLiteral("dump-scene"),
                                        QStringLiteral("After the script, write the canvas's items to OUT.json and quit."),
                                        QStringLiteral("OUT.json"));
    const QCommandLineOption grabOption(QStringLiteral("grab"),
                                        QStringLiteral("Once the window is shown, save a screenshot of it to FILE (PNG)."),
                                        QStringLiteral("FILE"));
    const QCommandLineOption quitAfterOption(QStringLiteral("quit-after"), QStringLiteral("Quit after MS milliseconds."),
                                             QStringLiteral("MS"));
    const QCommandLineOption benchOption(QStringLiteral("bench"),
                                         QStringLiteral("Measure scene build, first paint and animation; print the figures."));
    parser.addOptions({langOption, labOption, labStepOption, freePlayOption, scriptOption, sizeOption, eventOption, selectOption, screenshotOption, dumpOption,
                       grabOption, quitAfterOption, benchOption});
    parser.process(app);  // exits on --help, --version and unknown options

    if (parser.isSet(benchOption)) return docknet::gui::runGuiBench();

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
    QSize size(1400, 900);
    if (parser.isSet(sizeOption)) {
        static const QRegularExpression re(QStringLiteral("^(\\d+)x(\\d+)$"));
        const auto m = re.match(parser.value(sizeOption));
        if (!m.hasMatch() || m.captured(1).toInt() < 320 || m.captured(2).toInt() < 240) {
            fail(QStringLiteral("--size needs WxH of at least 320x240, not '%1'").arg(parser.value(sizeOption)));
            return 2;
        }
        size = QSize(m.captured(1).toInt(), m.captured(2).toInt());
    }
    int eventNumber = 0;
    if (parser.isSet(eventOption)) {
        bool ok = false;
        eventNumber = parser.value(eventOption).toInt(&ok);
        if (!ok || eventNumber < 1) {
            fail(QStringLiteral("--event needs an event number (1, 2, ...), not '%1'").arg(parser.value(eventOption)));
            return 2;
        }
    }
    const int startModes = int(parser.isSet(labOption)) + int(parser.isSet(freePlayOption)) + int(parser.isSet(scriptOption));
    if (startModes > 1) {
        fail(QStringLiteral("--lab, --free-play and --script cannot be combined"));
        return 2;
    }
    int labStep = 1;
    if (parser.isSet(labStepOption)) {
        bool ok = false;
        labStep = parser.value(labStepOption).toInt(&ok);
        if (!ok || labStep < 1) {
            fail(QStringLiteral("--lab-step needs a step number (1, 2, ...), not '%1'").arg(parser.value(labStepOption)));
            return 2;
        }
        if (!parser.isSet(labOption)) {
            fail(QStringLiteral("--lab-step needs --lab NAME"));
            return 2;
        }
    }
    QString script;
    if (parser.isSet(scriptOption)) {
        QFile f(parser.value(scriptOption));
        if (!f.open(QIODevice::ReadOnly)) {
            fail(QStringLiteral("%1: %2").arg(parser.value(scriptOption), f.errorString()));
            return 2;
        }
        script = QString::fromUtf8(f.readAll());
    }

    docknet::gui::MainWindow window;
    if (!window.setLanguage(lang)) fail(QStringLiteral("could not load the '%1' translation").arg(lang));
    window.resize(size);
    if (parser.isSet(scriptOption)) {
        QString error;
        if (!window.controller().runScript(script, &error)) {
            fail(QStringLiteral("%1: %2").arg(parser.value(scriptOption), error));
            return 2;
        }
    } else if (parser.isSet(freePlayOption) || (!parser.isSet(labOption) && window.labPanel()->library().empty())) {
        window.loadWelcome();
    } else {
        // The first start: the first lab (or the one asked for), ready for its first command.
        const auto& library = window.labPanel()->library();
        const QString name = parser.isSet(labOption) ? parser.value(labOption) : QString::fromStdString(library.front().name);
        QString error;
        if (!window.openLab(name, &error) || !window.skipToStep(labStep, &error)) {
            fail(QStringLiteral("--lab %1: %2").arg(name, error));
            return 2;
        }
    }
    // Headless use: the animation is done at once; the chosen (or the last) event is shown.
    if (eventNumber > 0) window.showEventRecord(static_cast<std::size_t>(eventNumber - 1));
    else if (parser.isSet(scriptOption)) window.showLastEvent();
    if (parser.isSet(selectOption)) {
        const QString name = parser.value(selectOption);
        const auto& lab = window.controller().lab();
        if (name == QStringLiteral("host")) window.selectItem(QStringLiteral("host"));
        else if (const auto* c = lab.engine().findContainer(name.toStdString()))
            window.selectItem(QStringLiteral("container:") + QString::fromStdString(c->id));
        else if (const auto* n = lab.engine().findNetwork(name.toStdString()))
            window.selectItem(QStringLiteral("bridge:") + QString::fromStdString(n->id));
        else {
            bool found = false;
            for (const auto* net : lab.engine().networks())
                if (QString::fromStdString(net->bridgeName) == name) {
                    window.selectItem(QStringLiteral("bridge:") + QString::fromStdString(net->id));
                    found = true;
                }
            if (!found) {
                fail(QStringLiteral("--select: no container, network or bridge named '%1'").arg(name));
                return 2;
            }
        }
    } else if (eventNumber > 0) {
        window.showRightTab(0);
    }
    window.show();
    window.fitToView();

    int exitCode = 0;
    const bool headless = parser.isSet(screenshotOption) || parser.isSet(dumpOption);
    if (headless) {
        QTimer::singleShot(50, &window, [&] {
            window.fitToView();
            if (parser.isSet(dumpOption)) {
                QString error;
                if (!window.dumpScene(parser.value(dumpOption), &error)) {
                    fail(error);
                    exitCode = 1;
                }
            }
            if (parser.isSet(screenshotOption) && !window.grab().save(parser.value(screenshotOption), "PNG")) {
                fail(QStringLiteral("could not save the screenshot to '%1'").arg(parser.value(screenshotOption)));
                exitCode = 1;
            }
            QApplication::exit(exitCode);
        });
    }
    if (parser.isSet(grabOption)) {
        const QString file = parser.value(grabOption);
        QTimer::singleShot(0, &window, [&window, &exitCode, file] {
            if (!window.grab().save(file, "PNG")) {
                fail(QStringLiteral("could not save the screenshot to '%1'").arg(file));
                exitCode = 1;
                QApplication::exit(1);
            }
        });
    }
    if (quitAfterMs >= 0) QTimer::singleShot(quitAfterMs, &app, [&exitCode] { QApplication::exit(exitCode); });
    const int rc = QApplication::exec();
    return rc != 0 ? rc : exitCode;
}
