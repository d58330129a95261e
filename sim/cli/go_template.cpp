// A port of the relevant parts of Go's text/template (parse/lex.go, parse/parse.go, parse/node.go,
// exec.go, funcs.go) and of fmt's printing rules, over core::JsonValue. Function and variable names
// follow Go's so that the two can be compared side by side. Inside this file errors travel as
// exceptions (Go uses panics the same way); GoTemplate::parse/execute turn them into Results.
#include "sim/cli/go_template.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <optional>
#include <utility>
#include <vector>

#include "sim/core/utf8.hpp"

namespace sim::cli {

using core::JsonValue;
namespace utf8 = core::utf8;

namespace detail {

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

}  // namespace detail

namespace {

using detail::NodeType;
using Node = detail::TemplateNode;
using NodePtr = std::unique_ptr<Node>;

constexpr char kLowerHex[] = "0123456789abcdef";
constexpr char kUpperHex[] = "0123456789ABCDEF";

// ---- character classes (approximations of Go's unicode tables) -------------------------------

bool isSpace(char32_t r) { return r == ' ' || r == '\t' || r == '\r' || r == '\n'; }

bool inRange(char32_t r, char32_t lo, char32_t hi) { return r >= lo && r <= hi; }

// unicode.IsLetter || unicode.IsDigit for the scripts a template is likely to contain.
bool isLetterOrDigitRune(char32_t r) {
    if (r < 0x80) return (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || (r >= '0' && r <= '9');
    if (r == 0xAA || r == 0xB5 || r == 0xBA) return true;
    if (inRange(r, 0xC0, 0x24F)) return r != 0xD7 && r != 0xF7;
    return inRange(r, 0x250, 0x2AF) || inRange(r, 0x370, 0x3FF) || inRange(r, 0x400, 0x52F) ||
           inRange(r, 0x531, 0x587) || inRange(r, 0x5D0, 0x5EA) || inRange(r, 0x620, 0x64A) ||
           inRange(r, 0x660, 0x669) || inRange(r, 0x900, 0x97F) || inRange(r, 0xE00, 0xE7F) ||
           inRange(r, 0x1100, 0x11FF) || inRange(r, 0x1E00, 0x1FFF) || inRange(r, 0x3041, 0x3096) ||
           inRange(r, 0x30A1, 0x30FA) || inRange(r, 0x3131, 0x318E) || inRange(r, 0x3400, 0x4DBF) ||
           inRange(r, 0x4E00, 0x9FFF) || inRange(r, 0xAC00, 0xD7A3) || inRange(r, 0xF900, 0xFAFF) ||
           inRange(r, 0xFF10, 0xFF19) || inRange(r, 0xFF21, 0xFF3A) || inRange(r, 0xFF41, 0xFF5A) ||
           inRange(r, 0x20000, 0x2FA1F);
}

bool isAlphaNumeric(char32_t r) { return r == '_' || isLetterOrDigitRune(r); }

// strconv.IsPrint: everything is printable except controls, non-ASCII spaces, format characters
// and private use (approximated by the ranges below).
bool isPrintRune(char32_t r) {
    if (r < 0x80) return r >= 0x20 && r < 0x7F;
    if (r < 0xA1 || r == 0xAD) return false;
    if (inRange(r, 0x2000, 0x200F) || inRange(r, 0x2028, 0x202F) || inRange(r, 0x205F, 0x206F)) return false;
    if (r == 0x3000 || r == 0xFEFF || inRange(r, 0xFFF9, 0xFFFB) || r == 0xFFFE || r == 0xFFFF) return false;
    if (inRange(r, 0xD800, 0xF8FF)) return false;  // surrogates, private use
    return r <= 0x10FFFF && !inRange(r, 0xF0000, 0x10FFFF);
}

// unicode.IsSpace beyond ASCII.
bool isUnicodeSpace(char32_t r) {
    return r == ' ' || (r >= '\t' && r <= '\r') || r == 0x85 || r == 0xA0 || r == 0x1680 ||
           inRange(r, 0x2000, 0x200A) || r == 0x2028 || r == 0x2029 || r == 0x202F || r == 0x205F || r == 0x3000;
}

// unicode.ToUpper / ToLower for ASCII, Latin-1, Latin Extended-A, Greek and Cyrillic.
char32_t toUpperRune(char32_t r) {
    if (r >= 'a' && r <= 'z') return r - 32;
    if (r < 0x80) return r;
    if (inRange(r, 0xE0, 0xFE) && r != 0xF7) return r - 32;
    if (r == 0xFF) return 0x178;
    if (r == 0xB5) return 0x39C;
    if (r == 0x131) return 'I';
    if (r == 0x17F) return 'S';
    if ((inRange(r, 0x100, 0x137) || inRange(r, 0x14A, 0x177)) && (r % 2 == 1)) return r - 1;
    if ((inRange(r, 0x139, 0x148) || inRange(r, 0x179, 0x17E)) && (r % 2 == 0)) return r - 1;
    if (inRange(r, 0x3B1, 0x3C1) || inRange(r, 0x3C3, 0x3CB)) return r - 32;
    if (r == 0x3C2) return 0x3A3;
    if (r == 0x3AC) return 0x386;
    if (inRange(r, 0x3AD, 0x3AF)) return r - 37;
    if (r == 0x3CC) return 0x38C;
    if (inRange(r, 0x3CD, 0x3CE)) return r - 63;
    if (inRange(r, 0x430, 0x44F)) return r - 32;
    if (inRange(r, 0x450, 0x45F)) return r - 80;
    return r;
}

char32_t toLowerRune(char32_t r) {
    if (r >= 'A' && r <= 'Z') return r + 32;
    if (r < 0x80) return r;
    if (inRange(r, 0xC0, 0xDE) && r != 0xD7) return r + 32;
    if (r == 0x178) return 0xFF;
    if (r == 0x130) return 'i';
    if ((inRange(r, 0x100, 0x137) || inRange(r, 0x14A, 0x177)) && (r % 2 == 0)) return r + 1;
    if ((inRange(r, 0x139, 0x148) || inRange(r, 0x179, 0x17E)) && (r % 2 == 1)) return r + 1;
    if (inRange(r, 0x391, 0x3A1) || inRange(r, 0x3A3, 0x3AB)) return r + 32;
    if (r == 0x386) return 0x3AC;
    if (inRange(r, 0x388, 0x38A)) return r + 37;
    if (r == 0x38C) return 0x3CC;
    if (inRange(r, 0x38E, 0x38F)) return r + 63;
    if (inRange(r, 0x410, 0x42F)) return r + 32;
    if (inRange(r, 0x400, 0x40F)) return r + 80;
    return r;
}

// ---- Go quoting -------------------------------------------------------------------------------

// strconv.Quote (quote '"') or strconv.QuoteRune-style escaping (quote '\'').
void appendQuotedRune(std::string& out, char32_t r, char quote) {
    if (r == static_cast<char32_t>(quote) || r == '\\') {
        out.push_back('\\');
        out.push_back(static_cast<char>(r));
        return;
    }
    if (isPrintRune(r)) {
        utf8::append(out, r);
        return;
    }
    switch (r) {
        case '\a': out += "\\a"; return;
        case '\b': out += "\\b"; return;
        case '\f': out += "\\f"; return;
        case '\n': out += "\\n"; return;
        case '\r': out += "\\r"; return;
        case '\t': out += "\\t"; return;
        case '\v': out += "\\v"; return;
        default: break;
    }
    if (r < ' ' || r == 0x7F) {
        out += "\\x";
        out.push_back(kLowerHex[(r >> 4) & 0xF]);
        out.push_back(kLowerHex[r & 0xF]);
    } else {
        if (r > 0x10FFFF || inRange(r, 0xD800, 0xDFFF)) r = utf8::kRuneError;
        const int digits = r < 0x10000 ? 4 : 8;
        out += digits == 4 ? "\\u" : "\\U";
        for (int s = (digits - 1) * 4; s >= 0; s -= 4) out.push_back(kLowerHex[(r >> s) & 0xF]);
    }
}

std::string goQuote(std::string_view s) {
    std::string out = "\"";
    for (std::size_t i = 0; i < s.size();) {
        const auto d = utf8::decode(s, i);
        if (d.rune == utf8::kRuneError && d.width == 1) {
            const auto b = static_cast<unsigned char>(s[i]);
            out += "\\x";
            out.push_back(kLowerHex[b >> 4]);
            out.push_back(kLowerHex[b & 0xF]);
        } else {
            appendQuotedRune(out, d.rune, '"');
        }
        i += d.width;
    }
    out.push_back('"');
    return out;
}

std::string goQuoteRune(std::int64_t r) {
    char32_t rune = (r < 0 || r > 0x10FFFF || (r >= 0xD800 && r <= 0xDFFF)) ? utf8::kRuneError : static_cast<char32_t>(r);
    std::string out = "'";
    appendQuotedRune(out, rune, '\'');
    out.push_back('\'');
    return out;
}

// fmt's %#U: "U+0041 'A'" (the character only when printable).
std::string formatRuneU(char32_t r) {
    std::string hex;
    for (char32_t v = r; v != 0; v >>= 4) hex.insert(hex.begin(), kUpperHex[v & 0xF]);
    while (hex.size() < 4) hex.insert(hex.begin(), '0');
    std::string out = "U+" + hex;
    if (isPrintRune(r)) {
        out += " '";
        utf8::append(out, r);
        out += "'";
    }
    return out;
}

// ---- lexer (parse/lex.go) ------------------------------------------------------------------------

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
std::string itemString(const Item& item) {
    if (item.type == ItemType::Eof) return "EOF";
    if (item.type == ItemType::Error) return item.val;
    if (item.type > ItemType::Keyword) return "<" + item.val + ">";
    if (item.val.size() > 10) {  // %.10q...: at most 10 runes, quoted
        std::size_t pos = 0;
        for (int n = 0; n < 10; ++n) pos += utf8::decode(item.val, pos).width;
        return goQuote(std::string_view(item.val).substr(0, pos)) + "...";
    }
    return goQuote(item.val);
}

constexpr std::string_view kLeftDelim = "{{";
constexpr std::string_view kRightDelim = "}}";
constexpr std::string_view kLeftComment = "/*";
constexpr std::string_view kRightComment = "*/";
constexpr std::string_view kSpaceChars = " \t\r\n";
constexpr std::size_t kTrimMarkerLen = 2;  // '-' plus a space
constexpr char32_t kEof = 0xFFFFFFFF;

bool hasLeftTrimMarker(std::string_view s) { return s.size() >= 2 && s[0] == '-' && isSpace(static_cast<unsigned char>(s[1])); }
bool hasRightTrimMarker(std::string_view s) { return s.size() >= 2 && isSpace(static_cast<unsigned char>(s[0])) && s[1] == '-'; }

std::size_t rightTrimLength(std::string_view s) {
    const std::size_t keep = s.find_last_not_of(kSpaceChars);
    return keep == std::string_view::npos ? s.size() : s.size() - keep - 1;
}
std::size_t leftTrimLength(std::string_view s) {
    const std::size_t first = s.find_first_not_of(kSpaceChars);
    return first == std::string_view::npos ? s.size() : first;
}

class Lexer {
public:
    explicit Lexer(std::string_view input) : m_input(input) {}

    std::vector<Item> run() {
        State state = State::Text;
        while (state != State::Stop) state = step(state);
        return std::move(m_items);
    }

private:
    enum class State : std::uint8_t { Text, LeftDelim, Comment, RightDelim, InsideAction, Stop };

    std::string_view m_input;
    std::size_t m_pos = 0;
    std::size_t m_start = 0;
    bool m_atEof = false;
    int m_parenDepth = 0;
    int m_line = 1;
    int m_startLine = 1;
    std::vector<Item> m_items;

    std::string_view rest(std::size_t from) const { return from <= m_input.size() ? m_input.substr(from) : std::string_view(); }

    char32_t next() {
        if (m_pos >= m_input.size()) {
            m_atEof = true;
            return kEof;
        }
        const auto d = utf8::decode(m_input, m_pos);
        m_pos += d.width;
        if (d.rune == '\n') ++m_line;
        return d.rune;
    }
    char32_t peek() {
        const char32_t r = next();
        backup();
        return r;
    }
    // Steps back one rune (Go's utf8.DecodeLastRuneInString).
    void backup() {
        if (m_atEof || m_pos == 0) return;
        std::size_t start = m_pos - 1;
        const std::size_t limit = m_pos >= 4 ? m_pos - 4 : 0;
        while (start > limit && (static_cast<unsigned char>(m_input[start]) & 0xC0) == 0x80) --start;
        const auto d = utf8::decode(m_input, start);
        const std::size_t width = start + d.width == m_pos ? d.width : 1;
        m_pos -= width;
        if (width == 1 && m_input[m_pos] == '\n') --m_line;
    }
    void emit(ItemType type) {
        m_items.push_back(Item{type, m_start, std::string(m_input.substr(m_start, m_pos - m_start)), m_startLine});
        m_start = m_pos;
        m_startLine = m_line;
    }
    void ignore() {
        m_line += static_cast<int>(std::count(m_input.begin() + static_cast<std::ptrdiff_t>(m_start),
                                              m_input.begin() + static_cast<std::ptrdiff_t>(m_pos), '\n'));
        m_start = m_pos;
        m_startLine = m_line;
    }
    bool accept(std::string_view valid) {
        const char32_t r = next();
        if (r != kEof && r < 0x80 && valid.find(static_cast<char>(r)) != std::string_view::npos) return true;
        backup();
        return false;
    }
    void acceptRun(std::string_view valid) {
        while (true) {
            const char32_t r = next();
            if (r == kEof || r >= 0x80 || valid.find(static_cast<char>(r)) == std::string_view::npos) break;
        }
        backup();
    }
    State errorf(std::string message) {
        m_items.push_back(Item{ItemType::Error, m_start, std::move(message), m_startLine});
        return State::Stop;
    }

    State step(State s) {
        switch (s) {
            case State::Text: return lexText();
            case State::LeftDelim: return lexLeftDelim();
            case State::Comment: return lexComment();
            case State::RightDelim: return lexRightDelim();
            case State::InsideAction: return lexInsideAction();
            case State::Stop: break;
        }
        return State::Stop;
    }

    State lexText() {
        const std::size_t x = rest(m_pos).find(kLeftDelim);
        if (x != std::string_view::npos) {
            m_pos += x;
            std::size_t trimLength = 0;
            if (hasLeftTrimMarker(rest(m_pos + kLeftDelim.size()))) {
                trimLength = rightTrimLength(m_input.substr(m_start, m_pos - m_start));
            }
            m_pos -= trimLength;
            if (m_pos > m_start) {
                m_line += static_cast<int>(std::count(m_input.begin() + static_cast<std::ptrdiff_t>(m_start),
                                                      m_input.begin() + static_cast<std::ptrdiff_t>(m_pos), '\n'));
                emit(ItemType::Text);
            }
            m_pos += trimLength;
            ignore();
            return State::LeftDelim;
        }
        m_pos = m_input.size();
        if (m_pos > m_start) {
            m_line += static_cast<int>(std::count(m_input.begin() + static_cast<std::ptrdiff_t>(m_start), m_input.end(), '\n'));
            emit(ItemType::Text);
        }
        emit(ItemType::Eof);
        return State::Stop;
    }

    std::pair<bool, bool> atRightDelim() const {
        if (hasRightTrimMarker(rest(m_pos)) && rest(m_pos + kTrimMarkerLen).starts_with(kRightDelim)) return {true, true};
        if (rest(m_pos).starts_with(kRightDelim)) return {true, false};
        return {false, false};
    }

    State lexLeftDelim() {
        m_pos += kLeftDelim.size();
        const bool trimSpace = hasLeftTrimMarker(rest(m_pos));
        const std::size_t afterMarker = trimSpace ? kTrimMarkerLen : 0;
        if (rest(m_pos + afterMarker).starts_with(kLeftComment)) {
            m_pos += afterMarker;
            ignore();
            return State::Comment;
        }
        emit(ItemType::LeftDelim);
        m_pos += afterMarker;
        ignore();
        m_parenDepth = 0;
        return State::InsideAction;
    }

    State lexComment() {
        m_pos += kLeftComment.size();
        const std::size_t i = rest(m_pos).find(kRightComment);
        if (i == std::string_view::npos) return errorf("unclosed comment");
        m_pos += i + kRightComment.size();
        const auto [delim, trimSpace] = atRightDelim();
        if (!delim) return errorf("comment ends before closing delimiter");
        if (trimSpace) m_pos += kTrimMarkerLen;
        m_pos += kRightDelim.size();
        if (trimSpace) m_pos += leftTrimLength(rest(m_pos));
        ignore();
        return State::Text;
    }

    State lexRightDelim() {
        const bool trimSpace = hasRightTrimMarker(rest(m_pos));
        if (trimSpace) {
            m_pos += kTrimMarkerLen;
            ignore();
        }
        m_pos += kRightDelim.size();
        emit(ItemType::RightDelim);
        if (trimSpace) {
            m_pos += leftTrimLength(rest(m_pos));
            ignore();
        }
        return State::Text;
    }

    State lexInsideAction() {
        const auto [delim, trim] = atRightDelim();
        (void)trim;
        if (delim) {
            if (m_parenDepth == 0) return State::RightDelim;
            return errorf("unclosed left paren");
        }
        const char32_t r = next();
        if (r == kEof) return errorf("unclosed action");
        if (isSpace(r)) {
            backup();  // in case we have " -}}"
            return lexSpace();
        }
        switch (r) {
            case '=':
                emit(ItemType::Assign);
                return State::InsideAction;
            case ':':
                if (next() != '=') return errorf("expected :=");
                emit(ItemType::Declare);
                return State::InsideAction;
            case '|':
                emit(ItemType::Pipe);
                return State::InsideAction;
            case '"':
                return lexQuote();
            case '`':
                return lexRawQuote();
            case '$':
                return lexVariable();
            case '\'':
                return lexChar();
            case '(':
                emit(ItemType::LeftParen);
                ++m_parenDepth;
                return State::InsideAction;
            case ')':
                --m_parenDepth;
                if (m_parenDepth < 0) return errorf("unexpected right paren");
                emit(ItemType::RightParen);
                return State::InsideAction;
            default:
                break;
        }
        if (r == '.') {
            // special look-ahead for ".field" so we don't break backup().
            if (m_pos < m_input.size()) {
                const char c = m_input[m_pos];
                if (c < '0' || c > '9') return lexFieldOrVariable(ItemType::Field);
            }
            backup();
            return lexNumber();
        }
        if (r == '+' || r == '-' || (r >= '0' && r <= '9')) {
            backup();
            return lexNumber();
        }
        if (isAlphaNumeric(r)) {
            backup();
            return lexIdentifier();
        }
        if (r < 0x80 && r >= 0x20 && r < 0x7F) {
            emit(ItemType::Char);
            return State::InsideAction;
        }
        return errorf("unrecognized character in action: " + formatRuneU(r));
    }

    State lexSpace() {
        int numSpaces = 0;
        while (isSpace(peek())) {
            next();
            ++numSpaces;
        }
        // A trim-marked closing delimiter starts with a space: " -}}".
        if (m_pos >= 1 && hasRightTrimMarker(rest(m_pos - 1)) && rest(m_pos - 1 + kTrimMarkerLen).starts_with(kRightDelim)) {
            backup();  // before the space
            if (numSpaces == 1) return State::RightDelim;
        }
        emit(ItemType::Space);
        return State::InsideAction;
    }

    bool atTerminator() {
        const char32_t r = peek();
        if (isSpace(r)) return true;
        switch (r) {
            case kEof: case '.': case ',': case '|': case ':': case ')': case '(':
                return true;
            default:
                break;
        }
        return rest(m_pos).starts_with(kRightDelim);
    }

    State lexIdentifier() {
        char32_t r = 0;
        while (true) {
            r = next();
            if (!isAlphaNumeric(r)) break;
        }
        backup();
        if (!atTerminator()) return errorf("bad character " + formatRuneU(r));
        const std::string_view word = m_input.substr(m_start, m_pos - m_start);
        static constexpr std::pair<std::string_view, ItemType> kKeywords[] = {
            {"block", ItemType::Block}, {"break", ItemType::Break}, {"continue", ItemType::Continue},
            {"define", ItemType::Define}, {"else", ItemType::Else}, {"end", ItemType::End},
            {"if", ItemType::If}, {"range", ItemType::Range}, {"nil", ItemType::Nil},
            {"template", ItemType::Template}, {"with", ItemType::With},
        };
        for (const auto& [name, type] : kKeywords) {
            if (word == name) {
                emit(type);
                return State::InsideAction;
            }
        }
        emit(word == "true" || word == "false" ? ItemType::Bool : ItemType::Identifier);
        return State::InsideAction;
    }

    State lexVariable() {
        if (atTerminator()) {  // "$" alone
            emit(ItemType::Variable);
            return State::InsideAction;
        }
        return lexFieldOrVariable(ItemType::Variable);
    }

    // The '.' or '$' has been scanned.
    State lexFieldOrVariable(ItemType type) {
        if (atTerminator()) {  // nothing interesting follows: "." or "$"
            emit(type == ItemType::Variable ? ItemType::Variable : ItemType::Dot);
            return State::InsideAction;
        }
        char32_t r = 0;
        while (true) {
            r = next();
            if (!isAlphaNumeric(r)) {
                backup();
                break;
            }
        }
        if (!atTerminator()) return errorf("bad character " + formatRuneU(r));
        emit(type);
        return State::InsideAction;
    }

    State lexChar() {
        while (true) {
            const char32_t r = next();
            if (r == '\\') {
                const char32_t e = next();
                if (e != kEof && e != '\n') continue;
                return errorf("unterminated character constant");
            }
            if (r == kEof || r == '\n') return errorf("unterminated character constant");
            if (r == '\'') break;
        }
        emit(ItemType::CharConstant);
        return State::InsideAction;
    }

    State lexNumber() {
        if (!scanNumber()) return errorf("bad number syntax: " + goQuote(m_input.substr(m_start, m_pos - m_start)));
        const char32_t sign = peek();
        if (sign == '+' || sign == '-') {
            // Complex: 1+2i. No spaces, must end in 'i'.
            if (!scanNumber() || m_input[m_pos - 1] != 'i') {
                return errorf("bad number syntax: " + goQuote(m_input.substr(m_start, m_pos - m_start)));
            }
            emit(ItemType::Complex);
        } else {
            emit(ItemType::Number);
        }
        return State::InsideAction;
    }

    bool scanNumber() {
        accept("+-");
        std::string_view digits = "0123456789_";
        if (accept("0")) {
            if (accept("xX")) {
                digits = "0123456789abcdefABCDEF_";
            } else if (accept("oO")) {
                digits = "01234567_";
            } else if (accept("bB")) {
                digits = "01_";
            }
        }
        acceptRun(digits);
        if (accept(".")) acceptRun(digits);
        if (digits.size() == 10 + 1 && accept("eE")) {
            accept("+-");
            acceptRun("0123456789_");
        }
        if (digits.size() == 16 + 6 + 1 && accept("pP")) {
            accept("+-");
            acceptRun("0123456789_");
        }
        accept("i");
        if (isAlphaNumeric(peek())) {
            next();
            return false;
        }
        return true;
    }

    State lexQuote() {
        while (true) {
            const char32_t r = next();
            if (r == '\\') {
                const char32_t e = next();
                if (e != kEof && e != '\n') continue;
                return errorf("unterminated quoted string");
            }
            if (r == kEof || r == '\n') return errorf("unterminated quoted string");
            if (r == '"') break;
        }
        emit(ItemType::String);
        return State::InsideAction;
    }

    State lexRawQuote() {
        while (true) {
            const char32_t r = next();
            if (r == kEof) return errorf("unterminated raw quoted string");
            if (r == '`') break;
        }
        emit(ItemType::RawString);
        return State::InsideAction;
    }
};


// ---- literals (strconv) --------------------------------------------------------------------------

struct SyntaxError {};

int hexDigit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// strconv.UnquoteChar: decodes one character of a quoted literal body, advancing `s`.
// Returns the value and whether it is a rune (to be UTF-8 encoded) rather than a byte.
std::pair<char32_t, bool> unquoteChar(std::string_view& s, char quote) {
    if (s.empty()) throw SyntaxError{};
    const auto c = static_cast<unsigned char>(s[0]);
    if (c == static_cast<unsigned char>(quote) && (quote == '\'' || quote == '"')) throw SyntaxError{};
    if (c >= 0x80) {
        const auto d = utf8::decode(s, 0);
        s.remove_prefix(d.width);
        return {d.rune, true};
    }
    if (c != '\\') {
        s.remove_prefix(1);
        return {c, false};
    }
    if (s.size() <= 1) throw SyntaxError{};
    const char e = s[1];
    s.remove_prefix(2);
    switch (e) {
        case 'a': return {'\a', false};
        case 'b': return {'\b', false};
        case 'f': return {'\f', false};
        case 'n': return {'\n', false};
        case 'r': return {'\r', false};
        case 't': return {'\t', false};
        case 'v': return {'\v', false};
        case 'x': case 'u': case 'U': {
            const std::size_t n = e == 'x' ? 2 : e == 'u' ? 4 : 8;
            if (s.size() < n) throw SyntaxError{};
            char32_t v = 0;
            for (std::size_t j = 0; j < n; ++j) {
                const int h = hexDigit(s[j]);
                if (h < 0) throw SyntaxError{};
                v = (v << 4) | static_cast<char32_t>(h);
            }
            s.remove_prefix(n);
            if (e == 'x') return {v, false};
            if (v > 0x10FFFF || inRange(v, 0xD800, 0xDFFF)) throw SyntaxError{};
            return {v, true};
        }
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
            char32_t v = static_cast<char32_t>(e - '0');
            if (s.size() < 2) throw SyntaxError{};
            for (std::size_t j = 0; j < 2; ++j) {
                const int x = s[j] - '0';
                if (x < 0 || x > 7) throw SyntaxError{};
                v = (v << 3) | static_cast<char32_t>(x);
            }
            s.remove_prefix(2);
            if (v > 255) throw SyntaxError{};
            return {v, false};
        }
        case '\\': return {'\\', false};
        case '\'': case '"':
            if (e != quote) throw SyntaxError{};
            return {static_cast<char32_t>(e), false};
        default:
            throw SyntaxError{};
    }
}

// strconv.Unquote for "..." and `...` literals.
std::string unquote(std::string_view text) {
    if (text.size() < 2 || text.front() != text.back()) throw SyntaxError{};
    const char quote = text.front();
    std::string_view body = text.substr(1, text.size() - 2);
    std::string out;
    if (quote == '`') {
        if (body.find('`') != std::string_view::npos) throw SyntaxError{};
        for (char c : body) {
            if (c != '\r') out.push_back(c);
        }
        return out;
    }
    if (quote != '"' || body.find('\n') != std::string_view::npos) throw SyntaxError{};
    while (!body.empty()) {
        const auto [value, multibyte] = unquoteChar(body, '"');
        if (value < 0x80 || !multibyte) {
            out.push_back(static_cast<char>(value));
        } else {
            utf8::append(out, value);
        }
    }
    return out;
}

// strconv's underscoreOK: '_' only between digits (or after a base prefix).
bool underscoreOk(std::string_view s) {
    char saw = '^';
    std::size_t i = 0;
    if (!s.empty() && (s[0] == '-' || s[0] == '+')) s.remove_prefix(1);
    bool hex = false;
    if (s.size() >= 2 && s[0] == '0') {
        const char b = static_cast<char>(s[1] | 0x20);
        if (b == 'x' || b == 'o' || b == 'b') {
            hex = b == 'x';
            i = 2;
            saw = '0';
        }
    }
    for (; i < s.size(); ++i) {
        const char c = s[i];
        const char lower = static_cast<char>(c | 0x20);
        if ((c >= '0' && c <= '9') || (hex && lower >= 'a' && lower <= 'f')) {
            saw = '0';
            continue;
        }
        if (c == '_') {
            if (saw != '0') return false;
            saw = '_';
            continue;
        }
        if (saw == '_') return false;
        saw = '!';
    }
    return saw != '_';
}

// strconv.ParseUint(s, 0, 64) on the magnitude; nullopt on syntax error or overflow.
std::optional<std::uint64_t> parseMagnitude(std::string_view s) {
    if (s.empty()) return std::nullopt;
    int base = 10;
    std::size_t i = 0;
    if (s.size() >= 2 && s[0] == '0') {
        const char b = static_cast<char>(s[1] | 0x20);
        if (b == 'x') base = 16, i = 2;
        else if (b == 'o') base = 8, i = 2;
        else if (b == 'b') base = 2, i = 2;
        else base = 8, i = 1;
    }
    if (s.find('_') != std::string_view::npos && !underscoreOk(s)) return std::nullopt;
    std::uint64_t v = 0;
    bool any = base == 8 && i == 1;  // "0" alone, or "0..." octal
    for (; i < s.size(); ++i) {
        if (s[i] == '_') continue;
        const int d = hexDigit(s[i]);
        if (d < 0 || d >= base) return std::nullopt;
        if (v > (std::numeric_limits<std::uint64_t>::max() - static_cast<std::uint64_t>(d)) / static_cast<std::uint64_t>(base)) {
            return std::nullopt;
        }
        v = v * static_cast<std::uint64_t>(base) + static_cast<std::uint64_t>(d);
        any = true;
    }
    if (!any) return std::nullopt;
    return v;
}

// ---- node construction and printing (parse/node.go) -----------------------------------------------

NodePtr makeNode(NodeType type, std::size_t pos, int line = 0) {
    auto n = std::make_unique<Node>();
    n->type = type;
    n->pos = pos;
    n->line = line;
    return n;
}

std::vector<std::string> splitDots(std::string_view s) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (true) {
        const std::size_t dot = s.find('.', start);
        out.emplace_back(s.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start));
        if (dot == std::string_view::npos) break;
        start = dot + 1;
    }
    return out;
}

