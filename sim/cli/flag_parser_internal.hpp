// Go's value parsers shared by flag_parser.cpp and flag_value_parsers.cpp; private to them.
#pragma once

#include <cstdint>
#include <string>

#include "sim/core/error.hpp"

namespace sim::cli::flag_detail {

/// strconv.ParseBool, with Go's error text.
core::Result<bool> parseGoBool(const std::string& s);
/// strconv.ParseInt(s, 0, 64), with Go's error texts.
core::Result<std::int64_t> parseGoInt(const std::string& s0);

}  // namespace sim::cli::flag_detail
