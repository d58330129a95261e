// docknet: the Docker network lab on the command line.
//   docknet run SCRIPT|-   run a script of tutorial commands and print the transcript
//   docknet shell          an interactive prompt on the simulated Docker host
//   docknet lab ...        guided labs: list, run (interactive or --auto), check a lab file
//   docknet bench ...      engine benchmarks: pingall, scale (figures; --json for scripts)
#include <CLI/CLI.hpp>

#include <iostream>

#include "interactive_shell.hpp"
#include "bench_apply.hpp"
#include "bench_command.hpp"
#include "lab_command.hpp"
#include "real_command.hpp"
#include "run_command.hpp"

int main(int argc, char** argv) {
    CLI::App app{"docknet: a Docker network lab in a box (no Docker engine needed)", "docknet"};
    app.set_version_flag("--version", std::string("docknet ") + DOCKNET_VERSION);
    app.require_subcommand(1);

    docknet::cli::RunOptions run;
    auto* runCmd = app.add_subcommand("run", "Run a script of commands as if typed on the Docker host and print the transcript");
    runCmd->add_option("script", run.script, "The script file, or - for standard input")->required();
    runCmd->add_flag("--json", run.json, "Print the steps (command, stdout, stderr, exit code) and the final state as JSON");
    runCmd->add_flag("--trace", run.trace, "Add the packet trace below each command, one line per event");
    runCmd->add_option("--pcap", run.pcap, "Write every frame of the run to this pcap file (one packet per hop)");
    runCmd->add_option("--seed", run.seed, "Seed of the simulation's randomness (ids, MACs, timers)")->capture_default_str();
    runCmd->add_option("--think", run.thinkSeconds, "Simulated seconds between two commands")->capture_default_str();

    docknet::cli::ShellOptions shell;
    auto* shellCmd = app.add_subcommand("shell", "An interactive prompt on the simulated Docker host");
    shellCmd->add_option("--seed", shell.seed, "Seed of the simulation's randomness")->capture_default_str();
    shellCmd->add_flag("--trace", shell.trace, "Print the packet trace after each command");

    docknet::cli::LabOptions lab;
    auto* labCmd = app.add_subcommand("lab", "Guided labs: the tutorial step by step, with checks, hints and questions");
    labCmd->require_subcommand(1);
    auto* labList = labCmd->add_subcommand("list", "List the labs with their steps and your progress");
    labList->add_option("--lang", lab.lang, "Language of the titles: en or ko")->capture_default_str();
    auto* labRun = labCmd->add_subcommand("run", "Run a lab: the docknet shell with the lab's steps and checks");
    labRun->add_option("name", lab.name, "The lab's name (see `docknet lab list`), or a lab file (.yaml)")->required();
    labRun->add_option("--lang", lab.lang, "Language of the lab: en or ko")->capture_default_str();
    labRun->add_flag("--auto", lab.autoRun, "Type every step's commands, check every check, answer every question; exit 0 only if all pass");
    labRun->add_flag("--trace", lab.trace, "Print the packet trace after each command");
    labRun->add_option("--seed", lab.seed, "Seed of the simulation's randomness")->capture_default_str();
    auto* labCheck = labCmd->add_subcommand("check", "Validate a lab file without running it");
    labCheck->add_option("file", lab.name, "The lab file (YAML)")->required();
    for (auto* sub : {labList, labRun}) sub->add_option("--dir", lab.dir, "Directory of the lab files (default: the scenarios/ folder)");

    docknet::cli::RealCommandOptions real;
    auto* realCmd = app.add_subcommand("real", "Build the simulated host for real in network namespaces docknet-* (root), compare, remove");
    realCmd->require_subcommand(1);
    auto* realApply = realCmd->add_subcommand("apply", "Run the script in the sim and build its kernel state in namespaces docknet-*");
    auto* realStatus = realCmd->add_subcommand("status", "What the ledger holds and whether each object exists");
    auto* realDown = realCmd->add_subcommand("down", "Remove everything the ledger records (idempotent)");
    auto* realVerify = realCmd->add_subcommand("verify", "Apply, ping in sim and kernel, compare neighbours and FDBs; 0 only if they agree");
    for (auto* sub : {realApply, realVerify}) {
        sub->add_option("script", real.script, "The script file")->required();
        sub->add_option("--seed", real.seed, "Seed of the simulation's randomness")->capture_default_str();
    }
    realVerify->add_flag("--down", real.downAfter, "Remove the lab after verifying");
    auto* realCapture = realCmd->add_subcommand("capture", "Record a lab's interfaces to a file: NS IFACE -w FILE.pcap (one interface, bounded by -c or --timeout), or --out FILE.pcapng [--seconds N] [SCRIPT] (every lab bridge at once while the script's traffic is replayed)");
    realCapture->add_option("args", real.captureArgs, "NAMESPACE INTERFACE (a docknet-* namespace docknet made, an interface in it), or with --out the SCRIPT (none: the applied lab, no traffic)");
    realCapture->add_option("-c,--count", real.count, "NS IFACE: stop after this many packets (0: at the timeout)")->capture_default_str();
    realCapture->add_option("--timeout", real.timeoutSeconds, "NS IFACE: stop after this many seconds at the latest (0 < S <= 3600)")->capture_default_str()->check(CLI::Range(0.001, 3600.0));
    realCapture->add_option("-w,--write", real.out, "NS IFACE: the pcap file to write");
    realCapture->add_option("--out", real.pcapngOut, "Every lab bridge and the host's eth0 into one pcapng file (one interface block each)");
    realCapture->add_option("--seconds", real.seconds, "--out: record this long (0: while the script's traffic is replayed, then 1 s; needed without a SCRIPT)")->capture_default_str()->check(CLI::Range(0.0, 3600.0));
    realApply->add_flag("--on-host", real.onHost, "List every object the machine's own root namespace would get (docknet-host's part) and ask; applying there is refused for now, so nothing is made");
    realApply->add_flag("--yes", real.yes, "--on-host: do not ask (still refused: nothing is made)");
    realApply->add_flag("--detach", real.detach, "Keep the listeners and the embedded DNS alive in a background docknet process and return; docknet real down stops it and removes the lab")->excludes("--on-host");
    realApply->add_flag("--hold", real.hold, "Keep the listeners and the embedded DNS (127.0.0.11) alive until Ctrl-C or SIGTERM; the lab stays");

    docknet::cli::BenchOptions pingall;
    docknet::cli::BenchOptions scale{.containers = 10000, .networks = 40};
    auto* benchCmd = app.add_subcommand("bench", "Benchmarks of the simulation engine (run them on a Release build)");
    benchCmd->require_subcommand(1);
    auto* benchPingall = benchCmd->add_subcommand("pingall", "N containers; each pings every other on its network once (ARP included)");
    auto* benchScale = benchCmd->add_subcommand("scale", "N running containers over K user-defined networks, then one ping per network");
    for (auto [sub, opts] : {std::pair{benchPingall, &pingall}, std::pair{benchScale, &scale}}) {
        sub->add_option("--containers", opts->containers, "Number of containers")->capture_default_str();
        sub->add_option("--networks", opts->networks, "User-defined networks with explicit subnets 10.K.0.0/16 (0: the default bridge)")->capture_default_str();
        sub->add_flag("--json", opts->json, "Print one JSON object with the figures");
    }
    benchPingall->add_option("--keep", pingall.keepRecords, "Trace records kept: the most recent N (up to 2N; every record is still made and counted)")->capture_default_str();
    benchPingall->add_flag("--keep-all", pingall.keepAll, "Keep every trace record, as docknet run --trace does");
    benchPingall->add_flag("--real", pingall.real, "Root: also build it in docknet-* namespaces and run the same pings in the kernel (ratio sim/kernel)");
    benchPingall->add_option("--kernel-window", pingall.kernelWindow, "--real: echo requests in flight at once")->capture_default_str()->check(CLI::Range(1, 4096));
    benchPingall->add_option("--kernel-batch", pingall.kernelBatch, "--real: pairs between two clean-ups of the shared neighbour table (2 entries each)")->capture_default_str()->check(CLI::Range(1, 400));

    docknet::cli::BenchApplyOptions benchApplyOptions;
    auto* benchApply = benchCmd->add_subcommand("apply", "Root: N containers built for real in docknet-* namespaces, verified, removed; times each phase");
    benchApply->add_option("--containers", benchApplyOptions.containers, "Number of containers")->capture_default_str();
    benchApply->add_option("--networks", benchApplyOptions.networks, "Spread them over K user-defined networks 10.K.0.0/16 (0: docker0)")->capture_default_str();
    benchApply->add_flag("--json", benchApplyOptions.json, "Print one JSON object with the figures");

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);
        return code == 0 ? 0 : 2;
    }
    if (*runCmd) return docknet::cli::runScript(run);
    if (*shellCmd) return docknet::cli::runInteractiveShell(shell);
    if (*labList) return docknet::cli::listLabs(lab);
    if (*labRun) return docknet::cli::runLab(lab);
    if (*labCheck) return docknet::cli::checkLab(lab);
    if (*realApply) return docknet::cli::realApply(real);
    if (*realStatus) return docknet::cli::realStatus(real);
    if (*realDown) return docknet::cli::realDown(real);
    if (*realVerify) return docknet::cli::realVerify(real);
    if (*realCapture) return docknet::cli::realCapture(real);
    if (*benchPingall) return docknet::cli::benchPingall(pingall);
    if (*benchScale) return docknet::cli::benchScale(scale);
    if (*benchApply) return docknet::cli::benchApply(benchApplyOptions);
    return 2;
}
