// The small Go library functions behind Docker's tables: go-units HumanDuration, sortorder's
// NaturalLess, strconv.Quote, docker/cli's Ellipsis and TruncateID, RFC 3339 parsing and
// time.Time.String().
#include <cstdio>

#include "sim/cli/docker_views.hpp"
#include "sim/cli/tab_writer.hpp"
#include "sim/core/utf8.hpp"

namespace sim::cli {

namespace {

constexpr std::int64_t kNanosPerSecond = 1'000'000'000;

// Howard Hinnant's days_from_civil / civil_from_days (proleptic Gregorian, 1970-01-01 = day 0).
std::int64_t daysFromCivil(std::int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

struct Civil {
    std::int64_t year;
    unsigned month, day;
};

Civil civilFromDays(std::int64_t z) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return {y + (m <= 2), m, d};
}

bool isDigit(char c) { return c >= '0' && c <= '9'; }

/// Go's strconv.IsPrint for the runes docknet's text can contain: Latin-1 controls, the soft
/// hyphen, the line/paragraph separators and the BOM are not printable; other runes are.
bool isPrintable(char32_t r) {
    if (r < 0x20 || r == 0x7F) return false;
    if (r >= 0x80 && r <= 0x9F) return false;
    if (r == 0xAD || r == 0x2028 || r == 0x2029 || r == 0xFEFF) return false;
    if (r >= 0x200B && r <= 0x200F) return false;
    return true;
}

}  // namespace

std::string humanDuration(std::int64_t nanoseconds) {
    const double d = static_cast<double>(nanoseconds);
    const auto seconds = static_cast<std::int64_t>(d / 1e9);
    if (seconds < 1) return "Less than a second";
    if (seconds == 1) return "1 second";
    if (seconds < 60) return std::to_string(seconds) + " seconds";
    const auto minutes = static_cast<std::int64_t>(d / 60e9);
    if (minutes == 1) return "About a minute";
    if (minutes < 60) return std::to_string(minutes) + " minutes";
    const auto hours = static_cast<std::int64_t>(d / 3600e9 + 0.5);
    if (hours == 1) return "About an hour";
    if (hours < 48) return std::to_string(hours) + " hours";
    if (hours < 24 * 7 * 2) return std::to_string(hours / 24) + " days";
    if (hours < 24 * 30 * 2) return std::to_string(hours / 24 / 7) + " weeks";
    if (hours < 24 * 365 * 2) return std::to_string(hours / 24 / 30) + " months";
    return std::to_string(static_cast<std::int64_t>(d / 3600e9) / 24 / 365) + " years";
}

std::string humanDuration(core::Duration d) { return humanDuration(d.micros() * 1000); }

bool naturalLess(std::string_view a, std::string_view b) {
    std::size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        const bool da = isDigit(a[i]), db = isDigit(b[j]);
        if (da != db) return da;  // digits sort before other characters
        if (!da) {
            if (a[i] != b[j]) return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[j]);
            ++i;
            ++j;
            continue;
        }
        while (i < a.size() && a[i] == '0') ++i;
        while (j < b.size() && b[j] == '0') ++j;
        const std::size_t nz1 = i, nz2 = j;
        while (i < a.size() && isDigit(a[i])) ++i;
        while (j < b.size() && isDigit(b[j])) ++j;
        const std::size_t len1 = i - nz1, len2 = j - nz2;
        if (len1 != len2) return len1 < len2;
        const std::string_view n1 = a.substr(nz1, len1), n2 = b.substr(nz2, len2);
        if (n1 != n2) return n1 < n2;
        if (nz1 != nz2) return nz1 < nz2;  // fewer leading zeros first
    }
    return a.size() < b.size();
}

std::string strconvQuote(std::string_view s) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out = "\"";
    for (std::size_t i = 0; i < s.size();) {
        const auto d = core::utf8::decode(s, i);
        const char32_t r = d.rune;
        if (r == core::utf8::kRuneError && d.width == 1) {
            const auto b = static_cast<unsigned char>(s[i]);
            out += "\\x";
            out += kHex[b >> 4];
            out += kHex[b & 15];
            ++i;
            continue;
        }
        if (r == '"' || r == '\\') {
            out += '\\';
            out += static_cast<char>(r);
        } else if (isPrintable(r)) {
            out.append(s.substr(i, d.width));
        } else {
            switch (r) {
                case '\a': out += "\\a"; break;
                case '\b': out += "\\b"; break;
                case '\f': out += "\\f"; break;
                case '\n': out += "\\n"; break;
                case '\r': out += "\\r"; break;
                case '\t': out += "\\t"; break;
                case '\v': out += "\\v"; break;
                default: {
                    char buf[16];
                    if (r < 0x20 || r == 0x7F) std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned>(r));
                    else if (r < 0x10000) std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(r));
                    else std::snprintf(buf, sizeof buf, "\\U%08x", static_cast<unsigned>(r));
                    out += buf;
                }
            }
        }
        i += d.width;
    }
    out += '"';
    return out;
}

