#include "sim/core/sim_time.hpp"

#include <cstdio>

namespace sim::core {

std::string SimTime::toString() const {
    const std::int64_t abs = m_us < 0 ? -m_us : m_us;
    char buf[48];
    std::snprintf(buf, sizeof buf, "%s%lld.%06lld", m_us < 0 ? "-" : "", static_cast<long long>(abs / 1000000),
                  static_cast<long long>(abs % 1000000));
    return buf;
}

}  // namespace sim::core
