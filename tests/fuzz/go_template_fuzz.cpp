// The Go-template engine (sim/gotemplate): parse the bytes as a template; what parses prints
// back as text that parses to the same text (toString's promise), and executes over a
// container-like dot without crashing, within its step and output bounds.
#include "fuzz_input.hpp"
#include "sim/core/json.hpp"
#include "sim/gotemplate/go_template.hpp"

namespace {

const char* const kDot = R"({"ID":"3f2a1b4c5d6e","Name":"/web","Names":["web","w"],"Ports":"0.0.0.0:8080->80/tcp",
"State":{"Running":true,"Pid":42,"ExitCode":0},"Config":{"Labels":{"a":"1","com.example":"x"},"Env":["A=1","B=2"]},
"NetworkSettings":{"Networks":{"bridge":{"IPAddress":"172.17.0.2","Gateway":"172.17.0.1","IPPrefixLen":16}}},
"Size":1.5e3,"Count":-7,"Nothing":null,"Empty":"","List":[1,2.5,"three",{"k":[true,false]}]})";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto tmpl = sim::gotemplate::GoTemplate::parse(fuzz::asText(data, size));
    if (!tmpl) return 0;
    const std::string printed = tmpl->toString();
    auto again = sim::gotemplate::GoTemplate::parse(printed);
    if (!again) fuzz::fail("a parsed template's toString() does not parse");
    if (again->toString() != printed) fuzz::fail("toString() changes when parsed again");

    auto dot = sim::core::parseJson(kDot);
    if (!dot) fuzz::fail("the fixed dot does not parse");
    sim::gotemplate::TemplateOptions options;
    options.maxOutputBytes = std::size_t{1} << 16;
    options.maxSteps = 20'000;
    options.methods.emplace("Label", sim::gotemplate::TemplateMethod{1, [](const std::vector<std::string>& args) {
                                return sim::core::JsonValue::string(args.at(0) == "a" ? "1" : "");
                            }});
    (void)tmpl->execute(*dot, options);
    (void)tmpl->executeKeepingPartial(*dot, options);
    options.missingKey = sim::gotemplate::MissingKey::NoValue;
    (void)tmpl->execute(*dot, options);
    return 0;
}
