// curl (7.88.1, Debian bookworm; the same wording on Alpine), busybox wget, and nc (netcat-openbsd
// on GNU, busybox nc on Busybox) over a real TCP connect (tcp_probe.hpp).
// curl: the body on stdout; errors "curl: (N) ..." on stderr (hidden by -s unless -S):
//   (6) Could not resolve host: web
//   (7) Failed to connect to web port 80 after 0 ms: Couldn't connect to server   (refused,
//       unreachable; "after" counts from the start, name resolution included)
//   (28) the same text when the kernel gave up (ETIMEDOUT after the SYN retries: curl 7.88 maps
//       that errno to 28 after formatting the message), or "Connection timed out after N
//       milliseconds" for --connect-timeout/-m
//   (52) Empty reply from server, (56) Recv failure: Connection reset by peer
// -I/--head prints the server's response headers (nginx 1.27.2's or httpd 2.4.62's, CRLF line
// ends as they arrive), -i puts them before the body, -v traces the exchange on stderr ("* ",
// "> ", "< " lines as curl 7.88 prints them), -o FILE writes the document to a file where curl
// runs (-o /dev/null drops it); an unknown option is curl's "option --x: is unknown" (exit 2).
// curl's progress meter (shown on stderr when stdout is not a terminal) is not modelled; nor
// is TLS: https gets the same answer as http. wget is always busybox's applet (GNU wget prints
// wall-clock dates). nc without -z is treated as -z (no data is modelled).
#include <ctime>
#include <map>

#include "sim/tools/commands.hpp"
#include "sim/tools/resolver.hpp"
#include "sim/tools/tcp_probe.hpp"

