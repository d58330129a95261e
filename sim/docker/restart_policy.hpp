// Restart policies (`--restart no|always|unless-stopped|on-failure[:N]`): what docker/cli's
// opts.ParseRestartPolicy makes of the flag, what the daemon's ValidateRestartPolicy (v25-27)
// accepts, and moby's restartmanager's decision after a main process ended (restartmanager.go:
// the first wait 100 ms, doubled at each exit up to a minute, back to 100 ms once a run lasted
// 10 s).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "sim/core/error.hpp"
#include "sim/core/sim_time.hpp"

namespace sim::docker {

enum class RestartPolicyName { No, Always, UnlessStopped, OnFailure };

/// HostConfig.RestartPolicy once the daemon accepted it.
struct RestartPolicy {
    RestartPolicyName name = RestartPolicyName::No;
    std::int64_t maximumRetryCount = 0;  // on-failure only; 0 is no limit

    /// "no", "always", "unless-stopped", "on-failure": RestartPolicy.Name in inspect.
    [[nodiscard]] std::string nameText() const;
    [[nodiscard]] bool isNone() const { return name == RestartPolicyName::No; }
    bool operator==(const RestartPolicy&) const = default;
};

/// `--restart` as the CLI splits it, before the daemon judges the name: NAME[:COUNT].
struct RestartPolicyRequest {
    std::string name;
    std::int64_t maximumRetryCount = 0;
    /// container.RestartPolicy.IsNone ("no" or ""): the only policies --rm goes with.
    [[nodiscard]] bool isNone() const { return name.empty() || name == "no"; }
};

/// opts.ParseRestartPolicy (docker/cli v25-27); COUNT is strconv.Atoi's. Errors are the CLI's:
/// `invalid restart policy format: no policy provided before colon`,
/// `invalid restart policy format: maximum retry count must be an integer`.
core::Result<RestartPolicyRequest> parseRestartPolicyFlag(std::string_view flag);

/// container.ValidateRestartPolicy, the daemon's words: `invalid restart policy: unknown policy
/// 'x'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'`, `invalid restart policy:
/// maximum retry count can only be used with 'on-failure'` (`... and cannot be negative`),
/// `invalid restart policy: maximum retry count cannot be negative`. An empty name is accepted
/// (older clients sent none) and is the "no" policy.
core::Result<RestartPolicy> validateRestartPolicy(const RestartPolicyRequest& request);

/// What the restart manager of one container remembers between exits. A user's start or restart
/// makes a new one (ResetRestartManager); so does the daemon's own restart.
struct RestartBackoff {
    core::Duration timeout = core::Duration::zero();  // the last wait; zero before the first
    bool canceled = false;  // ExitOnNext: a stop or kill asked that the exit not be restarted
};

/// ShouldRestart after an exit with `exitCode` of a run that lasted `ran`: the wait before the
/// restart, or nullopt when the policy lets the container stay exited. `restartCount` is the
/// restarts so far (on-failure:N stops at N). The backoff changes as moby's does, even when the
/// answer is no (but not for the "no" policy or a canceled manager).
std::optional<core::Duration> shouldRestart(const RestartPolicy& policy, RestartBackoff& backoff, std::int64_t restartCount,
                                            int exitCode, bool manuallyStopped, core::Duration ran);

}  // namespace sim::docker
