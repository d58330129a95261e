#include "guide/lab_panel.hpp"

#include <QButtonGroup>
#include <QComboBox>
#include <QEvent>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QScrollBar>
#include <QVBoxLayout>

#include "controller/lab_controller.hpp"
#include "kernel/kernel_panel.hpp"
#include "labs/lab_checks.hpp"
#include "labs/lab_session.hpp"

namespace docknet::gui {

namespace {

QString qs(const std::string& s) { return QString::fromStdString(s); }

const QString kPassed = QStringLiteral("#1e8e3e");
const QString kFailed = QStringLiteral("#c62828");
const QString kPending = QStringLiteral("#7a828c");

/// A lab's text as HTML: blank lines separate paragraphs, a line starting with "- " is a list
/// item, `backticks` are code. Everything else is escaped: lab files are text, not markup.
QString textToHtml(const std::string& text) {
    static const QRegularExpression code(QStringLiteral("`([^`]+)`"));
    QString html;
    QString para;
    auto flush = [&] {
        if (!para.isEmpty()) html += QStringLiteral("<p>") + para + QStringLiteral("</p>");
        para.clear();
    };
    for (const QString& raw : qs(text).split(QLatin1Char('\n'))) {
        const QString line = raw.trimmed();
        if (line.isEmpty()) {
            flush();
            continue;
        }
        QString escaped = line.toHtmlEscaped();
        escaped.replace(code, QStringLiteral("<code>\\1</code>"));
        if (line.startsWith(QStringLiteral("- "))) {
            if (!para.isEmpty()) para += QStringLiteral("<br>");
            para += QStringLiteral("• ") + escaped.mid(2);
        } else {
            if (!para.isEmpty()) para += QLatin1Char(' ');
            para += escaped;
        }
    }
    flush();
    return html;
}

QString mark(const QString& symbol, const QString& colour) {
    return QStringLiteral("<span style=\"color:%1; font-weight:bold\">%2</span>").arg(colour, symbol);
}

}  // namespace

LabPanel::LabPanel(LabController& controller, std::filesystem::path progressFile, QWidget* parent)
    : QWidget(parent), m_controller(controller), m_progress(std::move(progressFile)) {
    setObjectName(QStringLiteral("labPanel"));
    auto* box = new QVBoxLayout(this);
    box->setContentsMargins(6, 6, 6, 6);

    auto* pickRow = new QHBoxLayout;
    m_picker = new QComboBox(this);
    m_picker->setObjectName(QStringLiteral("labPicker"));
    m_picker->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_picker->setMinimumContentsLength(12);
    m_start = new QPushButton(this);
    m_start->setObjectName(QStringLiteral("labStart"));
    pickRow->addWidget(m_picker, 1);
    pickRow->addWidget(m_start);
    box->addLayout(pickRow);

    // Everything between the picker and the buttons scrolls as one page: the step's text, its
    // commands, checks and question are read together, and wrapped labels keep their height.
    auto* scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("labScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto* page = new QWidget(scroll);
    auto* pageBox = new QVBoxLayout(page);
    pageBox->setContentsMargins(0, 0, 4, 0);
    scroll->setWidget(page);
    box->addWidget(scroll, 1);
    m_scroll = scroll;
    connect(m_start, &QPushButton::clicked, this, [this] {
        const int i = m_picker->currentIndex();
        if (i >= 0 && static_cast<std::size_t>(i) < m_labs.size()) openLab(qs(m_labs[static_cast<std::size_t>(i)].name));
    });

    auto label = [page, pageBox](QLabel*& l, const char* name, bool rich = true) {
        l = new QLabel(page);
        l->setObjectName(QLatin1String(name));
        l->setWordWrap(true);
        l->setTextFormat(rich ? Qt::RichText : Qt::PlainText);
        pageBox->addWidget(l);
    };
    label(m_errors, "labErrors");
    m_errors->setStyleSheet(QStringLiteral("color: #c62828;"));
    label(m_title, "labTitle");
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.25);
    big.setBold(true);
    m_title->setFont(big);
    label(m_goal, "labGoal");
    m_goal->setStyleSheet(QStringLiteral("color: #4a525c;"));
    label(m_stepLine, "labStep");
    QFont bold = m_stepLine->font();
    bold.setBold(true);
    m_stepLine->setFont(bold);

    label(m_text, "labText");
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);

