// TopologySnapshot: what the canvas draws, read off the simulated Docker host in one pass —
// the host, its bridges (one per bridge network), the containers with their interfaces and
// network mode, and the published ports. Plain C++ (no Qt), so layout and tests need no widget.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sim/core/ids.hpp"

namespace sim::cli {
class DockerHost;
}

namespace docknet::scene {

struct BridgeView {
    std::string networkId;
    std::string networkName;   // bridge, mybridge
    std::string bridgeName;    // docker0, br-4f1c2d3e5a6b
    std::string subnet;        // 172.17.0.0/16
    std::string gateway;       // 172.17.0.1
    sim::core::InterfaceId bridgeIf;
};

struct InterfaceView {
    std::string ifName;        // eth0
    std::string address;       // 172.17.0.2 (no prefix)
    std::string mac;
    std::string networkId;     // the bridge network it is plugged into
    std::string hostVeth;      // vethXXXXXXX
    sim::core::InterfaceId containerIf;
    sim::core::InterfaceId hostVethIf;
};

enum class NetworkModeView { Bridge, Host, None, Container };

struct ContainerView {
    std::string id;
    std::string name;
    std::string image;
    std::string status;        // `docker ps` STATUS: "Up 2 minutes", "Exited (1) 3 seconds ago"
    bool running = false;
    NetworkModeView mode = NetworkModeView::Bridge;
    std::string homeNetworkId; // Bridge mode: the network its card sits under (the first configured)
    std::string donorId;       // Container mode: whose namespace it shares
    std::vector<InterfaceView> interfaces;
    sim::core::NamespaceId ns; // the namespace its processes run in (the host's in host mode)
};

struct PortView {
    std::string key;           // "0.0.0.0:8080/tcp": the host side, unique per published port
    std::string hostIp;
    std::uint16_t hostPort = 0;
    std::string proto;         // tcp, udp
    std::string targetIp;
    std::uint16_t containerPort = 0;
    std::string containerId;
    bool alsoOnIpv6 = false;   // bound on [::] too, by a second docker-proxy
    bool ipv6Only = false;     // bound on [::] alone: docker-proxy, no DNAT rule
};

struct TopologySnapshot {
    std::string hostName;      // docker-host
    std::string hostAddress;   // 10.0.2.15/24
    std::string routerAddress; // 10.0.2.2
    sim::core::InterfaceId hostEth0;
    sim::core::InterfaceId routerIf;
    sim::core::NamespaceId hostNs;
    std::vector<BridgeView> bridges;        // network creation order
    std::vector<ContainerView> containers;  // creation order
    std::vector<PortView> ports;
};

TopologySnapshot snapshotOf(const sim::cli::DockerHost& lab);

}  // namespace docknet::scene
