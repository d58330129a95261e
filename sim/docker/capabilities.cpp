#include "sim/docker/capabilities.hpp"

#include <algorithm>
#include <cctype>

#include "sim/docker/container.hpp"

namespace sim::docker {

const std::vector<std::string>& allCapabilities() {
    // capability.ListKnown() (moby/sys/capability) on a current kernel, in number order.
    static const std::vector<std::string> all = {
        "CAP_CHOWN",           "CAP_DAC_OVERRIDE",   "CAP_DAC_READ_SEARCH", "CAP_FOWNER",          "CAP_FSETID",
        "CAP_KILL",            "CAP_SETGID",         "CAP_SETUID",          "CAP_SETPCAP",         "CAP_LINUX_IMMUTABLE",
        "CAP_NET_BIND_SERVICE", "CAP_NET_BROADCAST", "CAP_NET_ADMIN",       "CAP_NET_RAW",         "CAP_IPC_LOCK",
        "CAP_IPC_OWNER",       "CAP_SYS_MODULE",     "CAP_SYS_RAWIO",       "CAP_SYS_CHROOT",      "CAP_SYS_PTRACE",
        "CAP_SYS_PACCT",       "CAP_SYS_ADMIN",      "CAP_SYS_BOOT",        "CAP_SYS_NICE",        "CAP_SYS_RESOURCE",
        "CAP_SYS_TIME",        "CAP_SYS_TTY_CONFIG", "CAP_MKNOD",           "CAP_LEASE",           "CAP_AUDIT_WRITE",
        "CAP_AUDIT_CONTROL",   "CAP_SETFCAP",        "CAP_MAC_OVERRIDE",    "CAP_MAC_ADMIN",       "CAP_SYSLOG",
        "CAP_WAKE_ALARM",      "CAP_BLOCK_SUSPEND",  "CAP_AUDIT_READ",      "CAP_PERFMON",         "CAP_BPF",
        "CAP_CHECKPOINT_RESTORE",
    };
    return all;
}

const std::vector<std::string>& defaultCapabilities() {
    static const std::vector<std::string> defaults = {
        "CAP_CHOWN",  "CAP_DAC_OVERRIDE", "CAP_FSETID",           "CAP_FOWNER",     "CAP_MKNOD",
        "CAP_NET_RAW", "CAP_SETGID",      "CAP_SETUID",           "CAP_SETFCAP",    "CAP_SETPCAP",
        "CAP_NET_BIND_SERVICE", "CAP_SYS_CHROOT", "CAP_KILL", "CAP_AUDIT_WRITE",
    };
    return defaults;
}

core::Result<std::vector<std::string>> normalizeCapabilities(const std::vector<std::string>& caps) {
    std::vector<std::string> out;
    const auto& known = allCapabilities();
    for (std::string c : caps) {
        std::transform(c.begin(), c.end(), c.begin(), [](unsigned char ch) { return std::toupper(ch); });
        if (c == "ALL") {
            out.push_back(c);
            continue;
        }
        if (!c.starts_with("CAP_")) c = "CAP_" + c;
        if (std::find(known.begin(), known.end(), c) == known.end())
            return core::fail(core::ErrorCode::InvalidArgument, "unknown capability: \"" + c + "\"");
        out.push_back(c);
    }
    return out;
}

core::Result<void> validateCapabilities(const ContainerConfig& cfg) {
    if (auto add = normalizeCapabilities(cfg.capAdd); !add)
        return core::fail(core::ErrorCode::InvalidArgument, "invalid CapAdd: " + add.error().message);
    if (auto drop = normalizeCapabilities(cfg.capDrop); !drop)
        return core::fail(core::ErrorCode::InvalidArgument, "invalid CapDrop: " + drop.error().message);
    return {};
}

std::set<std::string> effectiveCapabilities(const ContainerConfig& cfg) {
    const auto& all = allCapabilities();
    if (cfg.privileged) return {all.begin(), all.end()};
    const auto adds = normalizeCapabilities(cfg.capAdd).value_or(std::vector<std::string>{});
    const auto drops = normalizeCapabilities(cfg.capDrop).value_or(std::vector<std::string>{});
    auto has = [](const std::vector<std::string>& v, const std::string& c) { return std::find(v.begin(), v.end(), c) != v.end(); };
    if (has(drops, "ALL") && !has(adds, "ALL")) return {adds.begin(), adds.end()};
    std::vector<std::string> base = has(adds, "ALL") ? all : defaultCapabilities();
    std::set<std::string> out;
    for (const auto& c : base)
        if (!has(drops, c)) out.insert(c);
    for (const auto& c : adds)
        if (c != "ALL") out.insert(c);
    return out;
}

}  // namespace sim::docker
