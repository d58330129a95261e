// The BuildKit "plain" progress transcript of `docker build`: numbered vertices with their log
// lines and DONE/CACHED, the source snippet of an error (solver/errdefs), and the made-up but
// deterministic step timings.
#include "sim/docker/dockerfile_internal.hpp"

#include <cstdio>

namespace sim::docker::detail {

std::string fmt3(double t) {
    char b[32];
    std::snprintf(b, sizeof b, "%.3f", t);
    return b;
}

std::string fmt1(double t) {
    char b[32];
    std::snprintf(b, sizeof b, "%.1f", t);
    return b;
}

/// A deterministic duration in [lo, hi] seconds, from `key`.
double fakeSeconds(std::string_view key, double lo, double hi) {
    const std::string h = digestHex(key);
    const unsigned v = unsigned(std::stoul(h.substr(0, 6), nullptr, 16));
    return lo + (hi - lo) * (double(v % 1000) / 999.0);
}

int Transcript::begin(const std::string& name) {
    const int n = m_next++;
    text += "\n#" + std::to_string(n) + " " + name + "\n";
    return n;
}

void Transcript::line(int n, const std::string& s) { text += "#" + std::to_string(n) + " " + s + "\n"; }

void Transcript::log(int n, double t, const std::string& s) {
    text += "#" + std::to_string(n) + " " + fmt3(t) + " " + s + "\n";
}

void Transcript::done(int n, double secs) { line(n, "DONE " + fmt1(secs) + "s"); }

void Transcript::cached(int n) { line(n, "CACHED"); }

/// solver/errdefs Source.Print.
std::string sourceSnippet(std::string_view filename, std::string_view text, int startLine, int endLine) {
    const auto lines = splitLines(text);
    int start = startLine, end = endLine;
    if (start > int(lines.size()) || start < 1) return {};
    if (end > int(lines.size())) end = int(lines.size());
    const int pad = end == start ? 4 : 2;
    int p = 0;
    const int prepadStart = start;
    while (p < pad) {
        if (start > 1) {
            --start;
            ++p;
        }
        if (end != int(lines.size())) {
            ++end;
            ++p;
        }
        ++p;
    }
    std::string o = std::string(filename) + ":" + std::to_string(prepadStart) + "\n--------------------\n";
    for (int i = start; i <= end; ++i) {
        const bool mark = i >= startLine && i <= endLine;
        char num[16];
        std::snprintf(num, sizeof num, " %3d | ", i);
        o += std::string(num) + (mark ? ">>>" : "   ") + " " + lines[std::size_t(i - 1)] + "\n";
    }
    return o + "--------------------\n";
}

}  // namespace sim::docker::detail