    label(m_commandsCaption, "labCommandsCaption");
    label(m_commands, "labCommands");
    m_commands->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    connect(m_commands, &QLabel::linkActivated, this, [this](const QString& link) {
        const auto* s = m_controller.labSession();
        bool ok = false;
        const int i = link.toInt(&ok);
        if (!s || s->finished() || !ok || i < 0 || static_cast<std::size_t>(i) >= s->step().commands.size()) return;
        emit commandChosen(qs(s->commandText(s->step().commands[static_cast<std::size_t>(i)])));
    });
    label(m_checksCaption, "labChecksCaption");
    label(m_checks, "labChecks");
    label(m_hint, "labHint");
    m_hint->setStyleSheet(QStringLiteral("QLabel { background: #fff8dc; border: 1px solid #e0c060; padding: 4px; }"));

    m_questionBox = new QGroupBox(page);
    m_questionBox->setObjectName(QStringLiteral("labQuestion"));
    m_questionLayout = new QVBoxLayout(m_questionBox);
    m_choices = new QButtonGroup(this);
    m_answer = new QPushButton(m_questionBox);
    m_answer->setObjectName(QStringLiteral("labAnswer"));
    m_answerText = new QLabel(m_questionBox);
    m_answerText->setObjectName(QStringLiteral("labAnswerText"));
    m_answerText->setWordWrap(true);
    pageBox->addWidget(m_questionBox);
    pageBox->addStretch(1);
    connect(m_answer, &QPushButton::clicked, this, [this] {
        if (auto* b = m_choices->checkedButton()) m_controller.answerLabQuestion(b->property("key").toString());
    });

    auto* row1 = new QHBoxLayout;
    auto* row2 = new QHBoxLayout;
    m_hintButton = new QPushButton(this);
    m_doIt = new QPushButton(this);
    m_leave = new QPushButton(this);
    m_next = new QPushButton(this);
    m_hintButton->setObjectName(QStringLiteral("labHintButton"));
    m_doIt->setObjectName(QStringLiteral("labDoIt"));
    m_leave->setObjectName(QStringLiteral("labLeave"));
    m_next->setObjectName(QStringLiteral("labNext"));
    row1->addWidget(m_hintButton);
    row1->addWidget(m_doIt, 1);
    row2->addWidget(m_leave);
    row2->addWidget(m_next, 1);
    // Where the kernel backend can run (root, network namespaces), a step can be checked on the
    // real kernel too: the Kernel tab applies this host and compares.
    m_kernelCheck = new QPushButton(this);
    m_kernelCheck->setObjectName(QStringLiteral("labKernelCheck"));
    m_kernelCheck->setVisible(false);
    m_kernelAvailable = !KernelPanel::unavailableReason().has_value();
    connect(m_kernelCheck, &QPushButton::clicked, this, &LabPanel::kernelCheckRequested);
    box->addLayout(row1);
    box->addWidget(m_kernelCheck);
    box->addLayout(row2);
    connect(m_hintButton, &QPushButton::clicked, this, [this] {
        m_hintAsked = true;
        refresh();
    });
    connect(m_doIt, &QPushButton::clicked, &m_controller, &LabController::runLabStep);
    connect(m_leave, &QPushButton::clicked, &m_controller, &LabController::stopLab);
    connect(m_next, &QPushButton::clicked, this, [this] {
        const auto* s = m_controller.labSession();
        if (!s) return;
        if (s->finished()) {
            // The next lab in the library's order.
            for (std::size_t i = 0; i + 1 < m_labs.size(); ++i)
                if (m_labs[i].name == s->lab().name) {
                    openLab(qs(m_labs[i + 1].name));
                    return;
                }
            return;
        }
        m_controller.advanceLab();
    });

    connect(&m_controller, &LabController::stateChanged, this, [this] {
        refresh();
        suggestNextCommand();
    });
    connect(&m_controller, &LabController::labChanged, this, [this] {
        const auto* s = m_controller.labSession();
        const std::size_t step = s && !s->finished() ? s->stepIndex() : static_cast<std::size_t>(-1);
        if (s != m_shownSession || step != m_shownStep) {
            // A new lab or a new step: nothing is passed or asked yet.
            m_hintAsked = false;
            m_passedStep = static_cast<std::size_t>(-1);
            m_questionBuiltFor = static_cast<std::size_t>(-1);
            m_shownSession = s;
            m_shownStep = step;
        }
        refresh();
        suggestNextCommand();
        emit highlightChanged();
    });
    retranslate();
}

