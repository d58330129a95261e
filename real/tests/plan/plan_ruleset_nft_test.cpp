// The ruleset text must be what nft accepts: `nft -c -f FILE` (a dry run against the kernel)
// inside a throwaway network namespace (`unshare -n`), so the machine's own tables are never
// involved. Needs root and the nft binary; otherwise the test says why and passes.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>

#include "plan_fixture.hpp"

namespace {

bool canRunNft() {
    if (geteuid() != 0) {
        WARN("skipped: nft -c needs root (run the tests as root to check the ruleset)");
        return false;
    }
    if (std::system("unshare -n true >/dev/null 2>&1") != 0 || std::system("command -v nft >/dev/null 2>&1") != 0) {
        WARN("skipped: unshare -n or nft is not available");
        return false;
    }
    return true;
}

/// "" when nft accepts the script, else nft's messages.
std::string nftCheck(const std::string& text) {
    char path[] = "/tmp/docknet-plan-XXXXXX";
    const int fd = mkstemp(path);
    REQUIRE(fd >= 0);
    REQUIRE(write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()));
    close(fd);
    const std::string cmd = std::string("unshare -n nft -c -f ") + path + " 2>&1";
    std::string out;
    FILE* p = popen(cmd.c_str(), "r");
    REQUIRE(p);
    char buf[512];
    while (std::fgets(buf, sizeof buf, p)) out += buf;
    const int rc = pclose(p);
    unlink(path);
    return rc == 0 ? std::string() : (out.empty() ? std::string("nft failed") : out);
}

std::string goldenScript(const std::string& name) {
    std::ifstream in(std::string(DOCKNET_REAL_SCRIPTS) + "/../../../tests/cli/golden/" + name);
    REQUIRE(in);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

TEST_CASE("every plan's ruleset passes nft -c", "[plan][nft]") {
    if (!canRunNft()) return;
    for (const char* script : {"default_bridge.sh", "user_network.sh", "published_port.sh", "modes.sh"}) {
        INFO(script);
        auto host = plan_test::hostAfter(script);
        const auto plan = sim::plan::derivePlan(*host);
        REQUIRE(plan.rulesets.size() == 1);
        CHECK(nftCheck(plan.rulesets[0].text) == "");
    }
}

TEST_CASE("the rulesets of the tutorial's golden scripts pass nft -c", "[plan][nft]") {
    if (!canRunNft()) return;
    for (const char* script : {"01_tutorial.sh", "03_user_defined.sh", "04_host_none_container.sh", "05_ports.sh"}) {
        INFO(script);
        auto host = std::make_unique<sim::cli::DockerHost>();
        sim::shell::ScriptRunner runner(*host);
        REQUIRE(runner.run(goldenScript(script)));
        for (const auto& r : sim::plan::derivePlan(*host).rulesets) CHECK(nftCheck(r.text) == "");
    }
}