// ".A.B" -> Field{A, B}
NodePtr makeField(std::size_t pos, std::string_view text) {
    auto n = makeNode(NodeType::Field, pos);
    n->ident = splitDots(text.substr(1));
    return n;
}

// "$x.A" -> Variable{$x, A}
NodePtr makeVariable(std::size_t pos, std::string_view text) {
    auto n = makeNode(NodeType::Variable, pos);
    n->ident = splitDots(text);
    return n;
}

void writeNode(std::string& out, const Node& n);

void writeControl(std::string& out, std::string_view name, const Node& n) {
    out += "{{";
    out += name;
    out += ' ';
    writeNode(out, *n.pipe);
    out += "}}";
    writeNode(out, *n.list);
    if (n.elseList) {
        out += "{{else}}";
        writeNode(out, *n.elseList);
    }
    out += "{{end}}";
}

void writeNode(std::string& out, const Node& n) {
    switch (n.type) {
        case NodeType::Text: out += n.text; return;
        case NodeType::Action:
            out += "{{";
            writeNode(out, *n.pipe);
            out += "}}";
            return;
        case NodeType::Bool: out += n.boolean ? "true" : "false"; return;
        case NodeType::Chain:
            if (n.pipe->type == NodeType::Pipe) {
                out += '(';
                writeNode(out, *n.pipe);
                out += ')';
            } else {
                writeNode(out, *n.pipe);
            }
            for (const auto& f : n.ident) {
                out += '.';
                out += f;
            }
            return;
        case NodeType::Command:
            for (std::size_t i = 0; i < n.nodes.size(); ++i) {
                if (i > 0) out += ' ';
                if (n.nodes[i]->type == NodeType::Pipe) {
                    out += '(';
                    writeNode(out, *n.nodes[i]);
                    out += ')';
                } else {
                    writeNode(out, *n.nodes[i]);
                }
            }
            return;
        case NodeType::Dot: out += '.'; return;
        case NodeType::Field:
            for (const auto& f : n.ident) {
                out += '.';
                out += f;
            }
            return;
        case NodeType::Identifier: out += n.text; return;
        case NodeType::If: writeControl(out, "if", n); return;
        case NodeType::List:
            for (const auto& c : n.nodes) writeNode(out, *c);
            return;
        case NodeType::Nil: out += "nil"; return;
        case NodeType::Number: out += n.text; return;
        case NodeType::Pipe:
            if (!n.decl.empty()) {
                for (std::size_t i = 0; i < n.decl.size(); ++i) {
                    if (i > 0) out += ", ";
                    writeNode(out, *n.decl[i]);
                }
                out += n.isAssign ? " = " : " := ";
            }
            for (std::size_t i = 0; i < n.nodes.size(); ++i) {
                if (i > 0) out += " | ";
                writeNode(out, *n.nodes[i]);
            }
            return;
        case NodeType::Range: writeControl(out, "range", n); return;
        case NodeType::String: out += n.text; return;
        case NodeType::Variable:
            for (std::size_t i = 0; i < n.ident.size(); ++i) {
                if (i > 0) out += '.';
                out += n.ident[i];
            }
            return;
        case NodeType::With: writeControl(out, "with", n); return;
        case NodeType::Break: out += "{{break}}"; return;
        case NodeType::Continue: out += "{{continue}}"; return;
        case NodeType::End: out += "{{end}}"; return;
        case NodeType::Else: out += "{{else}}"; return;
    }
}

