// Go's parsers for flag values (strconv.ParseBool, ParseInt, time.ParseDuration) and strconv.Quote.
#include "sim/cli/flag_parser.hpp"
#include "sim/cli/flag_parser_internal.hpp"
#include "sim/cli/strconv_quote.hpp"

#include <limits>

namespace sim::cli {
namespace {

using core::ErrorCode;

bool isDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

namespace flag_detail {

// ---- Go value parsers (the error texts are Go's) -----------------------------------------

core::Result<bool> parseGoBool(const std::string& s) {
    if (s == "1" || s == "t" || s == "T" || s == "TRUE" || s == "true" || s == "True") return true;
    if (s == "0" || s == "f" || s == "F" || s == "FALSE" || s == "false" || s == "False") return false;
    return core::fail(ErrorCode::InvalidArgument, "strconv.ParseBool: parsing " + goQuote(s) + ": invalid syntax");
}

// strconv.ParseInt(s, 0, 64).
core::Result<std::int64_t> parseGoInt(const std::string& s0) {
    auto syntax = [&] {
        return core::fail(ErrorCode::InvalidArgument, "strconv.ParseInt: parsing " + goQuote(s0) + ": invalid syntax");
    };
    auto range = [&] {
        return core::fail(ErrorCode::InvalidArgument, "strconv.ParseInt: parsing " + goQuote(s0) + ": value out of range");
    };
    std::string_view s = s0;
    if (s.empty()) return syntax();
    bool neg = false;
    if (s[0] == '+' || s[0] == '-') {
        neg = s[0] == '-';
        s.remove_prefix(1);
    }
    // Base 0: a 0x / 0b / 0o / 0 prefix picks the base; '_' may separate digits (and the
    // prefix from a digit), never lead, trail or double.
    int base = 10;
    bool prefixed = false;
    if (s.size() >= 2 && s[0] == '0') {
        const char b = char(s[1] | 0x20);
        prefixed = true;
        if (b == 'x') base = 16, s.remove_prefix(2);
        else if (b == 'b') base = 2, s.remove_prefix(2);
        else if (b == 'o') base = 8, s.remove_prefix(2);
        else base = 8, s.remove_prefix(1);
    }
    if (s.empty()) return syntax();
    constexpr std::uint64_t kLimit = std::uint64_t(1) << 63;  // |min int64|
    std::uint64_t v = 0;
    char previous = prefixed ? '0' : '\0';
    for (char c : s) {
        if (c == '_') {
            if (previous == '\0' || previous == '_') return syntax();
            previous = c;
            continue;
        }
        int d = 0;
        if (isDigit(c)) d = c - '0';
        else if (c >= 'a' && c <= 'z') d = c - 'a' + 10;
        else if (c >= 'A' && c <= 'Z') d = c - 'A' + 10;
        else return syntax();
        if (d >= base) return syntax();
        if (v > (std::numeric_limits<std::uint64_t>::max() - std::uint64_t(d)) / std::uint64_t(base)) return range();
        v = v * std::uint64_t(base) + std::uint64_t(d);
        previous = c;
    }
    if (previous == '_') return syntax();
    if (neg) {
        if (v > kLimit) return range();
        return v == kLimit ? std::numeric_limits<std::int64_t>::min() : -std::int64_t(v);
    }
    if (v > kLimit - 1) return range();
    return std::int64_t(v);
}

}  // namespace flag_detail

// time.ParseDuration.
core::Result<std::chrono::nanoseconds> parseGoDuration(const std::string& orig) {
    auto invalid = [&] {
        return core::fail(ErrorCode::InvalidArgument, "time: invalid duration " + goQuote(orig));
    };
    constexpr std::uint64_t kLimit = std::uint64_t(1) << 63;
    std::string_view s = orig;
    bool neg = false;
    if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
        neg = s[0] == '-';
        s.remove_prefix(1);
    }
    if (s == "0") return std::chrono::nanoseconds(0);
    if (s.empty()) return invalid();
    std::uint64_t d = 0;
    while (!s.empty()) {
        if (!(s[0] == '.' || isDigit(s[0]))) return invalid();
        std::uint64_t v = 0;
        size_t before = s.size();
        while (!s.empty() && isDigit(s[0])) {
            if (v > kLimit / 10) return invalid();
            v = v * 10 + std::uint64_t(s[0] - '0');
            if (v > kLimit) return invalid();
            s.remove_prefix(1);
        }
        const bool pre = before != s.size();
        bool post = false;
        std::uint64_t f = 0;
        double scale = 1;
        if (!s.empty() && s[0] == '.') {
            s.remove_prefix(1);
            before = s.size();
            bool overflow = false;
            while (!s.empty() && isDigit(s[0])) {
                const std::uint64_t digit = std::uint64_t(s[0] - '0');
                s.remove_prefix(1);
                if (overflow) continue;
                if (f > (kLimit - 1) / 10) {
                    overflow = true;
                    continue;
                }
                const std::uint64_t y = f * 10 + digit;
                if (y > kLimit) {
                    overflow = true;
                    continue;
                }
                f = y;
                scale *= 10;
            }
            post = before != s.size();
        }
        if (!pre && !post) return invalid();
        size_t i = 0;
        while (i < s.size() && s[i] != '.' && !isDigit(s[i])) ++i;
        if (i == 0) return core::fail(ErrorCode::InvalidArgument, "time: missing unit in duration " + goQuote(orig));
        const std::string_view u = s.substr(0, i);
        s.remove_prefix(i);
        std::uint64_t unit = 0;
        if (u == "ns") unit = 1;
        else if (u == "us" || u == "\xC2\xB5s" || u == "\xCE\xBCs") unit = 1000;
        else if (u == "ms") unit = 1000000;
        else if (u == "s") unit = 1000000000ULL;
        else if (u == "m") unit = 60ULL * 1000000000ULL;
        else if (u == "h") unit = 3600ULL * 1000000000ULL;
        else
            return core::fail(ErrorCode::InvalidArgument,
                              "time: unknown unit " + goQuote(u) + " in duration " + goQuote(orig));
        if (v > kLimit / unit) return invalid();
        v *= unit;
        if (f > 0) {
            v += std::uint64_t(double(f) * (double(unit) / scale));
            if (v > kLimit) return invalid();
        }
        d += v;
        if (d > kLimit) return invalid();
    }
    if (neg) return std::chrono::nanoseconds(d == kLimit ? std::numeric_limits<std::int64_t>::min() : -std::int64_t(d));
    if (d > kLimit - 1) return invalid();
    return std::chrono::nanoseconds(std::int64_t(d));
}

std::string goQuote(std::string_view s) { return strconvQuote(s); }

}  // namespace sim::cli
