// Port-spec parsing: a line-by-line port of go-connections nat.ParsePortSpec / ParsePortRange
// (docker/go-connections:nat/nat.go, nat/parse.go and docker/cli's vendored copy), checked
// against the source.
#include "sim/docker/port_spec.hpp"

#include <cctype>

#include "sim/wire/ipv6_address.hpp"

namespace sim::docker {

namespace {

using core::ErrorCode;
using core::fail;

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = char(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

/// strconv.ParseUint(s, 10, 16): digits only (no sign, no underscores), value <= 65535.
/// The error text is Go's (used verbatim by --expose's message).
core::Result<std::uint16_t> parseUint16(std::string_view s) {
    const std::string quoted = "strconv.ParseUint: parsing \"" + std::string(s) + "\": ";
    if (s.empty()) return fail(ErrorCode::InvalidArgument, quoted + "invalid syntax");
    std::uint32_t v = 0;
    bool overflow = false;
    for (char c : s) {
        if (c < '0' || c > '9') return fail(ErrorCode::InvalidArgument, quoted + "invalid syntax");
        if (!overflow) {
            v = v * 10 + std::uint32_t(c - '0');
            if (v > 65535) overflow = true;
        }
    }
    if (overflow) return fail(ErrorCode::InvalidArgument, quoted + "value out of range");
    return std::uint16_t(v);
}

/// nat.ParsePortRange: "80" or "8000-9000" (only the first two '-' fields are read, as Go's
/// strings.Split + parts[0]/parts[1] does).
core::Result<std::pair<std::uint16_t, std::uint16_t>> parsePortRange(std::string_view ports) {
    if (ports.empty()) return fail(ErrorCode::InvalidArgument, "empty string specified for ports");
    const auto dash = ports.find('-');
    if (dash == std::string_view::npos) {
        auto v = parseUint16(ports);
        if (!v) return std::unexpected(v.error());
        return std::pair{*v, *v};
    }
    std::string_view first = ports.substr(0, dash);
    std::string_view rest = ports.substr(dash + 1);
    std::string_view second = rest.substr(0, rest.find('-'));
    auto start = parseUint16(first);
    if (!start) return std::unexpected(start.error());
    auto end = parseUint16(second);
    if (!end) return std::unexpected(end.error());
    if (*end < *start) return fail(ErrorCode::InvalidArgument, "invalid range specified for port: " + std::string(ports));
    return std::pair{*start, *end};
}

std::vector<std::string_view> split(std::string_view s, char sep) {
    std::vector<std::string_view> parts;
    std::size_t from = 0;
    while (true) {
        const auto at = s.find(sep, from);
        if (at == std::string_view::npos) {
            parts.push_back(s.substr(from));
            return parts;
        }
        parts.push_back(s.substr(from, at - from));
        from = at + 1;
    }
}

struct Parts {
    std::string ip, hostPort, containerPort;
};

/// nat.splitParts: 1 part = container; 2 = host:container; 3 = ip:host:container; more = the
/// leading ones joined back with ':' form the IP (bare IPv6).
Parts splitParts(std::string_view raw) {
    const auto parts = split(raw, ':');
    switch (parts.size()) {
    case 1: return {"", "", std::string(parts[0])};
    case 2: return {"", std::string(parts[0]), std::string(parts[1])};
    case 3: return {std::string(parts[0]), std::string(parts[1]), std::string(parts[2])};
    default: {
        std::string ip;
        for (std::size_t i = 0; i + 2 < parts.size(); ++i) {
            if (i) ip += ':';
            ip += parts[i];
        }
        return {ip, std::string(parts[parts.size() - 2]), std::string(parts.back())};
    }
    }
}

/// nat.SplitProtoPort: "80/udp" -> ("udp", "80"); "80" -> ("tcp", "80"); "/udp" -> ("", "").
std::pair<std::string, std::string> splitProtoPort(std::string_view raw) {
    const auto slash = raw.find('/');
    std::string port(raw.substr(0, slash));
    std::string proto = slash == std::string_view::npos ? "" : std::string(raw.substr(slash + 1));
    if (port.empty()) return {"", ""};
    if (proto.empty()) proto = "tcp";
    return {proto, port};
}

core::Result<PortProto> validateProto(const std::string& proto) {
    if (auto p = parsePortProto(proto)) return *p;
    return fail(ErrorCode::InvalidArgument, "invalid proto: " + proto);
}

core::Unexpected ipv6Unsupported(const std::string& ip) {
    return fail(ErrorCode::Unsupported,
                "docknet: publishing on the IPv6 address " + ip +
                    " is not modelled (IPv6's wildcard [::] is; a -p without an address is bound on 0.0.0.0 and [::])");
}

}  // namespace

std::string_view toString(PortProto p) {
    switch (p) {
    case PortProto::Tcp: return "tcp";
    case PortProto::Udp: return "udp";
    case PortProto::Sctp: return "sctp";
    }
    return "tcp";
}

std::optional<PortProto> parsePortProto(std::string_view text) {
    const std::string t = lower(text);
    if (t == "tcp") return PortProto::Tcp;
    if (t == "udp") return PortProto::Udp;
    if (t == "sctp") return PortProto::Sctp;
    return std::nullopt;
}

std::string portKey(std::uint16_t port, PortProto proto) {
    return std::to_string(port) + "/" + std::string(toString(proto));
}

core::Result<std::vector<PortBinding>> parsePortSpec(std::string_view rawPort) {
    Parts parts = splitParts(rawPort);
    auto [protoText, containerPort] = splitProtoPort(parts.containerPort);
    // Check order of the current go-connections (as vendored by docker/cli master): empty
    // container port, protocol, IP, container range, host range. (v0.5.0 checked the protocol
    // first, so "80:" printed "invalid proto: " there; docker-facts 7.1 records
    // "no port specified: 80:<empty>", which is this order.)
    if (containerPort.empty()) return fail(ErrorCode::InvalidArgument, "no port specified: " + std::string(rawPort) + "<empty>");
    auto proto = validateProto(lower(protoText));
    if (!proto) return std::unexpected(proto.error());

    std::string ip = parts.ip;
    bool ipv6Any = false;
    if (!ip.empty() && ip[0] == '[') {
        // net.SplitHostPort(ip + ":") strips the brackets; anything in brackets is IPv6 here.
        const auto close = ip.find(']');
        if (close == std::string::npos || close != ip.size() - 1)
            return fail(ErrorCode::InvalidArgument, "invalid IP address " + ip + ": address " + ip + ":: missing port in address");
        const auto v6 = wire::Ipv6Address::parse(ip.substr(1, close - 1));
        if (!v6) return fail(ErrorCode::InvalidArgument, "invalid IP address: " + ip.substr(1, close - 1));
        if (!v6->isUnspecified()) return ipv6Unsupported(ip.substr(1, close - 1));
        ip.clear();
        ipv6Any = true;
    }
    std::optional<wire::Ipv4Address> hostIp;
    if (!ip.empty()) {
        if (ip.find(':') != std::string::npos) return ipv6Unsupported(ip);
        auto parsed = wire::Ipv4Address::parse(ip);
        if (!parsed) return fail(ErrorCode::InvalidArgument, "invalid IP address: " + ip);
        hostIp = *parsed;
    }
    auto cRange = parsePortRange(containerPort);
    if (!cRange) return fail(ErrorCode::InvalidArgument, "invalid containerPort: " + containerPort);
    const auto [startPort, endPort] = *cRange;

    std::uint16_t startHost = 0, endHost = 0;
    const std::string& hostPort = parts.hostPort;
    if (!hostPort.empty()) {
        auto hRange = parsePortRange(hostPort);
        if (!hRange) return fail(ErrorCode::InvalidArgument, "invalid hostPort: " + hostPort);
        startHost = hRange->first;
        endHost = hRange->second;
        if ((endPort - startPort) != (endHost - startHost) && endPort != startPort)
            return fail(ErrorCode::InvalidArgument,
                        "invalid ranges specified for container and host Ports: " + containerPort + " and " + hostPort);
    }

    const std::uint32_t count = std::uint32_t(endPort) - startPort + 1;
    std::vector<PortBinding> out;
    out.reserve(count);
    for (std::uint32_t i = 0; i < count; ++i) {
        PortBinding b;
        b.hostIp = hostIp;
        b.hostIpv6Any = ipv6Any;
        b.containerPort = std::uint16_t(startPort + i);
        b.proto = *proto;
        if (!hostPort.empty()) {
            b.hostPortStart = std::uint16_t(startHost + i);
            // A host range stays a range only for a single container port ("8000-9000:80").
            b.hostPortEnd = (count == 1 && startHost != endHost) ? endHost : b.hostPortStart;
        }
        out.push_back(b);
    }
    return out;
}

core::Result<std::vector<std::pair<std::uint16_t, PortProto>>> parseExposedPorts(std::string_view spec) {
    const std::string e(spec);
    if (e.find(':') != std::string::npos) return fail(ErrorCode::InvalidArgument, "invalid port format for --expose: " + e);
    auto [protoText, port] = splitProtoPort(e);
    auto range = parsePortRange(port);
    if (!range)
        return fail(ErrorCode::InvalidArgument, "invalid range format for --expose: " + e + ", error: " + range.error().message);
    auto proto = validateProto(lower(protoText));
    if (!proto) return std::unexpected(proto.error());
    std::vector<std::pair<std::uint16_t, PortProto>> out;
    for (std::uint32_t p = range->first; p <= range->second; ++p) out.emplace_back(std::uint16_t(p), *proto);
    return out;
}

core::Result<std::pair<std::uint16_t, PortProto>> parseExposedPort(std::string_view spec) {
    auto all = parseExposedPorts(spec);
    if (!all) return std::unexpected(all.error());
    if (all->size() != 1)
        return fail(ErrorCode::InvalidArgument, "port ranges are not supported here: " + std::string(spec));
    return all->front();
}

core::Result<void> validatePortBindings(const std::vector<PortBinding>& bindings) {
    for (const auto& b : bindings)
        if (b.containerPort == 0)
            return fail(ErrorCode::InvalidArgument, "invalid port specification: \"" + portKey(0, b.proto) + "\"");
    return {};
}

}  // namespace sim::docker
