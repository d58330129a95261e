// Golden transcripts: every tests/cli/golden/NAME.sh runs through the ScriptRunner (seed 1, one
// simulated second between commands) and must print exactly tests/cli/golden/NAME.out.
// After a deliberate change, regenerate with DOCKNET_UPDATE_GOLDEN=1 and review the diff;
// DOCKNET_UPDATE_GOLDEN=NAME (a script's name without .sh) regenerates that one only.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "sim/cli/docker_host.hpp"
#include "sim/shell/script_runner.hpp"

namespace fs = std::filesystem;

namespace {

std::string readAll(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::string transcriptOf(const std::string& script) {
    sim::cli::DockerHost lab;
    sim::shell::ScriptRunner runner(lab);
    auto t = runner.run(script);
    if (!t) return "PARSE ERROR: " + t.error().message + "\n";
    return runner.render(*t, false);
}

}  // namespace

TEST_CASE("Golden transcripts match", "[cli][golden]") {
    const fs::path dir = fs::path(DOCKNET_SOURCE_DIR) / "tests" / "cli" / "golden";
    const char* updateWhat = std::getenv("DOCKNET_UPDATE_GOLDEN");
    const std::string only = updateWhat && std::string(updateWhat) != "1" ? updateWhat : "";
    std::vector<fs::path> scripts;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().extension() == ".sh") scripts.push_back(e.path());
    std::sort(scripts.begin(), scripts.end());
    REQUIRE(scripts.size() >= 5);
    for (const auto& script : scripts) {
        const fs::path expectedPath = fs::path(script).replace_extension(".out");
        const std::string actual = transcriptOf(readAll(script));
        if (updateWhat && (only.empty() || script.stem().string() == only)) {
            std::ofstream(expectedPath, std::ios::binary) << actual;
            continue;
        }
        INFO("golden file: " << expectedPath.string());
        // CHECK, not REQUIRE: one missing transcript must not hide the others' results.
        CHECK(fs::exists(expectedPath));
        if (!fs::exists(expectedPath)) continue;
        CHECK(actual == readAll(expectedPath));
    }
}
