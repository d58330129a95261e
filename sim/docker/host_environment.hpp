// HostEnvironment: the machine Docker runs on, as a lab needs it. Namespace "host" (the Docker
// host's own network stack: lo, eth0 10.0.2.15/24, default route via 10.0.2.2, ip_forward on)
// and namespace "gateway" standing for the LAN router and the Internet beyond it: it answers
// on 10.0.2.2, runs the LAN's DNS resolver on 10.0.2.3 (a small fixed zone: example.com,
// google.com, dns.google, one.one.one.one; NXDOMAIN for anything else) and owns the public
// addresses of that zone, so `ping 8.8.8.8` and `ping google.com` from a container work as on
// a connected host. The host's /etc/hosts, /etc/resolv.conf and hostname live here too.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "sim/core/ids.hpp"
#include "sim/docker/package_manager.hpp"
#include "sim/net/kernel.hpp"
#include "sim/wire/ipv4_address.hpp"

namespace sim::docker {

class HostEnvironment {
public:
    HostEnvironment(net::Kernel& kernel, std::string hostName);

    [[nodiscard]] core::NamespaceId hostNs() const { return m_host; }
    [[nodiscard]] core::NamespaceId gatewayNs() const { return m_gateway; }
    [[nodiscard]] const std::string& hostName() const { return m_hostName; }
    [[nodiscard]] wire::Ipv4Address hostAddress() const { return m_hostAddress; }
    [[nodiscard]] wire::Ipv4Address upstreamDns() const { return m_upstreamDns; }
    /// The machine's online CPUs: docker info's NCPU, the bound of --cpus.
    static constexpr int kCpus = 2;
    /// The host's kernel (Debian 12's): docker info's Kernel Version, and what every container
    /// sees, since containers share it (nginx logs it at start).
    static constexpr std::string_view kKernelRelease = "6.1.0-26-amd64";
    /// The host's files, as a host-mode container sees them.
    [[nodiscard]] std::string etcHosts() const;
    [[nodiscard]] std::string resolvConf() const;
    /// The upstream resolver's zone (name -> address).
    [[nodiscard]] const std::map<std::string, wire::Ipv4Address>& zone() const { return m_zone; }
    /// The host is Debian 12 (bookworm) with Docker installed: its packages, for `apt-get` typed
    /// on it (its package lists are current). Every modelled tool runs on the host; packages only
    /// decide what apt says it installs.
    [[nodiscard]] InstalledSoftware& software() { return m_software; }

private:
    void startUpstreamDns(net::Kernel& kernel);

    std::string m_hostName;
    core::NamespaceId m_host;
    core::NamespaceId m_gateway;
    wire::Ipv4Address m_hostAddress;
    wire::Ipv4Address m_upstreamDns;
    std::map<std::string, wire::Ipv4Address> m_zone;
    InstalledSoftware m_software;
};

}  // namespace sim::docker
