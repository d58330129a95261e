// The lab-file loader (app/labs/lab_loader, yaml-cpp underneath): any text either gives a lab
// or a `file:line:column: ...` message, never a crash or an exception.
#include "fuzz_input.hpp"
#include "labs/lab_loader.hpp"

#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto lab = docknet::labs::parseLab(fuzz::asText(data, size), "fuzz.yaml");
    if (!lab && lab.error().message.rfind("fuzz.yaml", 0) != 0)
        fuzz::fail("a lab-file error does not start with the file's name");
    return 0;
}
