// The Lab dock (QT_QPA_PLATFORM=offscreen): a lab opens on a fresh host at step 1, a typed
// command runs the checks, a failed one shows the hint, a question gates "Next step", a
// command link fills the Console, every lab of scenarios/ can be finished through the panel
// in both languages, and a new lab or free play starts the canvas and events over.
// With DOCKNET_SCREENSHOT_DIR set, it also saves what it shows (en/ko, large and small).

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

#include "console/console_widget.hpp"
#include "controller/lab_controller.hpp"
#include "events/event_list_model.hpp"
#include "guide/lab_panel.hpp"
#include "labs/lab_session.hpp"
#include "main_window.hpp"
#include "scene/topology_scene.hpp"
#include "sim/cli/docker_host.hpp"

using docknet::gui::LabPanel;
using docknet::gui::MainWindow;

namespace {

void shoot(MainWindow& w, const QString& name) {
    const QString dir = qEnvironmentVariable("DOCKNET_SCREENSHOT_DIR");
    if (dir.isEmpty()) return;
    w.show();
    w.fitToView();
    QCoreApplication::processEvents();
    QVERIFY(w.grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png")));
}

QPushButton* button(MainWindow& w, const char* name) { return w.labPanel()->findChild<QPushButton*>(QLatin1String(name)); }

}  // namespace

class TestLabPanel : public QObject {
    Q_OBJECT

    QTemporaryDir m_home;

private slots:
    void initTestCase() {
        QVERIFY(m_home.isValid());
        // Progress goes to a scratch file, never to the user's config.
        qputenv("DOCKNET_PROGRESS", (m_home.path() + QStringLiteral("/progress.json")).toUtf8());
        qputenv("DOCKNET_SCENARIOS", QByteArrayLiteral(DOCKNET_SOURCE_DIR "/scenarios"));
    }

    void theLibraryIsTheScenariosFolder() {
        MainWindow w;
        const auto& labs = w.labPanel()->library();
        QVERIFY(labs.size() >= 11);
        QCOMPARE(QString::fromStdString(labs.front().name), QStringLiteral("docker0"));
        QString error;
        QVERIFY(!w.openLab(QStringLiteral("no-such-lab"), &error));
        QVERIFY(error.contains(QStringLiteral("no-such-lab")));
        QVERIFY(!w.controller().labSession());
    }

    void aLabOpensAtStepOneAndPointsAtDocker0() {
        MainWindow w;
        w.resize(1400, 900);
        QVERIFY(w.openLab(QStringLiteral("docker0")));
        auto* panel = w.labPanel();
        QCOMPARE(panel->stepHeading(), QStringLiteral("Step 1 of 4"));
        QVERIFY(panel->checksText().startsWith(QStringLiteral("○")));
        QVERIFY(!panel->checksText().contains(QStringLiteral("✓")));
        QVERIFY(!panel->nextEnabled());
        const auto* bridge = w.controller().lab().engine().findNetwork("bridge");
        QVERIFY(bridge);
        const QStringList expected{QStringLiteral("bridge:") + QString::fromStdString(bridge->id)};
        QCOMPARE(panel->highlightIds(), expected);
        QCOMPARE(w.scene()->highlighted(), expected);
        QVERIFY(w.hintText().isEmpty() || !w.findChild<QLabel*>(QStringLiteral("hint"))->isVisible() ||
                !w.isVisible());
    }

    void aTypedCommandPassesTheChecksAndTheQuestionGatesNext() {
        for (const QString& lang : {QStringLiteral("en"), QStringLiteral("ko")}) {
            MainWindow w;
            w.resize(1400, 900);
            QVERIFY(w.setLanguage(lang));
            QVERIFY(w.openLab(QStringLiteral("docker0")));
            auto* panel = w.labPanel();
            w.console()->typeLine(QStringLiteral("docker network inspect bridge"));
            const QString checks = panel->checksText();
            QCOMPARE(checks.count(QStringLiteral("✓")), 3);
            QVERIFY(!checks.contains(QStringLiteral("✗")));
            QVERIFY(panel->questionShown());
            QVERIFY2(!panel->nextEnabled(), "a question must be answered before the next step");
            shoot(w, QStringLiteral("lab_question_") + lang);
            QVERIFY(panel->chooseAnswer(QStringLiteral("a")));
            const QString answer = panel->answerText();
            QVERIFY2(answer.contains(lang == QStringLiteral("ko") ? QStringLiteral("정답은 b") : QStringLiteral("The answer is b")),
                     qPrintable(answer));
            QVERIFY(answer.contains(lang == QStringLiteral("ko") ? QStringLiteral("리눅스 브리지") : QStringLiteral("Linux bridge")));
            QVERIFY(panel->nextEnabled());
            shoot(w, QStringLiteral("lab_answered_") + lang);
            button(w, "labNext")->click();
            QCOMPARE(panel->stepHeading(), lang == QStringLiteral("ko") ? QStringLiteral("4단계 중 2단계") : QStringLiteral("Step 2 of 4"));
            QVERIFY(panel->progress().isDone("docker0", "inspect"));
        }
    }

    void aFailedCheckShowsTheHint() {
        MainWindow w;
        QVERIFY(w.openLab(QStringLiteral("docker0")));
        auto* panel = w.labPanel();
        QVERIFY(panel->hintText().isEmpty());
        w.console()->typeLine(QStringLiteral("docker network insepct bridge"));
        QVERIFY(panel->checksText().contains(QStringLiteral("✗")));
        QVERIFY2(panel->hintText().contains(QStringLiteral("insepct")), qPrintable(panel->hintText()));
        QVERIFY(!panel->questionShown());
        QVERIFY(!panel->nextEnabled());
    }

