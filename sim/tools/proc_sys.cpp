#include "sim/tools/proc_sys.hpp"

#include <algorithm>

#include "sim/net/kernel.hpp"
#include "sim/net/net_namespace.hpp"

namespace sim::tools {

namespace {

constexpr std::string_view kIpForward = "net.ipv4.ip_forward";
// br_netfilter's directory; it exists only once the module is loaded (dockerd loads it).
constexpr std::string_view kBridgeDir = "net.bridge";
constexpr std::string_view kBridgeNfCallIptables = "net.bridge.bridge-nf-call-iptables";

using Switches = net::NetNamespace::BrNetfilterSwitches;

/// br_netfilter's keys other than bridge-nf-call-iptables, in the kernel's (sorted) order.
struct BridgeKey {
    std::string_view name;
    bool Switches::*field;
};
constexpr BridgeKey kOtherBridgeKeys[] = {
    {"net.bridge.bridge-nf-call-arptables", &Switches::callArptables},
    {"net.bridge.bridge-nf-call-ip6tables", &Switches::callIp6tables},
    {"net.bridge.bridge-nf-filter-pppoe-tagged", &Switches::filterPppoeTagged},
    {"net.bridge.bridge-nf-filter-vlan-tagged", &Switches::filterVlanTagged},
    {"net.bridge.bridge-nf-pass-vlan-input-dev", &Switches::passVlanInputDev},
};

const BridgeKey* otherBridgeKey(std::string_view key) {
    for (const auto& k : kOtherBridgeKeys)
        if (k.name == key) return &k;
    return nullptr;
}

std::string normalised(std::string_view key) {
    std::string k(key);
    for (char& c : k)
        if (c == '/') c = '.';
    return k;
}

/// A directory's key: "net/bridge/" and "net.bridge" alike.
std::string directoryKey(std::string_view key) {
    std::string k = normalised(key);
    while (k.ends_with('.')) k.pop_back();
    return k;
}

bool isBridgeKey(std::string_view k) { return k == kBridgeNfCallIptables || otherBridgeKey(k) != nullptr; }

}  // namespace

std::optional<std::string> sysctlKeyOfPath(std::string_view path) {
    constexpr std::string_view prefix = "/proc/sys/";
    if (!path.starts_with(prefix)) return std::nullopt;
    return normalised(path.substr(prefix.size()));
}

std::vector<std::string> modelledSysctls() {
    std::vector<std::string> keys = {std::string(kBridgeNfCallIptables), std::string(kIpForward)};
    for (const auto& k : kOtherBridgeKeys) keys.emplace_back(k.name);
    std::sort(keys.begin(), keys.end());
    return keys;
}

std::optional<std::vector<std::string>> sysctlDirectory(const net::Kernel& kernel, std::string_view key) {
    if (directoryKey(key) != kBridgeDir || !kernel.brNetfilterLoaded()) return std::nullopt;
    std::vector<std::string> keys;
    for (const auto& k : modelledSysctls())
        if (k.starts_with(std::string(kBridgeDir) + ".")) keys.push_back(k);
    return keys;
}

bool isUnmodelledSysctlDirectory(std::string_view key) {
    const std::string k = directoryKey(key);
    if (k.empty() || k == kBridgeDir) return false;
    for (const auto& m : modelledSysctls())
        if (m.starts_with(k + ".")) return true;
    return false;
}

std::optional<std::string> readSysctl(const net::Kernel& kernel, core::NamespaceId ns, std::string_view key) {
    const std::string k = normalised(key);
    if (k == kIpForward) return std::string(kernel.ns(ns)->ipForward() ? "1" : "0");
    if (!kernel.brNetfilterLoaded()) return std::nullopt;
    if (k == kBridgeNfCallIptables) return std::string(kernel.ns(ns)->bridgeNfCallIptables() ? "1" : "0");
    if (const BridgeKey* b = otherBridgeKey(k)) return std::string(kernel.ns(ns)->brNetfilterSwitches().*(b->field) ? "1" : "0");
    return std::nullopt;
}

core::Result<void> writeSysctl(net::Kernel& kernel, core::NamespaceId ns, std::string_view key, std::string_view value) {
    const std::string k = normalised(key);
    const bool known = k == kIpForward || (isBridgeKey(k) && kernel.brNetfilterLoaded());
    if (!known) return core::fail(core::ErrorCode::NotFound, "No such file or directory");
    // proc_dointvec(_minmax): what `echo` writes ends with a newline. ip_forward takes 0..1;
    // br_netfilter's switches take any integer and store non-zero as 1 (brnf_sysctl_call_tables).
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
    const bool on = digits.find_first_not_of('0') != std::string_view::npos;
    if (k == kBridgeNfCallIptables) kernel.ns(ns)->setBridgeNfCallIptables(on);
    else kernel.ns(ns)->brNetfilterSwitches().*(otherBridgeKey(k)->field) = on;
    return {};
}

}  // namespace sim::tools
