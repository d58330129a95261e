// ping: iputils-ping 20221126 (Debian bookworm) on GNU, busybox 1.36 ping on Busybox, over
// sim::net::Pinger. Output per docker-facts §10.3 and iputils' ping.c/ping_common.c:
//   header "PING host (a.b.c.d) 56(84) bytes of data.", replies, "From ... icmp_seq=N <error>",
//   a blank line, statistics, the rtt line when something came back (integer microsecond
//   arithmetic as iputils: avg = tsum/n, mdev = llsqrt((tsum2 - tsum*tsum/n)/n)), and "pipe N"
//   when acknowledge() saw more than one probe outstanding (appended to the rtt line).
// Name targets print "64 bytes from NAME (a.b.c.d)" where NAME is getnameinfo's answer
// (/etc/hosts, then a PTR query through DNS: Docker's embedded DNS answers "db.mynet" for a
// container on a user-defined network), or "a.b.c.d (a.b.c.d)" without one, as iputils does.
// Like iputils' pr_addr(), a lookup is made only when the source differs from the previous
// line's; docknet makes them once the probes are done (iputils as it prints each line), so the
// DNS exchanges follow the run instead of interleaving with it. Busybox prints numbers only.
// Without -c and -w ping would run until interrupted: docknet sends 4 probes and then stops as
// if Ctrl-C came one interval after the 4th (earlier when all 4 were answered).
// busybox: its seq counts from 0 (on the wire docknet's echo sequence still starts at 1); ICMP
// errors print nothing (busybox's raw socket drops them: their ids are not its own); it stops
// like iputils once every probe got a reply or an error (real busybox waits -W for replies).
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "sim/net/pinger.hpp"
#include "sim/tools/commands.hpp"
#include "sim/tools/resolver.hpp"
#include "sim/wire/ipv6_address.hpp"

namespace sim::tools {

namespace {

struct PingArgs {
    net::PingOptions options;
    bool countGiven = false;
    std::optional<long> deadlineSeconds;  // -w
    bool quiet = false;
    bool numeric = false;
    bool timestamps = false;  // -D
    std::string bindTo;       // -I: an interface name or a source address
    std::string target;
};

struct PingRun {
    net::PingReport report;
    core::SimTime start;
    core::SimTime stop;
};

/// Runs the Pinger until it finishes or `deadline` (exclusive: nothing is sent at the deadline).
core::Result<PingRun> runPinger(ToolContext& ctx, const net::PingOptions& options, std::optional<core::SimTime> deadline) {
    net::Kernel& k = *ctx.kernel;
    PingRun run;
    run.start = k.now();
    auto pinger = std::make_unique<net::Pinger>(k, ctx.ns, options);
    if (auto r = pinger->start(); !r) return std::unexpected(r.error());
    const auto limit = deadline ? *deadline - core::micros(1) : core::SimTime::max();
    runUntil(k, [&] { return pinger->isFinished(); }, limit);
    run.report = pinger->report();
    run.stop = pinger->isFinished() ? run.start + run.report.elapsed : *deadline;
    pinger.reset();  // closes the socket and cancels its timers
    if (deadline && k.now() < *deadline) k.scheduler().runUntil(*deadline);
    return run;
}

/// iputils' time= field: 3 decimals below 1 ms, 2 below 10, 1 below 100, none above.
std::string formatRtt(std::int64_t us) {
    char buf[64];
    if (us >= 100000) std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>((us + 500) / 1000));
    else if (us >= 10000) std::snprintf(buf, sizeof buf, "%lld.%01lld", static_cast<long long>((us + 50) / 1000), static_cast<long long>(((us + 50) % 1000) / 100));
    else if (us >= 1000) std::snprintf(buf, sizeof buf, "%lld.%02lld", static_cast<long long>((us + 5) / 1000), static_cast<long long>(((us + 5) % 1000) / 10));
    else std::snprintf(buf, sizeof buf, "%lld.%03lld", static_cast<long long>(us / 1000), static_cast<long long>(us % 1000));
    return buf;
}

std::string ms3(std::int64_t us) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%lld.%03lld", static_cast<long long>(us / 1000), static_cast<long long>(us % 1000));
    return buf;
}

std::int64_t llsqrt(std::int64_t a) {
    std::int64_t prev = INT64_MAX, x = a;
    if (x > 0)
        while (x < prev) {
            prev = x;
            x = (x + a / x) / 2;
        }
    return x;
}

