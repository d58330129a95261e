// UTF-8 decoding and encoding with Go's rules (unicode/utf8): an invalid or truncated sequence
// decodes as U+FFFD with width 1, surrogates and overlong forms are invalid. Used by the JSON
// writer (Go replaces invalid bytes with \ufffd) and by the Go-template string functions.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace sim::core::utf8 {

inline constexpr char32_t kRuneError = 0xFFFD;

struct Decoded {
    char32_t rune = kRuneError;
    std::size_t width = 1;  // bytes consumed; 0 only at the end of the input
};

/// Decodes the rune starting at text[pos] like Go's utf8.DecodeRuneInString. At or past the end:
/// {U+FFFD, 0}. Never reads outside `text`.
inline Decoded decode(std::string_view text, std::size_t pos) {
    if (pos >= text.size()) return {kRuneError, 0};
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char b0 = byte(pos);
    if (b0 < 0x80) return {b0, 1};
    std::size_t need = 0;
    unsigned char lo = 0x80, hi = 0xBF;
    char32_t rune = 0;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        need = 1;
        rune = b0 & 0x1F;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        need = 2;
        rune = b0 & 0x0F;
        if (b0 == 0xE0) lo = 0xA0;  // no overlong forms
        if (b0 == 0xED) hi = 0x9F;  // no surrogates
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        need = 3;
        rune = b0 & 0x07;
        if (b0 == 0xF0) lo = 0x90;  // no overlong forms
        if (b0 == 0xF4) hi = 0x8F;  // nothing above U+10FFFF
    } else {
        return {kRuneError, 1};
    }
    if (text.size() - pos <= need) {
        // Truncated: still check what is there, the answer is the same (RuneError, 1).
        return {kRuneError, 1};
    }
    for (std::size_t k = 1; k <= need; ++k) {
        const unsigned char b = byte(pos + k);
        const unsigned char min = k == 1 ? lo : 0x80;
        const unsigned char max = k == 1 ? hi : 0xBF;
        if (b < min || b > max) return {kRuneError, 1};
        rune = (rune << 6) | (b & 0x3F);
    }
    return {rune, need + 1};
}

/// Appends the UTF-8 encoding of `rune`; surrogates and values above U+10FFFF become U+FFFD.
inline void append(std::string& out, char32_t rune) {
    if ((rune >= 0xD800 && rune <= 0xDFFF) || rune > 0x10FFFF) rune = kRuneError;
    if (rune < 0x80) {
        out.push_back(static_cast<char>(rune));
    } else if (rune < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (rune >> 6)));
        out.push_back(static_cast<char>(0x80 | (rune & 0x3F)));
    } else if (rune < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (rune >> 12)));
        out.push_back(static_cast<char>(0x80 | ((rune >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (rune & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (rune >> 18)));
        out.push_back(static_cast<char>(0x80 | ((rune >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((rune >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (rune & 0x3F)));
    }
}

/// Number of runes as Go's utf8.RuneCountInString counts them (each invalid byte is one rune).
inline std::size_t runeCount(std::string_view text) {
    std::size_t n = 0;
    for (std::size_t pos = 0; pos < text.size(); ++n) pos += decode(text, pos).width;
    return n;
}

}  // namespace sim::core::utf8
