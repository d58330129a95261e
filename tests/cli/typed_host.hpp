// A simulated Docker host driven line by line, as a student types: each line's output (stdout
// and stderr in order) and exit status.
#pragma once

#include <catch2/catch.hpp>

#include <string>
#include <utility>

#include "sim/cli/docker_host.hpp"
#include "sim/shell/script_runner.hpp"

struct TypedHost {
    TypedHost() : lab(sim::cli::DockerHostOptions{1, sim::core::SimTime::zero()}), runner(lab) {}
    /// Runs one line that is one command; its output and status.
    std::pair<std::string, int> run(const std::string& line) {
        auto t = runner.run(line);
        REQUIRE(t);
        REQUIRE(t->steps.size() == 1);
        std::string out;
        for (const auto& [stream, text] : t->steps[0].output.chunks) out += text;
        return {out, t->steps[0].exitCode};
    }
    sim::cli::DockerHost lab;
    sim::shell::ScriptRunner runner;
};
