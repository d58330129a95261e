// What a command printed, stdout and stderr interleaved in the order it wrote them (a
// transcript shows them as a terminal would), plus its exit status.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace sim::cli {

enum class Stream { Out, Err };

struct Output {
    std::vector<std::pair<Stream, std::string>> chunks;

    void out(std::string text) { add(Stream::Out, std::move(text)); }
    void err(std::string text) { add(Stream::Err, std::move(text)); }
    void add(Stream s, std::string text) {
        if (text.empty()) return;
        if (!chunks.empty() && chunks.back().first == s) chunks.back().second += text;
        else chunks.emplace_back(s, std::move(text));
    }
    void append(const Output& other) {
        for (const auto& [s, t] : other.chunks) add(s, t);
    }
    [[nodiscard]] std::string text(Stream s) const {
        std::string r;
        for (const auto& [k, t] : chunks)
            if (k == s) r += t;
        return r;
    }
    [[nodiscard]] std::string stdoutText() const { return text(Stream::Out); }
    [[nodiscard]] std::string stderrText() const { return text(Stream::Err); }
    [[nodiscard]] std::string combined() const {
        std::string r;
        for (const auto& [k, t] : chunks) r += t;
        return r;
    }
};

struct CommandResult {
    Output output;
    int exitCode = 0;
};

}  // namespace sim::cli
