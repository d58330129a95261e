// ConsoleWidget: the terminal dock — a read-only transcript in a terminal font and an input
// line behind the prompt, with history (Up/Down) and Tab completion from the same completer
// as `docknet shell`. Everything typed goes to the LabController.
#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace docknet::gui {

class LabController;
struct CommandOutcome;

class ConsoleWidget : public QWidget {
    Q_OBJECT

public:
    explicit ConsoleWidget(LabController& controller, QWidget* parent = nullptr);

    /// Types `line` as if the user had and presses Enter.
    void typeLine(const QString& line);
    [[nodiscard]] QString transcript() const;
    [[nodiscard]] QLineEdit* input() const { return m_input; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void append(const QString& text, bool error = false);
    void complete();
    void refreshPrompt();

    LabController& m_controller;
    QPlainTextEdit* m_output = nullptr;
    QLabel* m_prompt = nullptr;
    QLineEdit* m_input = nullptr;
    QStringList m_history;
    int m_historyPos = 0;
    bool m_ctrlP = false;  // Ctrl+P typed: a Ctrl+Q next is the attached terminal's detach sequence
};

}  // namespace docknet::gui
