#include "sim/tools/tool_util.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdlib>
#include <set>

namespace sim::tools {

std::string padRight(std::string_view s, std::size_t width) {
    std::string out(s);
    if (out.size() < width) out.append(width - out.size(), ' ');
    return out;
}

std::string padLeft(std::string_view s, std::size_t width) {
    std::string out;
    if (s.size() < width) out.append(width - s.size(), ' ');
    out += s;
    return out;
}

std::string fitRight(std::string_view s, std::size_t width) {
    return padRight(s.substr(0, std::min(s.size(), width)), width);
}

std::vector<std::string> splitWords(std::string_view text) {
    std::vector<std::string> out;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
        std::size_t j = i;
        while (j < text.size() && !std::isspace(static_cast<unsigned char>(text[j]))) ++j;
        if (j > i) out.emplace_back(text.substr(i, j - i));
        i = j;
    }
    return out;
}

std::vector<std::string> splitLines(std::string_view text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t nl = text.find('\n', start);
        if (nl == std::string_view::npos) nl = text.size();
        out.emplace_back(text.substr(start, nl - start));
        start = nl + 1;
    }
    return out;
}

std::string toLower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

bool startsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

std::string baseName(std::string_view path) {
    const auto slash = path.rfind('/');
    return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

std::optional<long> parseLong(std::string_view s) {
    long v = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (s.empty() || ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
    return v;
}

std::optional<double> parseDouble(std::string_view s) {
    if (s.empty()) return std::nullopt;
    std::string copy(s);
    char* end = nullptr;
    const double v = std::strtod(copy.c_str(), &end);
    if (end != copy.c_str() + copy.size()) return std::nullopt;
    return v;
}

std::string lines(const std::vector<std::string>& ls) {
    std::string out;
    for (const auto& l : ls) out += l + "\n";
    return out;
}

ParsedOptions parseOptions(const Args& argv, std::string_view optstring) {
    ParsedOptions p;
    bool onlyOperands = false;
    for (std::size_t i = 1; i < argv.size(); ++i) {
        const std::string& a = argv[i];
        if (onlyOperands || a.size() < 2 || a[0] != '-') {
            p.operands.push_back(a);
            continue;
        }
        if (a == "--") {
            onlyOperands = true;
            continue;
        }
        for (std::size_t j = 1; j < a.size(); ++j) {
            const char c = a[j];
            const auto at = optstring.find(c);
            if (c == ':' || at == std::string_view::npos) {
                if (!p.invalid) p.invalid = c;
                continue;
            }
            const bool takesValue = at + 1 < optstring.size() && optstring[at + 1] == ':';
            if (!takesValue) {
                p.options.emplace_back(c, std::string());
                continue;
            }
            if (j + 1 < a.size()) {
                p.options.emplace_back(c, a.substr(j + 1));
            } else if (i + 1 < argv.size()) {
                p.options.emplace_back(c, argv[++i]);
            } else if (!p.missingArg) {
                p.missingArg = c;
            }
            break;
        }
    }
    return p;
}

ToolResult ok(std::string out) { return ToolResult{std::move(out), {}, 0}; }

ToolResult failure(std::string err, int exitCode) { return ToolResult{{}, std::move(err), exitCode}; }

bool hasCarrier(const net::Kernel& kernel, const net::Interface& iface) {
    if (!iface.adminUp) return false;
    if (iface.isBridge()) {
        const net::Bridge* br = kernel.bridge(iface.id);
        if (!br) return false;
        return std::any_of(br->ports().begin(), br->ports().end(), [&](core::InterfaceId p) { return kernel.isOperUp(p); });
    }
    return kernel.isOperUp(iface.id);
}

std::string operState(const net::Kernel& kernel, const net::Interface& iface) {
    if (iface.isLoopback()) return iface.adminUp ? "UNKNOWN" : "DOWN";
    if (!iface.adminUp) return "DOWN";
    if (hasCarrier(kernel, iface)) return "UP";
    // A device stacked on another one (a veth, whose iflink is its peer) reports the lower
    // layer's failure; a bridge without running ports is plain DOWN.
    return iface.isVeth() ? "LOWERLAYERDOWN" : "DOWN";
}

int linkNetnsId(const net::Kernel& kernel, core::NamespaceId self, core::NamespaceId other) {
    std::set<core::NamespaceId> peers;
    for (auto id : kernel.interfacesOf(self)) {
        const net::Interface* i = kernel.interface(id);
        if (!i || !i->isVeth() || i->physicalNic) continue;  // the NIC's far end is not a namespace
        if (const net::Interface* p = kernel.interface(i->peer); p && p->ns != self) peers.insert(p->ns);
    }
    int n = 0;
    for (auto ns : peers) {
        if (ns == other) return n;
        ++n;
    }
    return n;
}

namespace {

std::optional<std::uint64_t> numberAfter(std::string_view text, std::string_view key) {
    const auto at = text.rfind(key);
    if (at == std::string_view::npos) return std::nullopt;
    std::size_t i = at + key.size();
    std::size_t j = i;
    while (j < text.size() && std::isdigit(static_cast<unsigned char>(text[j]))) ++j;
    if (j == i) return std::nullopt;
    std::uint64_t v = 0;
    std::from_chars(text.data() + i, text.data() + j, v);
    return v;
}

}  // namespace

std::uint64_t frameLengthFromSummary(std::string_view detail) {
    constexpr std::uint64_t kEth = 14, kIp = 20, kUdp = 8, kTcp = 20;
    // "src > dst, " precedes the packet's own summary.
    const auto comma = detail.find(", ");
    const std::string_view body = comma == std::string_view::npos ? detail : detail.substr(comma + 2);
    if (startsWith(body, "ARP")) return kEth + 28;
    if (body.find(": ICMP ") != std::string_view::npos) return kEth + kIp + numberAfter(body, ", length ").value_or(8);
    if (body.find("Flags [") != std::string_view::npos) return kEth + kIp + kTcp;
    if (auto n = numberAfter(body, "UDP, length ")) return kEth + kIp + kUdp + *n;
    // A DNS message ends in its length: "1234+ A? web. (21)".
    const auto open = body.rfind('(');
    if (open != std::string_view::npos && !body.empty() && body.back() == ')')
        if (auto n = numberAfter(body.substr(0, body.size() - 1), "(")) return kEth + kIp + kUdp + *n;
    return kEth + kIp;
}

FrameCounters countFrames(const net::Kernel& kernel, core::InterfaceId iface) {
    FrameCounters c;
    auto& k = const_cast<net::Kernel&>(kernel);  // trace() has no const overload
    for (const auto& r : k.trace().records()) {
        if (r.iface != iface) continue;
        if (r.kind == core::TraceKind::FrameRx) {
            ++c.rxPackets;
            c.rxBytes += frameLengthFromSummary(r.detail());
        } else if (r.kind == core::TraceKind::FrameTx) {
            ++c.txPackets;
            c.txBytes += frameLengthFromSummary(r.detail());
        }
    }
    return c;
}

bool runUntil(net::Kernel& kernel, const std::function<bool()>& done, core::SimTime deadline) {
    auto& sched = kernel.scheduler();
    while (!done()) {
        if (sched.nextEventTime() > deadline || !sched.hasPending()) {
            if (sched.now() < deadline && deadline != core::SimTime::max()) sched.runUntil(deadline);
            return done();
        }
        sched.step();
    }
    return true;
}

}  // namespace sim::tools
