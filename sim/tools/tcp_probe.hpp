// What curl, wget and nc share: a real TCP connect through the Kernel (SYN, retries, RST, ICMP
// errors, NAT on the way), waiting on the Scheduler, and then who accepted the connection and
// what that program answers. docknet moves no TCP data, so the answer comes from the listener's
// owner: "nginx" serves nginx 1.27's default page, "httpd" Apache's "It works!", anything else
// closes without a reply. A "docker-proxy" listener forwards: the published container is found
// through the host's nat DOCKER chain (the DNAT rule for that port) and connected to from the
// proxy's namespace; a refused onward connect resets the client's connection.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "sim/net/transport_layer.hpp"
#include "sim/tools/tool_util.hpp"

namespace sim::tools {

struct TcpProbe {
    bool started = false;       // false: connect(2) failed at once (no route)
    std::string startError;     // "Network is unreachable"
    net::ConnectOutcome outcome = net::ConnectOutcome::TimedOut;
    bool gaveUp = false;        // the caller's own timeout ended the wait
    core::Duration elapsed;     // from the connect call to the outcome
};

/// connect(2) to dst:port from ctx.ns and wait for the outcome, at most `timeout` if given.
TcpProbe probeTcp(ToolContext& ctx, wire::Ipv4Address dst, std::uint16_t port, std::optional<core::Duration> timeout);

enum class HttpReply { Page, Empty, Reset };

struct HttpResponse {
    HttpReply kind = HttpReply::Empty;
    std::string body;
    std::string server{};  // the program that answered: "nginx", "httpd"
};

/// Connects and says what the accepting program sends back (see above). Only meaningful after a
/// Connected outcome; call it instead of probeTcp when the reply matters.
HttpResponse exchangeHttp(ToolContext& ctx, wire::Ipv4Address dst, std::uint16_t port, TcpProbe& probe,
                          std::optional<core::Duration> timeout);

/// What `owner` sends back to a GET (see above): nginx's or httpd's page; Empty for the rest.
HttpResponse httpReplyOf(const std::string& owner);
/// The response headers nginx 1.27.2 and httpd 2.4.62 send with their default pages (CRLF
/// line ends), Date from `unixSeconds`; the kernel's listeners send the same bytes.
std::string httpResponseHeaders(const HttpResponse& reply, std::int64_t unixSeconds);

/// The default index page of the official nginx image (1.27).
const std::string& nginxWelcomePage();

struct Url {
    std::string scheme = "http";
    std::string host;
    std::uint16_t port = 80;
    std::string path = "/";
    bool ipv6Literal = false;  // "http://[2001:db8::2]:80/": host holds the address without brackets
};
/// "http://web:8080/x", "web/x", "https://web", "http://[::1]:8080/" (default ports 80 and 443).
std::optional<Url> parseUrl(const std::string& text);

/// strerror of the errno a failed connect leaves: glibc wording on GNU, musl's on Busybox.
std::string connectErrorText(net::ConnectOutcome outcome, bool musl);

}  // namespace sim::tools
