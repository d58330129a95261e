#include "console_widget.hpp"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QVBoxLayout>

#include <utility>

#include "controller/lab_controller.hpp"

namespace docknet::gui {

namespace {

QString commonPrefix(const QStringList& words) {
    if (words.isEmpty()) return {};
    QString p = words.front();
    for (const QString& w : words)
        while (!w.startsWith(p)) p.chop(1);
    return p;
}

}  // namespace

ConsoleWidget::ConsoleWidget(LabController& controller, QWidget* parent) : QWidget(parent), m_controller(controller) {
    setObjectName(QStringLiteral("console"));
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_output = new QPlainTextEdit(this);
    m_output->setReadOnly(true);
    m_output->setFont(mono);
    m_output->setMaximumBlockCount(20000);
    m_output->setStyleSheet(QStringLiteral("QPlainTextEdit { background: #1e2227; color: #d8dee4; }"));
    m_prompt = new QLabel(this);
    m_prompt->setFont(mono);
    m_input = new QLineEdit(this);
    m_input->setObjectName(QStringLiteral("consoleInput"));
    m_input->setFont(mono);
    m_input->installEventFilter(this);
    auto* row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_prompt);
    row->addWidget(m_input, 1);
    auto* box = new QVBoxLayout(this);
    box->setContentsMargins(2, 2, 2, 2);
    box->addWidget(m_output, 1);
    box->addLayout(row);
    connect(m_input, &QLineEdit::returnPressed, this, [this] {
        const QString line = m_input->text();
        m_input->clear();
        typeLine(line);
    });
    // A fresh host (a lab started, free play): the old host's output no longer applies.
    connect(&m_controller, &LabController::restarted, this, [this] {
        m_output->clear();
        refreshPrompt();
    });
    // Every command the controller runs (typed here, a script, the welcome state) shows here.
    connect(&m_controller, &LabController::commandRan, this, [this](const CommandOutcome& o) {
        append(o.prompt + o.echo);
        if (!o.output.isEmpty()) append(o.output);
        refreshPrompt();
    });
    refreshPrompt();
}

void ConsoleWidget::refreshPrompt() { m_prompt->setText(m_controller.prompt()); }

void ConsoleWidget::append(const QString& text, bool) {
    QString t = text;
    if (t.endsWith(QLatin1Char('\n'))) t.chop(1);
    m_output->appendPlainText(t);
    m_output->verticalScrollBar()->setValue(m_output->verticalScrollBar()->maximum());
}

void ConsoleWidget::typeLine(const QString& line) {
    if (!line.trimmed().isEmpty() && !m_controller.hasPendingInput()) m_history << line;
    m_historyPos = static_cast<int>(m_history.size());
    QString error;
    const QString prompt = m_controller.prompt();
    const auto state = m_controller.submitLine(line, &error);
    // A complete command is echoed by commandRan; lines of an unfinished one are echoed here.
    if (state == LabController::InputState::NeedsMore || state == LabController::InputState::ParseError ||
        state == LabController::InputState::Exit || line.trimmed().isEmpty())
        append(prompt + line);
    if (state == LabController::InputState::ParseError) append(error, true);
    if (state == LabController::InputState::Exit) append(tr("(this is the simulated host's shell: close the window to quit)"));
    refreshPrompt();
}

QString ConsoleWidget::transcript() const { return m_output->toPlainText(); }

void ConsoleWidget::complete() {
    const QString line = m_input->text().left(m_input->cursorPosition());
    const QStringList options = m_controller.completions(line);
    if (options.isEmpty()) return;
    const qsizetype wordStart = line.lastIndexOf(QLatin1Char(' ')) + 1;
    const QString word = line.mid(wordStart);
    const QString prefix = commonPrefix(options);
    if (options.size() == 1) {
        m_input->setText(line.left(wordStart) + options.front() + QLatin1Char(' ') + m_input->text().mid(line.size()));
        return;
    }
    if (prefix.size() > word.size()) {
        m_input->setText(line.left(wordStart) + prefix + m_input->text().mid(line.size()));
        return;
    }
    append(m_controller.prompt() + m_input->text());
    append(options.join(QStringLiteral("  ")));
}

bool ConsoleWidget::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_input && event->type() == QEvent::KeyPress) {
        auto* key = static_cast<QKeyEvent*>(event);
        // Ctrl+P Ctrl+Q, docker's detach keys: sent as the line holding them, as a script writes it.
        const bool ctrl = key->modifiers().testFlag(Qt::ControlModifier);
        if (ctrl && key->key() == Qt::Key_P) {
            m_ctrlP = true;
            return true;
        }
        if (std::exchange(m_ctrlP, false) && ctrl && key->key() == Qt::Key_Q) {
            typeLine(QString::fromLatin1("\x10\x11"));
            return true;
        }
        if (key->key() == Qt::Key_Tab) {
            complete();
            return true;
        }
        if (key->key() == Qt::Key_Up && m_historyPos > 0) {
            m_input->setText(m_history.at(--m_historyPos));
            return true;
        }
        if (key->key() == Qt::Key_Down) {
            ++m_historyPos;
            if (m_historyPos >= m_history.size()) {
                m_historyPos = static_cast<int>(m_history.size());
                m_input->clear();
            } else {
                m_input->setText(m_history.at(m_historyPos));
            }
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

}  // namespace docknet::gui
