// Where named network namespaces live: /run/netns/<name>, as iproute2's `ip netns` expects, so
// `ip netns exec docknet-nginx ip neigh` finds what docknet real made.
#pragma once

#include <string>

namespace docknet::real {

inline constexpr const char* kNetnsRunDir = "/run/netns";
inline constexpr const char* kNetnsEtcDir = "/etc/netns";

inline std::string netnsPath(const std::string& name) { return std::string(kNetnsRunDir) + "/" + name; }

/// Every namespace docknet makes, enters or removes is named docknet-<something>.
inline bool isDocknetName(const std::string& name) {
    return name.size() > 8 && name.rfind("docknet-", 0) == 0 && name.find('/') == std::string::npos && name != "docknet-." &&
           name != "docknet-..";
}

}  // namespace docknet::real
