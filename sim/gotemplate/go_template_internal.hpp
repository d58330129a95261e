// The internals of GoTemplate (go_template.hpp), shared by the files that implement it: a port of
// the relevant parts of Go's text/template (parse/lex.go, parse/parse.go, parse/node.go, exec.go,
// funcs.go) and of fmt's printing rules, over core::JsonValue. Function and variable names follow
// Go's so that the two can be compared side by side. Errors travel as exceptions (Go uses panics the
// same way); GoTemplate::parse/execute turn them into Results.
//
//   go_template_unicode.cpp  character classes and case mapping (Go's unicode tables, approximated)
//   go_template_strconv.cpp  Go quoting, and the literal syntax of strings, characters and integers
//   go_template_lexer.cpp    template text -> items (parse/lex.go)
//   go_template_nodes.cpp    parse tree nodes: construction, and printing back as text (parse/node.go)
//   go_template_parser.cpp   items -> parse tree (parse/parse.go)
//   go_template_print.cpp    printing values as fmt does: %v and the other verbs, Sprint, Sprintf
//   go_template_funcs.cpp    the builtin functions (funcs.go and docker/cli's templates)
//   go_template_exec.cpp     executing a parse tree over a JSON value (exec.go)
//   go_template.cpp          GoTemplate itself: parse, execute, toString
//
// Private to sim/gotemplate/go_template*.cpp; nothing else includes it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sim/gotemplate/go_template.hpp"
#include "sim/core/error.hpp"
#include "sim/core/json.hpp"
#include "sim/core/utf8.hpp"

namespace sim::gotemplate::detail {

using core::JsonValue;
namespace utf8 = core::utf8;

inline constexpr char kLowerHex[] = "0123456789abcdef";
inline constexpr char kUpperHex[] = "0123456789ABCDEF";

// ---- characters (go_template_unicode.cpp) -------------------------------------------------------

inline bool inRange(char32_t r, char32_t lo, char32_t hi) { return r >= lo && r <= hi; }

bool isSpace(char32_t r);              // the template's white space: ' ', '\t', '\r', '\n'
bool isLetterOrDigitRune(char32_t r);  // unicode.IsLetter || unicode.IsDigit
bool isAlphaNumeric(char32_t r);       // '_' or a letter or digit: identifier characters
bool isPrintRune(char32_t r);          // strconv.IsPrint
bool isUnicodeSpace(char32_t r);       // unicode.IsSpace
char32_t toUpperRune(char32_t r);      // unicode.ToUpper
char32_t toLowerRune(char32_t r);      // unicode.ToLower

// ---- Go quoting and literals (go_template_strconv.cpp) ------------------------------------------

std::string goQuote(std::string_view s);   // strconv.Quote
std::string goQuoteRune(std::int64_t r);   // strconv.QuoteRune
std::string formatRuneU(char32_t r);       // fmt's %#U: "U+0041 'A'"

// A malformed literal (strconv.ErrSyntax).
struct SyntaxError {};

// strconv.UnquoteChar: decodes one character of a quoted literal body, advancing `s`.
// Returns the value and whether it is a rune (to be UTF-8 encoded) rather than a byte.
std::pair<char32_t, bool> unquoteChar(std::string_view& s, char quote);
// strconv.Unquote for "..." and `...` literals.
std::string unquote(std::string_view text);
// strconv.ParseUint(s, 0, 64) on the magnitude; nullopt on syntax error or overflow.
std::optional<std::uint64_t> parseMagnitude(std::string_view s);

// ---- lexer items (go_template_lexer.cpp) --------------------------------------------------------

enum class ItemType : std::uint8_t {
    Error, Bool, Char, CharConstant, Complex, Assign, Declare, Eof, Field, Identifier, LeftDelim,
    LeftParen, Number, Pipe, RawString, RightDelim, RightParen, Space, String, Text, Variable,
    Keyword,  // keywords follow
    Block, Break, Continue, Dot, Define, Else, End, If, Nil, Range, Template, With,
};

struct Item {
    ItemType type = ItemType::Eof;
    std::size_t pos = 0;
    std::string val;
    int line = 1;
};

// item.String()
std::string itemString(const Item& item);

// Go's lexer run to the end: the items of `input`, the last one Eof or Error.
std::vector<Item> lexTemplate(std::string_view input);

// ---- parse tree (go_template_nodes.cpp, go_template_parser.cpp) ---------------------------------

enum class NodeType : std::uint8_t {
    Text, Action, Bool, Chain, Command, Dot, Field, Identifier, If, List, Nil, Number, Pipe, Range,
    String, Variable, With, Break, Continue, End, Else,
};

struct TemplateNode {
    NodeType type = NodeType::Text;
    std::size_t pos = 0;  // byte offset in the template text
    int line = 0;
    std::string text;                 // Text: the text; Identifier: name; Number, String: as written
    std::string value;                // String: the unquoted value
    std::vector<std::string> ident;   // Field: names; Variable: "$x" then names; Chain: field names
    std::vector<std::unique_ptr<TemplateNode>> nodes;  // List: items; Pipe: commands; Command: args
    std::vector<std::unique_ptr<TemplateNode>> decl;   // Pipe: declared variables
    bool isAssign = false;                             // Pipe: `=` rather than `:=`
    std::unique_ptr<TemplateNode> pipe;                // Action/If/Range/With; Chain: its operand
    std::unique_ptr<TemplateNode> list, elseList;      // If/Range/With
    bool boolean = false;                              // Bool
    bool isInt = false, isUint = false, isFloat = false;  // Number
    std::int64_t i = 0;
    std::uint64_t u = 0;
    double f = 0;
};

using Node = TemplateNode;
using NodePtr = std::unique_ptr<Node>;

NodePtr makeNode(NodeType type, std::size_t pos, int line = 0);
NodePtr makeField(std::size_t pos, std::string_view text);     // ".A.B" -> Field{A, B}
NodePtr makeVariable(std::size_t pos, std::string_view text);  // "$x.A" -> Variable{$x, A}
// The node printed back as template text (Go's Node.String()).
std::string nodeString(const Node& n);

// A parse error; the message is complete ("template: :LINE: ...").
struct ParseFailure {
    std::string message;
};

// Lexes and parses `text` into its root List node; throws ParseFailure.
NodePtr parseTemplate(std::string_view text);

// ---- values (go_template_print.cpp, go_template_exec.cpp) ---------------------------------------

// A template value: Go's reflect.Value over JSON. `json == nullptr` is the invalid (zero) Value that
// prints as <no value>. Values point into the caller's data (non-owning) or into values computed
// during execution (owning); the aliasing shared_ptr keeps a computed parent alive for its children.
struct Value {
    std::shared_ptr<const JsonValue> json;
    bool boxed = false;  // read out of a map or slice element: static type interface {}
    /// The struct field it was read from when the JSON leaves that field out (JsonValue::
    /// setOmitted): a nil pointer, whose fields Docker's raw-JSON fallback cannot find.
    std::string omittedField;

