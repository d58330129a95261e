#include "sim/tools/tcp_probe.hpp"

#include <cstdio>
#include <ctime>
#include <map>
#include <memory>

#include "sim/net/net_namespace.hpp"
#include "sim/wire/ipv6_address.hpp"

namespace sim::tools {

namespace {

using AcceptCounts = std::map<std::pair<std::uint32_t, std::uint32_t>, std::uint64_t>;  // (ns, socket) -> accepted

AcceptCounts acceptCounts(const net::Kernel& k) {
    AcceptCounts counts;
    for (auto ns : k.namespaces())
        for (const auto& s : k.ns(ns)->sockets().sockets())
            if (s.transport == net::Transport::Tcp) counts[{ns.value, s.id.value}] = s.accepted;
    return counts;
}

/// The listener whose accepted count grew since `before`: the program that took the connection.
struct Accepter {
    core::NamespaceId ns;
    net::SocketInfo socket;
};

std::optional<Accepter> findAccepter(const net::Kernel& k, const AcceptCounts& before) {
    for (auto ns : k.namespaces())
        for (const auto& s : k.ns(ns)->sockets().sockets()) {
            if (s.transport != net::Transport::Tcp) continue;
            auto it = before.find({ns.value, s.id.value});
            if (s.accepted > (it == before.end() ? 0 : it->second)) return Accepter{ns, s};
        }
    return std::nullopt;
}

/// The DNAT target docker-proxy forwards `port` to: Docker's "-A DOCKER ... --dport P -j DNAT".
std::optional<std::pair<wire::Ipv4Address, std::uint16_t>> proxyTarget(const net::Kernel& k, core::NamespaceId ns,
                                                                      std::uint16_t port) {
    const net::XtChain* chain = k.ns(ns)->nat().chain("DOCKER");
    if (!chain) return std::nullopt;
    for (const auto& rule : chain->rules) {
        const auto* dnat = std::get_if<net::target::Dnat>(&rule.target);
        if (!dnat || rule.match.dport != port) continue;
        if (rule.match.protocol && *rule.match.protocol != wire::IpProtocol::Tcp) continue;
        return std::pair{dnat->address, dnat->port.value_or(port)};
    }
    return std::nullopt;
}

}  // namespace

HttpResponse httpReplyOf(const std::string& owner) {
    if (owner == "nginx") return {HttpReply::Page, nginxWelcomePage(), owner};
    if (owner == "httpd") return {HttpReply::Page, "<html><body><h1>It works!</h1></body></html>\n", owner};
    return {HttpReply::Empty, {}};
}

std::string httpResponseHeaders(const HttpResponse& reply, std::int64_t unixSeconds) {
    char date[64];
    const std::time_t t = static_cast<std::time_t>(unixSeconds);
    std::tm tm{};
    gmtime_r(&t, &tm);
    std::strftime(date, sizeof date, "%a, %d %b %Y %H:%M:%S GMT", &tm);
    const std::string length = std::to_string(reply.body.size());
    if (reply.server == "httpd")
        return "HTTP/1.1 200 OK\r\nDate: " + std::string(date) +
               "\r\nServer: Apache/2.4.62 (Unix)\r\nLast-Modified: Mon, 11 Jun 2007 18:53:14 GMT\r\n"
               "ETag: \"2d-432a5e4a73a80\"\r\nAccept-Ranges: bytes\r\nContent-Length: " + length +
               "\r\nContent-Type: text/html\r\n\r\n";
    // nginx: the image's index.html is dated 2024-10-02 15:13:19 (ETag = mtime-size in hex).
    char etag[32];
    std::snprintf(etag, sizeof etag, "\"66fd630f-%zx\"", reply.body.size());
    return "HTTP/1.1 200 OK\r\nServer: nginx/1.27.2\r\nDate: " + std::string(date) +
           "\r\nContent-Type: text/html\r\nContent-Length: " + length +
           "\r\nLast-Modified: Wed, 02 Oct 2024 15:13:19 GMT\r\nConnection: keep-alive\r\nETag: " + etag +
           "\r\nAccept-Ranges: bytes\r\n\r\n";
}


TcpProbe probeTcp(ToolContext& ctx, wire::Ipv4Address dst, std::uint16_t port, std::optional<core::Duration> timeout) {
    net::Kernel& k = *ctx.kernel;
    TcpProbe probe;
    const core::SimTime start = k.now();
    // Shared: a connect the caller gave up on may still complete later.
    auto result = std::make_shared<std::optional<net::ConnectResult>>();
    auto started = k.transport().connect(ctx.ns, dst, port, [result](const net::ConnectResult& r) { *result = r; });
    if (!started) {
        probe.startError = started.error().message;
        probe.outcome = net::ConnectOutcome::NetUnreachable;
        return probe;
    }
    probe.started = true;
    const core::SimTime deadline = timeout ? start + *timeout : core::SimTime::max();
    runUntil(k, [&] { return result->has_value(); }, deadline);
    if (*result) {
        probe.outcome = (*result)->outcome;
    } else {
        // The process gives up; its socket closes (the kernel's pending connect keeps retrying
        // unobserved: TransportLayer has no way to abort one).
        probe.gaveUp = true;
        probe.outcome = net::ConnectOutcome::TimedOut;
    }
    probe.elapsed = k.now() - start;
    return probe;
}

HttpResponse exchangeHttp(ToolContext& ctx, wire::Ipv4Address dst, std::uint16_t port, TcpProbe& probe,
                          std::optional<core::Duration> timeout) {
    net::Kernel& k = *ctx.kernel;
    const AcceptCounts before = acceptCounts(k);
    probe = probeTcp(ctx, dst, port, timeout);
    if (!probe.started || probe.outcome != net::ConnectOutcome::Connected) return {};
    // The listener counts the connection when the handshake's last ACK lands.
    std::optional<Accepter> accepter;
    runUntil(k, [&] { return (accepter = findAccepter(k, before)).has_value(); }, k.now() + core::seconds(1));
    if (!accepter) return {};
    if (accepter->socket.owner != "docker-proxy") return httpReplyOf(accepter->socket.owner);

    auto target = proxyTarget(k, accepter->ns, accepter->socket.port);
    if (!target) return {HttpReply::Reset, {}};
    ToolContext proxy = ctx;
    proxy.ns = accepter->ns;
    TcpProbe onward;
    HttpResponse r = exchangeHttp(proxy, target->first, target->second, onward, core::seconds(130));
    if (onward.outcome != net::ConnectOutcome::Connected) return {HttpReply::Reset, {}};
    return r;
}

const std::string& nginxWelcomePage() {
    static const std::string page =
        "<!DOCTYPE html>\n"
        "<html>\n"
        "<head>\n"
        "<title>Welcome to nginx!</title>\n"
        "<style>\n"
        "html { color-scheme: light dark; }\n"
        "body { width: 35em; margin: 0 auto;\n"
        "font-family: Tahoma, Verdana, Arial, sans-serif; }\n"
        "</style>\n"
        "</head>\n"
        "<body>\n"
        "<h1>Welcome to nginx!</h1>\n"
        "<p>If you see this page, the nginx web server is successfully installed and\n"
        "working. Further configuration is required.</p>\n"
        "\n"
        "<p>For online documentation and support please refer to\n"
        "<a href=\"http://nginx.org/\">nginx.org</a>.<br/>\n"
        "Commercial support is available at\n"
        "<a href=\"http://nginx.com/\">nginx.com</a>.</p>\n"
        "\n"
        "<p><em>Thank you for using nginx.</em></p>\n"
        "</body>\n"
        "</html>\n";
    return page;
}

std::optional<Url> parseUrl(const std::string& text) {
    Url url;
    std::string rest = text;
    if (auto sep = rest.find("://"); sep != std::string::npos) {
        url.scheme = toLower(rest.substr(0, sep));
        rest = rest.substr(sep + 3);
        if (url.scheme == "https") url.port = 443;
        else if (url.scheme != "http") return std::nullopt;
    }
    const auto slash = rest.find('/');
    std::string authority = rest.substr(0, slash);
    if (slash != std::string::npos) url.path = rest.substr(slash);
    if (auto at = authority.rfind('@'); at != std::string::npos) authority = authority.substr(at + 1);
    if (authority.starts_with("[")) {  // RFC 3986 IP-literal
        const auto close = authority.find(']');
        if (close == std::string::npos || !wire::Ipv6Address::parse(authority.substr(1, close - 1))) return std::nullopt;
        const std::string after = authority.substr(close + 1);
        if (!after.empty()) {
            auto port = after.starts_with(":") ? parseLong(after.substr(1)) : std::nullopt;
            if (!port || *port <= 0 || *port > 65535) return std::nullopt;
            url.port = static_cast<std::uint16_t>(*port);
        }
        url.host = authority.substr(1, close - 1);
        url.ipv6Literal = true;
        return url;
    }
    if (auto colon = authority.rfind(':'); colon != std::string::npos) {
        auto port = parseLong(authority.substr(colon + 1));
        if (!port || *port <= 0 || *port > 65535) return std::nullopt;
        url.port = static_cast<std::uint16_t>(*port);
        authority = authority.substr(0, colon);
    }
    if (authority.empty()) return std::nullopt;
    url.host = authority;
    return url;
}

std::string connectErrorText(net::ConnectOutcome outcome, bool musl) {
    switch (outcome) {
        case net::ConnectOutcome::Connected: return "Success";
        case net::ConnectOutcome::Refused: return "Connection refused";
        case net::ConnectOutcome::HostUnreachable: return musl ? "Host is unreachable" : "No route to host";
        case net::ConnectOutcome::NetUnreachable: return musl ? "Network unreachable" : "Network is unreachable";
        case net::ConnectOutcome::TimedOut: return musl ? "Operation timed out" : "Connection timed out";
    }
    return "Unknown error";
}

}  // namespace sim::tools
