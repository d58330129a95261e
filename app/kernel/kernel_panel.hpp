// KernelPanel: "Apply to kernel" in the GUI. It builds the session's Docker host in real network
// namespaces (all named docknet-*, through real/'s RealBackend), runs the same pings and TCP
// connects in the sim and in the kernel, and shows sim and kernel side by side, row by row, with
// what differs. The work runs on its own thread, so the window stays responsive; a stage bar and
// the objects being made show where it is. Nothing is built before the user confirmed the list
// of what will be made.
#pragma once

#include <QString>
#include <QStringList>
#include <QWidget>

#include <memory>
#include <optional>

#include "sim/plan/comparison.hpp"

class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;
class QThread;

namespace docknet::real {
class RealBackend;
}

namespace docknet::gui {

class LabController;

class KernelPanel : public QWidget {
    Q_OBJECT

public:
    explicit KernelPanel(LabController& controller, QWidget* parent = nullptr);
    ~KernelPanel() override;

    /// Root and network namespaces available (else why not, in words).
    [[nodiscard]] static std::optional<QString> unavailableReason();
    /// Applies the current session and verifies it. Without `confirmed` it first lists what will
    /// be made and asks. Returns false when it did not start (busy, not root, declined).
    bool applyAndVerify(bool confirmed = false);
    /// Removes everything docknet made in the kernel (the ledger's objects).
    bool removeFromKernel();
    [[nodiscard]] bool busy() const { return m_thread != nullptr; }

    /// The last result: rows, differences, and the error that stopped it (for tests).
    [[nodiscard]] const sim::plan::Comparison& comparison() const { return m_comparison; }
    [[nodiscard]] QString errorText() const { return m_error; }
    [[nodiscard]] QString statusText() const;

signals:
    /// The check finished: `agreed` when it ran and sim and kernel agree on every row.
    void finished(bool agreed);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void showStage(int stage, const QString& detail = {});
    void showResult();

    LabController& m_controller;
    std::unique_ptr<real::RealBackend> m_backend;
    QThread* m_thread = nullptr;
    sim::plan::Comparison m_comparison;
    QString m_error;
    int m_made = 0;
    bool m_applied = false;

    QLabel* m_intro = nullptr;
    QPushButton* m_apply = nullptr;
    QPushButton* m_down = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_status = nullptr;
    QTableWidget* m_rows = nullptr;
    QLabel* m_differences = nullptr;
};

}  // namespace docknet::gui
