#include "sim/cli/detach_keys.hpp"

#include <array>
#include <string_view>

namespace sim::cli {

core::Result<std::string> detachKeyBytes(const std::string& value) {
    // moby/term ascii.go: the index in this list is the control character's code.
    static constexpr std::array<std::string_view, 32> kAscii = {
        "ctrl-@", "ctrl-a", "ctrl-b", "ctrl-c", "ctrl-d", "ctrl-e", "ctrl-f", "ctrl-g", "ctrl-h", "ctrl-i", "ctrl-j",
        "ctrl-k", "ctrl-l", "ctrl-m", "ctrl-n", "ctrl-o", "ctrl-p", "ctrl-q", "ctrl-r", "ctrl-s", "ctrl-t", "ctrl-u",
        "ctrl-v", "ctrl-w", "ctrl-x", "ctrl-y", "ctrl-z", "ctrl-[", "ctrl-\\", "ctrl-]", "ctrl-^", "ctrl-_"};
    const auto invalid = [&value] {
        return std::unexpected(core::Error{core::ErrorCode::InvalidArgument, "Invalid detach keys (" + value + ") provided"});
    };
    std::string bytes;
    std::size_t start = 0;
    for (;;) {
        const std::size_t comma = value.find(',', start);
        const std::string key = value.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        if (key.size() == 1) {
            bytes += key[0];
        } else if (key == "DEL") {
            bytes += '\x7f';
        } else {
            bool found = false;
            for (std::size_t code = 0; code < kAscii.size() && !found; ++code)
                if (kAscii[code] == key) bytes += static_cast<char>(code), found = true;
            if (!found) return invalid();
        }
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    return bytes;
}

}  // namespace sim::cli
