// GoTemplate parse tree nodes, after Go's text/template/parse/node.go: constructing field and
// variable nodes, and printing a tree back as template text (used for toString() and for the
// node quoted in error messages).
#include "sim/gotemplate/go_template_internal.hpp"

namespace sim::gotemplate::detail {

// ---- node construction and printing (parse/node.go) -----------------------------------------------

NodePtr makeNode(NodeType type, std::size_t pos, int line) {
    auto n = std::make_unique<Node>();
    n->type = type;
    n->pos = pos;
    n->line = line;
    return n;
}

namespace {

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

}  // namespace

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

namespace {

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

}  // namespace

std::string nodeString(const Node& n) {
    std::string out;
    writeNode(out, n);
    return out;
}

}  // namespace sim::gotemplate::detail
