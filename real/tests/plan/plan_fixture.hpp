// Runs one of real/tests/scripts in a fresh DockerHost, so a test can look at its plan.
#pragma once

#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include <catch2/catch.hpp>

#include "sim/cli/docker_host.hpp"
#include "sim/plan/plan.hpp"
#include "sim/shell/script_runner.hpp"

namespace plan_test {

inline std::string readScript(const std::string& name) {
    std::ifstream in(std::string(DOCKNET_REAL_SCRIPTS) + "/" + name);
    REQUIRE(in);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

inline std::unique_ptr<sim::cli::DockerHost> hostAfter(const std::string& scriptName) {
    auto host = std::make_unique<sim::cli::DockerHost>();
    sim::shell::ScriptRunner runner(*host);
    auto t = runner.run(readScript(scriptName));
    REQUIRE(t);
    return host;
}

}  // namespace plan_test