namespace sim::tools {

namespace {

std::string afterMs(core::Duration d) { return std::to_string(d.micros() / 1000); }

std::string serviceOf(std::uint16_t port) {
    switch (port) {
        case 22: return "ssh";
        case 53: return "domain";
        case 80: return "http";
        case 443: return "https";
        case 3306: return "mysql";
        case 5432: return "postgresql";
        case 6379: return "redis";
        case 8080: return "http-alt";
        default: return "*";
    }
}


/// Each line prefixed as curl -v shows traffic ("> " sent, "< " received).
std::string prefixed(const std::string& text, const std::string& prefix) {
    std::string out;
    std::size_t start = 0;
    while (start < text.size()) {
        const auto nl = text.find('\n', start);
        out += prefix + text.substr(start, (nl == std::string::npos ? text.size() : nl + 1) - start);
        if (nl == std::string::npos) break;
        start = nl + 1;
    }
    return out;
}

}  // namespace

ToolResult runCurl(ToolContext& ctx, const Args& argv) {
    bool silent = false, showErrors = false, head = false, include = false, verbose = false;
    std::optional<std::string> outputFile;  // -o FILE ("-" is stdout)
    std::optional<std::string> writeOut;  // -w: only %{http_code}, %{remote_ip}, %{remote_port}, \n, \t
    std::optional<core::Duration> connectTimeout;
    std::string method = "GET";
    std::string urlText;
    auto unknown = [](const std::string& opt) {
        return failure("curl: option " + opt + ": is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n", 2);
    };
    auto needsValue = [](const std::string& opt) {
        return failure("curl: option " + opt + ": requires parameter\ncurl: try 'curl --help' or 'curl --manual' for more information\n", 2);
    };
    // Long options and the short letter each stands for; a letter in kValued takes a value.
    static const std::map<std::string, char> kLong = {
        {"--silent", 's'},  {"--show-error", 'S'}, {"--head", 'I'},      {"--include", 'i'},  {"--verbose", 'v'},
        {"--output", 'o'},  {"--write-out", 'w'},  {"--max-time", 'm'},  {"--header", 'H'},   {"--request", 'X'},
        {"--data", 'd'},    {"--user-agent", 'A'}, {"--location", 'L'},  {"--fail", 'f'},     {"--insecure", 'k'},
        {"--user", 'u'},    {"--proxy", 'x'},      {"--referer", 'e'},   {"--ipv4", '4'},     {"--retry", '\x01'},
        {"--connect-timeout", '\x02'}, {"--noproxy", '\x03'}};
    const std::string kValued = "owmHXdAux\x01\x02\x03";
    const std::string kFlags = "sSIivLfk4";
    for (std::size_t n = 1; n < argv.size(); ++n) {
        const std::string& a = argv[n];
        std::vector<std::pair<char, std::string>> opts;  // (letter, name as given)
        if (startsWith(a, "--")) {
            const auto it = kLong.find(a);
            if (it == kLong.end()) return unknown(a);
            opts.emplace_back(it->second, a);
        } else if (startsWith(a, "-") && a.size() > 1) {
            for (std::size_t k = 1; k < a.size(); ++k) {
                const char c = a[k];
                if (kValued.find(c) == std::string::npos && kFlags.find(c) == std::string::npos) return unknown("-" + std::string(1, c));
                if (kValued.find(c) != std::string::npos && k + 1 < a.size()) {
                    // "-ofile": the rest of the word is the value.
                    opts.emplace_back(c, "-" + std::string(1, c) + "\x1f" + a.substr(k + 1));
                    break;
                }
                opts.emplace_back(c, "-" + std::string(1, c));
            }
        } else {
            urlText = a;
            continue;
        }
        for (const auto& [c, name] : opts) {
            std::string v;
            if (kValued.find(c) != std::string::npos) {
                const auto glued = name.find('\x1f');
                if (glued != std::string::npos) v = name.substr(glued + 1);
                else if (n + 1 < argv.size()) v = argv[++n];
                else return needsValue(name);
            }
            const std::string shown = name.substr(0, name.find('\x1f'));
            switch (c) {
                case 's': silent = true; break;
                case 'S': showErrors = true; break;
                case 'I': head = true; method = "HEAD"; break;
                case 'i': include = true; break;
                case 'v': verbose = true; break;
                case 'o': outputFile = v; break;
                case 'w': writeOut = v; break;
                case 'X': method = v; break;
                case 'm': case '\x02': {
                    auto secs = parseDouble(v);
                    if (!secs)
                        return failure("curl: option " + shown + ": expected a proper numerical parameter\ncurl: try 'curl --help' or 'curl --manual' for more information\n", 2);
                    connectTimeout = core::micros(static_cast<std::int64_t>(*secs * 1e6));
                    break;
                }
                default: break;  // -H, -d, -A, -u, -x, -e, --retry, -L, -f, -k, -4: no effect on a 200 page over http
            }
        }
    }
    std::string remoteIp;
    int remotePort = 0;
    auto expandWriteOut = [&](const std::string& httpCode) {
        if (!writeOut) return std::string();
        std::string out;
        const std::string& w = *writeOut;
        auto at = [&](std::size_t i, std::string_view token) { return w.compare(i, token.size(), token) == 0; };
        for (std::size_t i = 0; i < w.size(); ++i) {
            if (at(i, "%{http_code}") || at(i, "%{response_code}")) {
                out += httpCode;
                i = w.find('}', i);
            } else if (at(i, "%{remote_ip}")) {
                out += remoteIp;
                i = w.find('}', i);
            } else if (at(i, "%{remote_port}")) {
                out += remotePort ? std::to_string(remotePort) : std::string();
                i = w.find('}', i);
            } else if (w[i] == '\\' && i + 1 < w.size() && (w[i + 1] == 'n' || w[i + 1] == 't')) {
                out += w[i + 1] == 'n' ? '\n' : '\t';
                ++i;
            } else {
                out += w[i];
            }
        }
        return out;
    };
    auto fail = [&](int code, const std::string& message) {
        ToolResult r = failure(silent && !showErrors ? std::string() : "curl: (" + std::to_string(code) + ") " + message + "\n", code);
        r.out = expandWriteOut("000");
        return r;
    };
    if (urlText.empty()) return failure("curl: try 'curl --help' or 'curl --manual' for more information\n", 2);
    const auto url = parseUrl(urlText);
    if (!url) return fail(3, "URL using bad/illegal format or missing URL");
    if (url->ipv6Literal) return failure("docknet: curl: IPv6 connections are not modelled (the simulated kernel carries IPv4 only)\n", 2);

    net::Kernel& k = *ctx.kernel;
    const core::SimTime start = k.now();
    const Resolution res = resolveHost(ctx, url->host);
    if (res.status != ResolveStatus::Ok) return fail(6, "Could not resolve host: " + url->host);

    remoteIp = res.address.toString();
    remotePort = url->port;
    TcpProbe probe;
    std::optional<core::Duration> left;
    if (connectTimeout) left = std::max(core::micros(0), *connectTimeout - (k.now() - start));
    const HttpResponse reply = exchangeHttp(ctx, res.address, url->port, probe, left);
    const std::string where = "Failed to connect to " + url->host + " port " + std::to_string(url->port) + " after ";
    if (!probe.started) return fail(7, where + afterMs(k.now() - start) + " ms: Couldn't connect to server");
    if (probe.gaveUp) return fail(28, "Connection timed out after " + afterMs(k.now() - start) + " milliseconds");
    if (probe.outcome != net::ConnectOutcome::Connected) {
        const int code = probe.outcome == net::ConnectOutcome::TimedOut ? 28 : 7;
        return fail(code, where + afterMs(k.now() - start) + " ms: Couldn't connect to server");
    }
    if (reply.kind == HttpReply::Empty) return fail(52, "Empty reply from server");
    if (reply.kind == HttpReply::Reset) return fail(56, "Recv failure: Connection reset by peer");
    const std::string headers = httpResponseHeaders(reply, ctx.epochSeconds + k.now().micros() / 1'000'000);
    // What goes to the output: the headers (-I, -i), then the body unless -I.
    const std::string document = (head || include ? headers : std::string()) + (head ? std::string() : reply.body);
    ToolResult r;
    if (verbose) {
        const std::string host = url->host + (url->port == 80 ? "" : ":" + std::to_string(url->port));
        r.err = "*   Trying " + remoteIp + ":" + std::to_string(url->port) + "...\n* Connected to " + url->host + " (" + remoteIp +
                ") port " + std::to_string(url->port) + " (#0)\n" +
                prefixed(method + " " + url->path + " HTTP/1.1\r\nHost: " + host + "\r\nUser-Agent: curl/7.88.1\r\nAccept: */*\r\n\r\n", "> ") +
                prefixed(headers, "< ");
        // tool_cb_dbg.c: body data not shown on a terminal is announced instead.
        const bool bodyToTerminal = ctx.isDockerHost && (!outputFile || *outputFile == "-");
        if (!head && !bodyToTerminal) r.err += "{ [" + std::to_string(reply.body.size()) + " bytes data]\n";
        r.err += "* Connection #0 to host " + url->host + " left intact\n";
    }
    if (outputFile && *outputFile != "-") {
        if (*outputFile != "/dev/null") r.writtenFiles.emplace_back(*outputFile, document);
    } else {
        r.out = document;
    }
    r.out += expandWriteOut("200");
    return r;
}

ToolResult runWget(ToolContext& ctx, const Args& argv) {
    const ParsedOptions p = parseOptions(argv, "qO:T:Ys:U:c");
    if (p.invalid) return failure("wget: unrecognized option: " + std::string(1, *p.invalid) + "\n", 1);
    bool quiet = false;
    std::optional<std::string> output;
    std::optional<core::Duration> timeout;
    for (const auto& [opt, value] : p.options) {
        if (opt == 'q') quiet = true;
        if (opt == 'O') output = value;
        if (opt == 'T')
            if (auto s = parseLong(value)) timeout = core::seconds(*s);
    }
    if (p.operands.empty()) return failure("BusyBox v1.36.1 multi-call binary.\n\nUsage: wget [-cqS] [-O FILE] URL...\n", 1);
    const auto url = parseUrl(p.operands.front());
    if (!url) return failure("wget: not an http or ftp url: " + p.operands.front() + "\n", 1);
    if (url->ipv6Literal) return failure("docknet: wget: IPv6 connections are not modelled (the simulated kernel carries IPv4 only)\n", 2);
    const Resolution res = resolveHost(ctx, url->host);
    if (res.status != ResolveStatus::Ok) return failure("wget: bad address '" + url->host + "'\n", 1);

    ToolResult r;
    if (!quiet) r.err += "Connecting to " + url->host + " (" + res.address.toString() + ":" + std::to_string(url->port) + ")\n";
    TcpProbe probe;
    const HttpResponse reply = exchangeHttp(ctx, res.address, url->port, probe, timeout);
    r.exitCode = 1;
    if (probe.gaveUp) return r.err += "wget: download timed out\n", r;
    if (!probe.started || probe.outcome != net::ConnectOutcome::Connected) {
        const auto outcome = probe.started ? probe.outcome : net::ConnectOutcome::NetUnreachable;
        r.err += "wget: can't connect to remote host (" + res.address.toString() + "): " + connectErrorText(outcome, true) + "\n";
        return r;
    }
    if (reply.kind == HttpReply::Empty) return r.err += "wget: error getting response\n", r;
    if (reply.kind == HttpReply::Reset) return r.err += "wget: error getting response: Connection reset by peer\n", r;
    r.exitCode = 0;
    const std::string file = output.value_or(url->path == "/" || url->path.back() == '/' ? "index.html" : baseName(url->path));
    const bool toStdout = file == "-";
    if (toStdout) r.out = reply.body;
    else if (file != "/dev/null") r.writtenFiles.emplace_back(file, reply.body);  // where wget runs
    if (!quiet) {
        const std::string size = std::to_string(reply.body.size());
        r.err += toStdout ? "writing to stdout\n" : "saving to '" + file + "'\n";
        r.err += fitRight(toStdout ? "-" : file, 20) + " 100% |" + std::string(32, '*') + "| " + padLeft(size, 5) + "  0:00:00 ETA\n";
        r.err += toStdout ? "written to stdout\n" : "'" + file + "' saved\n";
    }
    return r;
}

ToolResult runNc(ToolContext& ctx, const Args& argv) {
    const bool busybox = ctx.flavor == Flavor::Busybox;
    const ParsedOptions p = parseOptions(argv, "zvnuw:W:lp:");
    bool verbose = false;
    std::optional<core::Duration> timeout;
    for (const auto& [opt, value] : p.options) {
        if (opt == 'v') verbose = true;
        if (opt == 'w')
            if (auto s = parseLong(value)) timeout = core::seconds(*s);
        if (opt == 'u' || opt == 'l') return failure("docknet: nc -" + std::string(1, opt) + ": not modelled\n", 127);
    }
    if (p.operands.size() < 2) {
        if (busybox) return failure("BusyBox v1.36.1 multi-call binary.\n\nUsage: nc [OPTIONS] HOST PORT  - connect\n", 1);
        return failure("usage: nc [-46CDdFhklNnrStUuvZz] [-I length] [-i interval] [-M ttl]\n", 1);
    }
    const std::string& host = p.operands[0];
    const auto portNumber = parseLong(p.operands[1]);
    if (!portNumber || *portNumber <= 0 || *portNumber > 65535) {
        if (busybox) return failure("nc: bad port '" + p.operands[1] + "'\n", 1);
        return failure("nc: port number invalid: " + p.operands[1] + "\n", 1);
    }
    const auto port = static_cast<std::uint16_t>(*portNumber);
    const Resolution res = resolveHost(ctx, host);
    if (res.status != ResolveStatus::Ok) {
        if (busybox) return failure("nc: bad address '" + host + "'\n", 1);
        return failure("nc: getaddrinfo for host \"" + host + "\" port " + p.operands[1] + ": " + std::string(gaiMessage(res.status)) + "\n", 1);
    }
    const TcpProbe probe = probeTcp(ctx, res.address, port, timeout);
    const std::string ip = res.address.toString();
    const bool numericHost = res.source == ResolveSource::Literal;
    const bool connected = probe.started && probe.outcome == net::ConnectOutcome::Connected;
    const auto outcome = probe.started ? probe.outcome : net::ConnectOutcome::NetUnreachable;
    if (busybox) {
        const std::string who = host + " (" + ip + ":" + std::to_string(port) + ")";
        if (connected) return ToolResult{{}, verbose ? who + " open\n" : "", 0};
        return failure(verbose ? "nc: " + who + ": " + connectErrorText(outcome, true) + "\n" : "", 1);
    }
    const std::string who = numericHost ? host : host + " (" + ip + ")";
    if (connected)
        return ToolResult{{}, verbose ? "Connection to " + who + " " + std::to_string(port) + " port [tcp/" + serviceOf(port) + "] succeeded!\n" : "", 0};
    const std::string reason = probe.gaveUp ? "Operation now in progress" : connectErrorText(outcome, false);
    return failure(verbose ? "nc: connect to " + who + " port " + std::to_string(port) + " (tcp) failed: " + reason + "\n" : "", 1);
}

}  // namespace sim::tools
