#include "sim/tools/proc_sys.hpp"

#include "sim/net/kernel.hpp"
#include "sim/net/net_namespace.hpp"

namespace sim::tools {

namespace {

constexpr std::string_view kIpForward = "net.ipv4.ip_forward";
// br_netfilter's switch; the file exists only once the module is loaded (dockerd loads it).
constexpr std::string_view kBridgeNfCallIptables = "net.bridge.bridge-nf-call-iptables";

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

std::vector<std::string> modelledSysctls() { return {std::string(kBridgeNfCallIptables), std::string(kIpForward)}; }

std::optional<std::string> readSysctl(const net::Kernel& kernel, core::NamespaceId ns, std::string_view key) {
    const std::string k = normalised(key);
    if (k == kIpForward) return std::string(kernel.ns(ns)->ipForward() ? "1" : "0");
    if (k == kBridgeNfCallIptables && kernel.brNetfilterLoaded())
        return std::string(kernel.ns(ns)->bridgeNfCallIptables() ? "1" : "0");
    return std::nullopt;
}

core::Result<void> writeSysctl(net::Kernel& kernel, core::NamespaceId ns, std::string_view key, std::string_view value) {
    const std::string k = normalised(key);
    const bool known = k == kIpForward || (k == kBridgeNfCallIptables && kernel.brNetfilterLoaded());
    if (!known) return core::fail(core::ErrorCode::NotFound, "No such file or directory");
    // proc_dointvec(_minmax): what `echo` writes ends with a newline. ip_forward takes 0..1;
    // br_netfilter's switches take any integer and treat non-zero as on (brnf_sysctl_call_tables).
    std::string_view v = value;
    while (!v.empty() && (v.back() == '\n' || v.back() == ' ')) v.remove_suffix(1);
    if (k == kIpForward) {
        if (v != "0" && v != "1") return core::fail(core::ErrorCode::InvalidArgument, "Invalid argument");
        kernel.setIpForward(ns, v == "1");
        return {};
    }
    std::string_view digits = v.starts_with('-') ? v.substr(1) : v;
    if (digits.empty() || digits.find_first_not_of("0123456789") != std::string_view::npos)
        return core::fail(core::ErrorCode::InvalidArgument, "Invalid argument");
    kernel.ns(ns)->setBridgeNfCallIptables(digits.find_first_not_of('0') != std::string_view::npos);
    return {};
}

}  // namespace sim::tools
