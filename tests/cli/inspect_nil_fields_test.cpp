// Issue 10: docker inspect's templates run on moby's typed structs, so a field the JSON omits
// (omitempty) still has its Go value there: a nil pointer prints <nil> (HostConfig.Init without
// --init), a nil map map[], an empty string nothing; the JSON itself leaves them out. Pointer
// fields without omitempty (OomKillDisable, PidsLimit, MemorySwappiness) are null in both.
#include <catch2/catch.hpp>

#include "cli/typed_host.hpp"

namespace {

std::string format(TypedHost& h, const std::string& tpl, const std::string& container = "c1") {
    auto [out, code] = h.run("docker inspect -f '" + tpl + "' " + container);
    INFO(out);
    REQUIRE(code == 0);
    return out;
}

}  // namespace

TEST_CASE("inspect templates read omitted nil pointers as <nil> and the JSON leaves them out", "[cli][inspect]") {
    TypedHost h;
    REQUIRE(h.run("docker pull -q alpine").second == 0);
    REQUIRE(h.run("docker run -d --name c1 alpine sleep 1000").second == 0);
    REQUIRE(h.run("docker run -d --init --name i1 alpine sleep 1000").second == 0);
    CHECK(format(h, "{{.HostConfig.Init}}") == "<nil>\n");
    CHECK(format(h, "{{.HostConfig.Init}}", "i1") == "true\n");
    CHECK(format(h, "{{json .HostConfig.Init}}") == "null\n");
    CHECK(format(h, "{{if .HostConfig.Init}}init{{else}}no init{{end}}") == "no init\n");
    CHECK(format(h, "{{.HostConfig.OomKillDisable}} {{.HostConfig.PidsLimit}} {{.HostConfig.MemorySwappiness}}") ==
          "<nil> <nil> <nil>\n");
    CHECK(format(h, "{{.State.Health}} {{.Config.Healthcheck}} {{.Config.StopTimeout}} {{.SizeRw}}") ==
          "<nil> <nil> <nil> <nil>\n");
    CHECK(format(h, "[{{.Config.StopSignal}}] {{.Config.ExposedPorts}} {{.HostConfig.Sysctls}} {{.HostConfig.KernelMemory}}") ==
          "[] map[] map[] 0\n");
    // Past a nil pointer the typed run fails, and the CLI's rerun on the raw JSON stops at the key
    // (its empty output flushed as one newline first).
    const auto [health, code] = h.run("docker inspect -f '{{.State.Health.Status}}' c1");
    CHECK(health == "\ntemplate parsing error: template: :1:8: executing \"\" at <.State.Health.Status>: map has no entry for key \"Health\"\n");
    CHECK(code == 1);
    // A field no struct has is still an error.
    CHECK(h.run("docker inspect -f '{{.HostConfig.Nope}}' c1").second == 1);

    // The JSON: omitempty fields absent, plain pointers null.
    const std::string json = h.run("docker inspect c1").first;
    CHECK(json.find("\"Init\"") == std::string::npos);
    CHECK(json.find("\"Health\"") == std::string::npos);
    CHECK(json.find("\"KernelMemory\"") == std::string::npos);
    CHECK(json.find("\"SizeRw\"") == std::string::npos);
    CHECK(json.find("\"OomKillDisable\": null,") != std::string::npos);
    CHECK(json.find("\"PidsLimit\": null,") != std::string::npos);
    CHECK(format(h, "{{json .HostConfig}}").find("Init") == std::string::npos);
    CHECK(h.run("docker inspect i1").first.find("\"Init\": true") != std::string::npos);
    // -s adds the sizes, after GraphDriver.
    const std::string sized = h.run("docker inspect -s c1").first;
    CHECK(sized.find("\"SizeRw\": 0,\n        \"SizeRootFs\": ") != std::string::npos);
    CHECK(sized.find("\"GraphDriver\"") < sized.find("\"SizeRw\""));
    CHECK(sized.find("\"SizeRootFs\"") < sized.find("\"Mounts\""));
    CHECK(h.run("docker inspect -s -f '{{.SizeRw}}' c1").first == "0\n");
}
