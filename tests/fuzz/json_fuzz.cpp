// JSON parsing (sim/core/json): any bytes either parse or give an error, and what parses prints
// as compact text that parses again to the same text.
#include "fuzz_input.hpp"
#include "sim/core/json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto value = sim::core::parseJson(fuzz::asText(data, size));
    if (!value) return 0;
    const std::string text = value->toCompactString();
    auto again = sim::core::parseJson(text);
    if (!again) fuzz::fail("the compact text of a parsed value does not parse");
    if (again->toCompactString() != text) fuzz::fail("compact text changes when parsed again");
    (void)value->toCompactString(false);
    return 0;
}