void LabPanel::setLibrary(std::vector<labs::LabDefinition> labs, const std::vector<std::string>& errors) {
    m_labs = std::move(labs);
    m_loadErrors.clear();
    for (const auto& e : errors) m_loadErrors << qs(e);
    fillPicker();
    refresh();
}

bool LabPanel::openLab(const QString& name, QString* error) {
    const labs::LabDefinition* lab = nullptr;
    for (const auto& l : m_labs)
        if (qs(l.name) == name) lab = &l;
    if (!lab) {
        if (error) *error = tr("no lab called '%1'").arg(name);
        return false;
    }
    QString why;
    if (!m_controller.startLab(*lab, &why)) {
        m_errors->setText(why.toHtmlEscaped());
        m_errors->show();
        if (error) *error = why;
        return false;
    }
    const int i = static_cast<int>(lab - m_labs.data());
    m_picker->setCurrentIndex(i);
    return true;
}

void LabPanel::setLanguage(labs::Language lang) {
    m_lang = lang;
    m_questionBuiltFor = static_cast<std::size_t>(-1);  // the choices' text is per language
    fillPicker();
    refresh();
}

void LabPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

void LabPanel::retranslate() {
    m_start->setText(m_controller.labSession() ? tr("Restart") : tr("Start"));
    m_commandsCaption->setText(QStringLiteral("<b>%1</b>").arg(tr("Type in the Console (click to fill in):")));
    m_checksCaption->setText(QStringLiteral("<b>%1</b>").arg(tr("Checks")));
    m_questionBox->setTitle(tr("Question"));
    m_answer->setText(tr("Answer"));
    m_hintButton->setText(tr("Hint"));
    m_doIt->setText(tr("Do it for me"));
    m_leave->setText(tr("Leave lab"));
    m_kernelCheck->setText(tr("Check it on the real kernel"));
    refresh();
}

QString LabPanel::labLine(const labs::LabDefinition& lab) const {
    const std::size_t done = m_progress.doneSteps(lab.name);
    QString line = QStringLiteral("%1. %2  (%3/%4)").arg(lab.order).arg(qs(lab.title.in(m_lang))).arg(done).arg(lab.steps.size());
    if (done >= lab.steps.size()) line += QStringLiteral(" ✓");
    return line;
}

void LabPanel::fillPicker() {
    const int current = m_picker->currentIndex();
    m_picker->clear();
    for (const auto& lab : m_labs) m_picker->addItem(labLine(lab), qs(lab.name));
    if (current >= 0 && current < m_picker->count()) m_picker->setCurrentIndex(current);
}

void LabPanel::recordProgress() {
    const auto* s = m_controller.labSession();
    if (!s || s->finished()) return;
    if (m_progress.isDone(s->lab().name, s->step().id)) return;
    m_progress.markDone(s->lab().name, s->step().id);
    (void)m_progress.save();  // progress that cannot be written is lost, the lab goes on
    fillPicker();
}

void LabPanel::suggestNextCommand() {
    const auto* s = m_controller.labSession();
    if (!s || s->finished() || s->step().commands.empty()) return;
    const auto& commands = s->step().commands;
    std::size_t next = 0;
    // After the last of the step's commands that ran, in the step's order.
    for (const auto& ran : s->stepCommands())
        for (std::size_t i = 0; i < commands.size(); ++i)
            if (ran.command == s->commandText(commands[i]) || ran.echo == s->commandText(commands[i])) next = i + 1;
    if (next < commands.size()) emit commandSuggested(qs(s->commandText(commands[next])));
}

