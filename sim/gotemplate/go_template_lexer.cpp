// The GoTemplate lexer, a port of Go's text/template/parse/lex.go: a state machine that turns the
// template text into items (text, delimiters, and the words of an action). It runs to the end
// before the parser starts; an error ends the item list with an Error item.
#include "sim/gotemplate/go_template_internal.hpp"

#include <algorithm>

namespace sim::gotemplate::detail {

// ---- lexer (parse/lex.go) ------------------------------------------------------------------------

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

namespace {

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

}  // namespace

std::vector<Item> lexTemplate(std::string_view input) { return Lexer(input).run(); }

}  // namespace sim::gotemplate::detail
