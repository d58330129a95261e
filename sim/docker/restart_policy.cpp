#include "sim/docker/restart_policy.hpp"

#include <limits>

namespace sim::docker {

using core::ErrorCode;
using core::fail;

namespace {

constexpr core::Duration kFirstWait = core::millis(100);  // defaultTimeout
constexpr core::Duration kLongestWait = core::seconds(60);  // maxRestartTimeout
constexpr core::Duration kResetAfter = core::seconds(10);   // a run this long resets the backoff

/// strconv.Atoi for a 64-bit int: an optional sign, decimal digits, nothing else, in range.
std::optional<std::int64_t> goAtoi(std::string_view s) {
    bool negative = false;
    if (!s.empty() && (s.front() == '+' || s.front() == '-')) {
        negative = s.front() == '-';
        s.remove_prefix(1);
    }
    if (s.empty()) return std::nullopt;
    // Accumulated negatively so that the minimum int64 fits.
    std::int64_t v = 0;
    constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();
    for (const char ch : s) {
        if (ch < '0' || ch > '9') return std::nullopt;
        const int d = ch - '0';
        if (v < (kMin + d) / 10) return std::nullopt;
        v = v * 10 - d;
    }
    if (!negative) {
        if (v == kMin) return std::nullopt;
        v = -v;
    }
    return v;
}

}  // namespace

std::string RestartPolicy::nameText() const {
    switch (name) {
        case RestartPolicyName::No: return "no";
        case RestartPolicyName::Always: return "always";
        case RestartPolicyName::UnlessStopped: return "unless-stopped";
        case RestartPolicyName::OnFailure: return "on-failure";
    }
    return "no";
}

core::Result<RestartPolicyRequest> parseRestartPolicyFlag(std::string_view flag) {
    RestartPolicyRequest r;
    if (flag.empty()) return r;
    const auto colon = flag.find(':');
    const std::string_view name = flag.substr(0, colon);
    const std::string_view count = colon == std::string_view::npos ? std::string_view() : flag.substr(colon + 1);
    if (colon != std::string_view::npos && name.empty())
        return fail(ErrorCode::InvalidArgument, "invalid restart policy format: no policy provided before colon");
    if (!count.empty()) {
        const auto n = goAtoi(count);
        if (!n) return fail(ErrorCode::InvalidArgument, "invalid restart policy format: maximum retry count must be an integer");
        r.maximumRetryCount = *n;
    }
    r.name = std::string(name);
    return r;
}

core::Result<RestartPolicy> validateRestartPolicy(const RestartPolicyRequest& request) {
    const std::string& n = request.name;
    const std::int64_t count = request.maximumRetryCount;
    if (n.empty()) return RestartPolicy{};  // the backward-compatible "no", whatever the count
    if (n == "on-failure") {
        if (count < 0) return fail(ErrorCode::InvalidArgument, "invalid restart policy: maximum retry count cannot be negative");
        return RestartPolicy{RestartPolicyName::OnFailure, count};
    }
    RestartPolicyName name;
    if (n == "no") name = RestartPolicyName::No;
    else if (n == "always") name = RestartPolicyName::Always;
    else if (n == "unless-stopped") name = RestartPolicyName::UnlessStopped;
    else
        return fail(ErrorCode::InvalidArgument, "invalid restart policy: unknown policy '" + n +
                                                    "'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'");
    if (count != 0)
        return fail(ErrorCode::InvalidArgument,
                    std::string("invalid restart policy: maximum retry count can only be used with 'on-failure'") +
                        (count < 0 ? " and cannot be negative" : ""));
    return RestartPolicy{name, 0};
}

std::optional<core::Duration> shouldRestart(const RestartPolicy& policy, RestartBackoff& backoff, std::int64_t restartCount,
                                            int exitCode, bool manuallyStopped, core::Duration ran) {
    if (policy.isNone() || backoff.canceled) return std::nullopt;
    if (ran >= kResetAfter) backoff.timeout = core::Duration::zero();
    if (backoff.timeout == core::Duration::zero()) backoff.timeout = kFirstWait;
    else if (backoff.timeout < kLongestWait) backoff.timeout = backoff.timeout * 2;
    if (backoff.timeout > kLongestWait) backoff.timeout = kLongestWait;

    bool restart = false;
    switch (policy.name) {
        case RestartPolicyName::Always: restart = true; break;
        case RestartPolicyName::UnlessStopped: restart = !manuallyStopped; break;
        case RestartPolicyName::OnFailure:
            // MaximumRetryCount 0 enforces no maximum.
            if (policy.maximumRetryCount == 0 || restartCount < policy.maximumRetryCount) restart = exitCode != 0;
            break;
        case RestartPolicyName::No: break;
    }
    if (!restart) return std::nullopt;
    return backoff.timeout;
}

}  // namespace sim::docker
