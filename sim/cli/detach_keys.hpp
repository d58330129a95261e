// The detach sequence of an attached terminal (docker attach, docker run -it, docker exec -it):
// --detach-keys as moby/term's ToBytes reads it ("ctrl-p,ctrl-q", "a", "ctrl-\\", "DEL"), and
// the default Ctrl-p Ctrl-q. In a script the sequence is a line holding those bytes (the default
// is the two control characters 0x10 0x11, written printf '\x10\x11' or typed Ctrl-v Ctrl-p
// Ctrl-v Ctrl-q in an editor); see docs/ATTACH.md.
#pragma once

#include <string>

#include "sim/core/error.hpp"

namespace sim::cli {

/// Ctrl-p Ctrl-q, Docker's default (container/stream/attach.go defaultEscapeSequence).
inline constexpr const char* kDefaultDetachKeys = "\x10\x11";

/// The bytes of a --detach-keys value; the daemon's "Invalid detach keys (VALUE) provided" when
/// ToBytes refuses it.
core::Result<std::string> detachKeyBytes(const std::string& value);

}  // namespace sim::cli
