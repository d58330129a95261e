// LinearRegex: regular expressions matched in time linear in the text (RE2's automata), so no
// pattern a user types can hang the simulation or overflow its stack: `grep -E '(a|a)*b'` on a
// long line answers at once, as GNU grep does. Three syntaxes: Go's regexp (what dockerd uses for
// `--filter name=...`), POSIX extended (`grep -E`, the labs' `matches`) and POSIX basic (`grep`),
// translated to extended. Back-references (\1), which no linear-time matcher has, are refused.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sim/core/error.hpp"

namespace re2 {
class RE2;
}

namespace sim::core {

class LinearRegex {
public:
    enum class Syntax { Go, PosixExtended, PosixBasic };
    enum class Problem { None, UnmatchedParen, UnmatchedBracket, BackReference, TooBig, Other };

    /// Compiles `pattern`; on failure the error's message is RE2's and problem() of a
    /// default-constructed regex tells the kind (see compileProblem).
    static Result<LinearRegex> compile(std::string_view pattern, Syntax syntax, bool ignoreCase = false);
    /// What was wrong with a pattern that did not compile (for each tool's own words).
    static Problem compileProblem(std::string_view pattern, Syntax syntax);
    /// A pattern that matches `text` literally (grep -F).
    static std::string quote(std::string_view text);
    /// POSIX basic syntax as extended: \( \) \{ \} \| \+ \? are the operators, ( ) { } | + ? literal.
    static std::string basicToExtended(std::string_view basic);

    [[nodiscard]] bool search(std::string_view text) const;
    /// Every non-overlapping match, leftmost first: [begin, end) offsets (grep -o).
    [[nodiscard]] std::vector<std::pair<std::size_t, std::size_t>> findAll(std::string_view text) const;

private:
    std::shared_ptr<const re2::RE2> m_re;
};

}  // namespace sim::core
