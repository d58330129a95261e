#include "real/plan_applier.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <set>

#include "real/link_builder.hpp"
#include "real/namespace_worker.hpp"
#include "real/netlink_session.hpp"
#include "real/netns_path.hpp"
#include "real/netns_registry.hpp"
#include "real/nft_ruleset.hpp"
#include "real/sysctl_writer.hpp"

namespace docknet::real {

using sim::core::ErrorCode;
using sim::core::fail;
using sim::core::Result;

namespace {

/// Runs `f(LinkBuilder&)` inside namespace `ns` with a netlink socket opened there.
template <class F>
Result<void> inNamespace(const std::string& ns, F f) {
    auto entry = NamespaceEntry::enter(ns);
    if (!entry) return std::unexpected(entry.error());
    auto session = NetlinkSession::open();
    if (!session) return std::unexpected(session.error());
    LinkBuilder links(*session);
    return f(links);
}

Result<void> withContext(Result<void> r, const std::string& where) {
    if (!r) return fail(r.error().code, where + ": " + r.error().message);
    return r;
}

Result<void> writeFile(const std::string& path, const std::string& content) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0) return fail(errno == EEXIST ? ErrorCode::AlreadyExists : ErrorCode::Internal, path + ": " + std::strerror(errno));
    const ssize_t n = ::write(fd, content.data(), content.size());
    ::close(fd);
    if (n != static_cast<ssize_t>(content.size())) return fail(ErrorCode::Internal, path + ": short write");
    return {};
}

/// A sysctl of the plan, written in the namespace entered. A key the kernel lacks is an error
/// unless the plan says its absence already means the value; bridge-nf-call-iptables=1 without
/// br_netfilter says what to load, since docknet loads no kernel module (a host-wide change).
Result<void> writePlannedSysctl(const sim::plan::PlanSysctl& s) {
    auto written = writeSysctl(s.key, s.value);
    if (written || written.error().code != ErrorCode::NotFound) return written;
    if (s.absentMeansValue) return {};
    if (s.key.rfind("net/bridge/", 0) == 0)
        return fail(ErrorCode::Unsupported, written.error().message +
                                                " (this kernel has no br_netfilter loaded: `modprobe br_netfilter` as root; docknet "
                                                "loads no kernel module)");
    return written;
}

}  // namespace

Result<void> checkPlanIsSelfContained(const sim::plan::KernelPlan& plan) {
    std::set<std::string> names;
    for (const auto& n : plan.namespaces) {
        if (!isDocknetName(n.name)) return fail(ErrorCode::Forbidden, "plan names namespace " + n.name + ", not docknet-*");
        names.insert(n.name);
    }
    auto inside = [&](const std::string& ns) { return names.contains(ns); };
    for (const auto& v : plan.veths)
        if (!inside(v.ns) || !inside(v.peerNs)) return fail(ErrorCode::Forbidden, "veth " + v.name + " leaves the lab's namespaces");
    for (const auto& b : plan.bridges)
        if (!inside(b.ns)) return fail(ErrorCode::Forbidden, "bridge " + b.name + " outside the lab");
    for (const auto& a : plan.addresses)
        if (!inside(a.ns)) return fail(ErrorCode::Forbidden, "address outside the lab");
    for (const auto& r : plan.routes)
        if (!inside(r.ns)) return fail(ErrorCode::Forbidden, "route outside the lab");
    for (const auto& s : plan.sysctls)
        if (!inside(s.ns)) return fail(ErrorCode::Forbidden, "sysctl outside the lab");
    for (const auto& r : plan.rulesets)
        if (!inside(r.ns)) return fail(ErrorCode::Forbidden, "nft table outside the lab");
    for (const auto& f : plan.files)
        if (!inside(f.ns) || f.name.find('/') != std::string::npos) return fail(ErrorCode::Forbidden, "file outside the lab");
    for (const auto& u : plan.udpSockets)
        if (!inside(u.ns)) return fail(ErrorCode::Forbidden, "udp socket outside the lab");
    return {};
}