std::string nodeString(const Node& n) {
    std::string out;
    writeNode(out, n);
    return out;
}

// ---- functions known to the parser -----------------------------------------------------------------

constexpr std::string_view kFunctionNames[] = {
    // Go's builtins
    "and", "call", "html", "index", "slice", "js", "len", "not", "or", "print", "printf", "println",
    "urlquery", "eq", "ge", "gt", "le", "lt", "ne",
    // Docker's (docker/cli templates.basicFunctions)
    "json", "split", "join", "title", "lower", "upper", "pad", "truncate",
};

bool hasFunction(std::string_view name) {
    return std::find(std::begin(kFunctionNames), std::end(kFunctionNames), name) != std::end(kFunctionNames);
}

// ---- parser (parse/parse.go) ---------------------------------------------------------------------

struct ParseFailure {
    std::string message;
};

class Parser {
public:
    explicit Parser(std::vector<Item> items) : m_items(std::move(items)) {
        if (m_items.empty()) m_items.push_back(Item{ItemType::Eof, 0, "", 1});
    }

    NodePtr parse() {
        auto root = makeNode(NodeType::List, peek().pos);
        while (peek().type != ItemType::Eof) {
            if (peek().type == ItemType::LeftDelim) {
                const std::size_t delim = m_idx;
                next();
                if (nextNonSpace().type == ItemType::Define) errorf("{{define}} is not supported");
                m_idx = delim;
            }
            auto n = textOrAction();
            if (n->type == NodeType::End || n->type == NodeType::Else) errorf("unexpected " + nodeString(*n));
            root->nodes.push_back(std::move(n));
        }
        return root;
    }

private:
    std::vector<Item> m_items;
    std::size_t m_idx = 0;
    std::size_t m_furthest = 0;  // items handed out so far: Go's t.token[0] is the last of them
    std::vector<std::string> m_vars{"$"};
    int m_actionLine = 0;
    int m_rangeDepth = 0;
    std::size_t m_depth = 0;

    // A depth guard for the recursive descent (parentheses and control structures).
    struct DepthGuard {
        Parser& p;
        explicit DepthGuard(Parser& parser) : p(parser) {
            if (p.m_depth >= kMaxTemplateNesting) p.errorf("max expression depth exceeded");
            ++p.m_depth;
        }
        ~DepthGuard() { --p.m_depth; }
        DepthGuard(const DepthGuard&) = delete;
        DepthGuard& operator=(const DepthGuard&) = delete;
    };

    const Item& next() {
        const Item& item = m_items[std::min(m_idx, m_items.size() - 1)];
        ++m_idx;
        m_furthest = std::max(m_furthest, m_idx);
        return item;
    }
    void backup() {
        if (m_idx > 0) --m_idx;
    }
    const Item& peek() {
        const Item& item = next();
        backup();
        return item;
    }
    const Item& nextNonSpace() {
        while (true) {
            const Item& item = next();
            if (item.type != ItemType::Space) return item;
        }
    }
    const Item& peekNonSpace() {
        const Item& item = nextNonSpace();
        backup();
        return item;
    }

    [[noreturn]] void errorf(const std::string& message) {
        const std::size_t last = std::min(m_furthest, m_items.size());
        const int line = last == 0 ? 1 : m_items[last - 1].line;
        throw ParseFailure{"template: :" + std::to_string(line) + ": " + message};
    }

    const Item& expect(ItemType expected, std::string_view context) {
        const Item& token = nextNonSpace();
        if (token.type != expected) unexpected(token, context);
        return token;
    }

    [[noreturn]] void unexpected(const Item& token, std::string_view context) {
        if (token.type == ItemType::Error) {
            std::string extra;
            if (m_actionLine != 0 && m_actionLine != token.line) {
                extra = " in action started at :" + std::to_string(m_actionLine);
                if (token.val.ends_with(" action")) extra = extra.substr(std::string_view(" in action").size());
            }
            errorf(token.val + extra);
        }
        errorf("unexpected " + itemString(token) + " in " + std::string(context));
    }

    // itemList: textOrAction* up to {{end}} or {{else}}, which is returned separately.
    std::pair<NodePtr, NodePtr> itemList() {
        auto list = makeNode(NodeType::List, peekNonSpace().pos);
        while (peekNonSpace().type != ItemType::Eof) {
            auto n = textOrAction();
            if (n->type == NodeType::End || n->type == NodeType::Else) return {std::move(list), std::move(n)};
            list->nodes.push_back(std::move(n));
        }
        errorf("unexpected EOF");
    }

