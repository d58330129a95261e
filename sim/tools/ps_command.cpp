// ps: procps-ng 4.0 (Debian 12, Ubuntu 24.04) and BusyBox 1.36's applet, over the ToolContext's
// process table (docknet's PID model, docs/PROCESSES.md). Every process has used no CPU time.
//
// procps: no option lists the processes of ps's own terminal and user (docker exec without -t
// has none, so it lists the other processes without one); -e/-A every process; -f the full
// format (UID PID PPID C STIME TTY TIME CMD); BSD `a`, `x`, `u` (`ps aux`); -o LIST; -p PIDS;
// -C NAMES. Column widths are procps 4's (PID 7 wide). Anything else is procps's own refusal.
// BusyBox: PID USER TIME COMMAND, or -o LIST; -a -A -d -e -f -l are accepted and ignored, as
// the applet does (getopt32 "o:*TaAdefl"), and so are operands such as `aux`.
#include <algorithm>
#include <sstream>

#include "sim/tools/commands.hpp"

namespace sim::tools {

namespace {

const char* kProcpsUsage =
    "\nUsage:\n ps [options]\n\n Try 'ps --help <simple|list|output|threads|misc|all>'\n  or 'ps --help <s|l|o|t|m|a>'\n"
    " for additional help text.\n\nFor more details see ps(1).\n";

constexpr long kMemTotalKb = 4013676;  // the simulated host's MemTotal (docker info: 3.828GiB)

struct PsColumn {
    std::string key;
    std::string header;
    std::size_t width;
    bool right;
};

std::vector<std::string> splitList(const std::string& s) {
    std::vector<std::string> out;
    std::string item;
    std::istringstream in(s);
    while (std::getline(in, item, ',')) {
        std::istringstream words(item);
        std::string w;
        while (words >> w) out.push_back(w);
    }
    return out;
}

std::string procpsValue(const ProcessEntry& p, const std::string& key) {
    if (key == "pid") return std::to_string(p.pid);
    if (key == "ppid") return std::to_string(p.ppid);
    if (key == "user" || key == "uname" || key == "euser") return p.user;
    if (key == "comm" || key == "ucmd") return p.comm;
    if (key == "args" || key == "cmd" || key == "command") return p.cmdline;
    if (key == "tty" || key == "tname" || key == "tt") return p.tty;
    if (key == "stat") return p.stat;
    if (key == "time" || key == "cputime") return "00:00:00";
    if (key == "stime" || key == "start_time") return p.start;
    if (key == "vsz") return std::to_string(p.vszKb);
    if (key == "rss") return std::to_string(p.rssKb);
    return {};
}

std::optional<PsColumn> procpsColumn(const std::string& key) {
    static const std::vector<PsColumn> kColumns = {
        {"pid", "PID", 7, true},        {"ppid", "PPID", 7, true},      {"user", "USER", 8, false},
        {"uname", "USER", 8, false},    {"euser", "EUSER", 8, false},   {"comm", "COMMAND", 15, false},
        {"ucmd", "CMD", 15, false},     {"args", "COMMAND", 27, false}, {"cmd", "CMD", 27, false},
        {"command", "COMMAND", 27, false}, {"tty", "TT", 8, false},     {"tname", "TTY", 8, false},
        {"tt", "TT", 8, false},         {"stat", "STAT", 4, false},     {"time", "TIME", 8, true},
        {"cputime", "TIME", 8, true},   {"stime", "STIME", 5, false},   {"start_time", "START", 5, false},
        {"vsz", "VSZ", 6, true},        {"rss", "RSS", 5, true}};
    for (const auto& c : kColumns)
        if (c.key == key) return c;
    return std::nullopt;
}

std::string renderColumns(const std::vector<PsColumn>& cols, const std::vector<const ProcessEntry*>& rows) {
    auto line = [&](const std::function<std::string(const PsColumn&)>& cell) {
        std::string out;
        for (std::size_t i = 0; i < cols.size(); ++i) {
            const std::string v = cell(cols[i]);
            if (i) out += " ";
            const bool last = i + 1 == cols.size();
            out += cols[i].right ? padLeft(v, cols[i].width) : last ? v : padRight(v, cols[i].width);
        }
        return out + "\n";
    };
    std::string out = line([](const PsColumn& c) { return c.header; });
    for (const auto* p : rows) out += line([p](const PsColumn& c) { return procpsValue(*p, c.key); });
    return out;
}

std::string percent(double v) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

ToolResult procps(const ToolContext& ctx, const Args& argv) {
    bool all = false, full = false, bsdA = false, bsdX = false, bsdU = false;
    std::vector<std::string> format, pids, names;
    auto refuse = [](const std::string& why) { return failure("error: " + why + "\n" + kProcpsUsage, 1); };
    for (std::size_t i = 1; i < argv.size(); ++i) {
        const std::string& a = argv[i];
        if (a.empty()) continue;
        if (a[0] != '-') {  // BSD syntax: "aux", "ax"
            for (char ch : a) {
                if (ch == 'a') bsdA = true;
                else if (ch == 'x') bsdX = true;
                else if (ch == 'u') bsdU = true;
                else return refuse("unsupported option (BSD syntax)");
            }
            continue;
        }
        for (std::size_t k = 1; k < a.size(); ++k) {
            const char ch = a[k];
            if (ch == 'e' || ch == 'A') {
                all = true;
            } else if (ch == 'f') {
                full = true;
            } else if (ch == 'o' || ch == 'p' || ch == 'C') {
                std::string value = a.substr(k + 1);
                if (value.empty()) {
                    if (i + 1 >= argv.size()) return refuse("list of " + std::string(ch == 'o' ? "format specifiers" : ch == 'p' ? "process IDs" : "command names") + " must follow -" + std::string(1, ch));
                    value = argv[++i];
                }
                auto& list = ch == 'o' ? format : ch == 'p' ? pids : names;
                for (auto& v : splitList(value)) list.push_back(v);
                break;
            } else {
                return refuse("unsupported SysV option");
            }
        }
    }
    // -o KEY or KEY=HEADER (the rest of the list after '=' is the header, as procps reads it).
    std::vector<PsColumn> userColumns;
    for (const auto& item : format) {
        const std::string key = item.substr(0, item.find('='));
        auto col = procpsColumn(key);
        if (!col) return failure("error: unknown user-defined format specifier \"" + key + "\"\n" + kProcpsUsage, 1);
        if (item.find('=') != std::string::npos) col->header = item.substr(item.find('=') + 1);
        userColumns.push_back(*col);
    }

    // Selection: ps's own terminal and user unless told otherwise.
    const ProcessEntry& self = ctx.processes.back();
    std::vector<const ProcessEntry*> rows;
    for (const auto& p : ctx.processes) {
        bool take;
        if (!pids.empty() || !names.empty()) {
            take = std::find(pids.begin(), pids.end(), std::to_string(p.pid)) != pids.end() ||
                   std::find(names.begin(), names.end(), p.comm) != names.end();
        } else if (all || (bsdA && bsdX)) {
            take = true;
        } else if (bsdA) {
            take = p.tty != "?";
        } else if (bsdX) {
            take = p.user == self.user;
        } else {
            take = p.tty == self.tty && p.user == self.user;
        }
        if (take) rows.push_back(&p);
    }
    if (!userColumns.empty()) {
        std::string out = renderColumns(userColumns, rows);
        // Every header empty ("-o pid="): procps prints no header line.
        if (std::all_of(userColumns.begin(), userColumns.end(), [](const PsColumn& c) { return c.header.empty(); }))
            out.erase(0, out.find('\n') + 1);
        return ok(out);
    }
    if (bsdU) {
        std::string out = "USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND\n";
        for (const auto* p : rows)
            out += padRight(p->user, 8) + " " + padLeft(std::to_string(p->pid), 7) + " " + padLeft("0.0", 4) + " " +
                   padLeft(percent(100.0 * static_cast<double>(p->rssKb) / kMemTotalKb), 4) + " " +
                   padLeft(std::to_string(p->vszKb), 6) + " " + padLeft(std::to_string(p->rssKb), 5) + " " +
                   padRight(p->tty, 8) + " " + padRight(p->stat, 4) + " " + padLeft(p->start, 5) + " " + padLeft("0:00", 6) +
                   " " + p->cmdline + "\n";
        return ok(out);
    }
    if (full) {
        std::string out = "UID          PID    PPID  C STIME TTY          TIME CMD\n";
        for (const auto* p : rows)
            out += padRight(p->user, 8) + " " + padLeft(std::to_string(p->pid), 7) + " " + padLeft(std::to_string(p->ppid), 7) +
                   " " + padLeft("0", 2) + " " + padRight(p->start, 5) + " " + padRight(p->tty, 8) + " 00:00:00 " + p->cmdline +
                   "\n";
        return ok(out);
    }
    std::string out = "    PID TTY          TIME CMD\n";
    for (const auto* p : rows)
        out += padLeft(std::to_string(p->pid), 7) + " " + padRight(p->tty, 8) + " 00:00:00 " + p->comm + "\n";
    return ok(out);
}

ToolResult busyboxPs(const ToolContext& ctx, const Args& argv) {
    const std::string usage =
        "BusyBox v1.36.1 multi-call binary.\n\nUsage: ps [-o COL1,COL2=HEADER] [-T]\n\nShow list of processes\n\n"
        "\t-o COL1,COL2=HEADER\tSelect columns for display\n\t-T\t\t\tShow threads\n";
    const ParsedOptions p = parseOptions(argv, "o:TaAdefl");
    if (p.invalid) return failure("ps: unrecognized option: " + std::string(1, *p.invalid) + "\n" + usage, 1);
    if (p.missingArg) return failure("ps: option requires an argument: " + std::string(1, *p.missingArg) + "\n" + usage, 1);
    std::vector<std::string> format;
    for (const auto& [opt, value] : p.options)
        if (opt == 'o')
            for (auto& v : splitList(value)) format.push_back(v);
    if (format.empty()) format = {"pid", "user", "time", "args"};
    // busybox ps.c out_spec[]: width, name, header.
    struct Spec {
        std::string key;
        std::size_t width;
        std::string header;
    };
    static const std::vector<Spec> kSpecs = {{"user", 8, "USER"}, {"group", 8, "GROUP"}, {"comm", 16, "COMMAND"},
                                             {"args", 0, "COMMAND"}, {"pid", 5, "PID"}, {"ppid", 5, "PPID"},
                                             {"pgid", 5, "PGID"}, {"tty", 8, "TT"}, {"vsz", 6, "VSZ"},
                                             {"rss", 6, "RSS"}, {"stat", 4, "STAT"}, {"time", 5, "TIME"}};
    std::vector<Spec> cols;
    for (const auto& key : format) {
        const std::string name = key.substr(0, key.find('='));
        auto it = std::find_if(kSpecs.begin(), kSpecs.end(), [&](const Spec& s) { return s.key == name; });
        if (it == kSpecs.end()) return failure("ps: bad -o argument '" + name + "', supported arguments: user,group,comm,args,pid,ppid,pgid,etime,nice,rgroup,ruser,time,tty,vsz,sid,stat,rss\n", 1);
        Spec s = *it;
        if (key.find('=') != std::string::npos) s.header = key.substr(key.find('=') + 1);
        cols.push_back(s);
    }
    auto value = [](const ProcessEntry& e, const std::string& key) -> std::pair<std::string, bool> {
        if (key == "pid") return {std::to_string(e.pid), true};
        if (key == "ppid") return {std::to_string(e.ppid), true};
        if (key == "pgid") return {std::to_string(e.pid), true};
        if (key == "user" || key == "group") return {e.user, false};
        if (key == "comm") return {e.comm, false};
        if (key == "args") return {e.cmdline, false};
        if (key == "tty") return {e.tty == "?" ? "?" : e.tty.substr(e.tty.find('/') + 1), false};
        if (key == "vsz") return {std::to_string(e.vszKb), true};
        if (key == "rss") return {std::to_string(e.rssKb), true};
        if (key == "stat") return {e.stat.substr(0, 1), false};
        return {"0:00", true};
    };
    auto line = [&](const std::function<std::pair<std::string, bool>(const Spec&)>& cell) {
        std::string out;
        for (std::size_t i = 0; i < cols.size(); ++i) {
            auto [v, right] = cell(cols[i]);
            if (i) out += " ";
            const bool last = i + 1 == cols.size();
            if (cols[i].width == 0 || last) out += (right && cols[i].width) ? padLeft(v, cols[i].width) : v;
            else out += right ? padLeft(v, cols[i].width) : padRight(v, cols[i].width);
        }
        // busybox trims nothing but the header's last column is not padded either.
        return out + "\n";
    };
    std::string out = line([](const Spec& s) { return std::pair<std::string, bool>{s.header, false}; });
    for (const auto& e : ctx.processes) out += line([&](const Spec& s) { return value(e, s.key); });
    return ok(out);
}

}  // namespace

ToolResult runPs(ToolContext& ctx, const Args& argv) {
    if (ctx.processes.empty()) return ok();
    return ctx.flavor == Flavor::Busybox ? busyboxPs(ctx, argv) : procps(ctx, argv);
}

}  // namespace sim::tools