std::string icmpErrorText(wire::IcmpType type, std::uint8_t code) {
    if (type == wire::IcmpType::DestinationUnreachable) {
        switch (code) {
            case 0: return "Destination Net Unreachable";
            case 1: return "Destination Host Unreachable";
            case 2: return "Destination Protocol Unreachable";
            case 3: return "Destination Port Unreachable";
            case 13: return "Packet filtered";
            default: return "Dest Unreachable, Bad Code: " + std::to_string(code);
        }
    }
    if (type == wire::IcmpType::TimeExceeded)
        return code == 0 ? "Time to live exceeded" : code == 1 ? "Frag reassembly time exceeded"
                                                             : "Time exceeded, Bad Code: " + std::to_string(code);
    return "Bad ICMP type: " + std::to_string(static_cast<int>(type));
}

/// iputils' acknowledge(): the largest number of probes outstanding when an answer arrived.
int pipeSize(const PingRun& run, const net::PingOptions& o) {
    int pipe = -1;
    const auto interval = std::max<std::int64_t>(1, o.interval.micros());
    for (const auto& e : run.report.events) {
        const auto sentSoFar = std::min<std::int64_t>(run.report.transmitted, (e.at - run.start).micros() / interval + 1);
        pipe = std::max(pipe, static_cast<int>(sentSoFar - e.sequence + 1));
    }
    return pipe;
}

/// iputils ping_common.c usage(), printed after getopt's complaint (exit 2); -h prints it too.
const char* kIputilsUsage =
    "\nUsage\n  ping [options] <destination>\n\nOptions:\n"
    "  <destination>      dns name or ip address\n"
    "  -a                 use audible ping\n"
    "  -A                 use adaptive ping\n"
    "  -B                 sticky source address\n"
    "  -c <count>         stop after <count> replies\n"
    "  -D                 print timestamps\n"
    "  -d                 use SO_DEBUG socket option\n"
    "  -f                 flood ping\n"
    "  -h                 print help and exit\n"
    "  -I <interface>     either interface name or address\n"
    "  -i <interval>      seconds between sending each packet\n"
    "  -L                 suppress loopback of multicast packets\n"
    "  -l <preload>       send <preload> number of packages while waiting replies\n"
    "  -m <mark>          tag the packets going out\n"
    "  -M <pmtud opt>     define mtu discovery, can be one of <do|dont|want>\n"
    "  -n                 no dns name resolution\n"
    "  -O                 report outstanding replies\n"
    "  -p <pattern>       contents of padding byte\n"
    "  -q                 quiet output\n"
    "  -Q <tclass>        use quality of service <tclass> bits\n"
    "  -s <size>          use <size> as number of data bytes to be sent\n"
    "  -S <size>          use <size> as SO_SNDBUF socket option value\n"
    "  -t <ttl>           define time to live\n"
    "  -U                 print user-to-user latency\n"
    "  -v                 verbose output\n"
    "  -V                 print version and exit\n"
    "  -w <deadline>      reply wait <deadline> in seconds\n"
    "  -W <timeout>       time to wait for response\n"
    "\nIPv4 options:\n"
    "  -4                 use IPv4\n"
    "  -b                 allow pinging broadcast\n"
    "  -R                 record route\n"
    "  -T <timestamp>     define timestamp, can be one of <tsonly|tsandaddr|tsprespec>\n"
    "\nIPv6 options:\n"
    "  -6                 use IPv6\n"
    "  -F <flowlabel>     define flow label, default is random\n"
    "  -N <nodeinfo opt>  use icmp6 node info query, try <help> as argument\n"
    "\nFor more details see ping(8).\n";

/// An IPv6 literal: Docker's --ipv6 networks give containers IPv6 addresses, but docknet's kernel
/// sends no IPv6, so it says so instead of "bad address".
std::optional<ToolResult> refuseIpv6Target(const std::string& target) {
    if (!wire::Ipv6Address::parse(target)) return std::nullopt;
    return failure("docknet: ping " + target + ": IPv6 echo requests are not modelled (the simulated kernel carries IPv4 only)\n", 2);
}