    NodePtr textOrAction() {
        const Item& token = nextNonSpace();
        switch (token.type) {
            case ItemType::Text: {
                auto n = makeNode(NodeType::Text, token.pos);
                n->text = token.val;
                return n;
            }
            case ItemType::LeftDelim: {
                m_actionLine = token.line;
                auto n = action();
                m_actionLine = 0;
                return n;
            }
            default:
                unexpected(token, "input");
        }
    }

    NodePtr action() {
        const Item& token = nextNonSpace();
        switch (token.type) {
            case ItemType::Block: errorf("{{block}} is not supported");
            case ItemType::Template: errorf("{{template}} is not supported");
            case ItemType::Break: return loopControl(NodeType::Break, token, "{{break}}");
            case ItemType::Continue: return loopControl(NodeType::Continue, token, "{{continue}}");
            case ItemType::Else: return elseControl();
            case ItemType::End: return makeNode(NodeType::End, expect(ItemType::RightDelim, "end").pos);
            case ItemType::If: return control(NodeType::If, "if");
            case ItemType::Range: return control(NodeType::Range, "range");
            case ItemType::With: return control(NodeType::With, "with");
            default: break;
        }
        backup();
        const Item& first = peek();
        auto n = makeNode(NodeType::Action, first.pos, first.line);
        n->pipe = pipeline("command", ItemType::RightDelim);
        return n;
    }

    NodePtr loopControl(NodeType type, const Item& keyword, std::string_view context) {
        const std::size_t pos = keyword.pos;
        const int line = keyword.line;
        const Item& token = nextNonSpace();
        if (token.type != ItemType::RightDelim) unexpected(token, context);
        if (m_rangeDepth == 0) errorf(std::string(context) + " outside {{range}}");
        return makeNode(type, pos, line);
    }

    NodePtr elseControl() {
        const Item& peeked = peekNonSpace();
        // "{{else if ..." and "{{else with ...": return the else now, leave the keyword pending.
        if (peeked.type == ItemType::If || peeked.type == ItemType::With) return makeNode(NodeType::Else, peeked.pos, peeked.line);
        const Item& token = expect(ItemType::RightDelim, "else");
        return makeNode(NodeType::Else, token.pos, token.line);
    }

    // if / range / with: pipeline, list, optional else list, {{end}}.
    NodePtr control(NodeType type, std::string_view context) {
        DepthGuard guard(*this);
        const std::size_t varsMark = m_vars.size();
        auto n = makeNode(type, 0);
        n->pipe = pipeline(context, ItemType::RightDelim);
        n->pos = n->pipe->pos;
        n->line = n->pipe->line;
        if (type == NodeType::Range) ++m_rangeDepth;
        auto [list, next] = itemList();
        if (type == NodeType::Range) --m_rangeDepth;
        n->list = std::move(list);
        if (next->type == NodeType::Else) {
            if (type == NodeType::If && peek().type == ItemType::If) {
                this->next();
                n->elseList = makeNode(NodeType::List, next->pos);
                n->elseList->nodes.push_back(control(NodeType::If, "if"));
            } else if (type == NodeType::With && peek().type == ItemType::With) {
                this->next();
                n->elseList = makeNode(NodeType::List, next->pos);
                n->elseList->nodes.push_back(control(NodeType::With, "with"));
            } else {
                auto [elseList, end] = itemList();
                if (end->type != NodeType::End) errorf("expected end; found " + nodeString(*end));
                n->elseList = std::move(elseList);
            }
        }
        m_vars.resize(varsMark);
        return n;
    }

    NodePtr pipeline(std::string_view context, ItemType end) {
        const Item& first = peekNonSpace();
        auto pipe = makeNode(NodeType::Pipe, first.pos, first.line);
        // Declarations or assignments?
        while (true) {
            const Item& v = peekNonSpace();
            if (v.type != ItemType::Variable) break;
            const std::size_t variableIndex = m_idx;  // peekNonSpace left us on the variable
            next();
            const Item& tokenAfterVariable = peek();
            const Item& following = peekNonSpace();
            if (following.type == ItemType::Assign || following.type == ItemType::Declare) {
                pipe->isAssign = following.type == ItemType::Assign;
                nextNonSpace();
                pipe->decl.push_back(makeVariable(v.pos, v.val));
                m_vars.push_back(v.val);
                break;
            }
            if (following.type == ItemType::Char && following.val == ",") {
                nextNonSpace();
                pipe->decl.push_back(makeVariable(v.pos, v.val));
                m_vars.push_back(v.val);
                if (context == "range" && pipe->decl.size() < 2) {
                    const ItemType t = peekNonSpace().type;
                    if (t == ItemType::Variable || t == ItemType::RightDelim || t == ItemType::RightParen) continue;
                    errorf("range can only initialize variables");
                }
                errorf("too many declarations in " + std::string(context));
            }
            (void)tokenAfterVariable;
            m_idx = variableIndex;  // not a declaration: the variable is an operand
            break;
        }
        while (true) {
            const Item& token = nextNonSpace();
            if (token.type == end) {
                checkPipeline(*pipe, context);
                return pipe;
            }
            switch (token.type) {
                case ItemType::Bool: case ItemType::CharConstant: case ItemType::Complex: case ItemType::Dot:
                case ItemType::Field: case ItemType::Identifier: case ItemType::Number: case ItemType::Nil:
                case ItemType::RawString: case ItemType::String: case ItemType::Variable: case ItemType::LeftParen:
                    backup();
                    pipe->nodes.push_back(command());
                    if (pipe->nodes.size() > 100000) errorf("pipeline too long");
                    break;
                default:
                    unexpected(token, context);
            }
        }
    }

    void checkPipeline(const Node& pipe, std::string_view context) {
        if (pipe.nodes.empty()) errorf("missing value for " + std::string(context));
        for (std::size_t i = 1; i < pipe.nodes.size(); ++i) {
            switch (pipe.nodes[i]->nodes[0]->type) {
                case NodeType::Bool: case NodeType::Dot: case NodeType::Nil: case NodeType::Number: case NodeType::String:
                    errorf("non executable command in pipeline stage " + std::to_string(i + 1));
                default:
                    break;
            }
        }
    }

    NodePtr command() {
        auto cmd = makeNode(NodeType::Command, peekNonSpace().pos);
        while (true) {
            peekNonSpace();
            if (auto operand = this->operand()) cmd->nodes.push_back(std::move(operand));
            const Item& token = next();
            if (token.type == ItemType::Space) continue;
            if (token.type == ItemType::RightDelim || token.type == ItemType::RightParen) {
                backup();
            } else if (token.type != ItemType::Pipe) {
                unexpected(token, "operand");
            }
            break;
        }
        if (cmd->nodes.empty()) errorf("empty command");
        return cmd;
    }

    NodePtr operand() {
        auto node = term();
        if (!node) return nullptr;
        if (peek().type == ItemType::Field) {
            auto chain = makeNode(NodeType::Chain, peek().pos);
            while (peek().type == ItemType::Field) chain->ident.push_back(next().val.substr(1));
            switch (node->type) {
                case NodeType::Field: {
                    std::string text = nodeString(*node);
                    for (const auto& f : chain->ident) text += "." + f;
                    return makeField(chain->pos, text);
                }
                case NodeType::Variable: {
                    std::string text = nodeString(*node);
                    for (const auto& f : chain->ident) text += "." + f;
                    return makeVariable(chain->pos, text);
                }
                case NodeType::Bool: case NodeType::String: case NodeType::Number: case NodeType::Nil: case NodeType::Dot:
                    errorf("unexpected . after term " + goQuote(nodeString(*node)));
                default:
                    chain->pipe = std::move(node);
                    return chain;
            }
        }
        return node;
    }

    NodePtr term() {
        const Item& token = nextNonSpace();
        switch (token.type) {
            case ItemType::Identifier: {
                if (!hasFunction(token.val)) errorf("function " + goQuote(token.val) + " not defined");
                auto n = makeNode(NodeType::Identifier, token.pos);
                n->text = token.val;
                return n;
            }
            case ItemType::Dot: return makeNode(NodeType::Dot, token.pos);
            case ItemType::Nil: return makeNode(NodeType::Nil, token.pos);
            case ItemType::Variable: return useVar(token.pos, token.val);
            case ItemType::Field: return makeField(token.pos, token.val);
            case ItemType::Bool: {
                auto n = makeNode(NodeType::Bool, token.pos);
                n->boolean = token.val == "true";
                return n;
            }
            case ItemType::CharConstant: case ItemType::Complex: case ItemType::Number:
                return number(token);
            case ItemType::LeftParen: {
                DepthGuard guard(*this);
                return pipeline("parenthesized pipeline", ItemType::RightParen);
            }
            case ItemType::String: case ItemType::RawString: {
                auto n = makeNode(NodeType::String, token.pos);
                n->text = token.val;
                try {
                    n->value = unquote(token.val);
                } catch (const SyntaxError&) {
                    errorf("invalid syntax");
                }
                return n;
            }
            default:
                backup();
                return nullptr;
        }
    }

    NodePtr useVar(std::size_t pos, std::string_view name) {
        auto v = makeVariable(pos, name);
        if (std::find(m_vars.begin(), m_vars.end(), v->ident[0]) == m_vars.end()) {
            errorf("undefined variable " + goQuote(v->ident[0]));
        }
        return v;
    }

    // newNumber: the value of a number or character constant.
    NodePtr number(const Item& token) {
        auto n = makeNode(NodeType::Number, token.pos);
        n->text = token.val;
        const std::string_view text = token.val;
        if (token.type == ItemType::CharConstant) {
            std::string_view body = text.substr(1);
            char32_t rune = 0;
            try {
                rune = unquoteChar(body, '\'').first;
            } catch (const SyntaxError&) {
                errorf("invalid syntax");
            }
            if (body != "'") errorf("malformed character constant: " + std::string(text));
            n->i = static_cast<std::int64_t>(rune);
            n->u = rune;
            n->f = static_cast<double>(rune);
            n->isInt = n->isUint = n->isFloat = true;
            return n;
        }
        if (token.type == ItemType::Complex || (!text.empty() && text.back() == 'i')) {
            errorf("complex constants are not supported");
        }
        const bool negative = !text.empty() && text[0] == '-';
        const std::string_view magnitudeText = (!text.empty() && (text[0] == '-' || text[0] == '+')) ? text.substr(1) : text;
        if (const auto mag = parseMagnitude(magnitudeText)) {
            if (!negative) {
                n->isUint = true;
                n->u = *mag;
            }
            if (negative ? *mag <= std::uint64_t{1} << 63 : *mag <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
                n->isInt = true;
                n->i = negative ? static_cast<std::int64_t>(0 - *mag) : static_cast<std::int64_t>(*mag);
                if (n->i == 0) {
                    n->isUint = true;
                    n->u = 0;
                }
            }
        }
        if (n->isInt) {
            n->isFloat = true;
            n->f = static_cast<double>(n->i);
        } else if (n->isUint) {
            n->isFloat = true;
            n->f = static_cast<double>(n->u);
        } else if (magnitudeText.find_first_of("_xXpP") == std::string_view::npos) {
            // strconv.ParseFloat on a decimal float (hex floats and '_' are not supported here).
            double f = 0;
            const auto r = std::from_chars(magnitudeText.data(), magnitudeText.data() + magnitudeText.size(), f);
            if (r.ec == std::errc() && r.ptr == magnitudeText.data() + magnitudeText.size() && std::isfinite(f) &&
                !magnitudeText.empty() && (magnitudeText[0] == '.' || (magnitudeText[0] >= '0' && magnitudeText[0] <= '9'))) {
                if (negative) f = -f;
                if (text.find_first_of(".eEpP") == std::string_view::npos) errorf("integer overflow: " + goQuote(text));
                n->isFloat = true;
                n->f = f;
                if (f >= -9.2233720368547758e18 && f < 9.2233720368547758e18 && static_cast<double>(static_cast<std::int64_t>(f)) == f) {
                    n->isInt = true;
                    n->i = static_cast<std::int64_t>(f);
                }
                if (f >= 0 && f < 1.8446744073709552e19 && static_cast<double>(static_cast<std::uint64_t>(f)) == f) {
                    n->isUint = true;
                    n->u = static_cast<std::uint64_t>(f);
                }
            }
        }
        if (!n->isInt && !n->isUint && !n->isFloat) errorf("illegal number syntax: " + goQuote(text));
        return n;
    }
};


// ---- values ----------------------------------------------------------------------------------------

// A template value: Go's reflect.Value over JSON. `json == nullptr` is the invalid (zero) Value that
// prints as <no value>. Values point into the caller's data (non-owning) or into values computed
// during execution (owning); the aliasing shared_ptr keeps a computed parent alive for its children.
struct Value {
    std::shared_ptr<const JsonValue> json;
    bool boxed = false;  // read out of a map or slice element: static type interface {}