template <class Make>
Result<void> PlanApplier::create(const std::string& kind, const std::vector<std::string>& fields, Make make) {
    auto line = m_ledger.record(kind, fields);
    if (!line) return std::unexpected(line.error());
    return createRecorded(kind, fields, *line, make);
}

template <class Make>
Result<void> PlanApplier::createRecorded(const std::string& kind, const std::vector<std::string>& fields, std::size_t line,
                                         Make make) {
    Result<void> made = make();
    std::string what = kind;
    for (const auto& f : fields) what += " " + f;
    if (!made) {
        // Nothing was made (netlink's NLM_F_EXCL, O_EXCL): the record must not make down delete
        // an object of the same name that is someone else's.
        if (made.error().code == ErrorCode::AlreadyExists) (void)m_ledger.cancel(line);
        return withContext(std::move(made), what);
    }
    if (m_options.onMade) m_options.onMade(what);
    if (++m_made == m_options.crashAfter) ::_exit(137);  // as if killed with -9: no cleanup
    return {};
}

Result<void> PlanApplier::apply(const sim::plan::KernelPlan& plan) {
    if (auto ok = checkPlanIsSelfContained(plan); !ok) return ok;
    NetnsRegistry registry(m_ledger);
    if (auto r = registry.prepareRunDir(); !r) return r;

    if (auto r = makeNamespaces(plan); !r) return r;

    // Sysctls before any link, so IPv6 is off on every interface from its birth (no router
    // solicitations, no DAD: the kernel sends nothing the model does not).
    for (const auto& n : plan.namespaces) {
        auto r = inNamespace(n.name, [&](LinkBuilder& links) -> Result<void> {
            for (const auto& s : plan.sysctls)
                if (s.ns == n.name)
                    if (auto w = create("sysctl", {s.ns, s.key}, [&] { return writePlannedSysctl(s); }); !w) return w;
            for (const auto& lo : plan.loopbacks)
                if (lo.ns == n.name)
                    if (auto u = links.configure("lo", "", lo.up); !u) return withContext(u, n.name + " lo");
            return {};
        });
        if (!r) return r;
    }

    for (const auto& b : plan.bridges) {
        auto r = inNamespace(b.ns, [&](LinkBuilder& links) {
            return create("link", {b.ns, b.name}, [&] { return links.addBridge(b); });
        });
        if (!r) return r;
    }

    for (const auto& v : plan.veths) {
        const int peerFd = ::open(netnsPath(v.peerNs).c_str(), O_RDONLY | O_CLOEXEC);
        if (peerFd < 0) return fail(ErrorCode::NotFound, netnsPath(v.peerNs) + ": " + std::strerror(errno));
        auto r = inNamespace(v.ns, [&](LinkBuilder& links) {
            return create("veth", {v.ns, v.name, v.peerNs, v.peerName}, [&] { return links.addVeth(v, peerFd); });
        });
        ::close(peerFd);
        if (!r) return r;
    }

    // Masters and up: bridges first, then each veth end where it lives.
    for (const auto& b : plan.bridges) {
        auto r = inNamespace(b.ns, [&](LinkBuilder& links) { return links.configure(b.name, "", b.up); });
        if (!r) return withContext(r, "set " + b.ns + " " + b.name);
    }
    for (const auto& v : plan.veths) {
        auto a = inNamespace(v.ns, [&](LinkBuilder& links) { return links.configure(v.name, v.master, v.up); });
        if (!a) return withContext(a, "set " + v.ns + " " + v.name);
        auto b = inNamespace(v.peerNs, [&](LinkBuilder& links) { return links.configure(v.peerName, v.peerMaster, v.peerUp); });
        if (!b) return withContext(b, "set " + v.peerNs + " " + v.peerName);
    }

    for (const auto& n : plan.namespaces) {
        auto r = inNamespace(n.name, [&](LinkBuilder& links) -> Result<void> {
            for (const auto& a : plan.addresses)
                if (a.ns == n.name)
                    if (auto x = create("addr", {a.ns, a.dev, a.prefix}, [&] { return links.addAddress(a.dev, a.prefix); }); !x)
                        return x;
            for (const auto& rt : plan.routes)
                if (rt.ns == n.name)
                    if (auto x = create("route", {rt.ns, rt.destination, rt.dev}, [&] { return links.addRoute(rt); }); !x)
                        return x;
            return {};
        });
        if (!r) return r;
    }

    for (const auto& rs : plan.rulesets) {
        auto entry = NamespaceEntry::enter(rs.ns);
        if (!entry) return std::unexpected(entry.error());
        // The context is made inside NftRuleset::apply, i.e. after entering the namespace.
        if (auto r = create("nft", {rs.ns, rs.table}, [&] { return NftRuleset::apply(rs.text); }); !r) return r;
    }

    return writeFiles(plan);
}

