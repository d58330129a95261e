// Docker object IDs and generated container names, deterministic from the seeded Rng.
//
// IDs are 64 lower-case hex digits (moby pkg/stringid.GenerateRandomID; the short form is the
// first 12). Names follow moby pkg/namesgenerator: "adjective_surname" from its two lists (the
// full lists of current moby are reproduced in docker_ids.cpp), never "boring_wozniak" ("Steve
// Wozniak is not boring"), and on retry > 0 a random digit is appended ("focused_hopper3"), as
// the daemon does when a generated name is already taken (daemon/names.go tries retry 0..5,
// then falls back to the short ID).
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "sim/core/rng.hpp"

namespace sim::docker {

/// The first 12 characters (stringid.TruncateID); shorter input is returned whole.
std::string shortId(const std::string& id);
/// True for 64 lower-case hex digits.
bool isFullId(std::string_view s);

class IdGenerator {
public:
    explicit IdGenerator(core::Rng& rng) : m_rng(&rng) {}

    /// 64 lower-case hex digits. (moby re-draws an ID whose short form is all digits, so that it
    /// cannot be mistaken for a number; so does this.)
    std::string newId();
    /// "adjective_surname"; retry > 0 appends one random digit.
    std::string randomName(int retry = 0);

    static std::span<const std::string_view> adjectives();
    static std::span<const std::string_view> surnames();

private:
    core::Rng* m_rng;
};

}  // namespace sim::docker
