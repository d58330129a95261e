#include "real/ledger_teardown.hpp"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "real/concurrently.hpp"
#include "real/link_builder.hpp"
#include "real/namespace_worker.hpp"
#include "real/netlink_session.hpp"
#include "real/netns_path.hpp"
#include "real/netns_registry.hpp"
#include "real/nft_ruleset.hpp"

namespace docknet::real {

namespace {

bool underEtcNetns(const std::string& path) {
    const std::string prefix = std::string(kNetnsEtcDir) + "/docknet-";
    return path.rfind(prefix, 0) == 0 && path.find("..") == std::string::npos;
}

bool linkExists(const std::string& ns, const std::string& name) {
    if (!NetnsRegistry::exists(ns)) return false;
    auto entry = NamespaceEntry::enter(ns);
    if (!entry) return false;
    auto session = NetlinkSession::open();
    return session && LinkBuilder(*session).exists(name);
}

/// NetnsRegistry::remove for each of `names`, concurrently: each umount2 waits for an RCU
/// grace period (some 3 ms in a VM) and does little else. The result per name, in order.
std::vector<sim::core::Result<void>> removeNamespaces(const std::vector<std::string>& names) {
    std::vector<sim::core::Result<void>> results(names.size());
    forEachConcurrently(names.size(), [&](std::size_t i) { results[i] = NetnsRegistry::remove(names[i]); });
    return results;
}

}  // namespace

bool recordExists(const LedgerRecord& r) {
    const std::string& k = r.kind;
    if (k == "netns") return NetnsRegistry::exists(r.field(0));
    if (k == "link" || k == "veth") return linkExists(r.field(0), r.field(1));
    if (k == "addr" || k == "route" || k == "sysctl") return NetnsRegistry::exists(r.field(0));  // they live as long as it
    if (k == "nft") {
        if (!NetnsRegistry::exists(r.field(0))) return false;
        auto entry = NamespaceEntry::enter(r.field(0));
        return entry && NftRuleset::tableExists(r.field(1));
    }
    if (k == "dir" || k == "file" || k == "rundir" || k == "runmount") return ::access(r.field(0).c_str(), F_OK) == 0;
    return false;
}

std::vector<LedgerRecord> removeRecorded(const std::vector<LedgerRecord>& records, std::vector<std::string>& problems) {
    std::vector<LedgerRecord> left;
    auto keep = [&](const LedgerRecord& r, const std::string& why) {
        left.push_back(r);
        problems.push_back(r.toString() + ": " + why);
    };
    for (auto it = records.rbegin(); it != records.rend(); ++it) {
        const LedgerRecord& r = *it;
        const std::string& k = r.kind;
        if (k == "netns") {
            // The namespaces were recorded in one batch: remove the run of them together.
            auto end = it;
            std::vector<std::string> names;
            for (; end != records.rend() && end->kind == "netns"; ++end) names.push_back(end->field(0));
            const auto results = removeNamespaces(names);
            for (std::size_t i = 0; i < names.size(); ++i)
                if (!results[i]) keep(*(it + static_cast<std::ptrdiff_t>(i)), results[i].error().message);
            it = end - 1;
        } else if (k == "file" || k == "dir") {
            // A run of files and directories (recorded in one batch): the files first, then the
            // lab's directories concurrently (an rmdir waits 3-4 ms here and does little else),
            // then /etc/netns itself, which must be empty by then.
            auto end = it;
            for (; end != records.rend() && (end->kind == "file" || end->kind == "dir"); ++end) {}
            std::vector<const LedgerRecord*> dirs;
            for (auto f = it; f != end; ++f) {
                if (f->kind == "dir") {
                    dirs.push_back(&*f);
                    continue;
                }
                if (!underEtcNetns(f->field(0))) keep(*f, "not under /etc/netns/docknet-*: left alone");
                else if (::unlink(f->field(0).c_str()) != 0 && errno != ENOENT) keep(*f, std::strerror(errno));
            }
            std::vector<int> errors(dirs.size(), 0);
            std::vector<const LedgerRecord*> later;  // /etc/netns, and what is not ours
            std::vector<std::size_t> lab;
            for (std::size_t d = 0; d < dirs.size(); ++d) {
                if (underEtcNetns(dirs[d]->field(0))) lab.push_back(d);
                else later.push_back(dirs[d]);
            }
            forEachConcurrently(lab.size(), [&](std::size_t n) {
                if (::rmdir(dirs[lab[n]]->field(0).c_str()) != 0) errors[lab[n]] = errno;
            });
            for (const std::size_t d : lab) {
                const int e = errors[d];
                // A directory someone else put files in stays, and leaves the ledger: it is not
                // docknet's to empty.
                if (e != 0 && e != ENOENT && e != ENOTEMPTY && e != EEXIST) keep(*dirs[d], std::strerror(e));
            }
            for (const LedgerRecord* r : later) {
                if (r->field(0) != kNetnsEtcDir) keep(*r, "not a docknet directory: left alone");
                else if (::rmdir(r->field(0).c_str()) != 0 && errno != ENOENT && errno != ENOTEMPTY && errno != EEXIST)
                    keep(*r, std::strerror(errno));
            }
            it = end - 1;
        } else if (k == "runmount") {
            if (auto x = NetnsRegistry::releaseRunMount(); !x) keep(r, x.error().message);
        } else if (k == "rundir") {
            if (auto x = NetnsRegistry::releaseRunDir(); !x) keep(r, x.error().message);
        }
        // link, veth, addr, route, sysctl, nft: gone with their namespace.
    }
    std::reverse(left.begin(), left.end());
    return left;
}

}  // namespace docknet::real
