// Issue 10 (a sibling of the ps filters): `docker images REPOSITORY[:TAG]` and `--filter` as moby
// v27's daemon/images Images filters them — reference (Go's path.Match), dangling, label, before,
// since, until — with the daemon's refusals. Both were accepted and ignored.
#include <catch2/catch.hpp>

#include <algorithm>
#include <sstream>
#include <vector>

#include "cli/typed_host.hpp"
#include "sim/cli/image_filters.hpp"

namespace {

std::string repos(TypedHost& h, const std::string& args) {
    auto [out, code] = h.run("docker images " + args + " --format '{{.Repository}}:{{.Tag}}'");
    INFO(out);
    REQUIRE(code == 0);
    return out;
}

}  // namespace

TEST_CASE("Go's path.Match as the reference filter uses it", "[cli][images]") {
    using sim::cli::goPathMatch;
    CHECK(*goPathMatch("alpine", "alpine"));
    CHECK_FALSE(*goPathMatch("alp", "alpine"));
    CHECK(*goPathMatch("al*", "alpine"));
    CHECK(*goPathMatch("*:latest", "alpine:latest"));
    CHECK(*goPathMatch("a?pine", "alpine"));
    CHECK(*goPathMatch("[a-c]lpine", "alpine"));
    CHECK_FALSE(*goPathMatch("[^a]lpine", "alpine"));
    CHECK_FALSE(*goPathMatch("*", "me/app"));  // a star stops at '/'
    CHECK(*goPathMatch("me/*", "me/app"));
    CHECK(*goPathMatch("\\*", "*"));
    CHECK(goPathMatch("[", "a").error().message == "syntax error in pattern");
    CHECK_FALSE(goPathMatch("x[", "alpine"));  // checked after the mismatch too
    CHECK_FALSE(goPathMatch("a\\", "a"));
}

TEST_CASE("docker images REPOSITORY and the reference, dangling, label filters", "[cli][images]") {
    TypedHost h;
    REQUIRE(h.run("docker pull -q alpine").second == 0);
    REQUIRE(h.run("docker pull -q nginx").second == 0);
    REQUIRE(h.run("docker pull -q busybox").second == 0);
    const std::string all = repos(h, "");
    CHECK(all.find("alpine:latest\n") != std::string::npos);
    CHECK(repos(h, "alpine") == "alpine:latest\n");
    CHECK(repos(h, "alpine:latest") == "alpine:latest\n");
    CHECK(repos(h, "alpine:3.1").empty());
    CHECK(repos(h, "--filter reference=alpine") == "alpine:latest\n");
    CHECK(repos(h, "-f reference='*:latest'") == all);
    CHECK(repos(h, "-f reference=a* -f reference=b*") == repos(h, "-f reference='[ab]*'"));
    CHECK(repos(h, "-q -f reference=nginx").empty() == false);
    CHECK(repos(h, "--filter dangling=true").empty());
    CHECK(repos(h, "--filter dangling=false") == all);
    CHECK(repos(h, "--filter label=nope").empty());
    CHECK(h.run("docker images --filter dangling=maybe").first == "Error response from daemon: invalid filter 'dangling=[maybe]'\n");
    CHECK(h.run("docker images --filter reference='['").first == "Error response from daemon: syntax error in pattern\n");
    CHECK(h.run("docker images --filter colour=red").first == "Error response from daemon: invalid filter 'colour'\n");
    CHECK(h.run("docker images --filter before=redis").first == "Error response from daemon: No such image: redis:latest\n");
    const auto [bad, badCode] = h.run("docker images -f dangling");
    CHECK(bad ==
          "invalid argument \"dangling\" for \"-f, --filter\" flag: bad format of filter (expected name=value)\nSee 'docker images --help'.\n");
    CHECK(badCode == 125);
}

TEST_CASE("docker images before, since and until compare creation times", "[cli][images]") {
    TypedHost h;
    REQUIRE(h.run("docker pull -q alpine").second == 0);
    REQUIRE(h.run("docker pull -q nginx").second == 0);
    REQUIRE(h.run("docker pull -q busybox").second == 0);
    // Order the three by their creation dates, oldest first.
    std::vector<std::pair<std::string, std::string>> byDate;
    std::istringstream lines(h.run("docker images --format '{{.CreatedAt}}|{{.Repository}}'").first);
    for (std::string line; std::getline(lines, line);) byDate.emplace_back(line.substr(0, line.find('|')), line.substr(line.find('|') + 1));
    REQUIRE(byDate.size() == 3);
    std::sort(byDate.begin(), byDate.end());
    REQUIRE(byDate[0].first < byDate[1].first);
    REQUIRE(byDate[1].first < byDate[2].first);
    const std::string oldest = byDate[0].second, middle = byDate[1].second, newest = byDate[2].second;
    CHECK(h.run("docker images --format '{{.Repository}}' --filter before=" + middle).first == oldest + "\n");
    CHECK(h.run("docker images --format '{{.Repository}}' --filter since=" + middle).first == newest + "\n");
    CHECK(h.run("docker images -q --filter since=" + newest).first.empty());
    CHECK(h.run("docker images --format '{{.Repository}}' --filter until=2000-01-01").first.empty());
    CHECK(h.run("docker images --format '{{.Repository}}' --filter until=1h").first.size() > 0);
}