std::string ellipsis(std::string_view s, std::size_t maxDisplayWidth) {
    if (maxDisplayWidth == 0) return "";
    std::vector<std::string_view> runes;
    for (std::size_t i = 0; i < s.size();) {
        const auto d = core::utf8::decode(s, i);
        runes.push_back(s.substr(i, d.width));
        i += d.width;
    }
    if (runes.empty()) return "";
    if (maxDisplayWidth == 1) return std::string(runes.front());
    std::string out;
    if (runes.size() == s.size()) {  // plain ASCII (one byte per rune)
        if (s.size() <= maxDisplayWidth) return std::string(s);
        return std::string(s.substr(0, maxDisplayWidth - 1)) + "…";
    }
    std::vector<std::size_t> cumulative;
    std::size_t total = 0;
    for (auto r : runes) {
        total += displayWidth(r);
        cumulative.push_back(total);
    }
    if (total <= maxDisplayWidth) return std::string(s);
    for (std::size_t i = 0; i + 1 < cumulative.size(); ++i) {
        if (cumulative[i] <= maxDisplayWidth - 1 && cumulative[i + 1] > maxDisplayWidth - 1) {
            for (std::size_t k = 0; k <= i; ++k) out += runes[k];
            return out + "…";
        }
    }
    return std::string(s);
}

std::string truncateId(std::string_view id) {
    if (const auto colon = id.find(':'); colon != std::string_view::npos) id = id.substr(colon + 1);
    return std::string(id.substr(0, 12));
}

std::optional<std::int64_t> parseRfc3339(std::string_view t) {
    // YYYY-MM-DDTHH:MM:SS[.fraction](Z|+HH:MM|-HH:MM)
    auto num = [&](std::size_t pos, std::size_t len) -> std::optional<int> {
        if (pos + len > t.size()) return std::nullopt;
        int v = 0;
        for (std::size_t k = pos; k < pos + len; ++k) {
            if (!isDigit(t[k])) return std::nullopt;
            v = v * 10 + (t[k] - '0');
        }
        return v;
    };
    if (t.size() < 20 || t[4] != '-' || t[7] != '-' || (t[10] != 'T' && t[10] != 't') || t[13] != ':' || t[16] != ':')
        return std::nullopt;
    const auto y = num(0, 4), mo = num(5, 2), d = num(8, 2), h = num(11, 2), mi = num(14, 2), s = num(17, 2);
    if (!y || !mo || !d || !h || !mi || !s || *mo < 1 || *mo > 12 || *d < 1 || *d > 31 || *h > 23 || *mi > 59 || *s > 59)
        return std::nullopt;
    std::size_t pos = 19;
    std::int64_t nanos = 0;
    if (t[pos] == '.') {
        ++pos;
        int digits = 0;
        while (pos < t.size() && isDigit(t[pos])) {
            if (digits < 9) {
                nanos = nanos * 10 + (t[pos] - '0');
                ++digits;
            }
            ++pos;
        }
        if (digits == 0) return std::nullopt;
        while (digits++ < 9) nanos *= 10;
    }
    if (pos >= t.size()) return std::nullopt;
    std::int64_t offsetSeconds = 0;
    if (t[pos] == 'Z' || t[pos] == 'z') {
        ++pos;
    } else if (t[pos] == '+' || t[pos] == '-') {
        const auto oh = num(pos + 1, 2), om = num(pos + 4, 2);
        if (!oh || !om || pos + 3 >= t.size() || t[pos + 3] != ':') return std::nullopt;
        offsetSeconds = (*oh * 3600 + *om * 60) * (t[pos] == '-' ? -1 : 1);
        pos += 6;
    } else {
        return std::nullopt;
    }
    if (pos != t.size()) return std::nullopt;
    const std::int64_t days = daysFromCivil(*y, static_cast<unsigned>(*mo), static_cast<unsigned>(*d));
    const std::int64_t secs = days * 86400 + *h * 3600 + *mi * 60 + *s - offsetSeconds;
    return secs * kNanosPerSecond + nanos;
}

std::string goTimeString(std::int64_t unixNanos) {
    std::int64_t secs = unixNanos / kNanosPerSecond;
    std::int64_t nanos = unixNanos % kNanosPerSecond;
    if (nanos < 0) {
        nanos += kNanosPerSecond;
        --secs;
    }
    std::int64_t days = secs / 86400;
    std::int64_t rem = secs % 86400;
    if (rem < 0) {
        rem += 86400;
        --days;
    }
    const Civil c = civilFromDays(days);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04lld-%02u-%02u %02lld:%02lld:%02lld", static_cast<long long>(c.year), c.month, c.day,
                  static_cast<long long>(rem / 3600), static_cast<long long>(rem / 60 % 60),
                  static_cast<long long>(rem % 60));
    std::string out = buf;
    if (nanos != 0) {
        std::snprintf(buf, sizeof buf, ".%09lld", static_cast<long long>(nanos));
        std::string frac = buf;
        while (frac.back() == '0') frac.pop_back();
        out += frac;
    }
    return out + " +0000 UTC";
}

std::int64_t wallClockNanos(const docker::DockerEngine& engine, core::SimTime t) {
    if (auto parsed = parseRfc3339(engine.timestamp(t))) return *parsed;
    // timestamp() always prints RFC 3339; this is only a fallback.
    return (engine.config().epochSeconds + t.micros() / 1'000'000) * kNanosPerSecond + t.micros() % 1'000'000 * 1000;
}

}  // namespace sim::cli
