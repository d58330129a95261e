// ss (iproute2 6.1): the namespace's TCP listeners and UDP sockets with ss's column layout
// (misc/ss.c render_calc_width/render): each column is as wide as its longest entry (header
// included) plus its left delimiter, and the room left on an 80-column line (docker exec gives
// no terminal) is shared out evenly, the rightmost columns taking the remainder. Local/peer
// addresses are right-aligned ("0.0.0.0:" then the port), everything else left-aligned; the
// Process column is always there (empty without -p). Without -n ports print as service names.
// Send-Q of a listener is its backlog: 511 for nginx and httpd, 4096 (somaxconn) otherwise.
// -p prints users:(("COMM",pid=N,fd=M)) for a socket whose process is in the tool's PID
// namespace (docknet's PID model, docs/PROCESSES.md), nothing for one outside it.
#include "sim/net/net_namespace.hpp"
#include "sim/tools/commands.hpp"

namespace sim::tools {

namespace {

constexpr std::size_t kScreenWidth = 80;

struct Column {
    std::string header;
    std::string ldelim;
    bool alignRight = false;
    bool enabled = true;
    std::size_t width = 0;
    std::size_t maxLen = 0;
};

std::string serviceName(std::uint16_t port, bool tcp) {
    switch (port) {
        case 22: return "ssh";
        case 53: return "domain";
        case 80: return "http";
        case 443: return "https";
        case 3306: return "mysql";
        case 5432: return "postgresql";
        case 6379: return tcp ? "redis" : "6379";
        case 8080: return "http-alt";
        default: return std::to_string(port);
    }
}

int backlogOf(const std::string& owner) { return owner == "nginx" || owner == "httpd" ? 511 : 4096; }

/// ss's render_calc_width for one line of columns.
void calcWidths(std::vector<Column>& cols) {
    bool first = true;
    for (auto& c : cols) {
        if (!c.enabled) continue;
        c.width = (!first && c.maxLen) ? c.maxLen + c.ldelim.size() : c.maxLen;
        c.width = std::min(c.width, kScreenWidth);
        if (c.width) first = false;
    }
    std::size_t len = 0, lineCols = 0;
    for (auto& c : cols) len += c.enabled ? c.width : 0, lineCols += (c.enabled && c.width) ? 1 : 0;
    if (len >= kScreenWidth || lineCols == 0) return;
    const std::size_t pad = kScreenWidth - len;
    std::size_t spacing = pad / lineCols, rem = pad % lineCols;
    // Walked from the last column backwards, so the remainder goes to the rightmost ones.
    for (auto it = cols.rbegin(); it != cols.rend(); ++it) {
        if (!it->enabled || !it->width) continue;
        it->width += spacing;
        if (rem) {
            ++it->width;
            --rem;
        }
    }
}

std::string render(std::vector<Column>& cols, const std::vector<std::vector<std::string>>& rows) {
    for (const auto& row : rows) {
        std::size_t n = 0;
        for (auto& c : cols) {
            if (!c.enabled) continue;
            c.maxLen = std::max(c.maxLen, row[n++].size());
        }
    }
    calcWidths(cols);
    std::string out;
    for (const auto& row : rows) {
        std::size_t n = 0;
        bool started = false;
        for (const auto& c : cols) {
            if (!c.enabled) continue;
            const std::string& token = row[n++];
            std::size_t printed = 0;
            if (started) {
                out += c.ldelim;
                printed = c.ldelim.size();
            }
            started = true;
            if (c.alignRight && c.width > token.size() + printed) out.append(c.width - token.size() - printed, ' ');
            out += token;
            printed += token.size();
            if (!c.alignRight && c.width > printed) out.append(c.width - printed, ' ');
        }
        out += "\n";
    }
    return out;
}

std::string usersOf(const ToolContext& ctx, const net::SocketInfo& s) {
    const auto holder = ctx.socketHolders.find(s.id);
    if (holder == ctx.socketHolders.end()) return "";
    for (const auto& p : ctx.processes)
        if (p.pid == holder->second.pid)
            return "users:((\"" + p.comm + "\",pid=" + std::to_string(p.pid) + ",fd=" + std::to_string(holder->second.fd) + "))";
    return "";
}

}  // namespace

ToolResult runSs(ToolContext& ctx, const Args& argv) {
    const ParsedOptions p = parseOptions(argv, "tulnapHe46");
    if (p.invalid) return failure("ss: invalid option -- '" + std::string(1, *p.invalid) + "'\n", 255);
    bool tcp = false, udp = false, listening = false, all = false, numeric = false, processes = false, noHeader = false;
    bool ipv4 = false, ipv6 = false;
    for (const auto& [opt, value] : p.options) {
        tcp |= opt == 't';
        udp |= opt == 'u';
        listening |= opt == 'l';
        all |= opt == 'a';
        numeric |= opt == 'n';
        processes |= opt == 'p';
        noHeader |= opt == 'H';
        ipv4 |= opt == '4';
        ipv6 |= opt == '6';
        // -e adds uid, inode and cookie fields docknet has no values for: said, not ignored.
        if (opt == 'e') return failure("docknet: ss -e: this option is not modelled\n", 127);
    }
    if (!tcp && !udp) tcp = udp = true;
    std::vector<Column> cols = {
        {"Netid", "", false, tcp && udp}, {"State", " "},          {"Recv-Q", " "},       {"Send-Q", " "},
        {"Local Address:", " ", true},    {"Port", ""},            {"Peer Address:", " ", true}, {"Port", ""},
        {"Process", ""},
    };
    auto enabledOnly = [&](std::vector<std::string> all9) {
        std::vector<std::string> row;
        for (std::size_t i = 0; i < cols.size(); ++i)
            if (cols[i].enabled) row.push_back(std::move(all9[i]));
        return row;
    };
    std::vector<std::vector<std::string>> rows;
    if (!noHeader) {
        std::vector<std::string> h;
        for (const auto& c : cols) h.push_back(c.header);
        rows.push_back(enabledOnly(h));
    }
    // The simulated sockets are all listeners (TCP) or unconnected (UDP): ss shows them with -l/-a.
    if (listening || all) {
        for (const auto& s : ctx.kernel->ns(ctx.ns)->sockets().sockets()) {
            const bool isTcp = s.transport == net::Transport::Tcp;
            if ((isTcp && !tcp) || (!isTcp && !udp)) continue;
            // -4 / -6 select the family; a dual-stack [::] socket is AF_INET6.
            if ((ipv4 || ipv6) && !(s.isIpv6() ? ipv6 : ipv4)) continue;
            const std::string port = numeric ? std::to_string(s.port) : serviceName(s.port, isTcp);
            // inet_addr_print: "*" for a dual-stack [::], brackets for an IPv6 address.
            const std::string any = s.family == net::SocketFamily::Inet6DualStack ? "*"
                                    : s.isIpv6()                                 ? "[::]"
                                                                                 : "0.0.0.0";
            const std::string local = s.isIpv6() ? any : s.address.toString();
            rows.push_back(enabledOnly({isTcp ? "tcp" : "udp", isTcp ? "LISTEN" : "UNCONN", "0",
                                        isTcp ? std::to_string(backlogOf(s.owner)) : "0", local + ":", port, any + ":", "*",
                                        processes ? usersOf(ctx, s) : ""}));
        }
    }
    return ok(render(cols, rows));
}

}  // namespace sim::tools
