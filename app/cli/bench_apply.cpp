#include "bench_apply.hpp"

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <optional>
#include <vector>
#include <sstream>

#include "bench_ip_script.hpp"
#include "real/real_backend.hpp"
#include "sim/cli/docker_host.hpp"
#include "sim/plan/comparison.hpp"
#include "sim/plan/plan.hpp"
#include "sim/shell/script_runner.hpp"

namespace docknet::cli {

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

/// The benchmark's topology as the script a student would type.
std::string benchScript(const BenchApplyOptions& o) {
    std::ostringstream s;
    for (int k = 1; k <= o.networks; ++k) s << "docker network create --subnet 10." << k << ".0.0/16 benchnet" << k << "\n";
    for (int i = 1; i <= o.containers; ++i) {
        s << "docker run -dit --name c" << i;
        if (o.networks > 0) s << " --network benchnet" << 1 + (i - 1) % o.networks;
        s << " alpine ash\n";
    }
    return s.str();
}

struct Figures {
    double sim = 0, plan = 0, apply = 0, verify = 0, down = 0;
    std::size_t objects = 0, namespaces = 0, rows = 0, differences = 0, links = 0, pingBatches = 0;
    std::optional<IpScriptFigures> script;  // the ip-command baseline, when it ran
    std::string scriptMissing;              // why it did not
};

/// A JSON number, or null.
std::string number(std::optional<double> v) {
    if (!v) return "null";
    std::ostringstream s;
    s << *v;
    return s.str();
}

void print(const BenchApplyOptions& o, const Figures& f) {
    if (o.json) {
        std::cout << "{\"containers\": " << o.containers << ", \"networks\": " << o.networks << ", \"namespaces\": " << f.namespaces
                  << ", \"objects\": " << f.objects << ", \"sim_seconds\": " << f.sim << ", \"plan_seconds\": " << f.plan
                  << ", \"apply_seconds\": " << f.apply << ", \"verify_seconds\": " << f.verify << ", \"verify_rows\": " << f.rows
                  << ", \"differences\": " << f.differences << ", \"ping_batches\": " << f.pingBatches << ", \"down_seconds\": " << f.down << ", \"links\": " << f.links
                  << ", \"ip_script_commands\": " << number(f.script ? std::optional<double>(f.script->commands) : std::nullopt)
                  << ", \"ip_script_apply_seconds\": " << number(f.script ? std::optional(f.script->buildSeconds) : std::nullopt)
                  << ", \"ip_script_down_seconds\": " << number(f.script ? std::optional(f.script->teardownSeconds) : std::nullopt)
                  << ", \"apply_ratio\": " << number(f.script ? std::optional(f.script->buildSeconds / f.apply) : std::nullopt)
                  << ", \"down_ratio\": " << number(f.script ? std::optional(f.script->teardownSeconds / f.down) : std::nullopt)
                  << "}\n";
        if (!f.scriptMissing.empty()) std::cerr << "bench apply: no ip-script baseline: " << f.scriptMissing << "\n";
        return;
    }
    std::cout << "bench apply: " << o.containers << " containers"
              << (o.networks ? " over " + std::to_string(o.networks) + " user-defined networks" : std::string(" on docker0")) << ", "
              << f.namespaces << " namespaces, " << f.objects << " ledger objects\n"
              << "  sim      " << f.sim << " s\n"
              << "  plan     " << f.plan << " s\n"
              << "  apply    " << f.apply << " s (" << f.apply * 1000 / o.containers << " ms per container)\n"
              << "  verify   " << f.verify << " s (" << f.rows << " rows, " << f.differences << " differences; pings in " << f.pingBatches
              << " batches, neighbours compared and deleted after each)\n"
              << "  down     " << f.down << " s\n";
    if (f.script)
        std::cout << "ip-command script (" << f.script->commands << " commands; " << f.script->namespaces << " namespaces and "
                  << f.script->links << " links, as the backend's)\n"
                  << "  apply    " << f.script->buildSeconds << " s (" << f.script->buildSeconds * 1000 / o.containers
                  << " ms per container): the backend is " << f.script->buildSeconds / f.apply << "x faster (target 10x)\n"
                  << "  down     " << f.script->teardownSeconds << " s: the backend is " << f.script->teardownSeconds / f.down
                  << "x faster (target 5x)\n";
    else std::cout << "ip-command script: no figures: " << f.scriptMissing << "\n";
}

}  // namespace

