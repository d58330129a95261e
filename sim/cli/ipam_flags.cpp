#include "sim/cli/ipam_flags.hpp"

namespace sim::cli {

using core::ErrorCode;
using core::fail;
using wire::Ipv4Address;
using wire::Ipv4Prefix;

namespace {

/// subnetMatches: does `subnet` (net.ParseCIDR) contain `data` (a CIDR's address, or an IP)?
core::Result<bool> subnetMatches(const std::string& subnet, const std::string& data) {
    auto s = Ipv4Prefix::parse(subnet);
    if (!s) return fail(ErrorCode::InvalidArgument, "invalid subnet: invalid CIDR address: " + subnet);
    if (data.find('/') != std::string::npos) {
        auto d = Ipv4Prefix::parse(data);
        if (!d) return fail(ErrorCode::InvalidArgument, "invalid CIDR address: " + data);
        return s->network().contains(d->address());
    }
    auto ip = Ipv4Address::parse(data);
    return ip && s->network().contains(*ip);
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

core::Result<IpamRequest> validateIpam(const IpamFlags& f) {
    IpamRequest out;
    if (f.subnets.empty()) return out;
    std::vector<std::string> errs;
    const std::string& s = f.subnets[0];
    auto subnet = Ipv4Prefix::parse(s);
    if (!subnet) {
        errs.push_back("invalid subnet " + s + ": invalid CIDR block notation");
    } else {
        if (subnet->network() != *subnet)
            errs.push_back("invalid subnet " + subnet->toString() + ": it should be " + subnet->network().toString());
        out.subnet = subnet->network();
        const std::string parent = subnet->toString();
        if (!f.ranges.empty()) {
            const std::string& r = f.ranges[0];
            auto range = Ipv4Prefix::parse(r);
            if (!range) {
                errs.push_back("invalid ip-range " + r + ": invalid CIDR block notation");
            } else {
                if (range->length() < subnet->length())
                    errs.push_back("invalid ip-range " + r + ": CIDR block is bigger than its parent subnet " + parent);
                if (range->network() != *range)
                    errs.push_back("invalid ip-range " + range->toString() + ": it should be " + range->network().toString());
                const bool overlaps = subnet->network().contains(range->network().address()) ||
                                      range->network().contains(subnet->network().address());
                if (!overlaps) errs.push_back("invalid ip-range " + r + ": parent subnet " + parent + " doesn't contain ip-range");
                out.ipRange = range->network();
            }
        }
        auto address = [&](const std::string& text) -> core::Result<Ipv4Address> {
            auto ip = Ipv4Address::parse(text);
            if (!ip) return fail(ErrorCode::InvalidArgument, "invalid address");
            if (!subnet->network().contains(*ip))
                return fail(ErrorCode::InvalidArgument, "parent subnet " + parent + " doesn't contain this address");
            return *ip;
        };
        if (!f.gateways.empty()) {
            auto g = address(f.gateways[0]);
            if (!g) errs.push_back("invalid gateway " + f.gateways[0] + ": " + g.error().message);
            else out.gateway = *g;
        }
        for (const auto& [name, aa] : f.auxAddresses) {
            auto a = address(aa);
            if (!a) errs.push_back("invalid auxiliary address " + name + ": " + a.error().message);
            else out.auxAddresses[name] = *a;
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

bool mentionsIpv6(const IpamFlags& f) {
    auto v6 = [](const std::string& s) { return s.find(':') != std::string::npos; };
    for (const auto* list : {&f.subnets, &f.ranges, &f.gateways})
        for (const auto& s : *list)
            if (v6(s)) return true;
    for (const auto& [name, aa] : f.auxAddresses)
        if (v6(aa)) return true;
    return false;
}

}  // namespace sim::cli
