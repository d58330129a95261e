// The restart policy's pieces on their own: opts.ParseRestartPolicy's split (strconv.Atoi's
// syntax), ValidateRestartPolicy's table (moby's TestValidateRestartPolicy), and the restart
// manager's backoff and decisions (restartmanager.go).
#include <catch2/catch.hpp>

#include "sim/docker/restart_policy.hpp"

using sim::docker::parseRestartPolicyFlag;
using sim::docker::RestartBackoff;
using sim::docker::RestartPolicy;
using sim::docker::RestartPolicyName;
using sim::docker::RestartPolicyRequest;
using sim::docker::shouldRestart;
using sim::docker::validateRestartPolicy;
namespace core = sim::core;

namespace {
std::string validationError(const std::string& name, std::int64_t count) {
    auto p = validateRestartPolicy(RestartPolicyRequest{name, count});
    return p ? std::string() : p.error().message;
}
}  // namespace

TEST_CASE("opts.ParseRestartPolicy splits NAME[:COUNT] as docker/cli does", "[docker][restart-policy]") {
    auto parsed = [](std::string_view flag) {
        auto r = parseRestartPolicyFlag(flag);
        REQUIRE(r);
        return std::pair{r->name, r->maximumRetryCount};
    };
    CHECK(parsed("") == std::pair{std::string(), std::int64_t{0}});
    CHECK(parsed("always") == std::pair{std::string("always"), std::int64_t{0}});
    CHECK(parsed("on-failure:3") == std::pair{std::string("on-failure"), std::int64_t{3}});
    CHECK(parsed("on-failure:") == std::pair{std::string("on-failure"), std::int64_t{0}});
    CHECK(parsed("on-failure:+007") == std::pair{std::string("on-failure"), std::int64_t{7}});
    CHECK(parsed("on-failure:-1") == std::pair{std::string("on-failure"), std::int64_t{-1}});
    CHECK(parsed("bogus:9223372036854775807").second == INT64_MAX);
    CHECK(parsed("x:-9223372036854775808").second == INT64_MIN);
    for (const char* bad : {"on-failure:x", "on-failure:1:2", "on-failure: 1", "on-failure:-", "on-failure:9223372036854775808",
                            "on-failure:1_0"})
        CHECK(parseRestartPolicyFlag(bad).error().message == "invalid restart policy format: maximum retry count must be an integer");
    CHECK(parseRestartPolicyFlag(":3").error().message == "invalid restart policy format: no policy provided before colon");
    CHECK(parseRestartPolicyFlag(":").error().message == "invalid restart policy format: no policy provided before colon");
    CHECK(RestartPolicyRequest{"no", 0}.isNone());
    CHECK(RestartPolicyRequest{"", 5}.isNone());
    CHECK_FALSE(RestartPolicyRequest{"bogus", 0}.isNone());
}

TEST_CASE("ValidateRestartPolicy answers as moby's table", "[docker][restart-policy]") {
    const std::string onlyOnFailure = "invalid restart policy: maximum retry count can only be used with 'on-failure'";
    CHECK(validationError("", 0).empty());
    CHECK(validationError("", 123).empty());  // backward compatibility
    CHECK(validationError("", -123).empty());
    for (const char* name : {"always", "unless-stopped", "no"}) {
        CHECK(validationError(name, 0).empty());
        CHECK(validationError(name, 123) == onlyOnFailure);
        CHECK(validationError(name, -123) == onlyOnFailure + " and cannot be negative");
    }
    CHECK(validationError("on-failure", 0).empty());
    CHECK(validationError("on-failure", 123).empty());
    CHECK(validationError("on-failure", -123) == "invalid restart policy: maximum retry count cannot be negative");
    CHECK(validationError("unknown", 0) ==
          "invalid restart policy: unknown policy 'unknown'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'");
    CHECK(*validateRestartPolicy({"on-failure", 5}) == RestartPolicy{RestartPolicyName::OnFailure, 5});
    CHECK(validateRestartPolicy({"unless-stopped", 0})->nameText() == "unless-stopped");
    CHECK(validateRestartPolicy({"", 7})->nameText() == "no");
}

TEST_CASE("the restart manager waits 100 ms, doubles up to a minute, resets after 10 s up", "[docker][restart-policy]") {
    const RestartPolicy always{RestartPolicyName::Always, 0};
    RestartBackoff b;
    std::vector<std::int64_t> waits;
    for (int i = 0; i < 12; ++i) waits.push_back(shouldRestart(always, b, i, 1, false, core::seconds(1))->micros() / 1000);
    CHECK(waits == std::vector<std::int64_t>{100, 200, 400, 800, 1600, 3200, 6400, 12800, 25600, 51200, 60000, 60000});
    CHECK(*shouldRestart(always, b, 12, 1, false, core::seconds(10)) == core::millis(100));
    CHECK(*shouldRestart(always, b, 13, 0, true, core::millis(9999)) == core::millis(200));  // always: even after a stop
    b.canceled = true;
    CHECK_FALSE(shouldRestart(always, b, 14, 1, false, core::seconds(1)));
    CHECK(b.timeout == core::millis(200));  // a canceled manager changes nothing

    RestartBackoff none;
    CHECK_FALSE(shouldRestart(RestartPolicy{}, none, 0, 1, false, core::seconds(1)));
    CHECK(none.timeout == core::Duration::zero());
}

TEST_CASE("unless-stopped and on-failure decide as ShouldRestart does", "[docker][restart-policy]") {
    const RestartPolicy unless{RestartPolicyName::UnlessStopped, 0};
    RestartBackoff b;
    CHECK(shouldRestart(unless, b, 0, 0, false, core::seconds(1)));
    CHECK_FALSE(shouldRestart(unless, b, 0, 0, true, core::seconds(1)));
    CHECK(b.timeout == core::millis(200));  // the backoff moves even when the answer is no

    const RestartPolicy onFailure3{RestartPolicyName::OnFailure, 3};
    RestartBackoff f;
    CHECK_FALSE(shouldRestart(onFailure3, f, 0, 0, false, core::seconds(1)));  // a clean exit
    CHECK(shouldRestart(onFailure3, f, 0, 137, true, core::seconds(1)));       // any non-zero status
    CHECK(shouldRestart(onFailure3, f, 2, 1, false, core::seconds(1)));
    CHECK_FALSE(shouldRestart(onFailure3, f, 3, 1, false, core::seconds(1)));  // the third restart was the last
    const RestartPolicy onFailure{RestartPolicyName::OnFailure, 0};
    CHECK(shouldRestart(onFailure, f, 1000000, 2, false, core::seconds(1)));  // no maximum
}