int benchApply(const BenchApplyOptions& options) {
    if (auto ok = real::RealBackend::checkPrivileges(); !ok) {
        if (options.json) std::cout << "{\"skipped\": \"" << ok.error().message << "\"}\n";
        else std::cout << "bench apply: skipped: " << ok.error().message << "\n";
        return 0;
    }
    if (options.containers < 1 || options.networks < 0 || options.networks > 200) {
        std::cerr << "bench apply: --containers must be at least 1 and --networks 0..200\n";
        return 2;
    }
    // A ledger of its own, so a lab the user applied (and its ledger) is never touched: if its
    // namespaces exist, apply refuses their names and the bench stops.
    std::string stateTemplate = (std::filesystem::temp_directory_path() / "docknet-bench.XXXXXX").string();
    if (!::mkdtemp(stateTemplate.data())) {
        std::cerr << "bench apply: cannot make a state directory under /tmp\n";
        return 1;
    }
    real::RealOptions ro;
    ro.stateDir = stateTemplate;
    Figures f;
    int status = 0;
    {
        auto start = Clock::now();
        sim::cli::DockerHost host;
        sim::shell::ScriptRunner runner(host);
        if (auto t = runner.run(benchScript(options)); !t) {
            std::cerr << "bench apply: the sim failed: " << t.error().message << "\n";
            return 1;
        }
        f.sim = secondsSince(start);
        start = Clock::now();
        const auto plan = sim::plan::derivePlan(host);
        f.plan = secondsSince(start);
        f.namespaces = plan.namespaces.size();

        real::RealBackend backend(ro);
        start = Clock::now();
        if (auto a = backend.apply(plan); !a) {
            std::cerr << "bench apply: apply failed: " << a.error().message << "\n";
            status = 1;
        }
        f.apply = secondsSince(start);
        if (auto s = backend.status()) f.objects = s->ledger.size();
        std::vector<std::string> links;  // what the ip script must build too (read off the clock)
        if (status == 0) {
            if (auto l = linkLines(plan, backend); !l) {
                std::cerr << "bench apply: reading the links back: " << l.error().message << "\n";
                status = 1;
            } else {
                links = std::move(*l);
                f.links = links.size();
            }
        }
        if (status == 0) {
            start = Clock::now();
            const auto c = sim::plan::compareWithKernel(host, plan, backend, 1000);
            f.verify = secondsSince(start);
            f.rows = c.rows.size();
            f.differences = c.differences().size();
            f.pingBatches = c.pingBatches;
            const auto differences = c.differences();
            for (std::size_t i = 0; i < differences.size() && i < 20; ++i) std::cerr << "bench apply: verify: " << differences[i] << "\n";
            if (differences.size() > 20) std::cerr << "bench apply: verify: ... " << differences.size() - 20 << " more\n";
            if (f.differences) status = 1;
        }
        start = Clock::now();
        if (auto d = backend.down(); !d) {
            std::cerr << "bench apply: down failed: " << d.error().message << " (ledger kept in " << ro.stateDir << ")\n";
            return 1;
        }
        f.down = secondsSince(start);

        // The baseline, in the same run, on the same plan, once the backend's lab is gone.
        if (status == 0 || f.differences > 0) {
            auto script = runIpScriptBaseline(plan, links);
            if (script) {
                f.script = *script;
            } else if (script.error().code == sim::core::ErrorCode::Unsupported) {
                f.scriptMissing = script.error().message;
            } else {
                std::cerr << "bench apply: the ip-script baseline: " << script.error().message << "\n";
                f.scriptMissing = script.error().message;
                status = 1;
            }
        }
    }
    std::error_code ec;
    std::filesystem::remove_all(ro.stateDir, ec);
    print(options, f);
    return status;
}

}  // namespace docknet::cli
