// The bridge driver's -o options (libnetwork drivers/bridge networkConfiguration.fromLabels,
// Docker 27): parsed with Go's strconv, refused with the driver's parseErr wording.
#include <algorithm>
#include <cctype>
#include <limits>

#include "sim/docker/docker_engine.hpp"

namespace sim::docker {

namespace {

constexpr const char* kIcc = "com.docker.network.bridge.enable_icc";
constexpr const char* kMasquerade = "com.docker.network.bridge.enable_ip_masquerade";
constexpr const char* kBridgeName = "com.docker.network.bridge.name";
constexpr const char* kHostBinding = "com.docker.network.bridge.host_binding_ipv4";
constexpr const char* kInhibitIpv4 = "com.docker.network.bridge.inhibit_ipv4";
constexpr const char* kMtu = "com.docker.network.driver.mtu";
constexpr const char* kIfacePrefix = "com.docker.network.container_iface_prefix";

core::Unexpected parseErr(const std::string& label, const std::string& value, const std::string& why) {
    return core::fail(core::ErrorCode::InvalidArgument, "failed to parse " + label + " value: " + value + " (" + why + ")");
}

std::string goQuoted(const std::string& s) { return "\"" + s + "\""; }

/// strconv.ParseBool.
std::optional<bool> goBool(const std::string& v) {
    if (v == "1" || v == "t" || v == "T" || v == "TRUE" || v == "true" || v == "True") return true;
    if (v == "0" || v == "f" || v == "F" || v == "FALSE" || v == "false" || v == "False") return false;
    return std::nullopt;
}

}  // namespace

core::Result<void> applyBridgeOptions(Network& n, const std::map<std::string, std::string>& options) {
    for (const auto& [key, value] : options) {
        if (key == kIcc || key == kMasquerade || key == kInhibitIpv4) {
            const auto b = goBool(value);
            if (!b) return parseErr(key, value, "strconv.ParseBool: parsing " + goQuoted(value) + ": invalid syntax");
            if (key == kIcc) n.icc = *b;
            else if (key == kMasquerade) n.masquerade = *b;
            else n.inhibitIpv4 = *b;
        } else if (key == kBridgeName) {
            n.bridgeName = value;
        } else if (key == kHostBinding) {
            auto ip = wire::Ipv4Address::parse(value);
            if (!ip) return parseErr(key, value, "nil ip");
            n.hostBindingIpv4 = *ip;
        } else if (key == kMtu) {
            // strconv.Atoi, then the driver's range check.
            std::string digits = value;
            const bool negative = !digits.empty() && (digits[0] == '-' || digits[0] == '+');
            if (negative) digits.erase(0, 1);
            if (digits.empty() || digits.size() > 18 ||
                !std::all_of(digits.begin(), digits.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }))
                return parseErr(key, value, "strconv.Atoi: parsing " + goQuoted(value) + ": invalid syntax");
            const long long mtu = std::stoll(digits) * (value[0] == '-' ? -1 : 1);
            if (mtu < 0 || mtu > std::numeric_limits<std::int32_t>::max())
                return core::fail(core::ErrorCode::InvalidArgument, "invalid MTU number: " + std::to_string(mtu));
            n.mtu = static_cast<std::uint32_t>(mtu);
        } else if (key == kIfacePrefix) {
            n.containerIfacePrefix = value;
        }
    }
    return {};
}

}  // namespace sim::docker