    [[nodiscard]] bool valid() const { return json != nullptr; }
    [[nodiscard]] bool isNil() const { return !json || json->isNull(); }
};

Value own(JsonValue v) { return Value{std::make_shared<const JsonValue>(std::move(v)), false}; }
Value child(const Value& parent, const JsonValue& element) {
    return Value{std::shared_ptr<const JsonValue>(parent.json, &element), true};
}

// Go's name of the dynamic type behind a value.
std::string goTypeName(const JsonValue& v) {
    switch (v.kind()) {
        case JsonValue::Kind::Null: return "interface {}";
        case JsonValue::Kind::Bool: return "bool";
        case JsonValue::Kind::Integer: return "int";
        case JsonValue::Kind::Double: return "float64";
        case JsonValue::Kind::String: return "string";
        case JsonValue::Kind::Array: return "[]interface {}";
        case JsonValue::Kind::Object: return "map[string]interface {}";
    }
    return "interface {}";
}

// Go's truth (exec.go isTrue).
bool truth(const Value& v) {
    if (!v.valid()) return false;
    const JsonValue& j = *v.json;
    switch (j.kind()) {
        case JsonValue::Kind::Null: return false;
        case JsonValue::Kind::Bool: return j.asBool();
        case JsonValue::Kind::Integer: return j.asInteger() != 0;
        case JsonValue::Kind::Double: return j.asDouble() != 0;
        case JsonValue::Kind::String: return !j.asString().empty();
        case JsonValue::Kind::Array:
        case JsonValue::Kind::Object: return j.size() > 0;
    }
    return false;
}

// Object members in Go's map order (sorted keys).
std::vector<const JsonValue::Member*> sortedMembers(const JsonValue& object) {
    std::vector<const JsonValue::Member*> members;
    members.reserve(object.size());
    for (const auto& m : object.items()) members.push_back(&m);
    if (!object.isSortedObject()) {
        std::stable_sort(members.begin(), members.end(), [](const auto* a, const auto* b) { return a->first < b->first; });
    }
    return members;
}

// ---- fmt ----------------------------------------------------------------------------------------

struct FmtFlags {
    bool plus = false, minus = false, sharp = false, space = false, zero = false;
    bool widPresent = false, precPresent = false;
    int wid = 0, prec = 0;
};

void appendPadding(std::string& out, int n, char c) {
    if (n > 0) out.append(static_cast<std::size_t>(n), c);
}

// fmt.pad: width counts runes; '-' pads on the right, '0' pads with zeros on the left.
void pad(std::string& out, std::string_view s, const FmtFlags& f) {
    if (!f.widPresent || f.wid == 0) {
        out += s;
        return;
    }
    const int width = f.wid - static_cast<int>(utf8::runeCount(s));
    if (f.minus) {
        out += s;
        appendPadding(out, width, ' ');
    } else {
        appendPadding(out, width, f.zero ? '0' : ' ');
        out += s;
    }
}

void fmtInteger(std::string& out, std::int64_t value, int base, char verb, const FmtFlags& flags) {
    FmtFlags f = flags;
    const bool negative = value < 0;
    std::uint64_t u = negative ? 0 - static_cast<std::uint64_t>(value) : static_cast<std::uint64_t>(value);
    int prec = 0;
    if (f.precPresent) {
        prec = f.prec;
        if (prec == 0 && u == 0) {
            appendPadding(out, f.widPresent ? f.wid : 0, ' ');
            return;
        }
    } else if (f.zero && !f.minus && f.widPresent) {
        prec = f.wid;
        if (negative || f.plus || f.space) --prec;  // leave room for the sign
    }
    const char* digits = verb == 'X' ? kUpperHex : kLowerHex;
    std::string num;
    do {
        num.push_back(digits[u % static_cast<std::uint64_t>(base)]);
        u /= static_cast<std::uint64_t>(base);
    } while (u != 0);
    while (static_cast<int>(num.size()) < prec) num.push_back('0');
    if (f.sharp) {
        if (base == 2) num += "b0";
        if (base == 8 && num.back() != '0') num.push_back('0');
        if (base == 16) num += verb == 'X' ? "X0" : "x0";
    }
    if (verb == 'O') num += "o0";
    if (negative) num.push_back('-');
    else if (f.plus) num.push_back('+');
    else if (f.space) num.push_back(' ');
    std::reverse(num.begin(), num.end());
    f.zero = false;  // zero padding was handled as precision
    pad(out, num, f);
}

void fmtFloat(std::string& out, double v, char verb, int prec, const FmtFlags& f) {
    std::string num = core::formatGoFloat(v, verb, prec);
    if (num == "NaN" || num == "+Inf" || num == "-Inf") {
        std::string s = num;
        if (s[0] == '+' && !f.plus) s.erase(0, 1);
        if (s == "NaN" && f.plus) s = "+NaN";
        FmtFlags g = f;
        g.zero = false;
        pad(out, s, g);
        return;
    }
    std::string sign;
    if (!num.empty() && num[0] == '-') {
        sign = "-";
        num.erase(0, 1);
    } else if (f.plus) {
        sign = "+";
    } else if (f.space) {
        sign = " ";
    }
    if (f.zero && !f.minus && f.widPresent && f.wid > static_cast<int>(num.size() + sign.size())) {
        out += sign;
        appendPadding(out, f.wid - static_cast<int>(num.size() + sign.size()), '0');
        out += num;
        return;
    }
    FmtFlags g = f;
    g.zero = false;
    pad(out, sign + num, g);
}

void fmtValue(std::string& out, const JsonValue& v, char verb, const FmtFlags& f, int depth);

void badVerb(std::string& out, const JsonValue* v, char32_t verb) {
    out += "%!";
    utf8::append(out, verb);
    out += '(';
    if (v == nullptr || v->isNull()) {
        out += "<nil>";
    } else {
        out += goTypeName(*v);
        out += '=';
        fmtValue(out, *v, 'v', FmtFlags{}, 0);
    }
    out += ')';
}

std::string hexString(std::string_view s, bool upper) {
    std::string out;
    const char* digits = upper ? kUpperHex : kLowerHex;
    for (char c : s) {
        const auto b = static_cast<unsigned char>(c);
        out.push_back(digits[b >> 4]);
        out.push_back(digits[b & 0xF]);
    }
    return out;
}

// fmt's printValue for one value and verb (Sprint uses 'v').
void fmtValue(std::string& out, const JsonValue& v, char verb, const FmtFlags& f, int depth) {
    if (depth > 1000) {
        out += "...";
        return;
    }
    switch (v.kind()) {
        case JsonValue::Kind::Null:
            if (verb == 'v' || verb == 'T') {
                pad(out, "<nil>", f);
            } else {
                badVerb(out, nullptr, static_cast<unsigned char>(verb));
            }
            return;
        case JsonValue::Kind::Bool:
            if (verb == 't' || verb == 'v') {
                pad(out, v.asBool() ? "true" : "false", f);
            } else {
                badVerb(out, &v, static_cast<unsigned char>(verb));
            }
            return;
        case JsonValue::Kind::Integer: {
            const std::int64_t i = v.asInteger();
            switch (verb) {
                case 'v': case 'd': fmtInteger(out, i, 10, verb, f); return;
                case 'b': fmtInteger(out, i, 2, verb, f); return;
                case 'o': case 'O': fmtInteger(out, i, 8, verb, f); return;
                case 'x': case 'X': fmtInteger(out, i, 16, verb, f); return;
                case 'c': {
                    std::string s;
                    utf8::append(s, (i < 0 || i > 0x10FFFF) ? utf8::kRuneError : static_cast<char32_t>(i));
                    pad(out, s, f);
                    return;
                }
                case 'q': pad(out, goQuoteRune(i), f); return;
                case 'U': {
                    std::string s = (i < 0 || i > 0x10FFFF) ? "U+FFFD" : formatRuneU(static_cast<char32_t>(i));
                    if (!f.sharp) s = s.substr(0, s.find(' '));
                    pad(out, s, f);
                    return;
                }
                default: badVerb(out, &v, static_cast<unsigned char>(verb)); return;
            }
        }
        case JsonValue::Kind::Double: {
            const double d = v.asDouble();
            switch (verb) {
                case 'v': fmtFloat(out, d, 'g', f.precPresent ? f.prec : -1, f); return;
                case 'g': case 'G': fmtFloat(out, d, verb, f.precPresent ? f.prec : -1, f); return;
                case 'e': case 'E': case 'f': fmtFloat(out, d, verb, f.precPresent ? f.prec : 6, f); return;
                case 'F': fmtFloat(out, d, 'f', f.precPresent ? f.prec : 6, f); return;
                default: badVerb(out, &v, static_cast<unsigned char>(verb)); return;
            }
        }
        case JsonValue::Kind::String: {
            std::string_view s = v.asString();
            switch (verb) {
                case 'v':
                    if (f.sharp) {
                        pad(out, goQuote(s), f);
                        return;
                    }
                    [[fallthrough]];
                case 's': {
                    if (f.precPresent) {
                        std::size_t pos = 0;
                        for (int n = 0; n < f.prec && pos < s.size(); ++n) pos += utf8::decode(s, pos).width;
                        s = s.substr(0, pos);
                    }
                    pad(out, s, f);
                    return;
                }
                case 'q': pad(out, goQuote(s), f); return;
                case 'x': case 'X': pad(out, hexString(s, verb == 'X'), f); return;
                default: badVerb(out, &v, static_cast<unsigned char>(verb)); return;
            }
        }
        case JsonValue::Kind::Array: {
            out += '[';
            const auto& elements = v.elements();
            for (std::size_t i = 0; i < elements.size(); ++i) {
                if (i > 0) out += ' ';
                if (elements[i].isNull()) {
                    out += "<nil>";
                } else {
                    fmtValue(out, elements[i], verb, f, depth + 1);
                }
            }
            out += ']';
            return;
        }
        case JsonValue::Kind::Object: {
            out += "map[";
            bool first = true;
            for (const auto* m : sortedMembers(v)) {
                if (!first) out += ' ';
                first = false;
                fmtValue(out, JsonValue::string(m->first), verb, f, depth + 1);
                out += ':';
                if (m->second.isNull()) {
                    out += "<nil>";
                } else {
                    fmtValue(out, m->second, verb, f, depth + 1);
                }
            }
            out += ']';
            return;
        }
    }
}

// fmt.Sprint / Sprintln over template arguments (an invalid value prints as <nil>).
std::string sprint(const std::vector<Value>& args, bool ln) {
    std::string out;
    bool prevString = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const bool isString = args[i].valid() && args[i].json->isString();
        if (i > 0 && (ln || (!isString && !prevString))) out += ' ';
        if (!args[i].valid()) {
            out += "<nil>";
        } else {
            fmtValue(out, *args[i].json, 'v', FmtFlags{}, 0);
        }
        prevString = isString;
    }
    if (ln) out += '\n';
    return out;
}

