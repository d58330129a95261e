// The Dockerfile parser and build (sim/docker/dockerfile*): any text either builds an image
// against the built-in catalog or fails with BuildKit's message; a build-arg and a target
// stage are given so ARG, ${...} and multi-stage paths run too.
#include "fuzz_input.hpp"
#include "sim/docker/dockerfile.hpp"
#include "sim/docker/image_catalog.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = fuzz::asText(data, size);
    sim::docker::ImageCatalog catalog;
    sim::docker::BuildOptions options;
    options.buildArgs = {{"VERSION", "1.2"}, {"EMPTY", ""}};
    auto built = sim::docker::buildAndStore(catalog, text, "fuzz:latest", options);
    if (built) {
        // The same build again is served from the cache and gives the same image.
        auto again = sim::docker::buildAndStore(catalog, text, "fuzz:latest", options);
        if (!again) fuzz::fail("a Dockerfile that built once fails the second time");
        if (again->image.id != built->image.id) fuzz::fail("the cached rebuild gives another image ID");
    } else {
        (void)sim::docker::lastLine(built.error().message);
    }
    options.target = "base";
    options.contextFiles = std::set<std::string>{"app.py", "requirements.txt"};
    (void)sim::docker::buildImage(catalog, text, "", options);
    return 0;
}
