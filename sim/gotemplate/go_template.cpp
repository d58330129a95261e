// GoTemplate: parse and execute, turning the exceptions the implementation throws (see
// go_template_internal.hpp) into Results.
#include "sim/gotemplate/go_template.hpp"

#include "sim/gotemplate/go_template_internal.hpp"

namespace sim::gotemplate {

using core::JsonValue;

core::Result<GoTemplate> GoTemplate::parse(std::string_view text) {
    GoTemplate t;
    t.m_text = std::make_shared<const std::string>(text);
    try {
        t.m_root = std::shared_ptr<const detail::TemplateNode>(detail::parseTemplate(*t.m_text));
    } catch (const detail::ParseFailure& e) {
        return core::fail(core::ErrorCode::InvalidArgument, e.message);
    }
    return t;
}

core::Result<std::string> GoTemplate::execute(const JsonValue& dot, const TemplateOptions& options) const {
    try {
        return detail::executeTemplate(*m_root, *m_text, dot, options);
    } catch (const detail::ExecFailure& e) {
        return core::fail(e.code, e.message);
    }
}

std::string GoTemplate::executeKeepingPartial(const JsonValue& dot, const TemplateOptions& options) const {
    try {
        return detail::executeTemplate(*m_root, *m_text, dot, options);
    } catch (const detail::ExecFailure& e) {
        return e.partialOutput;
    }
}

std::string GoTemplate::toString() const { return detail::nodeString(*m_root); }

}  // namespace sim::gotemplate
