#include "sim/tools/resolver.hpp"

#include <algorithm>

#include "sim/net/transport_layer.hpp"
#include "sim/tools/tool_util.hpp"

namespace sim::tools {

namespace {

constexpr std::size_t kMaxNameservers = 3;  // MAXNS in glibc and musl
constexpr std::uint16_t kDnsPort = 53;

std::string fileOf(const ToolContext& ctx, const std::string& path) {
    auto it = ctx.files.find(path);
    return it == ctx.files.end() ? std::string() : it->second;
}

std::string stripComment(std::string_view line) {
    const auto hash = line.find('#');
    return std::string(hash == std::string_view::npos ? line : line.substr(0, hash));
}

bool isIpv4Literal(std::string_view s) { return wire::Ipv4Address::parse(s).has_value(); }

/// The names res_search tries, in order (RES_DFLRETRY aside): as-is first when the name has at
/// least ndots dots, else after the search domains; an absolute name ("web.") only as-is.
std::vector<std::string> candidateNames(const std::string& name, const ResolvConf& conf) {
    if (!name.empty() && name.back() == '.') return {name.substr(0, name.size() - 1)};
    const auto dots = static_cast<int>(std::count(name.begin(), name.end(), '.'));
    std::vector<std::string> out;
    if (dots >= conf.ndots) out.push_back(name);
    for (const auto& domain : conf.search) out.push_back(name + "." + domain);
    if (dots < conf.ndots) out.push_back(name);
    return out;
}

bool isDecisive(DnsReply::Kind k) {
    return k == DnsReply::Kind::Answer || k == DnsReply::Kind::NxDomain || k == DnsReply::Kind::NoData;
}

/// One name through glibc's res_send: `attempts` rounds over the servers in order.
DnsReply glibcQuery(ToolContext& ctx, const ResolvConf& conf, const std::string& name,
                    std::uint16_t type = wire::kDnsTypeA) {
    DnsReply last;
    for (int attempt = 0; attempt < std::max(1, conf.attempts); ++attempt) {
        for (auto server : conf.nameservers) {
            DnsReply r = queryDns(ctx, {server}, name, core::seconds(conf.timeoutSeconds), type);
            if (isDecisive(r.kind)) return r;
            last = r;
        }
    }
    return last;
}

/// One name through musl's res_msend: every server at once, retried each timeout/attempts.
DnsReply muslQuery(ToolContext& ctx, const ResolvConf& conf, const std::string& name,
                   std::uint16_t type = wire::kDnsTypeA) {
    const int attempts = std::max(1, conf.attempts);
    const core::Duration slice = core::micros(core::seconds(conf.timeoutSeconds).micros() / attempts);
    DnsReply last;
    for (int attempt = 0; attempt < attempts; ++attempt) {
        DnsReply r = queryDns(ctx, conf.nameservers, name, slice, type);
        if (isDecisive(r.kind)) return r;
        last = r;
    }
    return last;
}

}  // namespace

std::vector<HostsEntry> parseHosts(std::string_view text) {
    std::vector<HostsEntry> out;
    for (const auto& raw : splitLines(text)) {
        auto words = splitWords(stripComment(raw));
        if (words.size() < 2) continue;
        HostsEntry e;
        e.address = words[0];
        e.names.assign(words.begin() + 1, words.end());
        out.push_back(std::move(e));
    }
    return out;
}

ResolvConf parseResolvConf(std::string_view text) {
    ResolvConf conf;
    for (const auto& raw : splitLines(text)) {
        auto words = splitWords(stripComment(raw));
        if (words.empty()) continue;
        if (words[0] == "nameserver" && words.size() >= 2) {
            if (auto a = wire::Ipv4Address::parse(words[1]); a && conf.nameservers.size() < kMaxNameservers)
                conf.nameservers.push_back(*a);
        } else if ((words[0] == "search" || words[0] == "domain") && words.size() >= 2) {
            conf.search.assign(words.begin() + 1, words.end());
        } else if (words[0] == "options") {
            for (std::size_t i = 1; i < words.size(); ++i) {
                const auto& o = words[i];
                auto value = [&](std::string_view key) -> std::optional<long> {
                    return startsWith(o, key) ? parseLong(std::string_view(o).substr(key.size())) : std::nullopt;
                };
                if (auto v = value("ndots:")) conf.ndots = static_cast<int>(std::min(*v, 15L));
                else if (auto t = value("timeout:")) conf.timeoutSeconds = static_cast<int>(std::clamp(*t, 1L, 30L));
                else if (auto a = value("attempts:")) conf.attempts = static_cast<int>(std::clamp(*a, 1L, 5L));
            }
        }
    }
    if (conf.nameservers.empty()) conf.nameservers.push_back(wire::Ipv4Address::loopback());
    return conf;
}

std::string_view gaiMessage(ResolveStatus status) {
    switch (status) {
        case ResolveStatus::Ok: return "Success";
        case ResolveStatus::NotFound: return "Name or service not known";
        case ResolveStatus::TryAgain: return "Temporary failure in name resolution";
    }
    return "Unknown error";
}

Resolution resolveHost(ToolContext& ctx, const std::string& name) {
    Resolution res;
    if (auto literal = wire::Ipv4Address::parse(name)) {
        res.status = ResolveStatus::Ok;
        res.source = ResolveSource::Literal;
        res.address = *literal;
        res.addresses = {*literal};
        res.canonicalName = name;
        return res;
    }
    if (name.empty()) return res;

    const std::string wanted = toLower(name.back() == '.' ? name.substr(0, name.size() - 1) : name);
    for (const auto& entry : parseHosts(fileOf(ctx, "/etc/hosts"))) {
        if (!isIpv4Literal(entry.address)) continue;  // AF_INET: the IPv6 lines do not answer
        const bool match = std::any_of(entry.names.begin(), entry.names.end(),
                                       [&](const std::string& n) { return toLower(n) == wanted; });
        if (!match) continue;
        res.status = ResolveStatus::Ok;
        res.source = ResolveSource::Hosts;
        res.address = *wire::Ipv4Address::parse(entry.address);
        res.addresses = {res.address};
        res.canonicalName = entry.names.front();
        res.aliases.assign(entry.names.begin() + 1, entry.names.end());
        return res;
    }

    const ResolvConf conf = parseResolvConf(fileOf(ctx, "/etc/resolv.conf"));
    bool tryAgain = false;
    for (const auto& candidate : candidateNames(name, conf)) {
        const DnsReply r = ctx.flavor == Flavor::Busybox ? muslQuery(ctx, conf, candidate) : glibcQuery(ctx, conf, candidate);
        if (r.kind == DnsReply::Kind::Answer) {
            res.status = ResolveStatus::Ok;
            res.source = ResolveSource::Dns;
            res.addresses = r.addresses;
            res.address = r.addresses.front();
            res.canonicalName = r.ownerName.empty() ? candidate : r.ownerName;
            return res;
        }
        if (!isDecisive(r.kind)) tryAgain = true;
    }
    res.status = tryAgain ? ResolveStatus::TryAgain : ResolveStatus::NotFound;
    return res;
}

std::optional<DnsReply> resolveHostDns6(ToolContext& ctx, const std::string& name) {
    if (name.empty() || wire::Ipv4Address::parse(name)) return std::nullopt;
    const ResolvConf conf = parseResolvConf(fileOf(ctx, "/etc/resolv.conf"));
    for (const auto& candidate : candidateNames(name, conf)) {
        DnsReply r = ctx.flavor == Flavor::Busybox ? muslQuery(ctx, conf, candidate, wire::kDnsTypeAaaa)
                                                   : glibcQuery(ctx, conf, candidate, wire::kDnsTypeAaaa);
        if (r.kind == DnsReply::Kind::Answer) {
            if (r.ownerName.empty()) r.ownerName = candidate;
            return r;
        }
    }
    return std::nullopt;
}

std::optional<std::string> reverseLookup(const ToolContext& ctx, wire::Ipv4Address address) {
    const std::string text = address.toString();
    for (const auto& entry : parseHosts(fileOf(ctx, "/etc/hosts")))
        if (entry.address == text) return entry.names.front();
    return std::nullopt;
}

std::optional<std::string> reverseResolve(ToolContext& ctx, wire::Ipv4Address address) {
    if (auto fromFiles = reverseLookup(ctx, address)) return fromFiles;
    const ResolvConf conf = parseResolvConf(fileOf(ctx, "/etc/resolv.conf"));
    const std::string name = wire::reverseName(address);
    const DnsReply r = ctx.flavor == Flavor::Busybox ? muslQuery(ctx, conf, name, wire::kDnsTypePtr)
                                                     : glibcQuery(ctx, conf, name, wire::kDnsTypePtr);
    if (r.kind == DnsReply::Kind::Answer && !r.names.empty() && !r.names.front().empty()) return r.names.front();
    return std::nullopt;
}

DnsReply queryDns(ToolContext& ctx, const std::vector<wire::Ipv4Address>& servers, const std::string& name,
                  core::Duration timeout, std::uint16_t type) {
    net::Kernel& kernel = *ctx.kernel;
    auto& transport = kernel.transport();
    DnsReply result;
    std::vector<DnsReply> replies;
    const auto queryId = static_cast<std::uint16_t>(kernel.rng().next());
    const std::uint16_t port = transport.ephemeralPort(ctx.ns, net::Transport::Udp);

    auto receiver = [&replies, &servers, queryId, type](wire::Ipv4Address src, const wire::UdpDatagram& udp) {
        const auto* msg = std::get_if<wire::DnsMessage>(&udp.payload);
        if (!msg || !msg->isResponse || msg->id != queryId || udp.srcPort != kDnsPort) return;
        if (std::find(servers.begin(), servers.end(), src) == servers.end()) return;
        DnsReply r;
        r.server = src;
        switch (msg->rcode) {
            case wire::DnsRcode::NoError:
                r.kind = DnsReply::Kind::NoData;
                for (const auto& a : msg->answers) {
                    if (a.type != type) continue;
                    if (r.kind == DnsReply::Kind::NoData) r.ownerName = a.name;
                    r.kind = DnsReply::Kind::Answer;
                    if (type == wire::kDnsTypePtr) r.names.push_back(a.target);
                    else if (type == wire::kDnsTypeAaaa) r.addresses6.push_back(a.address6);
                    else r.addresses.push_back(a.address);
                }
                break;
            case wire::DnsRcode::NxDomain: r.kind = DnsReply::Kind::NxDomain; break;
            case wire::DnsRcode::Refused: r.kind = DnsReply::Kind::Refused; break;
            default: r.kind = DnsReply::Kind::ServFail; break;
        }
        replies.push_back(std::move(r));
    };
    auto socket = transport.bind(ctx.ns, net::Transport::Udp, wire::Ipv4Address::any(), port, "resolver", receiver);
    if (!socket) {
        result.kind = DnsReply::Kind::Unreachable;
        return result;
    }

    std::size_t sent = 0;
    for (auto server : servers) {
        if (transport.sendUdp(ctx.ns, server, port, kDnsPort, wire::DnsMessage::query(queryId, name, type))) ++sent;
    }
    if (sent == 0) {
        transport.close(ctx.ns, *socket);
        result.kind = DnsReply::Kind::Unreachable;
        if (!servers.empty()) result.server = servers.front();
        return result;
    }
    auto decided = [&] {
        if (std::any_of(replies.begin(), replies.end(), [](const DnsReply& r) { return isDecisive(r.kind); })) return true;
        return replies.size() >= sent;  // every server answered, none decisively
    };
    runUntil(kernel, decided, kernel.now() + timeout);
    transport.close(ctx.ns, *socket);

    auto best = std::find_if(replies.begin(), replies.end(), [](const DnsReply& r) { return isDecisive(r.kind); });
    if (best != replies.end()) return *best;
    if (!replies.empty()) return replies.back();
    result.kind = DnsReply::Kind::Timeout;
    if (!servers.empty()) result.server = servers.front();
    return result;
}

}  // namespace sim::tools
