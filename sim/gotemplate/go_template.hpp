// GoTemplate: the subset of Go's text/template that Docker's `--format` / `-f` flags use
// (`docker inspect`, `docker network inspect`, `docker ps --format`, ...), evaluated over a
// core::JsonValue instead of Go structs. Parse once, execute many times.
//
// Language: literal text; actions {{PIPELINE}} with `|` pipelines; {{- and -}} whitespace trimming;
// comments {{/* ... */}}; `.`, field chains `.A.B.C`, `$`, variables `$v`, `$v.Field`,
// declarations `{{$v := PIPELINE}}` and assignments `{{$v = PIPELINE}}`; parenthesised pipelines and
// `(PIPELINE).Field`; literals: "strings" with Go escapes, `raw strings`, 'c' characters, integers
// (decimal, 0x, 0o, 0b, octal, `_` separators), floats, true/false/nil;
// {{if}}/{{else if}}/{{else}}/{{end}}, {{with}}/{{else with}}/{{else}}, {{range}} over arrays,
// objects (keys in sorted order, like Go maps) and integers, with `$v :=` / `$k, $v :=`,
// {{else}}, {{break}}, {{continue}}.
// Functions: Docker's json, join, split, title, lower, upper, pad, truncate and Go's and, or, not,
// len, index, slice, print, printf, println, eq, ne, lt, le, gt, ge, html, js, urlquery, call.
// Not supported (a parse error says so): {{define}}, {{template}}, {{block}}, complex numbers.
//
// Values print as Go's fmt does for `{{.X}}`: strings raw, integers plainly, doubles like %v
// (1e+06), true/false, null as `<nil>`, arrays as `[a b c]`, objects as `map[k1:v1 k2:v2]` with
// sorted keys, a missing value as `<no value>`.
//
// Docker first executes the template over the Go structs and, if that fails, once more over the
// inspect JSON decoded into maps with missingkey=error; users therefore see Go's output for the
// structs when execution succeeds and the map-based error message when it does not. The default
// MissingKey::Docker mode reproduces that with the JsonValue object flavours (sim/core/json.hpp):
// a missing key of an insertion-ordered object (a Go struct) is the error
//   template: :1:2: executing "" at <.Foo>: map has no entry for key "Foo"
// while a missing key of a sorted object (a Go map, e.g. "Networks" or "Labels") gives
// `<no value>`, and so does any field taken from that `<no value>`. Location ":L:C" is Go's
// ErrorContext: line and 0-based byte column of the node (for `.A.B` chains Go uses the position
// of the second field, `{{.Config.env}}` -> :1:9), context is the node's text, untruncated.
// Other error texts are Go's, e.g. `nil pointer evaluating interface {}.Status` (a field of a
// null), `can't evaluate field X in type interface {}`, `error calling index: index out of
// range: 5`, `wrong type for value; expected string; got int`.
// Emulation choices where Go's answer depends on struct types JSON does not carry:
//   * `len` of null is 0 (a nil slice or map), not Go's "len of nil pointer".
//   * `index` of a missing key gives "" when the object's values are all strings (or it is empty:
//     map[string]string such as Labels/Options), otherwise null.
//   * Objects always print map-style, never as Go's struct form `{v1 v2}`.
//
// Parse errors read like Go's: `template: :1: unexpected "}" in operand`,
// `template: :1: function "foo" not defined`, `template: :1: unexpected EOF`,
// `template: :1: unclosed action`, `template: :2: undefined variable "$x"`. Docker prints both
// kinds after the prefix `template parsing error: ` (docker/cli inspect) — that prefix is the
// caller's job, as is the trailing newline Docker adds after each formatted element.
//
// Robustness: parsing never reads out of bounds and bounds nesting (parentheses and control
// structures, kMaxTemplateNesting); execution is bounded by TemplateOptions (output size and a step
// budget), so no input can crash, recurse without limit or run forever. All errors are values
// (ErrorCode::InvalidArgument; Exhausted for the limits).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "sim/core/error.hpp"
#include "sim/core/json.hpp"

namespace sim::gotemplate {

/// What a field or key that does not exist evaluates to.
enum class MissingKey : std::uint8_t {
    Docker,   // struct-like (insertion-ordered) object: error; map-like (sorted): <no value>
    Error,    // always an error (Go's missingkey=error)
    NoValue,  // always <no value> (Go's default)
};

/// A method with string parameters on the template's data (dot at the start, `$`), as docker/cli's
/// formatter contexts have them: `{{.Label "com.example.vendor"}}` on a `docker network ls` row.
/// JSON carries no methods, so the caller supplies them with the execution. Go's rules apply:
/// `{{.Label}}` is "wrong number of args for Label: want 1 got 0", a non-string argument is
/// "wrong type for value; expected string; got int", a pipeline's value is the last argument.
struct TemplateMethod {
    std::size_t arity = 1;
    std::function<core::JsonValue(const std::vector<std::string>& args)> call;
};

struct TemplateOptions {
    MissingKey missingKey = MissingKey::Docker;
    std::size_t maxOutputBytes = std::size_t{8} << 20;  // also bounds every intermediate string
    std::uint64_t maxSteps = 2'000'000;                  // nodes walked + commands evaluated
    /// Methods of the root data object, by name; they win over a key of the same name.
    std::map<std::string, TemplateMethod, std::less<>> methods;
};

/// Deepest nesting of parentheses and control structures a template may have.
inline constexpr std::size_t kMaxTemplateNesting = 100;

namespace detail {
struct TemplateNode;
}

class GoTemplate {
public:
    /// Parses `text`; the error message is Go's (`template: :LINE: ...`).
    static core::Result<GoTemplate> parse(std::string_view text);

    /// Executes over `dot`. On error the partial output is discarded (Docker prints none either).
    [[nodiscard]] core::Result<std::string> execute(const core::JsonValue& dot,
                                                    const TemplateOptions& options = {}) const;

    /// Go's Execute writes as it goes: on error, what was written before it (docker/cli prints a
    /// table header that way and ignores the error). Never fails.
    [[nodiscard]] std::string executeKeepingPartial(const core::JsonValue& dot, const TemplateOptions& options = {}) const;

    /// The template text as given to parse().
    [[nodiscard]] const std::string& text() const { return *m_text; }
    /// The parse tree printed back as template text (Go's Tree.Root.String()); parsing it again
    /// gives the same tree.
    [[nodiscard]] std::string toString() const;

private:
    GoTemplate() = default;
    std::shared_ptr<const std::string> m_text;
    std::shared_ptr<const detail::TemplateNode> m_root;
};

}  // namespace sim::gotemplate