// fmt.Sprintf: flags, width, precision (also '*'), verbs v s d q t x X o O b c U e E f F g G T %.
std::string sprintf(std::string_view format, const std::vector<Value>& args) {
    std::string out;
    std::size_t argNum = 0;
    std::size_t i = 0;
    const auto argAt = [&](std::size_t n) -> const JsonValue* {
        static const JsonValue kNull;
        return args[n].valid() ? args[n].json.get() : &kNull;
    };
    const auto intArg = [&](int& into) -> bool {
        if (argNum >= args.size()) return false;
        const JsonValue* a = argAt(argNum++);
        if (!a->isInteger()) return false;
        const std::int64_t v = a->asInteger();
        if (v < -1000000 || v > 1000000) return false;
        into = static_cast<int>(v);
        return true;
    };
    while (i < format.size()) {
        const std::size_t pct = format.find('%', i);
        if (pct == std::string_view::npos) {
            out += format.substr(i);
            break;
        }
        out += format.substr(i, pct - i);
        i = pct + 1;
        FmtFlags f;
        for (; i < format.size(); ++i) {
            const char c = format[i];
            if (c == '#') f.sharp = true;
            else if (c == '0') f.zero = !f.minus;
            else if (c == '+') f.plus = true;
            else if (c == '-') f.minus = true, f.zero = false;
            else if (c == ' ') f.space = true;
            else break;
        }
        // width
        if (i < format.size() && format[i] == '*') {
            ++i;
            f.widPresent = intArg(f.wid);
            if (!f.widPresent) out += "%!(BADWIDTH)";
            if (f.wid < 0) {
                f.wid = -f.wid;
                f.minus = true;
                f.zero = false;
            }
        } else {
            while (i < format.size() && format[i] >= '0' && format[i] <= '9') {
                f.wid = std::min(f.wid * 10 + (format[i] - '0'), 1000000);
                f.widPresent = true;
                ++i;
            }
        }
        // precision
        if (i < format.size() && format[i] == '.') {
            ++i;
            f.precPresent = true;
            if (i < format.size() && format[i] == '*') {
                ++i;
                f.precPresent = intArg(f.prec);
                if (f.prec < 0) {
                    f.prec = 0;
                    f.precPresent = false;
                }
                if (!f.precPresent) out += "%!(BADPREC)";
            } else {
                while (i < format.size() && format[i] >= '0' && format[i] <= '9') {
                    f.prec = std::min(f.prec * 10 + (format[i] - '0'), 1000000);
                    ++i;
                }
            }
        }
        if (i >= format.size()) {
            out += "%!(NOVERB)";
            break;
        }
        const auto d = utf8::decode(format, i);
        i += d.width;
        const char32_t verb = d.rune;
        if (verb == '%') {
            out += '%';
            continue;
        }
        if (argNum >= args.size()) {
            out += "%!";
            utf8::append(out, verb);
            out += "(MISSING)";
            continue;
        }
        const JsonValue* arg = argAt(argNum++);
        if (verb == 'T') {
            pad(out, arg->isNull() ? "<nil>" : goTypeName(*arg), f);
            continue;
        }
        if (verb >= 0x80) {
            badVerb(out, arg, verb);
            continue;
        }
        fmtValue(out, *arg, static_cast<char>(verb), f, 0);
    }
    if (argNum < args.size()) {
        out += "%!(EXTRA ";
        for (std::size_t k = argNum; k < args.size(); ++k) {
            if (k > argNum) out += ", ";
            const JsonValue* a = argAt(k);
            if (a->isNull()) {
                out += "<nil>";
            } else {
                out += goTypeName(*a);
                out += '=';
                fmtValue(out, *a, 'v', FmtFlags{}, 0);
            }
        }
        out += ')';
    }
    return out;
}


// ---- builtins (funcs.go and docker/cli templates) ------------------------------------------------------

enum class Param : std::uint8_t { Any, String, Int, StringSlice };

struct Signature {
    std::vector<Param> fixed;
    bool variadic = false;
    Param variadicType = Param::Any;
};

const Signature& signatureOf(std::string_view name) {
    using P = Param;
    static const Signature kAnyVariadic1{{P::Any}, true, P::Any};  // f(x, ...)
    static const Signature kVariadic{{}, true, P::Any};            // f(...)
    static const Signature kAny1{{P::Any}, false, P::Any};
    static const Signature kAny2{{P::Any, P::Any}, false, P::Any};
    static const Signature kString1{{P::String}, false, P::Any};
    static const Signature kPrintf{{P::String}, true, P::Any};
    static const Signature kSplit{{P::String, P::String}, false, P::Any};
    static const Signature kJoin{{P::StringSlice, P::String}, false, P::Any};
    static const Signature kPad{{P::String, P::Int, P::Int}, false, P::Any};
    static const Signature kTruncate{{P::String, P::Int}, false, P::Any};
    if (name == "and" || name == "or" || name == "index" || name == "slice" || name == "eq" || name == "call") return kAnyVariadic1;
    if (name == "print" || name == "println" || name == "html" || name == "js" || name == "urlquery") return kVariadic;
    if (name == "not" || name == "len" || name == "json") return kAny1;
    if (name == "ne" || name == "lt" || name == "le" || name == "gt" || name == "ge") return kAny2;
    if (name == "printf") return kPrintf;
    if (name == "split") return kSplit;
    if (name == "join") return kJoin;
    if (name == "pad") return kPad;
    if (name == "truncate") return kTruncate;
    return kString1;  // title, lower, upper
}

std::string_view paramTypeName(Param p) {
    switch (p) {
        case Param::Any: return "interface {}";
        case Param::String: return "string";
        case Param::Int: return "int";
        case Param::StringSlice: return "[]string";
    }
    return "interface {}";
}

// An error returned by a function: reported as "error calling NAME: MESSAGE".
struct CallError {
    std::string message;
};

enum class Basic : std::uint8_t { Nil, Bool, Int, Float, String, Array, Object };

Basic basicKind(const Value& v) {
    if (v.isNil()) return Basic::Nil;
    switch (v.json->kind()) {
        case JsonValue::Kind::Bool: return Basic::Bool;
        case JsonValue::Kind::Integer: return Basic::Int;
        case JsonValue::Kind::Double: return Basic::Float;
        case JsonValue::Kind::String: return Basic::String;
        case JsonValue::Kind::Array: return Basic::Array;
        default: return Basic::Object;
    }
}

std::string fmtS(const JsonValue& v) {
    std::string out;
    fmtValue(out, v, 's', FmtFlags{}, 0);
    return out;
}

bool builtinEq(const Value& a1, const std::vector<Value>& rest) {
    if (rest.empty()) throw CallError{"missing argument for comparison"};
    const Basic k1 = basicKind(a1);
    for (const Value& a : rest) {
        const Basic k2 = basicKind(a);
        bool equal = false;
        const bool composite1 = k1 == Basic::Array || k1 == Basic::Object;
        const bool composite2 = k2 == Basic::Array || k2 == Basic::Object;
        if (composite1 && composite2) {
            if (k1 != k2) {
                throw CallError{"non-comparable types " + fmtS(*a1.json) + ": " + goTypeName(*a1.json) + ", " +
                                goTypeName(*a.json) + ": " + fmtS(*a.json)};
            }
            throw CallError{"non-comparable type " + fmtS(*a.json) + ": " + goTypeName(*a.json)};
        }
        if (k1 != k2) {
            // nil compares unequal to anything else; other mixes are errors.
            if (k1 != Basic::Nil && k2 != Basic::Nil) throw CallError{"incompatible types for comparison"};
        } else {
            switch (k1) {
                case Basic::Nil: equal = true; break;
                case Basic::Bool: equal = a1.json->asBool() == a.json->asBool(); break;
                case Basic::Int: equal = a1.json->asInteger() == a.json->asInteger(); break;
                case Basic::Float: equal = a1.json->asDouble() == a.json->asDouble(); break;
                case Basic::String: equal = a1.json->asString() == a.json->asString(); break;
                default: break;
            }
        }
        if (equal) return true;
    }
    return false;
}

bool builtinLt(const Value& a1, const Value& a2) {
    const Basic k1 = basicKind(a1);
    const Basic k2 = basicKind(a2);
    const auto basic = [](Basic k) { return k == Basic::Bool || k == Basic::Int || k == Basic::Float || k == Basic::String; };
    if (!basic(k1) || !basic(k2)) throw CallError{"invalid type for comparison"};
    if (k1 != k2) throw CallError{"incompatible types for comparison"};
    switch (k1) {
        case Basic::Int: return a1.json->asInteger() < a2.json->asInteger();
        case Basic::Float: return a1.json->asDouble() < a2.json->asDouble();
        case Basic::String: return a1.json->asString() < a2.json->asString();
        default: throw CallError{"invalid type for comparison"};
    }
}

// indexArg: an integer index within [0, cap].
std::size_t indexArg(const Value& index, std::size_t cap) {
    if (index.isNil()) throw CallError{"cannot index slice/array with nil"};
    if (!index.json->isInteger()) throw CallError{"cannot index slice/array with type " + goTypeName(*index.json)};
    const std::int64_t x = index.json->asInteger();
    if (x < 0 || static_cast<std::uint64_t>(x) > cap) throw CallError{"index out of range: " + std::to_string(x)};
    return static_cast<std::size_t>(x);
}

Value builtinIndex(const Value& item0, const std::vector<Value>& indexes) {
    if (item0.isNil()) throw CallError{"index of untyped nil"};
    Value item = item0;
    for (const Value& index : indexes) {
        if (item.isNil()) throw CallError{"index of nil pointer"};
        const JsonValue& j = *item.json;
        if (j.isArray() || j.isString()) {
            const std::size_t len = j.isArray() ? j.size() : j.asString().size();
            const std::size_t x = indexArg(index, len);
            if (x == len) throw CallError{"index out of range: " + std::to_string(x)};
            if (j.isArray()) {
                item = child(item, j[x]);
            } else {
                item = own(JsonValue::number(static_cast<unsigned char>(j.asString()[x])));
            }
        } else if (j.isObject()) {
            if (!index.valid()) throw CallError{"value is nil; should be of type string"};
            if (!index.json->isString()) throw CallError{"value has type " + goTypeName(*index.json) + "; should be string"};
            if (const JsonValue* found = j.find(index.json->asString())) {
                item = child(item, *found);
            } else {
                // The zero value of the map's element type: "" for string maps, nil otherwise.
                const bool stringMap = std::all_of(j.items().begin(), j.items().end(),
                                                   [](const auto& m) { return m.second.isString(); });
                item = stringMap ? own(JsonValue::string("")) : Value{own(JsonValue()).json, true};
            }
        } else {
            throw CallError{"can't index item of type " + goTypeName(j)};
        }
    }
    return item;
}

Value builtinSlice(const Value& item, const std::vector<Value>& indexes) {
    if (item.isNil()) throw CallError{"slice of untyped nil"};
    if (indexes.size() > 3) throw CallError{"too many slice indexes: " + std::to_string(indexes.size())};
    const JsonValue& j = *item.json;
    std::size_t cap = 0;
    if (j.isString()) {
        if (indexes.size() == 3) throw CallError{"cannot 3-index slice a string"};
        cap = j.asString().size();
    } else if (j.isArray()) {
        cap = j.size();
    } else {
        throw CallError{"can't slice item of type " + goTypeName(j)};
    }
    std::size_t idx[3] = {0, cap, cap};
    for (std::size_t k = 0; k < indexes.size(); ++k) idx[k] = indexArg(indexes[k], cap);
    if (idx[0] > idx[1]) throw CallError{"invalid slice index: " + std::to_string(idx[0]) + " > " + std::to_string(idx[1])};
    if (indexes.size() == 3 && idx[1] > idx[2]) {
        throw CallError{"invalid slice index: " + std::to_string(idx[1]) + " > " + std::to_string(idx[2])};
    }
    if (j.isString()) return own(JsonValue::string(j.asString().substr(idx[0], idx[1] - idx[0])));
    JsonValue::Array out(j.elements().begin() + static_cast<std::ptrdiff_t>(idx[0]),
                         j.elements().begin() + static_cast<std::ptrdiff_t>(idx[1]));
    return own(JsonValue::array(std::move(out)));
}

// evalArgs in funcs.go: the text html/js/urlquery escape.
std::string evalArgsText(const std::vector<Value>& args) {
    if (args.size() == 1 && args[0].valid() && args[0].json->isString()) return args[0].json->asString();
    std::vector<Value> printable = args;
    for (auto& a : printable) {
        if (!a.valid()) a = own(JsonValue::string("<no value>"));
    }
    return sprint(printable, false);
}

std::string htmlEscape(std::string_view s) {
    std::string out;
    for (char c : s) {
        switch (c) {
            case '\0': out += "\xEF\xBF\xBD"; break;
            case '"': out += "&#34;"; break;
            case '\'': out += "&#39;"; break;
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            default: out.push_back(c);
        }
    }
    return out;
}

std::string jsEscape(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            switch (c) {
                case '\\': out += "\\\\"; break;
                case '\'': out += "\\'"; break;
                case '"': out += "\\\""; break;
                case '<': out += "\\u003C"; break;
                case '>': out += "\\u003E"; break;
                case '&': out += "\\u0026"; break;
                case '=': out += "\\u003D"; break;
                default:
                    if (c < ' ') {
                        out += "\\u00";
                        out.push_back(kUpperHex[c >> 4]);
                        out.push_back(kUpperHex[c & 0xF]);
                    } else {
                        out.push_back(static_cast<char>(c));
                    }
            }
            ++i;
            continue;
        }
        const auto d = utf8::decode(s, i);
        if (isPrintRune(d.rune) && !(d.rune == utf8::kRuneError && d.width == 1)) {
            out += s.substr(i, d.width);
        } else {
            out += "\\u";
            for (int sh = 12; sh >= 0; sh -= 4) out.push_back(kUpperHex[(d.rune >> sh) & 0xF]);
        }
        i += d.width;
    }
    return out;
}

// url.QueryEscape
std::string queryEscape(std::string_view s) {
    std::string out;
    for (char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '~') {
            out.push_back(static_cast<char>(c));
        } else if (c == ' ') {
            out.push_back('+');
        } else {
            out.push_back('%');
            out.push_back(kUpperHex[c >> 4]);
            out.push_back(kUpperHex[c & 0xF]);
        }
    }
    return out;
}