void LabPanel::rebuildQuestion() {
    const auto* s = m_controller.labSession();
    const std::size_t key = s && !s->finished() ? s->stepIndex() : static_cast<std::size_t>(-1);
    if (key == m_questionBuiltFor) return;
    m_questionBuiltFor = key;
    for (QAbstractButton* b : m_choices->buttons()) {
        m_choices->removeButton(b);
        delete b;
    }
    m_questionLayout->removeWidget(m_answer);
    m_questionLayout->removeWidget(m_answerText);
    while (QLayoutItem* item = m_questionLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    if (!s || s->finished() || !s->step().question) return;
    const auto& q = *s->step().question;
    auto* ask = new QLabel(qs(q.ask.in(m_lang)), m_questionBox);
    ask->setWordWrap(true);
    m_questionLayout->addWidget(ask);
    for (const auto& c : q.choices) {
        // The radio button carries the key, a word-wrapped label the text: a QRadioButton's own
        // text never wraps and would widen the dock.
        auto* row = new QWidget(m_questionBox);
        auto* line = new QHBoxLayout(row);
        line->setContentsMargins(0, 0, 0, 0);
        auto* b = new QRadioButton(qs(c.key) + QLatin1Char(')'), row);
        b->setProperty("key", qs(c.key));
        auto* text = new QLabel(qs(c.text.in(m_lang)), row);
        text->setWordWrap(true);
        text->setBuddy(b);
        text->installEventFilter(this);
        text->setProperty("radio", QVariant::fromValue(static_cast<QObject*>(b)));
        line->addWidget(b, 0, Qt::AlignTop);
        line->addWidget(text, 1);
        m_choices->addButton(b);
        m_questionLayout->addWidget(row);
    }
    m_questionLayout->addWidget(m_answer, 0, Qt::AlignLeft);
    m_questionLayout->addWidget(m_answerText);
}

void LabPanel::refresh() {
    const auto* s = m_controller.labSession();
    m_start->setText(s ? tr("Restart") : tr("Start"));
    m_errors->setVisible(!m_loadErrors.isEmpty() || !m_errors->text().isEmpty());
    if (!m_loadErrors.isEmpty())
        m_errors->setText(tr("These lab files did not load:") + QStringLiteral("<br>") +
                          m_loadErrors.join(QStringLiteral("\n")).toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>")));
    const bool inLab = s != nullptr;
    const bool inStep = inLab && !s->finished();
    for (QWidget* w : std::initializer_list<QWidget*>{m_commandsCaption, m_commands, m_checksCaption, m_checks, m_hintButton, m_doIt})
        w->setVisible(inStep);
    m_kernelCheck->setVisible(false);  // shown below once the step passed
    m_leave->setVisible(inLab);
    m_next->setVisible(inLab);
    rebuildQuestion();

    if (!inLab) {
        m_title->setText(tr("Guided labs"));
        m_goal->setText(tr("Each lab walks through one part of Docker networking, checks every step and asks a "
                           "question or two. Choose one and press Start."));
        m_stepLine->clear();
        m_textShown.clear();
        m_stepPassed = false;
        m_text->setText(tr("<p>Without a lab the Console is free play: type any docker, ip, ping or iptables "
                           "command and watch the canvas.</p>"));
        m_hint->hide();
        m_questionBox->hide();
        return;
    }
    const auto& lab = s->lab();
    m_title->setText(qs(lab.title.in(m_lang)).toHtmlEscaped());
    m_goal->setText(qs(lab.goal.in(m_lang)).toHtmlEscaped() + QStringLiteral(" <i>(") +
                    tr("about %n minute(s)", nullptr, lab.minutes) + QStringLiteral(")</i>"));
    if (!inStep) {
        m_stepLine->setText(tr("Lab complete: %n step(s) done.", nullptr, static_cast<int>(lab.steps.size())));
        bool hasNext = false;
        for (std::size_t i = 0; i + 1 < m_labs.size(); ++i) hasNext |= m_labs[i].name == lab.name;
        m_text->setText(tr("<p>Well done. The Console stays open: try your own commands on this host, or go on "
                           "with the next lab.</p>"));
        m_textShown.clear();
        m_stepPassed = false;
        m_next->setText(tr("Next lab ▶"));
        m_next->setEnabled(hasNext);
        m_hint->hide();
        m_questionBox->hide();
        return;
    }

    const auto& step = s->step();
    m_stepLine->setText(tr("Step %1 of %2").arg(s->stepIndex() + 1).arg(lab.steps.size()));
    // Set once per step and language: setting it again would scroll the text back to the top.
    const QString html = textToHtml(step.text.in(m_lang));
    if (html != m_textShown) {
        m_text->setText(html);
        m_textShown = html;
        m_scroll->verticalScrollBar()->setValue(0);
    }

    QStringList commands;
    for (std::size_t i = 0; i < step.commands.size(); ++i)
        commands << QStringLiteral("<a href=\"%1\" style=\"text-decoration:none\"><code>%2</code></a>")
                        .arg(i)
                        .arg(qs(s->commandText(step.commands[i])).toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>")));
    m_commands->setText(commands.join(QStringLiteral("<br>")));

    const bool ran = !s->stepCommands().empty();
    const auto results = s->evaluate(m_lang);
    // Once passed, the step stays passed: a later command may undo the state, not the lesson.
    if (ran && labs::allPassed(results)) m_passedStep = s->stepIndex();
    const bool passed = m_passedStep == s->stepIndex();
    QStringList lines;
    for (const auto& r : results) {
        if (r.passed && (ran || passed)) lines << mark(QStringLiteral("✓"), kPassed) + QLatin1Char(' ') + qs(r.what).toHtmlEscaped();
        else if (ran || passed)
            lines << mark(QStringLiteral("✗"), kFailed) + QLatin1Char(' ') + qs(r.what).toHtmlEscaped() +
                         QStringLiteral("<br><span style=\"color:%1\">&nbsp;&nbsp;&nbsp;%2</span>").arg(kFailed, qs(r.reason).toHtmlEscaped());
        else lines << mark(QStringLiteral("○"), kPending) + QLatin1Char(' ') + qs(r.what).toHtmlEscaped();
    }
    m_checks->setText(lines.join(QStringLiteral("<br>")));
    if (passed) recordProgress();

    const bool showHint = (ran && !passed) || m_hintAsked;
    m_stepPassed = passed;
    m_hint->setVisible(showHint);
    m_hint->setText(QStringLiteral("<b>%1</b> %2").arg(tr("Hint:"), step.hint ? qs(step.hint->in(m_lang)).toHtmlEscaped() : tr("No hint for this step.")));

    const bool hasQuestion = step.question.has_value();
    m_questionBox->setVisible(passed && hasQuestion);
    const bool answered = !s->answerGiven().empty();
    if (hasQuestion) {
        for (QAbstractButton* b : m_choices->buttons()) b->setEnabled(!answered);
        m_answer->setVisible(!answered);
        m_answerText->setVisible(answered);
        if (answered) {
            const auto& q = *step.question;
            const bool right = s->answerGiven() == q.answer;
            QString text = right ? mark(tr("Right."), kPassed) : mark(tr("Not quite."), kFailed) + QLatin1Char(' ') + tr("The answer is %1.").arg(qs(q.answer));
            m_answerText->setText(text + QLatin1Char(' ') + qs(q.explain.in(m_lang)).toHtmlEscaped());
        }
    }
    m_kernelCheck->setVisible(m_kernelAvailable && passed);
    m_next->setText(passed ? tr("Next step ▶") : tr("Skip step"));
    m_next->setEnabled(!passed || !hasQuestion || answered);
    m_next->setDefault(passed && (!hasQuestion || answered));
}

QStringList LabPanel::highlightIds() const {
    QStringList ids;
    const auto* s = m_controller.labSession();
    if (!s || s->finished()) return ids;
    const auto& engine = m_controller.lab().engine();
    for (const auto& name : s->step().highlight) {
        if (name == "host") {
            ids << QStringLiteral("host");
        } else if (const auto* c = engine.findContainer(name); c && c->name == name) {
            ids << QStringLiteral("container:") + qs(c->id);
        } else {
            for (const auto* n : engine.networks())
                if (n->bridgeName == name || n->name == name) ids << QStringLiteral("bridge:") + qs(n->id);
        }
    }
    return ids;
}

QString LabPanel::stepHeading() const { return m_stepLine->text(); }

QString LabPanel::checksText() const {
    QString t = m_checks->text();
    t.replace(QStringLiteral("<br>"), QStringLiteral("\n"));
    t.remove(QRegularExpression(QStringLiteral("<[^>]*>")));
    t.replace(QStringLiteral("&nbsp;"), QStringLiteral(" "));
    return t;
}

QString LabPanel::hintText() const { return m_hint->isHidden() ? QString() : m_hint->text(); }
bool LabPanel::nextEnabled() const { return m_stepPassed && m_next->isEnabled(); }

bool LabPanel::eventFilter(QObject* watched, QEvent* event) {
    // A click on a choice's text selects it, as a click on a radio button's own text would.
    if (event->type() == QEvent::MouseButtonRelease)
        if (auto* radio = qobject_cast<QRadioButton*>(watched->property("radio").value<QObject*>()); radio && radio->isEnabled())
            radio->setChecked(true);
    return QWidget::eventFilter(watched, event);
}
bool LabPanel::questionShown() const { return !m_questionBox->isHidden(); }

bool LabPanel::chooseAnswer(const QString& key) {
    for (QAbstractButton* b : m_choices->buttons())
        if (b->property("key").toString() == key) {
            b->setChecked(true);
            m_answer->click();
            return true;
        }
    return false;
}

QString LabPanel::answerText() const { return m_answerText->isHidden() ? QString() : m_answerText->text(); }

}  // namespace docknet::gui
