// iptables (1.8.9, nf_tables backend as on Debian bookworm) listing commands over the namespace's
// XtTables: -S/--list-rules [CHAIN] and -L/--list [CHAIN] with -n, -v, --line-numbers, -t filter|nat
// (mangle and raw exist empty), the counters with -v [-x], and -Z [CHAIN] (alone or after -L,
// which lists, then zeroes). The rules are the student's too, as on a real host (Docker's
// packet-filtering page: DOCKER-USER): -A, -I [N], -D (spec or number), -C, -N, -X, -F, -P
// change the namespace's XtTables, and the next packet obeys them. Rendering lives in iptables_render.cpp.
// conntrack -L (conntrack-tools 1.4.7): one line per connection as the kernel's
// ctnetlink shows it; the TCP state is ESTABLISHED once a reply was seen, SYN_SENT before.
#include <algorithm>

#include "sim/net/net_namespace.hpp"
#include "sim/tools/commands.hpp"
#include "sim/tools/iptables_render.hpp"
#include "sim/tools/iptables_rule_spec.hpp"

namespace sim::tools {

namespace {

/// The built-in chains of the tables docknet keeps empty.
std::optional<std::vector<std::string>> emptyTableChains(const std::string& table) {
    if (table == "mangle") return std::vector<std::string>{"PREROUTING", "INPUT", "FORWARD", "OUTPUT", "POSTROUTING"};
    if (table == "raw") return std::vector<std::string>{"PREROUTING", "OUTPUT"};
    return std::nullopt;
}

std::string emptyTableText(const std::vector<std::string>& chains, bool save, const ListOptions& o) {
    std::string out;
    for (const auto& c : chains) {
        if (save) {
            out += "-P " + c + " ACCEPT\n";
            continue;
        }
        if (!out.empty()) out += "\n";
        out += "Chain " + c + " (policy ACCEPT" + (o.verbose ? " 0 packets, 0 bytes)\n" : ")\n");
        out += std::string(o.lineNumbers ? "num  " : "") + (o.verbose ? (o.exact ? "    pkts    bytes " : " pkts bytes ") : "") +
               "target     prot opt " +
               (o.verbose ? "in     out     " : "") + "source               destination         \n";
    }
    return out;
}

std::string protoName(wire::IpProtocol p) {
    return p == wire::IpProtocol::Tcp ? "tcp" : p == wire::IpProtocol::Udp ? "udp" : "icmp";
}

std::string tupleText(const net::ConnTuple& t, bool reply) {
    std::string s = "src=" + t.src.toString() + " dst=" + t.dst.toString() + " ";
    if (t.protocol == wire::IpProtocol::Icmp)
        return s + (reply ? "type=0 code=0 id=" + std::to_string(t.dport) : "type=8 code=0 id=" + std::to_string(t.sport)) + " ";
    return s + "sport=" + std::to_string(t.sport) + " dport=" + std::to_string(t.dport) + " ";
}

const std::string kTry = "Try `iptables -h' or 'iptables --help' for more information.\n";

/// The rule-changing commands, by their short letter.
char changeCommand(const std::string& w) {
    static const std::pair<const char*, char> kLong[] = {{"--append", 'A'}, {"--insert", 'I'},       {"--delete", 'D'},
                                                        {"--check", 'C'},  {"--new-chain", 'N'},    {"--delete-chain", 'X'},
                                                        {"--flush", 'F'},  {"--policy", 'P'},       {"--replace", 'R'},
                                                        {"--rename-chain", 'E'}};
    for (const auto& [name, c] : kLong)
        if (w == name) return c;
    if (w.size() == 2 && w[0] == '-' && std::string_view("AIDCNXFPRE").find(w[1]) != std::string_view::npos) return w[1];
    return 0;
}

bool isNumber(const std::string& s) { return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }); }

ToolResult fromResult(const core::Result<void>& r) {
    if (r) return ok();
    return failure(r.error().message + "\n", 1);
}

