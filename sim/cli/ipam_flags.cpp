#include "sim/cli/ipam_flags.hpp"

namespace sim::cli {

using core::ErrorCode;
using core::fail;
using wire::Ipv4Address;
using wire::Ipv4Prefix;

namespace {

/// net.ParseCIDR's and net.ParseIP's result, either family.
struct IpNet {
    std::optional<Ipv4Prefix> v4;
    std::optional<wire::Ipv6Prefix> v6;
};

std::optional<IpNet> parseCidr(const std::string& text) {
    if (auto p = Ipv4Prefix::parse(text)) return IpNet{*p, std::nullopt};
    if (auto p = wire::Ipv6Prefix::parse(text)) return IpNet{std::nullopt, *p};
    return std::nullopt;
}

/// subnetMatches: does `subnet` (net.ParseCIDR) contain `data` (a CIDR's address, or an IP)?
/// An address of the other family is never contained.
core::Result<bool> subnetMatches(const std::string& subnet, const std::string& data) {
    auto s = parseCidr(subnet);
    if (!s) return fail(ErrorCode::InvalidArgument, "invalid subnet: invalid CIDR address: " + subnet);
    std::optional<Ipv4Address> ip4;
    std::optional<wire::Ipv6Address> ip6;
    if (data.find('/') != std::string::npos) {
        auto d = parseCidr(data);
        if (!d) return fail(ErrorCode::InvalidArgument, "invalid CIDR address: " + data);
        if (d->v4) ip4 = d->v4->address();
        else ip6 = d->v6->address();
    } else if (auto a = Ipv4Address::parse(data)) {
        ip4 = *a;
    } else if (auto b = wire::Ipv6Address::parse(data)) {
        ip6 = *b;
    }
    if (s->v4) return ip4 && s->v4->network().contains(*ip4);
    return ip6 && s->v6->network().contains(*ip6);
}

/// The one config for subnet `s` (index in flags.subnets) while consolidating.
struct Consolidated {
    std::string range, gateway;
};

}  // namespace

core::Result<void> consolidateIpam(const IpamFlags& f) {
    if (f.subnets.size() < f.ranges.size() || f.subnets.size() < f.gateways.size())
        return fail(ErrorCode::InvalidArgument, "every ip-range or gateway must have a corresponding subnet");
    std::map<std::string, Consolidated> data;
    for (const auto& s : f.subnets) {
        for (const auto& [k, unused] : data) {
            auto a = subnetMatches(s, k);
            if (!a) return std::unexpected(a.error());
            auto b = subnetMatches(k, s);
            if (!b) return std::unexpected(b.error());
            if (*a || *b) return fail(ErrorCode::InvalidArgument, "multiple overlapping subnet configuration is not supported");
        }
        data[s];
    }
    for (const auto& r : f.ranges) {
        bool match = false;
        for (const auto& s : f.subnets) {
            auto ok = subnetMatches(s, r);
            if (!ok) return std::unexpected(ok.error());
            if (!*ok) continue;
            if (!data[s].range.empty())
                return fail(ErrorCode::InvalidArgument,
                            "cannot configure multiple ranges (" + r + ", " + data[s].range + ") on the same subnet (" + s + ")");
            data[s].range = r;
            match = true;
        }
        if (!match) return fail(ErrorCode::InvalidArgument, "no matching subnet for range " + r);
    }
    for (const auto& g : f.gateways) {
        bool match = false;
        for (const auto& s : f.subnets) {
            auto ok = subnetMatches(s, g);
            if (!ok) return std::unexpected(ok.error());
            if (!*ok) continue;
            if (!data[s].gateway.empty())
                return fail(ErrorCode::InvalidArgument, "cannot configure multiple gateways (" + g + ", " + data[s].gateway +
                                                            ") for the same subnet (" + s + ")");
            data[s].gateway = g;
            match = true;
        }
        if (!match) return fail(ErrorCode::InvalidArgument, "no matching subnet for gateway " + g);
    }
    for (const auto& [name, aa] : f.auxAddresses) {
        bool match = false;
        for (const auto& s : f.subnets) {
            auto ok = subnetMatches(s, aa);
            if (!ok) return std::unexpected(ok.error());
            match = match || *ok;
        }
        if (!match) return fail(ErrorCode::InvalidArgument, "no matching subnet for aux-address " + aa);
    }
    return {};
}

namespace {

/// One subnet's config: the subnet `s` and the range, gateway and aux addresses the CLI matched
/// to it (consolidateIpam has run), checked as ValidateIPAM does.
template <class Prefix, class Address>
void validateConfig(const IpamFlags& f, const Prefix& subnet, std::vector<std::string>& errs, std::optional<Prefix>& rangeOut,
                    std::optional<Address>& gatewayOut, std::map<std::string, Address>* auxOut) {
    const std::string s = subnet.toString();
    auto belongs = [&](const std::string& data) {
        auto m = subnetMatches(s, data);
        return m && *m;
    };
    if (subnet.network() != subnet) errs.push_back("invalid subnet " + s + ": it should be " + subnet.network().toString());
    for (const auto& r : f.ranges) {
        // consolidateIpam matched each range to the subnet containing its address; a range whose
        // text does not parse matched nothing and was refused there.
        if (!belongs(r) && f.subnets.size() > 1) continue;
        auto range = Prefix::parse(r);
        if (!range) {
            errs.push_back("invalid ip-range " + r + ": invalid CIDR block notation");
            continue;
        }
        if (range->length() < subnet.length())
            errs.push_back("invalid ip-range " + r + ": CIDR block is bigger than its parent subnet " + s);
        if (range->network() != *range)
            errs.push_back("invalid ip-range " + range->toString() + ": it should be " + range->network().toString());
        const bool overlaps = subnet.network().contains(range->network().address()) || range->network().contains(subnet.network().address());
        if (!overlaps) errs.push_back("invalid ip-range " + r + ": parent subnet " + s + " doesn't contain ip-range");
        rangeOut = range->network();
    }
    auto address = [&](const std::string& text) -> core::Result<Address> {
        auto ip = Address::parse(text);
        if (!ip) return fail(ErrorCode::InvalidArgument, "invalid address");
        if (!subnet.network().contains(*ip)) return fail(ErrorCode::InvalidArgument, "parent subnet " + s + " doesn't contain this address");
        return *ip;
    };
    for (const auto& g : f.gateways) {
        if (!belongs(g) && f.subnets.size() > 1) continue;
        auto ip = address(g);
        if (!ip) errs.push_back("invalid gateway " + g + ": " + ip.error().message);
        else gatewayOut = *ip;
    }
    if (!auxOut) return;
    for (const auto& [name, aa] : f.auxAddresses) {
        if (!belongs(aa) && f.subnets.size() > 1) continue;
        auto a = address(aa);
        if (!a) errs.push_back("invalid auxiliary address " + name + ": " + a.error().message);
        else (*auxOut)[name] = *a;
    }
}

}  // namespace

core::Result<IpamRequest> validateIpam(const IpamFlags& f, bool enableIpv6) {
    IpamRequest out;
    std::vector<std::string> errs;
    for (const auto& s : f.subnets) {
        if (auto v4 = Ipv4Prefix::parse(s)) {
            out.subnet = v4->network();
            validateConfig(f, *v4, errs, out.ipRange, out.gateway, &out.auxAddresses);
        } else if (auto v6 = wire::Ipv6Prefix::parse(s)) {
            // Without --ipv6 the daemon skips the config unchecked, and keeps it as given.
            if (!enableIpv6) {
                out.subnet6 = *v6;
                for (const auto& r : f.ranges)
                    if (auto p = wire::Ipv6Prefix::parse(r); p && v6->network().contains(p->address())) out.ipRange6 = *p;
                for (const auto& g : f.gateways)
                    if (auto a = wire::Ipv6Address::parse(g); a && v6->network().contains(*a)) out.gateway6 = *a;
                continue;
            }
            out.subnet6 = v6->network();
            validateConfig<wire::Ipv6Prefix, wire::Ipv6Address>(f, *v6, errs, out.ipRange6, out.gateway6, nullptr);
        } else {
            errs.push_back("invalid subnet " + s + ": invalid CIDR block notation");
        }
    }
    if (errs.empty()) return out;
    std::string text = "invalid network config:\n";
    if (errs.size() == 1) {
        text += errs[0];
    } else {
        for (std::size_t i = 0; i < errs.size(); ++i) text += (i ? "\n* " : "* ") + errs[i];
    }
    return fail(ErrorCode::InvalidArgument, text);
}

std::pair<int, int> subnetFamilies(const IpamFlags& f) {
    std::pair<int, int> n{0, 0};
    for (const auto& s : f.subnets) (wire::looksLikeIpv6(s) ? n.second : n.first)++;
    return n;
}

bool hasIpv6AuxAddress(const IpamFlags& f) {
    for (const auto& [name, aa] : f.auxAddresses)
        if (wire::looksLikeIpv6(aa)) return true;
    return false;
}

}  // namespace sim::cli