Result<void> PlanApplier::makeNamespaces(const sim::plan::KernelPlan& plan) {
    // A name taken before we start is someone else's: refuse before recording anything, then
    // record all of them in one fsynced write.
    std::vector<std::pair<std::string, std::vector<std::string>>> batch;
    for (const auto& n : plan.namespaces) {
        if (::access(netnsPath(n.name).c_str(), F_OK) == 0)
            return fail(ErrorCode::AlreadyExists, netnsPath(n.name) + " exists and docknet did not record it (remove it with `ip netns del " +
                                                      n.name + "`)");
        batch.push_back({"netns", {n.name}});
    }
    auto lines = m_ledger.recordAll(batch);
    if (!lines) return std::unexpected(lines.error());
    NetnsRegistry registry(m_ledger);
    for (std::size_t i = 0; i < plan.namespaces.size(); ++i) {
        const std::string& name = plan.namespaces[i].name;
        if (auto r = createRecorded("netns", {name}, (*lines)[i], [&] { return registry.create(name); }); !r) return r;
    }
    return {};
}

Result<void> PlanApplier::writeFiles(const sim::plan::KernelPlan& plan) {
    auto makeDir = [](const std::string& path) -> Result<void> {
        if (::mkdir(path.c_str(), 0755) != 0)
            return fail(errno == EEXIST ? ErrorCode::AlreadyExists : ErrorCode::Internal, path + ": " + std::strerror(errno));
        return {};
    };
    // Plan the directories and files, refuse any that exists already (not ours), record them
    // all in one fsynced write, then make them in order.
    struct Step {
        std::string kind, path, content;
    };
    std::vector<Step> steps;
    std::set<std::string> dirs;
    if (!plan.files.empty() && ::access(kNetnsEtcDir, F_OK) != 0) steps.push_back({"dir", kNetnsEtcDir, {}});
    for (const auto& f : plan.files) {
        const std::string dir = std::string(kNetnsEtcDir) + "/" + f.ns;
        if (dirs.insert(dir).second) steps.push_back({"dir", dir, {}});
        steps.push_back({"file", dir + "/" + f.name, f.content});
    }
    std::vector<std::pair<std::string, std::vector<std::string>>> batch;
    for (const auto& s : steps) {
        if (::access(s.path.c_str(), F_OK) == 0 && s.path != kNetnsEtcDir)
            return fail(ErrorCode::AlreadyExists, s.path + " exists and docknet did not record it");
        batch.push_back({s.kind, {s.path}});
    }
    auto lines = m_ledger.recordAll(batch);
    if (!lines) return std::unexpected(lines.error());
    for (std::size_t i = 0; i < steps.size(); ++i) {
        const Step& s = steps[i];
        auto made = createRecorded(s.kind, {s.path}, (*lines)[i],
                                   [&] { return s.kind == "dir" ? makeDir(s.path) : writeFile(s.path, s.content); });
        if (!made) return made;
    }
    return {};
}

}  // namespace docknet::real