/// iptables -A/-I/-D/-C/-N/-X/-F/-P on `table`. `words` are argv without "iptables" and -t.
ToolResult changeRules(net::XtTable& xt, const std::vector<std::string>& words) {
    char command = 0;
    std::size_t at = 0;
    for (std::size_t i = 0; i < words.size(); ++i) {
        const char c = changeCommand(words[i]);
        if (!c) continue;
        if (command) return failure("iptables v1.8.9 (nf_tables): Can't use -" + std::string(1, c) + " with -" + std::string(1, command) + "\n\n" + kTry, 2);
        command = c;
        at = i;
    }
    if (command == 'R' || command == 'E')
        return failure("docknet: iptables -" + std::string(1, command) + " is not modelled (use -D and -I)\n", 2);
    std::vector<std::string> rest(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(at));
    std::optional<std::string> chain;
    std::size_t next = at + 1;
    if (next < words.size() && !words[next].starts_with("-")) chain = words[next++];
    std::optional<std::string> number;
    if ((command == 'I' || command == 'D') && next < words.size() && isNumber(words[next])) number = words[next++];
    rest.insert(rest.end(), words.begin() + static_cast<std::ptrdiff_t>(next), words.end());
    const bool needsChain = command != 'X' && command != 'F';
    if (needsChain && !chain)
        return failure("iptables v1.8.9 (nf_tables): option \"-" + std::string(1, command) + "\" requires an argument\n" + kTry, 2);

    switch (command) {
    case 'N':
    case 'X':
    case 'F':
        if (!rest.empty()) return failure("Bad argument `" + rest.front() + "'\n" + kTry, 2);
        if (command == 'N') return fromResult(xt.newChain(*chain));
        if (command == 'F') {
            if (chain) return fromResult(xt.flush(*chain));
            std::vector<std::string> all;
            for (const auto& c : xt.chains()) all.push_back(c.name);
            for (const auto& c : all) (void)xt.flush(c);
            return ok();
        }
        if (chain) return fromResult(xt.deleteChain(*chain));
        // -X alone: every user chain, which fails on the first one still referenced.
        for (;;) {
            std::optional<std::string> user;
            for (const auto& c : xt.chains())
                if (!c.builtin) user = c.name;
            if (!user) return ok();
            if (auto r = xt.deleteChain(*user); !r) return fromResult(r);
        }
    case 'P':
        if (rest.size() != 1) return failure("iptables v1.8.9 (nf_tables): -P requires a chain and a policy\n" + kTry, 2);
        if (rest[0] != "ACCEPT" && rest[0] != "DROP") return failure("iptables: Bad policy name. Run `dmesg' for more information.\n", 1);
        return fromResult(xt.setPolicy(*chain, rest[0] == "ACCEPT"));
    default:
        break;
    }
    if (command == 'D' && number) {
        if (!rest.empty()) return failure("Bad argument `" + rest.front() + "'\n" + kTry, 2);
        return fromResult(xt.removeAt(*chain, static_cast<std::size_t>(std::stoul(*number))));
    }
    auto rule = parseRuleSpec(rest, xt.kind());
    if (!rule) return failure(rule.error().message, rule.error().exitCode);
    if (!xt.chain(*chain)) return failure("iptables: No chain/target/match by that name.\n", 1);
    switch (command) {
    case 'A': return fromResult(xt.append(*chain, std::move(*rule)));
    case 'I': return fromResult(xt.insert(*chain, number ? static_cast<std::size_t>(std::stoul(*number)) : 1, std::move(*rule)));
    case 'D': return fromResult(xt.remove(*chain, *rule));
    case 'C':
        if (xt.contains(*chain, *rule)) return ok();
        return failure("iptables: Bad rule (does a matching rule exist in that chain?).\n", 1);
    default: return failure("iptables v1.8.9 (nf_tables): unknown command\n" + kTry, 2);
    }
}

}  // namespace

