#include "sim/core/sleep_duration.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>

namespace sim::core {

std::optional<SleepDuration> parseSleepDuration(const std::vector<std::string>& operands, std::string* badOperand) {
    SleepDuration d;
    double total = 0;
    for (const std::string& op : operands) {
        auto bad = [&] {
            if (badOperand) *badOperand = op;
            return std::optional<SleepDuration>();
        };
        std::string number = op;
        double unit = 1;
        if (!number.empty() && std::string_view("smhd").find(number.back()) != std::string_view::npos) {
            const char u = number.back();
            unit = u == 'm' ? 60 : u == 'h' ? 3600 : u == 'd' ? 86400 : 1;
            number.pop_back();
        }
        if (number.empty() || std::isspace(static_cast<unsigned char>(number.front()))) return bad();
        char* end = nullptr;
        const double v = std::strtod(number.c_str(), &end);  // strtod's syntax, as both sleeps use
        if (end != number.c_str() + number.size() || std::isnan(v) || v < 0) return bad();
        if (std::isinf(v)) {
            d.forever = true;
            continue;
        }
        total += v * unit;
    }
    if (!d.forever) d.wait = micros(static_cast<std::int64_t>(std::llround(std::min(total, 9.2e12) * 1e6)));
    return d;
}

}  // namespace sim::core
