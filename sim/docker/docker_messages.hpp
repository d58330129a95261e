// Docker's user-visible daemon messages, in one place, each with where it comes from
// (docker-facts.md, Docker <= 27 profile). The CLI adds "Error response from daemon: " or
// "docker: " around them.
#pragma once

#include <string>

#include "sim/core/error.hpp"

namespace sim::docker::msg {

using core::ErrorCode;
using core::fail;

inline core::Unexpected noSuchContainer(const std::string& ref) {
    return fail(ErrorCode::NotFound, "No such container: " + ref);  // daemon/container/view.go
}
inline core::Unexpected networkNotFound(const std::string& ref) {
    return fail(ErrorCode::NotFound, "network " + ref + " not found");  // ErrNoSuchNetwork
}
inline core::Unexpected nameInUse(const std::string& name, const std::string& id) {
    return fail(ErrorCode::Conflict, "Conflict. The container name \"/" + name + "\" is already in use by container \"" + id +
                                         "\". You have to remove (or rename) that container to be able to reuse that name.");
}
inline core::Unexpected networkNameExists(const std::string& name) {
    return fail(ErrorCode::Conflict, "network with name " + name + " already exists");
}
inline core::Unexpected predefinedNetworkCreate(const std::string& name) {
    return fail(ErrorCode::Unsupported, "operation is not permitted on predefined " + name + " network ");
}
inline core::Unexpected predefinedNetworkRemove(const std::string& name) {
    return fail(ErrorCode::Unsupported, name + " is a pre-defined network and cannot be removed");
}
inline core::Unexpected activeEndpoints(const std::string& name, const std::string& id) {
    return fail(ErrorCode::Conflict, "error while removing network: network " + name + " id " + id + " has active endpoints");
}
inline core::Unexpected removeRunning(const std::string& name, const std::string& state = "running") {
    return fail(ErrorCode::Conflict, "cannot remove container \"/" + name + "\": container is " + state +
                                         ": stop the container before removing or force remove");
}
inline core::Unexpected restarting(const std::string& id) {  // errContainerIsRestarting (exec)
    return fail(ErrorCode::Conflict, "Container " + id + " is restarting, wait until the container is running");
}
inline core::Unexpected notRunning(const std::string& id) {
    return fail(ErrorCode::Conflict, "Container " + id + " is not running");
}
inline core::Unexpected externalConnectivity(const std::string& endpointName, const std::string& endpointId,
                                              const std::string& cause) {
    return fail(ErrorCode::Conflict, "driver failed programming external connectivity on endpoint " + endpointName + " (" +
                                         endpointId + "): " + cause);
}
inline std::string portAllocated(const std::string& ip, int port) {
    return "Bind for " + ip + ":" + std::to_string(port) + " failed: port is already allocated";
}
/// docker-proxy's failed listen, as Go words the errno: "address already in use" (EADDRINUSE) or
/// "cannot assign requested address" (EADDRNOTAVAIL: no host interface has the address).
/// `ip` as Go prints the listen address: "0.0.0.0", "[::]" (tcp6 when `ipv6`).
inline std::string userlandProxy(const std::string& proto, const std::string& ip, int port,
                                 bool addressNotAvailable = false, bool ipv6 = false) {
    return "Error starting userland proxy: listen " + proto + (ipv6 ? "6 " : "4 ") + ip + ":" + std::to_string(port) +
           (addressNotAvailable ? ": bind: cannot assign requested address" : ": bind: address already in use");
}
inline const char* kHostPortsDiscarded = "Published ports are discarded when using host network mode";
inline const char* kHostLinks = "conflicting options: host type networking can't be used with links. This would result in undefined behavior";
inline const char* kContainerHostname = "conflicting options: hostname and the network mode";
inline const char* kContainerLinks = "conflicting options: container type network can't be used with links. This would result in undefined behavior";
inline const char* kContainerDns = "conflicting options: dns and the network mode";
inline const char* kNetworkModeMac = "conflicting options: mac-address and the network mode";
inline const char* kContainerExtraHosts = "conflicting options: custom host-to-IP mapping and the network mode";
inline const char* kContainerPublish = "conflicting options: port publishing and the container type network mode";
inline const char* kContainerExpose = "conflicting options: port exposing and the container type network mode";
inline const char* kContainerFormat = "Invalid network mode: invalid container format container:<name|id>";
inline const char* kSharedNamespaceConnect =
    "container sharing network namespace with another container or host cannot be connected to any other network";
inline const char* kNoneConnect =
    "container cannot be connected to multiple networks with one of the networks in private (none) mode";
inline const char* kHostNetworkConnect = "container cannot be disconnected from host network or connected to host network";
inline const char* kStaticIpDefault = "user specified IP address is supported on user defined networks only";
inline const char* kAliasDefault = "network-scoped alias is supported only for containers in user defined networks";

}  // namespace sim::docker::msg