// strings.Map over runes; invalid UTF-8 bytes come out as U+FFFD, as in Go.
template <class F>
std::string mapRunes(std::string_view s, F&& mapping) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        const auto d = utf8::decode(s, i);
        utf8::append(out, mapping(d.rune));
        i += d.width;
    }
    return out;
}

bool isAscii(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

std::string goToUpper(std::string_view s) {
    if (isAscii(s)) {
        std::string out(s);
        for (char& c : out) {
            if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
        }
        return out;
    }
    return mapRunes(s, toUpperRune);
}

std::string goToLower(std::string_view s) {
    if (isAscii(s)) {
        std::string out(s);
        for (char& c : out) {
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
        }
        return out;
    }
    return mapRunes(s, toLowerRune);
}

// strings.Title: upper-case the first letter of each word.
std::string goTitle(std::string_view s) {
    const auto isSeparator = [](char32_t r) {
        if (r <= 0x7F) {
            return !((r >= '0' && r <= '9') || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || r == '_');
        }
        if (isLetterOrDigitRune(r)) return false;
        return isUnicodeSpace(r);
    };
    char32_t prev = ' ';
    return mapRunes(s, [&](char32_t r) {
        const bool start = isSeparator(prev);
        prev = r;
        return start ? toUpperRune(r) : r;
    });
}

// strings.Split
JsonValue goSplit(std::string_view s, std::string_view sep) {
    JsonValue::Array parts;
    if (sep.empty()) {
        for (std::size_t i = 0; i < s.size();) {
            const auto d = utf8::decode(s, i);
            parts.push_back(JsonValue::string(std::string(s.substr(i, d.width))));
            i += d.width;
        }
        return JsonValue::array(std::move(parts));
    }
    std::size_t start = 0;
    while (true) {
        const std::size_t at = s.find(sep, start);
        if (at == std::string_view::npos) break;
        parts.push_back(JsonValue::string(std::string(s.substr(start, at - start))));
        start = at + sep.size();
    }
    parts.push_back(JsonValue::string(std::string(s.substr(start))));
    return JsonValue::array(std::move(parts));
}

// ---- execution (exec.go) ------------------------------------------------------------------------------

struct ExecFailure {
    std::string message;
    core::ErrorCode code = core::ErrorCode::InvalidArgument;
};

enum class Flow : std::uint8_t { Normal, Break, Continue };

class Executor {
public:
    Executor(const std::string& text, const TemplateOptions& options) : m_text(text), m_options(options) {}

    std::string run(const Node& root, const JsonValue& data) {
        const Value dot{std::shared_ptr<const JsonValue>(std::shared_ptr<const JsonValue>(), &data), false};
        m_vars.emplace_back("$", dot);
        walk(dot, root);
        return std::move(m_out);
    }

private:
    const std::string& m_text;
    const TemplateOptions& m_options;
    std::string m_out;
    const Node* m_node = nullptr;  // current node, for errors
    std::vector<std::pair<std::string, Value>> m_vars;
    std::uint64_t m_steps = 0;

    void at(const Node& n) { m_node = &n; }

    [[noreturn]] void errorf(const std::string& message) {
        if (m_node == nullptr) throw ExecFailure{"template: : " + message};
        const std::size_t pos = std::min(m_node->pos, m_text.size());
        const std::string_view before = std::string_view(m_text).substr(0, pos);
        const std::size_t nl = before.rfind('\n');
        const std::size_t byteNum = nl == std::string_view::npos ? pos : pos - (nl + 1);
        const auto lineNum = 1 + std::count(before.begin(), before.end(), '\n');
        throw ExecFailure{"template: :" + std::to_string(lineNum) + ":" + std::to_string(byteNum) +
                          ": executing \"\" at <" + nodeString(*m_node) + ">: " + message};
    }

    void step() {
        if (++m_steps > m_options.maxSteps) {
            throw ExecFailure{"template: execution stopped after " + std::to_string(m_options.maxSteps) + " steps",
                              core::ErrorCode::Exhausted};
        }
    }
    void checkSize(std::size_t bytes) const {
        if (bytes > m_options.maxOutputBytes) {
            throw ExecFailure{"template: output exceeds " + std::to_string(m_options.maxOutputBytes) + " bytes",
                              core::ErrorCode::Exhausted};
        }
    }
    void write(std::string_view s) {
        checkSize(m_out.size() + s.size());
        m_out += s;
    }

    // -- variables
    std::size_t mark() const { return m_vars.size(); }
    void pop(std::size_t mark) { m_vars.resize(mark); }
    void setVar(const std::string& name, const Value& value) {
        for (auto it = m_vars.rbegin(); it != m_vars.rend(); ++it) {
            if (it->first == name) {
                it->second = value;
                return;
            }
        }
        errorf("undefined variable: " + name);
    }
    void setTopVar(std::size_t n, const Value& value) { m_vars[m_vars.size() - n].second = value; }
    Value varValue(const std::string& name) {
        for (auto it = m_vars.rbegin(); it != m_vars.rend(); ++it) {
            if (it->first == name) return it->second;
        }
        errorf("undefined variable: " + name);
    }

    // -- walking
    Flow walk(const Value& dot, const Node& node) {
        step();
        at(node);
        switch (node.type) {
            case NodeType::Action: {
                const Value val = evalPipeline(dot, node.pipe.get());
                if (node.pipe->decl.empty()) printValue(node, val);
                return Flow::Normal;
            }
            case NodeType::Break: return Flow::Break;
            case NodeType::Continue: return Flow::Continue;
            case NodeType::If: return walkIfOrWith(false, dot, node);
            case NodeType::With: return walkIfOrWith(true, dot, node);
            case NodeType::List:
                for (const auto& n : node.nodes) {
                    const Flow f = walk(dot, *n);
                    if (f != Flow::Normal) return f;
                }
                return Flow::Normal;
            case NodeType::Range: return walkRange(dot, node);
            case NodeType::Text: write(node.text); return Flow::Normal;
            default: errorf("unknown node: " + nodeString(node));
        }
    }

    Flow walkIfOrWith(bool isWith, const Value& dot, const Node& node) {
        const std::size_t m = mark();
        const Value val = evalPipeline(dot, node.pipe.get());
        Flow f = Flow::Normal;
        if (truth(val)) {
            f = walk(isWith ? val : dot, *node.list);
        } else if (node.elseList) {
            f = walk(dot, *node.elseList);
        }
        pop(m);
        return f;
    }

    Flow walkRange(const Value& dot, const Node& r) {
        at(r);
        const std::size_t outer = mark();
        const Value val = evalPipeline(dot, r.pipe.get());
        const std::size_t m = mark();  // before any variables of the body
        const std::size_t decls = r.pipe->decl.size();
        // One iteration; true when the loop must stop ({{break}}).
        const auto oneIteration = [&](const Value& index, const Value& elem) {
            if (decls > 0) setTopVar(1, elem);
            if (decls > 1) setTopVar(2, index);
            const Flow f = walk(elem, *r.list);
            pop(m);
            return f == Flow::Break;
        };
        bool ranElse = true;
        if (val.valid() && !val.json->isNull()) {
            const JsonValue& j = *val.json;
            switch (j.kind()) {
                case JsonValue::Kind::Array:
                    if (j.size() > 0) {
                        ranElse = false;
                        for (std::size_t i = 0; i < j.size(); ++i) {
                            if (oneIteration(own(JsonValue::number(i)), child(val, j[i]))) break;
                        }
                    }
                    break;
                case JsonValue::Kind::Object:
                    if (j.size() > 0) {
                        ranElse = false;
                        for (const auto* member : sortedMembers(j)) {
                            if (oneIteration(own(JsonValue::string(member->first)), child(val, member->second))) break;
                        }
                    }
                    break;
                case JsonValue::Kind::Integer: {
                    // Go 1.22: range over an integer.
                    if (decls > 1) errorf("can't use " + std::to_string(j.asInteger()) + " to iterate over more than one variable");
                    const std::int64_t n = j.asInteger();
                    if (n > 0) {
                        ranElse = false;
                        for (std::int64_t i = 0; i < n; ++i) {
                            const Value v = own(JsonValue::number(i));
                            if (oneIteration(v, v)) break;
                        }
                    }
                    break;
                }
                default: {
                    std::string text;
                    fmtValue(text, j, 'v', FmtFlags{}, 0);
                    errorf("range can't iterate over " + text);
                }
            }
        }
        Flow f = Flow::Normal;
        if (ranElse && r.elseList) f = walk(dot, *r.elseList);
        pop(outer);
        return f;
    }

    void printValue(const Node& node, const Value& v) {
        at(node);
        if (!v.valid()) {
            write("<no value>");
            return;
        }
        std::string text;
        fmtValue(text, *v.json, 'v', FmtFlags{}, 0);
        write(text);
    }

    // -- evaluation
    Value evalPipeline(const Value& dot, const Node* pipe) {
        if (pipe == nullptr) return {};
        at(*pipe);
        std::optional<Value> value;
        for (const auto& cmd : pipe->nodes) {
            Value v = evalCommand(dot, *cmd, value ? &*value : nullptr);
            v.boxed = false;  // "If the object has type interface{}, dig down one level to the thing inside."
            value = std::move(v);
        }
        for (const auto& variable : pipe->decl) {
            if (pipe->isAssign) {
                setVar(variable->ident[0], *value);
            } else {
                m_vars.emplace_back(variable->ident[0], *value);
            }
        }
        return value ? *value : Value{};
    }

    void notAFunction(const std::vector<NodePtr>& args, const Value* final) {
        if (args.size() > 1 || final != nullptr) errorf("can't give argument to non-function " + nodeString(*args[0]));
    }

    Value evalCommand(const Value& dot, const Node& cmd, const Value* final) {
        step();
        const Node& first = *cmd.nodes[0];
        switch (first.type) {
            case NodeType::Field: return evalFieldNode(dot, first, cmd.nodes, final);
            case NodeType::Chain: return evalChainNode(dot, first, cmd.nodes, final);
            case NodeType::Identifier: return evalFunction(dot, first, cmd, &cmd.nodes, final);
            case NodeType::Pipe:
                notAFunction(cmd.nodes, final);
                return evalPipeline(dot, &first);
            case NodeType::Variable: return evalVariableNode(dot, first, cmd.nodes, final);
            default: break;
        }
        at(first);
        notAFunction(cmd.nodes, final);
        switch (first.type) {
            case NodeType::Bool: return own(JsonValue::boolean(first.boolean));
            case NodeType::Dot: return dot;
            case NodeType::Nil: errorf("nil is not a command");
            case NodeType::Number: return idealConstant(first);
            case NodeType::String: return own(JsonValue::string(first.value));
            default: break;
        }
        errorf("can't evaluate command " + goQuote(nodeString(first)));
    }

    Value idealConstant(const Node& constant) {
        at(constant);
        const std::string& text = constant.text;
        const bool isHexInt = text.size() > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X') &&
                              text.find_first_of("pP") == std::string::npos;
        const bool isRune = !text.empty() && text[0] == '\'';
        if (constant.isFloat && !isHexInt && !isRune && text.find_first_of(".eEpP") != std::string::npos) {
            return own(JsonValue::number(constant.f));
        }
        if (constant.isInt) return own(JsonValue::number(constant.i));
        if (constant.isUint) errorf(text + " overflows int");
        return {};
    }

    Value evalFieldNode(const Value& dot, const Node& field, const std::vector<NodePtr>& args, const Value* final) {
        at(field);
        return evalFieldChain(dot, dot, field, field.ident, 0, args, final);
    }

    Value evalChainNode(const Value& dot, const Node& chain, const std::vector<NodePtr>& args, const Value* final) {
        at(chain);
        if (chain.ident.empty()) errorf("internal error: no fields in evalChainNode");
        if (chain.pipe->type == NodeType::Nil) errorf("indirection through explicit nil in " + nodeString(chain));
        const Value pipe = evalArg(dot, Param::Any, *chain.pipe);
        return evalFieldChain(dot, pipe, chain, chain.ident, 0, args, final);
    }

    Value evalVariableNode(const Value& dot, const Node& variable, const std::vector<NodePtr>& args, const Value* final) {
        at(variable);
        const Value value = varValue(variable.ident[0]);
        if (variable.ident.size() == 1) {
            notAFunction(args, final);
            return value;
        }
        return evalFieldChain(dot, value, variable, variable.ident, 1, args, final);
    }

    Value evalFieldChain(const Value& dot, Value receiver, const Node& node, const std::vector<std::string>& ident,
                         std::size_t from, const std::vector<NodePtr>& args, const Value* final) {
        static const std::vector<NodePtr> kNoArgs;
        const std::size_t n = ident.size();
        for (std::size_t i = from; i + 1 < n; ++i) receiver = evalField(dot, ident[i], node, kNoArgs, nullptr, receiver);
        return evalField(dot, ident[n - 1], node, args, final, receiver);
    }

    Value evalField(const Value& /*dot*/, const std::string& fieldName, const Node& /*node*/, const std::vector<NodePtr>& args,
                    const Value* final, const Value& receiver) {
        // <no value> (a missing map key) stays <no value> unless missing keys are errors.
        if (!receiver.valid()) {
            if (m_options.missingKey == MissingKey::Error) errorf("nil data; no entry for key " + goQuote(fieldName));
            return {};
        }
        const JsonValue& j = *receiver.json;
        if (j.isNull()) {
            // A null read out of a map or slice is Go's nil interface; a null in a variable or a
            // pipeline result is Go's invalid value, an error once missing keys are errors.
            if (receiver.boxed) errorf("nil pointer evaluating interface {}." + fieldName);
            if (m_options.missingKey == MissingKey::NoValue) return {};
            errorf("nil data; no entry for key " + goQuote(fieldName));
        }
        const bool hasArgs = args.size() > 1 || final != nullptr;
        if (j.isObject()) {
            if (hasArgs) errorf(fieldName + " is not a method but has arguments");
            if (const JsonValue* found = j.find(fieldName)) return child(receiver, *found);
            switch (m_options.missingKey) {
                case MissingKey::NoValue: return {};
                case MissingKey::Docker:
                    if (j.isSortedObject()) return {};
                    [[fallthrough]];
                case MissingKey::Error: errorf("map has no entry for key " + goQuote(fieldName));
            }
        }
        errorf("can't evaluate field " + fieldName + " in type " + (receiver.boxed ? std::string("interface {}") : goTypeName(j)));
    }

    Value evalFunction(const Value& dot, const Node& identifier, const Node& cmd, const std::vector<NodePtr>* args,
                       const Value* final) {
        at(identifier);
        return evalCall(dot, identifier.text, cmd, args, final);
    }

    // args: the command's words (args[0] is the function itself), or nullptr when the function is
    // an argument of another command and gets no arguments of its own.
    Value evalCall(const Value& dot, const std::string& name, const Node& node, const std::vector<NodePtr>* args,
                   const Value* final) {
        const Signature& sig = signatureOf(name);
        std::vector<const Node*> argNodes;
        if (args != nullptr) {
            for (std::size_t i = 1; i < args->size(); ++i) argNodes.push_back((*args)[i].get());
        }
        const std::size_t numIn = argNodes.size() + (final != nullptr ? 1 : 0);
        std::size_t numFixed = argNodes.size();
        if (sig.variadic) {
            numFixed = sig.fixed.size();
            if (numIn < numFixed) {
                errorf("wrong number of args for " + name + ": want at least " + std::to_string(sig.fixed.size()) +
                       " got " + std::to_string(argNodes.size()));
            }
        } else if (numIn != sig.fixed.size()) {
            errorf("wrong number of args for " + name + ": want " + std::to_string(sig.fixed.size()) + " got " +
                   std::to_string(numIn));
        }
        // and/or short-circuit and return the deciding argument.
        if (name == "and" || name == "or") {
            Value v;
            for (const Node* arg : argNodes) {
                v = evalArg(dot, Param::Any, *arg);
                if (truth(v) == (name == "or")) return v;
            }
            if (final != nullptr) v = *final;
            return v;
        }
        std::vector<Value> argv;
        argv.reserve(numIn);
        std::size_t i = 0;
        for (; i < numFixed && i < argNodes.size(); ++i) argv.push_back(evalArg(dot, sig.fixed[i], *argNodes[i]));
        if (sig.variadic) {
            for (; i < argNodes.size(); ++i) argv.push_back(evalArg(dot, sig.variadicType, *argNodes[i]));
        }
        if (final != nullptr) {
            Param t = sig.fixed.empty() ? sig.variadicType : sig.fixed.back();
            if (sig.variadic) t = numIn - 1 < numFixed ? sig.fixed[numIn - 1] : sig.variadicType;
            argv.push_back(validateType(*final, t));
        }
        try {
            return callBuiltin(name, argv);
        } catch (const CallError& e) {
            at(node);
            errorf("error calling " + name + ": " + e.message);
        }
    }

    Value validateType(const Value& value, Param type) {
        if (!value.valid()) {
            if (type == Param::Any) return value;
            if (type == Param::StringSlice) return own(JsonValue::array());
            errorf("invalid value; expected " + std::string(paramTypeName(type)));
        }
        const JsonValue& j = *value.json;
        switch (type) {
            case Param::Any: return value;
            case Param::String:
                if (j.isString()) return value;
                break;
            case Param::Int:
                if (j.isInteger()) return value;
                break;
            case Param::StringSlice:
                if (j.isArray() && std::all_of(j.elements().begin(), j.elements().end(), [](const JsonValue& e) { return e.isString(); })) {
                    return value;
                }
                break;
        }
        errorf("wrong type for value; expected " + std::string(paramTypeName(type)) + "; got " + goTypeName(j));
    }

    Value evalArg(const Value& dot, Param type, const Node& n) {
        at(n);
        switch (n.type) {
            case NodeType::Dot: return validateType(dot, type);
            case NodeType::Nil:
                if (type == Param::Any) return Value{own(JsonValue()).json, true};
                if (type == Param::StringSlice) return own(JsonValue::array());
                errorf("cannot assign nil to " + std::string(paramTypeName(type)));
            case NodeType::Field: {
                static const std::vector<NodePtr> kSelf(1);  // one "argument": the field itself
                return validateType(evalFieldNode(dot, n, kSelf, nullptr), type);
            }
            case NodeType::Variable: {
                static const std::vector<NodePtr> kNoArgs;
                return validateType(evalVariableNode(dot, n, kNoArgs, nullptr), type);
            }
            case NodeType::Pipe: return validateType(evalPipeline(dot, &n), type);
            case NodeType::Identifier: return validateType(evalFunction(dot, n, n, nullptr, nullptr), type);
            case NodeType::Chain: {
                static const std::vector<NodePtr> kNoArgs;
                return validateType(evalChainNode(dot, n, kNoArgs, nullptr), type);
            }
            default: break;
        }
        switch (type) {
            case Param::Int:
                if (n.type == NodeType::Number && n.isInt) return own(JsonValue::number(n.i));
                errorf("expected integer; found " + nodeString(n));
            case Param::String:
                if (n.type == NodeType::String) return own(JsonValue::string(n.value));
                errorf("expected string; found " + nodeString(n));
            case Param::Any:
                switch (n.type) {
                    case NodeType::Bool: return own(JsonValue::boolean(n.boolean));
                    case NodeType::Number: return idealConstant(n);
                    case NodeType::String: return own(JsonValue::string(n.value));
                    default: errorf("can't handle assignment of " + nodeString(n) + " to empty interface argument");
                }
            case Param::StringSlice: break;
        }
        errorf("can't handle " + nodeString(n) + " for arg of type " + std::string(paramTypeName(type)));
    }

    Value stringResult(std::string s) {
        checkSize(s.size());
        return own(JsonValue::string(std::move(s)));
    }

    Value callBuiltin(const std::string& name, std::vector<Value>& argv) {
        const auto str = [&](std::size_t k) -> const std::string& { return argv[k].json->asString(); };
        if (name == "not") return own(JsonValue::boolean(!truth(argv[0])));
        if (name == "len") {
            const Value& v = argv[0];
            if (!v.valid()) throw CallError{"reflect: call of reflect.Value.Type on zero Value"};
            const JsonValue& j = *v.json;
            if (j.isNull()) return own(JsonValue::number(0));  // a nil slice or map
            if (j.isString()) return own(JsonValue::number(j.asString().size()));
            if (j.isArray() || j.isObject()) return own(JsonValue::number(j.size()));
            throw CallError{"len of type " + goTypeName(j)};
        }
        if (name == "index") return builtinIndex(argv[0], std::vector<Value>(argv.begin() + 1, argv.end()));
        if (name == "slice") return builtinSlice(argv[0], std::vector<Value>(argv.begin() + 1, argv.end()));
        if (name == "print" || name == "println") {
            std::string s = sprint(argv, name == "println");
            return stringResult(std::move(s));
        }
        if (name == "printf") {
            // Bound the work before formatting: widths and precisions are capped inside sprintf.
            std::string s = sprintf(str(0), std::vector<Value>(argv.begin() + 1, argv.end()));
            return stringResult(std::move(s));
        }
        if (name == "eq") return own(JsonValue::boolean(builtinEq(argv[0], std::vector<Value>(argv.begin() + 1, argv.end()))));
        if (name == "ne") return own(JsonValue::boolean(!builtinEq(argv[0], {argv[1]})));
        if (name == "lt") return own(JsonValue::boolean(builtinLt(argv[0], argv[1])));
        if (name == "le") return own(JsonValue::boolean(builtinLt(argv[0], argv[1]) || builtinEq(argv[0], {argv[1]})));
        if (name == "gt") return own(JsonValue::boolean(!(builtinLt(argv[0], argv[1]) || builtinEq(argv[0], {argv[1]}))));
        if (name == "ge") return own(JsonValue::boolean(!builtinLt(argv[0], argv[1])));
        if (name == "html") return stringResult(htmlEscape(evalArgsText(argv)));
        if (name == "js") return stringResult(jsEscape(evalArgsText(argv)));
        if (name == "urlquery") return stringResult(queryEscape(evalArgsText(argv)));
        if (name == "call") {
            if (argv[0].isNil()) throw CallError{"call of nil"};
            throw CallError{"non-function of type " + goTypeName(*argv[0].json)};
        }
        if (name == "json") {
            if (!argv[0].valid()) return own(JsonValue::string("null"));
            return stringResult(argv[0].json->toCompactString(false));
        }
        if (name == "split") {
            JsonValue parts = goSplit(str(0), str(1));
            return own(std::move(parts));
        }
        if (name == "join") {
            const auto& elements = argv[0].json->elements();
            const std::string& sep = str(1);
            std::size_t total = elements.empty() ? 0 : sep.size() * (elements.size() - 1);
            for (const auto& e : elements) total += e.asString().size();
            checkSize(total);
            std::string out;
            out.reserve(total);
            for (std::size_t k = 0; k < elements.size(); ++k) {
                if (k > 0) out += sep;
                out += elements[k].asString();
            }
            return own(JsonValue::string(std::move(out)));
        }
        if (name == "title") return stringResult(goTitle(str(0)));
        if (name == "lower") return stringResult(goToLower(str(0)));
        if (name == "upper") return stringResult(goToUpper(str(0)));
        if (name == "pad") {
            const std::string& source = str(0);
            if (source.empty()) return argv[0];
            const std::int64_t prefix = argv[1].json->asInteger();
            const std::int64_t suffix = argv[2].json->asInteger();
            if (prefix < 0 || suffix < 0) throw CallError{"strings: negative Repeat count"};
            const auto limit = static_cast<std::int64_t>(m_options.maxOutputBytes);
            if (prefix > limit || suffix > limit) checkSize(m_options.maxOutputBytes + 1);
            checkSize(source.size() + static_cast<std::size_t>(prefix) + static_cast<std::size_t>(suffix));
            return own(JsonValue::string(std::string(static_cast<std::size_t>(prefix), ' ') + source +
                                         std::string(static_cast<std::size_t>(suffix), ' ')));
        }
        if (name == "truncate") {
            const std::string& source = str(0);
            const std::int64_t length = argv[1].json->asInteger();
            if (static_cast<std::int64_t>(source.size()) < length) return argv[0];
            if (length < 0) throw CallError{"runtime error: slice bounds out of range [:" + std::to_string(length) + "]"};
            return own(JsonValue::string(source.substr(0, static_cast<std::size_t>(length))));
        }
        throw CallError{"function not implemented"};
    }
};

}  // namespace

// ---- GoTemplate -------------------------------------------------------------------------------------

core::Result<GoTemplate> GoTemplate::parse(std::string_view text) {
    GoTemplate t;
    t.m_text = std::make_shared<const std::string>(text);
    try {
        Parser parser(Lexer(*t.m_text).run());
        t.m_root = std::shared_ptr<const detail::TemplateNode>(parser.parse());
    } catch (const ParseFailure& e) {
        return core::fail(core::ErrorCode::InvalidArgument, e.message);
    }
    return t;
}

core::Result<std::string> GoTemplate::execute(const JsonValue& dot, const TemplateOptions& options) const {
    try {
        Executor executor(*m_text, options);
        return executor.run(*m_root, dot);
    } catch (const ExecFailure& e) {
        return core::fail(e.code, e.message);
    }
}

std::string GoTemplate::toString() const { return nodeString(*m_root); }

}  // namespace sim::cli
