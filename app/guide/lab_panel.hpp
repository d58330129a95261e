// LabPanel: the left dock of a guided lab. It lists the labs with the student's progress, and
// for the running one shows the step's text, the commands to type (a click puts one in the
// Console), the checks with ✓/✗ after every command, the hint after a failed check, the
// step's question with its explanation, and "Do it for me" / "Next step". It changes nothing
// itself: starting, running and advancing go through the LabController.
#pragma once

#include <QString>
#include <QStringList>
#include <QWidget>

#include <vector>

#include "labs/lab_definition.hpp"
#include "labs/lab_progress.hpp"

class QButtonGroup;
class QComboBox;
class QGroupBox;
class QLabel;
class QPushButton;
class QScrollArea;
class QVBoxLayout;

namespace docknet::gui {

class LabController;

class LabPanel : public QWidget {
    Q_OBJECT

public:
    /// `progressFile` is where finished steps are kept (LabProgress::defaultFile() in the app).
    LabPanel(LabController& controller, std::filesystem::path progressFile, QWidget* parent = nullptr);

    /// The labs to offer; `errors` are files that did not load (shown, not hidden).
    void setLibrary(std::vector<labs::LabDefinition> labs, const std::vector<std::string>& errors = {});
    [[nodiscard]] const std::vector<labs::LabDefinition>& library() const { return m_labs; }
    /// Starts the lab called `name` on a fresh host. False (and why) for an unknown name or a
    /// setup that fails.
    bool openLab(const QString& name, QString* error = nullptr);
    void setLanguage(labs::Language lang);

    /// The canvas ids the current step points at ("container:<id>", "bridge:<network id>", "host").
    [[nodiscard]] QStringList highlightIds() const;
    /// What the panel shows, as plain text (for tests and for a screen reader's summary).
    [[nodiscard]] QString stepHeading() const;
    [[nodiscard]] QString checksText() const;
    [[nodiscard]] QString hintText() const;
    [[nodiscard]] bool nextEnabled() const;
    [[nodiscard]] bool questionShown() const;
    /// Answers the shown question as a click on choice `key` and "Answer" would.
    bool chooseAnswer(const QString& key);
    [[nodiscard]] QString answerText() const;
    [[nodiscard]] const labs::LabProgress& progress() const { return m_progress; }

signals:
    /// The student clicked a command: the window puts it in the Console's input line.
    void commandChosen(const QString& command);
    /// The command the student is likely to type next (the step's first, then the one after
    /// the last that ran): the window pre-fills the Console with it when its input is empty.
    void commandSuggested(const QString& command);
    /// "Check it on the real kernel" (shown where the kernel backend can run).
    void kernelCheckRequested();
    /// The step (and so what the canvas should highlight) changed.
    void highlightChanged();

protected:
    void changeEvent(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void refresh();
    void retranslate();
    void fillPicker();
    void rebuildQuestion();
    void recordProgress();
    void suggestNextCommand();
    QString labLine(const labs::LabDefinition& lab) const;

    LabController& m_controller;
    std::vector<labs::LabDefinition> m_labs;
    QStringList m_loadErrors;
    labs::LabProgress m_progress;
    labs::Language m_lang = labs::Language::English;
    bool m_hintAsked = false;
    bool m_stepPassed = false;
    bool m_kernelAvailable = false;
    std::size_t m_passedStep = static_cast<std::size_t>(-1);
    std::size_t m_questionBuiltFor = static_cast<std::size_t>(-1);
    // Which session and step the panel last showed (labChanged also fires for an answer).
    const void* m_shownSession = nullptr;
    std::size_t m_shownStep = static_cast<std::size_t>(-1);
    QString m_textShown;

    QComboBox* m_picker = nullptr;
    QPushButton* m_start = nullptr;
    QLabel* m_errors = nullptr;
    QLabel* m_title = nullptr;
    QLabel* m_goal = nullptr;
    QLabel* m_stepLine = nullptr;
    QScrollArea* m_scroll = nullptr;
    QLabel* m_text = nullptr;
    QLabel* m_commandsCaption = nullptr;
    QLabel* m_commands = nullptr;
    QLabel* m_checksCaption = nullptr;
    QLabel* m_checks = nullptr;
    QLabel* m_hint = nullptr;
    QGroupBox* m_questionBox = nullptr;
    QVBoxLayout* m_questionLayout = nullptr;
    QButtonGroup* m_choices = nullptr;
    QPushButton* m_answer = nullptr;
    QLabel* m_answerText = nullptr;
    QPushButton* m_hintButton = nullptr;
    QPushButton* m_doIt = nullptr;
    QPushButton* m_next = nullptr;
    QPushButton* m_leave = nullptr;
    QPushButton* m_kernelCheck = nullptr;
};

}  // namespace docknet::gui
