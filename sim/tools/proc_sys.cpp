#include "sim/tools/proc_sys.hpp"

#include "sim/net/kernel.hpp"
#include "sim/net/net_namespace.hpp"

namespace sim::tools {

namespace {

constexpr std::string_view kIpForward = "net.ipv4.ip_forward";

std::string normalised(std::string_view key) {
    std::string k(key);
    for (char& c : k)
        if (c == '/') c = '.';
    return k;
}

}  // namespace

std::optional<std::string> sysctlKeyOfPath(std::string_view path) {
    constexpr std::string_view prefix = "/proc/sys/";
    if (!path.starts_with(prefix)) return std::nullopt;
    return normalised(path.substr(prefix.size()));
}

std::vector<std::string> modelledSysctls() { return {std::string(kIpForward)}; }

std::optional<std::string> readSysctl(const net::Kernel& kernel, core::NamespaceId ns, std::string_view key) {
    if (normalised(key) != kIpForward) return std::nullopt;
    return std::string(kernel.ns(ns)->ipForward() ? "1" : "0");
}

core::Result<void> writeSysctl(net::Kernel& kernel, core::NamespaceId ns, std::string_view key, std::string_view value) {
    if (normalised(key) != kIpForward) return core::fail(core::ErrorCode::NotFound, "No such file or directory");
    // proc_dointvec_minmax with 0..1: what `echo` writes ends with a newline.
    std::string_view v = value;
    while (!v.empty() && (v.back() == '\n' || v.back() == ' ')) v.remove_suffix(1);
    if (v != "0" && v != "1") return core::fail(core::ErrorCode::InvalidArgument, "Invalid argument");
    kernel.setIpForward(ns, v == "1");
    return {};
}

}  // namespace sim::tools
