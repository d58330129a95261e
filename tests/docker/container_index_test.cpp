#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "sim/docker/docker_engine.hpp"
#include "sim/net/kernel.hpp"

using sim::docker::ContainerConfig;
using sim::docker::DockerEngine;

namespace {

std::string create(DockerEngine& engine, const std::string& name) {
    ContainerConfig cfg;
    cfg.name = name;
    cfg.image = "alpine";
    std::vector<std::string> warnings;
    auto id = engine.create(cfg, warnings);
    REQUIRE(id);
    return *id;
}

}  // namespace

TEST_CASE("Containers are found by name, full id and unique id prefix through the index", "[docker][index]") {
    sim::net::Kernel kernel;
    DockerEngine engine(kernel);
    const std::string a = create(engine, "a1");
    const std::string b = create(engine, "b1");
    CHECK(engine.findContainer("a1")->id == a);
    CHECK(engine.findContainer("/a1")->id == a);
    CHECK(engine.findContainer(a)->name == "a1");
    CHECK(engine.findContainer(b.substr(0, 12))->name == "b1");
    CHECK(engine.findContainer("") == nullptr);
    CHECK(engine.findContainer("nope") == nullptr);

    SECTION("a prefix two ids share is ambiguous") {
        std::size_t common = 0;
        while (common < a.size() && a[common] == b[common]) ++common;
        if (common > 0) CHECK(engine.findContainer(a.substr(0, common)) == nullptr);
    }
    SECTION("a name wins over an id prefix") {
        const std::string c = create(engine, b.substr(0, 4));
        CHECK(engine.findContainer(b.substr(0, 4))->id == c);
    }
    SECTION("rename moves the name, remove forgets both") {
        REQUIRE(engine.rename("a1", "a2"));
        CHECK(engine.findContainer("a1") == nullptr);
        CHECK(engine.findContainer("a2")->id == a);
        std::vector<std::string> warnings;
        ContainerConfig again;
        again.name = "a1";
        again.image = "alpine";
        CHECK(engine.create(again, warnings));  // the old name is free again
        CHECK_FALSE(engine.create(again, warnings));  // and now in use
        REQUIRE(engine.remove("a2", false));
        CHECK(engine.findContainer("a2") == nullptr);
        CHECK(engine.findContainer(a) == nullptr);
        CHECK(engine.findContainer(a.substr(0, 12)) == nullptr);
    }
}
