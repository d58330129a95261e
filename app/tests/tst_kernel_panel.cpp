// The Kernel tab (QT_QPA_PLATFORM=offscreen, as root with network namespaces; skipped otherwise):
// the session is built in docknet-* namespaces on the panel's thread while the window keeps
// running, sim and kernel agree row by row, and "Remove from kernel" leaves no docknet-*
// namespace. Without root, the panel says why and builds nothing.

#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTableWidget>

#include <unistd.h>

#include "controller/lab_controller.hpp"
#include "kernel/kernel_panel.hpp"
#include "main_window.hpp"

using docknet::gui::KernelPanel;
using docknet::gui::MainWindow;

namespace {

QStringList docknetNamespaces() {
    QProcess ip;
    ip.start(QStringLiteral("ip"), {QStringLiteral("netns"), QStringLiteral("list")});
    ip.waitForFinished(10000);
    QStringList out;
    for (const QString& line : QString::fromUtf8(ip.readAllStandardOutput()).split(QLatin1Char('\n')))
        if (line.startsWith(QStringLiteral("docknet-"))) out << line.section(QLatin1Char(' '), 0, 0);
    return out;
}

}  // namespace

class TestKernelPanel : public QObject {
    Q_OBJECT

    QTemporaryDir m_state;

private slots:
    void initTestCase() {
        QVERIFY(m_state.isValid());
        qputenv("DOCKNET_REAL_STATE", m_state.path().toUtf8());
        qputenv("DOCKNET_PROGRESS", (m_state.path() + QStringLiteral("/progress.json")).toUtf8());
    }

    void withoutPrivilegesItSaysWhyAndBuildsNothing() {
        if (!KernelPanel::unavailableReason()) QSKIP("running as root with network namespaces: covered below");
        MainWindow w;
        QVERIFY(!w.kernelPanel()->applyAndVerify(true));
        QVERIFY(!w.kernelPanel()->errorText().isEmpty());
        QVERIFY(w.kernelPanel()->statusText().contains(w.kernelPanel()->errorText()));
    }

    void theTutorialAgreesWithTheKernelAndIsRemoved() {
        if (const auto why = KernelPanel::unavailableReason()) QSKIP(qPrintable(*why));
        if (!docknetNamespaces().isEmpty()) QSKIP("docknet-* namespaces exist already; not touching them");
        MainWindow w;
        QString error;
        QVERIFY2(w.controller().runScript(QStringLiteral("docker run -dit --name alpine1 alpine\n"
                                                         "docker run -dit --name alpine2 alpine\n"
                                                         "docker network create mynet\n"
                                                         "docker run -dit --name web --network mynet -p 8080:80 nginx\n"
                                                         "docker exec alpine1 ping -c 1 172.17.0.3\n"),
                                          &error),
                 qPrintable(error));
        auto* panel = w.kernelPanel();
        QSignalSpy done(panel, &KernelPanel::finished);
        QVERIFY(panel->applyAndVerify(true));
        QVERIFY(panel->busy());
        // The event loop runs while the thread works: the window is not blocked.
        QVERIFY(done.wait(120000));
        const bool agreed = done.takeFirst().at(0).toBool();
        const auto differences = panel->comparison().differences();
        QVERIFY2(agreed, qPrintable(panel->errorText() + QStringLiteral(" / ") +
                                    QString::fromStdString(differences.empty() ? std::string() : differences.front())));
        QVERIFY(!panel->comparison().rows.empty());
        auto* rows = panel->findChild<QTableWidget*>(QStringLiteral("kernelRows"));
        QCOMPARE(rows->rowCount(), static_cast<int>(panel->comparison().rows.size()));
        QVERIFY(docknetNamespaces().contains(QStringLiteral("docknet-alpine1")));
        if (const QString dir = qEnvironmentVariable("DOCKNET_SCREENSHOT_DIR"); !dir.isEmpty()) {
            w.resize(1400, 900);
            w.showRightTab(3);
            w.show();
            QCoreApplication::processEvents();
            w.grab().save(dir + QStringLiteral("/kernel_panel.png"));
        }
        QVERIFY(panel->removeFromKernel());
        QCOMPARE(docknetNamespaces(), QStringList());
    }
};

QTEST_MAIN(TestKernelPanel)
#include "tst_kernel_panel.moc"
