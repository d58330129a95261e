// `docknet bench apply --containers N [--networks K] [--json]`: the real backend's figures. It
// runs N containers in the sim (on the default bridge, or spread over K user-defined networks),
// derives the plan, builds it in docknet-* namespaces, runs verify's probes against it and takes
// it down, timing each phase; then, in the same run, the same plan built and torn down by a
// generated ip-command script (bench_ip_script.hpp, the baseline), checked to make the same
// namespaces and links, both times and the ratios printed. Root only: without it, it says why
// and exits 0 (skipped).
#pragma once

namespace docknet::cli {

struct BenchApplyOptions {
    int containers = 100;
    int networks = 0;  // 0: everyone on docker0
    bool json = false;
};

/// Exit 0 when it ran (or was skipped for want of root), 1 when a phase failed or sim and
/// kernel disagreed (the lab is removed either way).
int benchApply(const BenchApplyOptions& options);

}  // namespace docknet::cli
