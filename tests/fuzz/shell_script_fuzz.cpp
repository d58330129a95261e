// The shell-script parser and expansion (sim/shell/shell_script): any text either parses or
// gives an error; the interactive parse agrees; every command of what parses expands (with
// $(...) answered by its own text, so nested substitutions recurse) without crashing.
#include "fuzz_input.hpp"
#include "sim/shell/shell_script.hpp"

#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = fuzz::asText(data, size);
    (void)sim::shell::parseScriptUntilError(text);
    (void)sim::shell::parseLine(text);
    auto script = sim::shell::parseScript(text);
    if (!script) return 0;

    sim::shell::Environment env{{"HOME", "/root"}, {"EMPTY", ""}, {"X", "a b  c"}};
    int substitutions = 0;
    sim::shell::ExpansionContext ctx{env, 1, {}};
    ctx.runSubstitution = [&](const std::string& inner) -> sim::core::Result<std::string> {
        if (++substitutions > 64) return std::string();  // bounds the fuzzer's own recursion
        auto parsed = sim::shell::parseScript(inner);
        if (!parsed) return std::unexpected(parsed.error());
        std::string out;
        for (const auto& list : parsed->lists)
            for (const auto& item : list.items)
                for (const auto& command : item.pipeline.commands) {
                    auto expanded = sim::shell::expandCommand(command, ctx);
                    if (!expanded) return std::unexpected(expanded.error());
                    for (const auto& arg : expanded->argv) out += arg + "\n";
                }
        return out;
    };
    for (const auto& list : script->lists)
        for (const auto& item : list.items)
            for (const auto& command : item.pipeline.commands) (void)sim::shell::expandCommand(command, ctx);
    return 0;
}
