#include "real/ledger_teardown.hpp"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <thread>

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

/// NetnsRegistry::remove for each of `names`, from a few threads at once. Each umount2 waits for
/// an RCU grace period (some 3 ms in a VM) and does little else; waits that overlap share
/// their grace periods, so 100 namespaces go in a fraction of the time one after another takes.
/// The mount table is the process's, not the thread's: any thread may unmount. Returns the
/// result per name, in order.
std::vector<sim::core::Result<void>> removeNamespaces(const std::vector<std::string>& names) {
    std::vector<sim::core::Result<void>> results(names.size());
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        for (std::size_t i = next++; i < names.size(); i = next++) results[i] = NetnsRegistry::remove(names[i]);
    };
    const std::size_t threads = std::min<std::size_t>(8, names.size());
    std::vector<std::thread> pool;
    for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(work);
    work();
    for (auto& t : pool) t.join();
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
        } else if (k == "file") {
            if (!underEtcNetns(r.field(0))) keep(r, "not under /etc/netns/docknet-*: left alone");
            else if (::unlink(r.field(0).c_str()) != 0 && errno != ENOENT) keep(r, std::strerror(errno));
        } else if (k == "dir") {
            const bool ours = underEtcNetns(r.field(0)) || r.field(0) == kNetnsEtcDir;
            // A directory someone else put files in stays, and leaves the ledger: it is not
            // docknet's to empty.
            if (!ours) keep(r, "not a docknet directory: left alone");
            else if (::rmdir(r.field(0).c_str()) != 0 && errno != ENOENT && errno != ENOTEMPTY && errno != EEXIST)
                keep(r, std::strerror(errno));
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
