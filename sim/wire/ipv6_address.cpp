#include "sim/wire/ipv6_address.hpp"

#include <charconv>
#include <optional>
#include <vector>

#include "sim/wire/ipv4_address.hpp"

namespace sim::wire {

namespace {

core::Unexpected notAddress(std::string_view text) {
    return core::fail(core::ErrorCode::InvalidArgument, "\"" + std::string(text) + "\" is not an IPv6 address");
}

std::optional<std::uint16_t> hexGroup(std::string_view g) {
    if (g.empty() || g.size() > 4) return std::nullopt;
    unsigned value = 0;
    const auto [end, ec] = std::from_chars(g.data(), g.data() + g.size(), value, 16);
    if (ec != std::errc{} || end != g.data() + g.size()) return std::nullopt;
    return std::uint16_t(value);
}

/// The groups of one side of "::" (empty text: none). A dotted IPv4 tail counts as two groups.
std::optional<std::vector<std::uint16_t>> groupsOf(std::string_view side, bool allowV4Tail) {
    std::vector<std::uint16_t> out;
    if (side.empty()) return out;
    std::size_t start = 0;
    while (true) {
        const auto colon = side.find(':', start);
        const std::string_view g = side.substr(start, colon == std::string_view::npos ? std::string_view::npos : colon - start);
        if (colon == std::string_view::npos && allowV4Tail && g.find('.') != std::string_view::npos) {
            auto v4 = Ipv4Address::parse(g);
            if (!v4) return std::nullopt;
            out.push_back(std::uint16_t(v4->value() >> 16));
            out.push_back(std::uint16_t(v4->value() & 0xffffu));
            return out;
        }
        auto value = hexGroup(g);
        if (!value) return std::nullopt;
        out.push_back(*value);
        if (colon == std::string_view::npos) return out;
        start = colon + 1;
    }
}

}  // namespace

core::Result<Ipv6Address> Ipv6Address::parse(std::string_view text) {
    const auto gap = text.find("::");
    std::vector<std::uint16_t> groups;
    if (gap == std::string_view::npos) {
        auto all = groupsOf(text, true);
        if (!all || all->size() != 8) return notAddress(text);
        groups = *all;
    } else {
        if (text.find("::", gap + 1) != std::string_view::npos) return notAddress(text);
        const auto head = groupsOf(text.substr(0, gap), false);
        const auto tail = groupsOf(text.substr(gap + 2), true);
        if (!head || !tail || head->size() + tail->size() > 7) return notAddress(text);
        groups = *head;
        groups.resize(8 - tail->size(), 0);
        groups.insert(groups.end(), tail->begin(), tail->end());
    }
    std::uint64_t high = 0, low = 0;
    for (int i = 0; i < 4; ++i) high = (high << 16) | groups[std::size_t(i)];
    for (int i = 4; i < 8; ++i) low = (low << 16) | groups[std::size_t(i)];
    return Ipv6Address(high, low);
}

Ipv6Address Ipv6Address::linkLocalFor(const MacAddress& mac) {
    const auto& b = mac.bytes();
    const std::uint64_t iid = (std::uint64_t(b[0] ^ 0x02u) << 56) | (std::uint64_t(b[1]) << 48) | (std::uint64_t(b[2]) << 40) |
                              (std::uint64_t(0xffu) << 32) | (std::uint64_t(0xfeu) << 24) | (std::uint64_t(b[3]) << 16) |
                              (std::uint64_t(b[4]) << 8) | std::uint64_t(b[5]);
    return Ipv6Address(0xfe80000000000000ull, iid);
}

std::string Ipv6Address::toString() const {
    if (isV4Mapped()) return "::ffff:" + Ipv4Address(std::uint32_t(m_low & 0xffffffffu)).toString();
    int bestStart = -1, bestLen = 0;
    for (int i = 0; i < 8;) {
        if (group(i) != 0) {
            ++i;
            continue;
        }
        int j = i;
        while (j < 8 && group(j) == 0) ++j;
        if (j - i > bestLen && j - i >= 2) {
            bestStart = i;
            bestLen = j - i;
        }
        i = j;
    }
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    for (int i = 0; i < 8; ++i) {
        if (i == bestStart) {
            out += "::";
            i += bestLen - 1;
            continue;
        }
        if (!out.empty() && out.back() != ':') out += ':';
        const std::uint16_t g = group(i);
        bool started = false;
        for (int shift = 12; shift >= 0; shift -= 4) {
            const unsigned nibble = (g >> shift) & 0xfu;
            if (nibble || started || shift == 0) {
                out += kHex[nibble];
                started = true;
            }
        }
    }
    return out;
}

core::Result<Ipv6Prefix> Ipv6Prefix::parse(std::string_view text) {
    auto bad = [&] { return core::fail(core::ErrorCode::InvalidArgument, "\"" + std::string(text) + "\" is not an IPv6 prefix"); };
    const auto slash = text.find('/');
    if (slash == std::string_view::npos) return bad();
    auto address = Ipv6Address::parse(text.substr(0, slash));
    if (!address) return bad();
    const std::string_view len = text.substr(slash + 1);
    if (len.empty() || len.size() > 3 || (len.size() > 1 && len[0] == '0')) return bad();
    int length = 0;
    const auto [end, ec] = std::from_chars(len.data(), len.data() + len.size(), length);
    if (ec != std::errc{} || end != len.data() + len.size() || length > 128) return bad();
    return Ipv6Prefix(*address, length);
}

std::string Ipv6Prefix::toString() const { return m_address.toString() + "/" + std::to_string(m_length); }

bool looksLikeIpv6(std::string_view text) { return text.find(':') != std::string_view::npos; }

}  // namespace sim::wire