ToolResult runIptables(ToolContext& ctx, const Args& argv) {
    // nf_tables asks the kernel for the rule set's generation id before any command; without
    // CAP_NET_ADMIN netlink says EPERM, which iptables words as below (nft_strerror) and exits
    // RESOURCE_PROBLEM (4). Only the help needs no kernel.
    const bool help = argv.size() > 1 && (argv[1] == "-h" || argv[1] == "--help" || argv[1] == "-V" || argv[1] == "--version");
    if (!ctx.hasCapability("CAP_NET_ADMIN") && !help)
        return failure("iptables v1.8.9 (nf_tables): Could not fetch rule set generation id: Permission denied (you must be root)\n", 4);
    {
        // The rule-changing commands have their own reading: the rest of the line is a rule spec.
        std::string table = "filter";
        std::vector<std::string> words;
        bool changing = false;
        for (std::size_t n = 1; n < argv.size(); ++n) {
            const std::string& a = argv[n];
            if ((a == "-t" || a == "--table") && n + 1 < argv.size()) {
                table = argv[++n];
                continue;
            }
            changing = changing || changeCommand(a) != 0;
            words.push_back(a);
        }
        if (changing) {
            net::NetNamespace& ns = *ctx.kernel->ns(ctx.ns);
            if (table == "filter") return changeRules(ns.filter(), words);
            if (table == "nat") return changeRules(ns.nat(), words);
            if (emptyTableChains(table))
                return failure("docknet: iptables -t " + table + ": changing this table is not modelled (docknet models filter and nat)\n", 2);
            return failure("iptables v1.8.9 (nf_tables): table '" + table + "' does not exist\nPerhaps iptables or your kernel needs to be upgraded.\n", 3);
        }
    }
    std::string table = "filter";
    enum class Action { None, Save, List } action = Action::None;
    bool zero = false;
    std::optional<std::string> chain;
    ListOptions o;
    for (std::size_t n = 1; n < argv.size(); ++n) {
        const std::string& a = argv[n];
        if (a == "-t" || a == "--table") {
            if (n + 1 >= argv.size()) return failure("iptables v1.8.9 (nf_tables): option \"-t\" requires an argument\n", 2);
            table = argv[++n];
        } else if (startsWith(a, "-t") && a.size() > 2 && a[1] != '-') {
            table = a.substr(2);
        } else if (a == "--list" || a == "--list-rules") {
            action = a == "--list" ? Action::List : Action::Save;
        } else if (a == "--numeric") {
            o.numeric = true;
        } else if (a == "--verbose") {
            o.verbose = true;
        } else if (a == "--zero") {
            zero = true;
        } else if (a == "--exact") {
            o.exact = true;
        } else if (a == "--line-numbers") {
            o.lineNumbers = true;
        } else if (startsWith(a, "-") && a.size() > 1 && a[1] != '-') {
            for (char c : a.substr(1)) {
                if (c == 'S') action = Action::Save;
                else if (c == 'L') action = Action::List;
                else if (c == 'n') o.numeric = true;
                else if (c == 'v') o.verbose = true;
                else if (c == 'x') o.exact = true;
                else if (c == 'Z') zero = true;
                else if (std::string_view("AIDNXFPRE").find(c) != std::string_view::npos)
                    return failure("docknet: iptables -" + std::string(1, c) + ": changing rules is not modelled (the Docker layer owns them)\n", 127);
                else return failure("iptables v1.8.9 (nf_tables): unknown option \"" + a + "\"\nTry `iptables -h' or 'iptables --help' for more information.\n", 2);
            }
        } else if ((action != Action::None || zero) && !chain) {
            chain = a;
        } else {
            return failure("Bad argument `" + a + "'\nTry `iptables -h' or 'iptables --help' for more information.\n", 2);
        }
    }
    if (action == Action::Save && zero)
        return failure("iptables v1.8.9 (nf_tables): Illegal option `-Z' with this command\n\nTry `iptables -h' or 'iptables --help' for more information.\n", 2);
    if (action == Action::None && !zero)
        return failure("iptables v1.8.9 (nf_tables): no command specified\nTry `iptables -h' or 'iptables --help' for more information.\n", 2);
    net::NetNamespace& ns = *ctx.kernel->ns(ctx.ns);
    net::XtTable* xt = table == "filter" ? &ns.filter() : table == "nat" ? &ns.nat() : nullptr;
    const std::string noChain = "iptables: No chain/target/match by that name.\n";
    if (!xt) {
        auto chains = emptyTableChains(table);
        if (!chains) return failure("iptables v1.8.9 (nf_tables): table '" + table + "' does not exist\nPerhaps iptables or your kernel needs to be upgraded.\n", 3);
        if (chain) {
            if (std::find(chains->begin(), chains->end(), *chain) == chains->end()) return failure(noChain, 1);
            chains = std::vector<std::string>{*chain};
        }
        return ok(action == Action::None ? std::string() : emptyTableText(*chains, action == Action::Save, o));
    }
    std::optional<std::string> text = std::string();
    if (action == Action::Save) text = renderSave(*xt, chain);
    else if (action == Action::List) text = renderList(*xt, chain, o);
    if (!text || (chain && !xt->chain(*chain))) return failure(noChain, 1);
    // -L -Z lists the counters, then zeroes them, as iptables does.
    if (zero) (void)xt->zero(chain ? std::optional<std::string_view>(*chain) : std::nullopt);
    return ok(*text);
}

ToolResult runConntrack(ToolContext& ctx, const Args& argv) {
    const bool list = argv.size() >= 2 && (argv[1] == "-L" || argv[1] == "--dump");
    if (!list) {
        if (argv.size() >= 2 && (argv[1] == "-C" || argv[1] == "--count"))
            return ok(std::to_string(ctx.kernel->ns(ctx.ns)->conntrack().entries(ctx.kernel->now()).size()) + "\n");
        return failure("docknet: conntrack " + (argv.size() > 1 ? argv[1] : std::string()) + ": only -L and -C are modelled\n", 127);
    }
    const auto now = ctx.kernel->now();
    const auto entries = ctx.kernel->ns(ctx.ns)->conntrack().entries(now);
    std::string out;
    for (const auto& e : entries) {
        const auto p = e.original.protocol;
        std::string line = padRight(protoName(p), 8) + " " + std::to_string(static_cast<int>(p)) + " " +
                           std::to_string((e.expires - now).micros() / 1000000) + " ";
        if (p == wire::IpProtocol::Tcp) line += e.seenReply ? "ESTABLISHED " : "SYN_SENT ";
        line += tupleText(e.original, false);
        if (!e.seenReply) line += "[UNREPLIED] ";
        line += tupleText(e.reply, true);
        if (e.seenReply && p == wire::IpProtocol::Tcp) line += "[ASSURED] ";
        out += line + "mark=0 use=1\n";
    }
    return ToolResult{out, "conntrack v1.4.7 (conntrack-tools): " + std::to_string(entries.size()) + " flow entries have been shown.\n", 0};
}

}  // namespace sim::tools
