// What every fuzz target does with libFuzzer's bytes: read them as text, or as lines.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace fuzz {

inline std::string_view asText(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

/// The text cut at every '\n' (the last piece may be empty): argv for the flag parser.
inline std::vector<std::string> lines(std::string_view text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (std::size_t nl; (nl = text.find('\n', start)) != std::string_view::npos; start = nl + 1)
        out.emplace_back(text.substr(start, nl - start));
    out.emplace_back(text.substr(start));
    return out;
}

/// A property the fuzzer must not break: abort (libFuzzer keeps the input) when it does not hold.
[[noreturn]] void fail(const char* what);

}  // namespace fuzz
