// Virtual time: integer microseconds since the start of the simulation. Nothing in sim/ reads a
// wall clock; time is passed in or read from the Scheduler (smoltcp's rule).
#pragma once

#include <compare>
#include <cstdint>
#include <string>

namespace sim::core {

class SimTime {
public:
    constexpr SimTime() = default;
    static constexpr SimTime fromMicros(std::int64_t us) { return SimTime(us); }
    static constexpr SimTime fromMillis(std::int64_t ms) { return SimTime(ms * 1000); }
    static constexpr SimTime fromSeconds(std::int64_t s) { return SimTime(s * 1000000); }
    static constexpr SimTime zero() { return SimTime(0); }
    static constexpr SimTime max() { return SimTime(INT64_MAX); }

    [[nodiscard]] constexpr std::int64_t micros() const { return m_us; }
    [[nodiscard]] constexpr double millis() const { return static_cast<double>(m_us) / 1000.0; }
    [[nodiscard]] constexpr double seconds() const { return static_cast<double>(m_us) / 1e6; }

    constexpr auto operator<=>(const SimTime&) const = default;
    constexpr SimTime operator+(SimTime o) const { return SimTime(m_us + o.m_us); }
    constexpr SimTime operator-(SimTime o) const { return SimTime(m_us - o.m_us); }
    constexpr SimTime& operator+=(SimTime o) { m_us += o.m_us; return *this; }
    constexpr SimTime operator*(std::int64_t k) const { return SimTime(m_us * k); }
    constexpr SimTime operator/(std::int64_t k) const { return SimTime(m_us / k); }

    /// "12.000345" (seconds with microseconds), the way tcpdump -ttt style traces read.
    [[nodiscard]] std::string toString() const;

private:
    constexpr explicit SimTime(std::int64_t us) : m_us(us) {}
    std::int64_t m_us = 0;
};

using Duration = SimTime;

constexpr Duration micros(std::int64_t v) { return SimTime::fromMicros(v); }
constexpr Duration millis(std::int64_t v) { return SimTime::fromMillis(v); }
constexpr Duration seconds(std::int64_t v) { return SimTime::fromSeconds(v); }

}  // namespace sim::core