    void aCommandLinkFillsTheConsole() {
        MainWindow w;
        QVERIFY(w.openLab(QStringLiteral("docker0")));
        auto* commands = w.labPanel()->findChild<QLabel*>(QStringLiteral("labCommands"));
        QVERIFY(commands && commands->text().contains(QStringLiteral("docker network inspect bridge")));
        // The step's first command is there already; a click puts it back after the student cleared it.
        QCOMPARE(w.console()->input()->text(), QStringLiteral("docker network inspect bridge"));
        w.console()->input()->clear();
        emit commands->linkActivated(QStringLiteral("0"));
        QCOMPARE(w.console()->input()->text(), QStringLiteral("docker network inspect bridge"));
        // Filling in is not running: nothing ran, nothing is checked yet.
        QVERIFY(w.controller().inputs().empty());
    }

    void theNextCommandIsPrefilled() {
        MainWindow w;
        QVERIFY(w.openLab(QStringLiteral("docker0")));
        QVERIFY(w.skipToStep(2));
        const auto& commands = w.controller().labSession()->step().commands;
        QVERIFY(commands.size() >= 2);
        auto* input = w.console()->input();
        QCOMPARE(input->text(), QString::fromStdString(commands[0]));
        // Enter, as the student would: the next command of the step takes its place.
        QTest::keyClick(input, Qt::Key_Return);
        QCOMPARE(input->text(), QString::fromStdString(commands[1]));
        // Something the student typed is never overwritten.
        input->setText(QStringLiteral("docker ps"));
        w.console()->typeLine(QString::fromStdString(commands[1]));
        QCOMPARE(input->text(), QStringLiteral("docker ps"));
    }

    void everyLabCanBeFinishedThroughThePanel() {
        for (const QString& lang : {QStringLiteral("en"), QStringLiteral("ko")}) {
            MainWindow w;
            QVERIFY(w.setLanguage(lang));
            const auto labs = w.labPanel()->library();
            for (const auto& lab : labs) {
                const QString name = QString::fromStdString(lab.name);
                QString error;
                QVERIFY2(w.openLab(name, &error), qPrintable(name + QStringLiteral(": ") + error));
                for (std::size_t step = 0; step < lab.steps.size(); ++step) {
                    const QString where = name + QLatin1Char('/') + QString::fromStdString(lab.steps[step].id) + QLatin1Char(' ') + lang;
                    button(w, "labDoIt")->click();
                    QVERIFY2(!w.labPanel()->checksText().contains(QStringLiteral("✗")),
                             qPrintable(where + QStringLiteral(": ") + w.labPanel()->checksText()));
                    if (lab.steps[step].question) {
                        QVERIFY2(w.labPanel()->questionShown(), qPrintable(where));
                        QVERIFY(w.labPanel()->chooseAnswer(QString::fromStdString(lab.steps[step].question->answer)));
                        QVERIFY(w.labPanel()->answerText().contains(lang == QStringLiteral("ko") ? QStringLiteral("정답입니다") : QStringLiteral("Right.")));
                    }
                    QVERIFY2(w.labPanel()->nextEnabled(), qPrintable(where));
                    // Every name the step points at is on the canvas.
                    QCOMPARE(w.scene()->highlighted().size(), w.labPanel()->highlightIds().size());
                    button(w, "labNext")->click();
                }
                QVERIFY(w.controller().labSession()->finished());
                QVERIFY(w.labPanel()->progress().doneSteps(lab.name) == lab.steps.size());
            }
        }
    }

    void aNewLabOrFreePlayStartsOver() {
        MainWindow w;
        QVERIFY(w.openLab(QStringLiteral("container-to-container")));
        QVERIFY(w.skipToStep(4));
        QVERIFY(w.events()->rowCount() > 0);
        QVERIFY(!w.controller().lab().engine().containers().empty());
        QVERIFY(w.openLab(QStringLiteral("docker0")));
        QCOMPARE(w.events()->rowCount(), static_cast<int>(w.controller().lab().kernel().trace().size()));
        QVERIFY(w.controller().lab().engine().containers().empty());
        for (const auto& it : w.scene()->topology().items) QVERIFY(it.kind != docknet::scene::ItemKind::Container);
        QVERIFY(w.controller().inputs().empty());
        w.loadWelcome();
        QVERIFY(!w.controller().labSession());
        QCOMPARE(w.controller().lab().engine().containers().size(), std::size_t{2});
        QString error;
        QVERIFY(!w.skipToStep(2, &error));
        QVERIFY(!error.isEmpty());
    }

    void screenshotsOfALaterStep() {
        if (qEnvironmentVariable("DOCKNET_SCREENSHOT_DIR").isEmpty()) QSKIP("DOCKNET_SCREENSHOT_DIR is not set");
        for (const QString& lang : {QStringLiteral("en"), QStringLiteral("ko")})
            for (const QSize size : {QSize(1400, 900), QSize(1024, 700)}) {
                MainWindow w;
                w.resize(size);
                QVERIFY(w.setLanguage(lang));
                QVERIFY(w.openLab(QStringLiteral("isolation")));
                QVERIFY(w.skipToStep(3));
                button(w, "labDoIt")->click();
                shoot(w, QStringLiteral("lab_isolation_%1_%2").arg(lang).arg(size.width()));
            }
    }
};

QTEST_MAIN(TestLabPanel)
#include "tst_lab_panel.moc"
