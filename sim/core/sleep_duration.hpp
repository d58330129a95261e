// What sleep(1) waits, from its operands: coreutils 9.1 and BusyBox 1.36 (FEATURE_FLOAT_SLEEP,
// as Alpine and the busybox image build it) both read each operand as a floating-point number
// (strtod: "1.5", ".5", "1e2", "0x10") with an optional unit s, m, h or d, and sleep for the
// sum. "inf"/"infinity" is forever. Shared by the sleep tool and a container whose main
// process is sleep (docker run -d busybox sleep 1d).
#pragma once

#include <optional>
#include <string_view>
#include <vector>
#include <string>

#include "sim/core/sim_time.hpp"

namespace sim::core {

struct SleepDuration {
    bool forever = false;
    Duration wait;
};

/// nullopt when an operand is not a duration (the caller prints its tool's refusal, naming
/// `badOperand`).
std::optional<SleepDuration> parseSleepDuration(const std::vector<std::string>& operands, std::string* badOperand = nullptr);

}  // namespace sim::core
