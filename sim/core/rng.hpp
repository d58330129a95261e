// Seeded randomness. std::mt19937_64's output sequence is fixed by the standard, but the
// distributions are not, so ranges are mapped here by hand: the same seed gives the same run
// with any standard library.
#pragma once

#include <cstdint>
#include <random>

namespace sim::core {

class Rng {
public:
    explicit Rng(std::uint64_t seed = 1) : m_engine(seed) {}

    std::uint64_t next() { return m_engine(); }

    /// Uniform integer in [lo, hi] (inclusive). Rejection sampling keeps it unbiased.
    std::int64_t uniform(std::int64_t lo, std::int64_t hi) {
        if (hi <= lo) return lo;
        // Unsigned arithmetic: hi - lo overflows int64 for ranges wider than INT64_MAX.
        const std::uint64_t span = static_cast<std::uint64_t>(hi) - static_cast<std::uint64_t>(lo) + 1;
        if (span == 0) return static_cast<std::int64_t>(next());
        const std::uint64_t limit = UINT64_MAX - (UINT64_MAX % span);
        std::uint64_t v;
        do { v = next(); } while (v >= limit);
        return static_cast<std::int64_t>(static_cast<std::uint64_t>(lo) + v % span);
    }

private:
    std::mt19937_64 m_engine;
};

/// Puts the randomness back where it was when the scope ends, unless keep() was called: a
/// command that fails must not shift the ids, names and MACs of every command after it.
class RngCheckpoint {
public:
    explicit RngCheckpoint(Rng& rng) : m_rng(&rng), m_saved(rng) {}
    RngCheckpoint(const RngCheckpoint&) = delete;
    RngCheckpoint& operator=(const RngCheckpoint&) = delete;
    ~RngCheckpoint() {
        if (!m_kept) *m_rng = m_saved;
    }
    void keep() { m_kept = true; }

private:
    Rng* m_rng;
    Rng m_saved;
    bool m_kept = false;
};

}  // namespace sim::core
