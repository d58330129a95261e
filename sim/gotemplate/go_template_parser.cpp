// The GoTemplate parser, a port of Go's text/template/parse/parse.go: a recursive descent over the
// lexer's items that builds the parse tree, checks variables and function names, and bounds the
// nesting depth (kMaxTemplateNesting).
#include "sim/gotemplate/go_template_internal.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>

namespace sim::gotemplate::detail {

// ---- parser (parse/parse.go) ---------------------------------------------------------------------

namespace {

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

}  // namespace

NodePtr parseTemplate(std::string_view text) { return Parser(lexTemplate(text)).parse(); }

}  // namespace sim::gotemplate::detail
