#include "sim/docker/host_environment.hpp"

#include "sim/docker/internet_zone.hpp"

#include "sim/net/transport_layer.hpp"

namespace sim::docker {

namespace {
wire::Ipv4Prefix prefix(const char* s) { return *wire::Ipv4Prefix::parse(s); }
wire::Ipv4Address address(const char* s) { return *wire::Ipv4Address::parse(s); }

std::string lowerNoDot(std::string name) {
    for (auto& ch : name) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (!name.empty() && name.back() == '.') name.pop_back();
    return name;
}
}  // namespace

HostEnvironment::HostEnvironment(net::Kernel& kernel, std::string hostName) : m_hostName(std::move(hostName)) {
    m_hostAddress = address("10.0.2.15");
    m_upstreamDns = address("10.0.2.3");
    m_zone = internetZone();

    // A standard bookworm install plus docker-ce's dependencies (iptables); no bridge-utils.
    m_software.aptListsPresent = true;
    m_software.packages = {"ca-certificates", "curl", "iproute2", "iptables", "iputils-ping", "libatm1", "libbpf1",
                           "libcap2-bin", "libcurl4", "libelf1", "libip4tc2", "libip6tc2", "libmnl0",
                           "libnetfilter-conntrack3", "libnfnetlink0", "netbase", "libnftnl11", "libpam-cap", "libxtables12",
                           "openssl", "procps", "wget"};

    m_host = *kernel.createNamespace("host");
    m_gateway = *kernel.createNamespace("gateway");
    (void)kernel.setUp(kernel.ns(m_host)->loopback(), true);
    (void)kernel.setUp(kernel.ns(m_gateway)->loopback(), true);

    // A QEMU-style uplink: the host's eth0 on 10.0.2.0/24 with the router at .2.
    auto link = *kernel.createVethPair(m_host, "eth0", m_gateway, "eth0", *wire::MacAddress::parse("52:54:00:12:34:56"),
                                       *wire::MacAddress::parse("52:55:0a:00:02:02"));
    kernel.interface(link.first)->physicalNic = true;
    (void)kernel.addAddress(link.first, wire::Ipv4Prefix(m_hostAddress, 24));
    (void)kernel.addAddress(link.second, prefix("10.0.2.2/24"));
    (void)kernel.addAddress(link.second, prefix("10.0.2.3/24"));
    (void)kernel.setUp(link.first, true);
    (void)kernel.setUp(link.second, true);
    (void)kernel.addRoute(m_host, net::Route::defaultVia(address("10.0.2.2"), link.first));
    kernel.setIpForward(m_host, true);
    kernel.setIpForward(m_gateway, true);

    // The Internet's addresses live on the router's lo, so they answer pings.
    const core::InterfaceId lo = kernel.ns(m_gateway)->loopback();
    for (const auto& [name, a] : m_zone) {
        if (!kernel.interface(lo)->hasAddress(a)) (void)kernel.addAddress(lo, wire::Ipv4Prefix(a, 32));
    }
    for (const char* extra : {"8.8.4.4", "1.0.0.1"}) (void)kernel.addAddress(lo, wire::Ipv4Prefix(address(extra), 32));
    startUpstreamDns(kernel);
}

void HostEnvironment::startUpstreamDns(net::Kernel& kernel) {
    const core::NamespaceId ns = m_gateway;
    const auto zone = m_zone;
    const wire::Ipv4Address self = m_upstreamDns;
    net::Kernel* k = &kernel;
    (void)kernel.transport().bind(
        ns, net::Transport::Udp, self, 53, "dnsmasq",
        [k, ns, zone, self](wire::Ipv4Address src, const wire::UdpDatagram& udp) {
            const auto* query = std::get_if<wire::DnsMessage>(&udp.payload);
            if (!query || query->isResponse || query->questions.empty()) return;
            const auto& q = query->questions.front();
            std::vector<wire::DnsAnswer> answers;
            wire::DnsRcode rcode = wire::DnsRcode::NxDomain;
            // The zone holds forward names only: every PTR query (a reverse lookup) is NXDOMAIN.
            const auto it = q.type == wire::kDnsTypePtr ? zone.end() : zone.find(lowerNoDot(q.name));
            if (it != zone.end()) {
                rcode = wire::DnsRcode::NoError;
                if (q.type == 1) answers.push_back(wire::DnsAnswer{q.name, it->second, 300});
            }
            (void)k->transport().sendUdp(ns, src, 53, udp.srcPort, wire::DnsMessage::answer(*query, answers, rcode), self);
        });
}

std::string HostEnvironment::etcHosts() const {
    return "127.0.0.1\tlocalhost\n127.0.1.1\t" + m_hostName +
           "\n\n# The following lines are desirable for IPv6 capable hosts\n::1     localhost ip6-localhost ip6-loopback\n"
           "ff02::1 ip6-allnodes\nff02::2 ip6-allrouters\n";
}

std::string HostEnvironment::resolvConf() const { return "nameserver " + m_upstreamDns.toString() + "\n"; }

}  // namespace sim::docker