    [[nodiscard]] bool valid() const { return json != nullptr; }
    [[nodiscard]] bool isNil() const { return !json || json->isNull(); }
};

inline Value own(JsonValue v) { return Value{std::make_shared<const JsonValue>(std::move(v)), false}; }
inline Value child(const Value& parent, const JsonValue& element) {
    return Value{std::shared_ptr<const JsonValue>(parent.json, &element), true};
}

// Go's name of the dynamic type behind a value.
std::string goTypeName(const JsonValue& v);
// Object members in Go's map order (sorted keys).
std::vector<const JsonValue::Member*> sortedMembers(const JsonValue& object);
// Go's truth (exec.go isTrue).
bool truth(const Value& v);

// ---- printing (go_template_print.cpp) -----------------------------------------------------------

struct FmtFlags {
    bool plus = false, minus = false, sharp = false, space = false, zero = false;
    bool widPresent = false, precPresent = false;
    int wid = 0, prec = 0;
};

// fmt's printValue for one value and verb (Sprint uses 'v').
void fmtValue(std::string& out, const JsonValue& v, char verb, const FmtFlags& f, int depth);
// fmt.Sprint / Sprintln over template arguments (an invalid value prints as <nil>).
std::string sprint(const std::vector<Value>& args, bool ln);
// fmt.Sprintf: flags, width, precision (also '*'), verbs v s d q t x X o O b c U e E f F g G T %.
std::string sprintf(std::string_view format, const std::vector<Value>& args);

// ---- functions (go_template_funcs.cpp) ----------------------------------------------------------

// Whether `name` is a function a template may call (the parser rejects any other identifier).
bool hasFunction(std::string_view name);

enum class Param : std::uint8_t { Any, String, Int, StringSlice };

struct Signature {
    std::vector<Param> fixed;
    bool variadic = false;
    Param variadicType = Param::Any;
};

const Signature& signatureOf(std::string_view name);
std::string_view paramTypeName(Param p);

// An error returned by a function: reported as "error calling NAME: MESSAGE".
struct CallError {
    std::string message;
};

// Calls the function `name` on arguments already checked against signatureOf(name). Throws
// CallError for the function's own errors, ExecFailure when a result would exceed the output limit.
Value callBuiltin(const std::string& name, std::vector<Value>& argv, const TemplateOptions& options);

// ---- execution (go_template_exec.cpp) -----------------------------------------------------------

// An execution error; the message is complete ("template: :1:2: executing ...").
struct ExecFailure {
    ExecFailure(std::string msg, core::ErrorCode c = core::ErrorCode::InvalidArgument)
        : message(std::move(msg)), code(c) {}
    std::string message;
    core::ErrorCode code = core::ErrorCode::InvalidArgument;
    std::string partialOutput;  // what was written before the error (set by executeTemplate)
};

// Throws ExecFailure (Exhausted) when `bytes` exceed options.maxOutputBytes: bounds the output and
// every string built on the way to it.
void checkOutputSize(std::size_t bytes, const TemplateOptions& options);

// Executes the tree `root` of the template `text` over `dot`; throws ExecFailure.
std::string executeTemplate(const Node& root, const std::string& text, const JsonValue& dot,
                            const TemplateOptions& options);

}  // namespace sim::gotemplate::detail