ToolResult parseIputils(const Args& argv, PingArgs& a) {
    const ParsedOptions p = parseOptions(argv, "h?4bRT:6F:N:aABc:dDfi:I:l:Lm:M:nOp:qQ:rs:S:t:UvVw:W:");
    if (p.invalid) return failure("ping: invalid option -- '" + std::string(1, *p.invalid) + "'\n" + kIputilsUsage, 2);
    if (p.missingArg)
        return failure("ping: option requires an argument -- '" + std::string(1, *p.missingArg) + "'\n" + kIputilsUsage, 2);
    for (const auto& [opt, value] : p.options)
        if (opt == 'h' || opt == '?') return failure(kIputilsUsage, 2);
    auto ranged = [](const std::string& v, long lo, long hi) -> std::variant<long, ToolResult> {
        auto n = parseLong(v);
        if (!n) return failure("ping: invalid argument: '" + v + "'\n", 1);
        if (*n < lo || *n > hi) return failure("ping: invalid argument: '" + v + "': Numerical result out of range\n", 1);
        return *n;
    };
    for (const auto& [opt, value] : p.options) {
        switch (opt) {
            case 'c': case 't': case 's': case 'w': {
                const long hi = opt == 't' ? 255 : opt == 's' ? 65507 : 2147483647L;
                auto v = ranged(value, opt == 'c' ? 1 : 0, hi);
                if (auto* err = std::get_if<ToolResult>(&v)) return *err;
                const long n = std::get<long>(v);
                if (opt == 'c') { a.options.count = static_cast<int>(n); a.countGiven = true; }
                if (opt == 't') a.options.ttl = static_cast<std::uint8_t>(n);
                if (opt == 's') a.options.size = static_cast<std::uint16_t>(n);
                if (opt == 'w') a.deadlineSeconds = n;
                break;
            }
            case 'i': case 'W': {
                auto v = parseDouble(value);
                const bool linger = opt == 'W';
                if (!v || *v < (linger ? 0.001 : 0.0)) return failure(std::string("ping: bad ") + (linger ? "linger time" : "timing interval") + ": " + value + "\n", 2);
                const auto us = core::micros(static_cast<std::int64_t>(std::llround(*v * 1e6)));
                (linger ? a.options.linger : a.options.interval) = us;
                break;
            }
            case 'q': a.quiet = true; break;
            case 'n': a.numeric = true; break;
            case 'V': return ok("ping from iputils 20221126\n");
            case 'D': a.timestamps = true; break;
            case 'I': a.bindTo = value; break;
            case '4': break;  // docknet's kernel carries IPv4 only
            default:
                // Real options whose effect (flood dots, record route, patterns, IPv6 ...) docknet
                // does not model: said so rather than ignored.
                return failure("docknet: ping -" + std::string(1, opt) + ": this option is not modelled\n", 2);
        }
    }
    if (p.operands.empty()) return failure("ping: usage error: Destination address required\n", 1);
    a.target = p.operands.back();
    return ok();
}

ToolResult parseBusybox(const Args& argv, PingArgs& a) {
    const ParsedOptions p = parseOptions(argv, "qvc:s:t:w:W:I:i:46n");
    const std::string usage = "BusyBox v1.36.1 multi-call binary.\n\nUsage: ping [OPTIONS] HOST\n";
    if (p.invalid) return failure("ping: unrecognized option: " + std::string(1, *p.invalid) + "\n" + usage, 1);
    for (const auto& [opt, value] : p.options) {
        if (opt == '6') return failure("docknet: ping -6: this option is not modelled\n", 2);
        if (opt == 'q') a.quiet = true;
        if (opt == 'c' || opt == 's' || opt == 't' || opt == 'w' || opt == 'W') {
            auto n = parseLong(value);
            if (!n || *n < 0) return failure("ping: invalid number '" + value + "'\n", 1);
            if (opt == 'c') { a.options.count = static_cast<int>(*n); a.countGiven = *n > 0; }
            if (opt == 's') a.options.size = static_cast<std::uint16_t>(std::min(*n, 65507L));
            if (opt == 't') a.options.ttl = static_cast<std::uint8_t>(std::min(*n, 255L));
            if (opt == 'w') a.deadlineSeconds = *n;
            if (opt == 'W') a.options.linger = core::seconds(*n);
        }
        if (opt == 'i') {
            auto v = parseDouble(value);
            if (!v || *v < 0) return failure("ping: invalid number '" + value + "'\n", 1);
            a.options.interval = core::micros(static_cast<std::int64_t>(std::llround(*v * 1e6)));
        }
    }
    if (p.operands.empty()) return failure(usage, 1);
    a.target = p.operands.back();
    return ok();
}

/// The probe schedule: -c and -w as given; neither means "4 probes, then Ctrl-C".
std::optional<core::SimTime> planRun(ToolContext& ctx, PingArgs& a) {
    if (!a.countGiven) {
        a.options.count = a.deadlineSeconds ? 0 : 4;
        if (!a.deadlineSeconds) a.options.linger = a.options.interval;
    }
    if (a.deadlineSeconds) return ctx.kernel->now() + core::seconds(*a.deadlineSeconds);
    return std::nullopt;
}

