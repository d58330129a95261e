#include "sim/shell/kill_command.hpp"

#include <algorithm>
#include <cctype>

#include "sim/cli/docker_host.hpp"
#include "sim/cli/process_table.hpp"

namespace sim::shell {

namespace {

using InitSignal = docker::DockerEngine::InitSignal;

const char* kUsage = "kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n";

struct SignalName {
    const char* name;
    int number;
};
// Linux x86-64's numbering, as bash's kill -l lists it (the real-time signals aside).
constexpr SignalName kSignals[] = {
    {"HUP", 1},   {"INT", 2},    {"QUIT", 3},   {"ILL", 4},   {"TRAP", 5},    {"ABRT", 6},    {"BUS", 7},
    {"FPE", 8},   {"KILL", 9},   {"USR1", 10},  {"SEGV", 11}, {"USR2", 12},   {"PIPE", 13},   {"ALRM", 14},
    {"TERM", 15}, {"STKFLT", 16}, {"CHLD", 17}, {"CONT", 18}, {"STOP", 19},   {"TSTP", 20},   {"TTIN", 21},
    {"TTOU", 22}, {"URG", 23},   {"XCPU", 24},  {"XFSZ", 25}, {"VTALRM", 26}, {"PROF", 27},   {"WINCH", 28},
    {"IO", 29},   {"PWR", 30},   {"SYS", 31},
};

/// A sigspec as bash reads it: a number, or a name in any case with or without SIG.
std::optional<SignalName> parseSignal(std::string spec) {
    if (!spec.empty() && std::all_of(spec.begin(), spec.end(), [](unsigned char ch) { return std::isdigit(ch); })) {
        const int n = spec.size() > 3 ? -1 : std::stoi(spec);
        if (n == 0) return SignalName{"0", 0};
        for (const auto& s : kSignals)
            if (s.number == n) return s;
        return std::nullopt;
    }
    std::transform(spec.begin(), spec.end(), spec.begin(), [](unsigned char ch) { return std::toupper(ch); });
    if (spec.starts_with("SIG")) spec.erase(0, 3);
    for (const auto& s : kSignals)
        if (spec == s.name) return s;
    return std::nullopt;
}

/// The options bash's and busybox's kill share: -s SIG, -n NUM, -SIG, -NUM, then --.
struct KillRequest {
    std::string spec = "TERM";
    std::optional<SignalName> signal;
    std::vector<std::string> targets;
    std::string missingArgumentOf;  // -s or -n without its value
    bool list = false;              // -l
};

KillRequest parseKill(const std::vector<std::string>& argv) {
    KillRequest k;
    std::size_t i = 1;
    if (i < argv.size() && (argv[i] == "-l" || argv[i] == "-L")) {
        k.list = true;
        return k;
    }
    if (i < argv.size() && (argv[i] == "-s" || argv[i] == "-n")) {
        if (i + 1 >= argv.size()) {
            k.missingArgumentOf = argv[i];
            return k;
        }
        k.spec = argv[i + 1];
        i += 2;
    } else if (i < argv.size() && argv[i].size() > 1 && argv[i][0] == '-' && argv[i] != "--") {
        k.spec = argv[i].substr(1);
        ++i;
    }
    if (i < argv.size() && argv[i] == "--") ++i;
    k.signal = parseSignal(k.spec);
    k.targets.assign(argv.begin() + static_cast<std::ptrdiff_t>(i), argv.end());
    return k;
}

std::optional<InitSignal> modelledSignal(const SignalName& s) {
    if (s.number == 9) return InitSignal::Kill;
    if (s.number == 15) return InitSignal::Term;
    if (s.number == 2) return InitSignal::Int;
    return std::nullopt;
}

/// Inside a container, only its init (PID 1) is modelled. The kernel delivers a signal from the
/// init's own PID namespace only when the init handles it: SIGKILL never, SIGTERM and SIGINT to a
/// server. kill(2) succeeds either way.
CommandResult killInContainer(DockerHost& lab, const ShellContext& ctx, const KillRequest& k) {
    CommandResult r;
    auto refuse = [&r](const std::string& what) {
        r.output.err("docknet: kill " + what + " is not modelled in a container (kill -KILL, -TERM or -INT 1 is)\n");
        r.exitCode = 1;
        return r;
    };
    if (k.list) return refuse("-l");
    if (!k.missingArgumentOf.empty() || !k.signal || k.targets.empty()) return refuse("with these arguments");
    const auto modelled = modelledSignal(*k.signal);
    if (!modelled && k.signal->number != 0) return refuse(std::string("-") + k.signal->name);
    for (const auto& t : k.targets)
        if (t != "1") return refuse("of PID " + t);
    if (modelled && *modelled != InitSignal::Kill) lab.engine().signalInit(ctx.containerId, *modelled);
    return r;
}

}  // namespace

std::optional<CommandResult> runKillCommand(DockerHost& lab, const ShellContext& ctx, const std::vector<std::string>& argv) {
    if (argv.empty() || argv[0] != "kill") return std::nullopt;
    const KillRequest k = parseKill(argv);
    if (!ctx.onHost()) return killInContainer(lab, ctx, k);
    CommandResult r;
    auto error = [&r](const std::string& text, int code) {
        r.output.err(text);
        r.exitCode = code;
        return r;
    };
    if (k.list) return error("docknet: kill -l is not modelled (KILL, TERM and INT are)\n", 1);
    if (!k.missingArgumentOf.empty())
        return error("bash: kill: " + k.missingArgumentOf + ": option requires an argument\n" + kUsage, 2);
    if (!k.signal) return error("bash: kill: " + k.spec + ": invalid signal specification\n", 1);
    if (k.targets.empty()) return error(kUsage, 2);
    const SignalName signal = *k.signal;
    const std::optional<InitSignal> modelled = modelledSignal(signal);

    auto& engine = lab.engine();
    int status = 0;
    for (const std::string& arg : k.targets) {
        if (arg.starts_with("%")) {
            r.output.err("bash: kill: " + arg + ": no such job\n");
            status = 1;
            continue;
        }
        const bool numeric = !arg.empty() && arg.size() < 10 &&
                             std::all_of(arg.begin(), arg.end(), [](unsigned char ch) { return std::isdigit(ch); });
        if (!numeric) {
            r.output.err("bash: kill: " + arg + ": arguments must be process or job IDs\n");
            status = 1;
            continue;
        }
        const int pid = std::stoi(arg);
        const docker::Container* target = nullptr;
        for (const docker::Container* c : engine.containers())
            if (c->isRunning() && cli::mainProcessHostPid(*c) == pid) target = c;
        if (!target) {
            const auto view = cli::hostProcessView(engine, "kill");
            const auto known = std::find_if(view.processes.begin(), view.processes.end(),
                                            [pid](const tools::ProcessEntry& p) { return p.pid == pid; });
            if (known == view.processes.end()) {
                r.output.err("bash: kill: (" + arg + ") - No such process\n");
                status = 1;
            } else {
                r.output.err("docknet: kill of " + known->comm + " (PID " + arg +
                             ") is not modelled (a container's init, its State.Pid, is)\n");
                status = 1;
            }
            continue;
        }
        if (signal.number == 0) continue;  // kill -0: the process exists
        if (!modelled) {
            r.output.err(std::string("docknet: kill -") + signal.name + " is not modelled (KILL, TERM and INT are)\n");
            status = 1;
            continue;
        }
        engine.signalInit(target->id, *modelled);
    }
    r.exitCode = status;
    return r;
}

}  // namespace sim::shell
