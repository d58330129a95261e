// Executing a GoTemplate parse tree over a JSON value, a port of Go's text/template/exec.go:
// walking actions, if/with/range and variables, evaluating pipelines, fields and function calls,
// with Go's error messages and Docker's missing-key behaviour (MissingKey), and within the step and
// output budgets of TemplateOptions.
#include "sim/gotemplate/go_template_internal.hpp"

#include <algorithm>

namespace sim::gotemplate::detail {

// ---- execution (exec.go) ------------------------------------------------------------------------------

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

void checkOutputSize(std::size_t bytes, const TemplateOptions& options) {
    if (bytes > options.maxOutputBytes) {
        throw ExecFailure{"template: output exceeds " + std::to_string(options.maxOutputBytes) + " bytes",
                          core::ErrorCode::Exhausted};
    }
}

namespace {

enum class Flow : std::uint8_t { Normal, Break, Continue };

class Executor {
public:
    Executor(const std::string& text, const TemplateOptions& options) : m_text(text), m_options(options) {}

    std::string run(const Node& root, const JsonValue& data) {
        const Value dot{std::shared_ptr<const JsonValue>(std::shared_ptr<const JsonValue>(), &data), false};
        m_root = &data;
        m_vars.emplace_back("$", dot);
        try {
            walk(dot, root);
        } catch (ExecFailure& e) {
            e.partialOutput = std::move(m_out);
            throw;
        }
        return std::move(m_out);
    }

private:
    const std::string& m_text;
    const TemplateOptions& m_options;
    std::string m_out;
    const Node* m_node = nullptr;  // current node, for errors
    const JsonValue* m_root = nullptr;  // the data: the receiver of TemplateOptions::methods
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
    void checkSize(std::size_t bytes) const { checkOutputSize(bytes, m_options); }
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

    // A method of the root data (TemplateOptions::methods), called as Go calls a method: the
    // command's other words and then the pipeline's value are its arguments.
    Value callMethod(const Value& dot, const std::string& name, const TemplateMethod& method,
                     const std::vector<NodePtr>& args, const Value* final) {
        const std::size_t given = (args.empty() ? 0 : args.size() - 1) + (final != nullptr ? 1 : 0);
        if (given != method.arity) {
            errorf("wrong number of args for " + name + ": want " + std::to_string(method.arity) + " got " +
                   std::to_string(given));
        }
        std::vector<std::string> argv;
        for (std::size_t i = 1; i < args.size(); ++i) argv.push_back(evalArg(dot, Param::String, *args[i]).json->asString());
        if (final != nullptr) argv.push_back(validateType(*final, Param::String).json->asString());
        return own(method.call(argv));
    }

    Value evalField(const Value& dot, const std::string& fieldName, const Node& /*node*/, const std::vector<NodePtr>& args,
                    const Value* final, const Value& receiver) {
        if (receiver.valid() && receiver.json.get() == m_root) {
            if (auto m = m_options.methods.find(fieldName); m != m_options.methods.end())
                return callMethod(dot, fieldName, m->second, args, final);
        }
        // <no value> (a missing map key) stays <no value> unless missing keys are errors.
        if (!receiver.valid()) {
            if (m_options.missingKey == MissingKey::Error) errorf("nil data; no entry for key " + goQuote(fieldName));
            return {};
        }
        const JsonValue& j = *receiver.json;
        if (j.isNull()) {
            // A field of a nil pointer the JSON omits: the typed run fails, and the CLI's rerun
            // on the raw JSON stops at the missing key.
            if (!receiver.omittedField.empty() && m_options.missingKey == MissingKey::Docker)
                errorf("map has no entry for key " + goQuote(receiver.omittedField));
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
            if (const JsonValue* omitted = j.findOmitted(fieldName)) {
                Value field = child(receiver, *omitted);
                field.omittedField = fieldName;
                return field;
            }
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
            return callBuiltin(name, argv, m_options);
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
};

}  // namespace

std::string executeTemplate(const Node& root, const std::string& text, const JsonValue& dot,
                            const TemplateOptions& options) {
    Executor executor(text, options);
    return executor.run(root, dot);
}

}  // namespace sim::gotemplate::detail
