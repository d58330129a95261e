#include "lab_command.hpp"

#include <algorithm>
#include <iostream>

#include "interactive_shell.hpp"
#include "labs/lab_loader.hpp"
#include "labs/lab_progress.hpp"
#include "labs/lab_session.hpp"

namespace docknet::cli {
namespace {

using labs::Language;

/// The few words of the terminal front end, in both languages.
struct Words {
    const char* lab;
    const char* goal;
    const char* step;
    const char* type;
    const char* hint;
    const char* noHint;
    const char* checks;
    const char* commands;
    const char* answer;
    const char* right;
    const char* wrong;
    const char* done;
    const char* labDone;
    const char* failedSteps;
    const char* minutes;
    const char* skipped;
};

const Words kEnglish{"Lab", "Goal", "Step", "Type", "Hint", "No hint for this step.", "checks",
                     ":hint  :do (run it for me)  :step  :skip  :quit", "Answer", "Right.", "Not quite.",
                     "Step done", "Lab complete", "steps failed", "min", "Skipped"};
const Words kKorean{"실습", "목표", "단계", "입력", "힌트", "이 단계에는 힌트가 없습니다.", "확인",
                    ":hint(힌트)  :do(대신 실행)  :step(단계 다시 보기)  :skip(건너뛰기)  :quit(끝내기)", "답", "정답입니다.",
                    "아쉽지만 틀렸습니다.", "단계 완료", "실습 완료", "단계 실패", "분", "건너뜀"};

const Words& wordsFor(Language lang) { return lang == Language::Korean ? kKorean : kEnglish; }

std::filesystem::path scenarioDir(const LabOptions& o) { return o.dir.empty() ? labs::defaultScenarioDir() : std::filesystem::path(o.dir); }

void printStep(const labs::LabSession& s, Language lang) {
    const auto& w = wordsFor(lang);
    const auto& step = s.step();
    std::cout << "\n── " << w.step << " " << s.stepIndex() + 1 << "/" << s.lab().steps.size() << " ──\n";
    std::cout << step.text.in(lang);
    if (!step.text.in(lang).ends_with("\n")) std::cout << "\n";
    for (const auto& c : step.commands) std::cout << "  " << w.type << ": " << s.commandText(c) << "\n";
    std::cout << std::flush;
}

/// Commands run for the student, echoed behind their prompt as the shell would show them, with
/// the packet trace below each when asked (as `docknet shell --trace` prints it).
void printRan(const std::vector<sim::shell::TranscriptStep>& ran, const sim::core::TraceLog* trace) {
    for (const auto& s : ran) {
        std::cout << s.prompt << s.echo << "\n";
        for (const auto& [stream, text] : s.output.chunks) std::cout << text;
        if (!trace) continue;
        const auto& records = trace->records();
        for (std::size_t i = s.traceBegin; i < s.traceEnd && i < records.size(); ++i) std::cout << "    | " << records[i].toString() << "\n";
    }
    std::cout << std::flush;
}

void printChecks(const std::vector<labs::CheckResult>& results) {
    for (const auto& r : results) std::cout << "  " << (r.passed ? "✓ " : "✗ ") << r.what << (r.passed ? "" : " — " + r.reason) << "\n";
}

/// Asks the step's question; in auto mode answers with its key. True when answered right.
bool askQuestion(const labs::Question& q, Language lang, bool autoRun,
                 const std::function<bool(const std::string&, std::string&)>& readLine) {
    const auto& w = wordsFor(lang);
    std::cout << "\n? " << q.ask.in(lang) << "\n";
    std::string keys;
    for (const auto& c : q.choices) {
        std::cout << "  " << c.key << ") " << c.text.in(lang) << "\n";
        keys += (keys.empty() ? "" : "/") + c.key;
    }
    std::string given;
    if (autoRun) {
        given = q.answer;
        std::cout << w.answer << " (" << keys << "): " << given << "\n";
    } else {
        for (;;) {
            if (!readLine || !readLine(std::string(w.answer) + " (" + keys + "): ", given)) return false;
            bool known = false;
            for (const auto& c : q.choices) known = known || c.key == given;
            if (known) break;
        }
    }
    const bool right = given == q.answer;
    std::cout << (right ? w.right : w.wrong);
    if (!right) std::cout << " (" << w.answer << ": " << q.answer << ")";
    std::cout << " " << q.explain.in(lang) << "\n" << std::flush;
    return right;
}

}  // namespace

int listLabs(const LabOptions& options) {
    const Language lang = options.lang == "ko" ? Language::Korean : Language::English;
    const auto catalog = labs::loadLabDirectory(scenarioDir(options));
    const labs::LabProgress progress(labs::LabProgress::defaultFile());
    std::cout << "NAME                        STEPS   DONE   TITLE\n";
    for (const auto& lab : catalog.labs) {
        std::string name = lab.name;
        name.resize(std::max<std::size_t>(name.size(), 27), ' ');
        std::string steps = std::to_string(lab.steps.size());
        steps.resize(8, ' ');
        std::string done = std::to_string(progress.doneSteps(lab.name)) + "/" + std::to_string(lab.steps.size());
        done.resize(7, ' ');
        std::cout << name << " " << steps << done << lab.title.in(lang) << "\n";
    }
    for (const auto& e : catalog.errors) std::cerr << e << "\n";
    return catalog.errors.empty() ? 0 : 1;
}

int checkLab(const LabOptions& options) {
    auto lab = labs::loadLabFile(options.name);
    if (!lab) {
        std::cerr << lab.error().message << "\n";
        return 1;
    }
    std::size_t checks = 0, questions = 0;
    for (const auto& s : lab->steps) {
        checks += s.checks.size();
        questions += s.question ? 1 : 0;
    }
    const auto count = [](std::size_t n, const char* one, const char* many) { return std::to_string(n) + " " + (n == 1 ? one : many); };
    std::cout << options.name << ": lab '" << lab->name << "' is valid: " << count(lab->steps.size(), "step", "steps") << ", "
              << count(checks, "check", "checks") << ", " << count(questions, "question", "questions") << ", English and Korean\n";
    return 0;
}

int runLab(const LabOptions& options) {
    if (options.lang != "en" && options.lang != "ko") {
        std::cerr << "docknet lab run: unknown language '" << options.lang << "' (expected en or ko)\n";
        return 2;
    }
    const Language lang = options.lang == "ko" ? Language::Korean : Language::English;
    const auto& w = wordsFor(lang);
    // A name ending in .yaml is a lab file (a teacher's own); anything else a lab of the catalog.
    labs::LabCatalog catalog;
    if (options.name.ends_with(".yaml")) {
        auto one = labs::loadLabFile(options.name);
        if (!one) {
            std::cerr << one.error().message << "\n";
            return 2;
        }
        catalog.labs.push_back(std::move(*one));
    } else {
        catalog = labs::loadLabDirectory(scenarioDir(options));
    }
    const labs::LabDefinition* def = options.name.ends_with(".yaml") ? &catalog.labs.front() : catalog.find(options.name);
    if (!def) {
        for (const auto& e : catalog.errors) std::cerr << e << "\n";
        std::cerr << "docknet lab run: no such lab: " << options.name << " (see `docknet lab list`)\n";
        return 2;
    }
    sim::cli::DockerHostOptions hostOptions;
    hostOptions.seed = options.seed;
    labs::LabSession session(*def, hostOptions);
    if (auto started = session.start(); !started) {
        std::cerr << "docknet lab run: " << def->name << ": " << started.error().message << "\n";
        return 1;
    }
    labs::LabProgress progress(labs::LabProgress::defaultFile());
    std::cout << w.lab << " " << def->order << ": " << def->title.in(lang) << " (" << def->minutes << " " << w.minutes << ")\n"
              << w.goal << ": " << def->goal.in(lang) << "\n";

    int failedSteps = 0;
    auto finishStep = [&](bool passed, std::function<bool(const std::string&, std::string&)> readLine) {
        const auto& step = session.step();
        if (passed) {
            std::cout << "  " << w.done << ": " << step.id << "\n";
            // --auto is a demonstration, not the student's work: it leaves their progress alone.
            if (!options.autoRun) {
                progress.markDone(def->name, step.id);
                (void)progress.save();
            }
        } else {
            ++failedSteps;
        }
        if (passed && step.question) (void)askQuestion(*step.question, lang, options.autoRun, readLine);
        session.advance();
        if (!session.finished()) printStep(session, lang);
    };

    if (options.autoRun) {
        printStep(session, lang);
        while (!session.finished()) {
            printRan(session.runStepCommands(), options.trace ? &session.host().kernel().trace() : nullptr);
            const auto results = session.evaluate(lang);
            printChecks(results);
            finishStep(labs::allPassed(results), {});
        }
        const std::size_t total = def->steps.size();
        if (failedSteps == 0) std::cout << "\n" << w.lab << " " << def->name << ": " << w.labDone << " (" << total << "/" << total << ")\n";
        else std::cout << "\n" << w.lab << " " << def->name << ": " << failedSteps << "/" << total << " " << w.failedSteps << "\n";
        return failedSteps == 0 ? 0 : 1;
    }

    // Interactive: docknet shell's prompt, with the checks after every command.
    std::function<bool(const std::string&, std::string&)> readLine;
    ShellOptions shellOptions;
    shellOptions.seed = options.seed;
    shellOptions.trace = options.trace;
    ShellHooks hooks;
    hooks.readLine = &readLine;
    bool quit = false;
    hooks.done = [&] { return quit || session.finished(); };
    hooks.intercept = [&](const std::string& line) {
        if (!line.starts_with(":")) return false;
        const std::string cmd = line.substr(1);
        if (cmd == "hint") {
            const auto& step = session.step();
            std::cout << w.hint << ": " << (step.hint ? step.hint->in(lang) : w.noHint) << "\n";
        } else if (cmd == "step") {
            printStep(session, lang);
        } else if (cmd == "do") {
            printRan(session.runStepCommands(), options.trace ? &session.host().kernel().trace() : nullptr);
            const auto results = session.evaluate(lang);
            printChecks(results);
            if (labs::allPassed(results)) finishStep(true, readLine);
        } else if (cmd == "skip") {
            std::cout << w.skipped << ": " << session.step().id << "\n";
            finishStep(false, readLine);  // interactive runs do not count failed steps
        } else if (cmd == "quit") {
            quit = true;
        } else {
            std::cout << w.commands << "\n";
        }
        std::cout << std::flush;
        return true;
    };
    hooks.afterCommand = [&](const sim::shell::Transcript& t) {
        session.record(t);
        const auto results = session.evaluate(lang);
        printChecks(results);
        if (labs::allPassed(results)) {
            finishStep(true, readLine);
            return;
        }
        const auto ok = std::count_if(results.begin(), results.end(), [](const labs::CheckResult& r) { return r.passed; });
        std::cout << "[" << w.step << " " << session.stepIndex() + 1 << "/" << def->steps.size() << " · " << w.checks << " " << ok << "/"
                  << results.size() << "]  " << w.commands << "\n";
        if (const auto& hint = session.step().hint) std::cout << w.hint << ": " << hint->in(lang) << "\n";
        std::cout << std::flush;
    };
    printStep(session, lang);
    std::cout << w.commands << "\n" << std::flush;
    runShellLoop(session.host(), session.runner(), shellOptions, hooks);
    if (session.finished()) std::cout << "\n" << w.lab << " " << def->name << ": " << w.labDone << "\n";
    return 0;
}

}  // namespace docknet::cli