/// Every echo request is simulated and traced (a few records each, kept for the student to step
/// through), so one ping run is bounded: beyond kMaxSimulatedEchoes it is refused up front,
/// said so, rather than left to run for minutes or fill memory (`ping -c 1000000 -i 0`, or
/// `-w` with `-i 0`, which would send without end at one instant).
constexpr std::int64_t kMaxSimulatedEchoes = 100000;

std::optional<ToolResult> refuseUnboundedRun(const PingArgs& a, std::optional<core::SimTime> deadline, core::SimTime now) {
    std::int64_t sends = a.options.count > 0 ? a.options.count : INT64_MAX;  // 0: until the deadline
    if (deadline) {
        const std::int64_t gap = std::max<std::int64_t>(1, a.options.interval.micros());  // -i 0: 1 µs (Pinger)
        sends = std::min(sends, (*deadline - now).micros() / gap + 1);
    }
    if (sends <= kMaxSimulatedEchoes) return std::nullopt;
    return failure("docknet: ping: this run would send " + std::to_string(sends) + " echo requests; docknet simulates at most " +
                       std::to_string(kMaxSimulatedEchoes) + " per ping (use a smaller -c or -w, or a longer -i)\n",
                   2);
}

ToolResult runIputils(ToolContext& ctx, const Args& argv) {
    PingArgs a;
    if (auto r = parseIputils(argv, a); r.exitCode != 0 || !r.out.empty()) return r;
    if (auto refused = refuseIpv6Target(a.target)) return *refused;
    const Resolution res = resolveHost(ctx, a.target);
    if (res.status != ResolveStatus::Ok) return failure("ping: " + a.target + ": " + std::string(gaiMessage(res.status)) + "\n", 2);
    const bool numeric = a.numeric || res.source == ResolveSource::Literal;
    a.options.dst = res.address;
    // -I: an interface of the namespace (its first address is the source) or one of its addresses.
    std::optional<std::string> source;
    bool isDevice = false;
    if (!a.bindTo.empty()) {
        const auto dev = ctx.kernel->findInterface(ctx.ns, a.bindTo);
        if (dev.isValid()) {
            isDevice = true;
            const net::Interface* i = ctx.kernel->interface(dev);
            source = i->addresses.empty() ? std::string("0.0.0.0") : i->addresses.front().address().toString();
        } else if (auto addr = wire::Ipv4Address::parse(a.bindTo)) {
            source = addr->toString();
            bool local = false;
            for (auto id : ctx.kernel->interfacesOf(ctx.ns))
                for (const auto& p : ctx.kernel->interface(id)->addresses) local |= p.address() == *addr;
            if (!local) return failure("ping: bind: Cannot assign requested address\n", 2);
        } else {
            return failure("ping: SO_BINDTODEVICE " + a.bindTo + ": No such device\n", 2);
        }
    }
    const auto deadline = planRun(ctx, a);
    if (auto refused = refuseUnboundedRun(a, deadline, ctx.kernel->now())) return *refused;
    auto run = runPinger(ctx, a.options, deadline);
    if (!run) return failure("ping: connect: " + run.error().message + "\n", 2);

    std::optional<wire::Ipv4Address> lastFrom;  // pr_addr()'s cache of the last address
    std::string lastText;
    auto fromText = [&](wire::Ipv4Address addr) {
        if (numeric) return addr.toString();
        if (lastFrom != addr) {
            lastFrom = addr;
            lastText = reverseResolve(ctx, addr).value_or(addr.toString()) + " (" + addr.toString() + ")";
        }
        return lastText;
    };
    const bool timing = a.options.size >= 16;  // room for the timestamp
    const std::string host = numeric ? a.target : res.canonicalName;
    std::string out = "PING " + host + " (" + res.address.toString() + ") ";
    if (!a.bindTo.empty()) out += "from " + *source + " " + (isDevice ? a.bindTo : std::string()) + ": ";
    out += std::to_string(a.options.size) + "(" + std::to_string(a.options.size + 28) + ") bytes of data.\n";
    // -D: gettimeofday() of each line, "[seconds.micros] ".
    auto stamp = [&](core::SimTime at) {
        if (!a.timestamps) return std::string();
        char buf[40];
        std::snprintf(buf, sizeof buf, "[%lld.%06lld] ", static_cast<long long>(ctx.epochSeconds + at.micros() / 1'000'000),
                      static_cast<long long>(at.micros() % 1'000'000));
        return std::string(buf);
    };
    const auto& rep = run->report;
    std::int64_t tmin = INT64_MAX, tmax = 0, tsum = 0, tsum2 = 0;
    int received = 0, errors = 0;
    for (const auto& e : rep.events) {
        if (e.isError) {
            ++errors;
            if (!a.quiet) out += stamp(e.at) + "From " + fromText(e.from) + " icmp_seq=" + std::to_string(e.sequence) + " " + icmpErrorText(e.type, e.code) + "\n";
            continue;
        }
        ++received;
        const std::int64_t us = e.rtt.micros();
        tmin = std::min(tmin, us);
        tmax = std::max(tmax, us);
        tsum += us;
        tsum2 += us * us;
        if (a.quiet) continue;
        out += stamp(e.at) + std::to_string(e.bytes) + " bytes from " + fromText(e.from) + ": icmp_seq=" + std::to_string(e.sequence) +
               " ttl=" + std::to_string(e.ttl);
        out += timing ? " time=" + formatRtt(us) + " ms\n" : "\n";
    }
    const int tx = rep.transmitted;
    char loss[32];
    std::snprintf(loss, sizeof loss, "%g", static_cast<double>(static_cast<float>((tx - received) * 100.0 / tx)));
    out += "\n--- " + host + " ping statistics ---\n" + std::to_string(tx) + " packets transmitted, " +
           std::to_string(received) + " received";
    if (errors) out += ", +" + std::to_string(errors) + " errors";
    out += ", " + std::string(loss) + "% packet loss, time " + std::to_string(((run->stop - run->start).micros() + 500) / 1000) + "ms\n";
    std::string tail;
    if (received && timing) {
        const std::int64_t avg = tsum / received;
        const std::int64_t var = tsum < INT32_MAX ? (tsum2 - (tsum * tsum) / received) / received : tsum2 / received - avg * avg;
        tail = "rtt min/avg/max/mdev = " + ms3(tmin) + "/" + ms3(avg) + "/" + ms3(tmax) + "/" + ms3(llsqrt(var)) + " ms";
    }
    if (const int pipe = pipeSize(*run, a.options); pipe > 1) tail += (tail.empty() ? "" : ", ") + std::string("pipe ") + std::to_string(pipe);
    if (!tail.empty()) out += tail + "\n";
    const bool failed = received == 0 || (a.deadlineSeconds && a.countGiven && received < a.options.count);
    return ToolResult{out, {}, failed ? 1 : 0};
}

ToolResult runBusybox(ToolContext& ctx, const Args& argv) {
    PingArgs a;
    if (auto r = parseBusybox(argv, a); r.exitCode != 0) return r;
    if (auto refused = refuseIpv6Target(a.target)) return *refused;
    const Resolution res = resolveHost(ctx, a.target);
    if (res.status != ResolveStatus::Ok) return failure("ping: bad address '" + a.target + "'\n", 1);
    a.options.dst = res.address;
    std::string out = "PING " + a.target + " (" + res.address.toString() + "): " + std::to_string(a.options.size) + " data bytes\n";
    const auto deadline = planRun(ctx, a);
    if (auto refused = refuseUnboundedRun(a, deadline, ctx.kernel->now())) return *refused;
    auto run = runPinger(ctx, a.options, deadline);
    if (!run) return ToolResult{out, "ping: sendto: " + run.error().message + "\n", 1};

    std::int64_t tmin = INT64_MAX, tmax = 0, tsum = 0;
    int received = 0;
    for (const auto& e : run->report.events) {
        if (e.isError) continue;
        ++received;
        const std::int64_t us = e.rtt.micros();
        tmin = std::min(tmin, us);
        tmax = std::max(tmax, us);
        tsum += us;
        if (!a.quiet)
            out += std::to_string(e.bytes) + " bytes from " + e.from.toString() + ": seq=" + std::to_string(e.sequence - 1) +
                   " ttl=" + std::to_string(e.ttl) + (a.options.size >= 8 ? " time=" + ms3(us) + " ms" : "") + "\n";
    }
    const int tx = run->report.transmitted;
    out += "\n--- " + a.target + " ping statistics ---\n" + std::to_string(tx) + " packets transmitted, " +
           std::to_string(received) + " packets received, " + std::to_string(tx ? (tx - received) * 100 / tx : 0) +
           "% packet loss\n";
    if (received) out += "round-trip min/avg/max = " + ms3(tmin) + "/" + ms3(tsum / received) + "/" + ms3(tmax) + " ms\n";
    const bool failed = received == 0 || (a.deadlineSeconds && a.countGiven && received < a.options.count);
    return ToolResult{out, {}, failed ? 1 : 0};
}

}  // namespace

ToolResult runPing(ToolContext& ctx, const Args& argv) {
    return ctx.flavor == Flavor::Busybox ? runBusybox(ctx, argv) : runIputils(ctx, argv);
}

}  // namespace sim::tools
